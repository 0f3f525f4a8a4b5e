"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const knowledge_1 = require("../../knowledge");
const cleartrust_1 = require("../../model/cleartrust");
const link_owners_1 = require("../_lib/link-owners");
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/** Anonymous suites a ClearTrust Java component offers in `anon` mode (DH and ECDH key exchange). */
const ANON_SUITES = ['TLS_DH_anon_WITH_AES_128_CBC_SHA', 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA'];
/** Settings that select an SSL mode for a Java server's port (the Admin API port knows only anon and clear). */
const ANON_MODE_KEYS = [
    'cleartrust.net.ssl.use',
    'cleartrust.eserver.api_port.use_ssl',
    'cleartrust.admingui.admin_api.use_ssl',
];
function originOf(from) {
    return from.kind === 'default'
        ? `the ${from.origin}`
        : from.kind === 'config'
            ? from.origin
            : 'java.security in the tree';
}
/**
 * What the handshake predictor says for a ClearTrust link of this component whose ends are both in anon
 * mode (the links tls/* leaves to this rule), e.g. "; for A → B the JDK on A reports 'No appropriate …'".
 */
function predicted(deployment, rules, component) {
    if (!component)
        return '';
    const lp = deployment.derived.predictions.find((l) => (l.client.component === component || l.server.component === component) &&
        (0, link_owners_1.linkFailureOwner)(rules, l) === 'cleartrust/anon-cipher-disabled');
    if (!lp || lp.prediction.ok)
        return '';
    const failing = lp.prediction.failingSide === 'client' ? lp.client.component : lp.server.component;
    return `; predicted for ${lp.client.component.name} → ${lp.server.component.name}: the JDK on ${failing.name} reports '${lp.prediction.messages[lp.prediction.failingSide]}'`;
}
/** The verdict's key: the first entry of jdk.tls.disabledAlgorithms that disables every anonymous suite, if any. */
function anonBlockedBy(runtime, memo) {
    const entries = (0, knowledge_1.effectiveJdkTls)(runtime, memo).disabledAlgorithms.value;
    const blocking = ANON_SUITES.map((suite) => (0, knowledge_1.disabledEntryFor)(suite, entries));
    return blocking.every((entry) => entry !== undefined) ? blocking[0] : undefined;
}
/** The last update any JDK line will have: a row of the knowledge base that is open-ended covers it. */
const LATEST_UPDATE = 9999;
const atUpdate = (runtime, feature, update) => ({
    ...runtime,
    version: { ...runtime.version, value: (0, knowledge_1.javaVersionText)(feature, update) },
});
/**
 * A version that names the feature release only (`--java-version 11`, config `"version": "8"`) with the JDK's
 * own java.security: when its GA and its latest update disagree on anon, the update decides, and the first
 * update that disables anon (found by bisection over the knowledge base's rows), else undefined.
 */
function updateDecides(runtime, memo) {
    const raw = runtime.version.value.trim();
    if (!/^\d+$/.test(raw) || runtime.securityProperties['jdk.tls.disabledAlgorithms']?.from.kind === 'file')
        return undefined;
    const feature = Number(raw);
    const ga = anonBlockedBy(atUpdate(runtime, feature, 0), memo);
    if ((ga === undefined) === (anonBlockedBy(atUpdate(runtime, feature, LATEST_UPDATE), memo) === undefined))
        return undefined;
    let low = 0;
    let high = LATEST_UPDATE;
    while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if ((anonBlockedBy(atUpdate(runtime, feature, middle), memo) === undefined) === (ga === undefined))
            low = middle;
        else
            high = middle;
    }
    return { feature, firstBlocking: atUpdate(runtime, feature, high).version.value };
}
/** True when nothing tells which JDK runs the component or how it is configured. */
function unknownRuntime(runtime) {
    return !runtime || (!runtime.version.value && !runtime.securityProperties['jdk.tls.disabledAlgorithms']);
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/anon-cipher-disabled',
        description: "Catch ClearTrust 'anon' SSL mode on a JDK whose jdk.tls.disabledAlgorithms disables anonymous cipher suites",
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            disabled: "{{key}} is 'anon', but {{jdk}} disables anonymous cipher suites ('{{entry}}' in jdk.tls.disabledAlgorithms, from {{origin}}): the handshake fails with 'Fatal Alert received: Handshake Failure' (handshake_failure){{predicted}}. Fix: use 'auth' (RSA's recommendation) or 'clear' on every server and agent, or remove 'anon' from jdk.tls.disabledAlgorithms in this JDK's java.security",
            unknownUpdate: "{{key}} is 'anon' and the JDK that runs this component is declared as Java {{feature}} without an update: {{firstBlocking}} and later disable anonymous cipher suites (jdk.tls.disabledAlgorithms, JDK-8211883) and the handshake then fails with 'Fatal Alert received: Handshake Failure', earlier updates allow them. Declare the full version (e.g. --java-version {{firstBlocking}})",
            unknownJdk: "{{key}} is 'anon' but the JDK that runs this component is unknown: JDK {{since}} and later disable anonymous cipher suites and the handshake then fails with 'Fatal Alert received: Handshake Failure'. Declare the JDK (a JDK release file in the tree, --java-version, or \"java\" in lint-deploy.config.json)",
        },
        defaultOptions: {},
        symptoms: [
            'Fatal Alert received: Handshake Failure',
            'handshake_failure',
            'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
            'no cipher suites in common',
        ],
        ownsLinkFailure: (lp) => (0, shared_1.failingAnonLink)(lp, true),
    },
    check(ctx) {
        // Web agents are native (C) modules: the JDK that refuses anon suites is on the server side.
        const settings = ANON_MODE_KEYS.flatMap((key) => (0, shared_1.settingsOf)(ctx.deployment, shared_1.SERVER_KINDS.concat('cleartrust.keyserver'), key));
        for (const setting of settings) {
            if (setting.normalized !== 'anon')
                continue;
            const runtime = setting.component?.runtime;
            if (unknownRuntime(runtime)) {
                ctx.report({
                    messageId: 'unknownJdk',
                    data: { key: setting.entry.key, since: (0, knowledge_1.firstUpdatesDisabling)('anon', [8, 11, 7]).join(', ') },
                    severity: 'warning',
                    location: (0, shared_1.valueLocation)(setting),
                    fingerprint: [setting.component?.id ?? setting.doc.kind, 'unknown-jdk'],
                });
                continue;
            }
            const undecided = updateDecides(runtime, ctx.memo);
            if (undecided) {
                ctx.report({
                    messageId: 'unknownUpdate',
                    data: { key: setting.entry.key, feature: String(undecided.feature), firstBlocking: undecided.firstBlocking },
                    severity: 'warning',
                    location: (0, shared_1.valueLocation)(setting),
                    fingerprint: [setting.component?.id ?? setting.doc.kind, 'unknown-update', String(undecided.feature)],
                });
                continue;
            }
            const tls = (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo);
            const entries = tls.disabledAlgorithms.value;
            const blocking = ANON_SUITES.map((suite) => (0, knowledge_1.disabledEntryFor)(suite, entries));
            if (blocking.some((entry) => entry === undefined))
                continue; // some anon suite still negotiates
            const related = [];
            const from = tls.disabledAlgorithms.from;
            if (from.kind === 'file')
                related.push({ ...from.location, message: (0, phrase_1.said) `jdk.tls.disabledAlgorithms includes '${blocking[0]}'` });
            const version = runtime.version;
            if (version.from.kind === 'file')
                related.push({ ...version.from.location, message: (0, phrase_1.said) `${tls.label} runs this component` });
            ctx.report({
                messageId: 'disabled',
                data: {
                    key: setting.entry.key,
                    jdk: tls.label,
                    entry: blocking[0],
                    origin: originOf(from),
                    predicted: cleartrust_1.SSL_MODE_KEYS.includes(setting.entry.key)
                        ? predicted(ctx.deployment, ctx.rules, setting.component)
                        : '',
                },
                location: (0, shared_1.valueLocation)(setting),
                related,
                fingerprint: [setting.component?.id ?? setting.doc.kind, tls.label, blocking[0]],
            });
        }
    },
});
