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
exports.mqContributor = exports.SENDER_CHLTYPES = exports.SERVER_CHLTYPES = void 0;
const path = __importStar(require("node:path"));
const mq_ini_1 = require("../parse/mq-ini");
const mq_1 = require("../knowledge/mq");
const mq_certs_1 = require("./mq-certs");
const mq_qmgr_names_1 = require("./mq-qmgr-names");
const store_files_1 = require("./store-files");
const compose_mounts_1 = require("./compose-mounts");
const mq_oam_1 = require("./mq-oam");
const mq_runmqsc_inputs_1 = require("./mq-runmqsc-inputs");
const mq_runmqsc_names_1 = require("./mq-runmqsc-names");
const mq_compose_1 = require("./mq-compose");
const mq_resources_1 = require("./mq-resources");
const mq_scripts_1 = require("./mq-scripts");
const script_defaults_1 = require("./script-defaults");
const mq_release_1 = require("./mq-release");
exports.SERVER_CHLTYPES = new Set(['SVRCONN', 'RCVR', 'RQSTR', 'CLUSRCVR', 'AMQP', 'MQTT']);
/**
 * The sending ends of queue-manager-to-queue-manager message channels: they start the connection (a SVR does when
 * it has a CONNAME; otherwise a RQSTR calls it), so they are TLS clients of the partner's RCVR/RQSTR/CLUSRCVR.
 */
exports.SENDER_CHLTYPES = new Set(['SDR', 'SVR', 'CLUSSDR']);
/**
 * A parameter's value. `unknownAt`: places where the shell put in a script's default for a variable the deployment's
 * images or containers set (src/parse/shell-assignments.ts): a value written there is known only when the script runs.
 */
function fromParam(doc, p, unknownAt = []) {
    if (!p || p.value === undefined)
        return undefined;
    const range = p.valueRange ?? p.keywordRange;
    const overridden = unknownAt.some((r) => (0, script_defaults_1.overlaps)(r, range));
    return {
        value: p.value,
        location: { file: p.file ?? doc.file.path, range },
        templated: p.templated || overridden,
    };
}
function fromEntry(doc, e) {
    return e ? { value: e.value, location: { file: doc.file.path, range: e.valueRange }, templated: false } : undefined;
}
function traced(value, location) {
    return { value, from: { kind: 'file', location } };
}
/** MQSC channels (SVRCONN and friends as servers, SDR/SVR/CLUSSDR and CLNTCONN as clients) and JSON CCDT channels. */
exports.mqContributor = {
    id: 'mq',
    reads: ['mq.mqsc', 'mq.ccdt'],
    contribute(ctx) {
        const root = ctx.deployment.root;
        const certs = ctx.certificates();
        const iniDocs = ctx.documentsOf('mq.qm-ini');
        const scriptNames = new Map();
        const dockerfiles = ctx.documentsOf('dockerfile');
        const releaseOf = (0, mq_release_1.queueManagerReleases)(dockerfiles);
        const mqDockerfileOf = (0, mq_release_1.nearestMqDockerfile)(dockerfiles);
        // Where the deployment's Dockerfiles copy its files (an MQ image that holds an MQSC in /etc/mqm runs it).
        const images = (0, store_files_1.treeStoresOf)(ctx).images;
        const clientInis = ctx.documentsOf('mq.client-ini');
        const composeFiles = ctx.documentsOf('compose');
        const mounts = (0, compose_mounts_1.deploymentMounts)(ctx);
        const scripts = (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment);
        let setByEnvironment;
        const filesOf = (doc) => doc.data.members?.map((m) => m.file.path) ?? [doc.file.path];
        // The scripts that feed the MQSC files to runmqsc (`runmqsc QM1 < dev.mqsc`), read once for the deployment.
        const fed = (0, mq_runmqsc_inputs_1.mqscFedByScripts)(ctx.deployment.documents, new Set(scripts.filter((s) => !s.embedded).flatMap(filesOf)), root, composeFiles);
        for (const doc of scripts) {
            const fedBy = doc.embedded ? [] : filesOf(doc).flatMap((file) => fed.get(file) ?? []);
            const homeDir = path.dirname(doc.file.path);
            const qmIni = nearestIni(iniDocs, homeDir);
            // The script's defaults for variables an image or a container of the deployment sets: not the value it runs with.
            const unknownAt = (0, script_defaults_1.defaultsOverridden)(doc, () => (setByEnvironment ??= (0, script_defaults_1.environmentNames)(dockerfiles, composeFiles)));
            const qmgrLabel = doc.data.objects.qmgr.get('CERTLABL')?.value;
            const at = doc.embedded?.range.start.line ?? doc.data.commands[0]?.range.start.line ?? 0;
            // The QueueManager resources that apply this MQSC's ConfigMap, read once for its names, MQSNOAUT and release.
            const applying = (0, mq_resources_1.queueManagersApplying)(doc.file.path, doc.file.text, at);
            // The Compose services that run it (mount, docker exec, or a build of the MQ image that holds it), read once.
            const mqDockerfile = mqDockerfileOf(doc.file.path);
            const running = (0, mq_compose_1.servicesRunningMqsc)(doc, mounts, composeFiles, mqDockerfile, fedBy);
            const scripted = [
                ...fedBy.flatMap((f, i) => f.queueManager && !fedBy.slice(0, i).some((e) => e.queueManager?.name === f.queueManager.name)
                    ? [f.queueManager]
                    : []),
                ...(0, mq_qmgr_names_1.queueManagerNamesBeside)(homeDir, scriptNames),
                // A heredoc's runmqsc given a variable or a function's argument: the names the script gives it.
                ...(doc.embedded ? (0, mq_runmqsc_names_1.queueManagerNamesOfRunmqsc)(doc) : []),
                ...(0, mq_qmgr_names_1.queueManagerNamesOfResources)(applying),
                ...(0, mq_qmgr_names_1.queueManagerNamesOfCompose)(doc.file.path, running.filter((s) => !s.builds || (0, mq_qmgr_names_1.imageRunsMqsc)(images, doc.file.path, s.builds.file.path))),
            ];
            const rel = path.relative(root, doc.file.path).split(path.sep);
            const stem = path.basename(doc.file.path).replace(/\..*$/, '');
            const qmgr = {
                nameHints: [...rel.slice(0, -1), stem].map((s) => s.toUpperCase()).concat(scripted.map((n) => n.name)),
                namedBy: scripted,
                mqsc: doc,
                qmIni,
                allowedCipherSpecs: qmIni ? fromEntry(qmIni, (0, mq_ini_1.iniValue)(qmIni.data, 'SSL', 'AllowedCipherSpecs')) : undefined,
                allowWeakCipherSpec: qmIni ? fromEntry(qmIni, (0, mq_ini_1.iniValue)(qmIni.data, 'SSL', 'AllowWeakCipherSpec')) : undefined,
                certificate: (0, mq_certs_1.ownCertificate)(certs, homeDir, qmgrLabel),
                homeDir,
            };
            const oamOff = (0, mq_oam_1.oamSwitchedOff)(applying, running.filter((s) => !s.builds), doc.file.path);
            if (oamOff)
                qmgr.oamSwitchedOff = oamOff;
            const release = (0, mq_release_1.queueManagerReleaseOfResources)(applying) ??
                releaseOf(doc.file.path) ??
                (0, mq_compose_1.composeQueueManagerRelease)(running, doc.file.path) ??
                (0, mq_release_1.queueManagerReleaseOfConfig)(ctx.config, doc.file.path);
            if (release)
                qmgr.release = release;
            else {
                // Run on queue managers of different releases: each judges the MQSC by its own.
                const byRun = (0, mq_compose_1.composeQueueManagerReleasesByRun)(running, doc.file.path);
                if (byRun.length > 0)
                    qmgr.releasesByRun = byRun;
            }
            // The container's environment wins over the image's ENV: Compose's and the QueueManager's variables come first, as the
            // rule takes the first.
            const environment = [
                ...(0, mq_compose_1.composeReenablingEnvironment)(running),
                ...(0, mq_release_1.queueManagerResourceEnvironment)(applying),
                ...(0, mq_release_1.queueManagerImageEnvironment)(mqDockerfile),
            ];
            if (environment.length > 0)
                qmgr.environment = environment;
            const runs = (0, mq_compose_1.composeRuns)(running, doc.file.path);
            if (runs.length > 0)
                qmgr.runs = runs;
            for (const channel of doc.data.objects.channels.values()) {
                if (channel.deleted || !channel.chltype)
                    continue;
                const server = exports.SERVER_CHLTYPES.has(channel.chltype);
                const sender = exports.SENDER_CHLTYPES.has(channel.chltype);
                if (!server && !sender && channel.chltype !== 'CLNTCONN')
                    continue;
                const a = channel.attributes;
                const channelLabel = a.get('CERTLABL')?.value;
                const attrs = {
                    channelName: channel.name,
                    chltype: channel.chltype,
                    nameLocation: {
                        file: channel.nameParam.file ?? doc.file.path,
                        range: channel.nameParam.valueRange ?? channel.nameParam.keywordRange,
                    },
                    sslciph: fromParam(doc, a.get('SSLCIPH'), unknownAt),
                    sslpeer: fromParam(doc, a.get('SSLPEER'), unknownAt),
                    sslcauth: fromParam(doc, a.get('SSLCAUTH'), unknownAt),
                    mcauser: fromParam(doc, a.get('MCAUSER'), unknownAt),
                    certlabl: fromParam(doc, a.get('CERTLABL'), unknownAt),
                    queueManager: fromParam(doc, a.get('QMNAME'), unknownAt),
                    qmgr: server || sender ? qmgr : undefined,
                    mqscChannel: channel,
                    ...(server || sender ? {} : { definedOn: qmgr, ...clientIniOf(nearestIni(clientInis, homeDir)) }),
                    // An outbound channel sends the certificate its own CERTLABL names, else the queue manager's.
                    certificate: server || (sender && !channelLabel) ? qmgr.certificate : (0, mq_certs_1.ownCertificate)(certs, homeDir, channelLabel),
                };
                const type = server ? 'mq.svrconn' : sender ? 'mq.sender' : 'mq.clntconn';
                ctx.addComponent(channelComponent(ctx.hostOf(doc.file.path), doc, type, attrs, root));
            }
        }
        for (const doc of ctx.documentsOf('mq.ccdt')) {
            const homeDir = path.dirname(doc.file.path);
            const clientIni = nearestIni(clientInis, homeDir);
            const iniLabel = clientIni ? (0, mq_ini_1.iniValue)(clientIni.data, 'SSL', 'CertificateLabel')?.value : undefined;
            for (const ch of doc.data.channels) {
                if (!ch.name)
                    continue;
                const v = (x) => x ? { value: x.value, location: { file: doc.file.path, range: x.range }, templated: x.templated } : undefined;
                const attrs = {
                    channelName: ch.name.value,
                    chltype: 'CLNTCONN',
                    nameLocation: { file: doc.file.path, range: ch.name.range },
                    sslciph: v(ch.cipherSpecification),
                    sslpeer: v(ch.certificatePeerName),
                    certlabl: v(ch.certificateLabel),
                    queueManager: v(ch.queueManager),
                    ccdtChannel: ch,
                    ...clientIniOf(clientIni),
                    certificate: (0, mq_certs_1.ownCertificate)(certs, homeDir, ch.certificateLabel?.value || iniLabel),
                };
                ctx.addComponent(channelComponent(ctx.hostOf(doc.file.path), doc, 'mq.ccdt-channel', attrs, root));
            }
        }
    },
};
/** The client end's mqclient.ini attribute, when there is one. */
const clientIniOf = (clientIni) => (clientIni ? { clientIni } : {});
function nearestIni(docs, dir) {
    let best;
    for (const d of docs) {
        const iniDir = path.dirname(d.file.path);
        // The ini in the same directory, an ancestor, or a subdirectory of the component's home.
        if (dir === iniDir || dir.startsWith(iniDir + path.sep) || iniDir.startsWith(dir + path.sep)) {
            if (!best || path.dirname(best.file.path).length < iniDir.length)
                best = d;
        }
    }
    return best;
}
function channelComponent(host, doc, type, attrs, root) {
    const server = type === 'mq.svrconn';
    const cipher = attrs.sslciph && attrs.sslciph.value.trim() !== '' ? attrs.sslciph : undefined;
    const cauth = (attrs.sslcauth?.value ?? 'REQUIRED').toUpperCase();
    const clientAuth = cauth === 'OPTIONAL' ? 'optional' : 'required';
    // A channel of a script combined from several files is named after the file that defines it.
    const rel = path.relative(root, attrs.nameLocation.file).split(path.sep).join('/');
    return {
        id: `${type}:${rel}#${attrs.channelName}`,
        type,
        name: `${attrs.chltype} channel ${attrs.channelName}${attrs.queueManager ? ` (queue manager ${attrs.queueManager.value})` : ''}`,
        role: server ? 'server' : 'client',
        location: attrs.nameLocation,
        host,
        documents: isMqscDocument(doc) && doc.data.members ? doc.data.members : [doc],
        attributes: attrs,
        tls: {
            enabled: attrs.sslciph
                ? traced(cipher !== undefined, attrs.sslciph.location)
                : {
                    value: (0, mq_1.mqChannelDefaults)().sslciph.value !== '',
                    from: { kind: 'default', origin: 'IBM MQ: SSLCIPH defaults to blank (no TLS)' },
                },
            cipherSuites: cipher ? traced([cipher.value], cipher.location) : undefined,
            serverOrderWins: server
                ? {
                    value: (0, mq_1.mqChannelDefaults)().serverOrdersCipherSpecs.value,
                    from: {
                        kind: 'default',
                        origin: `IBM MQ ${(0, mq_1.mqChannelDefaults)().serverOrdersCipherSpecs.since}+: the queue manager orders CipherSpecs`,
                    },
                }
                : undefined,
            clientAuth: server && cipher
                ? attrs.sslcauth
                    ? traced(clientAuth, attrs.sslcauth.location)
                    : {
                        value: 'required',
                        from: {
                            kind: 'default',
                            origin: `IBM MQ: SSLCAUTH(${(0, mq_1.mqChannelDefaults)().sslcauth.value}) is the default`,
                        },
                    }
                : undefined,
            certificate: (0, mq_certs_1.certificateRef)(attrs.certificate),
            implementation: 'gskit',
            // A CipherSpec a template or the shell fills in (`SSLCIPH('${SSLCIPH}')`) decides the handshake: unknown.
            ...(cipher?.templated
                ? {
                    unknownValues: [`SSLCIPH('${cipher.value}') of ${attrs.chltype} channel ${attrs.channelName}`],
                    unknownAt: [
                        { ...cipher.location, message: `SSLCIPH('${cipher.value}') is filled in when the script runs` },
                    ],
                }
                : {}),
        },
    };
}
function isMqscDocument(doc) {
    return doc.kind === 'mq.mqsc';
}
