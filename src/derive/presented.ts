/** Which certificate of the tree a server presents: what its TLS settings name, found in the tree. */
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import { countWork } from '../core/work';
import type { ServerKey } from '../handshake/endpoint';
import { embeddedIn, type TreeCertificate } from '../model/mq-certs';
import type { CertificateRef, Component } from '../model/types';

const PLACEHOLDER = /\$\{|\{\{/;
const segments = (p: string) => p.split(/[\\/]+/).filter((s) => s && s !== '.' && !PLACEHOLDER.test(s));

/** How many trailing path segments two paths share (case-sensitive, as on the servers that read them). */
function commonTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The certificates of the PEM file `wanted` names, when the tree holds it: the same absolute path, else the
 * tree file sharing the longest path tail with the reference (`/etc/nginx/ssl/api.crt` → `api/ssl/api.crt`),
 * ties broken by nearness to the component's config file. Leaf first, then the rest of the file; for a key
 * store, the chain of the key entry the component's key alias names (`storeChain`).
 */
function certificatesNamed(
  index: CertificateIndex,
  wanted: string | undefined,
  component: Component,
  embeddedAt?: readonly Range[],
): NamedInTree {
  // `${server.config.dir}/resources/security/key.pem`: a placeholder in a leading directory still leaves a tail to match.
  if (!wanted || PLACEHOLDER.test(path.basename(wanted))) return { certificates: [] };
  let file: string | undefined;
  if (index.byFile.has(wanted)) file = wanted;
  else {
    const want = segments(wanted);
    const near = segments(component.location.file);
    let best: { file: string; tail: number; head: number } | undefined;
    // Only files whose last segment is the wanted one share a tail (in tree order, so ties break as before).
    const candidates = index.byLastSegment.get(want.at(-1) ?? '') ?? [];
    countWork('certificates named', candidates.length);
    for (const { file: candidate, have } of candidates) {
      const tail = commonTail(want, have);
      const head = commonHead(near, have);
      if (!best || tail > best.tail || (tail === best.tail && head > best.head)) best = { file: candidate, tail, head };
    }
    // A bare relative name (`crt common.pem`) is read from the server's working or base directory: a file of that
    // name elsewhere in the tree (another example's, test data) is not it. An absolute path the model did not place
    // (no COPY, no Compose mount) that shares only its file name with a tree file names the file beside the
    // configuration (`/etc/nginx/client.crt` and nginx.conf's client.crt), not one further down: perhaps that one,
    // perhaps another (juouyang/jetty-https-lab@7e88c56: Jetty's /etc/ssl/keystore.jks and ssl/expired/keystore.jks,
    // a sample kept expired on purpose).
    const home = path.dirname(component.location.file);
    const beside = (candidate: string) =>
      path.isAbsolute(wanted) ? path.dirname(candidate) === home : candidate.startsWith(home + path.sep);
    file = best && (best.tail > 1 || beside(best.file)) ? best.file : undefined;
  }
  // A key of a Kubernetes Secret the server's container mounts: only that key's certificates of the manifest.
  const inFile = ((file !== undefined && index.byFile.get(file)) || []).filter((c) => embeddedIn(c, embeddedAt));
  if (file === undefined || inFile.length === 0) return { certificates: [] };
  if (inFile.some((c) => c.store))
    return { file, certificates: storeChain(inFile, component.tls?.trust?.keyAlias?.value) };
  return { file, certificates: sentFromPem(inFile) };
}

/**
 * What a PEM file presents: its first leaf, the certificates that issue it up the chain, and its CA certificates. A
 * second leaf after the first issues nothing the peer verifies: mq-container puts every certificate after the first of
 * a key's `tls.crt` in the key repository as a CA certificate, and a verifier building the path from the leaf skips a
 * sent certificate off it (bpaskin/CloudPak4Integration@7e92c65 MQ/MQonOCPFeatures/setupAndInstall.yaml: CN=localhost, its CA, then an expired
 * `*.ibm.com` whose key is not there).
 */
function sentFromPem(inFile: TreeCertificate[]): TreeCertificate[] {
  // The certificate whose private key the tree holds is the one presented (a self-signed leaf `openssl req -x509` made
  // is CA:TRUE); else the first that is no CA.
  const keyed = inFile.find((c) => c.hasPrivateKey);
  const leaves = keyed
    ? [keyed, ...inFile.filter((c) => c !== keyed && !c.cert.isCa)]
    : inFile.filter((c) => !c.cert.isCa);
  const cas = inFile.filter((c) => c !== keyed && c.cert.isCa);
  const [leaf, ...others] = leaves;
  if (!leaf || others.length === 0) return [...leaves, ...cas];
  const issuers: TreeCertificate[] = [];
  for (let child = leaf; ; ) {
    const issuer = others.find((c) => !issuers.includes(c) && c.cert.subjectText === child.cert.issuerText);
    if (!issuer) break;
    issuers.push(issuer);
    // A root (issued by itself) ends the chain.
    if (issuer.cert.subjectText === issuer.cert.issuerText) break;
    child = issuer;
  }
  return [leaf, ...issuers, ...cas];
}

/** The tree file a reference names, and the certificates it presents from it (leaf first). */
interface NamedInTree {
  file?: string;
  certificates: TreeCertificate[];
}

/**
 * The chain a key store presents: the key entry the alias names, else its only key entry. Several key
 * entries and no alias: which one the JDK's key manager picks is not decided here (none: unknown).
 */
function storeChain(inStore: TreeCertificate[], alias: string | undefined): TreeCertificate[] {
  const keyEntries = inStore.filter((c) => c.store?.entry === 'private-key');
  const aliases = [...new Set(keyEntries.map((c) => c.store?.alias))];
  // Java's PKCS12 and JKS stores match aliases case-insensitively (JKS lower-cases them).
  const chosen = alias
    ? aliases.find((a) => a?.toLowerCase() === alias.toLowerCase())
    : aliases.length === 1
      ? aliases[0]
      : undefined;
  if (chosen === undefined) return [];
  return keyEntries
    .filter((c) => c.store?.alias === chosen)
    .sort((a, b) => (a.store?.chainIndex ?? 0) - (b.store?.chainIndex ?? 0));
}

interface CertificateIndex {
  /** Certificates by PEM file, in tree order. */
  byFile: Map<string, TreeCertificate[]>;
  /** One row per certificate (as the scan it replaces), by the last segment of its file's path. */
  byLastSegment: Map<string, { file: string; have: string[] }[]>;
}

/**
 * The tree's certificates indexed by file and by file name, built once per deployment (by `namedByComponent`):
 * every server's every certificate reference scanned all certificates and split all their paths
 * (O(servers × certificates) in one big deployment).
 */
function indexOf(all: TreeCertificate[]): CertificateIndex {
  const byFile = new Map<string, TreeCertificate[]>();
  const byLastSegment = new Map<string, { file: string; have: string[] }[]>();
  for (const c of all) {
    const file = c.doc.file.path;
    const inFile = byFile.get(file);
    if (inFile) inFile.push(c);
    else byFile.set(file, [c]);
    const have = segments(file);
    const last = have.at(-1);
    if (last === undefined) continue;
    const rows = byLastSegment.get(last);
    if (rows) rows.push({ file, have });
    else byLastSegment.set(last, [{ file, have }]);
  }
  return { byFile, byLastSegment };
}

/** A certificate reference of a component's TLS settings, with the tree's certificates it names (leaf first; none when the tree does not hold them). */
export interface NamedCertificates {
  ref: CertificateRef;
  certificates: TreeCertificate[];
  /**
   * The tree file the reference names, also when it presents none of it: a store whose key entries the alias does not
   * name, or several key entries and no alias. Such a file is named by the tree, not by a path outside it.
   */
  file?: string;
}

/**
 * For each component whose TLS settings name certificates (`certificate`, then `moreCertificates`), what each
 * reference names in the tree, by component id. Computed once per deployment by the derive stage.
 */
export function namedByComponent(
  all: TreeCertificate[],
  components: readonly Component[],
): Map<string, NamedCertificates[]> {
  const index = indexOf(all);
  const named = new Map<string, NamedCertificates[]>();
  for (const component of components) {
    const tls = component.tls;
    if (!tls?.certificate) continue;
    // Built by push: an optimized `map` returns an array of another hidden class than the interpreter's, which
    // recompiled the readers of these lists (docs/performance.md, session 56).
    const found: NamedCertificates[] = [];
    for (const ref of [tls.certificate, ...(tls.moreCertificates ?? [])])
      found.push({
        ref,
        // A file Compose mounts from outside the tree is not a tree file of the same name.
        ...(ref.mountedFromOutside
          ? { certificates: [] }
          : certificatesNamed(index, ref.file, component, ref.embeddedAt)),
      });
    named.set(component.id, found);
  }
  return named;
}

/** Where the certificates a server presents are in the tree (the leaf of each named PEM file found). */
export function presentedPlaces(named: readonly NamedCertificates[] | undefined): Location[] {
  return (named ?? []).flatMap(({ certificates: [leaf] }) =>
    leaf ? [{ file: leaf.doc.file.path, range: leaf.cert.range }] : [],
  );
}

/** A server key as the predictor takes it. */
export interface PresentedKey extends ServerKey {
  /** The named curve of an EC key (`prime256v1`, `secp384r1`). */
  curve?: string;
}

/**
 * The keys a server presents, one per certificate it is configured with (nginx and Tomcat may hold an RSA
 * and an ECDSA certificate): the leaf of each named PEM file found in the tree, else the key type the
 * configuration declares (Tomcat `type="EC"`). Undefined when any certificate's key type is unknown
 * (an Ed25519 key is not modelled: unknown too).
 */
export function presentedKeys(named: readonly NamedCertificates[] | undefined): PresentedKey[] | undefined {
  if (!named || named.length === 0) return undefined;
  const keys: PresentedKey[] = [];
  for (const { ref, certificates } of named) {
    // The certificate in the tree wins over a declared type (Tomcat `type="RSA"` on an EC key is a mistake).
    const found = certificates[0]?.cert;
    const leaf = found && found.keyType !== 'unknown' && found.keyType !== 'Ed25519' ? found : undefined;
    const keyType = leaf ? leaf.keyType : ref.keyType;
    if (keyType !== 'RSA' && keyType !== 'EC' && keyType !== 'DSA') return undefined;
    keys.push({ keyType, bits: leaf ? leaf.keyBits : ref.keyBits, ...(leaf?.curve ? { curve: leaf.curve } : {}) });
  }
  return keys;
}
