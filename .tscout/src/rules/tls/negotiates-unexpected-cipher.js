"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const outcome_updates_1 = require("../../derive/outcome-updates");
const links_1 = require("../../handshake/links");
const suites_1 = require("../../handshake/suites");
const sources_1 = require("../_lib/sources");
const types_1 = require("../types");
/** The client's first suite usable with `protocol`, from its lists on the span `index` (undefined: as drawn). */
function intendedSuite(client, protocol, index) {
    const suites = (index === undefined ? undefined : client.updates?.candidates[index]?.patch.cipherSuites) ??
        client.side.cipherSuites;
    return suites
        .map((n) => (0, suites_1.suiteFacts)(n))
        .find((f) => f && (protocol === 'TLSv1.3' ? f.tls13 : !f.tls13 && (0, suites_1.suiteSupportsProtocol)(f, protocol)));
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/negotiates-unexpected-cipher',
        description: "Warn when the server's cipher order will pick a different suite than the client's configured first choice",
        severity: 'warning',
        messages: {
            unexpected: '{{client}} → {{server}}: {{client}} lists {{intended}} first, but {{server}} prefers its own order and will negotiate {{negotiated}} ({{protocol}}). Fix: put {{intended}} first on the server, or offer only the suites you intend',
            someUpdates: '{{client}} → {{server}}: {{client}} lists {{intended}} first, but on some updates of the JDK its name leaves open ({{updates}}) {{server}} prefers its own order and will negotiate {{negotiated}} ({{protocol}}). Fix: put {{intended}} first on the server, or offer only the suites you intend',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const { link, client, server, prediction, outcome } of ctx.deployment.derived.predictions) {
            // IBM MQ's own order vs SSLCIPH is mq/cipherspec-not-negotiated.
            if (!prediction.ok || outcome.kind !== 'negotiates' || server.side.implementation === 'gskit')
                continue;
            if (client.suitesFrom?.kind !== 'file')
                continue;
            // A JDK named by its feature only: each combination of update spans may negotiate otherwise (derive/outcome.ts).
            const results = outcome.byUpdate ?? [prediction];
            const unexpected = new Map();
            for (const r of results) {
                if (r.decidedBy !== 'server-order')
                    continue;
                const intended = intendedSuite(client, r.protocol, r.client);
                if (!intended || intended.name === r.cipherSuite)
                    continue;
                const key = `${intended.name} ${r.cipherSuite} ${r.protocol}`;
                const entry = unexpected.get(key) ?? { intended: intended.name, found: [] };
                entry.found.push(r);
                unexpected.set(key, entry);
            }
            for (const { intended, found } of unexpected.values()) {
                const [{ cipherSuite: negotiated, protocol }] = found;
                const every = found.length === results.length;
                ctx.report({
                    messageId: every ? 'unexpected' : 'someUpdates',
                    data: {
                        client: client.component.name,
                        server: server.component.name,
                        intended,
                        negotiated,
                        protocol,
                        ...(every ? {} : { updates: (0, outcome_updates_1.updatesText)(client, server, found) }),
                    },
                    location: (0, links_1.placeOf)(client.component, client.suitesFrom),
                    related: (0, sources_1.withSources)((0, links_1.placeOf)(client.component, client.suitesFrom), [
                        (0, links_1.relatedOf)(server.component, server.suitesFrom, `${server.component.name}'s order puts ${negotiated} first`),
                    ], (0, sources_1.linkSources)(link, client.component, server.component), (0, derive_1.presentedCertificates)(ctx.deployment, server.component)),
                    fingerprint: [link.client, link.server, intended, negotiated],
                });
            }
        }
    },
});
