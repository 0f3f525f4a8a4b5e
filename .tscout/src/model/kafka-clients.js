"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kafkaViewEnds = kafkaViewEnds;
const java_shared_1 = require("./java-shared");
const kafka_protocols_1 = require("./kafka-protocols");
/** The ends of the views that speak TLS and name a store, set their protocols or (clients) turn host name checks off. */
function kafkaViewEnds(input) {
    const groups = new Map();
    for (const view of input.views) {
        const decided = [];
        const setting = (key) => {
            const entry = view.setting(key);
            if (entry)
                decided.push(entry);
            return entry;
        };
        const protocol = input.role === 'client' ? setting('security.protocol') : undefined;
        if (input.role === 'client' && !(protocol && kafka_protocols_1.KAFKA_TLS_PROTOCOLS.has(protocol.value.trim().toUpperCase())))
            continue;
        const keyStore = storeOf(input, setting, 'keystore');
        const trustStore = storeOf(input, setting, 'truststore');
        // An empty ssl.endpoint.identification.algorithm: the client checks no host name (JSSE skips an empty algorithm).
        const tlsAt = protocol ? { file: input.file, range: protocol.keyRange } : view.connectsOver;
        const identification = tlsAt && setting('ssl.endpoint.identification.algorithm');
        const off = tlsAt && identification && identification.value.trim() === ''
            ? {
                setting: identification.key,
                at: { file: input.file, range: identification.keyRange },
                tlsAt,
                ...(view.connectsOver ? { listener: view.label } : {}),
            }
            : undefined;
        const list = (key) => {
            const entry = setting(key);
            return entry && (0, kafka_protocols_1.kafkaListOf)(entry.key, entry.value, { file: input.file, range: entry.valueRange });
        };
        const protocols = list('ssl.enabled.protocols');
        const cipherSuites = list('ssl.cipher.suites');
        if (!keyStore && !trustStore && !off && !protocols && !cipherSuites)
            continue;
        const id = decided.map((e) => `${e.key}@${e.keyRange.start.line}`).join('\n');
        const group = groups.get(id);
        if (group)
            group.labels.push(view.label);
        else
            groups.set(id, {
                labels: [view.label],
                end: {
                    location: { file: input.file },
                    implementation: 'jsse',
                    trust: {
                        ...(keyStore ? { keyStore } : {}),
                        ...(trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' }),
                    },
                    ...(off ? { hostnameVerificationOff: off } : {}),
                    ...(protocols ? { protocols } : {}),
                    ...(cipherSuites ? { cipherSuites } : {}),
                    ...(input.runtime ? { runtime: input.runtime } : {}),
                },
            });
    }
    // Named by its views only where the file's views are not all one end.
    const whole = groups.size === 1 && [...groups.values()][0]?.labels.length === input.views.length;
    return [...groups.values()].map(({ labels, end }) => ({
        name: whole ? input.name : input.nameOf(labels),
        ...end,
    }));
}
/** The store `ssl.<kind>.location` names for a view, with the tree file it is when the tree shows which. */
function storeOf(input, setting, kind) {
    const location = setting(`ssl.${kind}.location`);
    const written = location?.value.trim();
    if (!location || !written)
        return undefined;
    const { file: configFile, stores } = input;
    const type = setting(`ssl.${kind}.type`);
    const password = setting(`ssl.${kind}.password`);
    // A config provider's reference (`${file:/etc/kafka/secrets.properties:location}`): only the run knows it.
    const found = written.includes('${') ? undefined : input.storeFile(written);
    const ref = {
        path: {
            value: written,
            from: {
                kind: 'file',
                location: { file: configFile, range: location.valueRange },
                ...(found?.note ? { note: found.note } : {}),
            },
        },
        setting: location.key,
    };
    if (found) {
        ref.file = found.file;
        if (found.copiedBy)
            ref.copiedBy = found.copiedBy;
    }
    const typeValue = type?.value.trim();
    if (type && typeValue && !typeValue.includes('${'))
        ref.type = { ...(0, java_shared_1.traced)(typeValue, configFile, type.valueRange), value: typeValue.toUpperCase() };
    else if (found) {
        const detected = stores.typeOf(found.file);
        if (detected)
            ref.type = {
                value: detected,
                from: { kind: 'file', location: { file: found.file }, note: 'detected from the file' },
            };
    }
    if (password)
        ref.passwordAt = { file: configFile, range: password.keyRange };
    return ref;
}
