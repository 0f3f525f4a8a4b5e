import type { LinkPrediction } from '../../handshake/links';
import { placeOf } from '../../handshake/links';
import { trustSignals } from '../../derive/trust-signals';
import { anchorsText, certName, chainText, linkProtocol, pathFailureText, trustRelated } from '../_lib/trust';
import { defineRule } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';
import type { LinkTrust } from '../../derive/trust';

/** Path failures of a client certificate this rule reports (key usage and dates have their own rules). */
const REASONS = new Set([
  'no-anchor',
  'missing-intermediate',
  'anchor-not-self-signed',
  'depth',
  'not-ca',
  'path-length',
  'revocation',
]);

/**
 * Where a client of this kind names the key store it sends a certificate from, said as the client's own settings: a
 * Spring Boot app's RabbitMQ connection (the only client the model links to a RabbitMQ broker, src/model/rabbitmq-listener.ts)
 * reads spring.rabbitmq.ssl.key-store, -password and -type, or an SSL bundle (Boot 3.2+), and never the JVM's
 * javax.net.ssl.keyStore (RabbitProperties.Ssl, src/model/spring-rabbit-end.ts); another Java client's default
 * SSLContext reads the JVM's system properties; any other client (OpenSSL, Erlang, GSKit, native) its own TLS settings.
 */
function keyStoreAdvice(lt: LinkTrust): Phrase {
  if (lt.server.type === 'rabbitmq.listener')
    return ours(
      'spring.rabbitmq.ssl.key-store=… with spring.rabbitmq.ssl.key-store-password (and key-store-type when the store is not PKCS12), or an SSL bundle named by spring.rabbitmq.ssl.bundle',
    );
  const implementation = lt.client.tls?.implementation;
  return implementation === 'jsse' || implementation === 'ibmjsse2'
    ? ours('-Djavax.net.ssl.keyStore=… / its SSL configuration')
    : ours('its own TLS settings: the certificate and key it presents');
}

/** The predictor's "client certificate required, none configured": this rule reports it with both ends. */
function ownsLinkFailure(lp: LinkPrediction): boolean {
  return !lp.prediction.ok && lp.prediction.reason === 'client-cert-required';
}

export default defineRule({
  meta: {
    id: 'tls/client-certificate-required',
    description:
      'Catch links whose server asks for a client certificate the client does not send, or sends one the server does not trust',
    severity: 'error',
    messages: {
      none: '{{server}} requires a client certificate ({{setting}}) and {{client}} has none (no key store or certificate configured). {{server}} refuses the connection: it logs "{{serverLog}}"{{alertText}}; {{client}} sees "{{clientLog}}". Fix: give {{client}} a key store with a certificate from a CA {{server}} trusts ({{how}}), or, if the application builds its own SSLContext, declare the link\'s key store',
      noMatch:
        '{{server}} requires a client certificate ({{setting}}) and asks for one issued by {{listed}}; {{client}}\'s key store {{store}} holds only {{candidates}}, issued by {{issuers}}: JSSE\'s key manager sends no certificate when no issuer matches. {{server}} logs "{{serverLog}}"{{alertText}}; {{client}} sees "{{clientLog}}". Fix: import the CA of {{client}}\'s certificate into {{server}}\'s trust store, or give {{client}} a certificate from a CA {{server}} lists',
      revocation:
        '{{server}} asks for a client certificate ({{setting}}) and rejects the one {{client}} sends ({{chain}}): {{why}}. {{server}} trusts {{anchors}}. {{server}} logs "{{serverLog}}"{{alertText}}; {{client}} sees "{{clientLog}}". Fix: give {{server}} a crlPath holding the CRL of the CA that issued {{leaf}}, enable OCSP or CRL distribution points where that CA publishes them, or turn the revocation check off (validatePeers: false)',
      untrusted:
        '{{server}} asks for a client certificate ({{setting}}) and does not trust the one {{client}} sends ({{chain}}): {{why}}. {{server}} trusts {{anchors}}. {{server}} logs "{{serverLog}}"{{alertText}}; {{client}} sees "{{clientLog}}". Fix: import the CA that issued {{leaf}} into {{server}}\'s trust store, or send the full chain from {{client}}\'s key store',
    },
    options: {},
    symptoms: [
      'Empty client certificate chain',
      'Received fatal alert: bad_certificate',
      'Received fatal alert: certificate_unknown',
      'Could not determine revocation status',
      'No required SSL certificate was sent',
      'client sent no required SSL certificate',
      'The SSL certificate error',
      'client SSL certificate verify error',
      'peer did not return a certificate',
      'AMQ9637',
      'AMQ9642',
    ],
    ownsLinkFailure,
  },
  check(ctx) {
    for (const lt of ctx.deployment.derived.trust) {
      const check = lt.clientCertificate;
      if (!check) continue;
      const v = check.verdict;
      const authFrom = lt.server.tls?.clientAuth?.from;
      const location = placeOf(lt.server, authFrom);
      const setting =
        authFrom?.kind === 'default'
          ? ours(`${lt.clientAuth} by default: ${authFrom.origin}`)
          : ours(`client authentication ${lt.clientAuth}`);
      const protocol = linkProtocol(lt);
      const common = (kind: Parameters<typeof trustSignals>[1]) => {
        const s = trustSignals(check, kind, protocol);
        return {
          server: lt.server.name,
          client: lt.client.name,
          setting,
          serverLog: ours(s.verifierLog),
          clientLog: ours(s.peerLog),
          alertText: ours(
            s.alert === 'none' ? ' (the handshake completes, the request is refused)' : ` and sends ${s.alert}`,
          ),
        };
      };
      if (v.kind === 'no-certificate' && lt.clientAuth === 'required') {
        if (v.why === 'none-configured') {
          ctx.report({
            messageId: 'none',
            data: { ...common('no-certificate'), how: keyStoreAdvice(lt) },
            location,
            related: trustRelated(lt, check, location),
            fingerprint: [lt.link.client, lt.link.server, 'none'],
            outcome: 'fails',
          });
        } else {
          const listed = [...new Set(check.anchors.map((a) => certName(a.cert)))].join(', ');
          ctx.report({
            messageId: 'noMatch',
            data: {
              ...common('no-certificate'),
              listed: listed || ours('no CA'),
              store: check.presentedStore ?? ours('its key store'),
              candidates: v.candidates.map((c) => certName(c.cert)).join(', '),
              issuers: [...new Set(v.candidates.map((c) => c.cert.issuerText))].join('; '),
            },
            location,
            related: [
              ...trustRelated(lt, check, location),
              ...v.candidates.map((c) => ({
                file: c.doc.file.path,
                range: c.cert.range,
                message: said`${lt.client.name}'s certificate ${certName(c.cert)}`,
              })),
            ],
            fingerprint: [lt.link.client, lt.link.server, 'no-issuer-match'],
            outcome: 'fails',
          });
        }
      } else if (v.kind === 'untrusted' && REASONS.has(v.result.reason)) {
        const [leaf] = check.presented; // an untrusted verdict judged a presented chain
        if (!leaf) continue;
        const revocation = v.result.reason === 'revocation' ? lt.server.tls?.trust?.revocationWithoutSource : undefined;
        ctx.report({
          messageId: revocation ? 'revocation' : 'untrusted',
          data: {
            ...common(v.result.reason),
            chain: chainText(check),
            why: pathFailureText(v.result),
            anchors: anchorsText(ctx.deployment.root, check),
            leaf: certName(leaf.cert),
          },
          location,
          related: [
            ...trustRelated(lt, check, location),
            ...(revocation ? [{ ...revocation.at, message: said`${lt.server.name} checks revocation here` }] : []),
          ],
          fingerprint: [lt.link.client, lt.link.server, v.result.reason, leaf.cert.fingerprintSha256],
          outcome: 'fails',
        });
      }
    }
  },
});
