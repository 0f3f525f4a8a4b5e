/**
 * Apache Kafka's own configuration files: a broker's `server.properties`, a client's `client-ssl.properties`,
 * `producer.properties`, `consumer.properties`, `client.config` (the `--command-config`, `--producer.config` files of Kafka's tools), a
 * Connect worker's `connect-distributed.properties`. Kafka loads them with java.util.Properties (Utils.loadProps), so
 * they are read as properties. A file is Kafka's by its keys, not its name: a `.properties` or `.config` file with one of Kafka's
 * own TLS or security settings at a line start, unprefixed or a listener's (`security.protocol`, `ssl.keystore.location`,
 * `listener.name.<listener>.ssl.truststore.location`, `ssl.endpoint.identification.algorithm`, `listeners=…SSL://`,
 * `listener.security.protocol.map=…:SSL`, a Connect worker's `producer.security.protocol`, MirrorMaker 2's `clusters`
 * with a cluster's `A.security.protocol`:
 * https://kafka.apache.org/documentation/#brokerconfigs, #producerconfigs). ZooKeeper's `ssl.keyStore.location` (its
 * own case) and Spring's `spring.kafka.*` are not Kafka's keys; Spring's application*.properties are classified before.
 */
import { lastPathSegment } from '../core/path-name';
import { parseProperties } from './properties';
import type { FormatHandler, ParsedDocument } from './types';

/** The kind of Kafka's own properties files. */
export const KAFKA_PROPERTIES_KIND = 'kafka.properties';

/** One of Kafka's own TLS or security settings, unprefixed or a listener's, at a line start. */
const KAFKA_SETTING =
  /^[ \t]*(?:(?:producer\.|consumer\.|admin\.)?security\.protocol|(?:listener\.name\.[a-z0-9_-]+\.|producer\.|consumer\.|admin\.)?ssl\.(?:keystore|truststore)\.(?:location|type|password)|ssl\.endpoint\.identification\.algorithm|listeners[ \t]*[=:][^\n]*SSL:\/\/|listener\.security\.protocol\.map[ \t]*[=:][^\n]*:[ \t]*(?:SASL_)?SSL\b)/m;

/**
 * The names Kafka's own files are given: `.properties`, and `.config` or `.conf` for a tool's `--command-config` or
 * `--producer.config` (Kafka's tools take any name: confluentinc/cp-demo@10846ae scripts/security/appSA.config,
 * client_without_interceptors_ssl.config; nbuesing/kafka-ssl-cluster@944813a cluster/jumphost/config/producer-config.conf).
 */
const KAFKA_FILE_NAME = /\.(?:properties|config|conf)$/i;
/** `.conf` is also nginx's, HAProxy's, a JAAS file's: those have blocks or `;`-ended directives, properties have neither. */
const BLOCK_SYNTAX = /[{};][ \t]*$/m;

/** MirrorMaker 2's `clusters` and a cluster's own security protocol or store (`primary.security.protocol`). */
const MIRROR_MAKER_CLUSTERS = /^[ \t]*clusters[ \t]*[=:]/m;
const MIRROR_MAKER_SETTING =
  /^[ \t]*[A-Za-z0-9_-]+\.(?:security\.protocol|ssl\.(?:keystore|truststore)\.location)[ \t]*[=:]/m;

export const kafkaPropertiesFormat: FormatHandler = {
  id: 'kafka-properties',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    if (!KAFKA_FILE_NAME.test(name)) return undefined;
    if (/\.conf$/i.test(name) && BLOCK_SYNTAX.test(head)) return undefined;
    return KAFKA_SETTING.test(head) || (MIRROR_MAKER_CLUSTERS.test(head) && MIRROR_MAKER_SETTING.test(head))
      ? KAFKA_PROPERTIES_KIND
      : undefined;
  },
  parse(file, kind): ParsedDocument {
    const { entries, comments, problems } = parseProperties(file.text);
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
