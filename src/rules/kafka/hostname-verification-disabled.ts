import { defineRule } from '../types';

/**
 * A Kafka client that turns host name verification off: `ssl.endpoint.identification.algorithm` set empty. Since Kafka
 * 2.0 clients check that the broker's certificate names the host they connect to (default `https`: apache/kafka 3.7.0
 * SslConfigs.DEFAULT_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM; docs/security.html "Host Name Verification": "Server host
 * name verification may be disabled by setting ssl.endpoint.identification.algorithm to an empty string").
 * DefaultSslEngineFactory passes the value to SSLParameters.setEndpointIdentificationAlgorithm, and JSSE checks no
 * host name for an empty one. Read on Spring Boot apps' Kafka clients (model/kafka-spring.ts), on the clients Kafka's
 * own properties files configure (model/kafka-properties.ts: a Connect worker's and MirrorMaker's each) and on a Compose
 * Connect worker's (model/kafka-connect.ts), only where they use TLS.
 */
export default defineRule({
  meta: {
    id: 'kafka/hostname-verification-disabled',
    description:
      "Warn when a Kafka client sets ssl.endpoint.identification.algorithm empty: it does not check that the broker's certificate names the host it connects to",
    severity: 'warning',
    messages: {
      disabled:
        "{{setting}} is set empty for {{end}}: the broker's certificate is not checked to name the host connected to (Kafka's default since 2.0 is https), so anyone holding a certificate the trust store accepts can stand in for the brokers and read or change the messages. Remove the setting (or set it to https) and give each broker a certificate whose subjectAltName names the host clients connect to (its advertised listener's host)",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'], documents: ['kafka.', 'compose'] },
    symptoms: [],
  },
  check(ctx) {
    for (const end of ctx.deployment.unlinkedEnds ?? []) {
      const off = end.hostnameVerificationOff;
      if (!off) continue;
      ctx.report({
        messageId: 'disabled',
        data: { end: end.name, setting: off.setting },
        location: off.at,
        related: off.tlsAt
          ? [{ ...off.tlsAt, message: `${end.name} uses TLS: its security.protocol is set here` }]
          : [],
        fingerprint: [end.name, off.setting],
      });
    }
  },
});
