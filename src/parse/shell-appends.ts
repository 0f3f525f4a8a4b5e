/**
 * A configuration file a script writes in pieces: `cat << EOF > /etc/nginx/nginx.conf` (events, `http {`), then
 * `cat << EOF >> /etc/nginx/nginx.conf` (`}`) is one file, the pieces' text one after the other in script order
 * (mtyszczak/ssl-proxy@b282100 entrypoint.sh writes /tmp/nginx.conf from a dozen heredocs, some in loops and `if`s).
 * Read piece by piece, the first leaves `http {` open and the last closes what it never opened.
 * - The pieces appended with `>>` to the file an earlier `>` heredoc of the script wrote (the same word written after
 *   the operator) are that file's content after it; each line keeps its place in the script.
 * - A piece inside an `if` branch, a loop, a `case` or a function that the first piece is not inside is written zero,
 *   one or more times: the file is read with each piece once, and each such block (a `conditional` unit) is also
 *   left out once by the reader (src/parse/embedded-pieces.ts) to keep only the verdicts that hold either way.
 * - A `>>` heredoc with no earlier `>` of its file appends to a file the image or the tree provides: its text alone is
 *   no file, and is not read.
 */
import type { EmbeddedRegion } from './yaml-blocks';

/** The first output redirection of a command line: `> f`, `>> "$F"` (not `2>`, `&>`, `>&2`). */
const OUTPUT = /(?<![\d&>])(>>?)\s*(["']?)([^\s"'<>|;&]+)\2/;

/** Where a heredoc's command line writes its text: the word after `>` or `>>`, as written. */
export function redirectionOf(line: string): { file: string; append: boolean } | undefined {
  const m = OUTPUT.exec(line);
  return m ? { file: m[3]!, append: m[1] === '>>' } : undefined;
}

type Block = { kind: 'if' | 'loop' | 'case' | 'function'; id: number };

const SEPARATORS = /;;?|&&|\|\||\||&/;
const LOOP = new Set(['for', 'while', 'until', 'select']);
/** Words that may come before the first word of a command on the same line. */
const PREFIX = new Set(['then', 'do', 'else', '!', '{', 'time']);
/** `name() {`, `function name {`: a function body opened on its own line. */
const OPENS_FUNCTION =
  /^\s*(?:function\s+[A-Za-z_][\w:.-]*\s*(?:\(\s*\))?|[A-Za-z_][\w:.-]*\s*\(\s*\))\s*\{\s*(?:#.*)?$/;
const CLOSES_FUNCTION = /^\s*\}\s*(?:#.*)?$/;

/**
 * The `if` branches, loops, `case`s and function bodies open at each command line of a script, each block (and each
 * branch of an `if`) by an id of its own. Lines are given in order, heredoc bodies left out: text is no command.
 */
export class ShellBlocks {
  private open: Block[] = [];
  private nextId = 0;

  /** Reads one command line; returns the ids of the blocks open while it runs, outermost first. */
  read(line: string): number[] {
    const code = line
      .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/(^|\s)#.*$/, '')
      .trim();
    if (OPENS_FUNCTION.test(code)) {
      this.open.push({ kind: 'function', id: this.nextId++ });
      return this.ids();
    }
    if (CLOSES_FUNCTION.test(code)) {
      if (this.open.at(-1)?.kind === 'function') this.open.pop();
      return this.ids();
    }
    for (const command of code.split(SEPARATORS)) {
      const words = command.trim().split(/\s+/);
      let k = 0;
      while (k < words.length - 1 && PREFIX.has(words[k]!)) k++;
      if (words[0] === 'else' || words[k] === 'elif') this.branch();
      this.keyword(words[k]);
    }
    return this.ids();
  }

  private keyword(word: string | undefined): void {
    if (word === 'if') this.open.push({ kind: 'if', id: this.nextId++ });
    else if (word !== undefined && LOOP.has(word)) this.open.push({ kind: 'loop', id: this.nextId++ });
    else if (word === 'case') this.open.push({ kind: 'case', id: this.nextId++ });
    else if (word === 'fi') this.close('if');
    else if (word === 'done') this.close('loop');
    else if (word === 'esac') this.close('case');
  }

  /** `else`, `elif`: another branch of the innermost `if`. */
  private branch(): void {
    if (this.open.at(-1)?.kind === 'if') this.open[this.open.length - 1] = { kind: 'if', id: this.nextId++ };
  }

  private close(kind: Block['kind']): void {
    if (this.open.at(-1)?.kind === kind) this.open.pop();
  }

  private ids(): number[] {
    return this.open.map((b) => b.id);
  }
}

/** A heredoc of a script: its region, the file its command line writes, and the blocks open around it. */
export interface HeredocPiece {
  region: EmbeddedRegion;
  write?: { file: string; append: boolean };
  blocks: number[];
  /** The name of the file a heredoc writes, as ./embedded.ts reads it (`heredoc` when unnamed). */
  target?: string;
}

/**
 * The heredocs of a script as the files they make: each `>>` piece joins the latest `>` piece of the same file before
 * it (its lines after that file's, and the blocks it sits in beyond the first piece's as `conditional` units); a `>>`
 * piece with no earlier `>` is dropped. Other heredocs stay as they are.
 */
export function assembleAppends(pieces: readonly HeredocPiece[]): HeredocPiece[] {
  const out: HeredocPiece[] = [];
  const files = new Map<string, { region: EmbeddedRegion; blocks: number[]; units: Map<number, number[]> }>();
  for (const piece of pieces) {
    if (!piece.write) {
      out.push(piece);
      continue;
    }
    if (!piece.write.append) {
      const region = { ...piece.region, lines: [...piece.region.lines] };
      files.set(piece.write.file, { region, blocks: piece.blocks, units: new Map() });
      out.push({ ...piece, region });
      continue;
    }
    const file = files.get(piece.write.file);
    if (!file) continue;
    const { region, blocks, units } = file;
    region.lines.push(...piece.region.lines);
    region.pieces = (region.pieces ?? 1) + 1;
    if (piece.region.expandsShell) region.expandsShell = true;
    const lines = piece.region.lines.map((l) => l.line);
    // Written after the first piece left a block it was in: whether that block ran decides what the first piece was.
    if (blocks.some((id, k) => piece.blocks[k] !== id)) region.undecided = true;
    for (const id of piece.blocks.slice(blocks.length)) units.set(id, [...(units.get(id) ?? []), ...lines]);
    if (units.size > 0) region.conditional = [...units.values()];
  }
  return out;
}
