import * as path from 'node:path';
import type { Range } from '../core/types';
import { classifyFile, type Classification } from './registry';
import { splitLines } from './text';
import { remapRanges, valueText } from './embedded-value';
import { failurePathStart } from './shell-failure-path';
import { yamlBlocks, type EmbeddedLine, type EmbeddedRegion } from './yaml-blocks';
import type { EmbeddedOrigin, ParsedDocument, SourceFile } from './types';
import { ScriptAssignments, substituteAssignments } from './shell-assignments';
import { problemsOnEveryPath } from './embedded-pieces';
import { explainNearEnds, shellExpansions, withPieceBranches, withUnknownStart } from './embedded-script-text';
import type { TreeFileReader } from './shell-file-pieces';
import { scriptInBlock, scriptRegions, scriptsInCommands, YAML_NAME } from './script-regions';

/**
 * Configuration embedded in other files, read as documents of their own with positions in the
 * enclosing file: every block-scalar key of a YAML file (Kubernetes ConfigMap `data:`, Helm
 * templates) whose content is a configuration format, MQSC sent to `runmqsc` from a shell heredoc
 * (`runmqsc QM1 <<EOF … EOF`, `<<-'EOF'`) or an `echo '…' | runmqsc`, heredocs written to a
 * configuration file (`cat > /etc/mqm/x.mqsc <<EOF`), and `echo`/`printf` into an MQSC file (./echo-to-file.ts).
 */

/**
 * Shell scripts and container builds (`Dockerfile`, `Dockerfile.prod`, `dockerfile`, `MQ.Dockerfile`: the names
 * src/parse/dockerfile.ts reads); documentation (`README.md` examples) is not deployment configuration.
 */
const SHELL_NAME = /\.(sh|bash|ksh|zsh)$|(^|[\\/])(Dockerfile|Containerfile|dockerfile)[^\\/]*$|\.[Dd]ockerfile$/;

/** A shell script (by name or `#!`) or a container build: what runs commands, as opposed to configuration. */
export function isScript(filePath: string, text: string): boolean {
  return SHELL_NAME.test(filePath) || text.startsWith('#!');
}

/** The regions runmqsc reads (src/model/mq-exec.ts reads their command line). */
const RUNMQSC_CONTAINERS = new Set(['heredoc to runmqsc', 'echo to runmqsc']);

/**
 * The regions of embedded configuration in a file (its text with any template syntax set aside; `emptied`: the lines
 * of that text its template's trimming tags remove when rendered).
 */
export function findEmbedded(
  filePath: string,
  text: string,
  emptied?: (line: number) => boolean,
  treeFile?: TreeFileReader,
): EmbeddedRegion[] {
  if (YAML_NAME.test(filePath))
    return [
      ...yamlBlocks(splitLines(text), emptied).flatMap((block) => scriptInBlock(block, treeFile)),
      ...scriptsInCommands(text, treeFile),
    ];
  if (!isScript(filePath, text)) return [];
  // A heredoc, runmqsc, an MQSC file, or a file a command writes (`>`, `tee`, `cp`).
  if (!/<<|runmqsc|\.mqsc|>|\btee\b|\bcp\b/.test(text)) return [];
  const lines = splitLines(text);
  // What a script writes only when its deployment failed is not read (src/parse/shell-failure-path.ts).
  const failurePath = failurePathStart(lines);
  const regions = scriptRegions(lines, treeFile);
  return failurePath === undefined ? regions : regions.filter((r) => (r.lines[0]?.line ?? 0) < failurePath);
}

/** Content that says what it is when its key does not (`cm-nativeha-ini`, `mq.ini`, `config`). */
const SNIFFERS: Array<[RegExp, string]> = [
  [
    /^\s*(DEFINE|DEF|ALTER|SET|START|REFRESH|DELETE)\s+(CHANNEL|CHL|QMGR|CHLAUTH|QLOCAL|QL|AUTHINFO|AUTHREC|LISTENER|SECURITY|QREMOTE|TOPIC)\b/im,
    'embedded.mqsc',
  ],
  // A stanza is followed by its `Key=Value` lines (after blank or comment lines): YAML has `SSL:` lines too, with
  // `Mode: require` below (a ZITADEL config.yaml in an ExternalSecret template, mojaloop/iac-modules@2e5cdb2).
  [
    /^\s*(SSL|Channels|NativeHALocalInstance|NativeHAInstance|TCP|Service|AutoConfig|Log|QueueManager|CHANNELS|MQClient):[ \t]*\r?\n(?:[ \t]*(?:[#;].*)?\r?\n)*[ \t]*[A-Za-z][\w.]*[ \t]*=/m,
    'qm.ini',
  ],
  [/^\s*\{\s*"channel"\s*:/, 'ccdt.json'],
  [/^\s*<server[\s>]/m, 'server.xml'],
];

/** One base64 text (RFC 4648 alphabet, padded), of at least the length of a few encoded lines: no configuration's text. */
function isBase64Text(body: string): boolean {
  const joined = body.replace(/\s+/g, '');
  return joined.length >= 64 && joined.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(joined);
}

/** Classifies a region by its name (in the enclosing file's directory), else by its content. */
function classifyRegion(filePath: string, region: EmbeddedRegion, text: string): Classification | undefined {
  const dir = path.dirname(filePath);
  const byName = classifyFile(path.join(dir, region.name), text);
  if (byName) return byName;
  for (const [pattern, name] of SNIFFERS) if (pattern.test(text)) return classifyFile(path.join(dir, name), text);
  return undefined;
}

/**
 * Parses every embedded region of a file as a document of its own: the file is the enclosing
 * file, every range is where the text sits in it. `skipKind`: the kind the enclosing file was
 * already read as (a YAML file read as MQSC has its `*.mqsc` keys read already). `emptied`: as for findEmbedded.
 */
export function parseEmbedded(
  source: SourceFile,
  filePath: string,
  text: string,
  skipKind?: string,
  emptied?: (line: number) => boolean,
  treeFile?: TreeFileReader,
): EmbeddedDocuments {
  const out: EmbeddedDocuments = { documents: [], notUnderstood: [], assembledUnknown: [] };
  const scriptLines = isScript(filePath, text) ? splitLines(text) : undefined;
  let assignments: ScriptAssignments | undefined;
  for (const found of findEmbedded(filePath, text, emptied, treeFile)) {
    // What the shell puts in: the script's own literal assignments (src/parse/shell-assignments.ts).
    const region =
      found.expandsShell && scriptLines
        ? substituteAssignments(found, {
            ...(assignments ??= new ScriptAssignments(scriptLines)).before(found.lines[0]?.line ?? 0),
            // Only the MQ model takes a default back where the deployment's environment sets the variable.
            ...(!RUNMQSC_CONTAINERS.has(found.container) && { defaults: false as const }),
          })
        : found;
    const body = valueText(region.lines, (l) => l.text);
    const first = region.lines[0];
    const last = region.lines.at(-1);
    if (!first || !last) continue;
    const range = {
      start: { line: first.line, character: first.column },
      end: { line: last.line, character: last.column + (last.written?.(last.text.length) ?? last.text.length) },
    };
    // A Kubernetes Secret's `data:` (a ConfigMap's `binaryData:`) holds a file's bytes in base64: the file is not this
    // text. k8ssandra/k8ssandra-operator@9e3d1b5 test/testdata/fixtures/enc/enc-mgmt-k8s.yaml `keystore.jks: >-` is a
    // JKS store (/u3+7Q…: its magic FEEDFEED), which was reported as a text file named like a key store.
    if (isBase64Text(body)) continue;
    const classified = classifyRegion(filePath, region, body);
    // A file the script assembles from a piece the tree does not show is not read: said at that piece, when the file
    // is of a kind lint-deploy reads (a user then knows it went unjudged).
    if (region.unknownPieces) {
      const [piece, ...more] = region.unknownPieces.pieces;
      if (piece && classified && classified.kind !== skipKind)
        out.assembledUnknown.push({
          file: region.unknownPieces.file,
          said: piece.said,
          more: more.length,
          range: {
            start: { line: piece.line, character: piece.column },
            end: { line: piece.line, character: piece.end },
          },
        });
      continue;
    }
    if (!classified) {
      if (classifyFile(path.join(path.dirname(filePath), region.name), ''))
        out.notUnderstood.push({ container: region.container, name: region.name, range });
      continue;
    }
    if (classified.kind === skipKind) continue;
    const parse = (lines: readonly EmbeddedLine[]): ParsedDocument => {
      // A line that is only `$(cat file)` puts another file's text here when the script runs (henninb/nginx-reverse-proxy
      // run.sh wraps its nginx.conf in `http { … }` so): that file is read on its own, so the line is blank to the parser.
      const parsedBody = region.expandsShell
        ? valueText(lines, (l) => (FILE_READ_LINE.test(l.text) ? ' '.repeat(l.text.length) : l.text))
        : valueText(lines, (l) => l.text);
      const parsed = classified.handler.parse({ path: source.path, text: parsedBody, hadBom: false }, classified.kind);
      remapRanges(parsed, lines);
      return parsed;
    };
    const doc = parse(region.lines);
    // A file written in pieces some of which a branch or a loop writes: only what holds however they run.
    if (region.undecided || region.conditional) doc.problems = problemsOnEveryPath(doc.problems, region, parse);
    if (region.headless) doc.problems = doc.problems.map((p) => withUnknownStart(p, region));
    if (region.unterminated) explainNearEnds(doc, region.unterminated);
    const template = withPieceBranches(region.expandsShell ? shellExpansions(region, body) : undefined, region, body);
    out.documents.push({
      ...doc,
      file: source,
      embedded: {
        container: region.container,
        name: region.name,
        range,
        ...(region.defaults && {
          defaults: region.defaults.map((d) => ({
            name: d.name,
            range: { start: { line: d.line, character: d.start }, end: { line: d.line, character: d.end } },
          })),
        }),
      },
      ...(template ? { template } : {}),
    });
  }
  return out;
}

/** A line that is only a command substitution reading a file: `$(cat nginx.conf)`, `$(< x.conf)`, `` `cat x` ``. */
const FILE_READ_LINE = /^\s*(?:\$\((?:cat\s+|<\s*)[^()\n]+\)|`cat\s+[^`\n]+`)\s*$/;

export interface EmbeddedDocuments {
  documents: Array<ParsedDocument & { embedded: EmbeddedOrigin }>;
  /** Regions whose name alone says a format lint-deploy reads (`java.security: |`) but whose content is not one. */
  notUnderstood: EmbeddedOrigin[];
  /**
   * Files a script assembles that are not read because a piece's text is not in the tree: the file as the script names
   * it, the first such piece (its place and what it is) and how many more there are.
   */
  assembledUnknown: Array<{ file: string; said: string; more: number; range: Range }>;
}
