import type { ShellBlock } from './shell-blocks';

export interface EmbeddedLine {
  /** Zero-based line and column of the text in the enclosing file. */
  line: number;
  column: number;
  text: string;
  /** Where a column of `text` was written, when the text is not as written (a script's variable put in). */
  written?: (character: number) => number;
  /**
   * A line of a folded block scalar (`key: >`) whose line break YAML reads as a space: the next line goes on this one
   * (YAML 1.2 §8.1.3; a blank line between them, or a more-indented line, keeps the break).
   */
  joinsNext?: true;
}

export interface EmbeddedRegion {
  /** The name the content would have as a file: the ConfigMap key, `runmqsc.mqsc` for MQSC sent to runmqsc. */
  name: string;
  /** What holds it, as users say it: `YAML key mq.ini`, `heredoc to runmqsc`. */
  container: string;
  lines: EmbeddedLine[];
  /**
   * A heredoc with an unquoted delimiter (`<<EOF`) or a double-quoted `echo "…"`: the shell puts in `$VAR`, `${VAR}`
   * and `$(…)` before the command reads the text, so they are values known only when the script runs.
   */
  expandsShell?: boolean;
  /**
   * Expansions the script's defaults filled in (`${CIPHER:-TLS_…}`, or `$CIPHER` after `CIPHER="${CIPHER:-TLS_…}"`):
   * the variable and where the expansion is written (line, columns of the enclosing file).
   */
  defaults?: { name: string; line: number; start: number; end: number }[];
  /**
   * A here-document that no line ends (it runs to the end of the file): its delimiter and the lines of its body that
   * look like the end but are not exactly the delimiter (`EOF  ` with trailing blanks, an indented `  EOF` under `<<`).
   */
  unterminated?: { delimiter: string; nearEnds: number[] };
  /** A file a script writes from several heredocs (`>` then `>>`, src/parse/shell-appends.ts): how many. */
  pieces?: number;
  /**
   * Each block of the script (an `if` branch, a loop, a `case` arm, a function) that writes some of the pieces when it
   * runs, zero, one or more times, with the lines (of the enclosing file) it writes: verdicts that change when one is
   * left out hold only when it runs (src/parse/embedded-pieces.ts).
   */
  conditional?: ConditionalPieces[];
  /** A piece is written after the first piece left a block it was in: what the file holds is not one text. */
  undecided?: true;
  /** Each piece written inside blocks the first piece is not in: its first and last line, and those blocks. */
  branches?: Array<{ first: number; last: number; blocks: ShellBlock[] }>;
  /** The script only appends (`>>`) to this file: its start is a file the image or another step provides. */
  headless?: true;
  /** A headless file's start is a piece the script writes whose text the tree does not show: what it is, said. */
  unknownStart?: string;
  /** Files of the tree a script copies into this one (`cat a.cfg >> x.conf`), at the word that names each. */
  copied?: Array<{ file: string; line: number; column: number }>;
  /**
   * Pieces of a file the script assembles whose text the tree does not show (`cat $TEMPLATE >> x.conf`): the file is
   * not read, and ./embedded.ts says so at the first of them; `file` is the file's path as the script writes it.
   */
  unknownPieces?: { file: string; pieces: UnknownPiece[] };
}

/** A piece of a file a script writes whose text is not known: its line, its columns, and what it is, said. */
export interface UnknownPiece {
  line: number;
  column: number;
  end: number;
  said: string;
}

/** The lines a block of a script writes into a file, when it runs. */
export interface ConditionalPieces {
  lines: number[];
  block: ShellBlock;
}

const BLOCK_KEY = /^(\s*)(?:-\s+)?(["']?)([\w./-]+)\2\s*:\s*(?<style>[|>])[-+0-9]*\s*(#.*)?$/;
/** A block scalar as a list item (`args:` then `- |`, a Kubernetes container's script). */
const LIST_BLOCK = /^(\s*)-\s+(?<style>[|>])[-+0-9]*\s*(#.*)?$/;

/**
 * Block scalars of a YAML text, each with its lines and the columns they start at. `emptied`: lines a template's
 * trimming tag removes when rendered (TemplateInfo.emptiedLines): not lines of the value.
 */
export function yamlBlocks(lines: string[], emptied?: (line: number) => boolean): EmbeddedRegion[] {
  const regions: EmbeddedRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!; // i < lines.length (the loop skips block bodies, so no for…of)
    const keyed = BLOCK_KEY.exec(line);
    const listed = keyed ? undefined : LIST_BLOCK.exec(line);
    const m = keyed ?? listed;
    if (!m) continue;
    const name = keyed ? (keyed[3] as string) : 'list item';
    const keyIndent = m[1]!.length;
    let blockIndent = -1;
    const body: EmbeddedLine[] = [];
    let j = i + 1;
    for (let text = lines[j]; text !== undefined; text = lines[++j]) {
      if (text.trim() === '') {
        if (!emptied?.(j)) body.push({ line: j, column: 0, text: '' });
        continue;
      }
      const indent = text.length - text.trimStart().length;
      if (indent <= keyIndent) break;
      if (blockIndent < 0) blockIndent = indent;
      const column = Math.min(indent, blockIndent);
      body.push({ line: j, column, text: text.slice(column) });
    }
    while (body.at(-1)?.text === '') body.pop();
    if (m.groups?.style === '>') foldLines(body);
    if (body.length) regions.push({ name, container: `YAML key ${name}`, lines: body });
    i = j - 1;
  }
  return regions;
}

/** Marks the lines of a folded block scalar that YAML joins to the next with a space: both text, neither more-indented. */
function foldLines(body: EmbeddedLine[]): void {
  const text = (l: EmbeddedLine | undefined) => l !== undefined && l.text !== '' && !/^\s/.test(l.text);
  for (let k = 0; k + 1 < body.length; k++) {
    // Lines a template tag empties are not in `body`, so `k + 1` is the next line of the rendered value.
    if (text(body[k]) && text(body[k + 1])) body[k]!.joinsNext = true; // k + 1 < body.length
  }
}

/** A line that holds nothing, or only a YAML comment. */
const NOTHING = /^\s*(#.*)?$/;
/** A sequence item's line (`- name: open`, `- |`). */
const ITEM = /^\s*-(\s|$)/;
/** A key whose value is on the lines below it (`steps:`, `- tasks:`). */
const PARENT_KEY = /^\s*(?:-\s+)?(["']?)[\w./-]+\1\s*:\s*(#.*)?$/;
const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * The YAML sequence one of whose items holds the block scalar whose key is on line `keyLine` (a GitHub Actions step's
 * `run: |` in `steps:`, an Ansible task's `shell: |` in `tasks:`, a `- |` in `script:`): the line of the sequence's key
 * (the `---` above, or -1, for a sequence at the top of a document) and its last line. Undefined when the block is a
 * mapping's value outside any item (a Compose service's `command: |`, a ConfigMap key).
 */
export function sequenceOfBlock(lines: readonly string[], keyLine: number): { key: number; end: number } | undefined {
  const keyText = lines[keyLine] ?? '';
  let item = keyLine;
  if (!ITEM.test(keyText)) {
    const keyIndent = indentOf(keyText);
    item = -1;
    for (let i = keyLine - 1; i >= 0 && item < 0; i--) {
      const line = lines[i]!; // i < keyLine
      if (NOTHING.test(line) || indentOf(line) >= keyIndent) continue;
      if (!ITEM.test(line)) return undefined;
      item = i;
    }
    if (item < 0) return undefined;
  }
  const dash = indentOf(lines[item]!); // item is a line of the file
  let key = -1;
  for (let i = item - 1; i >= 0 && key < 0; i--) {
    const line = lines[i]!; // i < item
    if (NOTHING.test(line) || indentOf(line) > dash || (indentOf(line) === dash && ITEM.test(line))) continue;
    if (/^---/.test(line)) key = i;
    else if (PARENT_KEY.test(line)) key = i;
    else return undefined;
  }
  let end = item;
  for (let j = item + 1; j < lines.length; j++) {
    const line = lines[j]!; // j < lines.length
    if (NOTHING.test(line)) continue;
    if (indentOf(line) < dash || (indentOf(line) === dash && !ITEM.test(line)) || /^---/.test(line)) break;
    end = j;
  }
  return { key, end };
}
