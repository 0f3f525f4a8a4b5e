import { defineRule } from '../types';
import { said } from '../../core/phrase';

/**
 * A Kafka client that turns host name verification off: `ssl.endpoint.identification.algorithm` set empty. Since Kafka
 * 2.0 clients check that the broker's certificate names the host they connect to (default `https`: apache/kafka 3.7.0
 * SslConfigs.DEFAULT_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM; docs/security.html "Host Name Verification": "Server host
 * name verification may be disabled by setting ssl.endpoint.identification.algorithm to an empty string").
 * DefaultSslEngineFactory passes the value to SSLParameters.setEndpointIdentificationAlgorithm, and JSSE checks no
 * host name for an empty one. Read on Spring Boot apps' Kafka clients (model/kafka-spring.ts), on the clients Kafka's
 * own properties files configure (model/kafka-properties.ts: a Connect worker's and MirrorMaker's each) and on a Compose
 * Connect worker's (model/kafka-connect.ts), only where they use TLS. A broker's server.properties is judged for the
 * connections the broker makes itself: over its inter-broker listener and its controller listeners, when they are TLS
 * (each reads `listener.name.<listener>.ssl.endpoint.identification.algorithm` before the unprefixed setting).
 */
export default defineRule({
  meta: {
    id: 'kafka/hostname-verification-disabled',
    description:
      "Warn when a Kafka client sets ssl.endpoint.identification.algorithm empty: it does not check that the broker's certificate names the host it connects to",
    severity: 'warning',
    messages: {
      brokerDisabled:
        "{{setting}} is set empty for {{end}}, which connects to the other brokers (or the controllers) over its {{listener}} listener as a TLS client: their certificates are not checked to name the host connected to (Kafka's default since 2.0 is https), so a host holding any certificate the broker's trust store accepts can stand in for a broker and read or change what is replicated. Remove the setting (or set it to https) and give each broker a certificate whose subjectAltName names the host of its {{listener}} advertised listener",
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
      const listener = off.listener;
      ctx.report({
        messageId: listener ? 'brokerDisabled' : 'disabled',
        data: { end: end.name, setting: off.setting, listener: listener ?? '' },
        location: off.at,
        // The env_file item that brings the settings in, and the app they configure when they are set elsewhere.
        related: [
          ...(off.tlsAt
            ? [
                {
                  ...off.tlsAt,
                  message: listener
                    ? said`${end.name} connects to other brokers or controllers over its TLS listener ${listener}: named here`
                    : said`${end.name} uses TLS: its security.protocol is set here`,
                },
              ]
            : []),
          ...(off.via ?? []),
          ...(off.at.file !== end.location.file
            ? [{ ...end.location, message: said`${end.name}: the app whose settings these are` }]
            : []),
        ],
        fingerprint: [end.name, off.setting],
      });
    }
  },
});
