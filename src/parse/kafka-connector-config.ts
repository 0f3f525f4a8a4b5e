/**
 * A Kafka Connect connector's configuration: the JSON a client POSTs (or PUTs) to a Connect worker's REST API —
 * `{"name": "orders-sink", "config": {"connector.class": "…", …}}` for `POST /connectors`, or the bare config map for
 * `PUT /connectors/<name>/config` — or the `.properties` file a standalone worker is started with
 * (https://kafka.apache.org/documentation/#connect_rest, #connect_running). A file is one by its `connector.class`, the
 * setting every connector's configuration must have. Entries are the config map's settings (string, number and boolean
 * values as Connect reads them), each with its place.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { jsonc } from '../core/jsonc';
import { lastPathSegment } from '../core/path-name';
import { jsonNestingDepth } from './ccdt';
import { parseProperties } from './properties';
import { LineIndex } from './text';
import type { Entry, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { isSecretKey } from './types';

export const KAFKA_CONNECTOR_CONFIG_KIND = 'kafka.connector-config';

/** The connector's name: `name` beside `config` (REST), or in the config map itself (standalone, PUT). */
export interface KafkaConnectorConfigData {
  name?: string;
}

const JSON_CONNECTOR = /"connector\.class"\s*:/;
const PROPERTIES_CONNECTOR = /^[ \t]*connector\.class[ \t]*[=:]/m;
/** A connector's JSON nests two levels; deeper input is not one (and jsonc-parser recurses per level). */
const MAX_DEPTH = 64;

export const kafkaConnectorConfigFormat: FormatHandler<KafkaConnectorConfigData> = {
  id: 'kafka-connector-config',
  classify(filePath, head) {
    const name = lastPathSegment(filePath).toLowerCase();
    // A JSON object: a fragment of members (a connector's documented settings pasted without braces) is not one.
    if (name.endsWith('.json') && /^\s*\{/.test(head) && JSON_CONNECTOR.test(head)) return KAFKA_CONNECTOR_CONFIG_KIND;
    if (name.endsWith('.properties') && PROPERTIES_CONNECTOR.test(head)) return KAFKA_CONNECTOR_CONFIG_KIND;
    return undefined;
  },
  parse(file, kind) {
    if (!lastPathSegment(file.path).toLowerCase().endsWith('.json')) {
      const { entries, comments, problems } = parseProperties(file.text, { commentsInValues: true });
      const name = entries
        .filter((e) => e.key === 'name')
        .at(-1)
        ?.value.trim();
      return { file, kind, entries, comments, problems, data: name ? { name } : {} };
    }
    return parseConnectorJson(file, kind);
  },
};

function parseConnectorJson(file: SourceFile, kind: string): ParsedDocument<KafkaConnectorConfigData> {
  const index = new LineIndex(file.text);
  const problems: ParseProblem[] = [];
  const depth = jsonNestingDepth(file.text);
  if (depth > MAX_DEPTH) {
    problems.push({
      code: 'json-too-deep',
      severity: 'error',
      message: `JSON nested ${depth} levels deep (over ${MAX_DEPTH}): not checked`,
      range: index.rangeAt(0, 0),
    });
    return { file, kind, entries: [], comments: [], problems, data: {} };
  }
  const { parseTree, printParseErrorCode, findNodeAtLocation } = jsonc();
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors)
    problems.push({
      code: 'json-syntax',
      // A template filled before it is POSTed (an unquoted `${TASKS}`) reads so too: what is sent is unknown.
      severity: 'warning',
      message: `Invalid JSON in a Kafka Connect connector configuration (${printParseErrorCode(error.error)}): Connect's REST API answers 400 and creates no connector, unless a script fills it in before sending it`,
      range: index.rangeAt(error.offset, error.offset + Math.max(error.length, 1)),
    });
  const nested = root && findNodeAtLocation(root, ['config']);
  const config = nested?.type === 'object' ? nested : root?.type === 'object' ? root : undefined;
  const nameNode = (root && findNodeAtLocation(root, ['name'])) ?? (config && findNodeAtLocation(config, ['name']));
  const entries: Entry[] = [];
  for (const member of config?.children ?? []) {
    const [keyNode, valueNode] = member.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== 'string' || !scalar(valueNode)) continue;
    entries.push({
      key: keyNode.value,
      value: String(valueNode.value),
      keyRange: index.rangeAt(keyNode.offset, keyNode.offset + keyNode.length),
      valueRange: index.rangeAt(valueNode.offset, valueNode.offset + valueNode.length),
      secret: isSecretKey(keyNode.value),
    });
  }
  const name = nameNode?.type === 'string' ? String(nameNode.value) : undefined;
  return { file, kind, entries, comments: [], problems, data: name ? { name } : {} };
}

const scalar = (node: Node) => node.type === 'string' || node.type === 'number' || node.type === 'boolean';
