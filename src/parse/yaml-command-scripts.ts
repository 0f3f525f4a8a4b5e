/**
 * The shell scripts a YAML file passes on one line to `sh -c`: a Compose service's or Kubernetes container's
 * `command: ["sh", "-c", "echo 'ssl_protocols TLSv1;' > /etc/nginx/conf.d/tls.conf && nginx -g 'daemon off;'"]`, or
 * the `args:` of a container whose `command:` ends with `-c`. Each is read as a script line (./script-regions.ts), every
 * character at its place in the YAML file. Block scalars (`- |`, `- >`) are ./yaml-blocks.ts's; a scalar over several
 * lines, or with an escape other than `\"`, `\\`, `\/` and `''`, is not read here (its characters' places are not one
 * to one); the string form (`command: sh -c "…"`, which Compose splits as shlex does) is not read either.
 */
import type { Node, Scalar } from 'yaml';
import { yaml } from './yaml-flatten';
import { LineIndex } from './text';
import type { EmbeddedLine } from './yaml-blocks';

/** The keys whose list is a command and its arguments. */
const COMMAND_KEYS = /^(?:command|entrypoint|args)$/;
/**
 * Worth parsing (most YAML files are not, and parsing is the cost): a `-c` item of a flow or block list and a script
 * that may write a file.
 */
const MAY_HOLD = /[[,]\s*(["']?)-c\1\s*[,\]]|^\s*-\s+(["']?)-c\2\s*$/m;
const MAY_WRITE = />|\bcp\s|\btee\s/;

/** A one-line script of a YAML file: the key whose list holds it, its text and the file column of each character. */
export interface CommandScript {
  key: string;
  line: EmbeddedLine;
}

/** The one-line `-c` scripts of a YAML file's command lists. */
export function commandScripts(text: string): CommandScript[] {
  if (!MAY_HOLD.test(text) || !MAY_WRITE.test(text)) return [];
  const lib = yaml();
  let documents: ReturnType<typeof lib.parseAllDocuments>;
  try {
    documents = lib.parseAllDocuments(text, { uniqueKeys: false });
  } catch {
    return [];
  }
  const index = new LineIndex(text);
  const out: CommandScript[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (lib.isSeq(node)) for (const item of node.items) visit(item as Node);
    if (!lib.isMap(node)) return;
    const listOf = (key: string) => {
      const pair = node.items.find((p) => lib.isScalar(p.key) && p.key.value === key);
      return lib.isSeq(pair?.value) ? pair.value.items : undefined;
    };
    // Kubernetes: `command: ["/bin/sh", "-c"]` runs its first `args:` item as the script.
    const runsArgs = listOf('command')?.at(-1);
    const argsAreScripts = lib.isScalar(runsArgs) && runsArgs.value === '-c';
    for (const pair of node.items) {
      const key = lib.isScalar(pair.key) ? String(pair.key.value) : '';
      const items = lib.isSeq(pair.value) && COMMAND_KEYS.test(key) ? pair.value.items : undefined;
      if (!items) {
        visit(pair.value as Node);
        continue;
      }
      const dashC = items.findIndex((i) => lib.isScalar(i) && i.value === '-c');
      const first = key === 'args' && argsAreScripts ? 0 : dashC < 0 ? undefined : dashC + 1;
      const script = first === undefined ? undefined : items[first];
      const line = lib.isScalar(script) ? scriptLine(script, text, index) : undefined;
      if (line) out.push({ key, line });
    }
  };
  for (const document of documents) visit(document.contents);
  return out;
}

/** A one-line scalar's value with the file column of each character; undefined when they are not one to one. */
function scriptLine(scalar: Scalar, text: string, index: LineIndex): EmbeddedLine | undefined {
  const [start, end] = scalar.range ?? [0, 0];
  const raw = text.slice(start, end);
  if (typeof scalar.value !== 'string' || raw.includes('\n') || !MAY_WRITE.test(raw)) return undefined;
  const at = index.rangeAt(start, end).start;
  const columns: number[] = [];
  let value = '';
  const add = (c: string, k: number) => {
    value += c;
    columns.push(at.character + k);
  };
  if (scalar.type === 'PLAIN') for (let k = 0; k < raw.length; k++) add(raw[k]!, k);
  else if (scalar.type === 'QUOTE_SINGLE')
    for (let k = 1; k < raw.length - 1; k++) add(raw[k]!, raw[k] === "'" ? k++ : k);
  else if (scalar.type === 'QUOTE_DOUBLE')
    for (let k = 1; k < raw.length - 1; k++) {
      if (raw[k] !== '\\') add(raw[k]!, k);
      else if (/["\\/]/.test(raw[k + 1] ?? '')) add(raw[++k]!, k);
      else return undefined;
    }
  else return undefined;
  if (value !== scalar.value) return undefined;
  return { line: at.line, column: 0, text: value, written: (c) => columns[c] ?? at.character + raw.length };
}
