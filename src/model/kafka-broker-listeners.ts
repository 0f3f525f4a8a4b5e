/**
 * A Compose broker's listeners that have TLS settings of their own: Confluent's and Apache Kafka's images (and
 * wurstmeister's) write each `KAFKA_*` variable into the broker's properties, the name lower case with `_` as `.` and
 * `__` as `_` (kafka.properties.template envToProps: confluentinc/kafka-images@f8e3015), so
 * `KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE_LOCATION` is listener.name.internal.ssl.keystore.location, which that
 * listener reads before ssl.keystore.location (apache/kafka 3.8.0 ChannelBuilders.channelBuilderConfigs). The
 * unprefixed settings are the broker's own end (./kafka-brokers.ts, with the image's store conventions); here each TLS
 * listener is read from its own variables only, and a listener that sets none is left to that end.
 */
import type { ComposeData } from '../parse/compose';
import type { Entry, ParsedDocument } from '../parse/types';
import { kafkaViewEnds } from './kafka-clients';
import { mountedStoreFile, tlsListenerNames } from './kafka-protocols';
import type { TreeStores } from './store-files';
import type { JavaRuntime, TreeMount, UnlinkedEnd } from './types';

/** The variable that sets a listener's own Kafka setting: `KAFKA_LISTENER_NAME_<LISTENER>_<SETTING>`, `_` doubled. */
const listenerVariable = (listener: string, key: string) =>
  `KAFKA_LISTENER_NAME_${listener.replaceAll('_', '__')}_${key.toUpperCase().replaceAll('.', '_')}`;

/**
 * The ends of a broker's TLS listeners that name their own stores or protocols (see the header); `env`: its `KAFKA_*`
 * variables, each placed where it is written.
 */
export function brokerListenerEnds(
  doc: ParsedDocument<ComposeData>,
  env: ReadonlyMap<string, Entry>,
  input: { name: string; own: readonly TreeMount[]; stores: TreeStores; runtime?: JavaRuntime },
): UnlinkedEnd[] {
  if (![...env.keys()].some((name) => name.startsWith('KAFKA_LISTENER_NAME_'))) return [];
  const value = (name: string) => env.get(name)?.value;
  const listeners = tlsListenerNames(
    [value('KAFKA_ADVERTISED_LISTENERS') ?? '', value('KAFKA_LISTENERS') ?? ''].join(','),
    value('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP'),
  );
  const { name, own, stores, runtime } = input;
  return kafkaViewEnds({
    name,
    nameOf: (labels) => `${name} ${labels.length > 1 ? 'listeners' : 'listener'} ${labels.join(', ')}`,
    file: doc.file.path,
    role: 'listener',
    stores,
    ...(runtime ? { runtime } : {}),
    views: listeners.map((listener) => ({
      label: listener,
      setting: (key: string) => env.get(listenerVariable(listener, key)),
    })),
    // A container path that a bind mount of the service fills with a store of the tree; else unknown.
    storeFile: mountedStoreFile(own, stores),
  }).map((end) => (end.name === name ? { ...end, name: `${name} listener ${listeners.join(', ')}` } : end));
}
