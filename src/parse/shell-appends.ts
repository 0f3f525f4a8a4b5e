/**
 * A configuration file a script writes in pieces: `cat << EOF > /etc/nginx/nginx.conf` (events, `http {`), then
 * `cat << EOF >> /etc/nginx/nginx.conf` (`}`) is one file, the pieces' text one after the other in script order
 * (mtyszczak/ssl-proxy@b282100 entrypoint.sh writes /tmp/nginx.conf from a dozen heredocs, some in loops and `if`s).
 * Read piece by piece, the first leaves `http {` open and the last closes what it never opened.
 * - The pieces appended with `>>` to the file an earlier `>` heredoc of the script wrote (the same word written after
 *   the operator) are that file's content after it; each line keeps its place in the script.
 * - A piece inside an `if` branch, a loop, a `case` arm or a function that the first piece is not inside is written
 *   zero, one or more times: the file is read with each piece once, and each such block (a `conditional` unit) is also
 *   left out once by the reader (src/parse/embedded-pieces.ts), which says when a problem holds; a finding on such a
 *   piece says so too (`branches`, src/parse/embedded-script-text.ts).
 * - Commands' pieces (`cp`, `cat`, `echo`, `printf`: ./shell-file-pieces.ts) join the same way.
 * - A `>>` heredoc with no earlier `>` of its file appends to a file the image or another step provides: it is read as
 *   the rest of a file whose start the tree does not show (`headless`; its parse problems are infos, src/parse/embedded-script-text.ts).
 *   So is one after a `>` piece whose text the tree does not show (`cp "$SRC" x.conf`, `cat $T > x.conf`).
 * - A file one of whose later pieces the tree does not show (`cat $EXTRA >> x.conf`) is not read: `unknownPieces`
 *   says which (./embedded.ts reports it), when a heredoc or a copied file of the tree would have been read.
 */
import type { ShellBlock } from './shell-blocks';
import type { ConditionalPieces, EmbeddedRegion, UnknownPiece } from './yaml-blocks';

/** The first output redirection of a command line: `> f`, `>> "$F"` (not `2>`, `&>`, `>&2`). */
const OUTPUT = /(?<![\d&>])(>>?)\s*(["']?)([^\s"'<>|;&]+)\2/;

/** `tee x`, `tee -a x` (`--append`): the file the heredoc goes to (tee also prints it; a `> /dev/null` is no file). */
export const TEE = /\btee\s+(-a\s+|--append\s+)?(["']?)([^\s"'<>|;&-][^\s"'<>|;&]*)\2/;

/** Where a heredoc's command line writes its text: the word after `>` or `>>` (or `tee`, `tee -a`), as written. */
export function redirectionOf(line: string): { file: string; append: boolean } | undefined {
  const tee = TEE.exec(line);
  if (tee) return { file: tee[3]!, append: tee[1] !== undefined };
  const m = OUTPUT.exec(line);
  return m ? { file: m[3]!, append: m[1] === '>>' } : undefined;
}

/** A heredoc of a script: its region, the file its command line writes, and the blocks open around it. */
export interface HeredocPiece {
  region: EmbeddedRegion;
  write?: { file: string; append: boolean };
  /** The blocks of the script open around it, outermost first. */
  blocks: ShellBlock[];
  /** The name of the file a heredoc writes, as ./embedded.ts reads it (`heredoc` when unnamed). */
  target?: string;
  /** A command's piece (./shell-file-pieces.ts): an `echo` line, or files of the tree a `cat`/`cp` copies. */
  from?: 'echo' | 'tree';
  /** A piece whose text the tree does not hold: its file is not read. */
  unknown?: UnknownPiece;
  /** How many files of the tree a `cat`/`cp` piece copies. */
  copies?: number;
}

/** A file being assembled: its region, the blocks around its first piece, and the lines each further block writes. */
interface Assembling {
  region: EmbeddedRegion;
  blocks: ShellBlock[];
  units: Map<number, ConditionalPieces>;
}

/**
 * The heredocs of a script as the files they make: each `>>` piece joins the latest `>` piece of the same file before
 * it (its lines after that file's, and the blocks it sits in beyond the first piece's as `conditional` units); a `>>`
 * piece with no earlier `>` starts a file whose head the tree does not show. Other heredocs stay as they are.
 */
export function assembleAppends(pieces: readonly HeredocPiece[]): HeredocPiece[] {
  const out: HeredocPiece[] = [];
  const files = new Map<string, Assembling>();
  // Pieces the tree does not show that start a file (`cp "$SRC" x.conf`, `cat $T > x.conf`) before any known piece of
  // it: what the script appends next is the rest of a file whose start is unknown, as when the image provides it.
  const unknownStarts = new Map<string, UnknownPiece>();
  // Files not read: one a piece of which the tree does not hold, one only echo lines add to (a line or two added to a
  // file of the image is no file; echo lines that start one with `>` make all of it), and a plain copy of one file of
  // the tree (read as itself already). The first kind is kept, marked, when a heredoc or a copied file of it would be
  // read: that text goes unjudged, which is said.
  const unread = new Map<EmbeddedRegion, { file: string; pieces: UnknownPiece[] }>();
  const readable = new Set<EmbeddedRegion>();
  const echoOnly = new Set<EmbeddedRegion>();
  const copyOnly = new Set<EmbeddedRegion>();
  for (const piece of pieces) {
    if (!piece.write) {
      out.push(piece);
      continue;
    }
    const written = piece.write.file;
    let file = piece.write.append ? files.get(written) : undefined;
    if (!file && piece.unknown) {
      files.delete(written);
      if (!piece.write.append || !unknownStarts.has(written)) unknownStarts.set(written, piece.unknown);
      continue;
    }
    if (!file) {
      const start = piece.write.append ? unknownStarts.get(written) : undefined;
      const region = {
        ...piece.region,
        lines: [...piece.region.lines],
        ...(piece.write.append && { headless: true as const }),
        ...(start && { unknownStart: start.said }),
      };
      unknownStarts.delete(written);
      file = { region, blocks: piece.blocks, units: new Map() };
      files.set(written, file);
      if (piece.from === 'echo' && piece.write.append) echoOnly.add(region);
      if (piece.copies === 1) copyOnly.add(region);
      out.push({ ...piece, region });
    } else {
      join(file, piece);
      copyOnly.delete(file.region);
    }
    if (piece.unknown) {
      const said = unread.get(file.region) ?? { file: written, pieces: [] };
      said.pieces.push(piece.unknown);
      unread.set(file.region, said);
    } else if (piece.region.lines.length > 0 && (piece.from !== 'echo' || !echoOnly.has(file.region)))
      readable.add(file.region);
    if (piece.from !== 'echo') echoOnly.delete(file.region);
  }
  return out.flatMap((p) => {
    const unknown = unread.get(p.region);
    if (unknown) return readable.has(p.region) ? [{ ...p, region: { ...p.region, unknownPieces: unknown } }] : [];
    return echoOnly.has(p.region) || copyOnly.has(p.region) || p.region.lines.length === 0 ? [] : [p];
  });
}

/** Appends a piece to the file it is written to. */
function join({ region, blocks, units }: Assembling, piece: HeredocPiece): void {
  region.lines.push(...piece.region.lines);
  region.pieces = (region.pieces ?? 1) + 1;
  if (piece.region.copied) region.copied = [...(region.copied ?? []), ...piece.region.copied];
  if (piece.region.expandsShell) region.expandsShell = true;
  const lines = piece.region.lines.map((l) => l.line);
  // Written after the first piece left a block it was in: whether that block ran decides what the first piece was.
  if (blocks.some((b, k) => piece.blocks[k]?.id !== b.id)) region.undecided = true;
  const beyond = piece.blocks.slice(blocks.length);
  for (const block of beyond) {
    const unit = units.get(block.id) ?? { lines: [], block };
    unit.lines.push(...lines);
    units.set(block.id, unit);
  }
  if (units.size > 0) region.conditional = [...units.values()];
  const first = lines[0];
  const last = lines.at(-1);
  if (beyond.length > 0 && first !== undefined && last !== undefined)
    (region.branches ??= []).push({ first, last, blocks: beyond });
}
