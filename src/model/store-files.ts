/**
 * Resolving the store paths a configuration writes to the tree's store files, shared by the per-area trust
 * readers (./stores.ts, ./spring-stores.ts).
 */
import * as path from 'node:path';
import type { Location, Range, RelatedLocation } from '../core/types';
import { placeholderDefault } from '../core/placeholder';
import { isKeystoreDocument, type KeystoreData } from '../parse/keystore/format';
import { macOnly, passwordPasses, refusalOf, writtenAsLiteral } from '../parse/keystore/own-password';
import type { ParsedDocument } from '../parse/types';
import type { ImageFiles, ContainerBase } from '../parse/image-files';
import type { ModelContext } from './contributor';
import type { Component, JavaRuntime, StoreRef, TlsTrustSettings, Traced } from './types';
import { traced } from './java-shared';

/** The store files of the tree (key stores and PEM files), for resolving configured paths. */
export interface TreeStores {
  files: string[];
  /** `files` by name, for resolving paths without a scan of every file (built once with the list). */
  index: StoreFileIndex;
  typeOf(file: string): string | undefined;
  /** Where Dockerfiles copy the tree's files in their images. */
  images?: ImageFiles;
  /** The key store document of a tree file (to check a password its own setting gives: withRefusedPassword). */
  documentOf?(file: string): ParsedDocument<KeystoreData> | undefined;
}

/** A store's own password setting as written: its value, where it is, and its name for messages. */
export interface OwnPassword {
  value: string;
  at: Location;
  key: string;
  /** What else decides that this is the password (the setting naming the variable, the container taking it). */
  context?: RelatedLocation[];
}

/**
 * The ref with `passwordRefused` when the password its own setting gives as written fails the store's password check
 * (cert/store-password-wrong), `passwordOpens` when it passes: only for the very file the path names from `bases` (or a
 * Dockerfile copies there), never for a store matched by its last path segments, which may be another component's with
 * its own password.
 */
export function withRefusedPassword(
  ref: StoreRef,
  own: OwnPassword | undefined,
  stores: TreeStores,
  written: string,
  bases: string[],
): StoreRef {
  // Whitespace around a value: whether the runtime keeps it depends on the reader; not judged.
  if (!own || !ref.file || !writtenAsLiteral(own.value) || own.value.trim() !== own.value) return ref;
  const cleaned = written.trim().replace(/^(classpath\*?|file):/, '');
  const exact =
    ref.copiedBy !== undefined ||
    (!PLACEHOLDER.test(cleaned) &&
      (path.normalize(cleaned) === ref.file || bases.some((b) => path.resolve(b, cleaned) === ref.file)));
  return withPasswordJudged(ref, own, exact ? stores.documentOf?.(ref.file) : undefined);
}

/**
 * The ref with the password it is loaded with judged against `doc`, the very store it names (see withRefusedPassword):
 * `passwordOpens` or `passwordRefused`, else unchanged (no document, or nothing here checks its password).
 */
export function withPasswordJudged(
  ref: StoreRef,
  own: OwnPassword,
  doc: ParsedDocument<KeystoreData> | undefined,
): StoreRef {
  const passes = doc && passwordPasses(doc, own.value);
  if (passes) return { ...ref, passwordOpens: true };
  return doc && passes === false
    ? {
        ...ref,
        passwordRefused: {
          ...own.at,
          key: own.key,
          ...macOnly(refusalOf(doc)),
          ...(own.context && { context: own.context }),
        },
      }
    : ref;
}

export const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}/;

/**
 * The key alias a Spring setting selects: its value, or a placeholder's default (`${KEYSTORE_ALIAS:localhost}`
 * selects `localhost` while the variable is unset, as a placeholder's default password opens a store); undefined
 * when a placeholder leaves it unknown.
 */
export function keyAliasOf(value: string, file: string, range: Range): Traced<string> | undefined {
  if (!PLACEHOLDER.test(value)) return traced(value, file, range);
  const fallback = placeholderDefault(value);
  return fallback === undefined
    ? undefined
    : traced(fallback, file, range, `the default of ${value.trim()}, used while the variable is unset`);
}
const segments = (p: string) => p.split(/[\\/]+/).filter((s) => s && s !== '.');

/**
 * A list of tree files by their last path segment. A configured store path matches a file only when their last
 * segments agree, so resolving it reads the files of that name, not every file: one deployment of hundreds of
 * environments resolves thousands of paths against thousands of files.
 */
export class StoreFileIndex {
  private readonly known: ReadonlySet<string>;
  private readonly byName = new Map<string, { file: string; segments: string[] }[]>();

  constructor(files: readonly string[]) {
    this.known = new Set(files);
    for (const file of files) {
      const have = segments(file);
      const name = have[have.length - 1];
      if (name === undefined) continue;
      const named = this.byName.get(name);
      if (named) named.push({ file, segments: have });
      else this.byName.set(name, [{ file, segments: have }]);
    }
  }

  has(file: string): boolean {
    return this.known.has(file);
  }

  /** The files whose last segment is `name`, in the list's order, with their segments. */
  named(name: string): readonly { file: string; segments: string[] }[] {
    return this.byName.get(name) ?? [];
  }
}

/** Files of one kind (directories, crt-lists) as stores to resolve a path against. */
export function filesAsStores(files: string[], type: string): TreeStores {
  return { files, index: new StoreFileIndex(files), typeOf: () => type };
}

/**
 * The tree file a configured store path names: the path itself, else resolved against each base
 * directory, else the tree store sharing its last two path segments (a path written for the server,
 * `/opt/app/ssl/trust.p12`, and the copy in the tree, `app/ssl/trust.p12`). A placeholder leaves only the
 * part after it to match. Undefined: the store is outside the tree (unknown, never an error).
 */
export function resolveStoreFile(written: string, bases: string[], stores: TreeStores): string | undefined {
  const cleaned = written.trim().replace(/^(classpath\*?|file):/, '');
  if (!cleaned) return undefined;
  const afterPlaceholder = PLACEHOLDER.test(cleaned)
    ? cleaned.replace(/^.*(\$\{[^}]*\}|\{\{[^}]*\}\})/, '')
    : undefined;
  const known = stores.index;
  if (afterPlaceholder === undefined) {
    if (path.isAbsolute(cleaned) && known.has(path.normalize(cleaned))) return path.normalize(cleaned);
    for (const base of bases) {
      const candidate = path.resolve(base, cleaned);
      if (known.has(candidate)) return candidate;
    }
  }
  const want = segments(afterPlaceholder ?? cleaned);
  if (want.length === 0) return undefined;
  const absolute = afterPlaceholder === undefined && (path.isAbsolute(cleaned) || /^[A-Za-z]:[\\/]/.test(cleaned));
  let best: { file: string; tail: number } | undefined;
  // Only files of the path's own last segment can share a tail with it.
  for (const { file, segments: have } of known.named(want[want.length - 1] ?? '')) {
    let tail = 0;
    while (tail < want.length && tail < have.length && want[want.length - 1 - tail] === have[have.length - 1 - tail])
      tail++;
    // One segment (a bare file name) only counts below a base directory: elsewhere it is another component's store.
    // For an absolute path the server reads (`/etc/ssl/keystore.jks`), only a file directly in a base directory: one
    // further down is a guess (juouyang/jetty-https-lab@7e88c56's ssl/expired/keystore.jks, an expired sample, was said
    // to be the key store Jetty serves).
    const near = bases.some((b) => (absolute ? path.dirname(file) === b : file.startsWith(b + path.sep)));
    if (tail >= Math.min(2, want.length) && (tail >= 2 || near) && (!best || tail > best.tail)) best = { file, tail };
  }
  return best?.file;
}

/** The deployment's store files, found once per build (the stores contributor and the Spring one both resolve paths). */
export function treeStoresOf(ctx: ModelContext): TreeStores {
  return ctx.once('treeStores', () => treeStores(ctx.deployment.documents, ctx.images));
}

function treeStores(documents: ParsedDocument[], images: ImageFiles): TreeStores {
  const types = new Map<string, string>();
  const keystores = new Map<string, ParsedDocument<KeystoreData>>();
  for (const doc of documents) {
    if (isKeystoreDocument(doc)) {
      types.set(doc.file.path, doc.data.storeType);
      keystores.set(doc.file.path, doc);
    } else if (doc.kind.startsWith('pem.')) types.set(doc.file.path, 'PEM');
  }
  const files = [...types.keys()];
  return {
    files,
    index: new StoreFileIndex(files),
    typeOf: (file) => types.get(file),
    images,
    documentOf: (file) => keystores.get(file),
  };
}

/** A StoreRef from a traced path; the type as configured, else as the file is. */
export function storeRef(
  pathValue: Traced<string>,
  bases: string[],
  stores: TreeStores,
  type?: Traced<string>,
  passwordAt?: Location,
  resolvedPath = pathValue.value,
  containerBase?: ContainerBase,
): StoreRef {
  // A configuration a Dockerfile copies into its image reads the path there: the tree file copied to it.
  const configFile = pathValue.from.kind === 'file' ? pathValue.from.location.file : undefined;
  const inImage = configFile ? stores.images?.resolve(configFile, resolvedPath, containerBase) : undefined;
  const copied = inImage && stores.typeOf(inImage.file) !== undefined ? inImage : undefined;
  const file = copied?.file ?? resolveStoreFile(resolvedPath, bases, stores);
  const detected = file ? stores.typeOf(file) : undefined;
  const ref: StoreRef = { path: pathValue };
  if (file) ref.file = file;
  if (copied) ref.copiedBy = copied.by;
  if (type) ref.type = { value: type.value.toUpperCase(), from: type.from };
  else if (detected && file) ref.type = { value: detected, from: { kind: 'file', location: { file }, note: DETECTED } };
  if (passwordAt) ref.passwordAt = passwordAt;
  return ref;
}

const DETECTED = 'detected from the file';

/**
 * The store as its settings name it, without where the tree, an image or a mount placed its file (a container's own
 * mounts say again, ./spring-image-services.ts, ./kubernetes-app-stores.ts) and without a type detected from that file.
 */
export function unplacedStore(ref: StoreRef): StoreRef {
  const {
    file: _file,
    embeddedAt: _embedded,
    copiedBy: _copied,
    mountedAt: _mounted,
    mountedFromOutside: _outside,
    volumeUnknown: _unknown,
    passwordOpens: _opens,
    passwordRefused: _refused,
    ...rest
  } = ref;
  return rest.type?.from.kind === 'file' && rest.type.from.note === DETECTED
    ? (({ type: _type, ...r }) => r)(rest)
    : rest;
}

/** The store placed at `file`, typed as the file is (`type`) unless its settings say a type. */
export function placedStore(ref: StoreRef, file: string, type: string | undefined, place: Partial<StoreRef>): StoreRef {
  return {
    ...ref,
    file,
    ...place,
    ...(!ref.type && type && { type: { value: type, from: { kind: 'file', location: { file }, note: DETECTED } } }),
  };
}

/** `-Djavax.net.ssl.keyStore/trustStore` (with their type and password settings) of a JVM. */
export function javaSystemStores(
  runtime: JavaRuntime | undefined,
  stores: TreeStores,
  bases: string[],
): Pick<TlsTrustSettings, 'keyStore' | 'trustStore'> {
  const props = runtime?.systemProperties ?? {};
  const one = (kind: 'keyStore' | 'trustStore'): StoreRef | undefined => {
    const unknown = runtime?.unknownSystemProperties?.[`javax.net.ssl.${kind}`];
    // Set in a way only the run decides: a store the tree cannot name (unknown, as one outside the tree).
    if (unknown) {
      const place = unknown.at[0];
      return {
        path: {
          value: unknown.written ?? `-Djavax.net.ssl.${kind} (${unknown.why})`,
          from: place
            ? { kind: 'file', location: { file: place.file, range: place.range } }
            : { kind: 'config', origin: unknown.why },
        },
      };
    }
    const value = props[`javax.net.ssl.${kind}`];
    // NONE: a PKCS#11 token, not a file.
    if (!value || value.value.trim() === '' || value.value.trim().toUpperCase() === 'NONE') return undefined;
    const password = props[`javax.net.ssl.${kind}Password`];
    const at = value.from.kind === 'file' ? [path.dirname(value.from.location.file)] : [];
    return storeRef(
      value,
      [...at, ...bases],
      stores,
      props[`javax.net.ssl.${kind}Type`],
      password?.from.kind === 'file' ? password.from.location : undefined,
    );
  };
  const keyStore = one('keyStore');
  const trustStore = one('trustStore');
  return { ...(keyStore ? { keyStore } : {}), ...(trustStore ? { trustStore } : {}) };
}

/** A Java end's trust: the trust store it names, else the system property, else the JDK's cacerts. */
export function withJavaTrustDefault(
  trust: TlsTrustSettings,
  system: Pick<TlsTrustSettings, 'trustStore'>,
): TlsTrustSettings {
  if (trust.trustStore) return trust;
  if (system.trustStore) return { ...trust, trustStore: system.trustStore };
  return { ...trust, defaultTrust: 'jdk-cacerts' };
}

/** The component with the stores it uses, when the tree says which. */
export function withTrust<C extends Component>(component: C, trust: TlsTrustSettings | undefined): C {
  if (trust && component.tls) component.tls = { ...component.tls, trust };
  return component;
}
