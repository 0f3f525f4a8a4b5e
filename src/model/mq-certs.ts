import * as path from 'node:path';
import type { Range } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import type { PemData } from '../parse/pem';
import { isKeystoreDocument, type KeystoreData } from '../parse/keystore/format';
import type { CertificateRef, LibertyStoreHome } from './types';
import type { ConfigProduct, TreeCertificate } from './attributes';

export type { TreeCertificate } from './attributes';

const CONFIG_KIND = /^(mq|was|liberty)\./;
/**
 * The web server plug-in's configuration opens only the key database its transports' `keyring` property names
 * (../model/was-plugin-stores.ts resolves it), never another store of its directory by alias: a directory holding no
 * other configuration owns its files but picks none (robert0714/vagrant_ihs_liberty_sticky-session's
 * docker-compose-ihs/ keeps a Liberty key.p12 beside plugin-cfg.xml and plugin-key.kdb; nothing there opens it).
 */
const NAMES_ITS_STORES = 'was.plugin-cfg';

/**
 * For a file of the tree, the component home that holds it: the nearest directory at or above it (inside the
 * deployment) holding an MQ, WebSphere or Liberty configuration, with that configuration's first file and the products
 * whose configuration the directory holds; else the file's own directory and no configuration. `tlsLessHomes`:
 * directories of Liberty servers that serve no TLS (Deployment.tlsLessHomes): they own their files, but their
 * configuration picks no certificate there.
 * `libertyStoreHomes`: Liberty servers whose every key store the tree resolves (Deployment.libertyStoreHomes): their
 * configuration is the home configuration only of the store files its `<keyStore>` elements name.
 */
export function componentHomes(
  documents: readonly ParsedDocument[],
  root: string,
  tlsLessHomes: readonly string[] = [],
  libertyStoreHomes: readonly LibertyStoreHome[] = [],
): (file: string) => { ownerDir: string; homeConfig?: string; homeProducts?: ConfigProduct[] } {
  const libertyStores = new Map(libertyStoreHomes.map((h) => [h.home, new Set(h.files)]));
  // Each directory holding a configuration, with its first such file and the products whose configuration it holds.
  const configDirs = new Map<string, string>();
  const products = new Map<string, ConfigProduct[]>();
  const tlsLess = new Set(tlsLessHomes);
  const pluginDirs = new Set<string>();
  for (const d of documents) {
    const dir = path.dirname(d.file.path);
    const product = CONFIG_KIND.exec(d.kind)?.[1];
    if (!product || (product === 'liberty' && tlsLess.has(dir))) continue;
    if (d.kind === NAMES_ITS_STORES) {
      pluginDirs.add(dir);
      continue;
    }
    if (!configDirs.has(dir)) configDirs.set(dir, d.file.path);
    const known = products.get(dir) ?? [];
    if (!known.includes(product as ConfigProduct)) products.set(dir, [...known, product as ConfigProduct]);
  }
  return (file) => {
    let dir = path.dirname(file);
    for (;;) {
      const homeConfig = configDirs.get(dir);
      if (homeConfig && libertyStores.get(dir)?.has(file) === false) return { ownerDir: dir };
      if (homeConfig) return { ownerDir: dir, homeConfig, homeProducts: products.get(dir) ?? [] };
      if (tlsLess.has(dir) || pluginDirs.has(dir)) return { ownerDir: dir };
      const parent = path.dirname(dir);
      if (parent === dir || !dir.startsWith(root) || dir === root) return { ownerDir: path.dirname(file) };
      dir = parent;
    }
  };
}

/** Every certificate in the deployment, each assigned to the component directory that holds it. */
export function treeCertificates(
  documents: ParsedDocument[],
  root: string,
  tlsLessHomes: readonly string[] = [],
  libertyStoreHomes: readonly LibertyStoreHome[] = [],
): TreeCertificate[] {
  const homes = componentHomes(documents, root, tlsLessHomes, libertyStoreHomes);
  // A Secret's decoded key is its manifest's, of no configuration's directory: only a mount that reads it makes it a
  // component's (an MQSC beside it does not make every certificate of its Secrets the queue manager's:
  // bpaskin/CloudPak4Integration@7e92c65 setupAndInstall.yaml's tls.crt also holds an expired *.ibm.com certificate
  // that its self-signed key never sends). Its private key pairs with the manifest's certificates.
  const homeOf = (doc: ParsedDocument): ReturnType<typeof homes> =>
    doc.embedded?.decoded ? { ownerDir: doc.file.path } : homes(doc.file.path);
  const ownerOf = (doc: ParsedDocument): string => homeOf(doc).ownerDir;
  /** Per owner directory, the PEM file of each private key, by the SHA-256 of its public key. */
  const keysByOwner = new Map<string, Map<string, string>>();
  for (const doc of documents) {
    if (doc.kind !== 'pem.private-key' && doc.kind !== 'pem.certificate') continue;
    const owner = ownerOf(doc);
    for (const key of (doc as ParsedDocument<PemData>).data.privateKeys ?? []) {
      if (!key.publicKeySha256) continue;
      if (!keysByOwner.has(owner)) keysByOwner.set(owner, new Map());
      keysByOwner.get(owner)!.set(key.publicKeySha256, doc.file.path);
    }
  }
  const out: TreeCertificate[] = [];
  for (const doc of documents) {
    if (isKeystoreDocument(doc)) {
      out.push(...storeCertificates(doc, homeOf(doc)));
      continue;
    }
    if (doc.kind !== 'pem.certificate') continue;
    const pem = doc as ParsedDocument<PemData>;
    const home = homeOf(doc);
    for (const cert of pem.data.certificates) {
      const keyFile = keysByOwner.get(home.ownerDir)?.get(cert.publicKeySha256);
      out.push({
        cert,
        doc: pem,
        ...home,
        hasPrivateKey: keyFile !== undefined,
        ...(keyFile !== undefined ? { privateKeyFile: keyFile } : {}),
      });
    }
  }
  return out;
}

/** The certificates of a key store's entries, in entry order, each chain leaf first. A key entry's leaf has its private key beside it. */
function storeCertificates(
  doc: ParsedDocument<KeystoreData>,
  home: Pick<TreeCertificate, 'ownerDir' | 'homeConfig' | 'homeProducts'>,
): TreeCertificate[] {
  return doc.data.entries.flatMap((e) =>
    e.chain.map((cert, chainIndex) => ({
      cert,
      doc,
      ...home,
      hasPrivateKey: e.entry === 'private-key' && chainIndex === 0,
      store: { alias: e.alias, entry: e.entry, chainIndex, type: doc.data.storeType },
    })),
  );
}

/**
 * The certificate a component presents: in its home directory, the leaf
 * whose file name matches the label, else the leaf with its private key
 * beside it, else the only leaf there.
 */
export function ownCertificate(certs: TreeCertificate[], homeDir: string, label?: string): TreeCertificate | undefined {
  // A store's trusted certificates and chain members are never a component's own certificate.
  const leaves = certs.filter((c) => c.ownerDir === homeDir && !c.cert.isCa && (!c.store || c.hasPrivateKey));
  if (label) {
    const byAlias = leaves.find((c) => c.store?.alias.toLowerCase() === label.toLowerCase());
    if (byAlias) return byAlias;
    const wanted = label.toLowerCase().replace(/[^a-z0-9]/g, '');
    const byName = leaves.find(
      (c) =>
        path
          .basename(c.doc.file.path)
          .toLowerCase()
          .replace(/\.[^.]+$/, '')
          .replace(/[^a-z0-9]/g, '') === wanted,
    );
    if (byName) return byName;
  }
  const withKey = leaves.filter((c) => c.hasPrivateKey);
  if (withKey.length === 1) return withKey[0];
  return leaves.length === 1 ? leaves[0] : undefined;
}

export function certificateRef(c: TreeCertificate | undefined): CertificateRef | undefined {
  if (!c) return undefined;
  return {
    file: c.doc.file.path,
    keyType: c.cert.keyType === 'Ed25519' ? 'unknown' : c.cert.keyType,
    keyBits: c.cert.keyBits,
    subject: c.cert.subjectText,
    sans: c.cert.dnsNames,
  };
}

/** Whether a certificate is of a document embedded at one of `ranges` (StoreRef.embeddedAt); any, without ranges. */
export function embeddedIn(c: TreeCertificate, ranges: readonly Range[] | undefined): boolean {
  if (!ranges) return true;
  const at = c.doc.embedded?.range.start;
  return at !== undefined && ranges.some((r) => r.start.line === at.line && r.start.character === at.character);
}
