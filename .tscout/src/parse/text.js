"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = exports.yamlLineBreaks = void 0;
exports.splitLines = splitLines;
exports.decodeFile = decodeFile;
/** Splits on LF, CRLF and CR, without the terminators. */
function splitLines(text) {
    return text.split(/\r\n|\r|\n/);
}
/**
 * YAML breaks lines at a lone CR as at LF and CRLF (YAML 1.2 §5.4; SnakeYAML and libyaml alike: SnakeYAML 1.33 reads
 * `filters:\r  - TokenRelay=` as a key and its list), the yaml library only at LF: each lone CR becomes an LF, one
 * for one, so the library's offsets are the file's.
 */
const yamlLineBreaks = (text) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);
exports.yamlLineBreaks = yamlLineBreaks;
/** Maps string offsets to zero-based positions (for parsers that work on offsets, e.g. JSON and XML). */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 13 /* CR */) {
                if (text.charCodeAt(i + 1) === 10)
                    i++;
                this.starts.push(i + 1);
            }
            else if (ch === 10) {
                this.starts.push(i + 1);
            }
        }
    }
    positionAt(offset) {
        let clamped = Math.max(0, Math.min(offset, this.text.length));
        // An offset between the CR and LF of a CRLF is the end of that line, not a character past it.
        if (clamped > 0 && this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10)
            clamped--;
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            // 0 <= low <= mid <= high < starts.length (there is always a line 0).
            if (this.starts[mid] <= clamped)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low, character: clamped - this.starts[low] };
    }
    rangeAt(start, end) {
        return { start: this.positionAt(start), end: this.positionAt(end) };
    }
    /** The offset of a position (zero-based line and character) in the text. */
    offsetAt(position) {
        return (this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0) + position.character;
    }
    get lineCount() {
        return this.starts.length;
    }
}
exports.LineIndex = LineIndex;
/** One strict decoder for every file (decode() without `stream` starts afresh each call). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Turns file bytes into text the way a config reader should: strips a UTF-8
 * BOM, honours UTF-16 BOMs, refuses binary content (NUL bytes) with a reason, and
 * reads text that is not UTF-8 as Windows-1252 (a superset of Latin-1).
 */
function decodeFile(bytes) {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
        return { ok: true, text: bytes.subarray(2).toString('utf16le'), hadBom: true, encoding: 'utf-16le' };
    }
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
        const body = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
        const swapped = Buffer.from(body).swap16();
        return { ok: true, text: swapped.toString('utf16le'), hadBom: true, encoding: 'utf-16be' };
    }
    const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hadBom ? bytes.subarray(3) : bytes;
    const nul = body.indexOf(0);
    if (nul !== -1) {
        return {
            ok: false,
            reason: 'binary',
            message: 'File contains NUL bytes: it is binary, not a text configuration file',
            offset: nul,
        };
    }
    try {
        const text = UTF8.decode(body);
        return { ok: true, text, hadBom, encoding: 'utf-8' };
    }
    catch {
        // Not UTF-8: the usual other encoding of configuration files is ISO-8859-1 (java.util.Properties'
        // own) or its superset Windows-1252, which decodes every byte: read, not dropped.
        return { ok: true, text: CP1252.decode(body), hadBom, encoding: 'windows-1252' };
    }
}
const CP1252 = new TextDecoder('windows-1252');
