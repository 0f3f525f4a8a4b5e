/**
 * The configuration a shell script (or a YAML block holding one) writes or feeds to a command, as regions of its text
 * (./embedded.ts parses them): heredocs to runmqsc or to a configuration file, `echo '…' | runmqsc`, `echo '…' > x.mqsc`,
 * Dockerfile `COPY <<EOF` documents, and the files a script assembles from heredocs and commands (./shell-appends.ts).
 */
import * as path from 'node:path';
import { endsHereDocument, hereDocumentOpening, hereDocumentText } from './here-documents';
import { yamlBlocks, type EmbeddedLine, type EmbeddedRegion } from './yaml-blocks';
import { lastAssignedValue } from './shell-assignments';
import { echoToMqsc } from './echo-to-file';
import { copiedHereDocuments } from './dockerfile-heredocs';
import { assembleAppends, redirectionOf, type HeredocPiece } from './shell-appends';
import { ShellBlocks } from './shell-blocks';
import { commandPieces, type CommandPiece, type TreeFileReader } from './shell-file-pieces';
import { commandScripts } from './yaml-command-scripts';

/**
 * A line of a YAML block that makes it a script to read: a heredoc, runmqsc, a command that may write a file (also as a
 * Dockerfile's `RUN`: an OpenShift BuildConfig's `dockerfile: |`).
 */
const WRITES = /<<|\brunmqsc\b|^\s*(?:RUN\s+)?(?:echo|printf|cat|cp)\s|\btee\s/;

/** A YAML file's name (also of a template of one). */
export const YAML_NAME = /\.ya?ml([._](template|tpl))?$/i;

/** A line before a YAML document's content: blank, a comment, or the document start marker `---`. */
export const YAML_PREAMBLE = /^\s*(#.*)?$|^---\s*(#.*)?$/;
/** The extensions of the configuration files a script's output is read as. */
const CONFIG_EXTENSION = '\\.(?:mqsc|ini|json|conf|xml|properties|options|ya?ml)';
const TARGET_FILE = new RegExp(
  `(?:>|\\btee\\s+(?:-a\\s+|--append\\s+)?)\\s*["']?([^\\s"'<>|;&]+${CONFIG_EXTENSION})["']?`,
);
/** `echo "…" | runmqsc`, also escaped inside another string: `su -c "echo \\"…\\" | runmqsc QM"`. */
const ECHO_TO_RUNMQSC = /\becho\s+(?:-e\s+)?(\\?["'])(.*?)\1\s*\|\s*(?:\S*\/)?runmqsc\b/;

/**
 * Heredocs fed to runmqsc or written to a configuration file, `echo '…' | runmqsc` and `echo '…' > x.mqsc`.
 * `partial`: why a line is no whole command line (a folded YAML line the next goes on), for the lines that are not.
 */
export function scriptRegions(
  lines: string[],
  treeFile?: TreeFileReader,
  partial?: (line: number) => string | undefined,
): EmbeddedRegion[] {
  // Regions in script order; a heredoc's region is read with the other pieces of the file it writes (./shell-appends.ts).
  const regions: HeredocPiece[] = [];
  const blocks = new ShellBlocks();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!; // i < lines.length (the loop skips heredoc bodies, so no for…of)
    // A comment line runs nothing (kimptoc/ibmmq-with-ssl-test@95825d8 mq-dev-config.sh keeps the ALTERs it no longer
    // uses as `#    su -l mqm -c "echo \"ALTER CHANNEL(…) SSLCIPH(…)\" | runmqsc $1"`).
    if (line.trimStart().startsWith('#')) continue;
    const around = blocks.read(line, i);
    const echo = ECHO_TO_RUNMQSC.exec(line);
    if (echo) {
      const column = (echo.index ?? 0) + echo[0].indexOf(echo[1]!) + echo[1]!.length;
      // Inside single quotes the shell writes a quote as `'\''` (close, an escaped quote, reopen): runmqsc reads one
      // quote (Jencheng1/jms-2 fix-pcf-permissions-complete.sh: `MCAUSER('\''mqm'\'')` is MCAUSER('mqm')). Columns
      // after such a quote are then three to the left of the file's.
      const text = echo[1] === "'" ? echo[2]!.replaceAll("'\\''", "'") : echo[2]!;
      const region = {
        name: 'runmqsc.mqsc',
        container: 'echo to runmqsc',
        lines: [{ line: i, column, text }],
        expandsShell: echo[1]!.endsWith('"'),
      };
      regions.push({ region, blocks: around });
      continue;
    }
    const echoes = echoToMqsc(lines, i);
    if (echoes.length > 0) {
      regions.push(...echoes.map((e) => ({ region: e.region, blocks: around })));
      i = Math.max(...echoes.map((e) => e.end));
      continue;
    }
    // `COPY <<EOF /etc/nginx/conf.d/ssl.conf` in a Dockerfile: a file of the image, read as its destination's kind.
    const copied = copiedHereDocuments(lines, i);
    if (copied) {
      for (const doc of copied.filter((c) => c.lines.length > 0)) {
        const region = {
          name: path.posix.basename(doc.path),
          container: `COPY here-document to ${doc.path}`,
          lines: doc.lines,
          expandsShell: doc.expands,
        };
        regions.push({ region, blocks: around });
      }
      i = Math.max(i, ...copied.map((c) => c.end));
      continue;
    }
    const here = hereDocumentOpening(line);
    if (!here) {
      // `cp a.cfg x.conf`, `cat a b >> x.conf`, `echo '…' >> x.conf`: pieces of a file, joined with its heredocs.
      if (treeFile) regions.push(...commandPieces(line, i, around, treeFile, partial?.(i)).map(commandRegion));
      continue;
    }
    // A heredoc to another command or an unnamed file (`cat << EOF > $1`) is read when its content says what it is.
    const target = /\brunmqsc\b/.test(line)
      ? 'runmqsc.mqsc'
      : (TARGET_FILE.exec(line)?.[1] ?? fileOfTargetVariable(lines, i) ?? 'heredoc');
    // A heredoc opened inside a quoted string (`docker exec qm bash -lc "cat <<'MQSC' | runmqsc QM1`) belongs to the
    // shell that runs the string: it ends with the string, on the line that starts with its word and the closing quote.
    const quote = openQuoteAt(line, here.index);
    const body: EmbeddedLine[] = [];
    let j = i + 1;
    for (let raw = lines[j]; raw !== undefined; raw = lines[++j]) {
      const text = hereDocumentText(raw, here);
      if (endsHereDocument(raw, here) || (quote !== undefined && text.startsWith(here.delimiter + quote))) break;
      body.push({ line: j, column: raw.length - text.length, text });
    }
    // No line ended it: bash reads to the end of the file ("here-document delimited by end-of-file"), and a line that
    // is the delimiter but for blanks around it is text of the here-document.
    const nearEnds = j >= lines.length ? body.filter((b) => b.text.trim() === here.delimiter).map((b) => b.line) : [];
    const region: EmbeddedRegion = {
      name: path.basename(target),
      container:
        target === 'runmqsc.mqsc' ? 'heredoc to runmqsc' : target === 'heredoc' ? 'heredoc' : `heredoc to ${target}`,
      lines: body,
      // Inside a double-quoted string the outer shell expands the text first, whatever the heredoc's word says.
      expandsShell: !here.quoted || quote === '"',
      ...(nearEnds.length > 0 ? { unterminated: { delimiter: here.delimiter, nearEnds } } : {}),
    };
    const write = target === 'heredoc' || target === 'runmqsc.mqsc' ? undefined : redirectionOf(line);
    if (body.length) regions.push({ region, blocks: around, ...(write && { write }), target });
    i = j;
  }
  // A YAML file written by the script (`cat > cm.yaml << EOF`, a ConfigMap applied next): its block scalars.
  return assembleAppends(regions).flatMap(({ region, target }) =>
    target !== undefined && !region.unknownPieces && isYamlHeredoc(target, region.lines) ? blocksIn(region) : [region],
  );
}

/** A command's piece of a file (./shell-file-pieces.ts) as a heredoc's is: a region, the file it writes, the blocks. */
function commandRegion(piece: CommandPiece): HeredocPiece {
  const command = piece.from === 'tree' ? 'files copied' : 'echo';
  return {
    region: {
      name: path.posix.basename(piece.file),
      container: `${command} to ${piece.file}`,
      lines: piece.lines,
      expandsShell: piece.expands,
      ...(piece.copied && { copied: piece.copied }),
    },
    write: { file: piece.file, append: piece.append },
    blocks: piece.blocks,
    target: piece.file,
    from: piece.from,
    ...(piece.unknown && { unknown: piece.unknown }),
    ...(piece.copies !== undefined && { copies: piece.copies }),
  };
}

/**
 * The quote (`"` or `'`) still open at `end` of a shell line, if any: a backslash escapes the next character outside
 * single quotes, and a `#` at a word's start outside quotes ends the line.
 */
export function openQuoteAt(line: string, end: number): string | undefined {
  let quote: string | undefined;
  for (let k = 0; k < end; k++) {
    const c = line.charAt(k);
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') k++;
    else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (k === 0 || /\s/.test(line.charAt(k - 1)))) return undefined;
  }
  return quote;
}

/** `> $VAR`, `>"${VAR}"`: output to the file a variable names. */
const TARGET_VARIABLE = />\s*["']?\$\{?([A-Za-z_]\w*)\}?["']?(?![\w/.])/;
/** The last path segment of an assigned value when it is a configuration file's name. */
const CONFIG_FILE_NAME = new RegExp(`[^/\\s"'\${}]+${CONFIG_EXTENSION}$`);

/**
 * The name of the file a heredoc on line `at` is written to through a variable of the script (`cat >${NGINX_CONFIG}
 * <<EOL` after `export NGINX_CONFIG=${OUTPUT_DIR}/ssl-demo.conf`, abhinav3295/nginx-mtls@3fed878 gateway/scripts/nginx.sh):
 * the last segment of the variable's last assignment above it, when that names a configuration file.
 */
function fileOfTargetVariable(lines: readonly string[], at: number): string | undefined {
  const name = TARGET_VARIABLE.exec(lines[at]!)?.[1]; // at < lines.length
  if (!name) return undefined;
  const value = lastAssignedValue(lines, name, at);
  return value === undefined ? undefined : CONFIG_FILE_NAME.exec(value)?.[0];
}

/**
 * A heredoc written to a YAML file, or an unnamed one that is a Kubernetes manifest: its first line that is not blank,
 * a comment or a document start (`---`, as `cat << EOF | oc apply -f -` heredocs of ConfigMaps often begin:
 * moatoum/cp4i-deployment-samples products/bash/release-mq.sh) says `apiVersion:` or `kind:`.
 */
function isYamlHeredoc(target: string, body: EmbeddedLine[]): boolean {
  if (YAML_NAME.test(target)) return true;
  const first = body.find((l) => !YAML_PREAMBLE.test(l.text));
  return target === 'heredoc' && first !== undefined && /^(apiVersion|kind):/.test(first.text);
}

/** The block scalars of a region that is YAML, at their place in the enclosing file. */
function blocksIn(region: EmbeddedRegion): EmbeddedRegion[] {
  return yamlBlocks(region.lines.map((l) => l.text)).map((block) => placedIn(region, block));
}

/** A region found in the text of another (`outer`), at its place in the enclosing file: `<inner> in <outer>`. */
function placedIn(outer: EmbeddedRegion, inner: EmbeddedRegion): EmbeddedRegion {
  const lineOf = (line: number) => (outer.lines[line] as EmbeddedLine).line;
  const columnOf = (line: number, column: number) => {
    const at = outer.lines[line] as EmbeddedLine;
    return at.column + (at.written ? at.written(column) : column);
  };
  return {
    ...inner,
    // The blocks of a script in a YAML block are numbered in the block's text, as its lines are.
    ...(inner.conditional && {
      conditional: inner.conditional.map((u) => ({
        lines: u.lines.map(lineOf),
        block: { ...u.block, line: lineOf(u.block.line) },
      })),
    }),
    ...(inner.branches && {
      branches: inner.branches.map((b) => ({
        first: lineOf(b.first),
        last: lineOf(b.last),
        blocks: b.blocks.map((block) => ({ ...block, line: lineOf(block.line) })),
      })),
    }),
    // Files a script in a YAML block copies in, and pieces it writes that the tree does not show, at their words.
    ...(inner.copied && {
      copied: inner.copied.map((c) => ({ ...c, line: lineOf(c.line), column: columnOf(c.line, c.column) })),
    }),
    ...(inner.unknownPieces && {
      unknownPieces: {
        file: inner.unknownPieces.file,
        pieces: inner.unknownPieces.pieces.map((u) => ({
          ...u,
          line: lineOf(u.line),
          column: columnOf(u.line, u.column),
          end: columnOf(u.line, u.end),
        })),
      },
    }),
    container: `${inner.container} in ${outer.container}`,
    lines: inner.lines.map((l) => {
      const at = outer.lines[l.line] as EmbeddedLine;
      // An echo line's columns are the script line's (./shell-file-pieces.ts): the block's indent goes before them; a
      // script line whose characters are not one to one with the file's (a quoted YAML string) places each.
      const outerAt = at.written;
      const written = outerAt ? (c: number) => outerAt(l.written ? l.written(c) : l.column + c) : l.written;
      return {
        line: at.line,
        column: outerAt ? at.column : at.column + l.column,
        text: l.text,
        ...(written && { written }),
        ...(l.joinsNext && { joinsNext: l.joinsNext }),
      };
    }),
  };
}

/** The one-line `sh -c` scripts of a YAML file's command lists (./yaml-command-scripts.ts), read as scripts are. */
export function scriptsInCommands(text: string, treeFile?: TreeFileReader): EmbeddedRegion[] {
  return commandScripts(text).flatMap(({ key, line }) => {
    const outer: EmbeddedRegion = { name: key, container: `YAML key ${key}`, lines: [line] };
    return scriptRegions([line.text], treeFile).map((inner) => placedIn(outer, inner));
  });
}

/**
 * A YAML block that is a shell script (a GitHub Actions `run: |`, a Kubernetes `args: - |`) holding heredocs to
 * runmqsc or to configuration files: those heredocs, at their place in the YAML file; the script itself is no
 * configuration. Any other block as it is.
 */
export function scriptInBlock(block: EmbeddedRegion, treeFile?: TreeFileReader): EmbeddedRegion[] {
  const texts = block.lines.map((l) => l.text);
  if (!texts.some((t) => WRITES.test(t))) return [block];
  const inner = scriptRegions(texts, treeFile, foldedCommandLines(block.lines));
  if (inner.length === 0) return [block];
  // `block.container` is `YAML key <name>` (yaml-blocks.ts).
  return inner.map((region) => placedIn(block, region));
}

/** A line that ends a command: a list's operator (`&&`, `||`, `;`, `|`, `&`) at its end, a comment aside. */
const ENDS_COMMAND = /(?:&&|\|\||[;|&])\s*$/;

/**
 * In a folded block (`args: - >`) YAML joins a line and the next with a space (YAML 1.2 §8.1.3): unless the line ends
 * with a list's operator, the shell reads both as one command (`echo a > x.conf` then `echo b >> x.conf` is one
 * echo of `a echo b`), so neither line is a command of its own. Undefined for a literal block.
 */
function foldedCommandLines(lines: readonly EmbeddedLine[]): ((line: number) => string | undefined) | undefined {
  if (!lines.some((l) => l.joinsNext)) return undefined;
  const folded = new Set<number>();
  lines.forEach((l, k) => {
    if (!l.joinsNext || ENDS_COMMAND.test(l.text) || l.text.trim() === '') return;
    folded.add(k);
    folded.add(k + 1);
  });
  return (line) =>
    folded.has(line) ? 'a command folded over several lines of the YAML block, not read here' : undefined;
}
