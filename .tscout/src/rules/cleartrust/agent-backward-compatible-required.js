"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.agentVersionIn = agentVersionIn;
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/**
 * How the tree says a web agent is 4.7.x: a comment in webagent.conf such as
 * `# lint-deploy agent-version: 4.7.2` or the product banner `# RSA ClearTrust Agent 4.7.1`.
 */
const VERSION_MARKERS = [
    /\bagent[-_ ]version\s*[:=]\s*v?(\d+(?:\.\d+)*)/i,
    /ClearTrust\b.*\bAgent\b\D{0,20}(\d+\.\d+(?:\.\d+)*)/i,
];
function agentVersionIn(doc) {
    return agentVersionComment(doc)?.version;
}
/** The comment that gives the agent version, and the version. */
function agentVersionComment(doc) {
    for (const comment of doc.comments) {
        for (const marker of VERSION_MARKERS) {
            const match = marker.exec(comment.text);
            if (match)
                return { version: match[1], comment };
        }
    }
    return undefined;
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/agent-backward-compatible-required',
        description: 'Require cleartrust.dispatcher.list_port.backward_compatible=true when SSL is on and 4.7.x web agents connect',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            missing: "SSL mode is '{{mode}}' and a {{version}} web agent connects ({{agent}}), but the Dispatcher does not set cleartrust.dispatcher.list_port.backward_compatible=true: 4.7.x agents cannot get the server list. Add it to dispatcher.conf",
            notTrue: "cleartrust.dispatcher.list_port.backward_compatible is '{{value}}' but SSL mode is '{{mode}}' and a {{version}} web agent connects ({{agent}}): set it to true",
        },
        defaultOptions: {},
    },
    check(ctx) {
        const { deployment, config } = ctx;
        const modes = (0, shared_1.settingsOf)(deployment, shared_1.SERVER_KINDS, 'cleartrust.net.ssl.use').filter((s) => s.normalized === 'anon' || s.normalized === 'auth');
        const [firstMode] = modes;
        if (!firstMode)
            return;
        const agents = deployment.documents
            .filter((d) => d.kind === 'cleartrust.webagent')
            .map((doc) => ({ doc, marker: agentVersionComment(doc), version: agentVersionIn(doc) ?? config.agentVersion }))
            .filter((a) => a.version && (0, knowledge_1.agentNeedsBackwardCompatibleListPort)(a.version));
        const [agent] = agents;
        if (!agent)
            return;
        const agentName = agent.doc.file.path.slice(deployment.root.length + 1) || agent.doc.file.path;
        // The agent's version decides the finding as much as the Dispatcher does: name where it comes from.
        const agentSource = {
            file: agent.doc.file.path,
            range: agent.marker?.comment.range,
            message: (0, phrase_1.said) `${agent.version} web agent (${agent.marker ? (0, phrase_1.ours)('version from this comment') : (0, phrase_1.ours)('version from the lint-deploy config')})`,
        };
        for (const dispatcher of deployment.documents.filter((d) => d.kind === 'cleartrust.dispatcher')) {
            const flag = (0, shared_1.lastEntry)(dispatcher, 'cleartrust.dispatcher.list_port.backward_compatible');
            const mode = modes.find((m) => m.doc === dispatcher) ?? firstMode;
            const data = { mode: mode.normalized, version: agent.version, agent: agentName };
            if (!flag) {
                ctx.report({
                    messageId: 'missing',
                    data,
                    location: { file: dispatcher.file.path, range: (0, shared_1.lastEntry)(dispatcher, 'cleartrust.net.ssl.use')?.keyRange },
                    related: [(0, shared_1.relatedTo)(mode, `SSL mode '${mode.normalized}' set here`), agentSource],
                    fingerprint: ['dispatcher', mode.normalized, String(agent.version)],
                });
            }
            else if (flag.value.trim().toLowerCase() !== 'true') {
                ctx.report({
                    messageId: 'notTrue',
                    data: { ...data, value: flag.value.trim() },
                    location: (0, shared_1.valueLocation)({ doc: dispatcher, entry: flag, normalized: flag.value }),
                    related: [(0, shared_1.relatedTo)(mode, `SSL mode '${mode.normalized}' set here`), agentSource],
                    fingerprint: ['dispatcher', flag.value.trim().toLowerCase(), mode.normalized],
                });
            }
        }
    },
});
