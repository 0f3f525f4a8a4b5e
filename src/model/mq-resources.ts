/**
 * The IBM MQ Operator's QueueManager resources that apply an MQSC held in a ConfigMap: of the same file (a YAML file
 * of resources, or a deploy script writing them in heredocs (`cat > qm3-configmap.yaml << EOF`, then `cat >
 * qm3-qmgr.yaml << EOF`: ibm-messaging/cp4i-mq-samples 03-auth/deploy-qm3-qmgr.sh), else of a YAML file beside it.
 * A QueueManager applies the ConfigMaps listed under `spec.queueManager.mqsc`; what it says (its queue manager name, its release) is then said
 * of that MQSC. A file the YAML library cannot read gives none.
 */
import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import type { Range, RelatedLocation } from '../core/types';
import { mqOperatorDeveloperLicence } from '../knowledge';
import { hereDocumentEnd, hereDocumentOpening } from '../parse/here-documents';
import { YAML_PREAMBLE } from '../parse/script-regions';
import { LineIndex, splitLines, yamlLineBreaks } from '../parse/text';
import { yaml } from '../parse/yaml-flatten';
import type { ListedFiles } from './listed-files';

const YAML_FILE = /\.ya?ml(_template|\.tpl|\.template)?$/i;
const SCRIPT_FILE = /\.(sh|bash|ksh|zsh)$/i;

/** A QueueManager resource applying the MQSC: its content as JavaScript values, and where a field of it is written. */
export interface ApplyingQueueManager {
  resource: unknown;
  /** The ConfigMap that holds the MQSC. */
  configMap: string;
  /** The file the QueueManager resource is written in: the MQSC's own, or a manifest beside it. */
  file: string;
  /** Where the value at `keys` is written in the file (undefined when it is not). */
  rangeOf: (keys: string[]) => Range | undefined;
}

export function field(o: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    o,
  );
}

interface YamlText {
  text: string;
  /** The file line of the text's first line. */
  firstLine: number;
}

/** The YAML of a file: the file itself, or a script's heredocs that are Kubernetes manifests (they start `apiVersion:`/`kind:`). */
function yamlTexts(filePath: string, text: string): YamlText[] {
  if (YAML_FILE.test(filePath)) return [{ text, firstLine: 0 }];
  if (!SCRIPT_FILE.test(filePath) && !text.startsWith('#!')) return [];
  const lines = splitLines(text);
  const out: YamlText[] = [];
  for (let i = 0; i < lines.length; i++) {
    const here = hereDocumentOpening(lines[i]!);
    if (!here || lines[i]!.trimStart().startsWith('#')) continue;
    const j = hereDocumentEnd(lines, i, here);
    const body = lines.slice(i + 1, j);
    // Blank lines, comments and the document start `---` come before a manifest's first key.
    const first = body.find((l) => !YAML_PREAMBLE.test(l));
    if (first !== undefined && /^(apiVersion|kind):/.test(first)) out.push({ text: body.join('\n'), firstLine: i + 1 });
    i = j;
  }
  return out;
}

interface ReadDocument {
  value: unknown;
  startLine: number;
  endLine: number;
  rangeOf: (keys: string[]) => Range | undefined;
}

function readDocuments(source: YamlText): ReadDocument[] {
  let documents: ReturnType<ReturnType<typeof yaml>['parseAllDocuments']>;
  try {
    // logLevel 'error': the library's warnings (a collection used as a key, stringified by toJS) go to the process's
    // stderr otherwise; a manifest it reads loosely is no concern of the user's.
    documents = yaml().parseAllDocuments(yamlLineBreaks(source.text), { logLevel: 'error' });
  } catch {
    return [];
  }
  if (!Array.isArray(documents)) return [];
  const index = new LineIndex(source.text);
  const shift = (r: Range): Range => ({
    start: { line: r.start.line + source.firstLine, character: r.start.character },
    end: { line: r.end.line + source.firstLine, character: r.end.character },
  });
  const out: ReadDocument[] = [];
  for (const d of documents) {
    try {
      const range = d.range;
      if (!range) continue;
      out.push({
        value: d.toJS() as unknown,
        startLine: index.positionAt(range[0]).line + source.firstLine,
        endLine: index.positionAt(range[2]).line + source.firstLine,
        rangeOf: (keys) => {
          const node = d.getIn(keys, true) as { range?: [number, number, number] } | undefined;
          return node?.range ? shift(index.rangeAt(node.range[0], node.range[1])) : undefined;
        },
      });
    } catch {
      continue;
    }
  }
  return out;
}

/** A manifest larger than this beside the MQSC is not read for QueueManager resources. */
const MAX_MANIFEST_BYTES = 256 * 1024;
const QUEUE_MANAGER_KIND = /^\s*kind:\s*["']?QueueManager["']?\s*$/m;

/** Whether QueueManager resource `d` lists ConfigMap `name` (of namespace `namespace`, when both say one). */
function applies(d: ReadDocument, name: string, namespace: unknown): boolean {
  if (field(d.value, 'kind') !== 'QueueManager') return false;
  const own = field(d.value, 'metadata', 'namespace');
  if (typeof namespace === 'string' && typeof own === 'string' && own !== namespace) return false;
  const mqsc = field(d.value, 'spec', 'queueManager', 'mqsc');
  return Array.isArray(mqsc) && mqsc.some((m) => field(m, 'configMap', 'name') === name);
}

/**
 * The QueueManager resources that apply the ConfigMap holding file line `line` (an MQSC's first command): those of the
 * same file, else those of the YAML files beside it — the ConfigMap and the QueueManager are often two manifests of one
 * directory (jackyng88/external-mq-ocp-connection: mq-tls-configmap.yaml and mq-queue-manager.yaml, applied together).
 */
export function queueManagersApplying(
  filePath: string,
  text: string,
  line: number,
  listed: ListedFiles,
): ApplyingQueueManager[] {
  if (!/^\s*kind:\s*["']?ConfigMap["']?\s*$/m.test(text)) return [];
  const documents = yamlTexts(filePath, text).flatMap(readDocuments);
  const holder = documents.find(
    (d) => field(d.value, 'kind') === 'ConfigMap' && d.startLine <= line && line <= d.endLine,
  );
  if (!holder) return [];
  const configMap = field(holder.value, 'metadata', 'name');
  if (typeof configMap !== 'string') return [];
  const namespace = field(holder.value, 'metadata', 'namespace');
  const found = (file: string, docs: ReadDocument[]): ApplyingQueueManager[] =>
    docs
      .filter((d) => applies(d, configMap, namespace))
      .map((d) => ({ resource: d.value, configMap, file, rangeOf: d.rangeOf }));
  const own = found(filePath, documents);
  if (own.length > 0 || !YAML_FILE.test(filePath)) return own;
  return manifestsBeside(filePath, listed).flatMap((m) =>
    found(m.file, yamlTexts(m.file, m.text).flatMap(readDocuments)),
  );
}

/** The other YAML files of the directory of `filePath` that hold a QueueManager resource. */
function manifestsBeside(filePath: string, listed: ListedFiles): { file: string; text: string }[] {
  return manifestsIn(listed, path.dirname(filePath), YAML_FILE, filePath).filter((m) =>
    QUEUE_MANAGER_KIND.test(m.text),
  );
}

/**
 * The deployment's files in `dir` whose names `names` matches (but `except`), by name, each read up to
 * MAX_MANIFEST_BYTES: the manifests applied beside one (`oc apply -f .`), which the read stage does not classify. Only
 * the files the deployment lists (Deployment.files): `--cache` hashes those, and an ignored file is not read.
 */
export function manifestsIn(
  listed: ListedFiles,
  dir: string,
  names: RegExp,
  except?: string,
): { file: string; text: string }[] {
  return listed
    .in(dir)
    .filter((file) => file !== except && names.test(path.basename(file)))
    .map((file) => {
      const read = readRegularFile(file, MAX_MANIFEST_BYTES);
      return { file, text: read.ok ? read.bytes.toString('utf8') : '' };
    });
}

/** A variable of the `qmgr` container of a QueueManager resource, with where its value is written. */
export interface QmgrContainerVariable {
  name: string;
  value: string;
  range: Range;
  qm: ApplyingQueueManager;
}

/**
 * The `env` of the `qmgr` container of each QueueManager resource (`spec.template.pod.containers[name=qmgr].env`, as
 * IBM's Cloud Pak samples write it): the environment the container creates and runs the queue manager in. Variables
 * with a literal string value only (`valueFrom` names a Secret or ConfigMap the tree does not settle).
 */
export function qmgrContainerEnvironment(applying: readonly ApplyingQueueManager[]): QmgrContainerVariable[] {
  const out: QmgrContainerVariable[] = [];
  for (const qm of applying) {
    const containers = field(qm.resource, 'spec', 'template', 'pod', 'containers');
    if (!Array.isArray(containers)) continue;
    for (const [i, container] of containers.entries()) {
      const env = field(container, 'env');
      if (field(container, 'name') !== 'qmgr' || !Array.isArray(env)) continue;
      for (const [j, variable] of env.entries()) {
        const name = field(variable, 'name');
        const value = field(variable, 'value');
        if (typeof name !== 'string' || typeof value !== 'string') continue;
        const range = qm.rangeOf(['spec', 'template', 'pod', 'containers', String(i), 'env', String(j), 'value']);
        if (range) out.push({ name, value, range, qm });
      }
    }
  }
  return out;
}

/**
 * Where the QueueManager resources that apply the MQSC select IBM MQ Advanced for Developers (`spec.license.use:
 * Development`, mq.json operatorDeveloperLicence): only when every one of them does, else which licence runs it is
 * not the developer one for certain.
 */
export function developerLicenceOf(applying: readonly ApplyingQueueManager[]): RelatedLocation | undefined {
  const found = applying.map((qm) => {
    const licence = mqOperatorDeveloperLicence(
      field(qm.resource, 'apiVersion'),
      field(qm.resource, 'spec', 'license', 'use'),
    );
    const range = licence && qm.rangeOf(licence.field.split('.'));
    return licence && range
      ? {
          file: qm.file,
          range,
          message: `${licence.what}: QueueManager ${String(field(qm.resource, 'metadata', 'name'))}, which applies ConfigMap ${qm.configMap}, says ${licence.field}: Development`,
        }
      : undefined;
  });
  return found.length > 0 && found.every((l) => l !== undefined) ? found[0] : undefined;
}
