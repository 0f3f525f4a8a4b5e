import type { RelatedLocation } from '../../core/types';
import type { LinkTrust, TrustCheck } from '../../derive/trust';
import type { DerivedDeployment } from '../../derive/types';
import type { TreeCertificate } from '../../model/mq-certs';
import { trustRelated } from '../_lib/trust';
import { defineRule } from '../types';
import {
  certLocation,
  certificatesOf,
  certName,
  datesMatter,
  referenceNow,
  storeFingerprint,
  storeRelated,
} from './_lib/shared';

/**
 * Certificates of the tree that links use only where no date check happens: a JSSE trust anchor (PKIX does
 * not check an anchor's validity, e.g. a CA bundle file) and a leaf JSSE trusts directly because it is itself
 * in the trust store. A certificate some verifier does date-check (OpenSSL checks its anchors too) is not among them.
 */
function trustUses(deployment: DerivedDeployment): {
  undated: Map<string, { lt: LinkTrust; check: TrustCheck }[]>;
  used: Set<string>;
} {
  const checked = new Set<string>();
  const undated = new Map<string, { lt: LinkTrust; check: TrustCheck }[]>();
  for (const lt of deployment.derived.trust) {
    for (const check of [lt.serverCertificate, lt.clientCertificate]) {
      if (check?.verdict.kind !== 'trusted') continue;
      const { path, dateChecked } = check.verdict.result;
      for (const c of dateChecked) checked.add(c.fingerprintSha256);
      for (const c of path)
        if (!dateChecked.includes(c))
          undated.set(c.fingerprintSha256, [...(undated.get(c.fingerprintSha256) ?? []), { lt, check }]);
    }
  }
  const used = new Set([...checked, ...undated.keys()]);
  for (const f of checked) undated.delete(f);
  return { undated, used };
}

/**
 * A CA certificate of a PEM file that holds only CA certificates and no identity of its own (a trust
 * bundle such as `ca.crt` or `trusted_CAs.cer`): it is never presented, only trusted, so whether its dates
 * matter depends on the verifier that trusts it.
 */
function inTrustBundle(c: TreeCertificate): boolean {
  return !c.store && !c.hasPrivateKey && 'certificates' in c.doc.data && c.doc.data.certificates.every((x) => x.isCa);
}

export default defineRule({
  meta: {
    id: 'cert/expired',
    description: 'Report certificates in the tree that are expired or not yet valid',
    severity: 'error',
    messages: {
      expired:
        "Certificate {{dn}} expired on {{date}}: peers reject it (Java: 'PKIX path validation failed … certificate expired' / CertificateExpiredException; MQ: AMQ9633 'Bad TLS certificate', RC=2393; GSKit GSK_ERROR_BAD_DATE). Renew it and replace it in every key store that holds it",
      notYetValid:
        "Certificate {{dn}} is not valid before {{date}}: peers reject it (CertificateNotYetValidException, AMQ9633). Check the issuing CA's clock or wait",
      expiredUnlinkedCa:
        "CA certificate {{dn}} expired on {{date}}, and no link of this tree shows who trusts it. Chains through it fail in OpenSSL (nginx: 'certificate has expired') and GSKit (MQ: AMQ9633, GSK_ERROR_BAD_DATE); a JSSE trust store accepts it as an anchor without checking its dates. Replace it with the CA's current certificate, or remove it from the bundle if nothing uses it",
      expiredAnchor:
        "Certificate {{dn}} expired on {{date}}, but the links that use it use it only as a trust anchor (or trust it directly as a leaf in their trust store), and JSSE does not check an anchor's dates: those handshakes still succeed. OpenSSL (nginx) and GSKit would refuse it: replace it with the CA's current certificate when convenient",
    },
    options: {
      referenceDate: {
        type: 'string',
        description: 'Date (ISO 8601, e.g. 2026-01-31) to judge validity at instead of today: for reproducible CI runs',
      },
    },
    symptoms: ['CertificateExpiredException', 'certificate expired', 'AMQ9633', 'GSK_ERROR_BAD_DATE'],
  },
  check(ctx) {
    const now = referenceNow(ctx.options.referenceDate);
    const { undated, used } = trustUses(ctx.deployment);
    for (const c of certificatesOf(ctx.deployment)) {
      if (!datesMatter(c)) continue;
      const dn = certName(c);
      if (c.cert.notAfter < now) {
        const uses = undated.get(c.cert.fingerprintSha256);
        const anchor = uses !== undefined;
        // Whether peers reject an unlinked bundle CA depends on their TLS stack: a warning, not an error.
        const unlinkedCa = !anchor && !used.has(c.cert.fingerprintSha256) && inTrustBundle(c);
        const location = certLocation(c);
        // The verdict rests on the links that trust it without a date check: name their files.
        const related: RelatedLocation[] = [
          ...(storeRelated(c).related ?? []),
          ...(uses ?? []).flatMap((u) => trustRelated(u.lt, u.check, location)),
        ];
        ctx.report({
          messageId: anchor ? 'expiredAnchor' : unlinkedCa ? 'expiredUnlinkedCa' : 'expired',
          data: { dn, date: c.cert.notAfter.toISOString().slice(0, 10) },
          location,
          ...(related.length > 0 ? { related } : {}),
          fingerprint: [c.cert.fingerprintSha256, 'expired', ...storeFingerprint(c)],
          ...(anchor ? { severity: 'info' as const } : unlinkedCa ? { severity: 'warning' as const } : {}),
        });
      } else if (c.cert.notBefore > now) {
        ctx.report({
          messageId: 'notYetValid',
          data: { dn, date: c.cert.notBefore.toISOString().slice(0, 10) },
          location: certLocation(c),
          ...storeRelated(c),
          fingerprint: [c.cert.fingerprintSha256, 'not-yet-valid', ...storeFingerprint(c)],
        });
      }
    }
  },
});
