/** What cert/expired asks of the derived trust: which certificates are date-checked where, and which are a holder's own. */
import type { LinkTrust, TrustCheck } from '../../../derive/trust';
import type { DerivedDeployment } from '../../../derive/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { PemCertificate } from '../../../parse/certificate';
import { ours, type Phrase } from '../../../core/phrase';

/**
 * Certificates of the tree that links use only where no date check happens: a JSSE trust anchor (PKIX does
 * not check an anchor's validity, e.g. a CA bundle file) and a leaf JSSE trusts directly because it is itself
 * in the trust store. A certificate some verifier does date-check (OpenSSL checks its anchors too) is not among them.
 * `pathLeaves`: for each certificate on a link's path, the leaves of those paths (chain-member.ts folds an expired root
 * into its expired leaf).
 */
export function trustUses(deployment: DerivedDeployment): {
  undated: Map<string, { lt: LinkTrust; check: TrustCheck }[]>;
  used: Set<string>;
  presented: Map<string, { lt: LinkTrust; check: TrustCheck }[]>;
  pathLeaves: Map<string, PemCertificate[]>;
} {
  const checked = new Set<string>();
  const undated = new Map<string, { lt: LinkTrust; check: TrustCheck }[]>();
  const presented = new Map<string, { lt: LinkTrust; check: TrustCheck }[]>();
  const pathLeaves = new Map<string, PemCertificate[]>();
  for (const lt of deployment.derived.trust) {
    for (const check of [lt.serverCertificate, lt.clientCertificate]) {
      if (!check) continue;
      for (const c of check.presented)
        presented.set(c.cert.fingerprintSha256, [...(presented.get(c.cert.fingerprintSha256) ?? []), { lt, check }]);
      if (check.verdict.kind !== 'trusted') continue;
      const { path, dateChecked } = check.verdict.result;
      for (const c of dateChecked) checked.add(c.fingerprintSha256);
      for (const c of path) {
        pathLeaves.set(c.fingerprintSha256, [...(pathLeaves.get(c.fingerprintSha256) ?? []), ...path.slice(0, 1)]);
        if (!dateChecked.includes(c))
          undated.set(c.fingerprintSha256, [...(undated.get(c.fingerprintSha256) ?? []), { lt, check }]);
      }
    }
  }
  const used = new Set([...checked, ...undated.keys()]);
  for (const f of checked) undated.delete(f);
  return { undated, used, presented, pathLeaves };
}

/**
 * A self-signed certificate that is its holder's own identity: the certificate of a key entry alone (no CA above it
 * in the entry's chain), or a PEM certificate that is the first of its file and whose key sits beside it or that a
 * component names as the certificate it presents (nginx `ssl_certificate` with its key in `/etc/ssl/private`, the
 * Debian layout credemol/websocket-https-nginx-springboot@d901498 keeps).
 */
export function ownSelfSigned(c: TreeCertificate, presentedLeaves: ReadonlySet<string>): boolean {
  if (!c.cert.selfSigned) return false;
  if (c.store) return c.store.entry === 'private-key' && c.store.chainIndex === 0;
  return (
    (c.hasPrivateKey || presentedLeaves.has(c.cert.fingerprintSha256)) &&
    'certificates' in c.doc.data &&
    c.doc.data.certificates[0]?.fingerprintSha256 === c.cert.fingerprintSha256
  );
}

/**
 * What a peer does with an expired certificate no setting names, if something presented it. A root (self-signed and a CA,
 * the top of a key entry's chain, or a trusted entry; not the key pair's own certificate) is only ever trusted, and JSSE
 * ends a path at a trusted root without checking its dates (OpenJDK 17.0.15, measured for cert/expired's chain roots):
 * Basitkhan23/SF-Kafka-conn-ssl@c74edfe's stores and CA file, their CA expired, were said to be rejected by any peer.
 */
export function unnamedPeers(c: TreeCertificate, presentedLeaves: ReadonlySet<string>): Phrase {
  const root =
    c.cert.selfSigned &&
    !ownSelfSigned(c, presentedLeaves) &&
    (c.cert.isCa || (c.store !== undefined && (c.store.chainIndex > 0 || c.store.entry === 'trusted-cert')));
  return root
    ? ours(
        "a peer accepts it only as a root it trusts, and a JSSE peer (Java) that does completes the handshake (JSSE does not check a trust anchor's dates) while OpenSSL and GSKit refuse it ('certificate has expired', AMQ9633, GSK_ERROR_BAD_DATE)",
      )
    : ours('peers reject it (CertificateExpiredException, AMQ9633, GSK_ERROR_BAD_DATE)');
}

/** The fingerprints of the first certificate of each file a component names as the certificate it presents. */
export function presentedLeavesOf(presented: DerivedDeployment['derived']['presented']): Set<string> {
  const leaves = new Set<string>();
  for (const named of presented.values())
    for (const { certificates } of named) if (certificates[0]) leaves.add(certificates[0].cert.fingerprintSha256);
  return leaves;
}

/**
 * The leaf a component presents from the PEM file that holds `c`, when `c` is a certificate after it that is neither
 * on its chain nor a CA (derive/presented.ts): no peer is sent it as a server's certificate (bpaskin/CloudPak4Integration
 * @7e92c65 MQ/MQonOCPFeatures/setupAndInstall.yaml: tls.crt is CN=localhost, its CA, then an expired *.ibm.com whose key
 * is not there). Undefined when any component presents `c` itself, or none presents from its file.
 */
export function leafPresentedInstead(
  presented: DerivedDeployment['derived']['presented'],
  c: TreeCertificate,
): TreeCertificate | undefined {
  if (c.store || c.cert.isCa) return undefined;
  let leaf: TreeCertificate | undefined;
  for (const named of presented.values())
    for (const { file, certificates } of named) {
      if (file !== c.doc.file.path || certificates.length === 0) continue;
      if (certificates.some((p) => p.cert.fingerprintSha256 === c.cert.fingerprintSha256)) return undefined;
      leaf ??= certificates[0];
    }
  return leaf;
}
