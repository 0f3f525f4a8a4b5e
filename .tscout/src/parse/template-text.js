"use strict";
/** UTF-16 code-unit helpers of the template scan: set syntax aside in place, keep offsets, find line ends by hand. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPACE = exports.CR = exports.LF = exports.TAB = void 0;
exports.aloneOnLine = aloneOnLine;
exports.blankToLineEnd = blankToLineEnd;
exports.codeUnits = codeUnits;
exports.textOf = textOf;
exports.overwrite = overwrite;
/** Whether only blanks stand between the tag and its line's ends (walked by hand: a tag per line of a large file). */
function aloneOnLine(text, start, end) {
    for (let k = start - 1; k >= 0; k--) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13)
            break;
        if (!isBlank(c))
            return false;
    }
    return blankToLineEnd(text, end);
}
/** Whether only blanks follow `from` up to the end of its line. */
function blankToLineEnd(text, from) {
    for (let k = from; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13)
            return true;
        if (!isBlank(c))
            return false;
    }
    return true;
}
/** What String.prototype.trim() removes, but line breaks (the callers stop at those). */
function isBlank(c) {
    if (c === 32 || c === 9)
        return true;
    return c < 128 ? c === 11 || c === 12 : /\s/.test(String.fromCharCode(c));
}
exports.TAB = 9;
exports.LF = 10;
exports.CR = 13;
exports.SPACE = 32;
/**
 * The text's UTF-16 code units, to set template syntax aside in place: a typed array, not `split('')` (a string per
 * character: generator-jhipster@b622d1a's 1,575 EJS templates, 5 MB, spent a third of the run there).
 */
function codeUnits(text) {
    const out = new Uint16Array(text.length);
    for (let k = 0; k < text.length; k++)
        out[k] = text.charCodeAt(k);
    return out;
}
/** String.fromCharCode over an array-like of code units, without copying it to an array first. */
function fromCodes(codes) {
    const text = Reflect.apply(String.fromCharCode, null, codes);
    return typeof text === 'string' ? text : '';
}
/** The text of code units, in chunks (an argument list has a limit); a lone surrogate stays as it is. */
function textOf(chars) {
    let out = '';
    for (let k = 0; k < chars.length; k += 8192)
        out += fromCodes(chars.subarray(k, k + 8192));
    return out;
}
/** `replacement` written over `chars` from `start` (same length as what it replaces: offsets stay true). */
function overwrite(chars, start, replacement) {
    for (let k = 0; k < replacement.length; k++)
        chars[start + k] = replacement.charCodeAt(k);
}
