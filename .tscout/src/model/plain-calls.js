"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.plainCallsToTls = plainCallsToTls;
const loopback_1 = require("./loopback");
const url_hosts_1 = require("./url-hosts");
/** Settings whose URL the application hands to browsers or matches requests against, not one it calls. */
const NOT_CALLED = /origin|redirect|callback|cors|allowed|logout|frontend|public|external|swagger|springdoc/i;
const PLAIN_SCHEMES = new Set(['http', 'ws']);
const samePlace = (a, b) => !!a?.range &&
    !!b.range &&
    a.file === b.file &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character;
/**
 * The plain calls of the Java applications' URLs and nginx's plain passes to a port a server of the deployment serves
 * with TLS only, with how the URL's host was tied to the server: one of the names it answers to; a Compose service
 * that runs the server's file, called from a file a service of the same project runs; a loopback address from the same
 * nginx file (one process); or only the directory the server lies in (or a loopback address of a caller in that
 * directory), which the tree does not prove. A loopback address from another directory names no server of the tree.
 */
function plainCallsToTls(ctx, apps, servers) {
    const tlsOnly = servers.flatMap((server) => (server.attributes.tlsOnlyPorts ?? []).map((port) => ({ server, port })));
    if (tlsOnly.length === 0)
        return [];
    const servicesOf = (0, loopback_1.containerRunners)(ctx);
    const callers = [
        ...apps.map((c) => ({
            client: c.name,
            clientId: c.id,
            host: c.host,
            // An ActiveMQ broker URL without TLS (Artemis `tcp://` without sslEnabled=true, Classic `tcp://`, `nio://`…) too.
            urls: c.attributes.urls.filter((u) => u.broker ? !u.broker.tls : PLAIN_SCHEMES.has(u.scheme) && !NOT_CALLED.test(u.key)),
            file: undefined,
            serverBlock: undefined,
            passAt: undefined,
        })),
        ...(ctx.deployment.nginxPlainPasses ?? []).map((p) => ({
            ...p,
            client: p.name,
            clientId: undefined,
            file: p.at.file,
            passAt: p.at,
        })),
    ];
    const calls = [];
    const seen = new Set();
    for (const caller of callers)
        for (const url of caller.urls)
            for (const { server, port } of tlsOnly) {
                if (port.port !== url.port || samePlace(caller.serverBlock, server.location))
                    continue;
                const projects = (0, loopback_1.callerProjects)(ctx, servicesOf, url.location.file);
                // A Compose service's name is a host name on its network; a Pod container's label is not.
                const service = servicesOf(port.at.file).find((s) => !s.pod && s.name === url.host && projects.has(s.project));
                const matchedBy = loopback_1.LOOPBACK.test(url.host)
                    ? caller.file === port.at.file
                        ? 'same-file'
                        : caller.host !== '' &&
                            caller.host === server.host &&
                            (0, loopback_1.loopbackReaches)(servicesOf, { file: url.location.file, host: caller.host }, { file: port.at.file, host: server.host })
                            ? 'directory'
                            : undefined
                    : (0, url_hosts_1.answersToName)(server.attributes.hostnames, url.host)
                        ? 'hostname'
                        : service
                            ? 'compose-service'
                            : (0, url_hosts_1.namesHostDirectory)(server.host, url.host)
                                ? 'directory'
                                : undefined;
                // Several components of one Tomcat connector (one per SSLHostConfig) share its port: one call each.
                const key = [url.location.file, url.location.range?.start.line, url.url, port.at.file, port.port].join('\0');
                if (!matchedBy || seen.has(key))
                    continue;
                seen.add(key);
                calls.push({
                    client: caller.client,
                    ...(caller.clientId ? { clientId: caller.clientId } : {}),
                    url,
                    ...(caller.passAt ? { passAt: caller.passAt } : {}),
                    server: server.id,
                    port,
                    matchedBy,
                    ...(matchedBy === 'compose-service' && service ? { service: { name: service.name, at: service.at } } : {}),
                });
            }
    return calls;
}
