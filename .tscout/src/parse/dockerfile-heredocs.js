"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hereDocumentsEnd = hereDocumentsEnd;
exports.copiedHereDocuments = copiedHereDocuments;
/**
 * Dockerfile here-documents (https://docs.docker.com/reference/dockerfile/#here-documents): `RUN <<EOF`, `RUN cat >
 * f <<'EOF'`, `COPY <<EOF /etc/app.conf`. The lines after the instruction, up to each delimiter's line, belong to it:
 * they are no instructions of their own.
 */
const shell_commands_1 = require("./shell-commands");
/**
 * The offset where the here-documents opened on an instruction's line `text[start, lineEnd)` end (past the last
 * delimiter's line, its newline excluded); `lineEnd` when it opens none, or when a delimiter never comes (the
 * build fails on such a file, so nothing after it is taken away).
 */
function hereDocumentsEnd(text, start, lineEnd) {
    if (!text.slice(start, lineEnd).includes('<<'))
        return lineEnd;
    let at = lineEnd;
    for (const token of (0, shell_commands_1.shellTokens)(text, start, lineEnd)) {
        if (token.kind !== 'redirection' || !/^<<-?$/.test(token.operator) || !token.target)
            continue;
        const delimiter = token.target.text;
        let found = -1;
        for (let k = at + 1; k <= text.length && found < 0;) {
            const eol = text.indexOf('\n', k);
            const end = eol < 0 ? text.length : eol;
            const line = text.slice(k, end).replace(/\r$/, '');
            if ((token.operator === '<<-' ? line.replace(/^\t+/, '') : line) === delimiter)
                found = end;
            k = end + 1;
        }
        if (found < 0)
            return lineEnd;
        at = found;
    }
    return at;
}
/** `COPY`/`ADD` with here-documents as sources: `COPY [--chmod=…] <<EOF /etc/nginx/conf.d/ssl.conf`. */
const COPY_LINE = /^\s*(?:COPY|ADD)\s/i;
/** A here-document source: `<<EOF`, `<<-EOF`, `<<'EOF'`, `<<"EOF"`. */
const SOURCE = /^<<(-?)(['"]?)([^'"\s]+)\2$/;
/**
 * The files `COPY`/`ADD` here-documents on line `at` create (https://docs.docker.com/reference/dockerfile/#here-documents:
 * `COPY <<EOF /usr/share/nginx/html/index.html`, and `COPY <<robots.txt <<humans.txt /usr/share/nginx/html/`, each
 * document named by its delimiter in the destination directory); undefined when the line copies none.
 */
function copiedHereDocuments(lines, at) {
    const line = lines[at]; // at < lines.length
    if (!COPY_LINE.test(line) || !line.includes('<<'))
        return undefined;
    const words = line.trim().split(/\s+/).slice(1);
    const sources = words.flatMap((w) => {
        const m = SOURCE.exec(w);
        return m ? [{ strip: m[1] === '-', expands: m[2] === '', delimiter: m[3] }] : [];
    });
    const dest = words.filter((w) => !w.startsWith('--') && !SOURCE.test(w)).at(-1);
    if (sources.length === 0 || !dest)
        return undefined;
    const out = [];
    let k = at + 1;
    for (const { strip, expands, delimiter } of sources) {
        const body = [];
        for (; k < lines.length; k++) {
            const raw = lines[k];
            const text = strip ? raw.replace(/^\t+/, '') : raw;
            if (text === delimiter)
                break;
            body.push({ line: k, column: raw.length - text.length, text });
        }
        // No delimiter: the build fails on such a file, and nothing after the line is read as a copied file.
        if (k >= lines.length)
            return out;
        // One document to a path that is no directory is that file; several, or a directory, name each by its delimiter.
        const intoDirectory = dest.endsWith('/') || sources.length > 1;
        out.push({ path: intoDirectory ? `${dest.replace(/\/+$/, '')}/${delimiter}` : dest, lines: body, expands, end: k });
        k++;
    }
    return out;
}
