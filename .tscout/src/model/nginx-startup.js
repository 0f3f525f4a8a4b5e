"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nginxStartupFailures = nginxStartupFailures;
exports.workloadApiOf = workloadApiOf;
exports.sslDirectives = sslDirectives;
exports.spdyListens = spdyListens;
exports.spdyDirectives = spdyDirectives;
const openssl_1 = require("../knowledge/openssl");
const server_releases_1 = require("../knowledge/server-releases");
const nginx_placed_1 = require("./nginx-placed");
const nginx_unresolved_1 = require("./nginx-unresolved");
const DEFAULT_PARAMS = new Set(['default_server', 'default']);
/** `443`, `*:443`, `0.0.0.0:443` → `*:443`; `[::]:443` and `10.0.0.1:443` as written; undefined for a unix socket. */
function addressKey(listen) {
    if (listen.startsWith('unix:'))
        return undefined;
    const m = /^(?:(.*):)?(\d+)$/.exec(listen);
    if (!m)
        return `${listen.toLowerCase()}:80`;
    const host = !m[1] || m[1] === '*' || m[1] === '0.0.0.0' ? '*' : m[1].toLowerCase();
    return `${host}:${m[2]}`;
}
/** The startup failures of a file's http servers, by server block; `nginx`: the release the tree's image names. */
function nginxStartupFailures(doc, servers, nginx) {
    const failures = new Map();
    if (doc.template)
        return failures;
    const own = (s) => (s.server.block ?? []).filter((p) => !p.block);
    const levels = (s) => [s.inherited, own(s)];
    const known = (s) => s.level !== undefined && !(0, nginx_unresolved_1.hasUnresolvedInclude)(levels(s));
    // SPIFFE's nginx fork with `ssl_spiffe on` requires no ssl_certificate: the Workload API gives it at run time.
    const hasCertificate = (s) => (0, nginx_placed_1.innermostDirectives)(levels(s), 'ssl_certificate').length > 0 ||
        workloadApiOf(levels(s).flat(), openssl_1.NGINX_FACTS.workloadApiDirectives.value.server) !== undefined;
    const rejects = (s) => (0, nginx_placed_1.last)([...s.inherited, ...own(s)], 'ssl_reject_handshake')?.directive.args[0]?.value === 'on';
    // The servers of each address, in file order (with the listen that puts them there), its default, and whether
    // any listen makes it a TLS address.
    const byAddress = new Map();
    for (const s of servers) {
        if (s.level !== 'http')
            continue;
        const sslOn = (0, nginx_placed_1.last)([...s.inherited, ...own(s)], 'ssl')?.directive.args[0]?.value === 'on';
        for (const listen of own(s).filter((p) => p.directive.name === 'listen')) {
            const [address, ...params] = listen.directive.args.map((a) => a.value);
            const key = address !== undefined ? addressKey(address) : undefined;
            if (!key)
                continue;
            const entry = byAddress.get(key) ?? { on: [], defaultIndex: 0, tls: false };
            byAddress.set(key, entry);
            entry.tls ||= sslOn || params.includes('ssl');
            if (params.some((a) => DEFAULT_PARAMS.has(a)))
                entry.defaultIndex = entry.on.length;
            entry.on.push({ s, listen });
        }
    }
    for (const [key, { on, defaultIndex, tls }] of byAddress) {
        const byDefault = on[defaultIndex];
        if (!tls || !byDefault)
            continue;
        // With ssl_reject_handshake on the default server, every server of the address is checked.
        const checked = rejects(byDefault.s) ? on : [byDefault];
        for (const { s, listen } of checked) {
            if (!known(s) || hasCertificate(s) || rejects(s) || failures.has(s.server))
                continue;
            failures.set(s.server, {
                kind: 'no-certificate',
                level: 'http',
                listen: key,
                at: { file: listen.file, range: (0, nginx_placed_1.argsRange)(listen) },
            });
        }
    }
    for (const [s, listen, key] of lonelyStreamTlsServers(servers, own)) {
        if (!known(s) || hasCertificate(s) || rejects(s))
            continue;
        failures.set(s.server, {
            kind: 'no-certificate',
            level: 'stream',
            listen: key,
            at: { file: listen.file, range: (0, nginx_placed_1.argsRange)(listen) },
        });
    }
    const streamTls = new Set(lonelyStreamTlsServers(servers, own).map(([s]) => s));
    for (const s of servers) {
        if (!known(s) || failures.has(s.server))
            continue;
        // A stream server without listen … ssl: its key is checked by 1.25.5 and later only.
        if (s.level === 'stream' && (!streamTls.has(s) || rejects(s)))
            continue;
        // `ssl_spiffe on` loads no ssl_certificate file, so none needs a key.
        if (workloadApiOf(levels(s).flat(), openssl_1.NGINX_FACTS.workloadApiDirectives.value.server))
            continue;
        const certificates = (0, nginx_placed_1.innermostDirectives)(levels(s), 'ssl_certificate');
        const keys = (0, nginx_placed_1.innermostDirectives)(levels(s), 'ssl_certificate_key');
        const unpaired = certificates[keys.length];
        if (unpaired)
            failures.set(s.server, {
                kind: 'no-key',
                level: s.level ?? 'http',
                certificate: unpaired.directive.args[0]?.value ?? '',
                at: { file: unpaired.file, range: (0, nginx_placed_1.argsRange)(unpaired) },
            });
    }
    for (const s of servers) {
        if (!known(s) || failures.has(s.server) || (s.level === 'stream' && !streamTls.has(s)))
            continue;
        const failure = clientCaFailure(s.level ?? 'http', levels(s), rejects(s), nginx);
        if (failure)
            failures.set(s.server, failure);
    }
    return failures;
}
/**
 * `ssl_verify_client on|optional` without the CA certificates to verify with, in a server nginx builds a TLS context
 * for (a certificate, or ssl_reject_handshake on): `[emerg] no ssl_client_certificate for ssl_verify_client`
 * (ngx_http_ssl_merge_srv_conf, ngx_stream_ssl_merge_conf; measured with nginx 1.22.1, also for a plain http server
 * that inherits a certificate). From 1.27.2 ssl_trusted_certificate suffices: with it, said only when the image names
 * an older release. Not for SPIFFE's fork with `ssl_spiffe on` (the bundle comes from the Workload API).
 */
function clientCaFailure(level, levels, rejects, nginx) {
    const scope = levels.flat();
    if (workloadApiOf(scope, openssl_1.NGINX_FACTS.workloadApiDirectives.value.server))
        return undefined;
    if ((0, nginx_placed_1.innermostDirectives)(levels, 'ssl_certificate').length === 0 && !rejects)
        return undefined;
    const verify = (0, nginx_placed_1.last)(scope, 'ssl_verify_client');
    const mode = verify?.directive.args[0]?.value ?? '';
    if (!verify || (mode !== 'on' && mode !== 'optional') || (0, nginx_placed_1.last)(scope, 'ssl_client_certificate'))
        return undefined;
    const trusted = (0, nginx_placed_1.last)(scope, 'ssl_trusted_certificate');
    if (trusted && (!nginx || (0, server_releases_1.nginxVerifyClientTakesTrustedCertificate)(nginx.release) !== false))
        return undefined;
    const at = (p) => ({ file: p.file, range: (0, nginx_placed_1.argsRange)(p) });
    return {
        kind: 'no-client-ca',
        level,
        mode,
        at: at(verify),
        ...(trusted && nginx ? { trusted: { at: at(trusted), nginx } } : {}),
    };
}
/**
 * The stream servers with a `listen … ssl` that are the only server of that address in the file, each with that listen
 * and its address.
 */
function lonelyStreamTlsServers(servers, own) {
    const byAddress = new Map();
    for (const s of servers) {
        if (s.level !== 'stream')
            continue;
        for (const listen of own(s).filter((p) => p.directive.name === 'listen')) {
            const [address, ...params] = listen.directive.args.map((a) => a.value);
            const key = address !== undefined ? addressKey(address) : undefined;
            if (!key)
                continue;
            byAddress.set(key, [...(byAddress.get(key) ?? []), { s, listen, ssl: params.includes('ssl') }]);
        }
    }
    const out = [];
    for (const [key, on] of byAddress) {
        const [only, ...others] = on;
        if (only?.ssl && others.length === 0 && !out.some(([s]) => s === only.s))
            out.push([only.s, only.listen, key]);
    }
    return out;
}
/**
 * The `ssl_spiffe on` (a server) or `proxy_ssl_spiffe on` (a proxy) of SPIFFE's nginx fork in effect in a scope: the
 * certificate, its key and the trust bundle come from the SPIFFE Workload API at run time, not from the files the
 * ssl_* directives name (openssl-servers.json nginx.workloadApiDirectives).
 */
function workloadApiOf(scope, name) {
    const p = (0, nginx_placed_1.last)(scope, name);
    if (p?.directive.args[0]?.value !== 'on')
        return undefined;
    return { directive: `${name} on`, at: { file: p.file, range: (0, nginx_placed_1.argsRange)(p) } };
}
/** The blocks whose directives may be an `ssl` directive: main, http, mail and their servers (not map, geo, location…). */
const SSL_DIRECTIVE_BLOCKS = new Set(['http', 'mail', 'server']);
/** The blocks whose `listen` may carry `spdy`: main (a conf.d snippet's servers), http and its servers. */
const HTTP_LISTEN_BLOCKS = new Set(['http', 'server']);
/** The http blocks whose lines are directives (not map or geo entries), where a spdy_* directive is read. */
const HTTP_DIRECTIVE_BLOCKS = new Set(['http', 'server', 'location', 'if', 'limit_except']);
/**
 * The directives of a top-level file (includes expanded) that `pick` takes, at its main level and inside the `blocks`
 * nested in it, each with what decides its finding: the release the image names and whether a template writes it. A
 * template's conditional decides whether it is rendered (voxpupuli/puppet-nginx writes `ssl on;` for nginx < 1.15.0).
 */
function removedSyntax(top, blocks, pick, nginx, isTemplate, conditional) {
    const found = [];
    const walk = (list) => {
        for (const p of list) {
            if (p.block) {
                if (blocks.has(p.directive.name))
                    walk(p.block);
                continue;
            }
            const picked = pick(p);
            if (picked === undefined)
                continue;
            const at = { file: p.file, range: picked.range };
            if (conditional(at))
                continue;
            found.push({
                at,
                value: picked.value,
                ...(p.via ? { via: p.via } : {}),
                ...(nginx ? { nginx } : {}),
                template: isTemplate(p.file),
            });
        }
    };
    walk(top);
    return found;
}
/**
 * The `ssl` directives of a top-level file (includes expanded): at the main level (a conf.d snippet's), in `http`,
 * `mail` and their `server` blocks, where the http and mail modules took it until 1.25.1.
 */
function sslDirectives(top, nginx, isTemplate, conditional) {
    const pick = (p) => p.directive.name === 'ssl' ? { value: p.directive.args[0]?.value ?? '', range: (0, nginx_placed_1.argsRange)(p) } : undefined;
    return removedSyntax(top, SSL_DIRECTIVE_BLOCKS, pick, nginx, isTemplate, conditional);
}
/**
 * The `listen … spdy` of a top-level file's http servers (includes expanded): nginx spoke SPDY with it until 1.9.4,
 * skipped it with a warning from 1.9.5 (HTTP/2 superseded SPDY) and refuses it from 1.19.7.
 */
function spdyListens(top, nginx, isTemplate, conditional) {
    // At the parameter itself: a templated address (`listen <%= @port %> ssl spdy;`) does not decide it.
    const pick = (p) => {
        const spdy = p.directive.name === 'listen' ? p.directive.args.slice(1).find((a) => a.value === 'spdy') : undefined;
        return spdy ? { value: p.directive.args[0]?.value ?? '', range: spdy.range } : undefined;
    };
    return removedSyntax(top, HTTP_LISTEN_BLOCKS, pick, nginx, isTemplate, conditional);
}
/**
 * The spdy_* directives of a top-level file's http blocks (includes expanded): ngx_http_spdy_module's until 1.9.4,
 * skipped with a warning by the HTTP/2 module from 1.9.5, unknown from 1.19.7 (`[emerg] unknown directive`).
 */
function spdyDirectives(top, nginx, isTemplate, conditional) {
    const pick = (p) => (0, server_releases_1.isNginxSpdyDirective)(p.directive.name) ? { value: p.directive.name, range: p.directive.nameRange } : undefined;
    return removedSyntax(top, HTTP_DIRECTIVE_BLOCKS, pick, nginx, isTemplate, conditional);
}
