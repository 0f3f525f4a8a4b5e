/**
 * What a ConfigMap or a Secret sets as the variables of a container whose `envFrom:` names it: each key that is a
 * variable Spring binds (`SERVER_SSL_ENABLED_PROTOCOLS`) or a JVM option variable (`JAVA_TOOL_OPTIONS`), its value a
 * ConfigMap's `data:`, a Secret's `stringData:` (written as is) or its base64 `data:` (decoded; `stringData:` wins).
 * A value that is no text, or a key set a template writes, is one the tree does not show.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables
 * https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
 */
import type { JvmProperty } from './java/jvm-args';
import { addVariableOptions, noStartJvmOptions, type StartJvmOptions } from './java/container-jvm';
import { environmentSetting, scalarOffsets, springBoundProperty } from './java/spring-environment';
import { LineIndex } from './text';
import type { Range } from '../core/types';
import type { Entry } from './types';
import { decodedText, type KubernetesSource } from './kubernetes-volumes';

/** The variables an `envFrom:` ConfigMap or Secret gives that lint-deploy reads. */
export interface KubernetesEnvSource {
  source: 'configMap' | 'secret';
  name: string;
  namespace?: string;
  springEnvironment: JvmProperty[];
  /** Its JVM option variables (`JAVA_TOOL_OPTIONS`), for the `envFrom:` that names it. */
  jvm: StartJvmOptions;
}

/** A key of `data:` (`stringData:`) that can be an environment variable (not `application.yml`'s block). */
const DATA_VARIABLE = /^(data|stringData)\.([A-Za-z_][A-Za-z0-9_.-]*)$/;

/** The variables a ConfigMap's or Secret's keys set; undefined when none is one lint-deploy reads. */
export function envSourceOf(
  entries: readonly Entry[],
  source: KubernetesEnvSource['source'],
  name: string,
  namespace: string | undefined,
  text: string,
  index: LineIndex,
): KubernetesEnvSource | undefined {
  const jvm = noStartJvmOptions();
  const springEnvironment: JvmProperty[] = [];
  const written = new Set(entries.flatMap((e) => (e.key.startsWith('stringData.') ? [e.key.slice(11)] : [])));
  for (const entry of entries) {
    const [, block, variable] = DATA_VARIABLE.exec(entry.key) ?? [];
    if (!variable || entry.value.includes('\n')) continue;
    if (source === 'configMap' ? block !== 'data' : block === 'data' && written.has(variable)) continue;
    if (source === 'secret' && block === 'data') {
      springEnvironment.push(...decodedSetting(jvm, variable, entry));
      continue;
    }
    const [start, end] = scalarOffsets(text, index, entry);
    addVariableOptions(jvm, text, index, variable, entry.keyRange, start, end);
    springEnvironment.push(...variableSetting(text, index, variable, entry, entry));
  }
  if (springEnvironment.length === 0 && jvm.jvmVariables.length === 0) return undefined;
  return { source, name, ...(namespace !== undefined && { namespace }), springEnvironment, jvm };
}

/**
 * A Secret's base64 `data:` key as a variable: read from its decoded text, each place at the encoded value (the text
 * itself is nowhere in the file). A value that is no text is the cluster's: unresolved, and option words unknown.
 */
function decodedSetting(jvm: StartJvmOptions, variable: string, entry: Entry): JvmProperty[] {
  const decoded = decodedText(entry.value);
  const property = springBoundProperty(variable);
  if (decoded === undefined) {
    addVariableOptions(jvm, '', new LineIndex(''), variable, entry.keyRange, 0, 0);
    const set = jvm.jvmVariables[jvm.jvmVariables.length - 1];
    if (set?.variable === variable) set.opaque = 'base64 data that is no text';
    return property ? [{ ...placed(decodedProperty(variable, property, ''), entry), unresolved: true }] : [];
  }
  const options = noStartJvmOptions();
  addVariableOptions(options, decoded, new LineIndex(decoded), variable, entry.keyRange, 0, decoded.length);
  jvm.jvmVariables.push(...options.jvmVariables);
  jvm.jvmProperties.push(...options.jvmProperties.map((p) => placed(p, entry)));
  return property ? [placed(decodedProperty(variable, property, decoded), entry)] : [];
}

const decodedProperty = (variable: string, property: string, decoded: string): JvmProperty =>
  environmentSetting(decoded, new LineIndex(decoded), variable, property, 0, 0, decoded.length);

/** A property read from a decoded value, placed at the key and its encoded value. */
function placed(property: JvmProperty, entry: Entry): JvmProperty {
  return { ...property, nameRange: entry.keyRange, valueRange: entry.valueRange };
}

/**
 * A variable named by `nameEntry` (its value, or its key in a ConfigMap) with the value of `valueEntry`, when Spring
 * binds it. No `value:` (a `valueFrom:`) or a `$(VAR)` reference is a value the cluster gives at run time.
 */
export function variableSetting(
  text: string,
  index: LineIndex,
  variable: string,
  nameEntry: Entry,
  valueEntry: Entry | undefined,
): JvmProperty[] {
  const property = springBoundProperty(variable);
  if (!property) return [];
  const named = /^(data|stringData)\./.test(nameEntry.key) ? nameEntry.keyRange : nameEntry.valueRange;
  const nameStart = index.offsetAt(named.end) - variable.length;
  if (!valueEntry || valueEntry.key.endsWith('valueFrom') || valueEntry.key.includes('.valueFrom.')) {
    const setting = environmentSetting(text, index, variable, property, nameStart, nameStart, nameStart);
    return [{ ...setting, valueRange: named, unresolved: true }];
  }
  const [start, end] = scalarOffsets(text, index, valueEntry);
  return [environmentSetting(text, index, variable, property, nameStart, start, end)];
}

const TEMPLATE_TAG = '{{';
/** A manifest's top-level key that holds a ConfigMap's or Secret's keys, and any other top-level key. */
const KEYS_BLOCK = /^(data|stringData|binaryData):/;
const TOP_LEVEL_KEY = /^[A-Za-z]/;
/** A key as written, not a template's value read in its place. */
const WRITTEN_KEY = /^[\w.-]+$/;

/**
 * Whether a template writes keys of a ConfigMap or Secret whose manifest's text is `text` (as written, not as read with
 * the template syntax set aside): a line of its `data:`/`stringData:` block with a template tag where no key is
 * written (a Helm `{{- range }}` over values, a `{{ toYaml … }}` block, a `{{- if }}` around keys, a key that is a tag).
 * Its keys are then not all known, whatever the reader kept.
 */
export function keysFromTemplate(text: string, source: KubernetesSource): boolean {
  if (!source.lines || !text.includes(TEMPLATE_TAG)) return false;
  const kept = new Set(source.keys.filter((k) => WRITTEN_KEY.test(k.key)).map((k) => k.keyRange.start.line));
  const all = text.split(/\r\n|\r|\n/);
  let inBlock = false;
  for (let line = source.lines.start.line; line <= source.lines.end.line && line < all.length; line++) {
    const written = all[line]!;
    if (KEYS_BLOCK.test(written)) inBlock = true;
    else if (TOP_LEVEL_KEY.test(written)) inBlock = false;
    if (inBlock && written.includes(TEMPLATE_TAG) && !kept.has(line)) return true;
  }
  return false;
}

/** A `valueFrom:` key reference, `range` where its source is named; `optional: true` lets the container start without it. */
export interface KeyRef {
  name: string;
  key: string;
  range: Range;
  optional?: true;
}

export type RefSource = 'secretKeyRef' | 'configMapKeyRef';
export type RefField = 'name' | 'key' | 'optional';
/** An `env:` item's `valueFrom.secretKeyRef.name` (`key`, `optional`), or its `configMapKeyRef`'s. */
export const KEY_REF = /\.valueFrom\.(secretKeyRef|configMapKeyRef)\.(name|key|optional)$/;

/** A key reference as written; undefined without both its source's name and its key. */
export function keyRefOf(written: Partial<Record<RefField, Entry>> | undefined): KeyRef | undefined {
  if (!written?.name || !written.key) return undefined;
  return {
    name: written.name.value.trim(),
    key: written.key.value.trim(),
    range: written.name.valueRange,
    ...(/^true$/i.test(written.optional?.value.trim() ?? '') && { optional: true as const }),
  };
}
