"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONFLUENT_SECRETS = exports.CONFLUENT_BROKER_IMAGE = void 0;
exports.confluentCredentials = confluentCredentials;
exports.onHost = onHost;
/**
 * Store passwords that Confluent's broker images (and Apache Kafka's, whose configure script is Confluent's) read from
 * files: with `SSL://` among KAFKA_ADVERTISED_LISTENERS the configure script sets ssl.keystore.password to
 * `$(cat "/etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_CREDENTIALS")` and ssl.truststore.password likewise from
 * KAFKA_SSL_TRUSTSTORE_CREDENTIALS, for the stores /etc/kafka/secrets/$KAFKA_SSL_*_FILENAME
 * (https://github.com/confluentinc/kafka-images/blob/v7.6.0/kafka/include/etc/confluent/docker/configure, the same
 * at v7.3.0 and f8e3015 with `ub` for `dub`). The script writes it into kafka.properties as `ssl.keystore.password=…`
 * (kafka.properties.template: `{{name}}={{value}}`), which Kafka reads with java.util.Properties: the value ends at the
 * first line terminator (\n, \r or \r\n) and its leading blanks are dropped, so a credentials file written on Windows
 * (joelbrinkley/NetStreams@7e618f51c3e7's secrets/*_creds end in CR LF) still gives its first line, and a backslash is
 * an escape (`pa\\ss` is `pa\ss`, `pa\ss` is `pass`). A credentials file is read only when a bind mount of the service
 * puts a file of the deployment at that path; its text stays in local variables of the unlocking (never in a document,
 * a message or the cache).
 */
const path = __importStar(require("node:path"));
const compose_volumes_1 = require("../compose-volumes");
const properties_1 = require("../properties");
/**
 * Confluent's and Apache Kafka's broker images, from any registry or namespace: confluentinc/cp-demo@10846ae runs
 * `${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}` (REPOSITORY=confluentinc in its .env), as its Connect image is
 * matched (../../model/kafka-connect.ts). `cp-server-connect` and `cp-kafka-connect` are not brokers: the name ends there.
 */
exports.CONFLUENT_BROKER_IMAGE = /(^|\/)(cp-(kafka|server|enterprise-kafka)|apache\/kafka(-native)?)(:|@|$)/;
/** Where the configure script reads the `*_FILENAME` stores and `*_CREDENTIALS` files. */
exports.CONFLUENT_SECRETS = '/etc/kafka/secrets';
const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const isCompose = (d) => d.kind === 'compose';
/**
 * The passwords the credentials files of the deployment's Confluent brokers give their stores. `readTreeFile` reads a
 * file of the deployment (undefined for any other path).
 */
function confluentCredentials(documents, readTreeFile) {
    const found = [];
    for (const doc of documents.filter(isCompose))
        for (const service of doc.data.services) {
            if (!service.image || !exports.CONFLUENT_BROKER_IMAGE.test(service.image))
                continue;
            const value = (name) => {
                // Compose keeps the last value a name is given (compose-go: a later item overrides), as the model does.
                const v = service.environment
                    .filter((e) => e.name === name)
                    .at(-1)
                    ?.value?.trim();
                return v && !v.includes('$') ? v : undefined;
            };
            if (!(value('KAFKA_ADVERTISED_LISTENERS') ?? '').includes('SSL://'))
                continue;
            const hostPath = (file) => onHost(doc.file.path, service, doc.data.mounts, path.posix.normalize(`${exports.CONFLUENT_SECRETS}/${file}`));
            for (const kind of ['KEYSTORE', 'TRUSTSTORE']) {
                const store = value(`KAFKA_SSL_${kind}_FILENAME`);
                const credentials = value(`KAFKA_SSL_${kind}_CREDENTIALS`);
                if (!store || !credentials)
                    continue;
                const storeFile = hostPath(store);
                const credentialsFile = hostPath(credentials);
                if (!storeFile || !credentialsFile)
                    continue;
                const text = readTreeFile(credentialsFile);
                if (text === undefined)
                    continue;
                found.push({
                    store: storeFile,
                    password: passwordOf(text),
                    // The file that holds the password decides (its path only is ever shown).
                    at: { file: credentialsFile, range: FIRST_LINE },
                });
            }
        }
    return found;
}
/**
 * The password Kafka ends up with: the value of `ssl.keystore.password=<the file's text>` read as java.util.Properties
 * (see above): its first logical line, leading blanks dropped, escapes undone (`\\` is `\`, `\t` a tab, a `\` before
 * any other character is dropped, a line ending in `\` goes on in the next one).
 */
function passwordOf(text) {
    return (0, properties_1.parseProperties)(`ssl.keystore.password=${text}`).entries[0]?.value ?? '';
}
/** The host file a bind mount of the service puts at a container path (../compose-volumes.ts mountHolding). */
function onHost(composeFile, service, mounts, containerPath) {
    const own = mounts.filter((m) => m.service === service.name && /^(\.{1,2}(\/|$)|\/)/.test(m.source));
    const holding = (0, compose_volumes_1.mountHolding)(own, (m) => m.target, containerPath);
    return holding && path.join(path.resolve(path.dirname(composeFile), holding.mount.source), ...holding.below);
}
