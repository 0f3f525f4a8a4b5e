/**
 * The `for NAME in WORD…` loop around a line of a shell script whose turns give NAME the words it lists: bash(1)
 * "Compound Commands": "The list of words following in is expanded, generating a list of items. The variable name is
 * set to each element of this list in turn, and list is executed each time". Only a list of literal words is read
 * (`for qm in FR1 FR2 PR1`): a word that expands (`$QMS`, `$(cat list)`, `*`) leaves the turns unknown.
 */
import { hereDocumentEnd, hereDocumentOpening } from './here-documents';
import { ShellBlocks } from './shell-blocks';

/** One word of a loop's list: its text and where it is written (zero-based line, columns). */
export interface LoopWord {
  text: string;
  line: number;
  start: number;
  end: number;
}

/** A `for` loop of the script: the line of its head, its variable and its literal words. */
export interface ForLoop {
  line: number;
  variable: string;
  words: LoopWord[];
}

/** `for NAME in …` with the list up to `; do`, `do`, `;` or the end of the line. */
const FOR_HEAD = /(^|[\s;&|(])for\s+([A-Za-z_]\w*)\s+in\s+(.*?)\s*(?:;\s*do\b.*|\sdo\b.*|;.*)?$/;
/** A word of a list that the shell leaves as written (quotes removed): no expansion, no pattern. */
const LITERAL_WORD = /^(["']?)([A-Za-z0-9._%/-]+)\1$/;
/** Names a line gives another value: an assignment, `read`, `local`…, another loop over it. */
const changes = (name: string) =>
  new RegExp(
    `(^|[\\s;&|(])(${name}\\+?=|(for|select|read|local|declare|typeset|export|readonly)\\b[^;#]*\\b${name}\\b)`,
  );

/**
 * The innermost loop open at line `at` that sets `name`, when it is a `for` over literal words and nothing in its body
 * before `at` gives `name` another value; undefined otherwise (a `while read name` loop, a list that expands).
 */
export function forLoopAround(lines: readonly string[], at: number, name: string): ForLoop | undefined {
  const blocks = new ShellBlocks();
  let open: ReturnType<ShellBlocks['read']> = [];
  for (let i = 0; i <= at && i < lines.length; i++) {
    const line = lines[i]!; // i < lines.length
    if (line.trimStart().startsWith('#')) continue;
    open = blocks.read(line, i);
    const here = hereDocumentOpening(line);
    if (here && i < at) i = hereDocumentEnd(lines, i, here);
  }
  const setter = changes(name);
  for (const block of [...open].reverse()) {
    if (block.kind !== 'loop') continue;
    const head = lines[block.line]!; // a block opens at a line of the script
    if (!setter.test(head)) continue;
    const loop = forHead(head, block.line, name);
    const body = lines.slice(block.line + 1, at);
    return loop && !body.some((l) => !l.trimStart().startsWith('#') && setter.test(l)) ? loop : undefined;
  }
  return undefined;
}

/** The `for` loop a head line opens over `name`, when its words are all literal. */
function forHead(head: string, line: number, name: string): ForLoop | undefined {
  const m = FOR_HEAD.exec(head);
  if (!m || m[2] !== name) return undefined;
  const list = m[3]!;
  const listStart = (m.index ?? 0) + m[0].indexOf(list, m[1]!.length + 4 + name.length);
  const words: LoopWord[] = [];
  for (const w of list.matchAll(/\S+/g)) {
    const literal = LITERAL_WORD.exec(w[0]);
    if (!literal) return undefined;
    const start = listStart + (w.index ?? 0);
    words.push({ text: literal[2]!, line, start, end: start + w[0].length });
  }
  return words.length > 0 ? { line, variable: name, words } : undefined;
}
