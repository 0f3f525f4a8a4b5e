import { defineRule } from '../types';
import { certLocation, certificatesOf, certName, datesMatter, referenceNow, storeFingerprint, storeRelated } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cert/expired',
    description: 'Report certificates in the tree that are expired or not yet valid',
    severity: 'error',
    messages: {
      expired:
        "Certificate {{dn}} expired on {{date}}: peers reject it (Java: 'PKIX path validation failed … certificate expired' / CertificateExpiredException; MQ: AMQ9633 'Bad TLS certificate', RC=2393; GSKit GSK_ERROR_BAD_DATE). Renew it and replace it in every key store that holds it",
      notYetValid: "Certificate {{dn}} is not valid before {{date}}: peers reject it (CertificateNotYetValidException, AMQ9633). Check the issuing CA's clock or wait",
    },
    options: {
      referenceDate: { type: 'string', description: 'Date (ISO 8601, e.g. 2026-01-31) to judge validity at instead of today: for reproducible CI runs' },
    },
    symptoms: ['CertificateExpiredException', 'certificate expired', 'AMQ9633', 'GSK_ERROR_BAD_DATE'],
  },
  check(ctx) {
    const now = referenceNow(ctx.options.referenceDate);
    for (const c of certificatesOf(ctx.deployment)) {
      if (!datesMatter(c)) continue;
      const dn = certName(c);
      if (c.cert.notAfter < now) {
        ctx.report({ messageId: 'expired', data: { dn, date: c.cert.notAfter.toISOString().slice(0, 10) }, location: certLocation(c), ...storeRelated(c), fingerprint: [c.cert.fingerprintSha256, 'expired', ...storeFingerprint(c)] });
      } else if (c.cert.notBefore > now) {
        ctx.report({ messageId: 'notYetValid', data: { dn, date: c.cert.notBefore.toISOString().slice(0, 10) }, location: certLocation(c), ...storeRelated(c), fingerprint: [c.cert.fingerprintSha256, 'not-yet-valid', ...storeFingerprint(c)] });
      }
    }
  },
});
