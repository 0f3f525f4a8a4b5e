import { defineRule } from '../types';
import { certificateRefusedByNginx } from '../nginx/_lib/security-level';
import { certLocation, certificatesOf, certName, unusedOrVendors, storeFingerprint, storeRelated } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cert/weak-key',
    description:
      'Report certificates whose public key is too small (RSA/DSA below the minimum bits, EC below 256 bits)',
    severity: 'warning',
    messages: {
      weak: "Certificate {{dn}} has a {{bits}}-bit {{type}} key (minimum {{min}}): modern JDKs reject it (jdk.certpath.disabledAlgorithms 'RSA keySize < 2048' in recent releases) and MQ refuses it when MinimumRSAKeySize is set (AMQ9637). Re-issue it with a stronger key",
    },
    options: {
      minRsaBits: { type: 'integer', default: 2048, description: 'Smallest accepted RSA or DSA key, in bits' },
      minEcBits: { type: 'integer', default: 256, description: 'Smallest accepted EC key, in bits' },
    },
    symptoms: ['AMQ9637', 'Algorithm constraints check failed'],
  },
  check(ctx) {
    for (const c of certificatesOf(ctx.deployment)) {
      const { keyType, keyBits } = c.cert;
      // The JDK's own root CAs are the vendor's to retire (each update does); a bag Java ignores is not used.
      if (!keyBits || unusedOrVendors(c)) continue;
      const min =
        keyType === 'EC'
          ? ctx.options.minEcBits
          : keyType === 'RSA' || keyType === 'DSA'
            ? ctx.options.minRsaBits
            : undefined;
      if (min === undefined || keyBits >= min) continue;
      // nginx refuses to load it at its security level: nginx/security-level-refuses-certificate's error says more.
      if (certificateRefusedByNginx(ctx.deployment, c.cert.fingerprintSha256)) continue;
      ctx.report({
        messageId: 'weak',
        data: { dn: certName(c), bits: keyBits, type: keyType, min },
        location: certLocation(c),
        ...storeRelated(c),
        fingerprint: [c.cert.fingerprintSha256, 'weak-key', ...storeFingerprint(c)],
      });
    }
  },
});
