"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.optionLocation = exports.isPlaceholder = void 0;
exports.optionsOf = optionsOf;
exports.lastOption = lastOption;
exports.lastOf = lastOf;
exports.haproxyVersions = haproxyVersions;
exports.haproxyCiphers = haproxyCiphers;
exports.withTls13Suites = withTls13Suites;
exports.wordsRange = wordsRange;
exports.haproxyTls = haproxyTls;
const openssl_cipher_string_1 = require("../knowledge/openssl-cipher-string");
const ciphers_1 = require("../knowledge/ciphers");
const openssl_1 = require("../knowledge/openssl");
const openssl_floor_1 = require("./openssl-floor");
/** Keywords of bind and server lines that take a value (doc/configuration.txt 5.1 and 5.2): their value is no keyword. */
const VALUED = new Set([
    'accept-netscaler-cip',
    'addr',
    'agent-addr',
    'agent-inter',
    'agent-port',
    'agent-send',
    'alpn',
    'backlog',
    'ca-file',
    'ca-ignore-err',
    'ca-sign-file',
    'ca-sign-pass',
    'ca-verify-file',
    'check-alpn',
    'check-proto',
    'check-sni',
    'ciphers',
    'ciphersuites',
    'client-sigalgs',
    'cookie',
    'crl-file',
    'crt',
    'crt-ignore-err',
    'crt-list',
    'default-crt',
    'curves',
    'ech',
    'downinter',
    'ecdhe',
    'error-limit',
    'expose-fd',
    'fall',
    'fastinter',
    'gid',
    'group',
    'guid',
    'hash-key',
    'id',
    'init-addr',
    'inter',
    'interface',
    'label',
    'level',
    'log-proto',
    'max-reuse',
    'maxconn',
    'maxqueue',
    'minconn',
    'mode',
    'mss',
    'name',
    'namespace',
    'nice',
    'npn',
    'observe',
    'on-error',
    'on-marked-down',
    'on-marked-up',
    'pool-conn-name',
    'pool-low-conn',
    'pool-max-conn',
    'pool-purge-delay',
    'port',
    'process',
    'proto',
    'quic-cc-algo',
    'redir',
    'resolve-net',
    'resolve-opts',
    'resolve-prefer',
    'resolvers',
    'rise',
    'send-proxy-v2-options',
    'severity-output',
    'shard',
    'shards',
    'sigalgs',
    'slowstart',
    'sni',
    'socks4',
    'source',
    'ssl-max-ver',
    'ssl-min-ver',
    'tcp-ut',
    'thread',
    'tls-ticket-keys',
    'track',
    'uid',
    'user',
    'verify',
    'verifyhost',
    'weight',
    'ws',
]);
/** The words of a line (or of `ssl-default-*-options`) as keywords with their values. */
function optionsOf(words, file) {
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const keyword = words[i]; // i < words.length
        const value = VALUED.has(keyword.value) ? words[i + 1] : undefined;
        out.push({ keyword, file, ...(value ? { value } : {}) });
        if (value)
            i++;
    }
    return out;
}
/** The last option of that keyword (a later word overrides an earlier one, as HAProxy parses left to right). */
function lastOption(options, keyword) {
    return lastOf(options, (o) => o.keyword.value === keyword);
}
function lastOf(options, test) {
    for (let i = options.length - 1; i >= 0; i--) {
        const option = options[i]; // i in bounds
        if (test(option))
            return option;
    }
    return undefined;
}
/** HAProxy's version names as the model writes them (TLSv1.0 → TLSv1). */
const VERSIONS = [
    { haproxy: 'SSLv3', model: 'SSLv3', flag: 'no-sslv3', force: 'force-sslv3' },
    { haproxy: 'TLSv1.0', model: 'TLSv1', flag: 'no-tlsv10', force: 'force-tlsv10' },
    { haproxy: 'TLSv1.1', model: 'TLSv1.1', flag: 'no-tlsv11', force: 'force-tlsv11' },
    { haproxy: 'TLSv1.2', model: 'TLSv1.2', flag: 'no-tlsv12', force: 'force-tlsv12' },
    { haproxy: 'TLSv1.3', model: 'TLSv1.3', flag: 'no-tlsv13', force: 'force-tlsv13' },
];
const isPlaceholder = (value) => /\$\{|\{\{|%\{/.test(value);
exports.isPlaceholder = isPlaceholder;
const optionLocation = (o) => ({
    file: o.file,
    range: o.value ? { start: o.keyword.range.start, end: o.value.range.end } : o.keyword.range,
});
exports.optionLocation = optionLocation;
const at = (o, value) => ({
    value,
    from: { kind: 'file', location: (0, exports.optionLocation)(o) },
});
/**
 * The versions HAProxy enables: min and max (the line's, else the global default's), the `no-*` flags of both (ignored
 * when a min or max is set), `force-*` as min = max; a bind without a min gets TLSv1.2 from 2.2 on. A server line
 * that sets nothing keeps OpenSSL's own versions (unset here).
 */
function haproxyVersions(input) {
    const { own, global, role, tls13 } = input;
    const both = [...global, ...own];
    const unknown = [];
    const rank = (o) => {
        if (!o?.value)
            return undefined;
        if ((0, exports.isPlaceholder)(o.value.value)) {
            unknown.push((0, exports.optionLocation)(o));
            return undefined;
        }
        const i = VERSIONS.findIndex((v) => v.haproxy === o.value?.value);
        return i < 0 ? undefined : i;
    };
    const forced = [...own, ...global].find((o) => VERSIONS.some((v) => v.force === o.keyword.value));
    const minOption = forced ?? lastOption(own, 'ssl-min-ver') ?? lastOption(global, 'ssl-min-ver');
    const maxOption = forced ?? lastOption(own, 'ssl-max-ver') ?? lastOption(global, 'ssl-max-ver');
    const forcedRank = forced ? VERSIONS.findIndex((v) => v.force === forced.keyword.value) : undefined;
    let min = forcedRank ?? rank(minOption);
    const max = forcedRank ?? rank(maxOption);
    if (unknown.length > 0)
        return { unknown };
    const flags = both.filter((o) => VERSIONS.some((v) => v.flag === o.keyword.value));
    const flagsApply = min === undefined && max === undefined;
    const top = tls13 ? VERSIONS.length - 1 : VERSIONS.length - 2;
    const range = (low) => VERSIONS.slice(1)
        .filter((v, i) => i + 1 >= low && i + 1 <= Math.min(max ?? top, top))
        .filter((v) => !flagsApply || !flags.some((f) => f.keyword.value === v.flag))
        .map((v) => v.model);
    const written = minOption ?? maxOption ?? flags.at(-1);
    if (role === 'server') {
        if (!written)
            return { unknown };
        return { protocols: at(written, range(min ?? 1)), unknown };
    }
    if (min !== undefined)
        return { protocols: at(minOption ?? written, range(min)), unknown };
    const floor = VERSIONS.findIndex((v) => v.model === openssl_1.HAPROXY_FACTS.bindMinVersionDefault.value);
    // Below the floor's max (ssl-max-ver TLSv1.1): HAProxy sets the min to the max and warns.
    if (max !== undefined && max < floor)
        min = max;
    const withFloor = range(min ?? floor);
    const without = range(min ?? 1);
    const since = openssl_1.HAPROXY_FACTS.bindMinVersionDefault.since;
    const source = openssl_1.HAPROXY_FACTS.bindMinVersionDefault.source.split(' ')[0] ?? '';
    if (input.floor === false) {
        const origin = written
            ? { kind: 'file', location: (0, exports.optionLocation)(written) }
            : {
                kind: 'default',
                origin: `HAProxy ${input.release ?? ''} (before ${since}) sets no minimum version on a bind: OpenSSL's apply (${source})`,
                confidence: 'verified',
            };
        return { protocols: { value: without, from: origin }, unknown };
    }
    const protocols = {
        value: withFloor,
        from: {
            kind: 'default',
            origin: `HAProxy ${since}+ bind default ssl-min-ver ${openssl_1.HAPROXY_FACTS.bindMinVersionDefault.value} (${source})`,
            confidence: 'verified',
        },
    };
    const differs = without.join() !== withFloor.join();
    return {
        protocols,
        unknown,
        ...(input.floor === undefined && differs
            ? {
                protocolsAlternative: {
                    what: `the HAProxy release (before ${since} a bind without ssl-min-ver also accepts ${without.filter((p) => !withFloor.includes(p)).join(', ')}): name the haproxy image in a Dockerfile FROM or a Compose image, or set ssl-min-ver`,
                    value: without,
                },
            }
            : {}),
    };
}
/** The cipher string in effect (`option`, else the global default's, else OpenSSL's DEFAULT), expanded. */
function haproxyCiphers(option, openssl, memo, role) {
    const written = option?.value?.value;
    // `PROFILE=SYSTEM` (Fedora's and RHEL's haproxy.cfg ship `ssl-default-bind-ciphers PROFILE=SYSTEM`): the host's policy.
    if (option && (written === undefined || (0, exports.isPlaceholder)(written) || (0, openssl_1.namesCryptoPolicy)(written)))
        return { unknownCipherElements: [], unknownAt: (0, exports.optionLocation)(option) };
    const cipherString = written ?? openssl_1.HAPROXY_FACTS.ciphersDefault.value;
    const facts = openssl.facts;
    const expanded = memo.get('haproxyCipherString', `${facts.series}\u0000${cipherString}`, () => (0, openssl_cipher_string_1.expandCipherString)(cipherString, { series: facts }));
    const iana = expanded.ciphers.map((c) => c.iana);
    const out = {
        unknownCipherElements: [...expanded.unknown],
        cipherSuites: option
            ? at(option, iana)
            : {
                value: iana,
                from: {
                    kind: 'default',
                    origin: `HAProxy sets no cipher list without ciphers: OpenSSL ${facts.series}'s ${cipherString} (${openssl_1.HAPROXY_FACTS.ciphersDefault.source.split(' ')[0]})`,
                    confidence: 'verified',
                },
            },
        ...(written !== undefined ? { ciphersAsWritten: written } : {}),
    };
    if (option && expanded.credentialCiphers.length > 0)
        out.credentialSuites = at(option, expanded.credentialCiphers.map((c) => c.iana));
    Object.assign(out, (0, openssl_floor_1.signatureFloorSettings)({
        openssl: facts,
        assumed: openssl.assumed,
        level: expanded.securityLevel,
        ciphers: undefined,
        directive: option?.keyword.value ?? 'ciphers',
        role,
        product: 'HAProxy',
        ...(option ? { writtenAt: (floor) => at(option, floor) } : {}),
    }));
    return out;
}
/**
 * The ciphers with the TLS 1.3 suites `ciphersuites` (else global `ssl-default-bind-ciphersuites` /
 * `ssl-default-server-ciphersuites`) sets: OpenSSL offers them before the others (SSL_CTX_set_ciphersuites; HAProxy
 * passes the list as written, src/ssl_sock.c). Unset: OpenSSL's default TLS 1.3 suites (added by the predictor). A name
 * that is no TLS 1.3 suite, or a placeholder, leaves the suites unknown. Ignored without TLS 1.3 in the OpenSSL.
 */
function withTls13Suites(ciphers, option, tls13) {
    const written = option?.value?.value;
    if (!option || !tls13 || ciphers.unknownAt)
        return ciphers;
    const names = (written ?? '').split(':').filter(Boolean);
    const suites = names.map((n) => (0, ciphers_1.findCipherSuite)(n)).filter((c) => c?.flags.tls13);
    if (written === undefined || (0, exports.isPlaceholder)(written) || names.length === 0 || suites.length !== names.length) {
        const { cipherSuites: _dropped, credentialSuites: _credentials, ...rest } = ciphers;
        return { ...rest, unknownAt: (0, exports.optionLocation)(option) };
    }
    const older = (ciphers.cipherSuites?.value ?? []).filter((s) => !(0, ciphers_1.findCipherSuite)(s)?.flags.tls13);
    const iana = suites.flatMap((c) => c?.iana ?? []);
    return {
        ...ciphers,
        // Provenance: the written cipher string, else the ciphersuites line (the TLS 1.3 suites are then all it sets).
        cipherSuites: {
            value: [...iana, ...older],
            from: ciphers.cipherSuites?.from.kind === 'file' ? ciphers.cipherSuites.from : at(option, []).from,
        },
        tls13SuitesAt: (0, exports.optionLocation)(option),
    };
}
/** The range from the first to the last word of a line. */
function wordsRange(words, fallback) {
    const first = words[0];
    const last = words.at(-1);
    return first && last ? { start: first.range.start, end: last.range.end } : fallback;
}
/** TLS settings assembled from the parts (the placeholders found make the end's handshake unknown). */
function haproxyTls(parts) {
    const { versions, ciphers, extra } = parts;
    const tls = { implementation: 'openssl', ...extra };
    if (versions.protocols)
        tls.protocols = versions.protocols;
    if (versions.protocolsAlternative)
        tls.protocolsAlternative = versions.protocolsAlternative;
    if (ciphers.cipherSuites)
        tls.cipherSuites = ciphers.cipherSuites;
    if (ciphers.credentialSuites)
        tls.credentialSuites = ciphers.credentialSuites;
    if (ciphers.signatureFloor)
        tls.signatureFloor = ciphers.signatureFloor;
    if (ciphers.signatureFloorAlternative)
        tls.signatureFloorAlternative = ciphers.signatureFloorAlternative;
    const unknownAt = [...versions.unknown, ...(ciphers.unknownAt ? [ciphers.unknownAt] : [])];
    if (unknownAt.length > 0) {
        tls.unknownValues = [
            ...(versions.unknown.length > 0 ? ['the protocol versions (ssl-min-ver/ssl-max-ver)'] : []),
            ...(ciphers.unknownAt ? ['the cipher suites (ciphers, ciphersuites)'] : []),
        ];
        tls.unknownAt = unknownAt.map((location) => ({ ...location, message: 'written as a placeholder' }));
    }
    return tls;
}
