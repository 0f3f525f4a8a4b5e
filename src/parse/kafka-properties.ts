/**
 * Apache Kafka's own configuration files: a broker's `server.properties`, a client's `client-ssl.properties`,
 * `producer.properties`, `consumer.properties` (the `--command-config`, `--producer.config` files of Kafka's tools), a
 * Connect worker's `connect-distributed.properties`. Kafka loads them with java.util.Properties (Utils.loadProps), so
 * they are read as properties. A file is Kafka's by its keys, not its name: a `.properties` file with one of Kafka's
 * own TLS or security settings at a line start, unprefixed or a listener's (`security.protocol`, `ssl.keystore.location`,
 * `listener.name.<listener>.ssl.truststore.location`, `ssl.endpoint.identification.algorithm`, `listeners=…SSL://`,
 * `listener.security.protocol.map=…:SSL`:
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
  /^[ \t]*(?:security\.protocol|(?:listener\.name\.[a-z0-9_-]+\.)?ssl\.(?:keystore|truststore)\.(?:location|type|password)|ssl\.endpoint\.identification\.algorithm|listeners[ \t]*[=:][^\n]*SSL:\/\/|listener\.security\.protocol\.map[ \t]*[=:][^\n]*:[ \t]*(?:SASL_)?SSL\b)/m;

export const kafkaPropertiesFormat: FormatHandler = {
  id: 'kafka-properties',
  classify(filePath, head) {
    return /\.properties$/i.test(lastPathSegment(filePath)) && KAFKA_SETTING.test(head)
      ? KAFKA_PROPERTIES_KIND
      : undefined;
  },
  parse(file, kind): ParsedDocument {
    const { entries, comments, problems } = parseProperties(file.text);
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
