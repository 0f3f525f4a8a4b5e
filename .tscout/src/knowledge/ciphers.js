"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.findCipherSuite = findCipherSuite;
exports.allCipherSuites = allCipherSuites;
exports.jsseName = jsseName;
exports.parseProtocol = parseProtocol;
exports.normaliseProtocol = normaliseProtocol;
exports.protocolsBetween = protocolsBetween;
exports.protocolRetirement = protocolRetirement;
exports.protocolRank = protocolRank;
exports.suiteUsableWith = suiteUsableWith;
const cipher_suites_json_1 = __importDefault(require("./data/cipher-suites.json"));
const lazy_1 = require("../core/lazy");
const SUITES = cipher_suites_json_1.default.suites;
const normalKey = (name) => name.trim().toUpperCase().replace(/\s+/g, '');
/** A code point as written: `0x00,0x3D`, `0x003D` or `003D` (normal form: upper case, no blanks). */
const CODE_POINT = /^(?:0X([0-9A-F]{2}),0X([0-9A-F]{2})|(?:0X)?([0-9A-F]{4}))$/;
/**
 * Upper-cased names: IANA first (so an IANA name always wins), then each suite's JSSE, OpenSSL and IBM `SSL_`
 * names, then MQ CipherSpecs; a later name equal to an earlier key does not replace it. Built on first use, and
 * small: start-up pays for it on every run that looks a suite up (code points have an index of their own).
 */
function buildNameIndex() {
    const map = new Map();
    const add = (name, suite) => {
        // toUpperCase returns the string itself when nothing changes (most names are upper case already).
        const key = name?.toUpperCase();
        if (key && !map.has(key))
            map.set(key, suite);
    };
    // Counted loops: this runs once per process, as cold bytecode, where each step of a for…of allocates.
    for (let i = 0; i < SUITES.length; i++)
        add(SUITES[i].iana, SUITES[i]);
    for (let i = 0; i < SUITES.length; i++) {
        const suite = SUITES[i];
        // The IANA name was added above; the JSSE and IBM names are often the same string.
        if (suite.jsse !== suite.iana)
            add(suite.jsse, suite);
        add(suite.openssl, suite);
        if (suite.ibm !== suite.iana && suite.ibm !== suite.jsse)
            add(suite.ibm, suite);
    }
    for (let i = 0; i < SUITES.length; i++) {
        const specs = SUITES[i].mq ?? [];
        for (let j = 0; j < specs.length; j++)
            add(specs[j], SUITES[i]);
    }
    return map;
}
/** Suites by their two code bytes as four hex digits (`003D`); the schema fixes `code` as `0xHH,0xHH`. */
function buildCodeIndex() {
    const map = new Map();
    for (const suite of SUITES) {
        const hex = suite.code.slice(2, 4) + suite.code.slice(7, 9);
        if (!map.has(hex))
            map.set(hex, suite);
    }
    return map;
}
const byName = (0, lazy_1.lazy)(buildNameIndex);
const byCode = (0, lazy_1.lazy)(buildCodeIndex);
/** A name in normal form (upper case, no blanks): a name, else a code point. */
function findNormal(key) {
    const named = byName().get(key);
    if (named || key.length > 9)
        return named;
    const code = CODE_POINT.exec(key);
    if (!code)
        return undefined;
    return byCode().get(code[3] ?? code[1] + code[2]);
}
/**
 * Finds a suite by any spelling: IANA (`TLS_RSA_WITH_AES_256_CBC_SHA256`), OpenSSL (`AES256-SHA256`),
 * IBM/JSSE `SSL_` names (`SSL_RSA_WITH_AES_256_CBC_SHA256`), an MQ CipherSpec (`TLS_RSA_WITH_AES_256_CBC_SHA256`,
 * `ECDHE_RSA_AES_128_CBC_SHA256`), or the code point (`0x00,0x3D`, `0x003D`, `003D`). Case-insensitive.
 */
function findCipherSuite(name) {
    // A name written in normal form (no data name has a blank: test/knowledge/cipher-lookup.test.ts) is looked up
    // as it is, without the three string copies below (asked for every suite of every link end).
    const asWritten = findNormal(name);
    if (asWritten)
        return asWritten;
    const key = normalKey(name);
    const direct = key === name ? undefined : findNormal(key);
    if (direct)
        return direct;
    // Any SSL_ spelling of a TLS_ suite (IBM accepts TLS_ for SSL_, JSSE keeps SSL_ for legacy suites).
    if (key.startsWith('SSL_'))
        return findNormal(`TLS_${key.slice(4)}`);
    if (key.startsWith('TLS_'))
        return findNormal(`SSL_${key.slice(4)}`);
    return undefined;
}
function allCipherSuites() {
    return SUITES;
}
/** The name SunJSSE uses for a suite (its canonical `SSL_` name for legacy suites). */
function jsseName(suite) {
    return suite.jsse ?? suite.iana;
}
const PROTOCOL_ORDER = ['SSLv2Hello', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** `TLSv1.0`, `TLS1.2`, `TLSv12`, `tlsv1_1`, `SSLV3` → canonical JSSE spelling; undefined when not a protocol. */
function parseProtocol(raw) {
    const s = raw
        .trim()
        .toUpperCase()
        .replace(/[\s_]/g, '.')
        .replace(/^TLSV?/, 'TLS');
    if (/^SSLV?3(\.0)?$/.test(s))
        return 'SSLv3';
    const m = /^TLS(1)(?:\.?([0-3]))?$/.exec(s);
    if (!m)
        return undefined;
    return m[2] === undefined || m[2] === '0' ? 'TLSv1' : `TLSv1.${m[2]}`;
}
/**
 * The one protocol normaliser: a protocol name in canonical JSSE spelling (`parseProtocol`), `SSLv2Hello`
 * and `SSLv2` as JSSE spells them; other spellings unchanged.
 */
function normaliseProtocol(protocol) {
    // Asked for every suite × protocol of every link end: a handful of distinct spellings per run.
    let normalised = NORMALISED.get(protocol);
    if (normalised === undefined) {
        normalised = normaliseUncached(protocol);
        if (NORMALISED.size >= 10_000)
            NORMALISED.clear();
        NORMALISED.set(protocol, normalised);
    }
    return normalised;
}
const NORMALISED = new Map();
function normaliseUncached(protocol) {
    const p = protocol.trim();
    const known = parseProtocol(p);
    if (known)
        return known;
    const m = /^(TLS|SSL)v?(\d)(?:\.(\d))?$/i.exec(p);
    if (!m)
        return /^sslv2hello$/i.test(p) ? 'SSLv2Hello' : p;
    if (m[1].toUpperCase() === 'SSL')
        return `SSLv${m[2]}`;
    const minor = m[3] && m[3] !== '0' ? `.${m[3]}` : '';
    return `TLSv${m[2]}${minor}`;
}
/** The TLS versions from `min` to `max` (`TLSv1.2`, `TLSv1.3` → both), lowest first. */
function protocolsBetween(min, max) {
    return PROTOCOL_ORDER.filter((p) => p.startsWith('TLS') && protocolRank(p) >= protocolRank(min) && protocolRank(p) <= protocolRank(max));
}
/**
 * The RFC that retires each legacy protocol version: SSL 2.0 is prohibited by RFC 6176
 * (https://www.rfc-editor.org/info/rfc6176), SSL 3.0 by RFC 7568 ("requires that SSLv3 not be used",
 * https://www.rfc-editor.org/info/rfc7568), TLS 1.0 and 1.1 are deprecated by RFC 8996
 * (https://www.rfc-editor.org/info/rfc8996, "Deprecating TLS 1.0 and TLS 1.1"), which says nothing of SSL.
 */
const RETIRED_BY = {
    SSLv2: 'prohibited by RFC 6176',
    SSLv3: 'prohibited by RFC 7568',
    TLSv1: 'deprecated by RFC 8996',
    'TLSv1.1': 'deprecated by RFC 8996',
};
/**
 * What retires the legacy versions of a list, as a message says it: `deprecated by RFC 8996` for TLS 1.0 and 1.1
 * alone, each version with its RFC when SSL is among them (`SSLv3 prohibited by RFC 7568; TLSv1 deprecated by RFC
 * 8996`). Versions no RFC retires are left out; undefined when none is left.
 */
function protocolRetirement(protocols) {
    const byWhy = new Map();
    for (const protocol of protocols) {
        const name = normaliseProtocol(protocol);
        const why = RETIRED_BY[name];
        if (why)
            byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
    }
    if (byWhy.size <= 1)
        return [...byWhy.keys()][0];
    return [...byWhy].map(([why, names]) => `${names.join(', ')} ${why}`).join('; ');
}
function protocolRank(protocol) {
    return PROTOCOL_ORDER.indexOf(normaliseProtocol(protocol));
}
/** True when the suite can be negotiated with this protocol version. */
function suiteUsableWith(suite, protocol) {
    const rank = protocolRank(protocol);
    return rank >= protocolRank(suite.minProtocol) && rank <= protocolRank(suite.maxProtocol);
}
