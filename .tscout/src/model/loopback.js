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
exports.LOOPBACK = void 0;
exports.containerRunners = containerRunners;
exports.loopbackReaches = loopbackReaches;
exports.callerProjects = callerProjects;
/**
 * Which Compose services and Kubernetes Pod containers run a file of the tree, and whether a loopback URL
 * (`https://localhost:8443`) from one file reaches a server configured in another: a container's `localhost` is its own
 * network namespace, shared only by the containers of one service, by a service joined to another's
 * (`network_mode: service:<name>`), by services on the host's network (`network_mode: host`)
 * (https://docs.docker.com/reference/compose-file/services/#network_mode), or by the containers of one Pod — a sidecar
 * TLS proxy answers its app's `https://localhost` (https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking).
 */
const path = __importStar(require("node:path"));
const compose_mounts_1 = require("./compose-mounts");
const container_starts_1 = require("./container-starts");
/** A URL host that is the caller's own machine. */
exports.LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[?::1\]?)$/;
const under = (file, dir) => file === dir || file.startsWith(dir + path.sep);
/**
 * The Compose services that run each file's program: a bind mount of the file or of a directory holding it, or a build
 * context holding it below the Compose file's own directory (a context of `.` holds every service's files: no tie).
 * On a Compose network a service's name is the host name of its containers. Also the Kubernetes Pod containers whose
 * image the tree builds from a directory holding the file (./container-starts.ts).
 */
function containerRunners(ctx) {
    // Several Compose files of one project (overrides) may each set it: the last one read wins.
    const modes = new Map();
    for (const doc of ctx.documentsOf('compose'))
        for (const service of doc.data.services)
            if (service.networkMode)
                modes.set(`${(0, compose_mounts_1.composeProjectOf)(doc.file.path)}\0${service.name}`, {
                    networkMode: service.networkMode.value,
                    networkModeAt: { file: doc.file.path, range: service.networkMode.range },
                });
    const withMode = (service) => {
        const mode = modes.get(`${service.project}\0${service.name}`);
        return mode ? { ...service, ...mode } : service;
    };
    const ties = [];
    for (const m of (0, compose_mounts_1.deploymentMounts)(ctx))
        if (m.mount.service)
            ties.push({
                dir: m.hostPath,
                service: withMode({ name: m.mount.service, project: m.project, at: { file: m.file, range: m.mount.range } }),
            });
    for (const doc of ctx.documentsOf('compose')) {
        const dir = path.dirname(doc.file.path);
        const project = (0, compose_mounts_1.composeProjectOf)(doc.file.path);
        for (const service of doc.data.services) {
            if (service.build === undefined || /[$]|:\/\//.test(service.build))
                continue;
            const context = path.resolve(dir, service.build);
            if (under(dir, context))
                continue;
            ties.push({ dir: context, service: withMode({ name: service.name, project, at: { file: doc.file.path } }) });
        }
    }
    for (const start of (0, container_starts_1.containerStarts)(ctx.deployment.documents, ctx.deployment.root))
        if (start.dir !== undefined)
            ties.push({
                dir: start.dir,
                service: {
                    name: start.container.label,
                    project: `pod\0${start.doc.file.path}\0${start.container.pod}`,
                    at: { file: start.doc.file.path, range: start.container.range },
                    pod: true,
                    builtAt: (start.builtAt ?? []).map((at, i) => ({
                        ...at,
                        message: `${start.builtBy?.[i] ?? 'a build'} builds the image of ${start.container.label}`,
                    })),
                },
            });
    return (file) => ties.filter((t) => under(file, t.dir)).map((t) => t.service);
}
/**
 * Where two services' containers are shown to share one network namespace, hence one `localhost` (the services, and
 * the `network_mode:` lines that join them), or undefined when they do not.
 */
function sharedNetwork(a, b) {
    if (a.project !== b.project)
        return undefined;
    const ns = (s) => s.pod ? '' : s.networkMode?.startsWith('service:') ? s.networkMode.slice(8).trim() : s.name;
    if (ns(a) !== ns(b) && !(a.networkMode === 'host' && b.networkMode === 'host'))
        return undefined;
    const places = [];
    for (const s of a.name === b.name ? [a] : [a, b]) {
        places.push({
            ...s.at,
            message: s.pod
                ? `${s.name} runs this configuration; the containers of one Pod share its localhost`
                : `Compose service ${s.name} runs this configuration`,
        });
        places.push(...(s.builtAt ?? []));
        if (s.networkModeAt)
            places.push({ ...s.networkModeAt, message: `network_mode: ${s.networkMode}: ${s.name} shares its localhost` });
    }
    return places;
}
/**
 * How a loopback URL written in `caller` may reach a server configured in `server`, if it may: when Compose runs both
 * files, only if their services share a network namespace; else only from the server's own host directory (one
 * machine, as far as the tree shows, which does not prove it). Containers of two services each have their own `localhost`: the call never reaches the other.
 */
function loopbackReaches(servicesOf, caller, server) {
    const mine = servicesOf(caller.file);
    const theirs = servicesOf(server.file);
    if (mine.length > 0 && theirs.length > 0) {
        for (const a of mine)
            for (const b of theirs) {
                const evidence = sharedNetwork(a, b);
                if (evidence)
                    return { tie: 'compose-service', evidence };
            }
        return undefined;
    }
    return caller.host !== '' && caller.host === server.host ? { tie: 'directory', evidence: [] } : undefined;
}
/**
 * The Compose projects a call written in `file` is made from: those of the services that run the file, or, for a
 * setting a Compose file gives a service (its `environment:`), that file's own project.
 */
function callerProjects(ctx, servicesOf, file) {
    const compose = ctx.documentsOf('compose').some((d) => d.file.path === file);
    return new Set(compose ? [(0, compose_mounts_1.composeProjectOf)(file)] : servicesOf(file).map((s) => s.project));
}
