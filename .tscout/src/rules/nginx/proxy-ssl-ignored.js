"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const ignored_proxy_lines_1 = require("../_lib/ignored-proxy-lines");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** The scheme a pass directive takes for TLS, for the fix. */
const TLS_SCHEME = { proxy_pass: 'https://', grpc_pass: 'grpcs://', uwsgi_pass: 'suwsgi://' };
/**
 * `proxy_ssl_*` (`grpc_ssl_*`, `uwsgi_ssl_*`) directives that only plain passes apply — `proxy_pass http://…`, even to
 * an upstream whose servers listen with TLS; a stream `proxy_pass` without `proxy_ssl on` — are ignored by nginx,
 * without a word (`nginx -t` passes): the connection to the upstream is plain, so the certificate checks, protocols
 * and client certificate the author wrote never happen (model/nginx-passes.ts). Measured with nginx 1.22.1: a
 * location with `proxy_pass http://127.0.0.1:19443/`, proxy_ssl_verify on, proxy_ssl_trusted_certificate,
 * proxy_ssl_certificate… sent `GET / HTTP/1.0` in clear to a capturing socket (and to an `openssl s_server` there:
 * 'upstream prematurely closed connection', a 502). A warning: it works, in clear, which the author did not mean.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/proxy-ssl-ignored',
        description: 'Report proxy_ssl_* (grpc_ssl_*, uwsgi_ssl_*) directives that apply only to plain proxy_pass http:// targets, which nginx ignores: the hop to the upstream is not encrypted',
        severity: 'warning',
        appliesTo: { documents: ['nginx.'] },
        messages: {
            ignored: '{{directives}} {{verb}} set here, but {{passes}} {{passVerb}} plain ({{why}}): nginx connects to {{upstream}} in plain and uses none of the {{prefix}}_* directives there (it logs no word about them), so the requests go in clear and no certificate is checked. If the upstream serves TLS, write {{fix}}; if it serves plain, remove the {{prefix}}_* directives',
        },
        options: {},
    },
    check(ctx) {
        for (const group of ctx.deployment.nginxIgnoredPassTls ?? []) {
            const [first] = group.directives;
            const [pass] = group.passes;
            if (!first || !pass)
                continue;
            const prefix = first.name.replace(/^(\w+?_ssl)_.*$/, '$1');
            const { stream } = pass;
            const written = (p) => `${p.directive} ${p.target}`;
            const scheme = TLS_SCHEME[pass.directive] ?? 'https://';
            const host = pass.target.replace(/^[a-z]+:\/\//i, '');
            const { data, related, fingerprint } = (0, ignored_proxy_lines_1.ignoredProxyLines)(group.directives, group.passes, written);
            ctx.report({
                messageId: 'ignored',
                data: {
                    ...data,
                    why: stream
                        ? (0, phrase_1.ours)('a stream proxy_pass without proxy_ssl on')
                        : (0, phrase_1.said) `the ${pass.directive === 'proxy_pass' ? (0, phrase_1.ours)('http://') : (0, phrase_1.ours)('plain')} target, whatever port or upstream it names`,
                    prefix,
                    upstream: host.split('/')[0] ?? host,
                    fix: stream ? (0, phrase_1.ours)('proxy_ssl on') : (0, phrase_1.said) `${pass.directive} ${scheme}${host}`,
                },
                location: first.at,
                related,
                fingerprint,
            });
        }
    },
});
