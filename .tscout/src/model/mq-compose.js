"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.servicesRunningMqsc = servicesRunningMqsc;
exports.composeReenablingEnvironment = composeReenablingEnvironment;
exports.composeQueueManagerRelease = composeQueueManagerRelease;
exports.composeQueueManagerReleasesByRun = composeQueueManagerReleasesByRun;
exports.composeRuns = composeRuns;
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const knowledge_1 = require("../knowledge");
const compose_mounts_1 = require("./compose-mounts");
const mq_exec_1 = require("./mq-exec");
const mq_qmgr_names_1 = require("./mq-qmgr-names");
const mq_release_1 = require("./mq-release");
/** A value Compose fills in from the shell or a `.env` file that the tree does not resolve. */
const INTERPOLATED = /\$\{|\$[A-Za-z_]/;
/**
 * The Compose services that run the queue manager of the MQSC `mqsc`: by mount, by a script's `docker exec` into their
 * container (./mq-exec.ts; `fedBy`: the scripts that feed the file to runmqsc, ./mq-runmqsc-inputs.ts), or by building
 * its image.
 */
function servicesRunningMqsc(mqsc, mounts, composeFiles, mqDockerfile, fedBy = []) {
    const found = (0, mq_qmgr_names_1.servicesMountingMqsc)(mqsc.file.path, mounts, composeFiles);
    const executing = [
        ...(0, mq_exec_1.servicesExecutingMqsc)(mqsc, composeFiles),
        ...fedBy.flatMap((f) => (f.service ? [f.service] : [])),
    ];
    for (const execs of executing)
        if (!found.some((f) => f.doc === execs.doc && f.service === execs.service))
            found.push(execs);
    if (mqDockerfile)
        for (const doc of composeFiles)
            for (const service of doc.data.services)
                if ((0, compose_mounts_1.builtDockerfile)(doc.file.path, service) === mqDockerfile.file.path &&
                    !found.some((f) => f.doc === doc && f.service === service))
                    found.push({ doc, service, builds: mqDockerfile });
    return found;
}
/** The re-enabling variables the services' `environment:` sets, in written order. */
function composeReenablingEnvironment(services) {
    return services.flatMap(({ doc, service, builds, execs }) => service.environment.flatMap((variable) => (0, mq_release_1.isReenablingName)(variable.name) && variable.value !== undefined
        ? [
            {
                name: variable.name,
                service: service.name,
                value: {
                    value: variable.value,
                    location: { file: doc.file.path, range: variable.valueRange },
                    templated: INTERPOLATED.test(variable.value),
                    // Not mounted: the command that runs the MQSC in the service's container, or the Dockerfile that copies
                    // it, is what ties the service to this queue manager.
                    ...(execs && { via: [execs] }),
                    ...(builds && {
                        via: [
                            {
                                file: builds.file.path,
                                ...((0, dockerfile_stages_1.runtimeStage)(builds.data) && { range: (0, dockerfile_stages_1.runtimeStage)(builds.data).range }),
                                message: `Compose service ${service.name} builds this IBM MQ image, which holds the MQSC`,
                            },
                        ],
                    }),
                },
            },
        ]
        : []));
}
/**
 * The release the image of the services that run the MQSC (mount it, or exec into) names (`image: icr.io/ibm-messaging/mq:9.4.0.5-r1`); a
 * service that builds its image names the built image there, not its base. Several services naming different releases:
 * none (which one runs it is not known).
 */
function composeQueueManagerRelease(services, mqscFile) {
    const found = composeQueueManagerReleases(services, mqscFile);
    return new Set(found.map((r) => r.value)).size === 1 ? found[0] : undefined;
}
/**
 * The releases of the services that run the MQSC when they differ (each value once, named by the first service that
 * has it); none when they agree or fewer than two services name one. Each queue manager refuses on its own release.
 */
function composeQueueManagerReleasesByRun(services, mqscFile) {
    const found = composeQueueManagerReleases(services, mqscFile);
    const byValue = found.filter((r, i) => !found.slice(0, i).some((e) => e.value === r.value));
    return byValue.length > 1 ? byValue : [];
}
function composeQueueManagerReleases(services, mqscFile) {
    return services.flatMap((s) => releaseOfService(s, mqscFile) ?? []);
}
/** The release the service's image names, if it does (a service that builds its image names the built image, no release). */
function releaseOfService({ doc, service, execs }, mqscFile) {
    const release = service.build === undefined && service.image ? (0, knowledge_1.mqReleaseFromImage)(service.image) : undefined;
    const range = service.imageRange;
    return release
        ? {
            value: release.release,
            location: { file: doc.file.path, ...(range ? { range } : {}) },
            via: `Docker Compose service ${service.name} image ${service.image}`,
            source: release.source,
            ...(execs && execs.file !== mqscFile ? { tiedBy: execs } : {}),
        }
        : undefined;
}
/**
 * The queue managers of the Compose services that run the MQSC, each with its image's release, when there are two or
 * more: one service's environment is not another's, so a rule that reads the environment judges each.
 */
function composeRuns(services, mqscFile) {
    const names = [...new Set(services.map((s) => s.service.name))];
    if (names.length < 2)
        return [];
    return names.map((name) => {
        const release = services.flatMap((s) => (s.service.name === name ? (releaseOfService(s, mqscFile) ?? []) : []))[0];
        return { service: name, ...(release && { release }) };
    });
}
