"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findCipherSpec = findCipherSpec;
exports.allCipherSpecs = allCipherSpecs;
exports.mqServerOrder = mqServerOrder;
exports.mqEnabledProtocols = mqEnabledProtocols;
exports.cipherSpecMatchesAlias = cipherSpecMatchesAlias;
exports.mqReasonCode = mqReasonCode;
exports.jmsSuiteForCipherSpec = jmsSuiteForCipherSpec;
exports.jmsAliasProtocols = jmsAliasProtocols;
exports.mqChannelDefaults = mqChannelDefaults;
exports.conditionalScriptFor = conditionalScriptFor;
exports.mqHandshakeLog = mqHandshakeLog;
exports.isMqImage = isMqImage;
exports.mqReenablingSwitches = mqReenablingSwitches;
exports.mqReleaseFromImage = mqReleaseFromImage;
exports.mqReleaseFromOperatorVersion = mqReleaseFromOperatorVersion;
exports.mqReleaseOrderDocumented = mqReleaseOrderDocumented;
exports.mqReleaseSpeaksTls13 = mqReleaseSpeaksTls13;
const ciphers_1 = require("./ciphers");
const lazy_1 = require("../core/lazy");
const jdk_locations_1 = require("./jdk-locations");
const mq_releases_1 = require("./mq-releases");
/**
 * The IBM MQ facts (data/mq.json, 86 KB), read on first use: a run whose tree holds no MQ file never loads them
 * (the bundle keeps them in a chunk of their own, scripts/build.mjs; start-up: docs/performance.md).
 */
const mqData = (0, lazy_1.lazy)(() => require('./data/mq.json'));
const specs = () => mqData().cipherSpecs;
/** A CipherSpec by name (any case), by JMS alias (`ECDHE_RSA_AES_128_GCM_AEAD`) or JMS alias suite (`*TLS12`). */
function findCipherSpec(name) {
    const key = name.trim().toUpperCase();
    const all = specs();
    return (all.find((s) => s.name === key) ??
        all.find((s) => s.aliases?.some((a) => a.toUpperCase() === key)) ??
        all.find((s) => s.alias && s.ibmJsse?.toUpperCase() === key));
}
function allCipherSpecs() {
    return specs();
}
/**
 * The queue manager's server-side CipherSpec preference order. Without `allowed` (qm.ini SSL:
 * AllowedCipherSpecs / AMQ_ALLOWED_CIPHERS): the enabled-by-default specs by rank (TLS 1.3 first).
 * With a list: those specs, in the list's order, TLS 1.3 ahead of TLS 1.2 (IBM: "it will still prioritize
 * TLS 1.3"); `ALL` enables every non-alias spec, deprecated ones included. Unknown names are dropped.
 */
function mqServerOrder(allowedSetting) {
    // The default order is asked for every MQ server end of every deployment: worked out once, copied out.
    if (allowedSetting === undefined)
        return [...(defaultServerOrder ??= serverOrder(undefined))];
    return serverOrder(allowedSetting);
}
let defaultServerOrder;
let enabledProtocols;
function serverOrder(allowedSetting) {
    // AllowedCipherSpecs as written in qm.ini / AMQ_ALLOWED_CIPHERS: names separated by commas or blanks.
    const allowed = typeof allowedSetting === 'string' ? allowedSetting.split(/[\s,]+/).filter(Boolean) : allowedSetting;
    const concrete = specs().filter((s) => !s.alias);
    let chosen;
    if (!allowed || allowed.length === 0) {
        chosen = concrete
            .filter((s) => s.enabledByDefault)
            .sort((a, b) => (a.defaultOrderRank ?? 999) - (b.defaultOrderRank ?? 999));
    }
    else if (allowed.some((a) => a.trim().toUpperCase() === 'ALL')) {
        chosen = [...concrete].sort((a, b) => (a.defaultOrderRank ?? 999) - (b.defaultOrderRank ?? 999));
    }
    else {
        chosen = allowed.flatMap((a) => {
            const spec = findCipherSpec(a);
            return spec && !spec.alias ? [spec] : [];
        });
        chosen = chosen.filter((s, i) => chosen.indexOf(s) === i);
    }
    const tls13 = chosen.filter((s) => s.protocol === 'TLSv1.3');
    return [...tls13, ...chosen.filter((s) => s.protocol !== 'TLSv1.3')];
}
/**
 * The protocols a GSKit end (a queue manager, an MQ C client) enables when nothing restricts them: those of its
 * enabled CipherSpecs (mq.json `enabledByDefault`, each with its source), lowest first. With the IBM MQ 9.3/9.4 facts:
 * TLS 1.2 and TLS 1.3; the TLS 1.0 CipherSpecs are deprecated and disabled unless re-enabled.
 */
function mqEnabledProtocols() {
    enabledProtocols ??= [...new Set(mqServerOrder().map((s) => (0, ciphers_1.normaliseProtocol)(s.protocol)))].sort((a, b) => (0, ciphers_1.protocolRank)(a) - (0, ciphers_1.protocolRank)(b));
    return [...enabledProtocols];
}
/** True when a concrete spec falls inside an alias spec's protocol range. */
function cipherSpecMatchesAlias(spec, alias) {
    const rank = (0, ciphers_1.protocolRank)((0, ciphers_1.normaliseProtocol)(spec.minProtocol));
    return rank >= (0, ciphers_1.protocolRank)(alias.minProtocol) && rank <= (0, ciphers_1.protocolRank)(alias.maxProtocol);
}
/** An MQ reason code (2393, '2397', 'MQRC_JSSE_ERROR') or message id (AMQ9631, CSQX620E, 'AMQ9620'). */
function mqReasonCode(code) {
    const key = String(code).trim().toUpperCase();
    const reasons = mqData().reasonCodes;
    const hit = reasons.find((r) => r.code === key || r.name === key) ??
        reasons.find((r) => r.code.replace(/[EWI]$/, '') === key.replace(/[EWI]$/, ''));
    return hit ? { code: hit.code, name: hit.name, message: hit.message, source: hit.source } : undefined;
}
/**
 * The JSSE cipher suite IBM MQ classes for Java/JMS use for a CipherSpec: IBM JRE names (`SSL_…`) when
 * com.ibm.mq.cfg.useIBMCipherMappings is true (its default), Oracle/OpenJDK names when false. Alias
 * CipherSpecs map to `*TLS12`-style alias suites. Undefined when the spec has no mapping on that JRE.
 */
function jmsSuiteForCipherSpec(spec, useIBMCipherMappings) {
    const found = findCipherSpec(spec);
    if (!found)
        return undefined;
    return useIBMCipherMappings ? found.ibmJsse : found.oracleJsse;
}
/**
 * The protocols IBM MQ classes for JMS/Java enable for an alias CipherSuite (`*ANY`, `*TLS12ORHIGHER`, or the alias
 * CipherSpec's name): the alias's protocol range from its JMS minimum (`*ANY`: TLS 1.2, where a queue manager's or
 * C client's ANY goes down to TLS 1.0), highest first. The client sets them itself: the JRE's default protocols do
 * not apply. Undefined for a name that is no alias.
 */
function jmsAliasProtocols(name) {
    const spec = findCipherSpec(name);
    if (!spec?.alias)
        return undefined;
    const min = spec.jmsMinProtocol ?? spec.minProtocol;
    return {
        alias: spec.name,
        protocols: (0, ciphers_1.protocolsBetween)(min, spec.maxProtocol).reverse(),
        source: spec.jmsMinProtocolSource ?? spec.source,
    };
}
/** A channel's TLS defaults when MQSC leaves them out (SSLCIPH blank, SSLCAUTH REQUIRED, the queue manager orders CipherSpecs). */
function mqChannelDefaults() {
    return mqData().channelDefaults;
}
/** The conditional script this file is (by its name, as the product names it), if any. */
function conditionalScriptFor(fileName) {
    return mqData().conditionalScripts.find((c) => c.file === fileName);
}
/**
 * What an IBM MQ end (GSKit: a queue manager's channel, an MQ C client) writes to its error log (AMQERR01.LOG) when a
 * TLS handshake fails for `failure` (a reason of the handshake predictor) on its `side`; undefined when no source
 * says (mq.json handshakeLogs).
 */
function mqHandshakeLog(failure, side) {
    return mqData().handshakeLogs.find((l) => l.failure === failure && l.side === side)?.log;
}
/**
 * The IBM MQ release a container image runs, from its tag (`icr.io/ibm-messaging/mq:9.4.0.17-r1` → 9.4.0.17), for the
 * repositories mq.json `images` lists; undefined for another image or a tag that names no release (`latest`).
 */
/** Whether an image reference names a repository of IBM MQ queue manager images (mq.json images), whatever its tag. */
function isMqImage(reference) {
    const { name } = (0, jdk_locations_1.splitImageReference)(reference.trim().toLowerCase());
    return mqData().images.some((i) => i.repository === name);
}
/** The queue manager's re-enabling switches (mq.json reenablingSwitches). */
function mqReenablingSwitches() {
    return mqData().reenablingSwitches;
}
function mqReleaseFromImage(reference) {
    const { name, tag } = (0, jdk_locations_1.splitImageReference)(reference.trim().toLowerCase());
    const image = mqData().images.find((i) => i.repository === name);
    const release = image ? /^(\d+\.\d+\.\d+(?:\.\d+)?)(?:-|$)/.exec(tag)?.[1] : undefined;
    return image && release ? { release, source: image.source } : undefined;
}
/**
 * The IBM MQ release a QueueManager resource of the IBM MQ Operator runs, from its `spec.version` (`9.3.0.0-r2` →
 * 9.3.0.0; mq.json operatorVersion); undefined for another resource or a value that names no release (a template).
 */
function mqReleaseFromOperatorVersion(apiVersion, version) {
    const spec = mqData().operatorVersion;
    if (typeof apiVersion !== 'string' || apiVersion.split('/')[0] !== spec.apiVersion.split('/')[0])
        return undefined;
    const release = typeof version === 'string' ? /^(\d+\.\d+\.\d+\.\d+)(?:-r\d+)?$/.exec(version.trim())?.[1] : undefined;
    return release ? { release, field: spec.field, source: spec.source } : undefined;
}
/**
 * Whether IBM documents the CipherSpec order a queue manager of this release picks from (channelDefaults.serverOrdersCipherSpecs:
 * the order table holds "from" its `since`); before it, which common CipherSpec the queue manager picks is not documented.
 */
function mqReleaseOrderDocumented(release) {
    return (0, mq_releases_1.compareMqReleases)(release, mqChannelDefaults().serverOrdersCipherSpecs.since) >= 0;
}
/** Whether a queue manager of this release speaks TLS 1.3 by default (channelDefaults.tls13: from its `since`). */
function mqReleaseSpeaksTls13(release) {
    const parts = (v) => v.split('.').map(Number);
    const [have, since] = [parts(release), parts(mqChannelDefaults().tls13.since)];
    for (let i = 0; i < Math.max(have.length, since.length); i++) {
        const d = (have[i] ?? 0) - (since[i] ?? 0);
        if (d !== 0)
            return d > 0;
    }
    return true;
}
