/**
 * The ConfigMaps and Secrets of the tree as a Kubernetes container sees them: the keys of an `envFrom:` source as its
 * variables, and the keys of a `configMap:`/`secret:` volume as files at its `volumeMounts:` path. A name means the
 * manifest of that name in the container's namespace (two namespaces may each have their own): in the container's own
 * file, else its directory, else the only one of the tree; several elsewhere are not chosen between. A source the tree
 * does not hold, a key it lacks, or a value only the cluster or a template gives leaves the file or variable unknown,
 * never missing.
 */
import * as path from 'node:path';
import type { Location, Range, RelatedLocation } from '../core/types';
import type { KubernetesContainer, KubernetesData } from '../parse/kubernetes';
import {
  decodedText,
  type KubernetesSource,
  type KubernetesSourceKey,
  type KubernetesVolume,
} from '../parse/kubernetes-volumes';
import { mountHolding } from '../parse/compose-volumes';
import { keysFromTemplate } from '../parse/kubernetes-env-sources';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import {
  heldSource,
  manifestSources,
  referencedKey,
  secretKeyText,
  takesKey,
  TEMPLATE_VALUE,
  type HeldSource,
  type SourceOfTree,
} from '../parse/kubernetes-secret-values';
import { volumeSource } from './kubernetes-made-sources';

export type Manifest = ParsedDocument<KubernetesData>;

/** Every ConfigMap and Secret of the deployment's manifests (once per build). */
export function heldSources(ctx: ModelContext): HeldSource[] {
  return ctx.once('kubernetesSources', () => manifestSources(ctx.documentsOf('kubernetes') as Manifest[]));
}

const KIND_NAME = { configMap: 'ConfigMap', secret: 'Secret' } as const;

/** The source a container's manifest names at `at` (see heldSource), or why the tree does not show it. */
function namedSource(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  source: KubernetesSource['source'],
  name: string,
  at: Range,
): HeldSource | string {
  return heldSource(heldSources(ctx), doc, container.namespace, source, name, at);
}

/** The source a container's volume mounts (see volumeSource), or why it is unknown. */
const mountedSource = (ctx: ModelContext, doc: Manifest, container: KubernetesContainer, volume: KubernetesVolume) =>
  volumeSource(ctx, heldSources(ctx), doc, container.namespace, volume.source, volume.sourceName, volume.range);

/** A file a container reads at an absolute path, when a ConfigMap or Secret volume puts it there. */
export type MountedSourceFile =
  /**
   * The manifest holding the file's content as an embedded store, and the range of that key's document in it
   * (StoreRef/CertificateRef.embeddedAt: the key's certificates, not the manifest's others).
   */
  | { file: string; embeddedAt?: Range[]; mountedAt: Location }
  /** A ConfigMap or Secret volume puts it there, but its content is unknown: why, and the mount. */
  | { unknown: string; mountedAt: Location };

/**
 * The file a ConfigMap or Secret volume of the container puts at `written` (the mount whose `mountPath` holds it, the
 * longest; `subPath` and `items:` as the kubelet applies them; a `projected:` volume's sources each in turn); undefined
 * when no such volume is mounted there. Its content is the store document the manifest embeds under that key
 * (src/parse/embedded.ts, a base64 key: src/parse/kubernetes-secret-files.ts): findings on a store name its file, the
 * manifest, and embeddedAt the key's document in it.
 */
export function mountedSourceFile(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  written: string,
): MountedSourceFile | undefined {
  if (!written.startsWith('/')) return undefined;
  const holding = mountHolding(container.mounts, (m) => m.mountPath, written);
  if (!holding) return undefined;
  const { mount, below } = holding;
  const volumes = container.volumes.filter((v) => v.name === mount.volume);
  if (volumes.length === 0) return undefined;
  const mountedAt = { file: doc.file.path, range: mount.range };
  const relative = [mount.subPath, ...below.filter(Boolean)].filter(Boolean).join('/');
  const projected = volumes.length > 1;
  let unknown: string | undefined;
  for (const volume of volumes) {
    const said = `${KIND_NAME[volume.source]} ${volume.sourceName}`;
    const item = volume.items ? volume.items.find((i) => i.path === relative) : { key: relative };
    if (!item) {
      if (!projected)
        return { unknown: `the ${said} volume at ${mount.mountPath} lists no item at ${relative}`, mountedAt };
      continue;
    }
    const held = mountedSource(ctx, doc, container, volume);
    if (typeof held === 'string') {
      // The key the user should declare: the one the kubelet puts at this path (its `items:` path, else its name).
      unknown ??= `the ${held}; declare it with key ${item.key} (the file at ${written})`;
      continue;
    }
    // Of a projected volume, the source that holds the key puts the file there.
    if (projected && !volume.items && !held.source.keys.some((k) => k.key === item.key)) continue;
    return heldFile(ctx, held, item.key, said, mountedAt);
  }
  return {
    unknown: unknown ?? `the projected volume at ${mount.mountPath} puts no file at ${relative} from its sources`,
    mountedAt,
  };
}

/** The store file a held ConfigMap's or Secret's key is (see `mountedSourceFile`), or why not. */
function heldFile(
  ctx: ModelContext,
  held: SourceOfTree,
  name: string,
  said: string,
  mountedAt: Location,
): MountedSourceFile {
  const content = keyContent(ctx, held, name, said);
  if ('unknown' in content) return { unknown: content.unknown, mountedAt };
  if (!isStoreFile(content.doc))
    return { unknown: `the ${said} key ${name} holds no certificate file lint-deploy reads`, mountedAt };
  // The key's own document, however many certificate files the manifest holds (tls.crt beside ca.crt): the ref's
  // embeddedAt narrows the manifest to it.
  return {
    file: content.doc.file.path,
    ...(content.doc.embedded && { embeddedAt: [content.doc.embedded.range] }),
    mountedAt,
  };
}

/** The certificate or key file a ConfigMap's or Secret's key holds, or why the tree does not show it. */
function keyContent(
  ctx: ModelContext,
  held: SourceOfTree,
  name: string,
  said: string,
): { doc: ParsedDocument; key: KubernetesSourceKey } | { unknown: string } {
  const key = held.source.keys.find((k) => k.key === name);
  if (!key) return { unknown: `the ${said} in ${path.basename(held.doc.file.path)} has no key ${name}` };
  if (key.unread) return { unknown: `the ${said} key ${key.key} ${key.unread}` };
  if (key.file !== undefined) {
    // A file the tree makes the key of: its own reading (the first of its path, never one embedded in it).
    const own = ctx.deployment.documents.find((d) => d.file.path === key.file && !d.embedded);
    return own ? { doc: own, key } : { unknown: `the ${said} key ${key.key} holds no file lint-deploy reads` };
  }
  const why = unreadValue(key, said);
  if (why) return { unknown: why };
  const file = held.doc.file.path;
  // A manifest whose one ConfigMap holds MQSC is read as MQSC whole (src/parse/mqsc.ts): that document is the key's.
  const doc = ctx.deployment.documents.find(
    (d) =>
      d.file.path === file &&
      (d.embedded
        ? d.embedded.name === key.key && within(d.embedded.range, key)
        : d.kind === 'mq.mqsc' && held.source.source === 'configMap' && key.key.endsWith('.mqsc')),
  );
  if (!doc)
    return {
      unknown: key.encoded
        ? `the ${said} key ${key.key} is base64 data that is no PEM file or key store lint-deploy reads`
        : `the ${said} key ${key.key} holds no file lint-deploy reads`,
    };
  return { doc, key };
}

/** A certificate, key or store file (what a server's certificate or store path reads). */
export const isStoreFile = (doc: ParsedDocument): boolean =>
  doc.kind.startsWith('pem.') || doc.kind.startsWith('keystore');

/** A file a ConfigMap or Secret volume puts in a directory of the container (MountedSourceFile for a directory). */
export type MountedDirectoryFile = { path: string; mountedAt: Location } & (
  | { doc: ParsedDocument; key: KubernetesSourceKey }
  | { unknown: string }
);

/**
 * The files the container's ConfigMap and Secret volumes put below `dir` (each key, or `items:` path, of a volume
 * mounted there; a `subPath` mount's one file), with the document the manifest embeds as its content; a volume whose
 * source the tree does not show is one unknown entry at its mount path. Mounts of other volumes are not listed.
 */
export function mountedFilesBelow(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  dir: string,
): MountedDirectoryFile[] {
  const out: MountedDirectoryFile[] = [];
  for (const mount of container.mounts) {
    const mountPath = mount.mountPath.replace(/\/+$/, '');
    if (!`${mountPath}/`.startsWith(`${dir}/`) && !`${dir}/`.startsWith(`${mountPath}/`)) continue;
    // A projected volume is one volume per source, all of the mount's name.
    for (const volume of container.volumes.filter((v) => v.name === mount.volume)) {
      const mountedAt = { file: doc.file.path, range: mount.range };
      const subPath = mount.subPath && {
        path: mountPath,
        key: volume.items?.find((i) => i.path === mount.subPath)?.key ?? mount.subPath,
      };
      const held = mountedSource(ctx, doc, container, volume);
      const files = sourceFiles(
        ctx,
        held,
        volume.source,
        volume.sourceName,
        mountPath,
        mountedAt,
        volume.items,
        subPath,
      );
      // A source the tree does not show is one entry at its mount, wherever that is.
      out.push(...(typeof held === 'string' ? files : files.filter((f) => f.path.startsWith(`${dir}/`))));
    }
  }
  return out;
}

/**
 * The files a Secret (or ConfigMap) puts in directory `mountPath` when it is mounted there with `items` (each key at its
 * path; without, every key at its name) or as one `subPath` file: what `mountedFilesBelow` lists for one volume. `held`
 * is the source or why the tree does not show it (then one unknown entry at `mountPath`). An operator that mounts a
 * resource's Secrets itself (the IBM MQ Operator's `spec.pki`) lists its files this way.
 */
export function sourceFiles(
  ctx: ModelContext,
  held: SourceOfTree | string,
  source: KubernetesSource['source'],
  name: string,
  mountPath: string,
  mountedAt: Location,
  items?: readonly { key: string; path: string }[],
  subPath?: { path: string; key: string } | '',
): MountedDirectoryFile[] {
  if (typeof held === 'string') {
    // The keys the user should declare, when the volume lists them.
    const keys = subPath ? [subPath.key] : (items ?? []).map((i) => i.key);
    const declare = keys.length > 0 ? `; declare it with key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : '';
    return [{ path: mountPath, mountedAt, unknown: `the ${held}${declare}` }];
  }
  const said = `${KIND_NAME[source]} ${name}`;
  const files: { path: string; key: string }[] = subPath
    ? [subPath]
    : (items ?? held.source.keys.map((k) => ({ key: k.key, path: k.key }))).map((i) => ({
        path: `${mountPath}/${i.path}`,
        key: i.key,
      }));
  return files.map((file) => ({ path: file.path, mountedAt, ...keyContent(ctx, held, file.key, said) }));
}

/** The Secret or ConfigMap a file that is no workload manifest names at `at` (see `heldSource`), or why not. */
export function sourceNamedBy(
  ctx: ModelContext,
  file: string,
  namespace: string | undefined,
  source: KubernetesSource['source'],
  name: string,
  at?: Range,
): SourceOfTree | string {
  // The file's own reading, deliberately the first of its path that is not embedded: its text and template say the name.
  const namer = ctx.deployment.documents.find((d) => d.file.path === file && !d.embedded) ?? {
    file: { path: file, text: '', hadBom: false },
  };
  return volumeSource(ctx, heldSources(ctx), namer, namespace, source, name, at);
}

/** Whether an embedded document's range is the value of a key. */
const within = (range: Range, key: KubernetesSourceKey) =>
  range.start.line >= key.keyRange.start.line && range.end.line <= key.valueRange.end.line;

/** Why the value of a key is not the file's content as the cluster has it; undefined when it may be. */
function unreadValue(key: KubernetesSourceKey, said: string): string | undefined {
  if (!key.value.trim()) return `the ${said} key ${key.key} is empty here (the cluster's is set elsewhere)`;
  if (TEMPLATE_VALUE.test(key.value) || (key.encoded && SCRIPT_TOKEN.test(key.value.trim())))
    return `the ${said} key ${key.key} is a placeholder, filled when it is applied`;
  return undefined;
}

/**
 * An upper-case token a script replaces (`tls.key: TLSKEYBASE64`, trevor-dolby-at-ibm-com/ace-mq-tls-examples@e824598
 * openshift/mqserver-tls-secret-template.yaml, which its script fills with sed): where a store or PEM file's base64
 * stands (hundreds of characters, lower case among them), a short token with none is no file.
 */
const SCRIPT_TOKEN = /^[A-Z][A-Z0-9_]{2,63}$/;

/** A variable an `envFrom:` source gives, at its key in the source's manifest. */
export interface SourceVariable {
  name: string;
  /** Undefined: only the cluster has it (a Secret's base64 data that is not text). */
  value?: string;
  file: string;
  nameRange: Range;
  valueRange: Range;
}

/** A name the kubelet can set as a variable (`envFrom:` skips other keys). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variables a container's `envFrom:` sources give, in order (a later one wins; its `env:` wins over all), and why
 * its environment may hold more, when a source is not in the tree.
 */
export function envFromVariables(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  variable = 'variable',
): { variables: SourceVariable[]; opaque?: { why: string; at: Location } } {
  const variables: SourceVariable[] = [];
  let opaque: { why: string; at: Location } | undefined;
  for (const from of container.envFrom) {
    const held = namedSource(ctx, doc, container, from.source, from.name, from.range);
    // A template that writes some of its keys may write any.
    const unread =
      typeof held === 'string'
        ? held
        : keysFromTemplate(held.doc.file.text, held.source) &&
          `${KIND_NAME[from.source]} ${from.name.trim()}'s keys are partly a template's`;
    if (typeof held === 'string' || unread) {
      opaque ??= {
        why: `its envFrom ${unread}: it may set any ${variable}`,
        at: { file: doc.file.path, range: from.range },
      };
      continue;
    }
    // `prefix:` names each key's variable.
    const prefix = from.prefix ?? '';
    for (const key of held.source.keys) {
      if (!VARIABLE_NAME.test(prefix + key.key) || key.value.includes('\n')) continue;
      const value = key.encoded ? decodedText(key.value) : key.value;
      variables.push({
        name: prefix + key.key,
        ...(value !== undefined && { value }),
        file: held.doc.file.path,
        nameRange: key.keyRange,
        valueRange: key.valueRange,
      });
    }
  }
  return { variables, ...(opaque && { opaque }) };
}

/** A variable's value as a container gets it: the text, where it is written, and what brings it to the container. */
export interface ContainerVariable {
  value: string;
  at: Location;
  via: RelatedLocation[];
}

/**
 * The value the kubelet gives the container's variable `name`: its last `env:` item of that name (`value:` as written,
 * a `secretKeyRef`/`configMapKeyRef` from the source the tree holds), else the last `envFrom:` source with that key
 * (a `prefix:` counted).
 * Undefined when the tree does not show it: a `$(VAR)` reference, another `valueFrom:`, a source the tree does not
 * hold or whose keys a template writes before the key is found, or no place setting it (the image may).
 */
export function containerVariable(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  name: string,
): ContainerVariable | undefined {
  const item = container.environment.filter((v) => v.name === name).pop();
  if (item) {
    const at = { file: doc.file.path, range: item.nameRange };
    if (item.value !== undefined)
      return item.value.includes('$(')
        ? undefined
        : { value: item.value, at: { ...at, range: item.valueRange }, via: [] };
    const found = referencedKey(heldSources(ctx), doc, container.namespace, item);
    return typeof found === 'object' && found.value !== undefined
      ? {
          value: found.value,
          at: { file: found.held.doc.file.path, range: found.key.keyRange },
          via: [{ ...at, message: takesKey(name, container.label, found) }],
        }
      : undefined;
  }
  for (const from of [...container.envFrom].reverse()) {
    const held = namedSource(ctx, doc, container, from.source, from.name, from.range);
    if (typeof held === 'string' || keysFromTemplate(held.doc.file.text, held.source)) return undefined;
    const key = held.source.keys.find((k) => (from.prefix ?? '') + k.key === name);
    if (!key) continue;
    const value = secretKeyText(key);
    return value === undefined
      ? undefined
      : {
          value,
          at: { file: held.doc.file.path, range: key.keyRange },
          via: [{ file: doc.file.path, range: from.range, message: `envFrom of ${container.label}` }],
        };
  }
  return undefined;
}
