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
exports.nginxPlainPasses = nginxPlainPasses;
exports.nginxTlsOnlyPorts = nginxTlsOnlyPorts;
/**
 * nginx's two ends of a plain call to a TLS-only port:
 * - the plain http passes of a top-level file (`proxy_pass http://app:8443`, `grpc_pass grpc://app:8443`, and their
 *   upstreams' servers) with the URLs they call: java-links ties them to servers that serve TLS only on that port
 *   (Deployment.plainCallsToTls). A stream `proxy_pass` without `proxy_ssl on` is not one: it relays the client's own
 *   bytes, TLS included (TLS passthrough);
 * - the ports a file's http servers serve with TLS only (`listen 8443 ssl`, or `ssl on`): nginx makes an address TLS
 *   when any listen of it says `ssl` (ngx_http_add_addresses), and answers a plain request there with 400 "The plain
 *   HTTP request was sent to HTTPS port" (data/openssl-servers.json nginx.plainRequestToTlsPort). A port some server of
 *   the file also lists without `ssl` (another address, or a file read in a way the tree does not show) is left open.
 */
const path = __importStar(require("node:path"));
const nginx_placed_1 = require("./nginx-placed");
const nginx_proxy_1 = require("./nginx-proxy");
const nginx_unresolved_1 = require("./nginx-unresolved");
/** The plain http pass directives lint-deploy follows, with their scheme and default port (0: none, a port is needed). */
const PLAIN_PASSES = {
    proxy_pass: { scheme: /^http:\/\//i, defaultPort: 80 },
    grpc_pass: { scheme: /^(?:grpc:\/\/)?/i, defaultPort: 0 },
};
/** The plain http passes of a top-level file with the URLs they call (none for a template with conditionals). */
function nginxPlainPasses(top, passes, context) {
    const upstreams = (0, nginx_proxy_1.upstreamsOf)(top).http;
    return passes.flatMap((p) => {
        const kind = PLAIN_PASSES[p.pass.directive.name];
        const target = p.pass.directive.args[0]?.value ?? '';
        if (!kind || p.stream || p.transport !== 'plain' || context.skip(p.pass.file))
            return [];
        const authority = target.replace(kind.scheme, '').split('/')[0] ?? '';
        const scheme = p.pass.directive.name === 'grpc_pass' ? 'grpc' : 'http';
        const urls = (0, nginx_proxy_1.passUrls)(p.pass, authority, upstreams, scheme, kind.defaultPort).urls.filter((u) => u.port > 0);
        if (urls.length === 0)
            return [];
        const relative = path.relative(context.root, p.pass.file).split(path.sep).join('/');
        const line = p.pass.directive.nameRange.start.line + 1;
        return [
            {
                name: `nginx ${p.pass.directive.name} ${target} (${relative}:${line})`,
                host: context.host,
                urls,
                at: { file: p.pass.file, range: (0, nginx_placed_1.argsRange)(p.pass) },
                ...(p.server ? { serverBlock: { file: p.server.file, range: p.server.directive.nameRange } } : {}),
            },
        ];
    });
}
/** `8443`, `*:8443`, `[::]:8443`, `10.0.0.1:8443` → 8443; a name alone is port 80; undefined for a unix socket. */
function listenPort(address) {
    if (address.startsWith('unix:'))
        return undefined;
    const m = /(?:^|:)(\d+)$/.exec(address);
    return m ? Number(m[1]) : /^[\w.-]+$/.test(address) ? 80 : undefined;
}
/**
 * The ports each http server of a file serves with TLS only, by server block, with the listen that says so; none in a
 * template, for a server whose scope holds an include the tree does not hold, or for a port another listen of the file
 * (or of that server) names without `ssl`.
 */
function nginxTlsOnlyPorts(servers, skip) {
    const http = servers.filter((s) => s.level !== 'stream');
    const own = (s) => (s.server.block ?? []).filter((p) => !p.block);
    const listensOf = (s) => {
        const sslOn = (0, nginx_placed_1.last)([...s.inherited, ...own(s)], 'ssl')?.directive.args[0]?.value === 'on';
        return own(s)
            .filter((p) => p.directive.name === 'listen' && !p.directive.args.some((a) => a.value === 'quic'))
            .map((listen) => {
            const args = listen.directive.args.map((a) => a.value);
            return { listen, port: listenPort(args[0] ?? ''), tls: sslOn || args.includes('ssl') };
        });
    };
    const plainPorts = new Set(http.flatMap((s) => listensOf(s)
        .filter((l) => !l.tls)
        .map((l) => l.port)));
    const out = new Map();
    for (const s of http) {
        if (skip(s.server.file) || (0, nginx_unresolved_1.hasUnresolvedInclude)([s.inherited, own(s)]))
            continue;
        const ports = listensOf(s).flatMap(({ listen, port, tls }) => {
            if (!tls || port === undefined || plainPorts.has(port) || skip(listen.file))
                return [];
            const at = { file: listen.file, range: (0, nginx_placed_1.argsRange)(listen) };
            return [{ port, setting: ['listen', ...listen.directive.args.map((a) => a.value)].join(' '), at }];
        });
        if (ports.length > 0)
            out.set(s.server, ports);
    }
    return out;
}
