/**
 * How Docker reads an instruction's text: its parser directive `# escape=`, the lines it joins into one instruction, the
 * comment and empty lines it removes from a continuation before the instruction runs, and the pairs of an `ENV`.
 * BuildKit's parser is the reference: moby/buildkit@f5d08d5a04381687203ced27ef877e0c417fd122 (dockerfile/1.26.0)
 * frontend/dockerfile/parser/parser.go (Parse, setEscapeToken) and directives.go (DirectiveParser.ParseLine).
 */
import { lineOffsets } from './java/jvm-args';

/** The parser directives BuildKit knows; any other line (even a comment) ends them. */
const DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * The escape character of a Dockerfile: a parser directive `# escape=`` ` among the directives that open the file sets
 * it (`#` first, after blanks; a comment, an empty line or an instruction ends the directives), else `\`. BuildKit
 * refuses an escape other than `` ` `` or `\`; the default is kept then.
 */
export function escapeCharacter(text: string): '\\' | '`' {
  for (const line of lineOffsets(text)) {
    const directive = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(line.text.trimStart());
    const name = directive?.[1]!.toLowerCase();
    if (!name || !DIRECTIVES.has(name)) break;
    if (name === 'escape') return directive![2] === '`' ? '`' : '\\';
  }
  return '\\';
}

/** A logical line of a Dockerfile: its offsets, and its first physical line (zero-based). */
export interface DockerLogicalLine {
  start: number;
  end: number;
  first: number;
}

/**
 * The lines BuildKit reads as one: a line whose last character but blanks is the escape, not itself escaped (`\\[ \t]*$`,
 * `foo \\\\` does not continue), continues on the next line that is not a comment or empty (those it removes, whatever
 * they end with). A comment line never continues, nor does a line that is the escape alone before an instruction (its
 * text is empty: the next line starts the instruction). Every other line, comments and empty ones included, is a
 * logical line of its own.
 */
export function dockerLogicalLines(text: string, escape: string): DockerLogicalLine[] {
  const e = escape === '`' ? '`' : '\\\\';
  const continues = new RegExp(`(^|[^${e}])${e}[ \\t]*$`);
  const alone = new RegExp(`^\\s*${e}[ \\t]*$`);
  const lines = lineOffsets(text);
  const result: DockerLogicalLine[] = [];
  for (let first = 0; first < lines.length; ) {
    let last = first;
    const head = lines[first]!.text; // first < lines.length
    if (!REMOVED_LINE.test(head) && !alone.test(head) && continues.test(head))
      while (++last < lines.length - 1 && (REMOVED_LINE.test(lines[last]!.text) || continues.test(lines[last]!.text)));
    result.push({ start: lines[first]!.start, end: lines[Math.min(last, lines.length - 1)]!.end, first });
    first = last + 1;
  }
  return result;
}

/** `ENV K=V K2="V 2"` or the legacy `ENV K V`, with the offsets of keys and values. */
export interface EnvPair {
  key: string;
  value: string;
  keyStart: number;
  valueStart: number;
}

export function envPairs(args: string, argsStart: number): EnvPair[] {
  if (/^[A-Za-z_]\w*=/.test(args)) {
    return [...args.matchAll(/([A-Za-z_]\w*)=("((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s\\]|\\.)*))/g)].map((m) => ({
      key: m[1]!,
      value: m[3] ?? m[4] ?? m[5] ?? '',
      keyStart: argsStart + (m.index ?? 0),
      valueStart: argsStart + (m.index ?? 0) + m[1]!.length + 1 + (m[3] !== undefined || m[4] !== undefined ? 1 : 0),
    }));
  }
  const m = /^([A-Za-z_]\w*)\s+(.*)$/s.exec(args);
  return m
    ? [
        {
          key: m[1]!,
          value: m[2]!.replace(/\\\r?\n\s*/g, ' ').trim(),
          keyStart: argsStart,
          valueStart: argsStart + args.indexOf(m[2]!, m[1]!.length),
        },
      ]
    : [];
}

/**
 * A comment or empty line inside an instruction's continuation: Docker removes it before the instruction runs ("RUN
 * echo hello \\ / # comment / world" runs `echo hello world`: https://docs.docker.com/reference/dockerfile/#format).
 */
export const REMOVED_LINE = /^\s*(#.*)?$/;

/**
 * The file's text as BuildKit joins it, at the file's own offsets: the lines it removes from each instruction's
 * continuation (REMOVED_LINE, an instruction's first line excepted) blanked, line break included, and the blanks after a
 * continuation's escape put before it (`a \\  ` reads `a   \\`), so that every reader sees the escape right before the
 * line break. `comment` is given each removed comment's offsets (of its `#` and of its end).
 */
export function joinedSource(
  text: string,
  logicals: readonly { start: number; end: number }[],
  escape: string,
  comment: (start: number, end: number) => void,
): string {
  let out = '';
  let at = 0;
  for (const logical of logicals) {
    const lines = lineOffsets(text.slice(logical.start, logical.end));
    for (const [i, line] of lines.entries()) {
      if (i === lines.length - 1) continue;
      const start = logical.start + line.start;
      if (i > 0 && REMOVED_LINE.test(line.text)) {
        const next = logical.start + lines[i + 1]!.start;
        const hash = line.text.indexOf('#');
        if (hash >= 0) comment(start + hash, logical.start + line.end);
        out += text.slice(at, start) + ' '.repeat(next - start);
        at = next;
        continue;
      }
      const blanks = line.text.length - line.text.replace(/[ \t]+$/, '').length;
      if (blanks === 0) continue;
      const escapeAt = logical.start + line.end - blanks - 1;
      out += text.slice(at, escapeAt) + ' '.repeat(blanks) + escape;
      at = escapeAt + blanks + 1;
    }
  }
  return out + text.slice(at);
}
