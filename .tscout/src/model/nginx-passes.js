"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nginxPasses = nginxPasses;
exports.ignoredPassTls = ignoredPassTls;
exports.verifyWithoutTrustedCertificate = verifyWithoutTrustedCertificate;
/**
 * The pass directives of one top-level nginx file — http `proxy_pass`, `grpc_pass`, `uwsgi_pass` and stream
 * `proxy_pass` — each with the block levels it inherits its `*_ssl_*` directives from, and what nginx does with them:
 * - the connection is TLS for a literal `https://` (`grpcs://`, `suwsgi://`) target, or in stream with `proxy_ssl on`;
 *   plain for a literal `http://` (`grpc://`, `uwsgi://`, or no scheme for grpc_pass and uwsgi_pass) target, even to
 *   an upstream whose servers listen with TLS (ngx_http_proxy_eval sets u->ssl only for https://); unknown when the
 *   scheme itself is a variable (`proxy_pass $backend_url`);
 * - nginx builds the pass's TLS client (ngx_http_proxy_set_ssl, from the `*_ssl_*` directives, refusing to start
 *   on `*_ssl_verify on` without `*_ssl_trusted_certificate`) for a TLS target and for ANY target with a variable
 *   (`proxy_pass http://$backend` too: ngx_http_proxy_pass sets plcf->ssl = 1 before it looks at the scheme).
 * Sources, tag release-1.22.1 and master alike: https://github.com/nginx/nginx/blob/release-1.22.1/src/http/modules/ngx_http_proxy_module.c
 * (ngx_http_proxy_pass, ngx_http_proxy_merge_loc_conf, ngx_http_proxy_set_ssl), ngx_http_grpc_module.c,
 * ngx_http_uwsgi_module.c, src/stream/ngx_stream_proxy_module.c (ssl_enable).
 */
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
const nginx_startup_1 = require("./nginx-startup");
const nginx_unresolved_1 = require("./nginx-unresolved");
/** Blocks of the http module whose directives a pass inside them inherits. */
const HTTP_INNER = new Set(['location', 'if', 'limit_except']);
/** The http pass directives: their TLS scheme, their plain ones, the prefix of their TLS directives. */
const HTTP_PASSES = {
    proxy_pass: { tls: /^https:\/\//i, plain: /^http:\/\//i, prefix: 'proxy_ssl' },
    // Without a scheme grpc_pass and uwsgi_pass speak plain (ngx_http_grpc_pass: add = 0).
    grpc_pass: { tls: /^grpcs:\/\//i, plain: /^(?:grpc:\/\/|(?![a-z]+:\/\/|\$))/i, prefix: 'grpc_ssl' },
    uwsgi_pass: { tls: /^suwsgi:\/\//i, plain: /^(?:uwsgi:\/\/|(?![a-z]+:\/\/|\$))/i, prefix: 'uwsgi_ssl' },
};
/** The pass directives of a top-level file's expanded directives, in file order. */
function nginxPasses(top) {
    const out = [];
    const walk = (list, outer, context, stream, server) => {
        const levels = [...outer.levels, list.filter((p) => !p.block)];
        const blocks = [...outer.blocks, list];
        const inner = { levels, blocks };
        for (const p of list) {
            const name = p.directive.name;
            if (p.block) {
                if (name === 'http' || name === 'stream')
                    walk(p.block, inner, name, name === 'stream');
                else if (name === 'server' && context !== 'server' && context !== 'location')
                    walk(p.block, inner, 'server', stream, p);
                else if (!stream && HTTP_INNER.has(name) && (context === 'server' || context === 'location'))
                    walk(p.block, inner, 'location', false, server);
                continue;
            }
            if (context !== 'server' && context !== 'location')
                continue;
            const target = p.directive.args[0]?.value;
            if (!target)
                continue;
            const at = { pass: p, levels, blocks, stream, ...(server ? { server } : {}) };
            if (stream) {
                if (name !== 'proxy_pass')
                    continue;
                const tls = (0, nginx_placed_1.last)(levels.flat(), 'proxy_ssl')?.directive.args[0]?.value === 'on';
                out.push({ ...at, prefix: 'proxy_ssl', transport: tls ? 'tls' : 'plain', tlsClientBuilt: tls });
                continue;
            }
            const kind = HTTP_PASSES[name];
            if (!kind)
                continue;
            const transport = kind.tls.test(target) ? 'tls' : kind.plain.test(target) ? 'plain' : 'unknown';
            out.push({ ...at, prefix: kind.prefix, transport, tlsClientBuilt: transport === 'tls' || target.includes('$') });
        }
    };
    walk(top, { levels: [], blocks: [] }, 'main', false);
    return out;
}
const passOf = (p) => ({
    directive: p.pass.directive.name,
    target: p.pass.directive.args[0]?.value ?? '',
    at: { file: p.pass.file, range: (0, nginx_placed_1.argsRange)(p.pass) },
    stream: p.stream,
});
const keyOf = (p) => `${p.file}\u0000${p.directive.nameRange.start.line}\u0000${p.directive.nameRange.start.character}`;
/** Whether a list of directives, or a block inside it, holds an include the tree does not hold. */
const holdsUnresolvedInclude = (list) => list.some((p) => (0, nginx_unresolved_1.isUnresolvedInclude)(p) || (p.block !== undefined && holdsUnresolvedInclude(p.block)));
/**
 * The `*_ssl_*` directives that only plain passes inherit, grouped by the passes they apply to: nginx ignores them
 * (the upstream connection is plain) and says nothing, `nginx -t` included (measured with nginx 1.22.1: `proxy_pass
 * http://…` with proxy_ssl_verify, proxy_ssl_trusted_certificate, proxy_ssl_certificate… sends `GET / HTTP/1.0` in
 * clear). Said only when the tree holds all that decides it: no block a directive applies in holds an include the tree
 * does not hold (it may hold a TLS pass, or in stream `proxy_ssl on`), and no file involved is a template with
 * conditionals (`skip`).
 */
function ignoredPassTls(passes, skip) {
    const byDirective = new Map();
    for (const pass of passes) {
        pass.levels.forEach((level, i) => {
            for (const p of level) {
                const name = p.directive.name;
                if (!name.startsWith(`${pass.prefix}_`))
                    continue;
                const key = keyOf(p);
                const entry = byDirective.get(key) ?? { placed: p, passes: [], blocks: new Set() };
                byDirective.set(key, entry);
                entry.passes.push(pass);
                const block = pass.blocks[i];
                if (block)
                    entry.blocks.add(block);
            }
        });
    }
    const groups = new Map();
    for (const { placed, passes: applied, blocks } of byDirective.values()) {
        if (applied.some((p) => p.transport !== 'plain'))
            continue;
        if ([...blocks].some(holdsUnresolvedInclude))
            continue;
        if (applied.some((p) => p.stream && (0, nginx_unresolved_1.hasUnresolvedInclude)(p.levels)))
            continue;
        const files = [placed.file, ...applied.flatMap((p) => [p.pass.file, ...p.levels.flat().map((l) => l.file)])];
        if (files.some(skip))
            continue;
        const key = applied.map((p) => keyOf(p.pass)).join('\u0001');
        const group = groups.get(key) ?? { directives: [], passes: applied.map(passOf) };
        groups.set(key, group);
        group.directives.push({
            name: placed.directive.name,
            written: [placed.directive.name, ...placed.directive.args.map((a) => a.value)].join(' '),
            at: { file: placed.file, range: (0, nginx_placed_1.argsRange)(placed) },
            ...(placed.via ? { via: placed.via } : {}),
        });
    }
    return [...groups.values()];
}
/**
 * The `*_ssl_verify on` directives that passes whose TLS client nginx builds inherit without any
 * `*_ssl_trusted_certificate`: nginx refuses to start, `[emerg] no proxy_ssl_trusted_certificate for proxy_ssl_verify`
 * (ngx_http_proxy_set_ssl; grpc_ssl_, uwsgi_ssl_ and stream alike; measured with nginx 1.22.1 `nginx -t`, also for
 * `proxy_pass http://$backend`). Not said when an include the tree does not hold may set the certificate, for
 * `proxy_ssl_spiffe on` (SPIFFE's fork takes the bundle from the Workload API), nor in a template with conditionals.
 */
function verifyWithoutTrustedCertificate(passes, skip) {
    const byVerify = new Map();
    for (const pass of passes) {
        if (!pass.tlsClientBuilt)
            continue;
        const scope = pass.levels.flat();
        const verify = (0, nginx_placed_1.last)(scope, `${pass.prefix}_verify`);
        if (!verify || verify.directive.args[0]?.value !== 'on')
            continue;
        if ((0, nginx_placed_1.last)(scope, `${pass.prefix}_trusted_certificate`) || (0, nginx_unresolved_1.hasUnresolvedInclude)(pass.levels))
            continue;
        if (pass.prefix === 'proxy_ssl' && (0, nginx_startup_1.workloadApiOf)(scope, openssl_1.NGINX_FACTS.workloadApiDirectives.value.proxy))
            continue;
        if ([pass.pass.file, ...scope.map((p) => p.file)].some(skip))
            continue;
        const key = keyOf(verify);
        const entry = byVerify.get(key) ?? {
            verify: { name: verify.directive.name, at: { file: verify.file, range: (0, nginx_placed_1.argsRange)(verify) } },
            passes: [],
        };
        byVerify.set(key, entry);
        entry.passes.push({ ...passOf(pass), transport: pass.transport });
    }
    return [...byVerify.values()];
}
