import type { Node, ParseError } from 'jsonc-parser';
import { jsonc } from '../core/jsonc';
import type { Range } from '../core/types';
import type { Entry, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import { lastPathSegment } from '../core/path-name';

/** A value read from the CCDT with the range of the value (string values without their quotes' meaning). */
export interface CcdtValue<T = string> {
  value: T;
  range: Range;
  templated: boolean;
}

/** One `channel[]` entry of a JSON CCDT (MQ 9.1.2+). */
export interface CcdtChannel {
  index: number;
  range: Range;
  name?: CcdtValue;
  type?: CcdtValue;
  queueManager?: CcdtValue;
  connections: { host?: CcdtValue; port?: CcdtValue<number | string> }[];
  cipherSpecification?: CcdtValue;
  certificateLabel?: CcdtValue;
  certificatePeerName?: CcdtValue;
}

export interface CcdtData {
  channels: CcdtChannel[];
}

const PLACEHOLDER = /\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;

export const ccdtFormat: FormatHandler<CcdtData> = {
  id: 'ccdt',
  classify(path, head) {
    const base = lastPathSegment(path).toLowerCase();
    if (!/\.json/.test(base)) return undefined;
    // A JSON CCDT is `{"channel": [ ... ]}` whose entries say `"type": "clientConnection"` or carry `clientConnection`.
    if (/"channel"\s*:\s*\[/.test(head) && /clientConnection|"transmissionSecurity"|ccdt/i.test(head + base))
      return 'mq.ccdt';
    return undefined;
  },
  parse(file, kind) {
    return parseCcdt(file, kind);
  },
};

const MAX_JSON_DEPTH = 256;

/** Deepest bracket nesting outside strings. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return max;
}

export function parseCcdt(file: SourceFile, kind = 'mq.ccdt'): ParsedDocument<CcdtData> {
  const index = new LineIndex(file.text);
  const problems: ParseProblem[] = [];
  const { text, templatedOffsets } = maskPlaceholders(file.text);
  // jsonc-parser recurses per nesting level (thousands of `[` overflow the stack); a CCDT nests five levels.
  const depth = jsonNestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    problems.push({
      code: 'json-too-deep',
      severity: 'error',
      message: `JSON nested ${depth} levels deep (over ${MAX_JSON_DEPTH}): not checked`,
      range: index.rangeAt(0, 0),
    });
    return { file, kind, entries: [], comments: [], problems, data: { channels: [] } };
  }
  const { parseTree, printParseErrorCode, findNodeAtLocation } = jsonc();
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    problems.push({
      code: 'json-syntax',
      severity: 'error',
      message: `Invalid JSON in CCDT (${printParseErrorCode(error.error)}); the MQ client rejects the file with MQRC 2278 MQRC_CLIENT_CONN_ERROR`,
      range: index.rangeAt(error.offset, error.offset + Math.max(error.length, 1)),
    });
  }
  const comments = findTrailingCommasAndComments(text, index, problems);
  const channels: CcdtChannel[] = [];
  const entries: Entry[] = [];
  const list = root ? findNodeAtLocation(root, ['channel']) : undefined;
  if (root && !list) {
    problems.push({
      code: 'ccdt-no-channel',
      severity: 'warning',
      message: 'JSON CCDT has no "channel" array',
      range: index.rangeAt(root.offset, root.offset + 1),
    });
  }
  const templated = (node: Node) => templatedOffsets.some((o) => o >= node.offset && o < node.offset + node.length);
  const read = <T = string>(node: Node | undefined, path: (string | number)[]): CcdtValue<T> | undefined => {
    const found = node ? findNodeAtLocation(node, path) : undefined;
    if (!found || found.type === 'object' || found.type === 'array' || found.type === 'null') return undefined;
    const isTemplated = templated(found) || (typeof found.value === 'string' && PLACEHOLDER.test(found.value));
    PLACEHOLDER.lastIndex = 0;
    const placeholder = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(file.text.slice(found.offset));
    const value = (isTemplated && found.type !== 'string' && placeholder ? placeholder[0] : found.value) as T;
    return { value, range: index.rangeAt(found.offset, found.offset + found.length), templated: isTemplated };
  };
  for (const [i, node] of (list?.children ?? []).entries()) {
    if (node.type !== 'object') continue;
    const channel: CcdtChannel = {
      index: i,
      range: index.rangeAt(node.offset, node.offset + node.length),
      name: read(node, ['name']),
      type: read(node, ['type']),
      queueManager: read(node, ['clientConnection', 'queueManager']),
      connections: (findNodeAtLocation(node, ['clientConnection', 'connection'])?.children ?? []).map((c) => ({
        host: read(c, ['host']),
        port: read<number | string>(c, ['port']),
      })),
      cipherSpecification: read(node, ['transmissionSecurity', 'cipherSpecification']),
      certificateLabel: read(node, ['transmissionSecurity', 'certificateLabel']),
      certificatePeerName: read(node, ['transmissionSecurity', 'certificatePeerName']),
    };
    channels.push(channel);
    collectEntries(node, text, index, `channel[${i}]`, channel.name?.value ?? `#${i}`, entries);
  }
  return { file, kind, entries, comments, problems, data: { channels } };
}

/** Replaces unquoted template placeholders (`"port": $PORT`) with a same-length number so the JSON parses; remembers where. */
function maskPlaceholders(source: string): { text: string; templatedOffsets: number[] } {
  const templatedOffsets: number[] = [];
  let inString = false;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (inString) {
      if (ch === '\\') {
        out += ch + (source[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      out += ch;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === '$') {
      const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
      if (m) {
        templatedOffsets.push(i);
        out += '0' + ' '.repeat(m[0].length - 1);
        i += m[0].length - 1;
        continue;
      }
    }
    out += ch;
  }
  return { text: out, templatedOffsets };
}

function findTrailingCommasAndComments(text: string, index: LineIndex, problems: ParseProblem[]) {
  const comments: { text: string; range: Range }[] = [];
  const { createScanner, SyntaxKind } = jsonc();
  const scanner = createScanner(text, false);
  let pendingComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const offset = scanner.getTokenOffset();
      const raw = text.slice(offset, offset + scanner.getTokenLength());
      comments.push({ text: raw.replace(/^\/\/|^\/\*|\*\/$/g, ''), range: index.rangeAt(offset, offset + raw.length) });
      problems.push({
        code: 'json-comment',
        severity: 'warning',
        message: 'Comments are not allowed in a JSON CCDT; the MQ client may reject the file',
        range: index.rangeAt(offset, offset + raw.length),
      });
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && pendingComma >= 0) {
      problems.push({
        code: 'json-trailing-comma',
        severity: 'warning',
        message:
          'Trailing comma before the closing bracket: strict JSON readers (and some MQ client levels) reject this CCDT; remove the comma',
        range: index.rangeAt(pendingComma, pendingComma + 1),
      });
    }
    pendingComma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : -1;
  }
  return comments;
}

function collectEntries(node: Node, text: string, index: LineIndex, path: string, section: string, out: Entry[]): void {
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = `${path}.${String(keyNode.value)}`;
      if (valueNode.type === 'object' || valueNode.type === 'array') {
        collectEntries(valueNode, text, index, key, section, out);
        continue;
      }
      out.push({
        key,
        value: String(valueNode.value ?? text.slice(valueNode.offset, valueNode.offset + valueNode.length)),
        keyRange: index.rangeAt(keyNode.offset, keyNode.offset + keyNode.length),
        valueRange: index.rangeAt(valueNode.offset, valueNode.offset + valueNode.length),
        section,
        secret: isSecretKey(String(keyNode.value)),
      });
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => collectEntries(child, text, index, `${path}[${i}]`, section, out));
  }
}
