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
exports.brokerJvmStores = brokerJvmStores;
exports.jvmTrust = jvmTrust;
exports.storesTrust = storesTrust;
/**
 * The JVM's key and trust stores of an ActiveMQ Classic broker whose activemq.xml has no `<sslContext>`: its TLS
 * connectors then use the JVM's default SSLContext, whose stores are the `-Djavax.net.ssl.keyStore` / `trustStore`
 * system properties (with their `…Type` and `…Password`). The broker's start script passes them from two variables,
 * joined in this order into the java command: `ACTIVEMQ_OPTS`, then `ACTIVEMQ_SSL_OPTS` (apache/activemq@activemq-6.1.6
 * assembly/src/release/bin/activemq, `ACTIVEMQ_OPTS="$ACTIVEMQ_OPTS $ACTIVEMQ_SUNJMX_START $ACTIVEMQ_SSL_OPTS …"`; the
 * same in 5.15.9 and 5.18.3), and bin/setenv (bin/env before 6.0) sets each only when the environment leaves it empty,
 * so a container's environment gives them: the official image (assembly/src/docker/Dockerfile) runs bin/activemq
 * through an entrypoint that keeps the environment. Read only where the tree ties the environment to the broker's file:
 * the `environment:` of the Compose services that run it over the ENV of the Dockerfile they build, else the ENV of
 * the Dockerfiles whose image holds the file (a COPY). A value only the run knows names no file; where the sources of
 * one broker disagree, nothing is taken.
 */
const path = __importStar(require("node:path"));
const jvm_args_1 = require("../parse/java/jvm-args");
const text_1 = require("../parse/text");
const compose_mounts_1 = require("./compose-mounts");
const java_shared_1 = require("./java-shared");
const kafka_protocols_1 = require("./kafka-protocols");
const store_files_1 = require("./store-files");
/** The variables bin/activemq joins into the broker's java command, in its order (a later `-D` of a name wins). */
const OPTION_VARIABLES = ['ACTIVEMQ_OPTS', 'ACTIVEMQ_SSL_OPTS'];
const STORE_PROPERTY = /^javax\.net\.ssl\.(keyStore|trustStore)(Type|Password)?$/;
/**
 * The store settings the broker's JVM gets (see the header): undefined when the tree ties no such setting to it;
 * `unknown` (why) when the run decides them or its services or images set different ones.
 */
function brokerJvmStores(ctx, running, holding) {
    const dockerfile = (file) => ctx.documentsOf('dockerfile').find((d) => d.file.path === file);
    const sources = running.length > 0
        ? running.map(({ doc, service }) => ({
            name: `Compose service ${service.name}`,
            options: serviceOptions(doc, service, dockerfile((0, compose_mounts_1.builtDockerfile)(doc.file.path, service))),
        }))
        : holding.map((file) => ({
            name: `the image ${path.basename(path.dirname(file))}/${path.basename(file)} builds`,
            options: imageOptions(dockerfile(file)),
        }));
    for (const { name, options } of sources)
        if (typeof options === 'string')
            return { unknown: `${options} (${name})` };
    const found = sources.filter((s) => typeof s.options !== 'string' && s.options.size > 0);
    if (found.length === 0)
        return undefined;
    // Every source must say the same; one that says nothing beside others that do leaves it open too.
    const key = (m) => [...m].map(([name, s]) => `${name}=${s.property.unresolved ? '?' : s.property.value}`).join('\n');
    const first = key(found[0].options);
    if (found.length !== sources.length || found.some((s) => key(s.options) !== first))
        return { unknown: `${sources.map((s) => s.name).join(' and ')} set different javax.net.ssl stores` };
    return { settings: found[0].options, by: found.map((s) => s.name).join(', ') };
}
/** The ENV of a Dockerfile's running stage: its `-D` store settings from the broker's option variables. */
function imageOptions(doc) {
    const out = new Map();
    if (!doc)
        return out;
    for (const variable of OPTION_VARIABLES)
        for (const property of doc.data.properties)
            if (property.via === variable && STORE_PROPERTY.test(property.name))
                out.set(property.name, { property, file: doc.file.path });
    return out;
}
/**
 * A Compose service's: its `environment:` option variables, each replacing the built image's ENV of that name; a string
 * (why) when one is given from the shell or by Compose's substitution (`${SSL_OPTS}`): its value is the run's.
 */
function serviceOptions(doc, service, built) {
    const out = new Map();
    const index = new text_1.LineIndex(doc.file.text);
    for (const variable of OPTION_VARIABLES) {
        const set = service.environment.filter((v) => v.name === variable).at(-1);
        // `$$` is Compose's escape of a literal `$` (the broker's shell expands it: a `-D` value only the run knows).
        if (set && (set.value === undefined || set.value.replaceAll('$$', '').includes('$')))
            return `${variable} is given when Compose runs`;
        const properties = set
            ? (0, jvm_args_1.scanJvmProperties)(doc.file.text, index, index.offsetAt(set.valueRange.start), index.offsetAt(set.valueRange.end), variable).map((property) => ({ property, file: doc.file.path }))
            : (built?.data.properties ?? [])
                .filter((p) => p.via === variable)
                .map((property) => ({ property, file: built.file.path }));
        for (const setting of properties)
            if (STORE_PROPERTY.test(setting.property.name))
                out.set(setting.property.name, setting);
    }
    return out;
}
/** Where a setting's value is written. */
function valueAt(setting) {
    return { file: setting.file, range: setting.property.valueRange };
}
/** The trust settings of a Classic broker without <sslContext>: its JVM's default stores, as far as the tree says. */
function jvmTrust(file, jvm, mounts, stores) {
    const why = "the broker's key store: activemq.xml has no <sslContext>, so its TLS connectors use the JVM's default SSLContext";
    if (!jvm)
        return { unknown: { why: `${why} (-Djavax.net.ssl.keyStore, e.g. in ACTIVEMQ_SSL_OPTS)`, at: { file } } };
    if ('unknown' in jvm)
        return { unknown: { why: `${why}, whose stores are unknown: ${jvm.unknown}`, at: { file } } };
    const side = (kind) => {
        const named = jvm.settings.get(`javax.net.ssl.${kind}`);
        if (!named)
            return undefined;
        const ref = jvmStore(named, file, mounts, stores, jvm.settings.get(`javax.net.ssl.${kind}Type`), jvm.settings.get(`javax.net.ssl.${kind}Password`));
        ref.setting = `-Djavax.net.ssl.${kind} (${named.property.via ?? 'ACTIVEMQ_SSL_OPTS'})`;
        return ref;
    };
    return storesTrust(side('keyStore'), side('trustStore'), {
        why: `${why}, and ${jvm.by} give it no -Djavax.net.ssl.keyStore`,
        at: { file },
    });
}
/** A broker's trust settings from its two stores: without a key store, unknown (why); without a trust store, cacerts. */
function storesTrust(keyStore, trustStore, noKeyStore) {
    return {
        ...(keyStore ? { keyStore } : { unknown: noKeyStore }),
        ...(trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' }),
    };
}
/**
 * A `-Djavax.net.ssl.*Store` of the broker's JVM: an absolute path is the tree file a bind mount of its service or a
 * COPY into its image puts there; a relative one is read from the broker's working directory, which the tree does not
 * say, and a value only the run knows names no file either (no file is guessed by its name).
 */
function jvmStore(named, brokerFile, mounts, stores, type, password) {
    const at = valueAt(named);
    const value = named.property.value.trim();
    const typeAt = type && !type.property.unresolved
        ? (0, java_shared_1.traced)(type.property.value.trim(), type.file, type.property.valueRange)
        : undefined;
    const passwordAt = password && { file: password.file, range: password.property.nameRange };
    const placed = !named.property.unresolved && value.startsWith('/')
        ? ((0, kafka_protocols_1.mountedTreeFile)(mounts, value)?.file ?? stores.images?.resolve(brokerFile, value)?.file)
        : undefined;
    if (placed)
        return (0, store_files_1.storeRef)((0, java_shared_1.traced)(value, at.file, at.range), [], stores, typeAt, passwordAt, placed);
    return {
        path: (0, java_shared_1.traced)(value, at.file, at.range),
        ...(typeAt ? { type: { value: typeAt.value.toUpperCase(), from: typeAt.from } } : {}),
        ...(passwordAt ? { passwordAt } : {}),
    };
}
