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
import * as path from 'node:path';
import type { Location } from '../../core/types';
import type { ComposeData, ComposeService } from '../compose';
import { mountHolding, type ComposeMount } from '../compose-volumes';
import { parseProperties } from '../properties';
import { serviceVariables } from '../compose-service-variables';
import type { ParsedDocument } from '../types';

/**
 * Confluent's and Apache Kafka's broker images, from any registry or namespace: confluentinc/cp-demo@10846ae runs
 * `${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}` (REPOSITORY=confluentinc in its .env), as its Connect image is
 * matched (../../model/kafka-connect.ts). `cp-server-connect` and `cp-kafka-connect` are not brokers: the name ends there.
 */
export const CONFLUENT_BROKER_IMAGE = /(^|\/)(cp-(kafka|server|enterprise-kafka)|apache\/kafka(-native)?)(:|@|$)/;
/** Where the configure script reads the `*_FILENAME` stores and `*_CREDENTIALS` files. */
export const CONFLUENT_SECRETS = '/etc/kafka/secrets';

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A password a credentials file gives a store of the deployment, and that file. */
export interface FileCredential {
  store: string;
  password: string;
  at: Location;
}

const isCompose = (d: ParsedDocument): d is ParsedDocument<ComposeData> => d.kind === 'compose';

/**
 * The passwords the credentials files of the deployment's Confluent brokers give their stores. `readTreeFile` reads a
 * file of the deployment (undefined for any other path).
 */
export function confluentCredentials(
  documents: readonly ParsedDocument[],
  readTreeFile: (file: string) => string | undefined,
): FileCredential[] {
  const found: FileCredential[] = [];
  for (const doc of documents.filter(isCompose))
    for (const service of doc.data.services) {
      if (!service.image || !CONFLUENT_BROKER_IMAGE.test(service.image)) continue;
      // Its env files' variables, then its `environment:` (the last value a name is given wins), as the model reads them.
      const { variables } = serviceVariables(documents, doc, service);
      const value = (name: string) => {
        const v = variables.get(name)?.value?.trim();
        return v && !v.includes('$') ? v : undefined;
      };
      if (!(value('KAFKA_ADVERTISED_LISTENERS') ?? '').includes('SSL://')) continue;
      const hostPath = (file: string) =>
        onHost(doc.file.path, service, doc.data.mounts, path.posix.normalize(`${CONFLUENT_SECRETS}/${file}`));
      for (const kind of ['KEYSTORE', 'TRUSTSTORE']) {
        const store = value(`KAFKA_SSL_${kind}_FILENAME`);
        const credentials = value(`KAFKA_SSL_${kind}_CREDENTIALS`);
        if (!store || !credentials) continue;
        const storeFile = hostPath(store);
        const credentialsFile = hostPath(credentials);
        if (!storeFile || !credentialsFile) continue;
        const text = readTreeFile(credentialsFile);
        if (text === undefined) continue;
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
function passwordOf(text: string): string {
  return parseProperties(`ssl.keystore.password=${text}`).entries[0]?.value ?? '';
}

/** The host file a bind mount of the service puts at a container path (../compose-volumes.ts mountHolding). */
export function onHost(
  composeFile: string,
  service: ComposeService,
  mounts: readonly ComposeMount[],
  containerPath: string,
): string | undefined {
  const own = mounts.filter((m) => m.service === service.name && /^(\.{1,2}(\/|$)|\/)/.test(m.source));
  const holding = mountHolding(own, (m) => m.target, containerPath);
  return holding && path.join(path.resolve(path.dirname(composeFile), holding.mount.source), ...holding.below);
}
