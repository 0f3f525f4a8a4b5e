"use strict";
/**
 * Cipher-suite and protocol facts the predictor needs, derived from the IANA name itself
 * (`TLS_<kx>_<au>_WITH_<enc>_<mac>`), so the predictor stays pure and works for any suite name the
 * stacks use. Spelling variants (IBM/JSSE `SSL_` prefix) are folded onto the IANA `TLS_` name.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROTOCOLS_ASCENDING = void 0;
exports.canonicalSuiteName = canonicalSuiteName;
exports.suiteFacts = suiteFacts;
exports.suiteUsableWithKey = suiteUsableWithKey;
exports.needsEllipticCurves = needsEllipticCurves;
exports.suiteSupportsProtocol = suiteSupportsProtocol;
const knowledge_1 = require("../knowledge");
exports.PROTOCOLS_ASCENDING = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const TLS13_SUITES = new Set([
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'TLS_AES_128_CCM_SHA256',
    'TLS_AES_128_CCM_8_SHA256',
]);
/** Folds `SSL_X` onto `TLS_X`; leaves other names alone (upper-cased). */
function canonicalSuiteName(name) {
    const n = name
        .trim()
        .toUpperCase()
        .replace(/^SSL_/, 'TLS_')
        .replace(/_ANON_/, '_anon_');
    return n;
}
const cache = new Map();
/** Facts about a suite from its IANA/JSSE/IBM name; undefined for names that are not suite names. */
function suiteFacts(rawName) {
    // By the name as written first: endpoints repeat the same few spellings for every link.
    if (byRawName.has(rawName))
        return byRawName.get(rawName);
    const name = canonicalSuiteName(rawName);
    if (!cache.has(name))
        cache.set(name, computeFacts(name));
    const facts = cache.get(name);
    if (byRawName.size < 10_000)
        byRawName.set(rawName, facts);
    return facts;
}
const byRawName = new Map();
function computeFacts(name) {
    const noFlags = {
        anon: false,
        null: false,
        export: false,
        rc4: false,
        des: false,
        tripleDes: false,
        cbc: false,
        sha1Mac: false,
        staticRsa: false,
    };
    if (TLS13_SUITES.has(name)) {
        // Every TLS 1.3 suite name ends in its hash (RFC 8446 B.4).
        const [, enc = '', mac = ''] = /^TLS_(.+)_(SHA256|SHA384)$/.exec(name) ?? [];
        return {
            name,
            tls13: true,
            kx: 'ANY',
            au: 'ANY',
            enc,
            mac,
            minProtocol: 'TLSv1.3',
            maxProtocol: 'TLSv1.3',
            flags: noFlags,
        };
    }
    const m = /^TLS_(.+?)_WITH_(.+)$/.exec(name);
    if (!m || name === 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV')
        return undefined;
    const kxau = m[1];
    const rest = m[2];
    const exportSuite = /_EXPORT(1024)?$/.test(kxau) || /EXPORT/.test(rest);
    const base = kxau.replace(/_EXPORT(1024)?$/, '');
    const [kx, au] = splitKxAu(base);
    const macMatch = /_(SHA|SHA256|SHA384|MD5)$/.exec(rest);
    const aead = /GCM|CCM|CHACHA20_POLY1305/.test(rest);
    const mac = macMatch && !aead ? macMatch[1] : 'AEAD';
    const enc = macMatch ? rest.slice(0, rest.length - macMatch[0].length) : rest;
    const tls12Only = aead || ((mac === 'SHA256' || mac === 'SHA384') && !/PSK/.test(kx));
    const rc4 = /RC4/.test(enc);
    const des = /(^|_)DES(40)?_CBC|DES_CBC_40/.test(enc) && !/3DES/.test(enc);
    const flags = {
        anon: au === 'anon',
        null: /^NULL/.test(enc),
        export: exportSuite || /_40$|DES40|RC4_40|RC2_CBC_40/.test(enc),
        rc4,
        des,
        tripleDes: /3DES/.test(enc),
        cbc: /CBC/.test(enc),
        sha1Mac: mac === 'SHA',
        staticRsa: kx === 'RSA',
    };
    // JSSE (and RFC 4346/5246) limits: export suites to TLS 1.0, DES/RC4-40 to TLS 1.1.
    const maxProtocol = flags.export ? 'TLSv1' : des ? 'TLSv1.1' : 'TLSv1.2';
    const ecc = /ECDH/.test(kx);
    const minProtocol = tls12Only ? 'TLSv1.2' : ecc ? 'TLSv1' : 'SSLv3';
    return { name, tls13: false, kx, au, enc, mac, minProtocol, maxProtocol, flags };
}
function splitKxAu(kxau) {
    switch (kxau) {
        case 'RSA':
            return ['RSA', 'RSA'];
        case 'DH_anon':
        case 'DH_ANON':
            return ['DH', 'anon'];
        case 'ECDH_anon':
        case 'ECDH_ANON':
            return ['ECDH', 'anon'];
        case 'PSK':
            return ['PSK', 'PSK'];
        case 'SRP_SHA':
            return ['SRP', 'SRP'];
        case 'KRB5':
            return ['KRB5', 'KRB5'];
    }
    const m = /^(DHE|ECDHE|DH|ECDH|SRP_SHA|RSA)_(RSA|ECDSA|DSS|PSK)$/.exec(kxau);
    if (m) {
        const [, kx = kxau, au = kxau] = m;
        if (au === 'PSK')
            return [`${kx}_PSK`, 'PSK'];
        return [kx === 'SRP_SHA' ? 'SRP' : kx, au];
    }
    return [kxau, kxau];
}
/** Can a server holding a key of this type negotiate the suite? (anon needs no key; PSK/SRP/KRB5 need other credentials). */
function suiteUsableWithKey(facts, keyType) {
    if (facts.tls13)
        return keyType !== 'DSA';
    if (facts.au === 'anon')
        return true;
    if (keyType === undefined)
        return false;
    switch (facts.kx) {
        case 'RSA':
        case 'DHE':
        case 'ECDHE':
            return ((facts.au === 'RSA' && keyType === 'RSA') ||
                (facts.au === 'ECDSA' && keyType === 'EC') ||
                (facts.au === 'DSS' && keyType === 'DSA'));
        case 'ECDH': // static ECDH needs an EC key (signed by RSA or ECDSA)
            return keyType === 'EC';
        case 'DH':
            return false; // static DH certificates: not modelled
        default:
            return false;
    }
}
/** A TLS 1.2-or-earlier suite that needs elliptic-curve cryptography: (EC)DH key exchange over a curve, or an ECDSA key. */
function needsEllipticCurves(facts) {
    return !facts.tls13 && (/ECDH/.test(facts.kx) || facts.au === 'ECDSA');
}
function suiteSupportsProtocol(facts, protocol) {
    const r = (0, knowledge_1.protocolRank)(protocol);
    return r >= (0, knowledge_1.protocolRank)(facts.minProtocol) && r <= (0, knowledge_1.protocolRank)(facts.maxProtocol);
}
