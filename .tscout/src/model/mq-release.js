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
exports.queueManagerReleases = queueManagerReleases;
exports.queueManagerReleaseOfResources = queueManagerReleaseOfResources;
exports.queueManagerReleaseOfConfig = queueManagerReleaseOfConfig;
exports.isReenablingName = isReenablingName;
exports.nearestMqDockerfile = nearestMqDockerfile;
exports.queueManagerImageEnvironment = queueManagerImageEnvironment;
exports.queueManagerResourceEnvironment = queueManagerResourceEnvironment;
/**
 * The IBM MQ release a queue manager runs, when the tree names it: the `spec.version` of the IBM MQ Operator's
 * QueueManager resource that applies the MQSC (of the same file or one beside it: src/model/mq-resources.ts), else the image of the nearest
 * Dockerfile whose directory holds the queue manager's MQSC (`FROM icr.io/ibm-messaging/mq:9.4.0.5-r1`, the MQSC copied
 * into /etc/mqm), as nginx files get their OpenSSL from the Dockerfile beside them. A tag that names no release
 * (`latest`), an image argument without a default, a version a template fills in, or neither: unknown.
 */
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const paths_1 = require("./paths");
const mq_resources_1 = require("./mq-resources");
/** For an MQSC file, the release of the queue manager the nearest Dockerfile at or above it builds. */
function queueManagerReleases(dockerfiles) {
    const images = dockerfiles.flatMap((d) => {
        const stage = (0, dockerfile_stages_1.runtimeStage)(d.data);
        const found = stage?.image ? (0, knowledge_1.mqReleaseFromImage)(stage.image) : undefined;
        return found && stage
            ? [
                {
                    dir: path.dirname(d.file.path),
                    release: {
                        value: found.release,
                        location: { file: d.file.path, range: stage.range },
                        via: `FROM ${stage.written}`,
                        source: found.source,
                    },
                },
            ]
            : [];
    });
    return (file) => images.filter((i) => file.startsWith(i.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0]?.release;
}
/**
 * The release the QueueManager resources (of the same file, else beside it) that apply an MQSC (`applying`) name; when several name
 * different releases, none (which one runs this MQSC is not known).
 */
function queueManagerReleaseOfResources(applying) {
    const found = applying.flatMap((qm) => {
        const version = (0, mq_resources_1.field)(qm.resource, 'spec', 'version');
        const release = (0, knowledge_1.mqReleaseFromOperatorVersion)((0, mq_resources_1.field)(qm.resource, 'apiVersion'), version);
        const range = release ? qm.rangeOf(release.field.split('.')) : undefined;
        return release && range
            ? [
                {
                    value: release.release,
                    location: { file: qm.file, range },
                    via: `QueueManager ${String((0, mq_resources_1.field)(qm.resource, 'metadata', 'name'))} ${release.field}: ${String(version)}`,
                    source: release.source,
                },
            ]
            : [];
    });
    return new Set(found.map((r) => r.value)).size === 1 ? found[0] : undefined;
}
/**
 * The release the configuration declares for an MQSC file (`components[].mqRelease` of a glob matching the file or its
 * directory), for trees that name it nowhere (a runmqsc script, the release only in a README): the first matching
 * entry, as `components[].java` is chosen.
 */
function queueManagerReleaseOfConfig(config, file) {
    const relative = (0, paths_1.relativePosix)(config.baseDir, file);
    const found = (0, paths_1.componentGlobs)(config.components).find((g) => g.component.mqRelease && (g.match(relative) || g.match(path.posix.dirname(relative))));
    const value = found?.component.mqRelease;
    if (!found || !value)
        return undefined;
    return {
        value,
        location: { file: config.file ?? file },
        via: `lint-deploy configuration: components "${found.component.files}" mqRelease`,
        source: 'declared in the configuration',
    };
}
/** Whether `name` is an environment variable that re-enables deprecated CipherSpecs on a queue manager (mq.json reenablingSwitches). */
function isReenablingName(name) {
    return (0, knowledge_1.mqReenablingSwitches)().some((s) => s.environment === name);
}
/** For an MQSC file, the nearest Dockerfile at or above it that builds an IBM MQ image (any tag), if any. */
function nearestMqDockerfile(dockerfiles) {
    const images = dockerfiles.flatMap((d) => {
        const stage = (0, dockerfile_stages_1.runtimeStage)(d.data);
        return stage?.image && (0, knowledge_1.isMqImage)(stage.image) ? [{ dir: path.dirname(d.file.path), doc: d }] : [];
    });
    return (file) => images.filter((i) => file.startsWith(i.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0]?.doc;
}
/**
 * For an MQSC file, the re-enabling variables (mq.json reenablingSwitches: AMQ_SSL_WEAK_CIPHER_ENABLE…) that the
 * nearest Dockerfile at or above it sets with ENV when it builds an IBM MQ image (any tag): the queue manager's process
 * environment, which re-enables deprecated CipherSpecs as qm.ini's SSL stanza does.
 */
function queueManagerImageEnvironment(nearest) {
    return (nearest?.entries ?? [])
        .filter((e) => e.section === 'ENV' && isReenablingName(e.key))
        .map((e) => ({
        name: e.key,
        value: { value: e.value, location: { file: nearest.file.path, range: e.valueRange }, templated: false },
    }));
}
/**
 * The re-enabling variables the `qmgr` container of the QueueManager resources that apply the MQSC sets (its `env`):
 * the queue manager's process environment, as an image's ENV is, and over it.
 */
function queueManagerResourceEnvironment(applying) {
    return (0, mq_resources_1.qmgrContainerEnvironment)(applying)
        .filter((v) => isReenablingName(v.name))
        .map((v) => ({
        name: v.name,
        value: { value: v.value, location: { file: v.qm.file, range: v.range }, templated: /\{\{|\$\{/.test(v.value) },
    }));
}
