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
exports.onClassPathConfigDirectory = exports.inWorkingDirectory = exports.NO_WORKING_DIRECTORY = void 0;
exports.quarkusWorkingDirectory = quarkusWorkingDirectory;
/**
 * The sources a Quarkus app reads from the directory it runs in, besides its class path: `.env` (ordinal 295, read as
 * environment variables: smallrye-config DotEnvConfigSourceProvider, `user.dir`) and `config/application.properties`
 * (260) or `config/application.yaml|yml` (265). In the tree they sit in the app's project directory (beside its
 * src/main/resources). The run reads them when the app runs from there: a Dockerfile of the app whose image holds the
 * file in its WORKDIR shows it does; an image of the app without it shows it does not; otherwise the tree does not say.
 * https://quarkus.io/guides/config-reference#configuration-sources
 */
const path = __importStar(require("node:path"));
exports.NO_WORKING_DIRECTORY = { dotEnv: [], read: () => undefined };
const RESOURCES = /[\\/]src[\\/]main[\\/]resources[\\/]/;
/** A `config/application[-profile].properties|yaml|yml` outside the class path (it is a working-directory file). */
const CONFIG_FILE = /(?:^|[\\/])config[\\/]application(?:-[^\\/]*)?\.(?:properties|ya?ml)$/;
/** Whether a file is one the working directory gives (a `config/application.*` outside src/main/resources). */
const inWorkingDirectory = (file) => CONFIG_FILE.test(file) && !RESOURCES.test(file);
exports.inWorkingDirectory = inWorkingDirectory;
/** Whether a configuration file is on the class path's `config/` directory, which Quarkus does not read. */
const onClassPathConfigDirectory = (file) => CONFIG_FILE.test(file) && RESOURCES.test(file);
exports.onClassPathConfigDirectory = onClassPathConfigDirectory;
/**
 * The app's working-directory sources: the `.env` beside its src/ (an `env-file` document), and how the app's
 * Dockerfiles (`dockerfiles`, those of its group) and the Compose bind mounts of the tree (`mountedHostPaths`) decide
 * whether the run reads them.
 */
function quarkusWorkingDirectory(documents, configFiles, dockerfiles, images, mountedHostPaths) {
    const projects = new Set(configFiles.flatMap((d) => {
        const at = RESOURCES.exec(d.file.path);
        return at ? [d.file.path.slice(0, at.index)] : [];
    }));
    const dotEnv = documents
        .filter((d) => d.kind === 'env-file' && path.basename(d.file.path) === '.env')
        .filter((d) => projects.has(path.dirname(d.file.path)))
        .flatMap((doc) => doc.data.springEnvironment.map((property) => ({ doc, property })));
    const workdirs = dockerfiles.map((d) => ({ file: d.file.path, workdir: d.data.stages.at(-1)?.workdir }));
    return {
        dotEnv,
        read(file) {
            // A Compose bind mount may put it where the app runs.
            const mounted = mountedHostPaths.some((m) => file === m || file.startsWith(m + path.sep));
            if (workdirs.length === 0 || !images || mounted)
                return undefined;
            const wanted = (workdir) => path.posix.join(workdir, CONFIG_FILE.test(file) ? 'config' : '', path.basename(file));
            const held = images.holding(file);
            for (const { file: dockerfile, workdir } of workdirs) {
                // The base image's working directory: where the run reads the file from, the tree does not say.
                if (workdir === undefined)
                    return undefined;
                if (held.some((h) => h.dockerfile === dockerfile && h.containerPath === wanted(workdir)))
                    return true;
            }
            return false;
        },
    };
}
