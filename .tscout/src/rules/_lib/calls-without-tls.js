"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callsWithoutTls = callsWithoutTls;
/** The calls to servers whose UnservedTls reason is of `kind` (liberty/https-port-closed, tomcat/ssl-not-enabled). */
function callsWithoutTls(deployment, kind) {
    const byId = new Map(deployment.components.map((c) => [c.id, c]));
    return (deployment.refusedCalls ?? []).flatMap((call) => {
        const why = call.server.why;
        const client = byId.get(call.client);
        if (!client || !isKind(why, kind))
            return [];
        const data = {
            client: client.name,
            url: call.url.url,
            key: call.url.key,
            server: call.server.server,
            port: String(call.port.port),
            host: call.url.host,
        };
        const fingerprint = [call.client, call.url.url, call.port.at.file];
        return [{ call, why, proven: call.matchedBy === 'hostname', data, fingerprint }];
    });
}
const isKind = (why, kind) => why.kind === kind;
