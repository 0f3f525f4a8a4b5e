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
exports.mqLinks = mqLinks;
exports.messageChannelLinks = messageChannelLinks;
exports.serverChannels = serverChannels;
exports.display = display;
exports.related = related;
exports.clientOffer = clientOffer;
exports.channelStory = channelStory;
exports.releaseRelated = releaseRelated;
exports.releasesOf = releasesOf;
const path = __importStar(require("node:path"));
const types_1 = require("../../../model/types");
const mq_cipherspecs_1 = require("../../../model/mq-cipherspecs");
const knowledge_1 = require("../../../knowledge");
const mq_scripts_1 = require("../../../model/mq-scripts");
const phrase_1 = require("../../../core/phrase");
/** Client → SVRCONN pairs of the deployment (MQ clients and JMS connection factories; not queue managers' senders). */
function mqLinks(deployment) {
    const out = [];
    for (const { link, client, server } of deployment.derived.links) {
        if (server.type === 'mq.svrconn' && client.type !== 'mq.sender')
            out.push({ client, server, serverAttrs: server.attributes, evidence: link.evidence ?? [] });
    }
    return out;
}
/** Sending end → receiving end pairs of the deployment's message channels (confirmed or declared links only). */
function messageChannelLinks(deployment) {
    const out = [];
    for (const { link, client, server } of deployment.derived.links) {
        if (client.type === 'mq.sender' && server.type === 'mq.svrconn')
            out.push({ sender: client, receiver: server, evidence: link.evidence ?? [] });
    }
    return out;
}
/** The deployment's server-side channels (SVRCONN, RCVR, CLUSRCVR…) with their MQ attributes. */
function* serverChannels(deployment) {
    for (const component of deployment.components) {
        if (component.type === 'mq.svrconn')
            yield { component, channel: component.attributes };
    }
}
function display(cwd, file) {
    return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}
function related(location, message) {
    return { ...location, message };
}
/** The client's effective offer, or undefined when the tree does not tell (runtime default list). */
function clientOffer(client) {
    if ((0, types_1.isJmsConnectionFactory)(client)) {
        const a = client.attributes;
        const suite = a.sslCipherSuite;
        if (suite && suite.value.trim() && !suite.templated) {
            const alias = (0, mq_cipherspecs_1.mqCipherSpecAlias)(suite.value);
            // The MQ classes for JMS offer an alias's CipherSpecs from its JMS minimum protocol (`*ANY`: TLS 1.2).
            const jms = (0, knowledge_1.jmsAliasProtocols)(suite.value)?.protocols ?? [];
            const specs = alias ? (0, mq_cipherspecs_1.cipherSpecsForAlias)(alias).filter((s) => jms.includes((0, knowledge_1.normaliseProtocol)(s.protocol))) : [];
            if (alias)
                return {
                    specs,
                    unknown: [],
                    count: specs.length,
                    location: suite.location,
                    source: `SSLCIPHERSUITE ${suite.value}`,
                    pinned: false,
                };
            const spec = (0, mq_cipherspecs_1.cipherSpecForJavaSuite)(suite.value) ?? (0, mq_cipherspecs_1.mqCipherSpec)(suite.value);
            return spec
                ? {
                    specs: [spec],
                    unknown: [],
                    count: 1,
                    location: suite.location,
                    source: `SSLCIPHERSUITE ${suite.value}`,
                    pinned: true,
                }
                : undefined;
        }
        const fromNames = (names, location, source) => {
            const specs = [];
            const unknown = [];
            for (const n of names) {
                const s = (0, mq_cipherspecs_1.cipherSpecForJavaSuite)(n);
                if (s)
                    specs.push(s);
                else
                    unknown.push(n);
            }
            return { specs, unknown, count: names.length, location, source, pinned: names.length === 1 };
        };
        const enabled = a.sslConfig?.enabledCiphers;
        if (!suite && enabled && enabled.value.trim() && !enabled.templated) {
            return fromNames(enabled.value.split(/[\s,]+/).filter(Boolean), enabled.location, `'Selected ciphers' of SSL configuration ${a.sslConfig.alias.value}`);
        }
        // No 'Selected ciphers': the security level's group of the runtime's default suites (inferred, see model/was-ciphers.ts).
        const level = a.sslConfig?.levelCiphers;
        if (!suite && level)
            return {
                ...fromNames(level.suites.value, level.location, `SSL configuration ${a.sslConfig.alias.value}: ${level.suites.from.kind === 'default' ? level.suites.from.origin : `securityLevel ${level.level}`}`),
                pinned: false,
            };
        return undefined;
    }
    if (!(0, types_1.isMqChannel)(client))
        return undefined;
    const ciph = client.attributes.sslciph;
    if (!ciph || !ciph.value.trim() || ciph.templated)
        return undefined;
    const alias = (0, mq_cipherspecs_1.mqCipherSpecAlias)(ciph.value);
    if (alias)
        return {
            specs: (0, mq_cipherspecs_1.cipherSpecsForAlias)(alias),
            unknown: [],
            count: (0, mq_cipherspecs_1.cipherSpecsForAlias)(alias).length,
            location: ciph.location,
            source: ciph.value,
            pinned: false,
        };
    const spec = (0, mq_cipherspecs_1.mqCipherSpec)(ciph.value);
    return spec
        ? { specs: [spec], unknown: [], count: 1, location: ciph.location, source: ciph.value, pinned: true }
        : undefined;
}
/**
 * Where a queue manager's channel is defined and last altered in its MQSC script, and the commands on it MQ refuses,
 * as related locations (minus the command the finding sits in); none for a channel outside an MQSC script.
 */
function channelStory(channel, primary) {
    const script = channel.qmgr?.mqsc;
    return script && channel.mqscChannel
        ? (0, mq_scripts_1.objectHistory)(script, 'CHANNEL', channel.mqscChannel, channel.channelName, primary)
        : [];
}
/**
 * Where the tree names a queue manager's release, as related locations: the place that names it, and the script command
 * that ties the MQSC to that image's container when another file holds it (`docker exec -i qm1 runmqsc QM1 < dev.mqsc`).
 */
function releaseRelated(release) {
    return [
        { ...release.location, message: (0, phrase_1.said) `the queue manager runs ${release.value}` },
        ...(release.tiedBy ? [release.tiedBy] : []),
    ];
}
/**
 * The releases a queue manager's MQSC is judged by: the one release the tree names, else one per release of the
 * queue managers it runs on when they differ (each finding then names the service whose image gives it).
 */
function releasesOf(qmgr) {
    if (qmgr?.release)
        return [{ release: qmgr.release, byRun: false }];
    return (qmgr?.releasesByRun ?? []).map((release) => ({ release, byRun: true }));
}
