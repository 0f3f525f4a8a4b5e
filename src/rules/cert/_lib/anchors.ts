/**
 * Who trusts a PEM file of CA certificates, for cert/expired: whether an expired anchor in it matters depends on the
 * verifier. JSSE's PKIXValidator takes an anchor as trusted without checking its dates; OpenSSL checks the dates of
 * every certificate of the chain it builds, the anchor from its CA file included (checked with OpenSSL 3.0: `openssl
 * verify -CAfile ca.pem client.pem` of a valid leaf under an expired CA gives "error 10 at 1 depth lookup: certificate
 * has expired"; test/interop/expired-anchor.test.ts).
 */
import * as path from 'node:path';
import type { DerivedDeployment, TrustingEnd } from '../../../derive/types';
import type { TreeCertificate } from '../../../model/mq-certs';

/**
 * A CA certificate of a PEM file that holds only CA certificates and no identity of its own (a trust
 * bundle such as `ca.crt` or `trusted_CAs.cer`): it is never presented, only trusted, so whether its dates
 * matter depends on the verifier that trusts it.
 */
export function inTrustBundle(c: TreeCertificate): boolean {
  return !c.store && !c.hasPrivateKey && 'certificates' in c.doc.data && c.doc.data.certificates.every((x) => x.isCa);
}

/** The components naming a certificate's file (PEM or store) only as their trust store; undefined when a placeholder reference may name it too. */
export function trustersOf(deployment: DerivedDeployment, c: TreeCertificate): readonly TrustingEnd[] | undefined {
  // A store too: JSSE trusts its trusted entries and the first certificate of each key entry
  // (sun.security.validator.TrustStoreUtil.getTrustedCerts; checked with JDK 17: a JKS holding one key entry, given to
  // TrustManagerFactory, accepts that entry's certificate as an issuer), and the rest of a key entry's chain is sent by
  // no one when the store is only a trust store. apache/activemq@c3580e7's activemq-revoke.xml names
  // activemq-revoke.jks, whose key entry expired in 2025, only as the broker's trust store.
  const files = deployment.derived.certificateFiles;
  const trusters = files.trustOnly.get(c.doc.file.path);
  return trusters && !files.namedOutside.has(path.basename(c.doc.file.path)) ? trusters : undefined;
}

/**
 * The components that name a PEM certificate's file, when every one names it as its trust store and verifies with JSSE
 * (PKIXValidator takes a sent certificate that is in the trust store as trusted, dates unchecked): undefined otherwise,
 * or when a reference the tree does not resolve names a file of its name.
 */
export function jsseTrustersOnly(deployment: DerivedDeployment, c: TreeCertificate): string[] | undefined {
  const trusters = trustersOf(deployment, c);
  return trusters?.every((t) => t.jsse) ? [...new Set(trusters.map((t) => t.name))] : undefined;
}

/**
 * The OpenSSL ends that verify their peers against a PEM file every certificate of which is outside its dates at `now`
 * (CA certificates, or a self-signed one trusted directly, its key beside it or not)
 * (an nginx server's ssl_client_certificate with ssl_verify_client on, an nginx proxy's proxy_ssl_trusted_certificate
 * with proxy_ssl_verify on, an HAProxy ca-file with verify required): no chain they build can end in a valid anchor, so
 * every peer certificate is refused, whoever the peer is. Undefined when none does.
 */
export function opensslVerifiersOfExpiredFile(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  now: Date,
): (TrustingEnd & { opensslVerifies: NonNullable<TrustingEnd['opensslVerifies']> })[] | undefined {
  if (c.store || !('certificates' in c.doc.data)) return undefined;
  if (!c.doc.data.certificates.every((x) => x.notAfter < now || x.notBefore > now)) return undefined;
  return opensslVerifiersOf(deployment, c);
}

/** The OpenSSL ends that verify their peers against a PEM file of certificates (see above), whatever their dates. */
export function opensslVerifiersOf(
  deployment: DerivedDeployment,
  c: TreeCertificate,
): (TrustingEnd & { opensslVerifies: NonNullable<TrustingEnd['opensslVerifies']> })[] | undefined {
  if (c.store) return undefined;
  const verifiers = (trustersOf(deployment, c) ?? []).flatMap((t) =>
    t.opensslVerifies ? [{ ...t, opensslVerifies: t.opensslVerifies }] : [],
  );
  return verifiers.length > 0 ? verifiers : undefined;
}
