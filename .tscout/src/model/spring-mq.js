"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springMqFactory = springMqFactory;
/**
 * IBM MQ's Spring Boot starter (ibm-messaging/mq-jms-spring): `ibm.mq.*` settings make the app's JMS connection
 * factory to a queue manager — `queueManager`, `channel`, `connName`, `sslCipherSuite`/`sslCipherSpec`,
 * `sslPeerName`, `useIBMCipherMappings` (which sets the JVM's com.ibm.mq.cfg.useIBMCipherMappings), `sslBundle`.
 * Spring's relaxed binding reads `ibm.mq.conn-name` as `connName`. https://github.com/ibm-messaging/mq-jms-spring#readme
 */
const spring_1 = require("../parse/spring");
const types_1 = require("../parse/types");
const was_1 = require("./was");
/** A Spring setting's key as the starter's field: `ibm.mq.ssl-cipher-suite` → `sslciphersuite`. */
const field = (key) => (0, spring_1.springKey)(key).slice('ibm.mq.'.length);
/**
 * The factory the starter builds from the app's settings (default profile, then the active profiles'), when they
 * name a channel or a connection name. A `ccdtUrl` is taken in preference to both (the starter's README): the
 * CCDT's own channels are the client then, so no factory is made here.
 */
function springMqFactory(spring, activeProfiles, app, root) {
    const docOf = spring.doc;
    const settings = new Map();
    for (const entry of spring.entries)
        if ((0, spring_1.springKeyUnder)(entry, 'ibm.mq.'))
            settings.set(field(entry.key), entry);
    const channel = settings.get('channel');
    const connName = settings.get('connname');
    if ((!channel && !connName) || settings.get('ccdturl')?.value.trim())
        return undefined;
    const value = (entry) => entry && entry.value.trim()
        ? {
            value: entry.value.trim(),
            location: (0, types_1.entryLocation)(docOf(entry), entry, 'value'),
            templated: /\$\{|\{\{/.test(entry.value),
        }
        : undefined;
    const mappings = settings.get('useibmciphermappings');
    const useIBMCipherMappings = mappings
        ? {
            value: mappings.value.trim().toLowerCase() !== 'false',
            from: { kind: 'file', location: (0, types_1.entryLocation)(docOf(mappings), mappings, 'value') },
        }
        : (0, was_1.cipherMappings)(app.runtime);
    const attrs = {
        product: 'spring',
        factoryName: 'ibm.mq',
        channel: value(channel),
        queueManager: value(settings.get('queuemanager')),
        host: value(connName),
        // A CipherSpec (sslCipherSpec) overrides the CipherSuite when both are set, as in IBM's XMSC_WMQ_SSL_CIPHER_SPEC:
        // https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.dev.doc/prx_wmq_ssl_cipher_suite.html
        sslCipherSuite: value(settings.get('sslcipherspec')) ?? value(settings.get('sslciphersuite')),
        sslPeerName: value(settings.get('sslpeername')),
        useIBMCipherMappings,
        ...(activeProfiles ? { activeProfiles } : {}),
    };
    if (attrs.channel && !attrs.channel.templated)
        attrs.channelName = attrs.channel.value.toUpperCase();
    const at = (channel ?? connName);
    const doc = docOf(at);
    const factory = (0, was_1.cfComponent)(app.host, doc, (0, types_1.entryLocation)(doc, at, 'line'), attrs, app.runtime, root);
    // Every file the app's settings came from: the stores may be named in another (./spring-stores.ts).
    return { ...factory, documents: [doc, ...new Set(spring.placed.map((p) => p.doc).filter((d) => d !== doc))] };
}
