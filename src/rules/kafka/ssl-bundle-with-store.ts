import { defineRule } from '../types';

/**
 * A Spring Boot app that gives a Kafka client's SSL settings both a bundle and a store: `spring.kafka.ssl.bundle` beside
 * `spring.kafka.ssl.key-store-location` (or `key-store-key`, `trust-store-location`, `trust-store-certificates`), or
 * the same within one client's `spring.kafka.<client>.ssl.*`. Spring Boot 3.2+ checks them as mutually exclusive when it
 * builds the client's properties (KafkaProperties.Ssl.validate, v3.2.0 and v3.4.0) and fails the start; before 3.2 the
 * bundle property does not exist and is ignored. The tree does not say the Boot version, so this is a warning.
 * Read from model/kafka-spring.ts springKafkaSslConflicts.
 */
export default defineRule({
  meta: {
    id: 'kafka/ssl-bundle-with-store',
    description:
      "Warn when a Spring Boot Kafka client's SSL settings name both a bundle and a key or trust store: Spring Boot 3.2+ refuses to start",
    severity: 'warning',
    messages: {
      both: "{{bundle}} and {{store}} are both set for {{app}}: Spring Boot 3.2 and later refuse them together and the app does not start (MutuallyExclusiveConfigurationPropertiesException: The configuration properties '…bundle, …' are mutually exclusive and '…' have been configured together); before 3.2 the bundle property does not exist and is ignored. Keep one: the bundle (and move the store into spring.ssl.bundle.*) or the store settings",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: ['MutuallyExclusiveConfigurationPropertiesException', 'are mutually exclusive and'],
  },
  check(ctx) {
    for (const app of ctx.deployment.components) {
      if (app.type !== 'java.app') continue;
      for (const { bundle, store } of app.attributes.kafkaSslConflicts ?? [])
        ctx.report({
          messageId: 'both',
          data: { app: app.name, bundle: bundle.setting, store: store.setting },
          location: store.at,
          related: [{ ...bundle.at, message: `${bundle.setting} names the SSL bundle here` }],
          fingerprint: [app.id, bundle.setting, store.setting],
        });
    }
  },
});
