import { trustSignals } from '../../derive/trust-signals';
import {
  anchorsText,
  certificatePlace,
  certName,
  chainText,
  linkProtocol,
  peerPlace,
  trustRelated,
} from '../_lib/trust';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'tls/incomplete-chain',
    description:
      'Catch servers that do not send the intermediate CA certificate their clients need to reach a trusted root',
    severity: 'error',
    messages: {
      incomplete:
        '{{server}} sends {{chain}} without the intermediate {{missing}} ({{missingFile}} holds it); {{client}} trusts {{anchors}} and does not fetch missing intermediates (JSSE: com.sun.security.enableAIAcaIssuers is off by default). The client aborts with {{alert}}: it logs "{{clientLog}}", {{server}} logs "{{serverLog}}". Fix: {{fix}}',
    },
    options: {},
    symptoms: [
      'PKIX path building failed',
      'unable to find valid certification path to requested target',
      'unable to get local issuer certificate',
    ],
  },
  check(ctx) {
    for (const lt of ctx.deployment.derived.trust) {
      const check = lt.serverCertificate;
      if (!check) continue; // the client checks no certificate (nginx proxy_ssl_verify off)
      const v = check.verdict;
      if (v.kind !== 'untrusted' || v.result.reason !== 'missing-intermediate' || !v.result.missing) continue;
      const missing = v.result.missing;
      const holder = ctx.deployment.derived.certificates.find(
        (c) => c.cert.fingerprintSha256 === missing.fingerprintSha256,
      );
      const signals = trustSignals(check, 'missing-intermediate', linkProtocol(lt));
      const location = peerPlace(check);
      const fix = check.presented[0]?.store
        ? `import the CA reply with the whole chain into ${check.presentedStore} (keytool -importcert -alias <the key's alias> -file <leaf-and-chain.pem> -keystore <keystore>), so the key entry holds leaf, ${certName(missing)} and the root`
        : `append ${certName(missing)} to the certificate file after the leaf (cat leaf.crt intermediate.crt > fullchain.crt; nginx sends the file in order)`;
      ctx.report({
        messageId: 'incomplete',
        data: {
          server: lt.server.name,
          client: lt.client.name,
          chain: chainText(check),
          missing: certName(missing),
          missingFile: holder ? holder.doc.file.path.slice(ctx.deployment.root.length + 1) : ours('the tree'),
          anchors: anchorsText(ctx.deployment.root, check),
          alert: ours(signals.alert),
          clientLog: ours(signals.verifierLog),
          serverLog: ours(signals.peerLog),
          fix,
        },
        location,
        related: [
          ...trustRelated(lt, check, location),
          ...(holder
            ? [{ ...certificatePlace(holder), message: said`the missing intermediate ${certName(missing)}` }]
            : []),
        ],
        fingerprint: [lt.link.client, lt.link.server, missing.fingerprintSha256],
        outcome: 'fails',
      });
    }
  },
});
