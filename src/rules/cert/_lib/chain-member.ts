import type { RuleRelated } from '../../types';
/**
 * A CA certificate above the leaf of a chain a component presents, judged where no link of the tree shows who verifies
 * it. JSSE (PKIXValidator.engineValidate: a sent certificate that is trusted, or has a trusted
 * certificate's name and key, ends the path; TrustAnchor dates are never checked) and OpenSSL (every certificate of the
 * path, the anchor included, is date-checked) differ exactly there. Measured with OpenJDK 17.0.15 (a JSSE client, a
 * JSSE server presenting leaf + CA): an expired self-signed root the client trusts: handshake completes; its renewal
 * (same name and key) trusted instead: completes; an expired intermediate under a trusted valid root:
 * CertificateExpiredException; the same intermediate trusted itself: completes. `openssl verify` refuses the
 * expired root as CAfile ('certificate has expired'), accepts the chain when the renewed root is the CAfile.
 */
import * as path from 'node:path';

import type { DerivedDeployment } from '../../../derive/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { PemCertificate } from '../../../parse/certificate';
import { certLocation, entryWord, unusedOrVendors } from './shared';
import { embeddedIn } from '../../../model/mq-certs';
import { isMqChannel } from '../../../model/types';
import { said, type Phrase } from '../../../core/phrase';
import { reportedCopy, type ReportedCopy } from './copies';
import type { trustUses } from './trust-uses';

/**
 * The leaves sent before each chain file (httpd SSLCertificateChainFile, Tomcat certificateChainFile), by file: the
 * first certificate of what each component naming it presents. The chain file's certificates follow that leaf on the
 * wire, so they are judged as the rest of a full-chain file is (measured, apache2 2.4.71 with openssl s_client and a
 * JSSE 17 client: an expired intermediate or root fails the same way from either file).
 */
export function chainFileLeaves(deployment: DerivedDeployment): Map<string, TreeCertificate[]> {
  const leaves = new Map<string, TreeCertificate[]>();
  for (const component of deployment.components)
    for (const store of component.tls?.trust?.chainStores ?? []) {
      const leaf = deployment.derived.presented.get(component.id)?.[0]?.certificates[0];
      if (store.file && leaf) leaves.set(store.file, [...(leaves.get(store.file) ?? []), leaf]);
    }
  return leaves;
}

/**
 * The certificate is a CA of a presented chain above its leaf: a key entry's chain member, or a PEM chain file's. A
 * self-signed root counts without basicConstraints: an X.509 v1 root (`openssl x509 -req` without extensions, the CA of
 * Confluent's test scripts) is a trust anchor all the same (fkshom/kafka-train@dede206's kafka.keystore.jks: leaf valid,
 * v1 root expired, a JDK 17 client trusting that root completes the handshake; `openssl verify` refuses it).
 */
export function caAboveLeaf(c: TreeCertificate, chainFiles: ReadonlyMap<string, TreeCertificate[]>): boolean {
  if (!c.cert.isCa && !c.cert.selfSigned) return false;
  if (chainFiles.has(c.doc.file.path)) return true;
  if (c.store) return c.store.entry === 'private-key' && c.store.chainIndex > 0;
  if (!('certificates' in c.doc.data)) return false;
  const [first, ...rest] = c.doc.data.certificates;
  // A file whose first certificate is a leaf (a server's chain file), not a bundle of CA certificates.
  return first !== undefined && !first.isCa && rest.some((x) => x.fingerprintSha256 === c.cert.fingerprintSha256);
}

/**
 * The leaf of the chain `c` is a member of: the key entry's own certificate, or the PEM file's first (undefined when
 * the tree does not hold it).
 */
export function chainLeaf(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  chainFiles: ReadonlyMap<string, TreeCertificate[]>,
  now: Date,
): PemCertificate | undefined {
  // A chain file sent after several leaves: one valid at `now` is enough for the CA's own dates to decide.
  const sentAfter = chainFiles.get(c.doc.file.path);
  if (sentAfter) {
    const leaves = sentAfter.map((leaf) => leaf.cert);
    return leaves.find((leaf) => leaf.notAfter >= now && leaf.notBefore <= now) ?? leaves[0];
  }
  const { store } = c;
  if (!store) return 'certificates' in c.doc.data ? c.doc.data.certificates[0] : undefined;
  return deployment.derived.certificates.find(
    (t) => t.doc === c.doc && t.store?.alias === store.alias && t.store.chainIndex === 0,
  )?.cert;
}

/**
 * The certificates of the tree that trust `c` directly, as a JSSE verifier matches them: a trusted-cert entry of a
 * store or a CA certificate of a PEM bundle, the same certificate or one of its name and key (a renewal). A JDK's own
 * cacerts is the vendor's, not the deployment's, and is left out.
 */
export function trustedCopies(deployment: DerivedDeployment, c: TreeCertificate): TreeCertificate[] {
  return deployment.derived.certificates.filter(
    (t) =>
      t !== c &&
      (t.cert.fingerprintSha256 === c.cert.fingerprintSha256 ||
        (t.cert.subjectText === c.cert.subjectText && t.cert.publicKeySha256 === c.cert.publicKeySha256)) &&
      (t.store
        ? t.store.entry === 'trusted-cert' && !unusedOrVendors(t)
        : !t.hasPrivateKey && 'certificates' in t.doc.data && t.doc.data.certificates.every((x) => x.isCa)),
  );
}

/** The places of the trusted copies of `c`, for `related`: each file once. */
export function trustedCopiesRelated(c: TreeCertificate, copies: readonly TreeCertificate[]): RuleRelated[] {
  const seen = new Set<string>();
  return copies.flatMap((t) => {
    if (seen.has(t.doc.file.path)) return [];
    seen.add(t.doc.file.path);
    const what =
      t.cert.fingerprintSha256 === c.cert.fingerprintSha256
        ? 'this CA certificate'
        : `a certificate of this CA's name and key, valid until ${t.cert.notAfter.toISOString().slice(0, 10)}`;
    const alias = t.store ? ` (${entryWord(t.store.type)} '${t.store.alias}')` : '';
    return [{ ...certLocation(t), message: said`${path.basename(t.doc.file.path)} trusts ${what}${alias}` }];
  });
}

/** The leaves sent before `c`'s chain file, for `related`: whether they are valid decides how its CA is judged. */
export function chainFileLeavesRelated(
  c: TreeCertificate,
  chainFiles: ReadonlyMap<string, TreeCertificate[]>,
): RuleRelated[] {
  const file = path.basename(c.doc.file.path);
  return (chainFiles.get(c.doc.file.path) ?? []).map((leaf) => ({
    ...certLocation(leaf),
    message: said`the leaf sent before ${file}, valid until ${leaf.cert.notAfter.toISOString().slice(0, 10)}`,
  }));
}

/**
 * The leaves (by fingerprint) an expired self-signed root is said with, each expired too: the chain fails for the leaf
 * whoever verifies it, and the root's dates are one more reason for the same failure, said at the leaf as a related
 * place rather than as a second error (`openssl verify` and `s_client` with both expired: one 'certificate has expired',
 * error 10, reported at the root first; with the leaf alone renewed the root still fails it, so the leaf's finding says
 * to renew both). Undefined when the root is judged on its own. It is a member of the leaf's chain as
 * - the CA of a key entry's chain, or of a PEM file that starts with the leaf, that no link verifies (`leaf`): pwalser75/
 *   spring-boot-mutual-tls@98da8e6's test-server-keystore.p12, leaf and root both expired 2025-10-24, two errors;
 * - the CA of every link path that holds it, where a verifier date-checks it (OpenSSL, GSKit; a JSSE anchor
 *   is not, and is judged as one);
 * - a CA certificate of the key repository IBM MQ's container builds for a queue manager, above its key (keyRepositoryLeaf):
 *   jjodl/mqoncp4i's QueueManager pki Secrets, tls.crt and ca.crt both expired.
 * Once the leaf is renewed under it, the root is judged on its own: a JSSE peer that trusts it accepts it, OpenSSL and
 * GSKit do not (expiredChainRoot).
 */
export function leavesSaidWithRoot(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  found: {
    leaf: PemCertificate | undefined;
    chainFiles: ReadonlyMap<string, TreeCertificate[]>;
    now: Date;
    onLinks: Pick<ReturnType<typeof trustUses>, 'used' | 'undated' | 'pathLeaves'>;
  },
): string[] | undefined {
  const { leaf, chainFiles, now, onLinks } = found;
  const fingerprint = c.cert.fingerprintSha256;
  if (!c.cert.selfSigned || c.cert.notAfter >= now) return undefined;
  const expiredBelow = (l: PemCertificate) => l.fingerprintSha256 !== fingerprint && l.notAfter < now;
  if (onLinks.used.has(fingerprint)) {
    const leaves = onLinks.pathLeaves.get(fingerprint) ?? [];
    return !onLinks.undated.has(fingerprint) && leaves.length > 0 && leaves.every(expiredBelow)
      ? [...new Set(leaves.map((l) => l.fingerprintSha256))]
      : undefined;
  }
  if (leaf && leaf.notAfter < now && !chainFiles.has(c.doc.file.path)) return [leaf.fingerprintSha256];
  const keyLeaf = keyRepositoryLeaf(deployment, c);
  return keyLeaf && expiredBelow(keyLeaf) ? [keyLeaf.fingerprintSha256] : undefined;
}

/**
 * The certificate of the key a queue manager presents from the key repository IBM MQ's container builds (model/
 * mq-container-pki.ts: one manifest's key set and trusted certificates), when `c` is a CA certificate of that repository
 * that issued it: GSKit builds the chain it sends from the repository's CA certificates, so `c` is a member of that
 * chain as a PEM chain file's CA is.
 */
function keyRepositoryLeaf(deployment: DerivedDeployment, c: TreeCertificate): PemCertificate | undefined {
  for (const component of deployment.components) {
    const { keyStore, trustStore } = component.tls?.trust ?? {};
    if (!isMqChannel(component) || !keyStore?.embeddedAt || !trustStore?.embeddedAt) continue;
    if (keyStore.file !== c.doc.file.path || trustStore.file !== keyStore.file) continue;
    if (!embeddedIn(c, trustStore.embeddedAt) || embeddedIn(c, keyStore.embeddedAt)) continue;
    const key = deployment.derived.certificates.find(
      (t) => t.doc.file.path === keyStore.file && embeddedIn(t, keyStore.embeddedAt),
    );
    if (key && key.cert.issuerText === c.cert.subjectText) return key.cert;
  }
  return undefined;
}

/** What sends the chain `c` is in: its file, or for a chain file the leaf's file with it (`web.crt with chain.crt`). */
export function chainSent(c: TreeCertificate, chainFiles: ReadonlyMap<string, TreeCertificate[]>): string | Phrase {
  const file = path.basename(c.doc.file.path);
  const leaves = [...new Set((chainFiles.get(c.doc.file.path) ?? []).map((l) => path.basename(l.doc.file.path)))];
  return leaves.length > 0 ? said`${leaves.join(' and ')} with ${file}` : file;
}

/**
 * A self-signed root above an expired leaf of its own chain is said with the leaf (one failure, one finding): the
 * root's other copies go with it (an info's, test data or an unread copy, is left out with the root), and each leaf's
 * finding names the roots folded into it (`folded`: each root with the leaves it is said with, leavesSaidWithRoot).
 */
export function foldRootsIntoLeaves<MessageId extends string>(
  copies: ReportedCopy<MessageId>[],
  folded: ReadonlyMap<TreeCertificate, readonly string[]>,
): void {
  if (folded.size === 0) return;
  const foldedRoots = new Set([...folded.keys()].map((root) => root.cert.fingerprintSha256));
  const kept = copies.filter((copy) => !(copy.info && foldedRoots.has(copy.c.cert.fingerprintSha256)));
  copies.splice(0, copies.length, ...kept);
  for (const [i, copy] of copies.entries()) {
    const roots = [...folded]
      .filter(([, leaves]) => leaves.includes(copy.c.cert.fingerprintSha256))
      .map(([t]) => ({
        ...certLocation(t),
        message: said`the root above it, ${t.cert.subjectText}, expired on ${t.cert.notAfter.toISOString().slice(0, 10)} too: renew it with the leaf (a JSSE peer that trusts it would accept it, OpenSSL and GSKit peers would not)`,
      }));
    if (roots.length > 0)
      copies[i] = reportedCopy(copy.c, {
        ...copy.descriptor,
        related: [...(copy.descriptor.related ?? []), ...roots],
      });
  }
}
