/**
 * The files a Kubernetes Secret's `data:` (a ConfigMap's `binaryData:`) holds in base64: PEM files (`tls.crt:
 * LS0tLS1CRUdJTi…`, as `kubectl create secret tls` writes them) and binary key stores (`keystore.p12`, `truststore.jks`:
 * `kubectl create secret generic --from-file=keystore.p12`). Each key whose decoded bytes are such a file is read as a
 * document of its own, embedded in the manifest at the key's value (a base64 value has no line of the file: every
 * position of the document is the whole value). A volume that mounts the key then reads it
 * (src/model/kubernetes-sources.ts). https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets
 *
 * An encrypted PKCS#12 is opened with the other text keys of the same Secret (`keystore-password`: where such Secrets
 * keep it), one at a time: only the right password passes the store's MAC, and the one that does is remembered by its
 * key's place, never its value. Others are tried later with the deployment's store passwords (keystore/unlock.ts).
 */
import * as path from 'node:path';
import type { Range } from '../core/types';
import type { KubernetesData } from './kubernetes';
import type { KubernetesSourceKey } from './kubernetes-volumes';
import { keystoreFormat, openPkcs12 } from './keystore/format';
import { pemFormat } from './pem';
import { visitPositions } from './rendered';
import type { EmbeddedOrigin, ParsedDocument } from './types';

/** Base64 text (RFC 4648 alphabet, padded), spaces and line breaks removed. */
const BASE64_ALPHABET = /^[A-Za-z0-9+/]+={0,2}$/;
/** How many of a Secret's other keys are tried as an encrypted store's password (each try derives a key). */
const MAX_SECRET_PASSWORDS = 8;

/** A base64 value's bytes; undefined when it is not base64. */
function decoded(value: string, minimum: number): Buffer | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < minimum || compact.length % 4 !== 0 || !BASE64_ALPHABET.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** The certificate and key store documents of a manifest's base64 Secret keys, each at its key's value. */
export function secretDataDocuments(manifest: ParsedDocument<KubernetesData>): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const source of manifest.data.sources)
    for (const key of source.keys) {
      if (!key.encoded) continue;
      const bytes = decoded(key.value, 64);
      if (!bytes) continue;
      const named = path.join(path.dirname(manifest.file.path), key.key);
      const doc = pemDocument(manifest, named, bytes) ?? storeDocument(manifest, named, bytes, source.keys, key);
      if (!doc) continue;
      const embedded: EmbeddedOrigin = {
        container: `${source.source === 'secret' ? 'Secret' : 'ConfigMap'} ${source.name} key ${key.key} (base64)`,
        name: key.key,
        range: { start: { ...key.valueRange.start }, end: { ...key.valueRange.end } },
        decoded: 'base64',
      };
      out.push(atEmbeddedValue(doc, embedded));
    }
  return out;
}

/**
 * The document with every position at its embedded value's range and `embedded` set: a key store reopened with a
 * password (keystore/unlock.ts) is placed again this way. The places its data names in other files or settings (where
 * the password that opened it, or a wrong one, is set) stay as they are.
 */
export function atEmbeddedValue<T>(doc: ParsedDocument<T>, embedded: EmbeddedOrigin): ParsedDocument<T> {
  const { start, end } = embedded.range;
  const data = doc.data as Record<string, unknown> | undefined;
  const elsewhere = Object.entries(data ?? {}).filter(
    ([, value]) => typeof value === 'object' && value !== null && 'file' in value,
  );
  const own = Object.fromEntries(Object.entries(data ?? {}).filter((e) => !elsewhere.includes(e)));
  const placed = { ...doc, data: (data ? own : data) as T };
  visitPositions(placed, (p, side) => {
    const at = side === 'start' ? start : end;
    p.line = at.line;
    p.character = at.character;
  });
  return { ...placed, data: (data ? { ...placed.data, ...Object.fromEntries(elsewhere) } : data) as T, embedded };
}

/** The PEM file the decoded bytes are, when they are PEM text. */
function pemDocument(manifest: ParsedDocument, named: string, bytes: Buffer): ParsedDocument | undefined {
  const text = bytes.toString('utf8');
  const kind = text.includes('-----BEGIN ') ? pemFormat.classify(named, text) : undefined;
  if (!kind) return undefined;
  return { ...pemFormat.parse({ path: manifest.file.path, text, hadBom: false }, kind), file: manifest.file };
}

/**
 * The key store the decoded bytes are (a JKS or JCEKS by its magic number, a PKCS#12 by its structure), read as the
 * file is; an encrypted PKCS#12 is opened with the Secret's other keys (see the header). The document's file is the
 * manifest with the store's bytes, so that a later password opens it.
 */
function storeDocument(
  manifest: ParsedDocument,
  named: string,
  bytes: Buffer,
  keys: readonly KubernetesSourceKey[],
  own: KubernetesSourceKey,
): ParsedDocument | undefined {
  const kind = keystoreFormat.classifyBytes?.(named, bytes);
  if (!kind) return undefined;
  const file = { path: manifest.file.path, text: '', hadBom: false, bytes };
  const read = keystoreFormat.parse(file, kind);
  if (!read.data.needsPassword) return read;
  for (const other of passwordKeys(keys, own)) {
    // The password lives only here while it is tried (docs/keystores.md "Secrets").
    const password = textOf(other);
    if (password === undefined) continue;
    const opened = openPkcs12(file, kind, [{ password, kind: 'configuration' }], false);
    if (opened.data.readable)
      return {
        ...opened,
        data: { ...opened.data, openedBy: { file: manifest.file.path, range: cloned(other.keyRange) } },
      };
  }
  return read;
}

/** The Secret's other keys that may hold the password: short text values, names saying so first. */
function passwordKeys(keys: readonly KubernetesSourceKey[], own: KubernetesSourceKey): KubernetesSourceKey[] {
  const saysPassword = (k: KubernetesSourceKey) => /pass|pwd|secret/i.test(k.key);
  return keys
    .filter((k) => k !== own && textOf(k) !== undefined)
    .sort((a, b) => Number(saysPassword(b)) - Number(saysPassword(a)))
    .slice(0, MAX_SECRET_PASSWORDS);
}

/** A key's value as the container reads it, when it is one line of printable text (a password). */
function textOf(key: KubernetesSourceKey): string | undefined {
  const text = key.encoded ? decoded(key.value, 4)?.toString('utf8') : key.value;
  return text !== undefined && text.length <= 128 && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

const cloned = (range: Range): Range => ({ start: { ...range.start }, end: { ...range.end } });
