"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const sources_1 = require("../_lib/sources");
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const verify_without_anchors_1 = require("../_lib/verify-without-anchors");
const names_1 = require("../_lib/names");
/**
 * An end configured for plaintext (an MQ channel with a blank SSLCIPH): whichever server a name coincidence pairs it
 * with, no handshake happens (ibm-messaging/mq-uniform-clusters: 37 infos on links no side of which uses TLS).
 */
const plaintext = (c) => c.tls?.enabled?.value === false;
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/link-outcome-unknown',
        description: "Say which links' handshake outcome the tree does not decide, and what to declare so it can be predicted",
        severity: 'info',
        messages: {
            unknown: '{{client}} → {{server}}: handshake outcome unknown: the tree does not say {{missing}}',
            unconfirmed: '{{client}} → {{server}}: not judged, the link itself is unknown: the tree does not say {{missing}}',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        // A client whose own inputs are missing (its JDK, its native library's suites) is unknown with every server
        // it calls: one finding for that client, naming the servers, instead of one per link.
        const groups = new Map();
        // An end that verifies with no CA file fails for certain (nginx and HAProxy do not start, httpd fails every
        // proxied request): its product's rule says so, and the handshake's outcome is not unknown.
        const failsWithoutAnchors = (0, verify_without_anchors_1.linkFailsWithoutAnchors)(ctx.deployment);
        for (const lp of ctx.deployment.derived.predictions) {
            if (lp.outcome.kind !== 'unknown' || failsWithoutAnchors(lp.client.component, lp.server.component))
                continue;
            const clientOnly = lp.outcome.missing.length === lp.client.missing.length &&
                lp.outcome.missing.every((m, i) => m === lp.client.missing[i]);
            const key = clientOnly ? `${lp.link.client}\0${lp.outcome.missing.join('\0')}` : lp.link.id;
            const group = groups.get(key);
            if (group)
                group.push(lp);
            else
                groups.set(key, [lp]);
        }
        for (const group of groups.values()) {
            const { link, client, outcome } = group[0];
            if (outcome.kind !== 'unknown')
                continue;
            const location = link.location ?? (0, links_1.placeOf)(client.component);
            // The servers the message names are the ones its related places show.
            const shown = (0, names_1.listedOf)(group);
            const servers = shown.map((lp) => lp.server.component);
            ctx.report({
                messageId: 'unknown',
                data: {
                    client: client.component.name,
                    server: (0, names_1.nameList)(group.map((lp) => lp.server.component.name)),
                    missing: outcome.missing.join('; nor '),
                },
                location,
                related: (0, sources_1.withSources)(location, servers.map((s) => (0, links_1.relatedOf)(s, undefined, s.name)), ...shown.map((lp) => (0, sources_1.linkSources)(lp.link, client.component, lp.server.component)), ...servers.map((s) => (0, derive_1.presentedCertificates)(ctx.deployment, s)), 
                // Where the placeholders or settings that leave an end unknown are written.
                [client.component, ...servers].flatMap((c) => c.tls?.unknownAt ?? []), 
                // And the JVM options only the run decides (`-Djdk.tls.client.protocols=$X`, starts that disagree).
                [client.component, ...servers].flatMap((c) => knowledge_1.JSSE_LIST_PROPERTIES.flatMap((name) => c.runtime?.unknownSystemProperties?.[name]?.at ?? [])), 
                // And the java.security edits it cannot follow (an image's sed).
                [client.component, ...servers].flatMap((c) => Object.values(c.runtime?.unknownSecurityProperties ?? {}).flatMap((u) => u.at))),
                fingerprint: [link.client, ...group.map((lp) => lp.link.server), ...outcome.missing],
                outcome: 'unknown',
            });
        }
        // One finding per client: its unconfirmed links share one reason (the candidates are the related places).
        const byClient = new Map();
        for (const resolved of ctx.deployment.derived.unconfirmed) {
            const group = byClient.get(resolved.link.client);
            if (group)
                group.push(resolved);
            else
                byClient.set(resolved.link.client, [resolved]);
        }
        for (const group of byClient.values()) {
            // A client and candidate servers all configured for plaintext: no TLS outcome hangs on the pairing.
            if (group.every((g) => plaintext(g.client) && plaintext(g.server)))
                continue;
            const { link, client, server } = group[0];
            const location = link.location ?? client.location;
            ctx.report({
                messageId: 'unconfirmed',
                data: {
                    client: client.name,
                    server: group.length > 1 ? (0, phrase_1.said) `${server.name} (${group.length} definitions)` : server.name,
                    missing: link.unconfirmed ?? '',
                },
                location,
                related: (0, sources_1.withSources)(location, (0, names_1.listedOf)(group).map((g) => ({ ...g.server.location, message: (0, phrase_1.said) `${g.server.name} is defined here` }))),
                fingerprint: [link.client, ...group.map((g) => g.link.server), 'unconfirmed'],
                outcome: 'unknown',
            });
        }
    },
});
