"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqClientOffer = mqClientOffer;
exports.endpointFor = endpointFor;
/**
 * From a model Component (its `tls` settings and Java runtime) to the HandshakeSide the predictor takes:
 * names resolved through the knowledge base, runtime defaults filled in, the runtime's disabled
 * algorithms applied. Also reports what was dropped on the way (unknown names, disabled suites/protocols),
 * which the tls/* rules report.
 */
const types_1 = require("../model/types");
const knowledge_1 = require("../knowledge");
const openssl_1 = require("../knowledge/openssl");
const mq_1 = require("../knowledge/mq");
const mq_ini_1 = require("../parse/mq-ini");
const jsse_end_1 = require("./jsse-end");
const OPENSSL_DEFAULT_PROTOCOLS = [...openssl_1.OPENSSL_PROTOCOLS_ASSUMED];
/** An assumption, not a fact: lint-deploy does not model the ClearTrust web agent's own TLS library. */
const NATIVE_ASSUMED_PROTOCOLS = ['TLSv1.2', 'TLSv1.1', 'TLSv1'];
const TLS13_DEFAULT = [...openssl_1.OPENSSL_TLS13_DEFAULT];
/** The TLS versions a CipherSpec's range can name (protocol names, not a product fact). */
const TLS_VERSIONS = (0, knowledge_1.protocolsBetween)('TLSv1', 'TLSv1.3');
/**
 * What an MQ client (CLNTCONN/CCDT, GSKit) offers for its SSLCIPH: a specific CipherSpec is one suite at
 * the CipherSpec's protocol; an alias (ANY_TLS12, ANY_TLS12_OR_HIGHER…) offers the enabled CipherSpecs in
 * its protocol range, at the protocols of that range that have one. Names that are no CipherSpec fall
 * back to a plain suite lookup.
 */
function mqClientOffer(names, unknown) {
    const protocols = new Set();
    const suites = [];
    for (const name of names) {
        const spec = (0, knowledge_1.findCipherSpec)(name);
        if (spec?.alias) {
            for (const member of (0, knowledge_1.mqServerOrder)().filter((s) => (0, knowledge_1.cipherSpecMatchesAlias)(s, spec))) {
                const suite = (0, knowledge_1.findCipherSuite)(member.name);
                if (!suite)
                    continue;
                suites.push(suite.iana);
                protocols.add((0, knowledge_1.normaliseProtocol)(member.minProtocol));
            }
            continue;
        }
        const suite = (0, knowledge_1.findCipherSuite)(name);
        if (!suite) {
            unknown.push(name);
            continue;
        }
        suites.push(suite.iana);
        const min = (0, knowledge_1.protocolRank)(spec?.minProtocol ?? suite.minProtocol);
        const max = (0, knowledge_1.protocolRank)(spec?.maxProtocol ?? suite.maxProtocol);
        for (const p of TLS_VERSIONS)
            if ((0, knowledge_1.protocolRank)(p) >= min && (0, knowledge_1.protocolRank)(p) <= max)
                protocols.add(p);
    }
    return { protocols: TLS_VERSIONS.filter((p) => protocols.has(p)), suites };
}
/**
 * The endpoint for one side of a link; undefined when the component has no TLS or an unknown implementation.
 * Pure: the derive stage (src/derive/derive.ts) calls it once per component and role. `serverKeys`: the
 * keys of the certificates the server presents, when the derive stage found them (else the model's key type).
 */
function endpointFor(component, role, deployment, serverKeys, memo) {
    const tls = component.tls;
    if (!tls || tls.enabled?.value === false || tls.implementation === 'unknown')
        return undefined;
    const implementation = tls.implementation;
    const runtime = component.runtime ?? deployment?.runtime;
    const notes = [];
    const unknownSuites = [];
    const disabledSuites = [];
    const disabledProtocols = [];
    let protocols;
    let suites;
    let protocolsFrom = tls.protocols?.from;
    let suitesFrom = tls.cipherSuites?.from;
    let serverOrderWins = tls.serverOrderWins?.value;
    let alternative;
    let updates;
    let protocolCeiling;
    const missing = (tls.unknownValues ?? []).map((v) => `the value of ${v}`);
    const jsse = implementation === 'jsse' || implementation === 'ibmjsse2';
    if (jsse) {
        const java = (0, jsse_end_1.jsseLists)(component, role, tls, runtime, memo);
        ({ protocols, suites, protocolsFrom, suitesFrom, serverOrderWins, alternative, updates, protocolCeiling } = java);
        notes.push(...java.notes);
        unknownSuites.push(...java.unknownSuites);
        disabledSuites.push(...java.disabledSuites);
        disabledProtocols.push(...java.disabledProtocols);
        missing.push(...java.missing);
    }
    else if (implementation === 'native') {
        // The ClearTrust web agent's own TLS library: in anon mode it offers the anonymous suites (the mode says
        // so); what it offers in auth mode, and which versions, no public source says: its links are unknown
        // (`missing` below), never predicted from a guess.
        protocols = tls.protocols?.value ?? NATIVE_ASSUMED_PROTOCOLS;
        if (!tls.protocols)
            notes.push(`protocols of ${component.name}'s native TLS library unknown: assuming ${NATIVE_ASSUMED_PROTOCOLS.join(', ')}`);
        suites = tls.cipherSuites ? (0, jsse_end_1.toIana)(tls.cipherSuites.value, unknownSuites) : [];
        if (!tls.cipherSuites)
            missing.push(`the cipher suites ${component.name}'s native TLS library offers in auth mode (no public source says which; no JDK setting applies to it)`);
    }
    else if (implementation === 'gskit') {
        // Nothing configured: the protocols of the CipherSpecs MQ enables by default (knowledge base).
        protocols = tls.protocols?.value ?? (0, knowledge_1.mqEnabledProtocols)();
        if (role === 'server') {
            // The queue manager offers its whole enabled list in its own order; the channel's SSLCIPH is checked after.
            suites = (0, knowledge_1.mqServerOrder)().flatMap((spec) => (0, knowledge_1.findCipherSuite)(spec.name)?.iana ?? []);
            ({ protocols, suites } = withSpecTheReleaseAccepts(component, protocols, suites, !tls.protocols));
            serverOrderWins ??= true;
            const withoutTls13 = mqReleaseWithoutTls13(component, protocols, suites);
            // A release the tree names settles it: before channelDefaults.tls13.since the queue manager speaks no TLS 1.3
            // by default. A qm.ini that switches TLS 1.3 on (AllowTLSV13, read from 9.1.4 CD) leaves it open.
            const qmgr = (0, types_1.isMqChannel)(component) ? component.attributes.qmgr : undefined;
            const release = qmgr?.release?.value;
            const tls13Asked = qmgr?.qmIni
                ? /^(y|yes|t|true)$/i.test((0, mq_ini_1.iniValue)(qmgr.qmIni.data, 'SSL', 'AllowTLSV13')?.value.trim() ?? '')
                : false;
            if (withoutTls13 && release && !(0, knowledge_1.mqReleaseSpeaksTls13)(release)) {
                if (tls13Asked)
                    alternative = {
                        ...withoutTls13,
                        what: `whether IBM MQ ${release} (${component.name}'s queue manager) speaks TLS 1.3 with qm.ini SSL: AllowTLSV13 set (by default only from MQ ${(0, mq_1.mqChannelDefaults)().tls13.since})`,
                    };
                else
                    ({ protocols, cipherSuites: suites } = withoutTls13);
            }
            else if (!release)
                alternative = withoutTls13;
        }
        else {
            // An MQ client offers only what its SSLCIPH names, and the CipherSpec fixes the protocol.
            const client = mqClientOffer(tls.cipherSuites?.value ?? [], unknownSuites);
            suites = client.suites;
            if (!tls.protocols && client.protocols.length > 0) {
                protocols = client.protocols;
                protocolsFrom =
                    tls.cipherSuites?.from.kind === 'file'
                        ? { ...tls.cipherSuites.from, note: 'the CipherSpec fixes the protocol' }
                        : tls.cipherSuites?.from;
            }
        }
    }
    else {
        protocols = tls.protocols?.value ?? OPENSSL_DEFAULT_PROTOCOLS;
        suites = tls.cipherSuites ? (0, jsse_end_1.toIana)(tls.cipherSuites.value, unknownSuites) : [];
        if (!tls.cipherSuites)
            notes.push('cipher list not set: assuming the OpenSSL TLS 1.3 defaults only');
        // OpenSSL's TLS 1.3 suites unless the end sets its own (HAProxy ciphersuites, Tomcat Native cipherSuites).
        if (!suites.some((s) => (0, knowledge_1.findCipherSuite)(s)?.flags.tls13))
            suites = [...TLS13_DEFAULT, ...suites];
        serverOrderWins ??= false;
    }
    // A product default that changed between releases the tree does not name (nginx proxy_ssl_protocols).
    if (tls.protocolsAlternative && !alternative)
        alternative = {
            what: tls.protocolsAlternative.what,
            protocols: tls.protocolsAlternative.value,
            cipherSuites: suites,
        };
    const keyType = tls.certificate?.keyType;
    let certificate;
    let moreCertificates;
    let keyTypeAssumed;
    if (role === 'server') {
        if (serverKeys?.[0]) {
            certificate = { keyType: serverKeys[0].keyType, bits: serverKeys[0].bits };
            if (serverKeys.length > 1)
                moreCertificates = serverKeys.slice(1).map((k) => ({ keyType: k.keyType, bits: k.bits }));
        }
        else if (keyType === 'RSA' || keyType === 'EC' || keyType === 'DSA')
            certificate = { keyType, bits: tls.certificate?.keyBits };
        else {
            certificate = { keyType: 'RSA' };
            keyTypeAssumed = true;
            notes.push('server certificate key type unknown: assuming RSA');
        }
    }
    const groups = role === 'server' ? finiteFieldGroupsOf(component, jsse, runtime) : undefined;
    const side = {
        implementation,
        protocols,
        cipherSuites: suites,
        serverOrderWins: role === 'server' ? serverOrderWins : undefined,
        certificate,
        ...(moreCertificates ? { moreCertificates } : {}),
        clientAuth: role === 'server' ? (tls.clientAuth?.value ?? 'none') : undefined,
        ...(tls.signatureFloor ? { signatureFloor: tls.signatureFloor.value } : {}),
        ...(role === 'server' && tls.dheParameters ? { dheParameters: tls.dheParameters.value } : {}),
        ...(role === 'server' && tls.credentialSuites ? { credentialSuites: tls.credentialSuites.value } : {}),
        ...(role === 'server' && tls.legacyVersionNegotiation
            ? { legacyVersionNegotiation: tls.legacyVersionNegotiation.value }
            : {}),
        // A key store counts too: which certificate JSSE then sends (if any) is derive/trust.ts's question.
        hasClientCertificate: role === 'client' ? tls.certificate !== undefined || tls.trust?.keyStore !== undefined : undefined,
        ...(jsse && runtime?.withoutEcProvider ? { ellipticCurves: false } : {}),
        ...(groups?.value !== undefined ? { finiteFieldGroups: groups.value } : {}),
        label: component.name,
    };
    return {
        component,
        role,
        side,
        unknownSuites,
        disabledSuites,
        disabledProtocols,
        protocolsFrom,
        suitesFrom,
        notes,
        missing,
        ...(keyTypeAssumed ? { keyTypeAssumed } : {}),
        ...(alternative ? { alternative } : {}),
        ...(updates ? { updates } : {}),
        ...(protocolCeiling ? { protocolCeiling } : {}),
        ...(tls.signatureFloorAlternative ? { signatureFloorAlternative: tls.signatureFloorAlternative } : {}),
        ...(groups?.unknownWhat ? { finiteFieldGroupsUnknown: groups.unknownWhat } : {}),
        ...(jsse && runtime?.withoutEcProvider ? { withoutEcProviderAt: runtime.withoutEcProvider.at } : {}),
    };
}
/**
 * Whether a server may take a finite-field group in a TLS 1.3 key share: a JSSE server by default (jdk.tls.namedGroups
 * lists ffdhe2048 to ffdhe8192 from JDK 9, JDK-8140436: every JDK that speaks TLS 1.3) unless -Djdk.tls.namedGroups
 * names none; an OpenSSL server as its model says (nginx, HAProxy: src/model/openssl-groups.ts); otherwise not known.
 */
function finiteFieldGroupsOf(component, jsse, runtime) {
    const unknownWhat = `whether ${component.name} accepts a finite-field group (ffdhe2048…) in a TLS 1.3 key share`;
    if (!jsse) {
        const modelled = component.tls?.finiteFieldGroups;
        return modelled ? { value: modelled.value, unknownWhat: modelled.unknownWhat } : { unknownWhat };
    }
    if (runtime?.unknownSystemProperties?.['jdk.tls.namedGroups'])
        return { unknownWhat };
    const named = runtime?.systemProperties['jdk.tls.namedGroups']?.value;
    return { value: named === undefined ? true : /(^|[\s,"])ffdhe\d+/i.test(named) };
}
/**
 * A queue manager before `channelDefaults.tls13.since` speaks no TLS 1.3: the lists of such a release (the lists the
 * endpoint takes when the tree names such a release, and the alternative for the outcome to check when it names none:
 * src/derive/outcome.ts). None when the protocols are configured, or when the channel's SSLCIPH needs TLS 1.3 (its
 * queue manager has it).
 */
function mqReleaseWithoutTls13(component, protocols, suites) {
    const tls13 = (0, mq_1.mqChannelDefaults)().tls13;
    // Protocol names, not a release fact: what TLS 1.3 alone covers.
    const only13 = (protocol) => protocol !== undefined && (0, knowledge_1.protocolRank)(protocol) > (0, knowledge_1.protocolRank)('TLSv1.2');
    const needs13 = (component.tls?.cipherSuites?.value ?? []).some((n) => only13((0, knowledge_1.findCipherSpec)(n)?.minProtocol));
    if (component.tls?.protocols || needs13 || !protocols.some((p) => only13(p)))
        return undefined;
    return {
        what: `the IBM MQ release of ${component.name}'s queue manager (TLS 1.3 only from MQ ${tls13.since}, ${tls13.source.split(' ')[0]}; the tree does not say which release runs)`,
        protocols: protocols.filter((p) => !only13(p)),
        cipherSuites: suites.filter((s) => !only13((0, knowledge_1.findCipherSuite)(s)?.minProtocol)),
    };
}
/**
 * A deprecated CipherSpec the channel names (TLS_RSA_WITH_AES_128_CBC_SHA) on a queue manager whose release, as the
 * tree names it, still enables it by default (an 8.0 or 9.0.0.x queue manager: src/knowledge/mq-deprecation.ts): the
 * queue manager accepts it as well as the current defaults, at its protocol unless the protocols are configured.
 */
function withSpecTheReleaseAccepts(component, protocols, suites, addProtocol) {
    const release = (0, types_1.isMqChannel)(component) ? component.attributes.qmgr?.release?.value : undefined;
    const name = (0, types_1.isMqChannel)(component) ? component.attributes.sslciph?.value.trim() : undefined;
    const spec = name ? (0, knowledge_1.findCipherSpec)(name) : undefined;
    const suite = spec ? (0, knowledge_1.findCipherSuite)(spec.name)?.iana : undefined;
    if (!release || !spec || !suite || (0, knowledge_1.mqCipherSpecDefaultState)(spec.name, release)?.disabled !== 'no')
        return { protocols, suites };
    const protocol = (0, knowledge_1.normaliseProtocol)(spec.minProtocol);
    const withProtocol = addProtocol && !protocols.includes(protocol) ? [...protocols, protocol] : protocols;
    return {
        protocols: withProtocol.sort((a, b) => (0, knowledge_1.protocolRank)(a) - (0, knowledge_1.protocolRank)(b)),
        suites: suites.includes(suite) ? suites : [...suites, suite],
    };
}
