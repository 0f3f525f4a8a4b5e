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
exports.queueManagerNamesBeside = queueManagerNamesBeside;
exports.queueManagerNamesOfResources = queueManagerNamesOfResources;
exports.queueManagerNamesOfCompose = queueManagerNamesOfCompose;
exports.imageRunsMqsc = imageRunsMqsc;
exports.servicesMountingMqsc = servicesMountingMqsc;
exports.queueManagerEnvironment = queueManagerEnvironment;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const safe_fs_1 = require("../core/safe-fs");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const text_1 = require("../parse/text");
const mq_resources_1 = require("./mq-resources");
/** A start script larger than this is not a deploy script: not read for names. */
const MAX_SCRIPT_BYTES = 256 * 1024;
/**
 * Queue manager names the deploy scripts beside an MQSC file say (`install.sh` of a Helm sample): the Helm
 * release (`helm install secureapphelm ./charts/ibm-mq`; IBM's chart names the queue manager after the
 * release, dashes removed, unless queueManager.name is set), `crtmqm … QM1`, `runmqsc QM1`, `strmqm QM1`,
 * `MQ_QMGR_NAME=QM1`. Upper-cased, as clients' queue manager names are matched.
 */
function queueManagerNamesBeside(dir, cache) {
    const known = cache.get(dir);
    if (known)
        return known;
    const names = new Map();
    let entries = [];
    try {
        entries = fs.readdirSync(dir).filter((name) => /\.(sh|bash|ksh)$/.test(name));
    }
    catch {
        entries = [];
    }
    for (const name of entries) {
        const read = (0, safe_fs_1.readRegularFile)(path.join(dir, name), MAX_SCRIPT_BYTES);
        if (!read.ok)
            continue;
        const text = read.bytes.toString('utf8');
        const index = new text_1.LineIndex(text);
        const file = path.join(dir, name);
        const add = (m, raw, normalise = (n) => n) => {
            const qmgr = normalise(raw).toUpperCase();
            if (/^\$/.test(raw) || names.has(qmgr))
                return;
            const start = m.index ?? 0;
            names.set(qmgr, {
                name: qmgr,
                location: {
                    file,
                    range: index.rangeAt(start, start + m[0].trimEnd().length),
                    message: `queue manager ${qmgr} named here`,
                },
            });
        };
        for (const m of text.matchAll(/\bhelm\s+(?:install|upgrade\s+(?:-i|--install))\s+([A-Za-z0-9][\w.-]*)\s/g))
            add(m, m[1], (n) => n.replace(/-/g, ''));
        for (const m of text.matchAll(/\b(?:crtmqm|strmqm|runmqsc)\b[^\n<|;&]*?\s([A-Za-z0-9][\w.%]{0,47})\s*(?=$|[<|;&\n])/gm))
            add(m, m[1]);
        for (const m of text.matchAll(/\bMQ_QMGR_NAME\s*[=:]\s*["']?([A-Za-z0-9][\w.%]{0,47})/g))
            add(m, m[1]);
    }
    const found = [...names.values()];
    cache.set(dir, found);
    return found;
}
/** A queue manager name as MQ allows it (48 characters of A-Z a-z 0-9 . _ / %; no `-`, which the operator would change). */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
/**
 * Queue manager names the IBM MQ Operator's QueueManager resources of the same file (else of a YAML file beside it) give an MQSC (`applying`, from
 * mq-resources.ts queueManagersApplying): the ConfigMap holding it, listed under a QueueManager's `spec.queueManager.mqsc`, is applied by the
 * queue manager `spec.queueManager.name`, else the resource's `metadata.name`
 * (ibm-cloudintegration/mqoncp4i's gettingstartedqmgr.yaml_template: QueueManager gsmq applies ConfigMap
 * gettingstartedmqsc; in a deploy script's heredocs: src/model/mq-resources.ts). A name a template fills in gives none.
 */
function queueManagerNamesOfResources(applying) {
    const names = [];
    for (const qm of applying) {
        const own = (0, mq_resources_1.field)(qm.resource, 'spec', 'queueManager', 'name');
        const keys = typeof own === 'string' ? ['spec', 'queueManager', 'name'] : ['metadata', 'name'];
        const name = (0, mq_resources_1.field)(qm.resource, ...keys);
        if (typeof name !== 'string' || !QMGR_NAME.test(name))
            continue;
        const range = qm.rangeOf(keys);
        if (!range)
            continue;
        names.push({
            name: name.toUpperCase(),
            location: {
                file: qm.file,
                range,
                message: `queue manager ${name.toUpperCase()} named here: QueueManager ${name} applies ConfigMap ${qm.configMap}`,
            },
        });
    }
    return names;
}
/** Where IBM MQ's container image takes the MQSC files it runs on the queue manager it creates. */
const MQ_CONTAINER_MQSC_DIR = '/etc/mqm';
/**
 * Queue manager names Docker Compose gives the MQSC files it mounts into IBM MQ's container: the image runs the MQSC
 * files of /etc/mqm on the queue manager that its MQ_QMGR_NAME names (ibm-messaging/mq-container@def9638 docs/usage.md:
 * "adding your own MQSC file into the `/etc/mqm` directory … will be run when your queue manager is created";
 * README.md: "MQ_QMGR_NAME - Set this to the name you want your Queue Manager to be created with"). The service's
 * `environment:` entry is the evidence (dominikcebula/java-spring-boot-ibm-mq's compose.yaml mounts
 * ./ibm-mq/30-config.mqsc at /etc/mqm/30-config.mqsc with MQ_QMGR_NAME: QM1). A name a variable fills in gives none.
 */
function queueManagerNamesOfCompose(filePath, services) {
    const names = [];
    for (const { at, value: name, service } of queueManagerEnvironment(services, 'MQ_QMGR_NAME')) {
        if (!QMGR_NAME.test(name) || names.some((n) => n.name === name.toUpperCase()))
            continue;
        const running = services.find((s) => s.service.name === service);
        const how = running?.execs
            ? 'a script runs it in its container'
            : running?.builds
                ? `builds ${path.basename(running.builds.file.path)}, whose image holds ${path.basename(filePath)} in ${MQ_CONTAINER_MQSC_DIR}`
                : `mounts ${path.basename(filePath)} into ${MQ_CONTAINER_MQSC_DIR}`;
        const stage = running?.builds ? (0, dockerfile_stages_1.runtimeStage)(running.builds.data) : undefined;
        names.push({
            name: name.toUpperCase(),
            location: { ...at, message: `queue manager ${name.toUpperCase()} named here: Compose service ${service} ${how}` },
            ...(running?.builds && {
                via: {
                    file: running.builds.file.path,
                    ...(stage && { range: stage.range }),
                    message: `the image this Dockerfile builds holds ${path.basename(filePath)} in ${MQ_CONTAINER_MQSC_DIR}`,
                },
            }),
        });
    }
    return names;
}
/**
 * Whether the image `dockerfile` builds holds the MQSC at `mqsc` in IBM MQ's /etc/mqm (a COPY or ADD puts it there), so
 * that the queue manager the container creates runs it: the name the building Compose service gives (MQ_QMGR_NAME) is
 * then that queue manager's (WASdev/sample.docker.mq@66c8a2c: mq/Dockerfile `COPY config.mqsc /etc/mqm/`, service
 * mqfull `build: mq` with MQ_QMGR_NAME: QM1).
 */
function imageRunsMqsc(images, mqsc, dockerfile) {
    return (images?.holding(mqsc) ?? []).some((h) => h.dockerfile === dockerfile &&
        path.posix.dirname(path.posix.normalize(h.containerPath)) === MQ_CONTAINER_MQSC_DIR);
}
/** The Compose services that mount the MQSC at `filePath` into IBM MQ's /etc/mqm. */
function servicesMountingMqsc(filePath, mounts, composeFiles) {
    const out = [];
    for (const { file, mount, hostPath } of mounts) {
        if (!mount.service)
            continue;
        const inside = hostPath === filePath
            ? mount.target
            : filePath.startsWith(hostPath + path.sep)
                ? path.posix.join(mount.target, path.relative(hostPath, filePath).split(path.sep).join('/'))
                : undefined;
        if (inside === undefined || path.posix.dirname(path.posix.normalize(inside)) !== MQ_CONTAINER_MQSC_DIR)
            continue;
        const doc = composeFiles.find((d) => d.file.path === file);
        const service = doc?.data.services.find((s) => s.name === mount.service);
        if (doc && service && !out.some((o) => o.doc === doc && o.service === service))
            out.push({ doc, service });
    }
    return out;
}
/**
 * The values the Compose services that run an MQSC give the variable `name`: those that mount it into IBM MQ's /etc/mqm
 * and those in whose container a script runs it (./mq-exec.ts).
 */
function queueManagerEnvironment(services, name) {
    return services.flatMap(({ doc, service }) => service.environment
        .filter((variable) => variable.name === name && variable.value !== undefined)
        .map((variable) => ({
        value: variable.value.trim(),
        at: { file: doc.file.path, range: variable.valueRange },
        service: service.name,
    })));
}
