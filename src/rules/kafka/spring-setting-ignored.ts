import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * A Kafka TLS setting a Spring Boot app writes where Spring Boot binds nothing: `spring.kafka.ssl.enabled.protocols`,
 * `spring.kafka.ssl.cipher-suites`, `spring.kafka.security.enabled-protocols`, a dotted
 * `spring.kafka.ssl.truststore.location`, `SPRING_KAFKA_SSL_ENABLED_PROTOCOLS`, or a property the project's release
 * does not have yet (`spring.kafka.security.protocol` before 2.3.0). KafkaProperties binds only its Ssl and Security
 * fields and ignores unknown keys, so the setting silently does nothing; the Kafka client reads the setting only from
 * `spring.kafka[.<client>].properties.<kafka name>` (or Spring Boot's own property). A warning where what the clients
 * run with instead differs from what is written (another value, Kafka's default, no store); an info where it is the
 * same, the clients speak no TLS, or what they run with is not settled. Read from model/kafka-spring-ignored.ts.
 */
export default defineRule({
  meta: {
    id: 'kafka/spring-setting-ignored',
    description:
      "Report a Kafka TLS setting under spring.kafka.ssl or spring.kafka.security that Spring Boot does not bind: it has no effect, the client runs with Kafka's default or the properties.* value",
    severity: 'warning',
    messages: {
      differs:
        '{{setting}} has no effect: Spring Boot binds no such property{{release}} and ignores it (KafkaProperties, ignoreUnknownFields), so the {{clients}} of {{app}} run with {{effective}}, not {{written}}. Use {{use}}',
      ignored:
        '{{setting}} has no effect: Spring Boot binds no such property{{release}} and ignores it (KafkaProperties, ignoreUnknownFields); {{outcome}}. Use {{use}} if it is meant',
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: ['spring.kafka.ssl.enabled.protocols', 'spring.kafka.ssl.enabled-protocols not working'],
  },
  check(ctx) {
    for (const app of ctx.deployment.components) {
      if (app.type !== 'java.app') continue;
      for (const ignored of app.attributes.kafkaIgnoredSettings ?? []) {
        const release = ignored.notYetIn
          ? said` in Spring Boot ${ignored.notYetIn.version} (${ignored.notYetIn.by}), which predates it`
          : ours('');
        const use = ignored.use.map((u) => said`${u}=${ignored.written ?? ours('…')}`);
        const clients = ours(ignored.clients.length === 4 ? 'Kafka clients' : `Kafka ${ignored.clients.join(', ')}`);
        const outcome =
          ignored.effect === 'same'
            ? said`the ${clients} run with ${ignored.effective ?? ours('that value')} anyway`
            : ignored.effect === 'no-tls'
              ? said`the ${clients} speak no TLS (their security.protocol is not SSL or SASL_SSL) and read no ssl.* setting today`
              : ours('what the clients run with instead is not settled by the tree');
        ctx.report({
          messageId: ignored.effect === 'differs' ? 'differs' : 'ignored',
          ...(ignored.effect === 'differs' ? {} : { severity: 'info' as const }),
          data: {
            setting: ignored.setting,
            release,
            app: app.name,
            clients,
            effective: ignored.effective ?? ours("Kafka's default"),
            written: ignored.written ?? ours('the value written'),
            use: use.reduce((a, b) => said`${a} or ${b}`),
            outcome,
          },
          location: ignored.at,
          related: [
            ...(ignored.effectiveAt
              ? [{ ...ignored.effectiveAt, message: said`what applies instead is set here` }]
              : []),
            ...(ignored.tlsAt ? [{ ...ignored.tlsAt, message: said`the clients speak TLS: security.protocol` }] : []),
            ...(ignored.defaultBy
              ? [
                  {
                    ...ignored.defaultBy.release.at,
                    message: said`${ignored.defaultBy.release.by} names Spring Boot ${ignored.defaultBy.release.version}${ignored.defaultBy.kafka ? said`, which manages kafka-clients ${ignored.defaultBy.kafka}` : ours('')}`,
                  },
                ]
              : []),
            ...(ignored.notYetIn
              ? [
                  {
                    ...ignored.notYetIn.at,
                    message: said`${ignored.notYetIn.by} names Spring Boot ${ignored.notYetIn.version}`,
                  },
                ]
              : []),
          ],
          fingerprint: [app.id, ignored.setting],
        });
      }
    }
  },
});
