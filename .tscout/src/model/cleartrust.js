"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cleartrustContributor = exports.SSL_MODE_KEYS = void 0;
const knowledge_1 = require("../knowledge");
const jdk_1 = require("../knowledge/jdk");
const cleartrust_1 = require("../parse/cleartrust");
const types_1 = require("../parse/types");
/** Keys that carry a component's SSL mode (clear | anon | auth). */
exports.SSL_MODE_KEYS = ['cleartrust.net.ssl.use', 'cleartrust.agent.ssl.use'];
/** One component per ClearTrust configuration file, with its role and SSL mode. */
exports.cleartrustContributor = {
    id: 'cleartrust',
    reads: ['cleartrust.'],
    contribute(ctx) {
        for (const doc of ctx.documentsOf('cleartrust.')) {
            const type = doc.kind;
            if (!isCleartrustType(type))
                continue;
            const role = cleartrust_1.CLEARTRUST_ROLES[doc.kind] ?? 'ClearTrust component';
            const host = ctx.hostOf(doc.file.path);
            const modeEntry = [...doc.entries].reverse().find((e) => exports.SSL_MODE_KEYS.includes(e.key));
            const mode = modeEntry?.value.trim().toLowerCase();
            ctx.addComponent({
                id: `${doc.kind}:${host || '.'}:${doc.file.path.slice(ctx.deployment.root.length + 1)}`,
                type,
                name: host ? `${role} (${host})` : role,
                role: doc.kind === 'cleartrust.webagent' || doc.kind === 'cleartrust.admingui' ? 'client' : 'both',
                location: { file: doc.file.path },
                host,
                // Web agents are native (C) web-server modules: no JDK runs them.
                ...(doc.kind === 'cleartrust.webagent' ? {} : { runtime: ctx.runtimeFor(doc.file.path) }),
                tls: modeEntry
                    ? {
                        enabled: {
                            value: mode !== 'clear',
                            from: { kind: 'file', location: (0, types_1.entryLocation)(doc, modeEntry, 'value') },
                        },
                        // anon offers only anonymous suites; auth leaves them to the runtime default.
                        ...(mode === 'anon'
                            ? {
                                cipherSuites: {
                                    value: jsseAnonSuites(),
                                    from: { kind: 'default', origin: 'ClearTrust anon mode offers only anonymous suites' },
                                },
                            }
                            : {}),
                        implementation: doc.kind === 'cleartrust.webagent' ? 'native' : 'jsse',
                    }
                    : undefined,
                documents: [doc],
                attributes: { cleartrustRole: role, sslMode: mode },
            });
        }
        addCleartrustLinks(ctx);
    },
};
const isCleartrustType = (kind) => kind.startsWith('cleartrust.');
let anonSuites;
/** The anonymous suites SunJSSE knows (not NULL, not export), in its preference order. */
function jsseAnonSuites() {
    if (anonSuites)
        return anonSuites;
    const list = (0, jdk_1.suiteList)('jsse-17');
    const known = list ? [...list.defaultEnabled, ...list.supportedNotEnabled] : [];
    const anon = new Set((0, knowledge_1.allCipherSuites)()
        .filter((s) => s.flags.anon && !s.flags.null && !s.flags.export)
        .map((s) => s.iana));
    anonSuites = known.filter((name) => anon.has(name));
    return anonSuites;
}
/**
 * Who connects to whom in an Access Manager deployment: web agents ask the
 * Dispatcher for the server list and then call Authorization Servers; the
 * Admin Console calls the Entitlements Server's admin API; Authorization
 * Servers load policy from the Entitlements Server.
 */
const CLEARTRUST_CONNECTIONS = [
    ['cleartrust.webagent', 'cleartrust.dispatcher', 'web agents get the Authorization Server list from the Dispatcher'],
    ['cleartrust.webagent', 'cleartrust.aserver', 'web agents call Authorization Servers'],
    ['cleartrust.admingui', 'cleartrust.eserver', 'the Administration Console calls the Entitlements Server admin API'],
    ['cleartrust.aserver', 'cleartrust.eserver', 'Authorization Servers load policy from the Entitlements Server'],
];
function addCleartrustLinks(ctx) {
    const components = ctx.deployment.components.filter((c) => c.type.startsWith('cleartrust.'));
    for (const [clientType, serverType, reason] of CLEARTRUST_CONNECTIONS) {
        for (const client of components.filter((c) => c.type === clientType)) {
            for (const server of components.filter((c) => c.type === serverType)) {
                ctx.addLink({ id: `${client.id}->${server.id}`, client: client.id, server: server.id, reason });
            }
        }
    }
}
