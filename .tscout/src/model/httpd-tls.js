"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPlaceholder = exports.PROXY_SIDE = exports.SERVER_SIDE = void 0;
exports.inEffect = inEffect;
exports.portOf = portOf;
exports.serverNamesOf = serverNamesOf;
exports.allOf = allOf;
exports.httpdEnd = httpdEnd;
exports.unheldWhy = unheldWhy;
const openssl_cipher_string_1 = require("../knowledge/openssl-cipher-string");
const ciphers_1 = require("../knowledge/ciphers");
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
const openssl_floor_1 = require("./openssl-floor");
const openssl_level_1 = require("./openssl-level");
const httpd_protocol_words_1 = require("./httpd-protocol-words");
/** The directive of that (lower-case) name in effect: the last one of the innermost level that has one. */
function inEffect(levels, key) {
    for (let i = levels.length - 1; i >= 0; i--) {
        const found = (levels[i] ?? []).filter((p) => !p.block && p.directive.key === key).at(-1);
        if (found)
            return found;
    }
    return undefined;
}
/** The port of a `Listen` / `<VirtualHost>` address (`443`, `*:443`, `[::]:8443`, `10.0.0.1:443`, IHS's `:8008`). */
function portOf(address) {
    const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
    return port ? [Number(port)] : [];
}
/** The names a virtual host's own `ServerName` (first word) and `ServerAlias` lines give, lower case. */
function serverNamesOf(own) {
    return ([
        ...own.filter((p) => p.directive.key === 'servername').flatMap((p) => p.directive.args.slice(0, 1)),
        ...own.filter((p) => p.directive.key === 'serveralias').flatMap((p) => p.directive.args),
    ]
        .map((a) => a.value
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/:\d+$/, '')
        .toLowerCase())
        // A host name, not a placeholder (`${DOMAIN}`, a template's `[PRIMARY-DOMAIN-NAME]`).
        .filter((n) => /^[a-z0-9*][a-z0-9._-]*$/.test(n)));
}
/** Every directive of that name in the levels, outermost first. */
function allOf(levels, key) {
    return levels.flatMap((level) => level.filter((p) => !p.block && p.directive.key === key));
}
exports.SERVER_SIDE = {
    protocol: 'sslprotocol',
    cipherSuite: 'sslciphersuite',
    cipherDirective: 'SSLCipherSuite',
    role: 'server',
};
exports.PROXY_SIDE = {
    protocol: 'sslproxyprotocol',
    cipherSuite: 'sslproxyciphersuite',
    cipherDirective: 'SSLProxyCipherSuite',
    role: 'client',
};
/** `SSLCipherSuite [protocol] string`: the string for TLS 1.3 (`TLSv1.3`) or for the older protocols (`SSL`, none). */
function cipherLines(levels, key) {
    const lines = allOf(levels, key);
    // The protocol word is compared with case (strcmp): `SSL` or `TLSv1.3`.
    const tls13 = (p) => p.directive.args.length > 1 && p.directive.args[0].value === 'TLSv1.3';
    // A virtual host's line replaces the main server's for its protocol only (cipher_suite and tls13_ciphers merge apart).
    return {
        older: lines.filter((p) => !tls13(p)).at(-1),
        tls13: lines.filter(tls13).at(-1),
    };
}
const stringOf = (p) => p.directive.args.at(-1)?.value ?? '';
/** A value a template or httpd's `${VAR}` sets when the file is rendered or read (no verdict on it). */
const isPlaceholder = (value) => /\$\{|\{\{|<%|%\{/.test(value);
exports.isPlaceholder = isPlaceholder;
/**
 * The TLS settings of an httpd end over its levels (main server, virtual host; outermost first) with what the tree does
 * not hold made unknown (`at`: the place that says so), and what its attributes keep of them.
 */
function httpdEnd(levels, side, context, memo, at) {
    const { unknown, ciphersAsWritten, protocolOverride, securityLevel, ...tls } = httpdTls(levels, side, context.openssl, memo);
    // A cipher line a configuration the tree does not hold may write (with its @SECLEVEL) leaves the level open.
    const levelKnown = !unheldSettings(tls, levels, side, context.mainHeld, at).ciphers;
    return {
        tls,
        kept: {
            unknownCipherElements: unknown,
            ...(ciphersAsWritten ? { ciphersAsWritten } : {}),
            ...(protocolOverride ? { protocolOverride } : {}),
            ...(securityLevel && levelKnown ? { securityLevel } : {}),
        },
    };
}
function httpdTls(levels, side, openssl, memo) {
    const { facts, assumed } = openssl;
    const { older, tls13 } = cipherLines(levels, side.cipherSuite);
    const cipherString = older ? stringOf(older) : openssl_1.HTTPD_FACTS.ciphersDefault.value;
    // mod_ssl appends `:!aNULL:!eNULL:!EXP` to every cipher string it sets (ssl_cmd_SSLCipherSuite).
    const applied = `${cipherString}${openssl_1.HTTPD_FACTS.ciphersAppended.value}`;
    const expanded = memo.get('httpdCipherString', `${facts.series}\u0000${applied}`, () => (0, openssl_cipher_string_1.expandCipherString)(applied, { series: facts }));
    const tls = { implementation: 'openssl', unknown: [...expanded.unknown] };
    if (older)
        tls.ciphersAsWritten = cipherString;
    const commands = allOf(levels, 'sslopensslconfcmd');
    // The level certificates are loaded at: @SECLEVEL of the cipher string, else the image's OpenSSL's. A placeholder, a
    // crypto-policy profile (the host's policy sets the level) or an OpenSSL configuration command leaves it unknown.
    if (!(0, exports.isPlaceholder)(cipherString) && !(0, openssl_1.namesCryptoPolicy)(cipherString) && commands.length === 0)
        tls.securityLevel = (0, openssl_level_1.opensslSecurityLevel)({
            openssl,
            explicit: expanded.securityLevel,
            cipherAt: older ? { file: older.file, range: (0, nginx_placed_1.argsRange)(older) } : undefined,
            directive: side.cipherDirective,
            product: 'httpd',
        });
    const protocolLine = inEffect(levels, side.protocol);
    const protocolWords = protocolLine?.directive.args.map((a) => a.value).join(' ') ?? '';
    const read = protocolLine && !(0, exports.isPlaceholder)(protocolWords) ? (0, httpd_protocol_words_1.protocolsOfLine)(protocolLine.directive) : undefined;
    if (protocolLine && read?.overriding && !read.invalid)
        tls.protocolOverride = {
            directive: protocolLine.directive.name,
            written: protocolWords,
            word: read.overriding,
            enabled: read.protocols,
            location: { file: protocolLine.file, range: (0, nginx_placed_1.argsRange)(protocolLine) },
        };
    if (protocolLine && (!read || read.invalid)) {
        // A placeholder, or a word httpd refuses at start: no protocol is known (never an empty list, which fails every link).
        (0, nginx_placed_1.withUnknown)(tls, {
            unknownValues: [`${protocolLine.directive.name} ${protocolWords}`],
            unknownAt: [
                {
                    file: protocolLine.file,
                    range: (0, nginx_placed_1.argsRange)(protocolLine),
                    message: read?.invalid ? `httpd refuses to start: ${read.invalid}` : 'a value set when the file is rendered',
                },
            ],
        });
    }
    else {
        const usable = (0, httpd_protocol_words_1.withoutHoles)((read?.protocols ?? openssl_1.HTTPD_FACTS.protocolsDefault.value).filter((p) => facts.tls13 || p !== 'TLSv1.3'));
        tls.protocols = protocolLine
            ? (0, nginx_placed_1.tracedAt)(protocolLine, usable)
            : {
                value: usable,
                from: {
                    kind: 'default',
                    origin: `httpd default ${side.protocol === 'sslprotocol' ? 'SSLProtocol' : 'SSLProxyProtocol'} ${openssl_1.HTTPD_FACTS.protocolsDefault.written} (${openssl_1.HTTPD_FACTS.protocolsDefault.source.split(' ')[0]})`,
                    confidence: 'verified',
                },
            };
    }
    const iana = expanded.ciphers.map((c) => c.iana);
    tls.cipherSuites = older
        ? (0, nginx_placed_1.tracedAt)(older, iana)
        : {
            value: iana,
            from: {
                kind: 'default',
                origin: `httpd default ${side.cipherDirective} ${cipherString} (${openssl_1.HTTPD_FACTS.ciphersDefault.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    if (older && expanded.credentialCiphers.length > 0)
        tls.credentialSuites = (0, nginx_placed_1.tracedAt)(older, expanded.credentialCiphers.map((c) => c.iana));
    if (tls13 && facts.tls13)
        withTls13Line(tls, tls13);
    // A crypto-policy profile, a placeholder, or an `@` command this OpenSSL lacks (httpd then refuses to start): unknown.
    if (older && ((0, openssl_1.namesCryptoPolicy)(cipherString) || (0, exports.isPlaceholder)(cipherString) || expanded.invalidCommand))
        (0, nginx_placed_1.cryptoPolicyUnknown)(tls, older, side.cipherDirective, cipherString);
    // RHEL's and Fedora's httpd, which take the suites from the host's crypto policy, take the protocols from it too when
    // the configuration sets none (their mod_ssl leaves the range to the policy): not httpd's default.
    if (older && (0, openssl_1.namesCryptoPolicy)(cipherString) && !protocolLine) {
        delete tls.protocols;
        (0, nginx_placed_1.withUnknown)(tls, {
            unknownValues: [`${side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol'} (the host's crypto policy)`],
            unknownAt: [
                {
                    file: older.file,
                    range: (0, nginx_placed_1.argsRange)(older),
                    message: `${side.cipherDirective} ${cipherString} names ${openssl_1.CRYPTO_POLICY_WHY}; with no ${side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol'}, the policy sets the protocols too`,
                },
            ],
        });
    }
    Object.assign(tls, (0, openssl_floor_1.signatureFloorSettings)({
        openssl: facts,
        assumed,
        level: expanded.securityLevel,
        ciphers: older,
        directive: side.cipherDirective,
        role: side.role,
        product: 'httpd',
    }));
    if (!facts.tls13)
        tls.legacyVersionNegotiation = {
            value: facts.versionMismatchAlert ? { versionMismatchAlert: facts.versionMismatchAlert } : {},
            from: {
                kind: 'default',
                origin: `OpenSSL ${facts.series} reads no supported_versions (${facts.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    // OpenSSL configuration commands can set protocols and suites themselves: lint-deploy does not apply them.
    if (commands.length > 0)
        (0, nginx_placed_1.withUnknown)(tls, {
            unknownValues: commands.map((p) => `SSLOpenSSLConfCmd ${p.directive.args.map((a) => a.value).join(' ')}`),
            unknownAt: commands.map((p) => ({
                file: p.file,
                range: (0, nginx_placed_1.argsRange)(p),
                message: 'OpenSSL configuration commands lint-deploy does not apply',
            })),
        });
    return tls;
}
/** `SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:…`: the TLS 1.3 suites the end offers before its older ones. */
function withTls13Line(tls, line) {
    const written = stringOf(line);
    const names = written.split(':').filter(Boolean);
    const suites = names.map((n) => (0, ciphers_1.findCipherSuite)(n)).filter((c) => c?.flags.tls13);
    if ((0, exports.isPlaceholder)(written) || names.length === 0 || suites.length !== names.length) {
        delete tls.cipherSuites;
        delete tls.credentialSuites;
        (0, nginx_placed_1.withUnknown)(tls, {
            unknownValues: [`${line.directive.name} ${line.directive.args.map((a) => a.value).join(' ')}`],
            unknownAt: [{ file: line.file, range: (0, nginx_placed_1.argsRange)(line), message: 'TLS 1.3 suites lint-deploy cannot read' }],
        });
        return;
    }
    const older = (tls.cipherSuites?.value ?? []).filter((s) => !(0, ciphers_1.findCipherSuite)(s)?.flags.tls13);
    const from = tls.cipherSuites?.from.kind === 'file' ? tls.cipherSuites.from : (0, nginx_placed_1.tracedAt)(line, []).from;
    tls.cipherSuites = { value: [...suites.flatMap((c) => c?.iana ?? []), ...older], from };
}
/**
 * What the tree does not hold of an end's settings: a file that no main configuration of the tree includes (a
 * `sites-available` virtual host) inherits the main server's SSLProtocol and SSLCipherSuite from a file the tree does not
 * hold, and an `Include` the tree cannot resolve may set them too. A setting the held levels do not write is then
 * unknown, never httpd's default. Says whether the cipher string is (and so its @SECLEVEL).
 */
function unheldSettings(tls, levels, side, mainHeld, at) {
    const why = unheldWhy(levels, mainHeld);
    if (!why)
        return { ciphers: false };
    const names = {
        protocol: side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol',
        ciphers: side.cipherDirective,
    };
    const unknownValues = [];
    const ciphers = allOf(levels, side.cipherSuite).length === 0;
    if (allOf(levels, side.protocol).length === 0) {
        delete tls.protocols;
        unknownValues.push(`${names.protocol} (${why})`);
    }
    if (ciphers) {
        delete tls.cipherSuites;
        delete tls.credentialSuites;
        unknownValues.push(`${names.ciphers} (${why})`);
    }
    if (unknownValues.length > 0)
        (0, nginx_placed_1.withUnknown)(tls, {
            unknownValues,
            unknownAt: [{ file: at.file, range: at.directive.nameRange, message: unknownValues.join('; ') }],
        });
    return { ciphers };
}
/** Why a setting the held levels do not write is unknown (see unheldSettings); undefined when the tree holds them all. */
function unheldWhy(levels, mainHeld) {
    const flat = levels.flat();
    const unresolved = flat.filter((p) => p.directive.key === 'include' || p.directive.key === 'includeoptional');
    // An <IfDefine X> body the model did not read (./httpd.ts): httpd reads it when started with -DX.
    const conditional = flat.filter((p) => p.directive.key === 'ifdefine');
    if (mainHeld && unresolved.length === 0 && conditional.length === 0)
        return undefined;
    if (!mainHeld)
        return 'the main configuration (httpd.conf, apache2.conf) that includes this file is not in the tree: add it, or set it here';
    const name = (p) => p.directive.args[0]?.value ?? '';
    return [
        ...unresolved.map((p) => `${p.directive.name} ${name(p)}: the tree does not hold it (add it to the tree)`),
        ...conditional.map((p) => `<IfDefine ${name(p)}>: read only when httpd starts with -D${name(p)}`),
    ].join('; ');
}
