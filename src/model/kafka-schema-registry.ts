/**
 * Confluent Schema Registry run by Confluent's image (`confluentinc/cp-schema-registry`, from any registry): its template
 * writes every `SCHEMA_REGISTRY_*` variable into schema-registry.properties, the name lower case with `_` as `.`
 * (confluentinc/schema-registry-images@f56e9d7, v7.6.0, schema-registry.properties.template
 * `env_to_props('SCHEMA_REGISTRY_', '')`; the same `envToProps` at 8a5f36f). It has two TLS ends
 * (https://docs.confluent.io/platform/7.3/schema-registry/installation/config.html): the Kafka client of its store
 * (the `_schemas` topic), which reads `kafkastore.security.protocol` and `kafkastore.ssl.*`, and its REST API, served
 * over HTTPS when `listeners` holds an `https://` URL, from the unprefixed `ssl.keystore.location` and the rest.
 */
import type { ModelContributor } from './contributor';
import { addPlatformServiceEnds, listensOverHttps, type PlatformImage } from './kafka-platform-services';

const SCHEMA_REGISTRY: PlatformImage = {
  image: /(^|\/)cp-schema-registry(:|@|$)/,
  what: 'Schema Registry',
  prefix: 'SCHEMA_REGISTRY_',
  variable: (key) => `SCHEMA_REGISTRY_${key.toUpperCase().replaceAll('.', '_')}`,
  views({ name, setting }) {
    const https = listensOverHttps(setting('listeners'));
    return [
      {
        name: `${name} Kafka store client`,
        nameOf: () => `${name} Kafka store client`,
        views: [{ label: 'Kafka store client', setting: (key) => setting(`kafkastore.${key}`) }],
        role: 'client',
      },
      ...(https
        ? [
            {
              name: `${name} REST listener`,
              nameOf: () => `${name} REST listener`,
              views: [{ label: 'REST listener', setting }],
              role: 'listener' as const,
            },
          ]
        : []),
    ];
  },
};

export const kafkaSchemaRegistryContributor: ModelContributor = {
  id: 'kafka-schema-registry',
  reads: ['compose'],
  contribute: (ctx) => addPlatformServiceEnds(ctx, SCHEMA_REGISTRY),
};
