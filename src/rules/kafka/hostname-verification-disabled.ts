import { defineRule, type RuleRelated } from '../types';
import type { UnlinkedEnd } from '../../model/types';
import type { Location } from '../../core/types';
import { said } from '../../core/phrase';
import { nameList } from '../_lib/names';

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
      brokersDisabled:
        "{{setting}} is set empty for each of {{end}}, which read it from this one place and connect to the other brokers (or the controllers) over their {{listener}} listener as TLS clients: their certificates are not checked to name the host connected to (Kafka's default since 2.0 is https), so a host holding any certificate the brokers' trust store accepts can stand in for a broker and read or change what is replicated. Remove the setting here (or set it to https) and give each broker a certificate whose subjectAltName names the host of its {{listener}} advertised listener",
      disabled:
        "{{setting}} is set empty for {{end}}: the broker's certificate is not checked to name the host connected to (Kafka's default since 2.0 is https), so anyone holding a certificate the trust store accepts can stand in for the brokers and read or change the messages. Remove the setting (or set it to https) and give each broker a certificate whose subjectAltName names the host clients connect to (its advertised listener's host)",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'], documents: ['kafka.', 'compose'] },
    symptoms: [],
  },
  check(ctx) {
    // Brokers that read the one setting (Compose services sharing one env_file) are one cause and one fix: one finding at
    // the setting naming each broker; the first keeps the fingerprint a lone one had. Clients are said one by one.
    const bySetting = new Map<string, { end: UnlinkedEnd; off: HostnameVerificationOff }[]>();
    for (const [index, end] of (ctx.deployment.unlinkedEnds ?? []).entries()) {
      const off = end.hostnameVerificationOff;
      if (!off) continue;
      const start = off.at.range?.start;
      const key = off.listener
        ? [off.at.file, start?.line, start?.character, off.setting, off.listener].join('\0')
        : String(index);
      bySetting.set(key, [...(bySetting.get(key) ?? []), { end, off }]);
    }
    for (const ends of bySetting.values()) {
      const [{ end: first, off }] = ends as [{ end: UnlinkedEnd; off: HostnameVerificationOff }];
      const listener = off.listener ?? '';
      const listenerNamed = ends
        .map((e) => e.off.tlsAt)
        .filter((at): at is Location => at !== undefined)
        .filter((at, i, all) => all.findIndex((o) => sameLine(o, at)) === i);
      ctx.report({
        messageId: ends.length > 1 ? 'brokersDisabled' : off.listener ? 'brokerDisabled' : 'disabled',
        data: { end: nameList(ends.map((e) => e.end.name)), setting: off.setting, listener },
        location: off.at,
        related:
          ends.length === 1
            ? relatedOf(first, off)
            : [
                // Where the listener is named, once per place; each broker by the env_file item that reads the setting.
                ...listenerNamed.map((at) => ({
                  ...at,
                  message: said`the brokers connect to each other over ${listener}: named here`,
                })),
                ...ends.flatMap(
                  (e): RuleRelated[] => e.off.via ?? [{ ...e.end.location, message: said`${e.end.name}` }],
                ),
              ],
        fingerprint: [first.name, off.setting],
      });
    }
  },
});

function sameLine(a: Location, b: Location): boolean {
  return a.file === b.file && a.range?.start.line === b.range?.start.line;
}

type HostnameVerificationOff = NonNullable<UnlinkedEnd['hostnameVerificationOff']>;

function relatedOf(end: UnlinkedEnd, off: HostnameVerificationOff): RuleRelated[] {
  const listener = off.listener;
  // The env_file item that brings the settings in, and the app they configure when they are set elsewhere.
  return [
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
  ];
}
