/**
 * Pieces of a configuration file a script writes with commands other than a heredoc, joined with its heredocs in script
 * order (./shell-appends.ts): mharrend/docker-nginx-ssl-proxy@f425ea5 bin/prepare-env.sh makes each site's conf with
 * `cp /etc/nginx/ssl-template-part1.cfg $F`, `echo "    ssl_certificate " ${!TMP_SSL_CERT}";" >> $F` and
 * `cat /etc/nginx/ssl-template-part2.cfg >> $F` (which holds its `ssl_protocols TLSv1 TLSv1.1 TLSv1.2`).
 * - `echo` of words on one line (quoted or not; the shell joins them with one space) and `printf` of one quoted format
 *   with no `%` conversion: that line of text, every character at its column in the script.
 * - `cat a b > x`, `cat a >> x`, `cp a x`: the text of the tree's file that the path names by its longest suffix (the
 *   Dockerfile `ADD configs/a.cfg /etc/nginx/a.cfg` puts it there; quotes and escapes as the shell removes them), every
 *   line at the path's word in the script. A path that names no file of the tree, or several, a variable's or a
 *   command's (`` `…` ``), a pattern, or a file read as configuration on its own is a piece the tree does not hold
 *   (`unknown`, with where it is and what it is: ./shell-appends.ts decides the rest).
 * `echo -n`, `echo -e`, an escape, a backquote, `$'…'`, a line break inside the quotes: not read (`unknown`).
 */
import * as path from 'node:path';
import type { ShellBlock } from './shell-blocks';
import { shellTokens, type ShellWord } from './shell-commands';
import type { EmbeddedLine, UnknownPiece } from './yaml-blocks';

/**
 * The tree's file a path a script names stands for (`/etc/nginx/a.cfg` → `configs/a.cfg`) and its text; `readAlone`
 * when that file is read as configuration on its own (its text is not given); undefined when no single file is.
 */
export type TreeFileReader = (
  written: string,
) => { file: string; text: string } | { file: string; readAlone: true } | undefined;

/** A piece a command line writes, or undefined when the line writes no configuration file. */
export interface CommandPiece {
  file: string;
  append: boolean;
  from: 'echo' | 'tree';
  lines: EmbeddedLine[];
  /** Text expanded by the shell (double quotes, unquoted words). */
  expands: boolean;
  /** What the piece holds is not known from the tree: the file it is part of is not read. Where, and what it is. */
  unknown?: UnknownPiece;
  /** How many files of the tree it copies (`cat a b > x`: 2). */
  copies?: number;
  /** The tree's files it copies, each at the line and column of the word that names it. */
  copied?: Array<{ file: string; line: number; column: number }>;
  blocks: ShellBlock[];
}

/** A path of a configuration file a piece goes to (`/etc/nginx/conf.d/${!NAME}.conf`, `"$CONF"` is not one). */
const CONFIG_PATH = /^[^\s"'<>|;&]*\.(?:conf|cfg|xml|properties|ini|options)$/;

/**
 * The words of a command line (./shell-commands.ts) up to its first operator or redirection, and where that is;
 * undefined when a quote is left open (the command goes on past the line).
 */
function wordsOf(line: string): { words: ShellWord[]; rest: number } | undefined {
  const words: ShellWord[] = [];
  let rest = line.length;
  for (const token of shellTokens(line)) {
    if (token.kind !== 'word') {
      rest = token.start;
      break;
    }
    if (token.unclosed) return undefined;
    words.push(token);
  }
  return { words, rest };
}

/**
 * A word whose text the line does not say as written: a backslash or `$'…'` outside single quotes, a backquote (a path
 * of it is one the script decides).
 */
const unsaid = (word: ShellWord) => word.escapes || word.backquotes;

/**
 * An argument whose text `echo` does not print as the line says it: a backquote, a backslash left after the shell's
 * quote removal (dash's echo, the `/bin/sh` of Debian images and Dockerfile RUN, reads `\n`, `\c`…; bash's does not),
 * or `$'…'`/`$"…"` (ANSI-C quoting and translation in bash, a `$` then a quoted string in dash). `"a \"b\""` is said:
 * echo gets `a "b"`.
 */
const unsaidByEcho = (word: ShellWord, line: string) =>
  word.backquotes || word.text.includes('\\') || /\$['"]/.test(line.slice(word.start, word.end));

/** A Dockerfile `RUN` (with its `--mount=…` flags) before the shell command line it runs (not the exec form `[…]`). */
const RUN_INSTRUCTION = /^\s*RUN\s+(?:--\S+\s+)*(?=[^\s[])/i;

/** A line as the shell reads it: a Dockerfile `RUN` before its command blanked, so every column stays the file's. */
function commandLineOf(line: string): string {
  const run = RUN_INSTRUCTION.exec(line);
  return run ? ' '.repeat(run[0].length) + line.slice(run[0].length) : line;
}

/** `> x`, `>> x` at `at` of the line: the file and whether it appends. */
const REDIRECT = /^(>>?)\s*(["']?)([^\s"'<>|;&]+)\2\s*(?:[;&|#].*)?$/;

/** Shell words that open or go on with a compound command: what follows them runs only as the condition decides. */
const COMPOUND_WORD = /^(?:then|else|elif|do|if|while|until|!|\{)$/;

/**
 * The pieces the commands of line `at` write, in order: a list's commands (`a && b`, `a; b`: bash(1) "Lists") each read
 * as commandPiece reads a line. A command that runs only when another decides (after `||`, one sent to the background
 * with `&`, one a one-line `if … then`, loop or `{ …; }` runs) and that writes a configuration file is a piece the line
 * does not decide: unknown. `partial`: the line is part of a command folded over several lines, so every piece is.
 */
export function commandPieces(
  written: string,
  at: number,
  blocks: ShellBlock[],
  treeFile: TreeFileReader,
  partial?: string,
): CommandPiece[] {
  const line = commandLineOf(written);
  const segments: Array<{ start: number; end: number; undecided?: string }> = [];
  let start = 0;
  let undecided: string | undefined;
  for (const token of shellTokens(line)) {
    if (token.kind !== 'operator' || token.text === '|' || token.text === '|&') continue;
    segments.push({ start, end: token.start, ...(undecided !== undefined && { undecided }) });
    if (token.text === '&') segments.at(-1)!.undecided = 'a command run in the background, not read here';
    undecided =
      token.text === '||' ? 'a command that runs only when the one before it fails, not read here' : undefined;
    start = token.end;
  }
  segments.push({ start, end: line.length, ...(undecided !== undefined && { undecided }) });
  return segments.flatMap(({ start: from, end, undecided: said }) => {
    let text = ' '.repeat(from) + line.slice(from, end);
    // `then echo … > x.conf`: the command after the keyword, which the condition runs or not.
    for (let word = /^\s*(\S+)\s/.exec(text); word && COMPOUND_WORD.test(word[1]!); word = /^\s*(\S+)\s/.exec(text)) {
      text = ' '.repeat(word[0].length) + text.slice(word[0].length);
      said ??= `a command a one-line \`${word[1]}\` runs, not read here`;
    }
    const piece = commandPiece(text, at, blocks, treeFile);
    const unknownSaid = partial ?? said;
    if (!piece || unknownSaid === undefined || piece.unknown) return piece ? [piece] : [];
    const unknown = unknownAt(text, at, unknownSaid);
    return [{ file: piece.file, append: piece.append, from: piece.from, lines: [], expands: false, unknown, blocks }];
  });
}

/**
 * The piece command line `at` writes to a configuration file, if it is one of the commands read here; `treeFile` gives
 * the tree's text of an installed path (or undefined).
 */
function commandPiece(
  written: string,
  at: number,
  blocks: ShellBlock[],
  treeFile: TreeFileReader,
): CommandPiece | undefined {
  const line = commandLineOf(written);
  const read = wordsOf(line);
  const command = read?.words[0];
  const copies = command?.text === 'cat' || command?.text === 'cp';
  // printf's format is read with its own escapes (echoLine); echo's words must say the text as written.
  const unsaidWord = command?.text === 'printf' ? unsaid : (w: ShellWord) => unsaidByEcho(w, line);
  if (!read || !command || command.quoted || (!copies && read.words.some(unsaidWord))) {
    // An echo that is not read here (an escape, a backquote) to a configuration file leaves its file unknown.
    // Followed by `&& \` as a Dockerfile RUN's commands are, too (else the file would be read without it).
    const m = /^\s*(echo|printf)\b.*?(>>?)\s*["']?([^\s"'<>|;&]+)["']?\s*(?:[;&|#].*)?$/.exec(line);
    if (!m || !CONFIG_PATH.test(m[3]!)) return undefined;
    const unknown = unknownAt(line, at, `an \`${m[1]}\` line with an escape or a backquote, not read here`);
    return { file: m[3]!, append: m[2] === '>>', from: 'echo', lines: [], expands: false, unknown, blocks };
  }
  const args = read.words.slice(1);
  if (command.text === 'cp') {
    if (args.length !== 2 || unsaid(args[1]!) || !CONFIG_PATH.test(args[1]!.text)) return undefined;
    return fromTree(args[1]!.text, false, args.slice(0, 1), at, blocks, treeFile);
  }
  const redirect = REDIRECT.exec(line.slice(read.rest));
  if (!redirect || !CONFIG_PATH.test(redirect[3]!)) return undefined;
  const file = redirect[3]!;
  const append = redirect[1] === '>>';
  // A second command of the line that writes too (`echo a >> x; echo b >> x`) is not read here: the file is unknown.
  if (/>|\btee\b/.test(line.slice(read.rest + redirect[0].indexOf(file) + file.length))) {
    const unknown = unknownAt(line, at, 'a line whose further commands write the file too, not read here');
    return { file, append, from: 'echo', lines: [], expands: false, unknown, blocks };
  }
  if (command.text === 'cat' && args.length > 0) return fromTree(file, append, args, at, blocks, treeFile);
  const echoed = echoLine(command.text, args);
  if (echoed === undefined) {
    if (command.text !== 'echo' && command.text !== 'printf') return undefined;
    const said = `an \`${command.text}\` line with an option, an escape or a conversion, not read here`;
    return { file, append, from: 'echo', lines: [], expands: false, unknown: unknownAt(line, at, said), blocks };
  }
  return {
    file,
    append,
    from: 'echo',
    lines: [{ line: at, column: 0, text: echoed.text, written: (c) => echoed.columns[c] ?? echoed.end }],
    expands: args.some((a) => a.expands),
    blocks,
  };
}

/** The line `echo a b` (`printf 'a\n'`) writes: its text and the column of each character. */
function echoLine(command: string, args: ShellWord[]): { text: string; columns: number[]; end: number } | undefined {
  if (command === 'printf') {
    const format = args[0];
    if (args.length !== 1 || !format || !format.text.endsWith('\\n')) return undefined;
    const text = format.text.slice(0, -2);
    if (text.includes('%') || text.includes('\\')) return undefined;
    return { text, columns: format.offsets.slice(0, text.length), end: format.end };
  }
  if (command !== 'echo' || args[0]?.text.startsWith('-')) return undefined;
  let text = '';
  const columns: number[] = [];
  args.forEach((a, k) => {
    if (k > 0) {
      text += ' ';
      columns.push(a.offsets[0] ?? a.end);
    }
    text += a.text;
    columns.push(...a.offsets);
  });
  return { text, columns, end: args.at(-1)?.end ?? 0 };
}

/** The tree's files a `cat`/`cp` copies, every line at the word that names it. */
function fromTree(
  file: string,
  append: boolean,
  sources: ShellWord[],
  at: number,
  blocks: ShellBlock[],
  treeFile: TreeFileReader,
): CommandPiece {
  const lines: EmbeddedLine[] = [];
  const copied: NonNullable<CommandPiece['copied']> = [];
  for (const source of sources) {
    // An option, standard input (`-`) or a pattern of files (`*.conf`) names no one file of the tree.
    const found = /^-|[*?[]/.test(source.text) || source.backquotes ? undefined : treeFile(source.text);
    const column = source.offsets[0] ?? 0;
    if (found === undefined || 'readAlone' in found) {
      const unknown = { line: at, column, end: source.end, said: unknownSource(source.text, found?.file) };
      return { file, append, from: 'tree', lines: [], expands: false, unknown, blocks };
    }
    const body = found.text.replace(/\r?\n$/, '').split(/\r?\n/);
    for (const t of body) lines.push({ line: at, column, text: t, written: () => 0 });
    copied.push({ file: found.file, line: at, column });
  }
  return { file, append, from: 'tree', lines, expands: false, blocks, copies: sources.length, copied };
}

/** A command line's piece the tree does not show, from its first word to the end of the line. */
function unknownAt(line: string, at: number, said: string): UnknownPiece {
  return { line: at, column: line.length - line.trimStart().length, end: line.trimEnd().length, said };
}

/** Why the text a `cat`/`cp` copies in is not known: a path the script decides, no single file, or a file read alone. */
function unknownSource(written: string, readAlone: string | undefined): string {
  if (readAlone !== undefined)
    return `\`${written}\`, a file lint-deploy reads as configuration of its own (${path.basename(readAlone)})`;
  if (/[$`]/.test(written)) return `\`${written}\`, a path the script decides when it runs`;
  if (written.startsWith('-')) return `\`cat ${written}\`, an option or the standard input`;
  if (/[*?[]/.test(written)) return `\`${written}\`, a pattern of files in the order the shell sorts them`;
  return `\`${written}\`, which names no single file of the tree`;
}
