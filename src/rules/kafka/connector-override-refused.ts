import { defineRule } from '../types';

/**
 * A connector configuration that overrides a TLS setting of its clients (`consumer.override.ssl.truststore.location`,
 * KIP-458) where the Connect worker's `connector.client.config.override.policy` refuses it: `None`, the default before
 * Kafka 3.0.0, refuses every override, `Principal` every ssl.* one. Connect then rejects the connector when it is
 * created or updated (HTTP 400), so it never runs. Where the tree does not say the policy (no setting, no release
 * whose default applies), whether Connect accepts it is unknown: an info naming what to declare. Read from
 * model/kafka-connector-overrides.ts.
 */
export default defineRule({
  meta: {
    id: 'kafka/connector-override-refused',
    description:
      "Report a Kafka Connect connector's override of a client TLS setting that the worker's connector.client.config.override.policy refuses",
    severity: 'error',
    messages: {
      refused:
        "{{connector}} overrides {{clientKey}} of its clients ({{key}}), but the Connect worker's connector.client.config.override.policy is {{policy}}, which refuses it: Connect rejects the connector ('Connector configuration is invalid and contains the following 1 error(s): The '{{policy}}' policy does not allow '{{clientKey}}' to be overridden in the connector configuration.'), so it is never created. Set connector.client.config.override.policy=All on every worker (or Principal for SASL settings only), or move the setting to the worker's own {{prefix}}.* settings",
      unknown:
        "{{connector}} overrides {{clientKey}} of its clients ({{key}}); whether the Connect worker lets it through is unknown: {{why}}. Set connector.client.config.override.policy on the worker (All lets a connector override its clients' settings)",
    },
    defaultOptions: {},
    appliesTo: { documents: ['kafka.connector-config'] },
    symptoms: [
      'policy does not allow',
      'to be overridden in the connector configuration',
      'Connector configuration is invalid',
    ],
  },
  check(ctx) {
    for (const o of ctx.deployment.kafkaConnectorOverrides ?? []) {
      if (o.verdict === 'allowed') continue;
      ctx.report({
        messageId: o.verdict,
        data: {
          connector: o.connector,
          key: o.key,
          clientKey: o.clientKey,
          prefix: o.key.split('.')[0] ?? '',
          policy: o.policy ?? '',
          why: o.why ?? '',
        },
        location: o.at,
        related: o.because,
        fingerprint: [o.connector, o.key],
        ...(o.verdict === 'unknown' ? { severity: 'info' as const } : {}),
      });
    }
  },
});
