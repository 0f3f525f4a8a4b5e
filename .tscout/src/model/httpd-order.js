"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unread = void 0;
exports.tlsBehindPlain = tlsBehindPlain;
const httpd_tls_1 = require("./httpd-tls");
const WILDCARD = new Set(['*', '_default_', '0.0.0.0', '[::]']);
const LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;
/**
 * The set an address of `<VirtualHost>` joins: `*:443`, `10.0.0.1:443`, `*:*` for a wildcard with any port (`*`,
 * `_default_`); `literal-any` for a literal address with any port (not modelled); undefined when the tree does not
 * settle it (a host name is resolved when httpd starts, a placeholder is set then).
 */
function addressSet(address) {
    const match = /^(.+?)(?::(\d+|\*))?$/.exec(address.toLowerCase());
    const host = match?.[1] ?? '';
    const port = match?.[2] === undefined || match[2] === '*' ? undefined : Number(match[2]);
    if (WILDCARD.has(host))
        return port === undefined ? { key: '*:*', literal: false } : { key: `*:${port}`, port, literal: false };
    if (!LITERAL.test(host))
        return undefined;
    return port === undefined ? 'literal-any' : { key: `${host}:${port}`, port, literal: true };
}
/**
 * A line the model could not read: an Include the tree does not hold, an `<IfDefine>` body read only with -D, a
 * mod_macro `Use` (the virtual hosts its `<Macro>` writes are not expanded here), or one read from an `<IfVersion>`,
 * `<IfFile>`… body whose condition is only assumed (it may be absent where httpd runs).
 */
const unread = (p) => p.assumed === true || ['include', 'includeoptional', 'ifdefine', 'use'].includes(p.directive.key);
exports.unread = unread;
/** The SSLEngine line in effect for a virtual host: its own, else the main server's. */
const engineLine = (serverLevel, vhost) => (0, httpd_tls_1.inEffect)([serverLevel, (vhost.block ?? []).filter((p) => !p.block)], 'sslengine');
/** Whether a virtual host starts connections with TLS: its SSLEngine, else the main server's. */
function engineOf(serverLevel, vhost) {
    if ((vhost.block ?? []).some((p) => !p.block && (0, exports.unread)(p)))
        return 'unknown';
    const value = engineLine(serverLevel, vhost)?.directive.args[0]?.value.toLowerCase();
    if (value === 'on')
        return 'on';
    // IBM HTTP Server's mod_ibm_ssl (`SSLEnable`, ./ihs.ts) serves TLS without SSLEngine: not known to start plain.
    if (value === undefined && (0, httpd_tls_1.inEffect)([serverLevel, (vhost.block ?? []).filter((p) => !p.block)], 'sslenable'))
        return 'unknown';
    // `SSLEngine optional` is the RFC 2817 upgrade: the connection starts plain (measured).
    if (value === undefined || value === 'off' || value === 'optional')
        return 'plain';
    return 'unknown';
}
const placeOf = (p) => ({ file: p.file, range: p.directive.nameRange });
/** `<VirtualHost *:443>` as written, with its ServerName (two virtual hosts of one address read alike otherwise). */
function label(p) {
    const name = (p.block ?? []).find((d) => d.directive.key === 'servername')?.directive.args[0]?.value;
    return `<VirtualHost ${p.directive.args.map((a) => a.value).join(' ')}>${name ? ` (ServerName ${name})` : ''}`;
}
/**
 * The virtual hosts with `SSLEngine on` that no TLS connection reaches: on each of their addresses the first virtual
 * host of the set starts plain. Judged in a main configuration the tree holds whole: no unread Include or `<IfDefine>`
 * at the server level (it may set SSLEngine or add virtual hosts), the port listened on, every address settled.
 */
function tlsBehindPlain(top) {
    const serverLevel = top.filter((p) => !p.block);
    if (serverLevel.some(exports.unread))
        return [];
    const listens = (0, httpd_tls_1.allOf)([serverLevel], 'listen');
    const listenPort = (l) => /(?:^|:)(\d+)$/.exec(l.directive.args[0]?.value ?? '')?.[1];
    const vhosts = top.filter((p) => p.block && p.directive.key === 'virtualhost');
    // A virtual host that only an assumed condition brings in may be absent: which one comes first is then unknown.
    if (vhosts.some(exports.unread))
        return [];
    const members = new Map();
    // Ports some virtual host names by a host name: it may resolve to any literal address of them.
    const namedPorts = new Set();
    for (const vhost of vhosts)
        for (const arg of vhost.directive.args) {
            const set = addressSet(arg.value);
            if (set === 'literal-any')
                continue;
            if (set)
                members.set(set.key, [...(members.get(set.key) ?? []), vhost]);
            else if (/^[a-z0-9][a-z0-9.-]*:\d+$/i.test(arg.value))
                namedPorts.add(Number(arg.value.split(':').at(-1)));
            // Anything else (`_default_:${HTTPS}`, a template's value) may join any set: which comes first is not known.
            else
                return [];
        }
    /** The set that takes a wildcard any-port address's connections on a port: the port's own, else `*:*` (measured). */
    const routesOf = (set) => {
        if (set.port !== undefined)
            return [{ ...set, port: set.port }];
        // Every port httpd listens on; a Listen the tree does not settle leaves them unknown.
        const ports = listens.map(listenPort);
        if (ports.some((p) => p === undefined))
            return undefined;
        return [...new Set(ports.map(Number))].map((port) => ({
            key: members.has(`*:${port}`) ? `*:${port}` : '*:*',
            port,
            literal: false,
        }));
    };
    const out = [];
    for (const vhost of vhosts) {
        if (engineOf(serverLevel, vhost) !== 'on')
            continue;
        const behind = vhost.directive.args.flatMap((arg) => {
            const set = addressSet(arg.value);
            if (!set || set === 'literal-any')
                return [undefined];
            const routes = routesOf(set);
            if (!routes || routes.length === 0)
                return [undefined];
            return routes.map((route) => {
                const listen = listens.find((l) => listenPort(l) === String(route.port));
                if (!listen || (route.literal && namedPorts.has(route.port)))
                    return undefined;
                const inSet = members.get(route.key) ?? [];
                const first = inSet[0];
                if (!first || first === vhost || engineOf(serverLevel, first) !== 'plain')
                    return undefined;
                // A wildcard with any port is reached on each port httpd listens on: named by that port.
                return { address: set.port === undefined ? `*:${route.port}` : arg.value, first, listen };
            });
        });
        const found = behind.filter((b) => b !== undefined);
        const [one] = found;
        if (!one || found.length < behind.length)
            continue;
        const related = [
            ...found.map((b) => ({
                ...placeOf(b.first),
                message: `the first virtual host of ${b.address}: no SSLEngine on, so httpd answers ${b.address} in plain HTTP`,
            })),
            ...found.flatMap((b) => {
                const engine = (0, httpd_tls_1.inEffect)([(b.first.block ?? []).filter((p) => !p.block)], 'sslengine');
                return engine
                    ? [{ ...placeOf(engine), message: `SSLEngine ${engine.directive.args[0]?.value ?? ''} here` }]
                    : [];
            }),
            ...found.map((b) => ({ ...placeOf(b.listen), message: 'httpd listens on this port' })),
            ...found.flatMap((b) => [...(b.first.via ?? []), ...(b.listen.via ?? [])]),
            ...(vhost.via ?? []),
            // Its SSLEngine on, wherever it is written (certbot's options-ssl-apache.conf, included in the virtual host).
            ...[engineLine(serverLevel, vhost)].flatMap((engine) => engine ? [{ ...placeOf(engine), message: 'SSLEngine on for this virtual host' }, ...(engine.via ?? [])] : []),
        ];
        out.push({
            at: placeOf(vhost),
            vhost: label(vhost),
            address: [...new Set(found.map((b) => b.address))].join(' and '),
            first: label(one.first),
            related: related.filter((r, i) => related.findIndex((o) => o.file === r.file && o.range?.start.line === r.range?.start.line && o.message === r.message) === i),
        });
    }
    return out;
}
