/**
 * The environment variables Kubernetes containers take from the tree's Secrets: an `env:` item's
 * `valueFrom.secretKeyRef` (`name`, `key`) and each key of an `envFrom: - secretRef:` Secret, read from the Secret's
 * `stringData:` or base64 `data:` when a manifest of the tree holds it (in the container's namespace: its own file,
 * else its directory, else the only one of the tree). keystore/unlock.ts tries them as store passwords; a value lives
 * only while it is tried and is never printed (src/engine/run/redact.ts masks the keys a secretKeyRef names).
 * https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
 */
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import { chartOf, releaseWideName } from './helm-object-names';
import type { KubernetesData, KubernetesVariable } from './kubernetes';
import type { KeyRef } from './kubernetes-env-sources';
import { decodedText, type KubernetesSource, type KubernetesSourceKey } from './kubernetes-volumes';
import { isSecretKey, type ParsedDocument } from './types';

/** Whether two manifests may be in one namespace: unless both write theirs and they differ. */
export const sameNamespace = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined || a === b;

/** What names a source: a manifest, or a file that is no manifest of the tree (an operator's resource in a script). */
export type SourceNamer = Pick<ParsedDocument, 'file' | 'template'>;

/**
 * The one candidate a manifest of `namespace` in `doc` means by a name: of its own file, else of its directory, else
 * the only one of the tree; candidates of another namespace never.
 */
export function nearestOf<T extends { doc: ParsedDocument; namespace?: string | undefined }>(
  all: readonly T[],
  doc: SourceNamer,
  namespace: string | undefined,
): T | undefined {
  const inNamespace = all.filter((c) => sameNamespace(c.namespace, namespace));
  // One file is one manifest document: its path says it.
  const own = inNamespace.filter((c) => c.doc === doc || c.doc.file.path === doc.file.path);
  const sameDir = inNamespace.filter((c) => path.dirname(c.doc.file.path) === path.dirname(doc.file.path));
  for (const candidates of [own, sameDir, inNamespace])
    if (candidates.length) return candidates.length === 1 ? candidates[0] : undefined;
  return undefined;
}

/** A ConfigMap or Secret the tree makes: of a manifest, or (src/model/kubernetes-sources.ts) of files by a generator. */
export interface SourceOfTree {
  source: KubernetesSource;
  doc: ParsedDocument;
  namespace?: string | undefined;
  /** Its name as a chart's template writes it, when it renders alike in every template of the chart (./helm-object-names.ts). */
  releaseWideName?: string;
}

/** A ConfigMap or Secret of a manifest of the tree. */
export interface HeldSource extends SourceOfTree {
  doc: ParsedDocument<KubernetesData>;
}

/** Every ConfigMap and Secret of the manifests. */
export function manifestSources(manifests: readonly ParsedDocument<KubernetesData>[]): HeldSource[] {
  return manifests.flatMap((doc) =>
    (doc.data.sources ?? []).map((source) => {
      const written = TEMPLATE_VALUE.test(source.name) ? releaseWideName(doc, source.range) : undefined;
      return { source, doc, namespace: source.namespace, ...(written !== undefined && { releaseWideName: written }) };
    }),
  );
}

const KIND_NAME = { configMap: 'ConfigMap', secret: 'Secret' } as const;
/** A template's or the shell's value (`{{ .Values.tls.crt }}`, `${CERT}`): the manifest as applied holds another. */
export const TEMPLATE_VALUE = /\{\{|\$\{|^\s*<[^>]*>\s*$/;

/**
 * The ConfigMap or Secret a container of `doc` in `namespace` names (see nearestOf), or why the tree does not show it
 * (`Secret x is not in the tree`). A name a chart's template writes (`at`: where) is the source of that chart whose
 * name is written alike, when both render alike in every release (./helm-object-names.ts); else a template value.
 */
export function heldSource<T extends SourceOfTree>(
  all: readonly T[],
  doc: SourceNamer,
  namespace: string | undefined,
  source: KubernetesSource['source'],
  name: string,
  at?: Range,
): T | string {
  const said = `${KIND_NAME[source]} ${name.trim()}`;
  if (TEMPLATE_VALUE.test(name)) {
    const written = at && releaseWideName(doc, at);
    const chart = chartOf(doc.file.path);
    const alike = written
      ? all.filter(
          (h) => h.source.source === source && h.releaseWideName === written && chartOf(h.doc.file.path) === chart,
        )
      : [];
    return nearestOf(alike, doc, namespace) ?? `${said} is named by a template value, decided when it is rendered`;
  }
  const named = all.filter((h) => h.source.source === source && h.source.name === name.trim());
  const found = nearestOf(named, doc, namespace);
  if (found) return found;
  return named.some((h) => sameNamespace(h.namespace, namespace))
    ? `${said} is defined by several manifests of the tree, none nearer than the others`
    : `${said} is not in the tree`;
}

/** A variable a container takes from a Secret. */
export interface SecretVariable {
  variable: string;
  /** `env`: a `secretKeyRef` names the key (a secret by that); `envFrom`: one of the Secret's keys. */
  via: 'env' | 'envFrom';
  secret: string;
  key: string;
  /** The key's text; undefined when the tree does not hold the Secret or the key, or its value is no text. */
  value?: string;
  /** The Secret's key, else where the container names the Secret. */
  at: Location;
}

/** Every variable the tree's Kubernetes containers take from a Secret (see the header). */
export function secretVariables(documents: readonly ParsedDocument[]): SecretVariable[] {
  const manifests = documents.filter((d): d is ParsedDocument<KubernetesData> => d.kind === 'kubernetes');
  const secrets = manifestSources(manifests);
  const held = (doc: ParsedDocument, namespace: string | undefined, name: string, at: Range) => {
    const found = heldSource(secrets, doc, namespace, 'secret', name, at);
    return typeof found === 'string' ? undefined : found.source;
  };
  const out: SecretVariable[] = [];
  for (const doc of manifests)
    for (const container of doc.data.containers ?? []) {
      const file = doc.file.path;
      const secretFile = (source: KubernetesSource) => secrets.find((s) => s.source === source)?.doc.file.path ?? file;
      for (const from of container.envFrom) {
        if (from.source !== 'secret') continue;
        const source = held(doc, container.namespace, from.name.trim(), from.range);
        for (const key of source?.keys ?? [])
          out.push({
            variable: (from.prefix ?? '') + key.key,
            via: 'envFrom',
            secret: from.name.trim(),
            key: key.key,
            ...valueOf(key),
            at: { file: secretFile(source!), range: key.keyRange },
          });
      }
      for (const variable of container.environment) {
        const ref = variable.secretKeyRef;
        if (!ref) continue;
        const source = held(doc, container.namespace, ref.name, ref.range);
        const key = source?.keys.find((k) => k.key === ref.key);
        out.push({
          variable: variable.name,
          via: 'env',
          secret: ref.name,
          key: ref.key,
          ...(key && valueOf(key)),
          at: key ? { file: secretFile(source!), range: key.keyRange } : { file, range: variable.nameRange },
        });
      }
    }
  return out;
}

function valueOf(key: KubernetesSource['keys'][number]): { value?: string } {
  const value = secretKeyText(key);
  return value !== undefined ? { value } : {};
}

/** A key's value as the container gets it (base64 decoded); undefined when empty, no text, or a template's. */
export function secretKeyText(key: KubernetesSource['keys'][number]): string | undefined {
  const value = key.encoded ? decodedText(key.value) : key.value;
  return value !== undefined && value.trim() !== '' && !TEMPLATE_VALUE.test(value) ? value : undefined;
}

/** The source and key an `env:` item's `valueFrom:` names, with the key's text (see referencedKey). */
export interface ReferencedKey<T extends SourceOfTree> {
  held: T;
  key: KubernetesSourceKey;
  ref: KeyRef;
  source: KubernetesSource['source'];
  /** Undefined when only the cluster has it (empty, a template's, base64 that is no text). */
  value?: string;
}

/**
 * The key of a ConfigMap or Secret that an `env:` item's `configMapKeyRef` or `secretKeyRef` names (the source as
 * heldSource finds it), or why the tree does not show it; undefined for an item without either. A source or key the
 * tree lacks is unknown, never missing: the cluster may hold it, and an `optional: true` one may be absent there too.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#define-container-environment-variables-using-configmap-data
 */
export function referencedKey<T extends SourceOfTree>(
  all: readonly T[],
  doc: SourceNamer,
  namespace: string | undefined,
  variable: KubernetesVariable,
): ReferencedKey<T> | string | undefined {
  const source = variable.configMapKeyRef ? 'configMap' : variable.secretKeyRef ? 'secret' : undefined;
  const ref = variable.configMapKeyRef ?? variable.secretKeyRef;
  if (!source || !ref) return undefined;
  const optional = ref.optional ? ', and optional: the container may start without it' : '';
  const held = heldSource(all, doc, namespace, source, ref.name, ref.range);
  if (typeof held === 'string') return `${held}${optional}`;
  const key = held.source.keys.find((k) => k.key === ref.key);
  if (!key) return `${KIND_NAME[source]} ${ref.name} has no key ${ref.key} here${optional}`;
  const value = secretKeyText(key);
  return { held, key, ref, source, ...(value !== undefined && { value }) };
}

/** What brings a referenced key to a container's variable, for a finding's related places. */
export const takesKey = (variable: string, container: string, found: ReferencedKey<SourceOfTree>): string =>
  `${variable} of ${container} takes ${KIND_NAME[found.source]} ${found.ref.name} key ${found.ref.key}`;

/**
 * The ConfigMap values the tree's containers take by `configMapKeyRef` into a variable named like a secret
 * (`DB_PASSWORD` from a ConfigMap's `db` key): secrets by that use, whatever the key is called (the masker's).
 */
export function configMapSecretValues(documents: readonly ParsedDocument[]): string[] {
  const manifests = documents.filter((d): d is ParsedDocument<KubernetesData> => d.kind === 'kubernetes');
  const sources = manifestSources(manifests);
  return manifests.flatMap((doc) =>
    (doc.data.containers ?? []).flatMap((container) =>
      container.environment.flatMap((variable) => {
        if (!variable.configMapKeyRef || !isSecretKey(variable.name)) return [];
        const found = referencedKey(sources, doc, container.namespace, variable);
        return typeof found === 'object' && found.value !== undefined ? [found.value] : [];
      }),
    ),
  );
}
