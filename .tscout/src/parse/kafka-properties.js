"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kafkaPropertiesFormat = exports.LIBRDKAFKA_PROPERTIES_KIND = exports.KAFKA_PROPERTIES_KIND = void 0;
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
const path_name_1 = require("../core/path-name");
const properties_1 = require("./properties");
/** The kind of Kafka's own properties files. */
exports.KAFKA_PROPERTIES_KIND = 'kafka.properties';
/**
 * The kind of a librdkafka client's file (`kcat -F`, the configuration of a C, Python, Go or .NET client built on
 * librdkafka): the same `key=value` lines and many of the same names, but librdkafka's own TLS keys, OpenSSL under them
 * and no JSSE (https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md). The Java Kafka model does
 * not read it.
 */
exports.LIBRDKAFKA_PROPERTIES_KIND = 'kafka.librdkafka';
/** One of Kafka's own TLS or security settings, unprefixed or a listener's, at a line start. */
const KAFKA_SETTING = /^[ \t]*(?:(?:producer\.|consumer\.|admin\.)?security\.protocol|(?:listener\.name\.[a-z0-9_-]+\.|producer\.|consumer\.|admin\.)?ssl\.(?:keystore|truststore)\.(?:location|type|password)|ssl\.endpoint\.identification\.algorithm|listeners[ \t]*[=:][^\n]*SSL:\/\/|listener\.security\.protocol\.map[ \t]*[=:][^\n]*:[ \t]*(?:SASL_)?SSL\b)/m;
/**
 * librdkafka's own TLS keys, which Java Kafka does not have: PEM files and strings (`ssl.ca.location`,
 * `ssl.certificate.location`, `ssl.key.location`, `ssl.*.pem`, `ssl.crl.location`), the Windows store list and the
 * switch of certificate verification (ermineaweb/kafka-tls1.3@d81137c kcat/ssl.conf).
 */
const LIBRDKAFKA_SETTING = /^[ \t]*(?:ssl\.(?:ca|certificate|key|crl)\.(?:location|pem)|ssl\.ca\.certificate\.stores|enable\.ssl\.certificate\.verification)[ \t]*=/m;
/**
 * Keys only Java Kafka has (JSSE stores, JAAS, Java class names): a file with them is a Java client's even when it
 * also carries a librdkafka key, which Java Kafka ignores (a Kafka Streams file seen with
 * `enable.ssl.certificate.verification=false` next to `ssl.truststore.location`, "so that Kafka does not validate the
 * certificate": it does validate it).
 */
const JAVA_KAFKA_SETTING = /^[ \t]*(?:ssl\.truststore\.[a-z.]+|ssl\.keystore\.(?:type|password)|sasl\.jaas\.config|[a-z.]*(?:serializer|deserializer|serde)[ \t]*=[ \t]*(?:org|io|com)\.)/m;
/** A client's broker list, under Java Kafka's name or librdkafka's older one. */
const BROKER_LIST = /^[ \t]*(?:bootstrap\.servers|metadata\.broker\.list)[ \t]*=/m;
/**
 * The names Kafka's own files are given: `.properties`, and `.config` or `.conf` for a tool's `--command-config` or
 * `--producer.config` (Kafka's tools take any name: confluentinc/cp-demo@10846ae scripts/security/appSA.config,
 * client_without_interceptors_ssl.config; nbuesing/kafka-ssl-cluster@944813a cluster/jumphost/config/producer-config.conf).
 */
const KAFKA_FILE_NAME = /\.(?:properties|config|conf)$/i;
/** `.conf` is also nginx's, HAProxy's, a JAAS file's: those have blocks or `;`-ended directives, properties have neither. */
const BLOCK_SYNTAX = /[{};][ \t]*$/m;
/**
 * HOCON under any name: a `name {` line and a line of only `}` (confluentinc/examples@4f840b6
 * clients/docs/includes/configs/cloud/hocon.config nests a client's keys in `kafka { properties { … } }`).
 */
const HOCON_BLOCK = /^[ \t]*[\w.-]+[ \t]*\{[ \t]*$/m;
const CLOSING_BRACE_LINE = /^[ \t]*\}[ \t]*$/m;
/** MirrorMaker 2's `clusters` and a cluster's own security protocol or store (`primary.security.protocol`). */
const MIRROR_MAKER_CLUSTERS = /^[ \t]*clusters[ \t]*[=:]/m;
const MIRROR_MAKER_SETTING = /^[ \t]*[A-Za-z0-9_-]+\.(?:security\.protocol|ssl\.(?:keystore|truststore)\.location)[ \t]*[=:]/m;
exports.kafkaPropertiesFormat = {
    id: 'kafka-properties',
    classify(filePath, head) {
        const name = (0, path_name_1.lastPathSegment)(filePath);
        if (!KAFKA_FILE_NAME.test(name))
            return undefined;
        if (/\.conf$/i.test(name) && BLOCK_SYNTAX.test(head))
            return undefined;
        if (HOCON_BLOCK.test(head) && CLOSING_BRACE_LINE.test(head))
            return undefined;
        const kafka = KAFKA_SETTING.test(head) || (MIRROR_MAKER_CLUSTERS.test(head) && MIRROR_MAKER_SETTING.test(head));
        if ((kafka || BROKER_LIST.test(head)) && LIBRDKAFKA_SETTING.test(head) && !JAVA_KAFKA_SETTING.test(head))
            return exports.LIBRDKAFKA_PROPERTIES_KIND;
        return kafka ? exports.KAFKA_PROPERTIES_KIND : undefined;
    },
    parse(file, kind) {
        // Kafka loads the file with java.util.Properties; librdkafka's reader is no Java one.
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text, {
            commentsInValues: kind === exports.KAFKA_PROPERTIES_KIND,
        });
        return { file, kind, entries, comments, problems, data: undefined };
    },
};
