/**
 * Dockerfile here-documents (https://docs.docker.com/reference/dockerfile/#here-documents): `RUN <<EOF`, `RUN cat >
 * f <<'EOF'`, `COPY <<EOF /etc/app.conf`. The lines after the instruction, up to each delimiter's line, belong to it:
 * they are no instructions of their own.
 */
import { shellTokens } from './shell-commands';

/**
 * The offset where the here-documents opened on an instruction's line `text[start, lineEnd)` end (past the last
 * delimiter's line, its newline excluded); `lineEnd` when it opens none, or when a delimiter never comes (the
 * build fails on such a file, so nothing after it is taken away).
 */
export function hereDocumentsEnd(text: string, start: number, lineEnd: number): number {
  if (!text.slice(start, lineEnd).includes('<<')) return lineEnd;
  let at = lineEnd;
  for (const token of shellTokens(text, start, lineEnd)) {
    if (token.kind !== 'redirection' || !/^<<-?$/.test(token.operator) || !token.target) continue;
    const delimiter = token.target.text;
    let found = -1;
    for (let k = at + 1; k <= text.length && found < 0; ) {
      const eol = text.indexOf('\n', k);
      const end = eol < 0 ? text.length : eol;
      const line = text.slice(k, end).replace(/\r$/, '');
      if ((token.operator === '<<-' ? line.replace(/^\t+/, '') : line) === delimiter) found = end;
      k = end + 1;
    }
    if (found < 0) return lineEnd;
    at = found;
  }
  return at;
}
