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
exports.KAFKA_TLS_PROTOCOLS = void 0;
exports.listenersSpeakTls = listenersSpeakTls;
exports.tlsListenerNames = tlsListenerNames;
exports.mountedTreeFile = mountedTreeFile;
exports.kafkaListOf = kafkaListOf;
exports.serviceVariables = serviceVariables;
/**
 * What the readers of Kafka's settings share (Spring Boot, Compose brokers, properties files): when an end speaks TLS,
 * and the stores a broker image's setup gives it.
 */
const path = __importStar(require("node:path"));
const compose_volumes_1 = require("../parse/compose-volumes");
/** Kafka's security protocols that speak TLS (org.apache.kafka.common.security.auth.SecurityProtocol). */
exports.KAFKA_TLS_PROTOCOLS = new Set(['SSL', 'SASL_SSL']);
/**
 * Whether a listener of the list speaks TLS: its security protocol (the map's, else its own name) is SSL or SASL_SSL
 * (https://kafka.apache.org/documentation/#brokerconfigs_listener.security.protocol.map).
 */
function listenersSpeakTls(listeners, map) {
    return tlsListenerNames(listeners, map).length > 0;
}
/**
 * The names of the listeners of the list that speak TLS (see listenersSpeakTls), upper case as Kafka normalises them
 * (ListenerName.normalised), each once, in the order written.
 */
function tlsListenerNames(listeners, map) {
    const protocols = new Map((map ?? '').split(',').flatMap((pair) => {
        const [listener, protocol] = pair.split(':').map((s) => s.trim().toUpperCase());
        return listener && protocol ? [[listener, protocol]] : [];
    }));
    const names = listeners.split(',').flatMap((listener) => {
        const name = /^\s*([A-Za-z0-9_-]+):\/\//.exec(listener)?.[1]?.toUpperCase();
        return name !== undefined && exports.KAFKA_TLS_PROTOCOLS.has(protocols.get(name) ?? name) ? [name] : [];
    });
    return [...new Set(names)];
}
/**
 * The tree file a bind mount of a service puts at a path of its container, and that mount's source (its line): the mount
 * whose target holds the path (../parse/compose-volumes.ts mountHolding). `own` are the service's mounts.
 */
function mountedTreeFile(own, containerPath) {
    const holding = (0, compose_volumes_1.mountHolding)(own, (m) => m.mount.target, containerPath);
    return (holding && {
        file: path.join(holding.mount.hostPath, ...holding.below),
        at: { file: holding.mount.file, range: holding.mount.mount.range },
    });
}
/**
 * A Kafka list setting as Kafka reads it (`ssl.enabled.protocols`, `ssl.cipher.suites`, or the variable an image writes
 * it from): split at commas, each name trimmed (ConfigDef.Type.LIST); an empty list leaves the JDK's default, as does a
 * value only the run knows (a placeholder, a config provider's `${file:…}`). DefaultSslEngineFactory hands the lists to
 * SSLEngine.setEnabledProtocols and setEnabledCipherSuites (apache/kafka 3.8.0
 * clients/src/main/java/org/apache/kafka/common/security/ssl/DefaultSslEngineFactory.java createSslEngine).
 */
function kafkaListOf(setting, value, at) {
    if (value.includes('$') || value.includes('{{'))
        return undefined;
    const names = value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    if (names.length === 0)
        return undefined;
    return { setting, value: { value: names, from: { kind: 'file', location: at } }, text: value };
}
/**
 * A Compose service's variables whose name starts with `prefix` and that have a value, as entries keyed by the variable's
 * name and placed where it is written (the last one a name is given wins, as Compose keeps it).
 */
function serviceVariables(service, prefix) {
    const env = new Map();
    for (const variable of service.environment)
        if (variable.value !== undefined && variable.name.startsWith(prefix))
            env.set(variable.name, {
                key: variable.name,
                value: variable.value,
                keyRange: variable.nameRange,
                valueRange: variable.valueRange,
                secret: variable.entry.secret,
            });
    return env;
}
