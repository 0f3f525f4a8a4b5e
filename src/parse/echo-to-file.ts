/**
 * MQSC that a script or a container build writes with `echo`/`printf` into a `*.mqsc` file, the way mq-container
 * images are often customised:
 *
 *   RUN echo -e "\
 *   DEFINE CHANNEL(ACE_SVRCONN) CHLTYPE(SVRCONN) SSLCIPH('…') \n\
 *   SET CHLAUTH('ACE_SVRCONN') TYPE(SSLPEERMAP) … \n\
 *   REFRESH SECURITY" > /etc/mqm/aceldap.mqsc
 *
 * (moatoum/cp4i-deployment-samples DrivewayDentDeletion/Operators/Dockerfiles/MQ.Dockerfile), or one command a line:
 * `echo "DEFINE QLOCAL(Q1)" >> /etc/mqm/q.mqsc`. The quoted text is read as MQSC lines at their place in the file:
 * a literal newline ends a line, and so does a `\n` escape where `echo -e` or `printf` turns it into one (a plain
 * `echo` of a `\n` is not read: bash keeps it, dash's echo breaks the line). A line continued by a trailing `\`
 * (Dockerfile or shell) that no `\n` ends joins the next one: the columns would no longer be the file's, so such a
 * string is not read. Only `*.mqsc` targets are read: an MQSC file is a list of independent commands, so each append
 * is complete in itself (an `echo` of one `qm.ini` line is not).
 */
import type { EmbeddedLine, EmbeddedRegion } from './yaml-blocks';

/** `echo` (with `-e`/`-n`/`-E` options) or `printf`, then the opening quote of its text. */
const ECHO_START = /\b(echo|printf)\s+((?:-[neE]+\s+)*)(["'])/g;
/** What follows the closing quote: a redirect to an MQSC file (`> x.mqsc`, `>> "/etc/mqm/x.mqsc"`). */
const TO_MQSC = /^\s*(?:\d?>>?)\s*["']?([^\s"'<>|;&]+\.mqsc)["']?/;

/** One `echo`/`printf` to an `*.mqsc` file starting on line `start`, and the line its text ends on. */
export function echoToMqsc(lines: readonly string[], start: number): { region: EmbeddedRegion; end: number }[] {
  const found: { region: EmbeddedRegion; end: number }[] = [];
  const first = lines[start];
  if (first === undefined || first.trimStart().startsWith('#')) return found;
  for (const m of first.matchAll(ECHO_START)) {
    const quote = m[3]!; // a non-optional group after a match
    const escapes = m[1] === 'printf' || /e/.test(m[2] ?? '');
    const read = readQuoted(lines, start, (m.index ?? 0) + m[0].length, quote, escapes);
    if (!read) continue;
    const target = TO_MQSC.exec(lines[read.end]!.slice(read.afterColumn))?.[1];
    if (!target || read.lines.length === 0) continue;
    found.push({
      region: {
        name: target.slice(target.lastIndexOf('/') + 1),
        container: `${m[1]} to ${target}`,
        lines: read.lines,
        expandsShell: quote === '"',
      },
      end: read.end,
    });
  }
  return found;
}

/**
 * The text of a quoted string from `column` of line `start` up to its closing quote, cut into MQSC lines at literal
 * newlines and (`escapes`) at `\n`; undefined when the string does not close or a continued line joins the next.
 */
function readQuoted(
  lines: readonly string[],
  start: number,
  column: number,
  quote: string,
  escapes: boolean,
): { lines: EmbeddedLine[]; end: number; afterColumn: number } | undefined {
  const out: EmbeddedLine[] = [];
  let from = column;
  for (let line = start; line < lines.length; line++, from = 0) {
    const text = lines[line]!; // line < lines.length
    let segment = from;
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (c === quote && (quote === "'" || text[i - 1] !== '\\')) {
        out.push({ line, column: segment, text: text.slice(segment, i) });
        return { lines: out.filter((l) => l.text.trim() !== ''), end: line, afterColumn: i + 1 };
      }
      // `echo` without -e keeps `\n` in bash but turns it into a newline in dash's: which shell runs it decides.
      if (!escapes && c === '\\' && text[i + 1] === 'n') return undefined;
      if (escapes && c === '\\' && text[i + 1] === 'n') {
        out.push({ line, column: segment, text: text.slice(segment, i) });
        segment = i + 2;
        i++;
      }
    }
    let rest = text.slice(segment);
    if (rest.endsWith('\\')) {
      // A continuation: the next line joins this one unless nothing of this line is left after its last `\n`.
      rest = rest.slice(0, -1);
      if (rest.trim() !== '') return undefined;
    }
    out.push({ line, column: segment, text: rest });
  }
  return undefined;
}
