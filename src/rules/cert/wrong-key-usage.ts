import { trustSignals } from '../../derive/trust-signals';
import { certificatePlace, certName, linkProtocol, ourDetail, treeCertificateOf, trustRelated } from '../_lib/trust';
import { defineRule } from '../types';
import { ours } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'cert/wrong-key-usage',
    description:
      'Catch certificates whose key usage or extended key usage does not allow the TLS role they are used in (serverAuth, clientAuth, digitalSignature)',
    severity: 'error',
    messages: {
      wrongUsage:
        '{{subject}}, which {{peer}} presents to {{verifier}} as a TLS {{role}} certificate, has {{detail}}: {{verifier}} rejects it with {{alert}} and logs "{{verifierLog}}"; {{peer}} sees "{{peerLog}}". Fix: reissue the certificate with {{wanted}}',
    },
    options: {},
    symptoms: [
      'Extended key usage does not permit use for TLS server authentication',
      'KeyUsage does not allow digital signatures',
      'unsupported certificate purpose',
    ],
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const lt of ctx.deployment.derived.trust) {
      for (const check of [lt.serverCertificate, lt.clientCertificate]) {
        const v = check?.verdict;
        if (!check || v?.kind !== 'untrusted' || v.result.reason !== 'key-usage') continue;
        const leaf = treeCertificateOf(check, v.result.at);
        const key = `${v.result.at.fingerprintSha256}|${check.verifier.id}|${check.direction}`;
        if (!leaf || seen.has(key)) continue;
        seen.add(key);
        const signals = trustSignals(check, 'key-usage', linkProtocol(lt));
        const server = check.direction === 'server';
        const location = certificatePlace(leaf);
        ctx.report({
          messageId: 'wrongUsage',
          data: {
            subject: certName(v.result.at),
            peer: check.peer.name,
            verifier: check.verifier.name,
            role: server ? ours('server') : ours('client'),
            detail: ourDetail(v.result.detail),
            alert: ours(signals.alert),
            verifierLog: ours(server ? signals.verifierLog : signals.verifierLog.replace('TLS server', 'TLS client')),
            peerLog: ours(signals.peerLog),
            wanted: server
              ? ours('extendedKeyUsage serverAuth and keyUsage digitalSignature (keyEncipherment for RSA key exchange)')
              : ours('extendedKeyUsage clientAuth and keyUsage digitalSignature'),
          },
          location,
          related: trustRelated(lt, check, location),
          fingerprint: [v.result.at.fingerprintSha256, check.direction, check.verifier.id],
          outcome: 'fails',
        });
      }
    }
  },
});
