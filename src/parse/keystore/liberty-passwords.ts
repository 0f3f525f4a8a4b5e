/**
 * Liberty's own store passwords (./unlock.ts): the `defaultKeyStore` element that names its default key store without a
 * location, and the password Liberty generates into server.env when server.xml gives none. Passwords only in local
 * values, as in unlock.ts.
 */
import * as path from 'node:path';
import type { Location } from '../../core/types';
import type { Entry, ParsedDocument } from '../types';
import { LIBERTY_DEFAULT_KEY_STORE } from '../liberty';
import { decodedPassword } from './password-values';

/** A password to try on a store, with where it is set. */
export interface Candidate {
  password: string;
  at: Location;
  /** `near`: a setting that names this store; `far`: one whose path only ends like it; `other`: another store's. */
  how: 'near' | 'far' | 'other';
  /** The store's own password setting (its key) gives it as written: what the runtime loads the store with. */
  own?: string;
}

/**
 * Liberty's defaultKeyStore without a location: its file is `resources/security/key.p12` (key.jks through 19.0.0.2)
 * below the server directory, and the element's password attribute is what names it. A keyStore element that gives a
 * location names its own file (a reference), never another store of that directory (IBMStockTrader/portfolio's
 * key.jks password is not the one of certs.jks and keys.jks beside it, MohamedGawad/portfolio@50e92fd).
 */
export function libertyDefaultAnchors(doc: ParsedDocument, storePath: string): Entry[] {
  if (!doc.kind.startsWith('liberty.')) return [];
  const serverDir = path.dirname(doc.file.path);
  if (path.dirname(storePath) !== path.join(serverDir, 'resources', 'security')) return [];
  if (!LIBERTY_DEFAULT_KEY_STORE.files.some((name) => name === path.basename(storePath))) return [];
  const attribute = (section: string | undefined, name: string) =>
    doc.entries.find((e) => e.section === section && e.key === `keyStore@${name}`);
  return doc.entries.filter(
    (e) =>
      e.key === 'keyStore@password' &&
      attribute(e.section, 'id')?.value === LIBERTY_DEFAULT_KEY_STORE.id &&
      attribute(e.section, 'location') === undefined,
  );
}

/**
 * The password Liberty generates for its default key store when server.xml gives none: `keystore_password`
 * in the server directory's server.env (read from the text: the shell-env parser keeps JVM options only).
 */
export function libertyGeneratedPassword(doc: ParsedDocument, storePath: string): Candidate | undefined {
  if (path.basename(doc.file.path) !== 'server.env') return undefined;
  if (path.dirname(storePath) !== path.join(path.dirname(doc.file.path), 'resources', 'security')) return undefined;
  const lines = doc.file.text.split(/\r?\n/);
  const line = lines.findIndex((l) => /^\s*keystore_password\s*=/.test(l));
  const text = lines[line];
  if (text === undefined) return undefined;
  const password = decodedPassword(
    text
      .slice(text.indexOf('=') + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2'),
  );
  const start = text.indexOf('keystore_password');
  return password
    ? {
        password,
        at: {
          file: doc.file.path,
          range: { start: { line, character: start }, end: { line, character: start + 'keystore_password'.length } },
        },
        how: 'near',
      }
    : undefined;
}
