"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ownRole = ownRole;
exports.deriveDeployment = deriveDeployment;
exports.ownEndpoint = ownEndpoint;
exports.presentedCertificates = presentedCertificates;
exports.stackLabels = stackLabels;
exports.emptyDerived = emptyDerived;
/**
 * The derive stage: data that several rules and formatters need, computed once per deployment after the
 * model is built and kept on the deployment as plain data, so no rule recomputes it and no module holds
 * per-deployment state between calls.
 */
const endpoint_1 = require("../handshake/endpoint");
const predict_1 = require("../handshake/predict");
const mq_certs_1 = require("../model/mq-certs");
const work_1 = require("../core/work");
const certificate_files_1 = require("./certificate-files");
const outcome_1 = require("./outcome");
const presented_1 = require("./presented");
const openssl_levels_1 = require("./openssl-levels");
const stack_1 = require("./stack");
const trust_1 = require("./trust");
const format_1 = require("../parse/keystore/format");
const mq_channel_access_1 = require("../model/mq-channel-access");
const mq_channel_inputs_1 = require("../model/mq-channel-inputs");
const mq_scripts_1 = require("../model/mq-scripts");
/** A client's TLS settings with those it sets on one link: its lists replace the component's, unknown values add up. */
function withLinkTls(tls, own) {
    const unknown = [...(tls.unknownValues ?? []), ...(own.unknownValues ?? [])];
    return { ...tls, ...own, ...(unknown.length > 0 ? { unknownValues: unknown } : {}) };
}
/** The role a component plays when a rule looks at it alone (a `both` component is judged as a server). */
function ownRole(component) {
    return component.role === 'client' ? 'client' : 'server';
}
/**
 * Derives certificates, endpoints, resolved links and their predictions. `certificates` may be passed when
 * the model builder already computed them from the same documents. `memo`: the run's answers by value. A
 * prediction is a pure function of the two sides (plain data: lists, key, flags), and every environment of
 * a fleet links the same kinds of ends with the same lists: predicted once per distinct pair of sides.
 */
function deriveDeployment(deployment, certificates, memo) {
    const certs = certificates ?? (0, mq_certs_1.treeCertificates)(deployment.documents, deployment.root);
    const presented = (0, presented_1.namedByComponent)(certs, deployment.components);
    const endpoints = new Map();
    const endpointOf = (component, role) => {
        let known = endpoints.get(component.id);
        if (!known)
            endpoints.set(component.id, (known = {}));
        if (!(role in known))
            known[role] = (0, endpoint_1.endpointFor)(component, role, deployment, role === 'server' ? (0, presented_1.presentedKeys)(presented.get(component.id)) : undefined, memo);
        return known[role];
    };
    const byId = new Map(deployment.components.map((c) => [c.id, c]));
    const links = [];
    const predictions = [];
    const unconfirmed = [];
    (0, work_1.countWork)('links predicted', deployment.links.length);
    for (const link of deployment.links) {
        const client = byId.get(link.client);
        const server = byId.get(link.server);
        if (!client || !server)
            continue;
        // A pairing by a name coincidence is never judged: it is reported as unknown (tls/link-outcome-unknown).
        if (link.unconfirmed) {
            unconfirmed.push({ link, client, server });
            continue;
        }
        // A client that sets its own lists on this link (an ActiveMQ broker URL's enabledProtocols): its end for this link.
        const clientEnd = link.clientTls && client.tls
            ? (0, endpoint_1.endpointFor)({ ...client, tls: withLinkTls(client.tls, link.clientTls) }, 'client', deployment, undefined, memo)
            : endpointOf(client, 'client');
        const serverEnd = endpointOf(server, 'server');
        let predicted;
        if (clientEnd && serverEnd) {
            const prediction = memo
                ? predictedByValue(clientEnd.side, serverEnd.side, memo)
                : (0, predict_1.predictHandshake)(clientEnd.side, serverEnd.side);
            const outcome = (0, outcome_1.linkOutcome)(clientEnd, serverEnd, prediction, memo);
            predicted = {
                link,
                client: clientEnd,
                server: serverEnd,
                prediction: (0, outcome_1.decidingPrediction)(clientEnd, serverEnd, prediction, outcome),
                outcome,
            };
            predictions.push(predicted);
        }
        links.push(predicted ? { link, client, server, predicted } : { link, client, server });
    }
    for (const component of deployment.components)
        if (component.tls)
            endpointOf(component, ownRole(component));
    const stacks = new Map(deployment.components.map((c) => [c.id, (0, stack_1.stackOf)(c, deployment)]));
    const unreadable = new Set(deployment.documents.filter((d) => (0, format_1.isKeystoreDocument)(d) && !d.data.readable).map((d) => d.file.path));
    const trust = (0, trust_1.deriveTrust)(certs, presented, links, unreadable, memo);
    const derived = {
        certificates: certs,
        presented,
        certificateFiles: {
            ...(0, certificate_files_1.certificateFileUse)(deployment.components, presented, deployment.unlinkedEnds ?? [], stacks),
            notServed: (0, certificate_files_1.notServedFiles)(deployment.unservedTls ?? [], certs),
        },
        stacks,
        links,
        unconfirmed,
        predictions,
        endpoints,
        trust,
        channelAccess: mqChannelAccess(deployment),
        pemFiles: new Map(deployment.documents
            .filter((d) => d.kind.startsWith('pem.'))
            .map((d) => [d.file.path, d])),
        levelRefusals: (0, openssl_levels_1.levelRefusals)(deployment.components, presented, trust),
    };
    return { ...deployment, derived };
}
/** Each MQSC script's inbound channels with the queue manager's access decision (defaults of a new queue manager where unset). */
function mqChannelAccess(deployment) {
    const decisions = new Map();
    for (const mqsc of (0, mq_scripts_1.mqscScriptsOf)(deployment)) {
        for (const input of (0, mq_channel_inputs_1.documentChannels)(mqsc)) {
            const access = (0, mq_channel_access_1.channelAccess)(mqsc, input);
            if (access)
                decisions.set((0, mq_channel_inputs_1.channelAccessKey)(mqsc, input), access);
        }
    }
    return decisions;
}
/** The endpoint of a component in its own role (see `ownRole`), as derived. */
function ownEndpoint(deployment, component) {
    return deployment.derived.endpoints.get(component.id)?.[ownRole(component)];
}
/** The certificates in the tree a server presents, as related locations (they decide which suites it can use). */
function presentedCertificates(deployment, server) {
    return (0, presented_1.presentedPlaces)(deployment.derived.presented.get(server.id)).map((l) => ({
        ...l,
        message: `${server.name} presents this certificate`,
    }));
}
/** What each end of a predicted link runs, for messages. */
function stackLabels(deployment, lp) {
    const { stacks } = deployment.derived;
    // A JDK named by its feature only: a verdict stands only when every update gives it (derive/outcome.ts), so say so.
    const label = (end) => {
        const stack = stacks.get(end.component.id)?.label;
        return end.updates && lp.outcome.kind !== 'unknown' && stack
            ? stack.replace(/ \u00b7 .*$/, ` \u00b7 every ${end.updates.jdk} update${end.updates.since ? ` from ${end.updates.since} on` : ''}`)
            : stack;
    };
    return { client: label(lp.client), server: label(lp.server) };
}
/** Derived data of a deployment that was not checked in this run (cache hit, or its model was not kept). */
function emptyDerived() {
    return {
        certificates: [],
        presented: new Map(),
        certificateFiles: {
            inUse: new Map(),
            namedOutside: new Map(),
            keyAliases: new Map(),
            trustOnly: new Map(),
            useUnknown: new Map(),
            unresolved: [],
            mountedOutside: [],
            notServed: new Map(),
        },
        links: [],
        unconfirmed: [],
        predictions: [],
        endpoints: new Map(),
        stacks: new Map(),
        trust: [],
        channelAccess: new Map(),
        pemFiles: new Map(),
        levelRefusals: { load: [], verify: [] },
    };
}
/** Stand-ins for the two ends' names (a NUL never occurs in a name read from a text file or a path). */
const CLIENT_NAME = '\u0000client\u0000';
const SERVER_NAME = '\u0000server\u0000';
/**
 * A prediction is a pure function of the two sides, and the ends' names (`label`, which hold the environment's
 * path) appear only in its texts: predicted once a run per distinct pair of sides under stand-in names, then
 * each link's copy gets its own ends' names.
 */
function predictedByValue(client, server, memo) {
    const unnamed = (side, name) => side.label === undefined ? side : { ...side, label: name };
    const c = unnamed(client, CLIENT_NAME);
    const s = unnamed(server, SERVER_NAME);
    const prediction = memo.get('predictHandshake', JSON.stringify([c, s]), () => (0, predict_1.predictHandshake)(c, s));
    const named = (value) => typeof value === 'string'
        ? value.includes('\u0000')
            ? value.split(CLIENT_NAME).join(client.label).split(SERVER_NAME).join(server.label)
            : value
        : Array.isArray(value)
            ? value.map(named)
            : value && typeof value === 'object'
                ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v)]))
                : value;
    return named(prediction);
}
