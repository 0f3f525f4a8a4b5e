"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.upstreamsOf = upstreamsOf;
exports.proxyComponents = proxyComponents;
exports.passUrls = passUrls;
/**
 * nginx as a TLS client: one `nginx.proxy` component per `proxy_pass https://…` (`grpc_pass grpcs://…`, or a
 * stream `proxy_pass` with `proxy_ssl on`), with the `proxy_ssl_*` (`grpc_ssl_*`) directives inherited
 * http → server → location as nginx merges them (an inner level that sets one replaces the outer one), and
 * its target resolved as nginx does: a literal `host[:port]` (443 by default) or the servers of an `upstream`
 * block (port 80 by default). A target with a variable (`https://$backend`) is resolved per request: no server
 * is known, the component says so and the lint-deploy config `links` can name it.
 */
const path = __importStar(require("node:path"));
const openssl_cipher_string_1 = require("../knowledge/openssl-cipher-string");
const openssl_1 = require("../knowledge/openssl");
const server_releases_1 = require("../knowledge/server-releases");
const nginx_placed_1 = require("./nginx-placed");
const nginx_startup_1 = require("./nginx-startup");
const nginx_unresolved_1 = require("./nginx-unresolved");
const openssl_floor_1 = require("./openssl-floor");
const openssl_level_1 = require("./openssl-level");
/** The pass directives lint-deploy models as TLS clients, and the scheme their target starts with. */
const TLS_SCHEMES = { proxy_pass: /^https:\/\//i, grpc_pass: /^grpcs:\/\//i };
const DEFAULT_TLS_PORT = 443;
/** nginx's default port of an upstream `server` entry, whatever the scheme (ngx_http_upstream_server). */
const UPSTREAM_DEFAULT_PORT = 80;
/** The `upstream` blocks of a top-level file by name, http's and stream's (a snippet's count for both). */
function upstreamsOf(top) {
    const upstreams = { http: new Map(), stream: new Map() };
    const collect = (list, context) => {
        for (const p of list) {
            if (!p.block)
                continue;
            const name = p.directive.args[0]?.value;
            if (p.directive.name === 'upstream' && name) {
                if (context !== 'stream')
                    upstreams.http.set(name, p);
                if (context !== 'http')
                    upstreams.stream.set(name, p);
            }
            else if (p.directive.name === 'http' || p.directive.name === 'stream')
                collect(p.block, p.directive.name);
        }
    };
    collect(top, 'main');
    return upstreams;
}
/** The `nginx.proxy` components of one top-level nginx file. */
function proxyComponents(input) {
    const upstreams = upstreamsOf(input.top);
    const out = [];
    for (const { pass, levels, stream, server, prefix, transport } of input.passes) {
        const target = pass.directive.args[0]?.value ?? '';
        const scheme = TLS_SCHEMES[pass.directive.name];
        if (transport !== 'tls')
            continue;
        if (stream)
            out.push(proxyComponent(input, pass, levels, prefix, target, upstreams.stream, server));
        else if (scheme)
            out.push(proxyComponent(input, pass, levels, prefix, target.replace(scheme, ''), upstreams.http, server));
    }
    return out;
}
/** `host`, `host:port`, `[v6]:port` → host and port (undefined when the text is no address). */
function hostPort(address, defaultPort) {
    const m = /^(\[[^\]]+\]|[^:/[\]]+)(?::(\d+))?$/.exec(address);
    if (!m?.[1])
        return undefined;
    return { host: m[1].toLowerCase(), port: m[2] ? Number(m[2]) : defaultPort };
}
function clientUrl(address, location, key, scheme = 'https') {
    return { url: `${scheme}://${address.host}:${address.port}`, scheme, ...address, location, key };
}
/**
 * The addresses a pass's target reaches, each as the URL nginx calls with `scheme`: the servers of the `upstream` it
 * names (port 80 by default; `down` ones never), else the literal `host[:port]` (`defaultPort`). None for a target with
 * a variable (resolved per request) or a unix socket; `upstream`: the block it names.
 */
function passUrls(pass, authority, upstreams, scheme, defaultPort) {
    const at = { file: pass.file, range: (0, nginx_placed_1.argsRange)(pass) };
    if (authority.includes('$'))
        return { urls: [] };
    const upstream = upstreams.get(authority);
    if (upstream) {
        const urls = [];
        for (const entry of upstream.block ?? []) {
            const server = entry.directive.args[0]?.value;
            if (entry.block || entry.directive.name !== 'server' || !server)
                continue;
            // A `down` server is never used; `backup` ones are, when the others fail.
            if (entry.directive.args.some((a) => a.value === 'down'))
                continue;
            const found = hostPort(server, UPSTREAM_DEFAULT_PORT);
            const where = { file: entry.file, range: (0, nginx_placed_1.argsRange)(entry) };
            if (found)
                urls.push(clientUrl(found, where, `upstream ${authority} server`, scheme));
        }
        return { urls, upstream };
    }
    if (authority.startsWith('unix:'))
        return { urls: [] };
    const found = hostPort(authority, defaultPort);
    return { urls: found ? [clientUrl(found, at, pass.directive.name, scheme)] : [] };
}
function proxyComponent(input, pass, levels, prefix, address, upstreams, server) {
    const scope = levels.flat();
    const written = pass.directive.args[0]?.value ?? '';
    const at = { file: pass.file, range: (0, nginx_placed_1.argsRange)(pass) };
    // The address without the URI part (`https://app:8443/api/` → `app:8443`).
    const authority = address.split('/')[0] ?? '';
    const { urls, upstream: upstreamBlock } = passUrls(pass, authority, upstreams, 'https', DEFAULT_TLS_PORT);
    const upstream = upstreamBlock && {
        name: authority,
        location: { file: upstreamBlock.file, range: upstreamBlock.directive.nameRange },
    };
    const unresolvedTarget = authority.includes('$')
        ? { written, location: at }
        : undefined;
    const { tls, unknownCipherElements, ciphersAsWritten, invalidCipherCommand, securityLevel } = proxyTls(input, levels, prefix);
    const bool = (name, fallback, source) => {
        const p = (0, nginx_placed_1.last)(scope, `${prefix}_${name}`);
        return p
            ? (0, nginx_placed_1.tracedAt)(p, p.directive.args[0]?.value === 'on')
            : {
                value: fallback,
                from: {
                    kind: 'default',
                    origin: `nginx default ${prefix}_${name} ${fallback ? 'on' : 'off'} (${source.split(' ')[0]})`,
                    confidence: 'verified',
                },
            };
    };
    const verify = bool('verify', openssl_1.NGINX_FACTS.proxyVerifyDefault.value, openssl_1.NGINX_FACTS.proxyVerifyDefault.source);
    const serverName = bool('server_name', openssl_1.NGINX_FACTS.proxyServerNameDefault.value, openssl_1.NGINX_FACTS.proxyServerNameDefault.source);
    const sslName = (0, nginx_placed_1.last)(scope, `${prefix}_name`);
    const workloadApi = prefix === 'proxy_ssl' ? (0, nginx_startup_1.workloadApiOf)(scope, openssl_1.NGINX_FACTS.workloadApiDirectives.value.proxy) : undefined;
    const relative = path.relative(input.root, pass.file).split(path.sep).join('/');
    const line = pass.directive.nameRange.start.line + 1;
    return {
        id: `nginx.proxy:${relative}:${line}`,
        type: 'nginx.proxy',
        name: `nginx ${pass.directive.name} ${written} (${relative}:${line})`,
        role: 'client',
        location: { file: pass.file, range: pass.directive.nameRange },
        host: input.host,
        tls,
        documents: [input.doc],
        attributes: {
            directive: pass.directive.name,
            target: written,
            ...(upstream ? { upstream } : {}),
            urls,
            ...(server ? { serverBlock: { file: server.file, range: server.directive.nameRange } } : {}),
            ...(unresolvedTarget ? { unresolvedTarget } : {}),
            verify,
            serverName,
            ...(sslName?.directive.args[0] ? { sslName: (0, nginx_placed_1.tracedAt)(sslName, sslName.directive.args[0].value) } : {}),
            openssl: input.opensslAttribute,
            ciphersAsWritten,
            unknownCipherElements,
            ...(invalidCipherCommand ? { invalidCipherCommand } : {}),
            ...(input.nginx && tls.protocols?.from.kind !== 'file' ? { defaultsFrom: input.nginx } : {}),
            storeDirectives: storeDirectivesOf(scope, prefix),
            securityLevel,
            ...(workloadApi ? { workloadApi } : {}),
        },
    };
}
function storeDirectivesOf(scope, prefix) {
    const out = {};
    for (const name of ['certificate', 'trusted_certificate', 'verify_depth']) {
        const p = (0, nginx_placed_1.last)(scope, `${prefix}_${name}`);
        const value = p?.directive.args[0]?.value;
        if (p && value)
            out[`proxy_ssl_${name}`] = {
                value,
                location: { file: p.file, range: (0, nginx_placed_1.argsRange)(p) },
                written: `${prefix}_${name}`,
            };
    }
    return out;
}
/** The proxy's protocols, cipher list and client certificate, with nginx's defaults where unset. */
function proxyTls(input, levels, prefix) {
    const { openssl, memo } = input;
    const tls = { implementation: 'openssl' };
    // nginx passes TLSv1.3 to an OpenSSL without it, which then offers what it has.
    const usable = (list) => list.filter((p) => openssl.tls13 || p !== 'TLSv1.3');
    const scope = levels.flat();
    const protocols = (0, nginx_placed_1.protocolsOf)((0, nginx_placed_1.innermostDirectives)(levels, `${prefix}_protocols`));
    if (protocols)
        tls.protocols = { ...protocols, value: usable(protocols.value) };
    else {
        // The default changed between nginx releases: those the tree's image may run (all when it names none),
        // the newest one's list, and the oldest one's as the alternative the outcome checks (newest first).
        const fact = openssl_1.NGINX_FACTS.proxyProtocolsDefault;
        const rows = (0, server_releases_1.nginxProxyProtocolDefaults)(input.nginx?.release);
        const [newest] = rows;
        const oldest = rows.at(-1);
        if (newest && oldest) {
            const source = fact.source.split(' ')[0] ?? '';
            const image = input.nginx ? `the image's nginx ${input.nginx.release}` : `nginx ${newest.since} and later`;
            tls.protocols = {
                value: usable(newest.protocols),
                from: {
                    kind: 'default',
                    origin: `nginx default ${prefix}_protocols ${newest.protocols.join(' ')} (${image}; ${source})`,
                    confidence: rows.length === 1 ? 'verified' : 'inferred',
                },
            };
            const before = usable(oldest.protocols);
            if (before.join() !== tls.protocols.value.join())
                tls.protocolsAlternative = {
                    what: `the nginx release${input.nginx ? ` (the image names ${input.nginx.release}, not its patch release)` : ''} (its default ${prefix}_protocols is ${rows.map((r) => `${r.protocols.join(' ')} from ${r.since}`).join(', ')}; set ${prefix}_protocols to know)`,
                    value: before,
                };
        }
    }
    const ciphers = (0, nginx_placed_1.last)(scope, `${prefix}_ciphers`);
    const cipherString = ciphers?.directive.args[0]?.value ?? openssl_1.NGINX_FACTS.proxyCiphersDefault.value;
    // The same expansion, shared with the server side by (OpenSSL series, string) in a run.
    const expanded = memo.get('nginxCipherString', `${openssl.series}\u0000${cipherString}`, () => (0, openssl_cipher_string_1.expandCipherString)(cipherString, { series: openssl }));
    const suites = expanded.ciphers.map((c) => c.iana);
    tls.cipherSuites = ciphers
        ? (0, nginx_placed_1.tracedAt)(ciphers, suites)
        : {
            value: suites,
            from: {
                kind: 'default',
                origin: `nginx default ${prefix}_ciphers ${cipherString} (${openssl_1.NGINX_FACTS.proxyCiphersDefault.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    if (ciphers && (0, openssl_1.namesCryptoPolicy)(cipherString))
        (0, nginx_placed_1.cryptoPolicyUnknown)(tls, ciphers, `${prefix}_ciphers`, cipherString);
    // As a client, OpenSSL 3 above security level 0 accepts no signed TLS 1.0/1.1 key exchange.
    Object.assign(tls, (0, openssl_floor_1.signatureFloorSettings)({
        openssl,
        assumed: input.opensslAttribute?.assumed ?? true,
        level: expanded.securityLevel,
        ciphers,
        directive: `${prefix}_ciphers`,
        role: 'client',
    }));
    const certificate = (0, nginx_placed_1.last)(scope, `${prefix}_certificate`);
    const file = certificate?.directive.args[0]?.value;
    if (certificate && file)
        tls.certificate = { file, reference: { file: certificate.file, range: (0, nginx_placed_1.argsRange)(certificate) } };
    // What the tree does not hold (OpenSSL commands, a shared proxy_ssl snippet) may set the lists.
    (0, nginx_unresolved_1.withUnheldSettings)(tls, levels, {
        names: [`${prefix}_protocols`, `${prefix}_ciphers`],
        confCommand: `${prefix}_conf_command`,
        who: 'the proxy',
        tls13: openssl.tls13,
    });
    return {
        tls,
        unknownCipherElements: [...expanded.unknown],
        ciphersAsWritten: cipherString,
        ...(expanded.invalidCommand ? { invalidCipherCommand: expanded.invalidCommand } : {}),
        securityLevel: (0, openssl_level_1.opensslSecurityLevel)({
            openssl: input.levelOpenssl,
            explicit: expanded.securityLevel,
            cipherAt: ciphers ? { file: ciphers.file, range: (0, nginx_placed_1.argsRange)(ciphers) } : undefined,
            directive: `${prefix}_ciphers`,
            product: 'nginx',
            nginx: input.nginx,
        }),
    };
}
