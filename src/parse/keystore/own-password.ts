/**
 * Which password setting is a store's own: the one the runtime loads the store with. When its literal value does not
 * pass the store's password check, the runtime refuses the store (JDK 17 `KeyStore.load`: PKCS12 "keystore password was
 * incorrect", JKS "Keystore was tampered with, or password was incorrect") — cert/store-password-wrong.
 */
import * as path from 'node:path';
import type { Location } from '../../core/types';
import { nodeCrypto } from '../../core/node-crypto';
import type { Entry, ParsedDocument } from '../types';
import type { KeystoreData, RefusedSetting } from './format';
import { pkcs12MacPasses } from './pkcs12';

/** A setting's name without case and separators: `key-store`, `keyStore`, `KEYSTORE` and `key_store` compare equal. */
const settingWords = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Secret entries in the same section first, then the store's own password setting (the longest key prefix shared with
 * the setting that names the store: `ssl.keystore.location` → `ssl.keystore.password` before `ssl.truststore.password`),
 * then by line distance. Which setting opened the store is what findings about its certificates point at, and a trust
 * store's password often has the same value as the key store's (Dabz/kafka-security-playbook's Connect worker).
 */
export function closeness(entry: Entry, anchor: Entry): number {
  const lines = Math.min(Math.abs(entry.keyRange.start.line - anchor.keyRange.start.line), 9_999);
  const shared = Math.min(sharedPrefix(settingWords(entry.secretName ?? entry.key), settingWords(anchor.key)), 99);
  return (entry.section === anchor.section ? 0 : 1_000_000) + (99 - shared) * 10_000 + lines;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** What ends the name of a setting that locates a store (`ssl.keystore.location`, `keystoreFile`, `keyStore@location`). */
const LOCATION_SUFFIX = /(location|path|file|resource|url|uri)$/;
/** What ends a store password setting's name (`key-store-password`, `keystorePass`, `trustStorePassword`). */
const PASSWORD_SUFFIX = /(password|pass|passwd|pwd|psw)$/;

/**
 * Whether `password` is the store password setting of the store `anchor` names: its name is the anchor's with
 * `password` for `location` (`ssl.keystore.location` → `ssl.keystore.password`, `server.ssl.key-store` →
 * `server.ssl.key-store-password`, `certificateKeystoreFile` → `certificateKeystorePassword`), in the same section.
 * A key's password (`key-password`, `keyPass`) and another store's (`trust-store-password` beside `key-store`) are not.
 */
export function isOwnPasswordSetting(password: Entry, anchor: Entry): boolean {
  // Liberty's default key store: its keyStore element's password attribute is what names it (libertyDefaultAnchors).
  if (password === anchor) return true;
  if (password.section !== anchor.section) return false;
  const words = settingWords(password.secretName ?? password.key);
  const stem = settingWords(anchor.key).replace(LOCATION_SUFFIX, '');
  if (!/store$/.test(stem) || !PASSWORD_SUFFIX.test(words)) return false;
  return words.replace(PASSWORD_SUFFIX, '') === stem;
}

/**
 * Whether a value is a password as written, for the runtime to use as is: not a placeholder (`${KS_PW}`, `$KS_PW`,
 * `%KS_PW%`, `{{ ks_pw }}`, `<password>`) nor an encoding some other program decodes (Jetty's OBF:/MD5:/CRYPT:; {aes},
 * {cipher} and ENC(…) decodedPassword leaves unread; WildFly's masked `MASK-…;salt;iterations`) nor a `file:` path to
 * the file that holds it (Eclipse Hono's AbstractConfig.getPassword reads the first line of the file after `file:`:
 * `trustStorePassword: "file:/opt/hono/config/certs/trust-store-password"`, eclipse-hono/hono@cda9dd3).
 */
export function writtenAsLiteral(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !/\$[A-Za-z_{(]|%[A-Za-z_]\w*%|\{\{|^<.*>$|^(OBF|MD5|CRYPT|file):|^MASK-/i.test(trimmed);
}

/** The words JDK's JavaKeyStore (and JceKeyStore) key its integrity digest with (getPreKeyedHash). */
const JKS_DIGEST_WORDS = 'Mighty Aphrodite';

/**
 * Whether `password` passes a JKS or JCEKS store's integrity check, as `KeyStore.load` does it (OpenJDK 17
 * sun.security.provider.JavaKeyStore.engineLoad): SHA-1 over the password as UTF-16BE, the words above and the file
 * but its last 20 bytes, which must equal them. Undefined when the file is too short to hold a digest.
 */
function jksPasswordPasses(bytes: Uint8Array, password: string): boolean | undefined {
  if (bytes.length < 20 + 12) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16be = Buffer.from(password, 'utf16le').swap16();
  const digest = nodeCrypto()
    .createHash('sha1')
    .update(utf16be)
    .update(JKS_DIGEST_WORDS, 'utf8')
    .update(buf.subarray(0, buf.length - 20))
    .digest();
  return digest.equals(buf.subarray(buf.length - 20));
}

/**
 * Whether JDK 17's `KeyStore.load` accepts `password` for this store: a JKS or JCEKS store's digest, a PKCS#12 store's
 * MAC. Undefined when nothing here checks it (a PKCS#12 without a MAC, an unreadable file).
 */
export function passwordPasses(doc: ParsedDocument<KeystoreData>, password: string): boolean | undefined {
  const bytes = doc.file.bytes;
  if (!bytes) return undefined;
  return doc.data.storeType === 'PKCS12' ? pkcs12MacPasses(bytes, password) : jksPasswordPasses(bytes, password);
}

/**
 * Whether JDK 17's `KeyStore.load` refuses `password` for this store (`macOnly`: a PKCS#12 whose certificates are not
 * encrypted, only the MAC checks it). Undefined: it passes, or nothing here checks it.
 */
export function refusedBy(doc: ParsedDocument<KeystoreData>, password: string): { macOnly: boolean } | undefined {
  return passwordPasses(doc, password) === false ? refusalOf(doc) : undefined;
}

/** How the JVM refuses a wrong password of this store: `macOnly` when only a PKCS#12's MAC checks it. */
export const refusalOf = (doc: ParsedDocument<KeystoreData>) => ({
  macOnly: doc.data.storeType === 'PKCS12' && doc.data.readable && doc.data.openedWith === 'none',
});

/**
 * A store whose certificates read without a password (JKS, JCEKS, a PKCS#12 whose certificates are not encrypted) with
 * the first of its own settings' literal passwords that fails its password check (the others that fail as `also`): the
 * JVM checks it all the same.
 */
export function withWrongOwnPassword(
  doc: ParsedDocument<KeystoreData>,
  candidates: { password: string; at: Location; own?: string }[],
): ParsedDocument<KeystoreData> {
  // One check per password (each costs a digest or a key derivation), however many settings give it.
  const checked = new Map<string, { macOnly: boolean } | undefined>();
  const refusalFor = (password: string) => {
    if (!checked.has(password)) checked.set(password, refusedBy(doc, password));
    return checked.get(password);
  };
  const refused = candidates.flatMap((c) => {
    const refusal = c.own ? refusalFor(c.password) : undefined;
    return refusal && c.own ? [{ ...c.at, key: c.own, ...macOnly(refusal) }] : [];
  });
  const [first, ...also] = refused;
  // Every other own setting refused too (kevinaixyz/microservices: a ribbon setting and three profiles' server.ssl).
  const others = also.map(({ key, file, range }) => ({ key, file, ...(range && { range }) }));
  return first
    ? { ...doc, data: { ...doc.data, wrongPassword: others.length > 0 ? { ...first, also: others } : first } }
    : doc;
}

/** `macOnly` only when set, so that stores of the other kinds keep the shape they had. */
export const macOnly = (refused: { macOnly: boolean }) => (refused.macOnly ? { macOnly: true } : {});

/** Whether a value names a file of that base name (`/etc/tls/key.p12`, `key=key.p12`, `classpath:key.p12`). */
export function mentions(value: string, base: string): boolean {
  const at = value.lastIndexOf(base);
  if (at < 0) return false;
  const before = value[at - 1];
  return (
    before === undefined ||
    before === '/' ||
    before === '\\' ||
    before === '=' ||
    before === ':' ||
    before === '}' ||
    /\s|"|'/.test(before)
  );
}

/**
 * The environment variables that may give this store's password: those a secret setting of a file naming the store
 * reads (`key-store-password: ${KEYSTORE_PASSWORD}`), and the variable Spring binds to the password setting beside a
 * Spring setting naming it (`server.ssl.key-store` → `SERVER_SSL_KEY_STORE_PASSWORD`). A store a manifest holds is
 * named by its key.
 */
export function storePasswordVariables(store: ParsedDocument, documents: readonly ParsedDocument[]): Set<string> {
  const base = store.embedded?.name ?? path.basename(store.file.path);
  const variables = new Set<string>();
  for (const doc of documents) {
    const naming = doc.entries.filter((e) => !e.secret && mentions(e.value, base));
    if (naming.length === 0 || doc.file.path === store.file.path) continue;
    for (const e of doc.entries)
      if (e.secret) for (const [, name] of e.value.matchAll(/\$\{?([A-Za-z_]\w*)/g)) variables.add(name!);
    if (!doc.kind.startsWith('spring.')) continue;
    for (const e of naming)
      for (const key of [`${e.key}-password`, e.key.replace(/\.location$/, '.password')])
        variables.add(key.replace(/[.-]/g, '_').toUpperCase());
  }
  return variables;
}

/**
 * The first refused own setting with the other own settings that give the store `password` too (distinct() keeps one
 * candidate per password: the rest name the same refused password at other places).
 */
export function withAlsoRefused<W extends RefusedSetting & { also?: RefusedSetting[] }>(
  first: W,
  candidates: readonly { own?: string; password: string; at: Location }[],
  password: string,
): W {
  const same = (a: Location, b: Location) => a.file === b.file && a.range?.start.line === b.range?.start.line;
  const also = [...(first.also ?? [])];
  for (const c of candidates)
    if (c.own && c.password === password && !same(c.at, first) && !also.some((a) => same(a, c.at)))
      also.push({ ...c.at, key: c.own });
  return also.length > 0 ? { ...first, also } : first;
}
