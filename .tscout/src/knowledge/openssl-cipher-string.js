"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPENSSL_TABLE_VERSION = void 0;
exports.allowedAtSecurityLevel = allowedAtSecurityLevel;
exports.expandCipherString = expandCipherString;
const openssl_ciphers_data_1 = require("./openssl-ciphers.data");
exports.OPENSSL_TABLE_VERSION = openssl_ciphers_data_1.OPENSSL_VERSION;
const fromRow = (r) => ({
    code: r[0],
    iana: r[1],
    openssl: r[2],
    minProtocol: r[3],
    kx: r[4],
    au: r[5],
    enc: r[6],
    bits: r[7],
    mac: r[8],
    level: r[9],
    inDefault: r[10] === 1,
});
/** The OpenSSL 3.0 table, made from its rows on first use (not at start-up). */
let baseCiphers;
const opensslCiphers = () => (baseCiphers ??= openssl_ciphers_data_1.OPENSSL_CIPHER_ROWS.map(fromRow));
const table = (ciphers) => ({
    ciphers,
    byName: new Map(ciphers.map((c) => [c.openssl, c])),
});
let baseTable;
const TABLES = new Map();
function tableOf(series) {
    if (!series || (series.extraCiphers.length === 0 && !series.lacksEnc?.length))
        return (baseTable ??= table(opensslCiphers()));
    let found = TABLES.get(series.series);
    if (!found) {
        const lacks = series.lacksEnc ?? [];
        found = table([...opensslCiphers().filter((c) => !lacks.includes(c.enc)), ...series.extraCiphers.map(fromRow)]);
        TABLES.set(series.series, found);
    }
    return found;
}
const isPskKx = (c) => c.kx === 'PSK' || c.kx === 'ECDHEPSK' || c.kx === 'DHEPSK' || c.kx === 'RSAPSK';
const encIs = (...names) => (c) => names.includes(c.enc);
const encPrefix = (prefix, bits) => (c) => c.enc.startsWith(prefix) && (bits === undefined || c.bits === bits);
const ALIASES = {
    ALL: (c) => c.enc !== 'None',
    COMPLEMENTOFALL: (c) => c.enc === 'None',
    COMPLEMENTOFDEFAULT: (c) => !c.inDefault && c.enc !== 'None',
    HIGH: (c) => c.level === 'HIGH',
    MEDIUM: (c) => c.level === 'MEDIUM',
    LOW: (c) => c.level === 'LOW',
    eNULL: (c) => c.enc === 'None',
    NULL: (c) => c.enc === 'None',
    aNULL: (c) => c.au === 'None',
    kRSA: (c) => c.kx === 'RSA',
    RSA: (c) => c.kx === 'RSA',
    aRSA: (c) => c.au === 'RSA',
    kDHE: (c) => c.kx === 'DH',
    kEDH: (c) => c.kx === 'DH',
    DH: (c) => c.kx === 'DH',
    DHE: (c) => c.kx === 'DH' && c.au !== 'None',
    EDH: (c) => c.kx === 'DH' && c.au !== 'None',
    ADH: (c) => c.kx === 'DH' && c.au === 'None',
    kECDHE: (c) => c.kx === 'ECDH',
    kEECDH: (c) => c.kx === 'ECDH',
    ECDH: (c) => c.kx === 'ECDH',
    ECDHE: (c) => c.kx === 'ECDH' && c.au !== 'None',
    EECDH: (c) => c.kx === 'ECDH' && c.au !== 'None',
    AECDH: (c) => c.kx === 'ECDH' && c.au === 'None',
    aECDSA: (c) => c.au === 'ECDSA',
    ECDSA: (c) => c.au === 'ECDSA',
    aDSS: (c) => c.au === 'DSS',
    DSS: (c) => c.au === 'DSS',
    kPSK: (c) => c.kx === 'PSK',
    kECDHEPSK: (c) => c.kx === 'ECDHEPSK',
    kDHEPSK: (c) => c.kx === 'DHEPSK',
    kRSAPSK: (c) => c.kx === 'RSAPSK',
    aPSK: (c) => c.au === 'PSK',
    PSK: isPskKx,
    kSRP: (c) => c.kx === 'SRP',
    SRP: (c) => c.kx === 'SRP',
    aSRP: (c) => c.au === 'SRP',
    AES128: encPrefix('AES', 128),
    AES256: encPrefix('AES', 256),
    AES: encPrefix('AES'),
    AESGCM: encIs('AESGCM'),
    AESCCM: encIs('AESCCM', 'AESCCM8'),
    AESCCM8: encIs('AESCCM8'),
    CHACHA20: encIs('CHACHA20/POLY1305'),
    CAMELLIA128: encPrefix('Camellia', 128),
    CAMELLIA256: encPrefix('Camellia', 256),
    CAMELLIA: encPrefix('Camellia'),
    ARIA128: encPrefix('ARIA', 128),
    ARIA256: encPrefix('ARIA', 256),
    ARIA: encPrefix('ARIA'),
    ARIAGCM: encPrefix('ARIAGCM'),
    '3DES': encIs('3DES'),
    DES: encIs('DES'),
    RC4: encIs('RC4'),
    RC2: encIs('RC2'),
    IDEA: encIs('IDEA'),
    SEED: encIs('SEED'),
    MD5: (c) => c.mac === 'MD5',
    SHA1: (c) => c.mac === 'SHA1',
    SHA: (c) => c.mac === 'SHA1',
    SHA256: (c) => c.mac === 'SHA256',
    SHA384: (c) => c.mac === 'SHA384',
    'TLSv1.2': (c) => c.minProtocol === 'TLSv1.2',
    'TLSv1.0': (c) => c.minProtocol === 'TLSv1',
    TLSv1: (c) => c.minProtocol === 'TLSv1',
    SSLv3: (c) => c.minProtocol === 'SSLv3',
};
/** Aliases OpenSSL knows that select nothing in this build (export, GOST, …): not "unknown". */
const EMPTY_ALIASES = new Set([
    'EXP',
    'EXPORT',
    'EXPORT40',
    'EXPORT56',
    'LOW',
    'MEDIUM',
    'aGOST',
    'aGOST01',
    'kGOST',
    'GOST94',
    'GOST89MAC',
    'kDH',
    'kDHr',
    'kDHd',
    'kECDH',
    'kECDHr',
    'kECDHe',
    'aDH',
    'aECDH',
    'FIPS',
    'SUITEB128',
    'SUITEB128ONLY',
    'SUITEB192',
    'NULL-MD5',
    'RC4-MD5',
]);
function predicateFor(element, byName) {
    const parts = element.split('+');
    const predicates = [];
    for (const part of parts) {
        const alias = ALIASES[part];
        if (alias) {
            predicates.push(alias);
            continue;
        }
        const cipher = byName.get(part);
        if (cipher) {
            predicates.push((c) => c === cipher);
            continue;
        }
        if (EMPTY_ALIASES.has(part)) {
            predicates.push(() => false);
            continue;
        }
        return undefined;
    }
    return (c) => predicates.every((p) => p(c));
}
const MIN_BITS = [0, 80, 112, 128, 192, 256];
/** OpenSSL's default security callback for a cipher (ssl/t1_lib.c `ssl_security_default_callback`). */
function allowedAtSecurityLevel(c, level) {
    if (level <= 0)
        return true; // not a version fact: OpenSSL security level
    const minBits = MIN_BITS[Math.min(level, 5)] ?? 0; // level is >= 1 here: always an entry
    if (c.bits < minBits)
        return false;
    if (c.au === 'None')
        return false;
    if (c.mac === 'MD5')
        return false;
    if (minBits > 160 && c.mac === 'SHA1')
        return false;
    if (level >= 2 && c.enc === 'RC4')
        return false; // not a version fact: OpenSSL security level
    if (level >= 3 && !(c.kx === 'DH' || c.kx === 'ECDH' || c.kx === 'DHEPSK' || c.kx === 'ECDHEPSK'))
        return false; // not a version fact: OpenSSL security level
    return true;
}
function expandCipherString(cipherString, options = {}) {
    const { ciphers: all, byName } = tableOf(options.series);
    let order = [...all];
    const active = new Set();
    const unknown = [];
    let securityLevel;
    let invalidCommand;
    // Without a series: the commands of the 3.0 table's parser, which knows them all.
    const commands = options.series?.cipherStringCommands ?? ['STRENGTH', 'SECLEVEL'];
    const apply = (op, match) => {
        const snapshot = [...order];
        if (op === 'add') {
            for (const c of snapshot) {
                if (match(c) && !active.has(c)) {
                    order = order.filter((x) => x !== c);
                    order.push(c);
                    active.add(c);
                }
            }
        }
        else if (op === 'ord') {
            for (const c of snapshot) {
                if (match(c) && active.has(c)) {
                    order = order.filter((x) => x !== c);
                    order.push(c);
                }
            }
        }
        else if (op === 'del') {
            for (const c of [...snapshot].reverse()) {
                if (match(c) && active.has(c)) {
                    order = order.filter((x) => x !== c);
                    order.unshift(c);
                    active.delete(c);
                }
            }
        }
        else {
            order = order.filter((c) => {
                if (!match(c))
                    return true;
                active.delete(c);
                return false;
            });
        }
    };
    let rest = cipherString.trim();
    if (rest.startsWith('DEFAULT')) {
        for (const element of ['ALL', '!COMPLEMENTOFDEFAULT', '!eNULL'])
            processElement(element);
        rest = rest.slice('DEFAULT'.length);
    }
    // An `@` starts a command even without a separator (`HIGH@SECLEVEL=0`), as in OpenSSL's rule parser.
    for (const element of rest.split(/[:,; \t]+/).flatMap((e) => e.split(/(?=@)/)))
        if (element)
            processElement(element);
    function processElement(element) {
        if (invalidCommand)
            return;
        const command = /^@([A-Z]+)/.exec(element)?.[1];
        if (command && !commands.includes(command)) {
            invalidCommand = element;
            return;
        }
        if (element === '@STRENGTH') {
            const sorted = order.filter((c) => active.has(c)).sort((a, b) => b.bits - a.bits);
            order = [...order.filter((c) => !active.has(c)), ...sorted];
            return;
        }
        const level = /^@SECLEVEL=(\d+)$/.exec(element);
        if (level) {
            securityLevel = Number(level[1]);
            return;
        }
        const op = element[0] === '!' ? 'kill' : element[0] === '-' ? 'del' : element[0] === '+' ? 'ord' : 'add';
        const body = op === 'add' ? element : element.slice(1);
        const match = predicateFor(body, byName);
        if (!match) {
            unknown.push(element);
            return;
        }
        apply(op, match);
    }
    if (invalidCommand)
        return { ciphers: [], selected: [], credentialCiphers: [], unknown, noMatch: false, invalidCommand };
    const selected = order.filter((c) => active.has(c));
    // A series without security levels (1.0.2: default level 0) filters nothing, MD5 and RC4 suites included.
    const level = securityLevel ?? options.defaultSecurityLevel ?? options.series?.defaultSecurityLevel ?? 1;
    const needsCredential = (c) => isPskKx(c) || c.kx === 'SRP';
    const allowed = selected.filter((c) => allowedAtSecurityLevel(c, level));
    const ciphers = options.includePskSrp ? allowed : allowed.filter((c) => !needsCredential(c));
    const credentialCiphers = options.includePskSrp ? [] : allowed.filter(needsCredential);
    return { ciphers, selected, credentialCiphers, unknown, securityLevel, noMatch: selected.length === 0 };
}
