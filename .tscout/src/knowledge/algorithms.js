"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitAlgorithmList = splitAlgorithmList;
exports.suiteComponents = suiteComponents;
exports.disabledEntryFor = disabledEntryFor;
exports.disabledSuiteMatcher = disabledSuiteMatcher;
exports.protocolDisabledBy = protocolDisabledBy;
const ciphers_1 = require("./ciphers");
/**
 * The entries of a `*.disabledAlgorithms` value as Java reads them: `\`-newline continuations joined
 * (leading blanks of the next line dropped), surrounding quotes removed, split at commas, each entry
 * trimmed with inner blanks collapsed, empty entries dropped.
 */
function splitAlgorithmList(value) {
    let text = value.replace(/\\\r?\n[ \t\f]*/g, '').trim();
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.slice(1, -1);
    return text
        .split(',')
        .map((entry) => entry.trim().replace(/\s+/g, ' '))
        .filter((entry) => entry.length > 0);
}
const KEY_EXCHANGE_PARTS = {
    'NULL/NULL': ['K_NULL'],
    'RSA/RSA': ['RSA'],
    'DH/DSS': ['DSA', 'DSS', 'DH', 'DiffieHellman', 'DH_DSS'],
    'DH/RSA': ['RSA', 'DH', 'DiffieHellman', 'DH_RSA'],
    'DHE/DSS': ['DSA', 'DSS', 'DH', 'DHE', 'DiffieHellman', 'DHE_DSS'],
    'DHE/RSA': ['RSA', 'DH', 'DHE', 'DiffieHellman', 'DHE_RSA'],
    'DH/anon': ['ANON', 'DH', 'DiffieHellman', 'DH_ANON'],
    'ECDH/ECDSA': ['ECDH', 'ECDSA', 'ECDH_ECDSA'],
    'ECDH/RSA': ['ECDH', 'RSA', 'ECDH_RSA'],
    'ECDHE/ECDSA': ['ECDHE', 'ECDSA', 'ECDHE_ECDSA'],
    'ECDHE/RSA': ['ECDHE', 'RSA', 'ECDHE_RSA'],
    'ECDH/anon': ['ECDH', 'ANON', 'ECDH_ANON'],
    'KRB5/KRB5': ['KRB5'],
};
const MAC_PARTS = {
    NULL: ['M_NULL'],
    MD5: ['MD5', 'HmacMD5'],
    SHA1: ['SHA1', 'SHA-1', 'HmacSHA1'],
    SHA256: ['SHA256', 'SHA-256', 'HmacSHA256'],
    SHA384: ['SHA384', 'SHA-384', 'HmacSHA384'],
    AEAD: [],
};
function cipherParts(enc) {
    const parts = [enc];
    if (enc === 'NULL')
        parts.push('C_NULL', 'NULL');
    if (enc.startsWith('RC4'))
        parts.push('RC4');
    if (enc === 'DES40_CBC' || enc === 'DES_CBC_40')
        parts.push('DES40_CBC', 'DES_CBC_40', 'DES', 'CBC');
    if (enc === 'DES_CBC')
        parts.push('DES', 'CBC');
    if (enc === '3DES_EDE_CBC')
        parts.push('DESede', 'CBC');
    const aes = /^AES_(\d+)_(CBC|GCM|CCM)/.exec(enc);
    if (aes)
        parts.push('AES', aes[2]);
    if (enc.startsWith('CHACHA20'))
        parts.push('ChaCha20-Poly1305');
    return parts;
}
/**
 * The components SunJSSE's SSLAlgorithmDecomposer yields for a suite: key exchange parts (`ECDH_anon` →
 * ECDH, ANON, ECDH_ANON), bulk cipher parts (`RC4_128` → RC4_128, RC4; `DES_CBC` → DES_CBC, DES, CBC;
 * `3DES_EDE_CBC` → 3DES_EDE_CBC, DESede, CBC; NULL → C_NULL, NULL) and MAC parts.
 */
function suiteComponents(suite) {
    const kx = KEY_EXCHANGE_PARTS[`${suite.kx}/${suite.au}`] ?? [suite.kx, suite.au];
    const exportParts = suite.flags.export && suite.kx === 'RSA' ? ['RSA_EXPORT'] : [];
    return [
        ...(suite.flags.tls13 ? [] : kx),
        ...exportParts,
        ...cipherParts(suite.enc),
        ...(MAC_PARTS[suite.mac] ?? [suite.mac]),
    ];
}
/** Entries that constrain keys or usages rather than naming an algorithm (`DH keySize < 1024`, `include …`). */
function isNameEntry(entry) {
    return !/\s/.test(entry.trim());
}
/**
 * Which entry of a disabledAlgorithms list disables this cipher suite (given by any spelling), following
 * the JDK: the suite name itself, a `TLS_…*` wildcard (only for names starting with `TLS_`, JDK-8341964),
 * or one of its decomposed components (`anon`, `NULL`, `ECDH` which also blocks ECDH_anon, `RC4`, `DES`,
 * `3DES_EDE_CBC`, `DES40_CBC`, `RC4_40` …), case-insensitively. Constraint entries (`DH keySize < 1024`) and
 * `include jdk.disabled.namedCurves` never disable a suite by name.
 */
function disabledEntryFor(suiteName, disabledEntries) {
    return disabledSuiteMatcher(disabledEntries)(suiteName);
}
/** One compiled matcher per distinct list (fleets share a handful of JDK lists), each memoising per suite name. */
const MATCHERS = new Map();
/** Bounds the memo tables on inputs with very many distinct lists or suite names. */
const MEMO_LIMIT = 10_000;
/**
 * `disabledEntryFor` for one list, for callers that test many suites against it: the answer for each
 * suite name is computed once per distinct list content (the lists are compared by value).
 */
function disabledSuiteMatcher(disabledEntries) {
    const key = disabledEntries.join('\u0000');
    let matcher = MATCHERS.get(key);
    if (!matcher) {
        const list = compileList([...disabledEntries]);
        const answers = new Map();
        matcher = (suiteName) => {
            if (answers.has(suiteName))
                return answers.get(suiteName);
            const answer = findDisabledEntry(suiteName, list);
            if (answers.size < MEMO_LIMIT)
                answers.set(suiteName, answer);
            return answer;
        };
        if (MATCHERS.size >= MEMO_LIMIT)
            MATCHERS.clear();
        MATCHERS.set(key, matcher);
    }
    return matcher;
}
function compileList(entries) {
    const names = new Map();
    const wildcards = [];
    entries.forEach((raw, index) => {
        const entry = raw.trim();
        if (!isNameEntry(entry))
            return;
        const upper = entry.toUpperCase();
        if (!upper.endsWith('*')) {
            if (!names.has(upper))
                names.set(upper, index);
        }
        else if (upper.startsWith('TLS_'))
            wildcards.push({ prefix: upper.slice(0, -1), index });
    });
    return { entries, names, wildcards };
}
/** The first entry of the list that disables the suite (by name, wildcard or component), as the JDK reads it. */
function findDisabledEntry(suiteName, list) {
    const suite = (0, ciphers_1.findCipherSuite)(suiteName);
    const canonical = (suite ? (0, ciphers_1.jsseName)(suite) : suiteName.trim()).toUpperCase();
    const candidates = suite ? [(0, ciphers_1.jsseName)(suite), suite.iana, ...suiteComponents(suite)] : [suiteName.trim()];
    let first = Infinity;
    for (const candidate of candidates)
        first = Math.min(first, list.names.get(candidate.toUpperCase()) ?? Infinity);
    const wildcard = list.wildcards.find((w) => canonical.startsWith(w.prefix));
    if (wildcard)
        first = Math.min(first, wildcard.index);
    return first === Infinity ? undefined : list.entries[first];
}
/** Which entry disables this protocol version (`TLSv1`, `TLSv1.0`, `SSLv3`, `DTLSv1.0` …), if any. */
function protocolDisabledBy(protocol, disabledEntries) {
    const wanted = (0, ciphers_1.normaliseProtocol)(protocol).toUpperCase();
    return disabledEntries.find((entry) => isNameEntry(entry) && (0, ciphers_1.normaliseProtocol)(entry).toUpperCase() === wanted);
}
