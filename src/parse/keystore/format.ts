/**
 * Key and trust stores as documents: JKS, JCEKS, PKCS#12 and IBM CMS key databases. Binary files:
 * recognised by their first bytes (`classifyBytes`) before text decoding, read from `file.bytes`.
 * Only certificates are kept (described like PEM blocks); private keys are never decrypted or kept.
 * A PKCS#12 whose certificates need a password is opened later by `unlockStores` (./unlock.ts), with
 * the password the configuration gives.
 */
import * as path from 'node:path';
import type { Location, Range } from '../../core/types';
import { describeCertificate, UnreadCertificate, type PemCertificate } from '../certificate';
import type { FormatHandler, ParsedDocument, ParseProblem, SourceFile } from '../types';
import { jksMagic, readJks } from './jks';
import { readCms, type CmsRecord } from './cms';
import { looksLikePkcs12, readPkcs12, type PasswordCandidate, type Pkcs12Bag } from './pkcs12';

export type StoreType = 'JKS' | 'JCEKS' | 'PKCS12' | 'CMS';

/** One entry of a store: a private key's certificate chain (leaf first) or one certificate. */
export interface StoreEntry {
  alias: string;
  /** `certificate`: a PKCS#12 certificate bag that is neither a key's chain nor marked trusted (Java does not trust it). */
  entry: 'private-key' | 'trusted-cert' | 'certificate' | 'secret-key';
  chain: PemCertificate[];
}

export interface KeystoreData {
  storeType: StoreType;
  entries: StoreEntry[];
  /** False when the certificates are unknown (a PKCS#12 no tried password opens, a CMS key database, a damaged store). */
  readable: boolean;
  /** PKCS#12: which kind of password opened the certificates (the password itself is never kept). */
  openedWith?: 'none' | PasswordCandidate['kind'];
  /** Where the configuration password that opened it is set (the setting's key, never its value). */
  openedBy?: Location;
  /** `openedBy` is another store's password setting: no setting that names this store opens it. */
  openedByOtherStoreSetting?: boolean;
  /**
   * The first Spring setting whose value is this very store (its key and place; unlock.ts withNamingSettings); `tests`:
   * of a file in a test source set's resources (src/test/resources), which configure the project's tests only.
   */
  namedBySetting?: Location & { key: string; tests?: true };
  /**
   * The store's own password setting, whose literal password fails the store's password check (its key and place);
   * `macOnly`: a PKCS#12 whose certificates are not encrypted, where only its MAC checks the password.
   */
  wrongPassword?: Location & { key: string; macOnly?: boolean; also?: RefusedSetting[] };
  /** PKCS#12 that still needs a password: `unlockStores` tries the configuration's. */
  needsPassword?: boolean;
}

export const KEYSTORE_KINDS: Record<StoreType, string> = {
  JKS: 'keystore.jks',
  JCEKS: 'keystore.jceks',
  PKCS12: 'keystore.pkcs12',
  CMS: 'keystore.cms',
};
const BY_EXTENSION: Record<string, StoreType> = {
  '.jks': 'JKS',
  '.jceks': 'JCEKS',
  '.p12': 'PKCS12',
  '.pfx': 'PKCS12',
  '.pkcs12': 'PKCS12',
  '.kdb': 'CMS',
};
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function isKeystoreDocument(doc: ParsedDocument): doc is ParsedDocument<KeystoreData> {
  return doc.kind.startsWith('keystore.');
}

function typeByName(file: string): StoreType | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** The store type its first bytes say, else its name. */
function classifyStore(file: string, bytes: Uint8Array): StoreType | undefined {
  const magic = jksMagic(bytes);
  if (magic) return magic;
  if (looksLikePkcs12(bytes)) return 'PKCS12';
  return typeByName(file);
}

export const keystoreFormat: FormatHandler<KeystoreData> = {
  id: 'keystore',
  classify(file) {
    const type = typeByName(file);
    return type && KEYSTORE_KINDS[type];
  },
  classifyBytes(file, bytes) {
    const type = classifyStore(file, bytes);
    return type && KEYSTORE_KINDS[type];
  },
  parse(file, kind) {
    return parseKeystore(file, kind);
  },
};

function storeTypeOfKind(kind: string): StoreType {
  return (Object.keys(KEYSTORE_KINDS) as StoreType[]).find((t) => KEYSTORE_KINDS[t] === kind) ?? 'JKS';
}

/** The document of a store read into `data`: its key and certificate entries are data, it has no settings or comments. */
function storeDocument(
  file: SourceFile,
  kind: string,
  storeType: StoreType,
  problems: ParseProblem[],
): (data: Omit<KeystoreData, 'storeType'>) => ParsedDocument<KeystoreData> {
  return (data) => ({ file, kind, entries: [], comments: [], problems, data: { storeType, ...data } });
}

export function parseKeystore(file: SourceFile, kind: string): ParsedDocument<KeystoreData> {
  const storeType = storeTypeOfKind(kind);
  const problems: ParseProblem[] = [];
  const doc = storeDocument(file, kind, storeType, problems);
  // The store type is ours (from the file name); text read from the file is passed as `data` (ParseProblem).
  const problem = (
    code: string,
    severity: ParseProblem['severity'],
    message: string,
    data: Record<string, string> = {},
  ) => problems.push({ code, severity, message, data, range: ZERO });
  const bytes = file.bytes;
  if (!bytes) {
    problem(
      'keystore-invalid',
      'warning',
      `Named like a ${storeType} key store but it is a text file: a Java runtime cannot load it as one, and lint-deploy does not read it`,
    );
    return doc({ entries: [], readable: false });
  }
  // An empty file is often a stand-in for a store kept out of the repository (yurpetr/nps@a7ee3c1 keystore/nps.p12,
  // committed empty when the real one was removed); a runtime that loads it as it is fails.
  if (bytes.length === 0 && storeType !== 'CMS') {
    problem(
      'keystore-invalid',
      'warning',
      `Empty file named like a ${storeType} key store: a Java runtime cannot load it (JDK 17 KeyStore.load throws; keytool: 'Keystore file exists, but is empty'). If it stands for a store kept out of the repository, the store that replaces it is not checked`,
    );
    return doc({ entries: [], readable: false });
  }
  if (savedAsText(bytes)) {
    problem(
      'keystore-invalid',
      'warning',
      `Named like a ${storeType} key store but its bytes were rewritten as text: UTF-8 replacement characters (EF BF BD) stand where bytes above 0x7F were, as an editor, a git text filter or a copy through a string leaves a binary file. The store is corrupt: a Java runtime cannot load it. Commit the original file (and mark key stores binary in .gitattributes)`,
    );
    return doc({ entries: [], readable: false });
  }
  if (storeType === 'CMS') {
    const read = readCms(bytes);
    if (read.ok) return doc({ entries: cmsEntries(read.records, problems), readable: true });
    problem(
      'keystore-not-read',
      'info',
      'IBM CMS key database (.kdb) of a layout lint-deploy does not read ({{problem}}): IBM does not document the format, so the certificates in it (validity, key size, labels such as CERTLABL) are not checked. Export them as PEM beside it (runmqakm -cert -extract) to have them checked',
      { problem: read.problem },
    );
    return doc({ entries: [], readable: false });
  }
  if (storeType === 'JKS' || storeType === 'JCEKS') {
    const read = readJks(bytes);
    const entries = read.entries.map((e) => ({
      alias: e.alias,
      entry: e.entry,
      chain: describeChain(e.chain, e.alias, problems),
    }));
    if (!jksMagic(bytes))
      problem(
        'keystore-invalid',
        'warning',
        `Named like a ${storeType} key store but {{problem}}: a Java runtime cannot load it`,
        { problem: read.problem ?? 'it is not one' },
      );
    else if (read.problem)
      problem('keystore-invalid', 'warning', `${read.type} key store read only in part: {{problem}}`, {
        problem: read.problem,
      });
    return doc({ entries, readable: jksMagic(bytes) !== undefined });
  }
  // Certificates in plain bags are read now; encrypted ones wait for unlockStores, which tries the configuration's
  // password before the defaults (with a MAC only the right one opens the store: the order only saves key derivations).
  return openPkcs12(file, kind, [], false);
}

/**
 * Reads a PKCS#12 document's certificates with the given password candidates (after "no password").
 * A store none opens keeps `needsPassword` and no problem: `unlockStores` decides what to say.
 */
export function openPkcs12(
  file: SourceFile,
  kind: string,
  candidates: PasswordCandidate[],
  tryNoPassword = true,
): ParsedDocument<KeystoreData> {
  const problems: ParseProblem[] = [];
  const doc = storeDocument(file, kind, 'PKCS12', problems);
  const result = readPkcs12(file.bytes ?? new Uint8Array(), candidates, tryNoPassword);
  if (!result.ok) {
    if (result.needsPassword) return doc({ entries: [], readable: false, needsPassword: true });
    problems.push({
      code: 'keystore-invalid',
      severity: 'warning',
      message: 'PKCS#12 key store not read: {{reason}}; its certificates are not checked',
      data: { reason: result.message },
      range: ZERO,
    });
    return doc({ entries: [], readable: false });
  }
  return doc({ entries: pkcs12Entries(result.bags, problems), readable: true, openedWith: result.openedWith });
}

/**
 * A CMS key database's records as store entries: signers are trusted; a personal certificate is presented with its
 * issuers found among the database's signers. IBM MQ asks for "a personal certificate with the correct label and its
 * full chain of CA certificates back to the root" in the key repository (MQ 9.4, Configuring TLS security for IBM MQ:
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/explorer/e_ssl_security.html); that GSKit sends those issuers is not stated
 * there. Taking them errs toward a chain the peer can complete: a missed finding, never a false "incomplete chain".
 */
function cmsEntries(records: CmsRecord[], problems: ParseProblem[]): StoreEntry[] {
  const signers = records
    .filter((r) => r.kind === 'signer')
    .flatMap((r) => describeChain([r.certificate], r.label, problems));
  return records.map((record) => {
    const chain = describeChain([record.certificate], record.label, problems);
    if (record.kind === 'signer') return { alias: record.label, entry: 'trusted-cert' as const, chain };
    for (let issuer = chain.at(-1); issuer && !issuer.selfSigned && chain.length < 10; issuer = chain.at(-1)) {
      const next = signers.find((s) => s.subjectText === issuer.issuerText && !chain.includes(s));
      if (!next) break;
      chain.push(next);
    }
    return { alias: record.label, entry: 'private-key' as const, chain };
  });
}

function describeChain(ders: Buffer[], alias: string, problems: ParseProblem[]): PemCertificate[] {
  const out: PemCertificate[] = [];
  for (const der of ders) {
    try {
      out.push(describeCertificate(der, ZERO));
    } catch (error) {
      problems.push(
        error instanceof UnreadCertificate
          ? {
              code: 'keystore-certificate-unread',
              severity: 'info',
              message:
                'Entry {{alias}} holds a certificate OpenSSL reads, but lint-deploy could not take its fields (its key algorithm or an unusual field): it is not checked',
              data: { alias },
              range: ZERO,
            }
          : {
              code: 'keystore-invalid-certificate',
              severity: 'warning',
              message: 'Entry {{alias}} holds a certificate that is not valid X.509: it is not checked',
              data: { alias },
              range: ZERO,
            },
      );
    }
  }
  return out;
}

/**
 * Store entries the way Java's PKCS12KeyStore sees them: a key bag and the certificate with the same
 * local key id make a private-key entry whose chain continues by issuer among the other certificates;
 * certificate bags keytool marked trusted are trusted-cert entries. A bag without a name gets the alias
 * Java gives it ("1", "2", … in order).
 */
function pkcs12Entries(bags: Pkcs12Bag[], problems: ParseProblem[]): StoreEntry[] {
  let unnamed = 0;
  const aliasOf = (bag: Pkcs12Bag) => bag.alias ?? String(++unnamed);
  const certs = bags
    .filter((b) => b.kind === 'certificate')
    .flatMap((bag) => {
      const described = describeChain(bag.der ? [bag.der] : [], bag.alias ?? '(unnamed)', problems)[0];
      return described ? [{ bag, described }] : [];
    });
  const used = new Set<(typeof certs)[number]>();
  const entries: StoreEntry[] = [];
  for (const key of bags.filter((b) => b.kind === 'key')) {
    const leaf = certs.find((c) => c.bag.localKeyId !== undefined && c.bag.localKeyId === key.localKeyId);
    const chain: PemCertificate[] = [];
    if (leaf) {
      used.add(leaf);
      chain.push(leaf.described);
      for (let next = leaf; !next.described.selfSigned && chain.length < 10; ) {
        const issuer = certs.find(
          (c) =>
            c !== next &&
            !c.bag.localKeyId &&
            c.described.subjectText === next.described.issuerText &&
            !chain.includes(c.described),
        );
        if (!issuer) break;
        used.add(issuer);
        chain.push(issuer.described);
        next = issuer;
      }
    }
    entries.push({ alias: aliasOf(key.alias ? key : (leaf?.bag ?? key)), entry: 'private-key', chain });
  }
  for (const c of certs) {
    if (used.has(c) && !c.bag.trusted) continue;
    entries.push({
      alias: aliasOf(c.bag),
      entry: c.bag.trusted ? 'trusted-cert' : 'certificate',
      chain: [c.described],
    });
  }
  return entries;
}

/**
 * Whether a binary store was decoded as UTF-8 and written back: every byte sequence that is not UTF-8 became U+FFFD
 * (EF BF BD). A JKS magic number (FE ED FE ED) or the DER of a PKCS #12 file (30 82 …) cannot survive that, and two
 * replacement characters in the first bytes do not happen by chance (apache/tomee@9b8607a
 * examples/webservice-attachments/test.jks: `30 EF BF BD 09 7F 02 01 03 30 EF BF BD`).
 */
function savedAsText(bytes: Uint8Array): boolean {
  let found = 0;
  const end = Math.min(bytes.length - 2, 64);
  for (let i = 0; i < end; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) found++;
  return found >= 2;
}

/**
 * Another of the store's own settings whose password the store refuses (`also` of wrongPassword): kevinaixyz/microservices
 * names one keystore.p12 with ribbon.TrustStorePassword and three profiles' server.ssl.key-store-password, all refused.
 */
export type RefusedSetting = Location & { key: string };
