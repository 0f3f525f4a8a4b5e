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
exports.COMPOSE_START = void 0;
exports.imageRepository = imageRepository;
exports.imageBuilds = imageBuilds;
exports.containerStarts = containerStarts;
/**
 * Which directory of the tree builds the image a Kubernetes container runs: the fact that makes the container's
 * environment and arguments the start of that directory's app. Only what the tree says binds (a Skaffold artifact's
 * `image` + `context`, a Docker Compose service's `build:` + `image:`, Spring Boot's bootBuildImage `imageName` or
 * Jib's `to.image` in the project's build file); an image no build of the tree names binds to nothing, and
 * `--debug` says so (src/cli/debug-resolution.ts). Image names are compared without their tag or digest.
 */
const path = __importStar(require("node:path"));
const paths_1 = require("./paths");
/** The id of the Docker Compose services' start among the starters. */
exports.COMPOSE_START = 'compose';
/** `registry:5000/team/app:1.2@sha256:…` → `registry:5000/team/app`; Docker Hub's default prefixes dropped. */
function imageRepository(image) {
    const name = image.trim().replace(/@.*$/, '');
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    const repository = (colon > slash ? name.slice(0, colon) : name).replace(/^(index\.)?docker\.io\//, '');
    const plain = repository.replace(/^library\//, '');
    // A name the build or the template decides (`${REGISTRY}/app`, `{{ .Values.image }}`) is not a fact.
    return plain && !/[${}<>\s]/.test(plain) ? plain.toLowerCase() : undefined;
}
/** Every image the tree says it builds, and from which directory. */
function imageBuilds(documents, root) {
    const builds = [];
    for (const doc of documents) {
        const base = path.dirname(doc.file.path);
        if (doc.kind === 'skaffold' || doc.kind === 'build.image') {
            const data = doc.data;
            // `${project.name}` is the Gradle project's directory name by default; Maven's come from the pom.
            const gradle = /\.gradle(\.kts)?$/.test(doc.file.path);
            const values = { ...(gradle && { 'project.name': path.basename(base) }), ...data.values };
            for (const image of data.images) {
                const written = image.written.replace(/\$\{([\w.-]+)\}|\$(project\.name|version)\b/g, (m, a, b) => values[a ?? b ?? ''] ?? m);
                const repository = imageRepository(written);
                if (repository)
                    builds.push({
                        repository,
                        dir: path.resolve(base, image.dir),
                        location: { file: doc.file.path, range: image.range },
                        by: image.by,
                    });
            }
        }
        else if (doc.kind === 'compose')
            for (const service of doc.data.services) {
                const repository = service.image !== undefined ? imageRepository(service.image) : undefined;
                if (repository && service.build !== undefined && !/[$]/.test(service.build))
                    builds.push({
                        repository,
                        dir: path.resolve(base, service.build),
                        location: { file: doc.file.path },
                        by: `Docker Compose service ${service.name} (build + image)`,
                    });
            }
    }
    return builds.filter((b) => !(0, paths_1.relativePosix)(root, b.dir).startsWith('..'));
}
/** Every container of the tree's Kubernetes workloads, with the directory that builds its image when the tree says. */
function containerStarts(documents, root) {
    const builds = imageBuilds(documents, root);
    const manifests = documents.filter((d) => d.kind === 'kubernetes');
    const starts = [];
    for (const doc of manifests)
        for (const container of doc.data.containers) {
            const repository = container.image && imageRepository(container.image.value);
            const matching = repository ? builds.filter((b) => b.repository === repository) : [];
            const dirs = [...new Set(matching.map((b) => b.dir))];
            const where = (b) => `${b.by} in ${(0, paths_1.relativePosix)(root, b.location.file)}`;
            const why = !container.image
                ? 'it names no image'
                : !repository
                    ? `its image ${container.image.value} is decided at run time`
                    : dirs.length === 0
                        ? `no build of the tree names its image ${repository} (declare it: a Skaffold artifact, a Compose build + image, the build file's image name)`
                        : dirs.length > 1
                            ? `several directories build its image ${repository}: ${matching.map(where).join(', ')}`
                            : `its image ${repository} is built from ${(0, paths_1.relativePosix)(root, dirs[0]) || '.'} (${matching.map(where).join(', ')})`;
            const start = {
                doc,
                container,
                why,
                configMaps: [],
                ...(dirs.length === 1 && {
                    dir: dirs[0],
                    builtBy: matching.map((b) => b.by),
                    builtAt: matching.map((b) => b.location),
                }),
            };
            for (const from of container.envFrom) {
                const location = { file: doc.file.path, range: from.range };
                const found = from.source === 'configMap' ? nearestConfigMap(manifests, doc, from.name) : undefined;
                if (found)
                    start.configMaps.push({ ...found, from: location });
                else
                    start.opaque ??=
                        from.source === 'secret'
                            ? `its envFrom Secret ${from.name} may set any variable`
                            : `its envFrom ConfigMap ${from.name} is not in the tree (or holds no variable Spring reads)`;
            }
            starts.push(start);
        }
    return starts;
}
/**
 * The ConfigMap of that name that the container's manifest is applied with: in its own file, else in its
 * directory, else the only one of the tree. Several elsewhere (variant directories) are not chosen between.
 */
function nearestConfigMap(manifests, doc, name) {
    const all = manifests.flatMap((d) => d.data.configMaps.filter((c) => c.name === name).map((configMap) => ({ configMap, doc: d })));
    const own = all.filter((c) => c.doc === doc);
    const sameDir = all.filter((c) => path.dirname(c.doc.file.path) === path.dirname(doc.file.path));
    for (const candidates of [own, sameDir, all])
        if (candidates.length)
            return candidates.length === 1 ? candidates[0] : undefined;
    return undefined;
}
