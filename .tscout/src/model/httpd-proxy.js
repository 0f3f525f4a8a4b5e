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
exports.schemeOf = exports.PLAIN_SCHEMES = exports.TLS_SCHEMES = void 0;
exports.passesOf = passesOf;
exports.targetOf = targetOf;
exports.httpdProxies = httpdProxies;
/**
 * Apache httpd as a TLS client: a `ProxyPass` / `ProxyPassMatch` towards an `https://`, `wss://` or `h2://` backend,
 * or a `BalancerMember` of a `<Proxy balancer://…>` with such a URL (mod_proxy, mod_proxy_balancer), is an
 * `httpd.proxy` whose TLS settings are the SSLProxy* directives of its virtual host (else the main server's).
 */
const path = __importStar(require("node:path"));
const nginx_tls_1 = require("./nginx-tls");
const httpd_tls_1 = require("./httpd-tls");
const httpd_proxy_settings_1 = require("./httpd-proxy-settings");
/** Schemes mod_proxy speaks TLS to, and the one the model links by (`h2://` is HTTP/2 over TLS: mod_proxy_http2). */
exports.TLS_SCHEMES = { https: 'https', wss: 'wss', h2: 'https' };
/** Schemes mod_proxy's modules speak in clear (mod_proxy_http, _wstunnel, _ajp, _fcgi, _scgi, _uwsgi, _http2's h2c). */
exports.PLAIN_SCHEMES = new Set(['http', 'ws', 'ajp', 'fcgi', 'scgi', 'uwsgi', 'h2c']);
/** A URL's scheme, host (an IPv6 literal in brackets) and port, when they are written out (no placeholder). */
const URL = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d+))?(?=[/?#]|$)/i;
/** Any scheme: a ProxyPass argument that names a backend, even one whose host is a placeholder (`https://[TARGET_IP]/`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** A URL's scheme in lower case (`HTTPS://x` → `https`), undefined when the text does not start with one. */
const schemeOf = (url) => SCHEME.exec(url)?.[1]?.toLowerCase();
exports.schemeOf = schemeOf;
/** Every proxy directive of the scope, sections included (`<Location>`, `<Proxy balancer://…>`). */
function passesOf(scope, section) {
    return scope.flatMap((p) => {
        if (p.block)
            return passesOf(p.block, isProxySection(p) ? p : section);
        return PASS_KEYS.has(p.directive.key) ? [{ pass: p, ...(section ? { section } : {}) }] : [];
    });
}
const PASS_KEYS = new Set(['proxypass', 'proxypassmatch', 'balancermember']);
const isProxySection = (p) => p.directive.key === 'proxy' || p.directive.key === 'proxymatch';
/** The `<Proxy url>` / `<ProxyMatch regex>` sections of the scope (and the main server's) whose URL covers `target`. */
function sectionsFor(target, scopes) {
    return scopes.flatMap((scope) => scope.filter((p) => {
        if (!p.block || !isProxySection(p))
            return false;
        const written = p.directive.args[0]?.value ?? '';
        if (p.directive.key === 'proxy')
            return written === '*' || target.startsWith(written.replace(/\*$/, ''));
        try {
            return new RegExp(written).test(target);
        }
        catch {
            return false;
        }
    }));
}
/** The backend URL a proxy directive names: the first argument with a scheme (a `ProxyPass` path comes before it). */
function targetOf(p) {
    const index = p.directive.args.findIndex((a) => SCHEME.test(a.value) || a.value === '!');
    const arg = index >= 0 ? p.directive.args[index] : undefined;
    return arg && arg.value !== '!' ? { value: arg.value, index } : undefined;
}
function httpdProxies(scope, levels, vhost, context, memo, 
/** The main server's directives and sections (a virtual host's `<Proxy>` sections may be written there). */
mainScope = []) {
    const out = [];
    const passes = passesOf(scope);
    for (const { pass, section } of passes) {
        const target = targetOf(pass);
        const scheme = target && exports.TLS_SCHEMES[(0, exports.schemeOf)(target.value)];
        if (!target || !scheme)
            continue;
        // A host or port a placeholder gives (`${BACKEND}`, `$1` of ProxyPassMatch, a template's `[TARGET_IP]`) is known
        // only when httpd runs: no backend to link.
        const match = URL.exec(target.value);
        const location = { file: pass.file, range: pass.directive.args[target.index].range };
        const host = match?.[2].replace(/^\[|\]$/g, '').toLowerCase();
        const port = Number(match?.[3] ?? 443);
        const urls = match && host
            ? [{ url: `${scheme}://${host}:${port}`, scheme, host, port, location, key: pass.directive.name }]
            : [];
        // mod_ssl's SSLProxy* directives also apply from the `<Proxy>` section the member is written in, or whose URL covers
        // the target (2.4.30+; measured by test/interop/httpd-proxy.test.ts), innermost.
        const sections = [...(section ? [section] : []), ...sectionsFor(target.value, [scope, mainScope])];
        const passLevels = [...levels, ...sections.map((x) => (x.block ?? []).filter((d) => !d.block))];
        // The level is the one OpenSSL verifies the backend's chain at (SSLProxyVerify other than none): derive/openssl-levels.ts.
        const { tls, kept } = (0, httpd_tls_1.httpdEnd)(passLevels, httpd_tls_1.PROXY_SIDE, context, memo, pass);
        const settings = (0, httpd_proxy_settings_1.proxySettings)(passLevels, context);
        const relative = path.relative(context.root, pass.file).split(path.sep).join('/') || path.basename(pass.file);
        const line = (pass.directive.nameRange.start.line ?? 0) + 1;
        out.push({
            id: `httpd.proxy:${relative}:${line}:${target.value}`,
            type: 'httpd.proxy',
            name: `httpd ${pass.directive.name} ${target.value} (${relative}:${line})`,
            role: 'client',
            location: { file: pass.file, range: pass.directive.nameRange },
            host: context.host,
            tls,
            documents: [context.doc],
            attributes: {
                directive: pass.directive.name,
                target: target.value,
                urls,
                ...settings,
                ...(pass.via ? { includedBy: pass.via } : {}),
                ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
                ...(vhost ? { serverBlock: { file: vhost.file, range: vhost.directive.nameRange } } : {}),
                openssl: (0, nginx_tls_1.opensslAttribute)(context.openssl),
                ...kept,
            },
        });
    }
    return out;
}
