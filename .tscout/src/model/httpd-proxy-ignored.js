"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ignoredProxyTls = ignoredProxyTls;
const httpd_order_1 = require("./httpd-order");
const httpd_proxy_1 = require("./httpd-proxy");
/** A directive that says the hop to the backend is meant to be authenticated, by its value (lower case). */
const INTENT = {
    sslproxyverify: (v) => v !== 'none' && v !== 'off',
    sslproxycacertificatefile: () => true,
    sslproxycacertificatepath: () => true,
    sslproxymachinecertificatefile: () => true,
    sslproxymachinecertificatepath: () => true,
    sslproxymachinecertificatechainfile: () => true,
};
/** The transport a written scheme gives: TLS, plain, or unknown (none written, or one mod_proxy has no module for). */
function transportOfScheme(scheme) {
    if (scheme && httpd_proxy_1.TLS_SCHEMES[scheme])
        return 'tls';
    return scheme && httpd_proxy_1.PLAIN_SCHEMES.has(scheme) ? 'plain' : 'unknown';
}
/**
 * `http://app:8080/` → plain; `https://…` → tls; a placeholder, `$1`, a socket → unknown; `!` → none; `balancer://` → its
 * members decide. A `RewriteRule` counts only with the proxy flag, by its substitution's scheme alone
 * (`http://%{ENV:BACKEND}/$1` is plain whatever the host).
 */
function classify(p) {
    const rewrite = p.directive.key === 'rewriterule';
    if (rewrite) {
        const flags = p.directive.args[2]?.value;
        if (!flags || !/^\[(?:.*,)?\s*(?:p|proxy)\s*(?:,.*)?\]$/i.test(flags))
            return { transport: 'none' };
    }
    else if (p.directive.key === 'proxypass' && p.directive.args.some((a) => a.value === '!'))
        return { transport: 'none' };
    const arg = rewrite ? p.directive.args[1] : p.directive.args[(0, httpd_proxy_1.targetOf)(p)?.index ?? -1];
    const scheme = arg && (0, httpd_proxy_1.schemeOf)(arg.value);
    if (scheme === 'balancer' && !rewrite)
        return { transport: 'balancer' };
    const transport = transportOfScheme(scheme);
    return transport === 'plain' && arg && scheme
        ? {
            transport,
            plain: { written: p.directive.name, target: arg.value, scheme, at: { file: p.file, range: arg.range } },
        }
        : { transport };
}
const every = (scope) => scope.flatMap((p) => (p.block ? [p, ...every(p.block)] : [p]));
/** The backends of one host's scopes (the main server's proxy lines are merged into each virtual host's). */
function hostTransport(scopes) {
    const lines = scopes.flatMap(every);
    const forward = lines.some((p) => (p.directive.key === 'proxyrequests' && p.directive.args[0]?.value.toLowerCase() === 'on') ||
        p.directive.key === 'proxyremote' ||
        p.directive.key === 'proxyremotematch');
    if (forward || lines.some(httpd_order_1.unread))
        return { transport: 'unknown', passes: [] };
    const passes = scopes.flatMap((s) => (0, httpd_proxy_1.passesOf)(s)).map(({ pass }) => ({ pass, ...classify(pass) }));
    const rewrites = lines.filter((p) => p.directive.key === 'rewriterule').map(classify);
    // A balancer's members are passes of their own; one the tree does not hold may be TLS.
    if (passes.some((p) => p.transport === 'balancer') && !passes.some((p) => p.pass.directive.key === 'balancermember'))
        return { transport: 'unknown', passes: [] };
    const all = [...passes, ...rewrites];
    const kinds = new Set(all.map((p) => p.transport));
    const transport = kinds.has('unknown') ? 'unknown' : kinds.has('tls') ? 'tls' : kinds.has('plain') ? 'plain' : 'none';
    return { transport, passes: all.flatMap((p) => (p.plain ? [p.plain] : [])) };
}
/** The intent directives of a scope: its own lines and those of its `<Proxy>` sections (not of other vhosts). */
function intentLines(scope) {
    return scope.flatMap((p) => {
        if (p.block)
            return p.directive.key === 'proxy' || p.directive.key === 'proxymatch' ? intentLines(p.block) : [];
        const test = INTENT[p.directive.key];
        return test?.(p.directive.args[0]?.value.toLowerCase() ?? '') ? [p] : [];
    });
}
const keyOf = (p) => `${p.file}\u0000${p.directive.nameRange.start.line}`;
/**
 * The intent directives of a main configuration (its includes read) whose every host is plain: one record per
 * virtual host, and one for the main server's lines (they apply to every virtual host, so each must be plain).
 */
function ignoredProxyTls(top) {
    const mainScope = top.filter((p) => p.directive.key !== 'virtualhost');
    const vhosts = top.filter((p) => p.block && p.directive.key === 'virtualhost');
    const hosts = vhosts.length > 0 ? vhosts.map((v) => [mainScope, v.block ?? []]) : [[mainScope]];
    const judged = hosts.map((scopes) => hostTransport(scopes));
    const out = [];
    const record = (lines, hostsUsing) => {
        const using = hostsUsing.filter((h) => h.transport !== 'none');
        if (lines.length === 0 || using.length === 0 || using.some((h) => h.transport !== 'plain'))
            return;
        const seen = new Set();
        const passes = using
            .flatMap((h) => h.passes)
            .filter((p) => {
            const key = `${p.at.file}\u0000${p.at.range?.start.line}`;
            return !seen.has(key) && seen.add(key);
        });
        out.push({
            directives: lines.map((p) => ({
                name: p.directive.name,
                written: [p.directive.name, ...p.directive.args.map((a) => a.value)].join(' '),
                at: { file: p.file, range: p.directive.nameRange },
                ...(p.via ? { via: p.via } : {}),
            })),
            passes,
        });
    };
    const mainLines = intentLines(mainScope);
    record(mainLines, judged);
    const mainKeys = new Set(mainLines.map(keyOf));
    vhosts.forEach((v, i) => record(intentLines(v.block ?? []).filter((p) => !mainKeys.has(keyOf(p))), [judged[i]]));
    return out;
}
