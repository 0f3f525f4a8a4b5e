import { defineRule } from '../types';
import { nameList } from '../_lib/names';
import type { KafkaUnreadEnvFile } from '../../model/types';

/**
 * A Compose service running a Kafka image (a broker, Kafka Connect, Schema Registry) whose `env_file:` the run does not
 * hold: the tree lacks it (a secrets file kept out of the repository), or a variable names it. Compose reads the env
 * files in order and `environment:` over them (https://docs.docker.com/reference/compose-file/services/#env_file), so
 * what `environment:` sets stands, and the rest is unknown: a trust store only client authentication names, a
 * listener's own `KAFKA_LISTENER_NAME_*` store. lint-deploy checks the service from what it knows and says so, rather
 * than staying silent. An optional env file (`required: false`, Compose 2.24.0+) is not said: Compose leaves it out when
 * it is missing, and so does the check. Read from model/kafka-protocols.ts kafkaServiceVariables.
 */
export default defineRule({
  meta: {
    id: 'kafka/env-file-unread',
    description:
      "Report a Kafka service's Compose env_file that the tree does not hold: the TLS settings it may set are unknown",
    severity: 'info',
    messages: {
      notInTree:
        '{{component}} reads env_file {{path}}, which the linted tree does not hold: the Kafka settings it may set (stores, listeners, client authentication) are unknown, so this service is checked from its environment: and the env files the tree holds only. Compose refuses to start the service while a required env file is missing. Lint the tree with the file, or mark it required: false if the service runs without it',
      notInTreeShared:
        '{{component}} read env_file {{path}} at this one place, and the linted tree does not hold it: the Kafka settings it may set (stores, listeners, client authentication) are unknown, so these services are checked from their environment: and the env files the tree holds only. Compose refuses to start a service while a required env file is missing. Lint the tree with the file, or mark it required: false if the services run without it',
      variablePathShared:
        '{{component}} read env_file {{path}} at this one place, a path a variable names: which file Compose reads is known only when it runs, so the Kafka settings it may set (stores, listeners, client authentication) are unknown and these services are checked from their environment: and the env files the tree holds only',
      variablePath:
        '{{component}} reads env_file {{path}}, a path a variable names: which file Compose reads is known only when it runs, so the Kafka settings it may set (stores, listeners, client authentication) are unknown and this service is checked from its environment: and the env files the tree holds only',
    },
    defaultOptions: {},
    appliesTo: { documents: ['compose'] },
    symptoms: [],
  },
  check(ctx) {
    // Services that take the one env_file item (a YAML anchor's, merged into each) miss one file: one finding naming
    // each; the first keeps the fingerprint a lone one had.
    const byItem = new Map<string, KafkaUnreadEnvFile[]>();
    for (const unread of ctx.deployment.kafkaUnreadEnvFiles ?? []) {
      const start = unread.at.range?.start;
      const key = [unread.at.file, start?.line, start?.character, unread.path].join('\0');
      byItem.set(key, [...(byItem.get(key) ?? []), unread]);
    }
    for (const [first, ...others] of byItem.values()) {
      if (!first) continue;
      const variable = first.path.includes('$');
      const components = [first, ...others].map((u) => u.component);
      ctx.report({
        messageId:
          others.length > 0
            ? variable
              ? 'variablePathShared'
              : 'notInTreeShared'
            : variable
              ? 'variablePath'
              : 'notInTree',
        data: {
          component: nameList(components),
          path: first.path,
        },
        location: first.at,
        fingerprint: [first.component, first.path],
      });
    }
  },
});
