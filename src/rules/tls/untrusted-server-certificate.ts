import { trustSignals } from '../../derive/trust-signals';
import {
  anchorsText,
  certName,
  chainText,
  linkProtocol,
  pathFailureText,
  trustRelated,
  verifierPlace,
} from '../_lib/trust';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/** Path failures this rule reports; a missing intermediate, key usage and dates have their own rules. */
const REASONS = new Set(['no-anchor', 'anchor-not-self-signed', 'depth', 'not-ca', 'path-length']);

export default defineRule({
  meta: {
    id: 'tls/untrusted-server-certificate',
    description: "Catch links whose client does not trust the server's certificate chain (PKIX path building fails)",
    severity: 'error',
    messages: {
      untrusted:
        '{{client}} does not trust the certificate {{server}} presents ({{chain}}): {{why}}. {{client}} trusts {{anchors}}. The client aborts with {{alert}}: it logs "{{clientLog}}", {{server}} logs "{{serverLog}}". Fix: import the root CA that issued {{leaf}} into {{client}}\'s trust store (keytool -importcert -trustcacerts -alias <ca> -file <root-ca.pem> -keystore <truststore>), or have {{server}} present a certificate from a CA {{client}} trusts',
      // A Spring Boot app's RabbitMQ connection (the only client linked to a RabbitMQ broker) trusts the store its own
      // spring.rabbitmq.ssl.trust-store names (src/model/spring-rabbit-end.ts).
      untrustedSpringRabbit:
        '{{client}} does not trust the certificate {{server}} presents ({{chain}}): {{why}}. {{client}} trusts {{anchors}}. The client aborts with {{alert}}: it logs "{{clientLog}}", {{server}} logs "{{serverLog}}". Fix: import the root CA that issued {{leaf}} into the trust store its spring.rabbitmq.ssl.trust-store names (keytool -importcert -trustcacerts -alias <ca> -file <root-ca.pem> -keystore <truststore>; the connection reads that setting or an SSL bundle named by spring.rabbitmq.ssl.bundle, not -Djavax.net.ssl.trustStore), or have {{server}} present a certificate from a CA {{client}} trusts',
      untrustedCaFile:
        '{{client}} does not trust the certificate {{server}} presents ({{chain}}): {{why}}. {{client}} trusts {{anchors}}. The client aborts with {{alert}}: it logs "{{clientLog}}", {{server}} logs "{{serverLog}}". Fix: append the root CA that issued {{leaf}}, in PEM, to the CA file {{client}} verifies with ({{caFile}}; OpenSSL reads every certificate of the file), or have {{server}} present a certificate from a CA {{client}} trusts',
    },
    options: {},
    symptoms: [
      'PKIX path building failed',
      'unable to find valid certification path to requested target',
      'Received fatal alert: certificate_unknown',
      'sslv3 alert certificate unknown',
      'basic constraints check failed',
    ],
  },
  check(ctx) {
    for (const lt of ctx.deployment.derived.trust) {
      const check = lt.serverCertificate;
      if (!check) continue; // the client checks no certificate (nginx proxy_ssl_verify off)
      const v = check.verdict;
      const [leaf] = check.presented; // an untrusted verdict judged a presented chain
      if (v.kind !== 'untrusted' || !REASONS.has(v.result.reason) || !leaf) continue;
      const signals = trustSignals(check, v.result.reason, linkProtocol(lt));
      const location = verifierPlace(check);
      // An OpenSSL client (nginx proxy_ssl_trusted_certificate, HAProxy ca-file) verifies with a PEM file, not a key store.
      const caFile = lt.client.tls?.implementation === 'openssl' ? lt.client.tls.trust?.trustStore : undefined;
      ctx.report({
        messageId: caFile
          ? 'untrustedCaFile'
          : lt.server.type === 'rabbitmq.listener'
            ? 'untrustedSpringRabbit'
            : 'untrusted',
        data: {
          ...(caFile ? { caFile: caFile.path.value } : {}),
          client: lt.client.name,
          server: lt.server.name,
          chain: chainText(check),
          // Several key entries and no alias: every chain fails (else the verdict is unknown); the first one's reason.
          why: check.alternatives?.length
            ? said`whichever of them it presents, the client refuses it: for ${certName(leaf.cert)}, ${pathFailureText(v.result)}`
            : pathFailureText(v.result),
          anchors: anchorsText(ctx.deployment.root, check),
          alert: ours(signals.alert),
          clientLog: ours(signals.verifierLog),
          serverLog: ours(signals.peerLog),
          leaf: certName(leaf.cert),
        },
        location,
        related: trustRelated(lt, check, location),
        fingerprint: [lt.link.client, lt.link.server, v.result.reason, leaf.cert.fingerprintSha256],
        outcome: 'fails',
      });
    }
  },
});
