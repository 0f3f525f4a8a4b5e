"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.brokerListenerEnds = brokerListenerEnds;
const kafka_clients_1 = require("./kafka-clients");
const kafka_protocols_1 = require("./kafka-protocols");
/** The variable that sets a listener's own Kafka setting: `KAFKA_LISTENER_NAME_<LISTENER>_<SETTING>`, `_` doubled. */
const listenerVariable = (listener, key) => `KAFKA_LISTENER_NAME_${listener.replaceAll('_', '__')}_${key.toUpperCase().replaceAll('.', '_')}`;
/** The ends of a broker's TLS listeners that name their own stores or protocols (see the header). */
function brokerListenerEnds(doc, service, input) {
    const env = (0, kafka_protocols_1.serviceVariables)(service, 'KAFKA_');
    if (![...env.keys()].some((name) => name.startsWith('KAFKA_LISTENER_NAME_')))
        return [];
    const value = (name) => env.get(name)?.value;
    const listeners = (0, kafka_protocols_1.tlsListenerNames)([value('KAFKA_ADVERTISED_LISTENERS') ?? '', value('KAFKA_LISTENERS') ?? ''].join(','), value('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP'));
    const { name, own, stores, runtime } = input;
    return (0, kafka_clients_1.kafkaViewEnds)({
        name,
        nameOf: (labels) => `${name} ${labels.length > 1 ? 'listeners' : 'listener'} ${labels.join(', ')}`,
        file: doc.file.path,
        role: 'listener',
        stores,
        ...(runtime ? { runtime } : {}),
        views: listeners.map((listener) => ({
            label: listener,
            setting: (key) => env.get(listenerVariable(listener, key)),
        })),
        // A container path that a bind mount of the service fills with a store of the tree; else unknown.
        storeFile: (written) => {
            const found = written.startsWith('/') ? (0, kafka_protocols_1.mountedTreeFile)(own, written) : undefined;
            return found && stores.typeOf(found.file) !== undefined ? { file: found.file } : undefined;
        },
    }).map((end) => (end.name === name ? { ...end, name: `${name} listener ${listeners.join(', ')}` } : end));
}
