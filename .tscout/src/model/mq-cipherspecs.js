"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cipherSpecInfo = cipherSpecInfo;
exports.mqCipherSpec = mqCipherSpec;
exports.mqCipherSpecAlias = mqCipherSpecAlias;
exports.cipherSpecForJavaSuite = cipherSpecForJavaSuite;
exports.javaSuiteName = javaSuiteName;
exports.cipherSpecsForAlias = cipherSpecsForAlias;
const knowledge_1 = require("../knowledge");
/** A knowledge-base CipherSpec in the shape the MQ rules use. */
function cipherSpecInfo(s) {
    return {
        name: s.name,
        hex: (s.hex ?? '').toUpperCase(),
        iana: s.oracleJsse ?? s.name,
        ibmJsse: s.ibmJsse ?? s.oracleJsse ?? s.name,
        protocol: s.protocol,
        defaultRank: s.enabledByDefault ? s.defaultOrderRank : undefined,
        deprecated: s.deprecated || !s.enabledByDefault,
        spec: s,
    };
}
/** A concrete MQ CipherSpec by name (case-insensitive), or undefined (unknown name or alias). */
function mqCipherSpec(name) {
    const s = (0, knowledge_1.findCipherSpec)(name);
    return s && !s.alias ? cipherSpecInfo(s) : undefined;
}
/** An alias CipherSpec (`ANY_TLS12_OR_HIGHER`) or JMS alias suite (`*TLS12ORHIGHER`). */
function mqCipherSpecAlias(name) {
    const s = (0, knowledge_1.findCipherSpec)(name);
    if (!s || !s.alias)
        return undefined;
    const protocols = ['TLSv1.2', 'TLSv1.3'].filter((p) => (0, knowledge_1.cipherSpecMatchesAlias)({ ...s, alias: false, minProtocol: p, maxProtocol: p }, s));
    return { name: s.name, protocols, spec: s };
}
/** A Java cipher suite name (Oracle `TLS_…` or IBM `SSL_…`) → the CipherSpec that carries it. */
function cipherSpecForJavaSuite(name) {
    const key = name.trim().toUpperCase();
    const concrete = (0, knowledge_1.allCipherSpecs)().filter((s) => !s.alias);
    const direct = concrete.find((s) => s.oracleJsse?.toUpperCase() === key || s.ibmJsse?.toUpperCase() === key);
    if (direct)
        return cipherSpecInfo(direct);
    const suite = (0, knowledge_1.findCipherSuite)(key);
    const hex = suite?.code.replace(/0x|,/g, '').toUpperCase();
    const byHex = hex ? concrete.find((s) => s.hex?.toUpperCase() === hex) : undefined;
    return byHex ? cipherSpecInfo(byHex) : undefined;
}
/** The Java name of a CipherSpec in a given naming (IBM `SSL_` or Oracle `TLS_`). */
function javaSuiteName(spec, ibmNaming) {
    return ibmNaming ? spec.ibmJsse : spec.iana;
}
/** Every enabled CipherSpec an alias allows, in the queue manager's default order. */
function cipherSpecsForAlias(alias) {
    return (0, knowledge_1.mqServerOrder)()
        .filter((s) => (0, knowledge_1.cipherSpecMatchesAlias)(s, alias.spec))
        .map(cipherSpecInfo);
}
