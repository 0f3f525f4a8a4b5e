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
exports.isChartFile = exports.isBuildFile = void 0;
exports.projectOfFile = projectOfFile;
exports.inGradleOnlyProject = inGradleOnlyProject;
const path = __importStar(require("node:path"));
const dir_tree_1 = require("./dir-tree");
/** A Maven or Gradle build file: its directory is one application's (or library's) source tree. */
const isBuildFile = (file) => /^(pom\.xml|build\.gradle(\.kts)?)$/.test(path.basename(file));
exports.isBuildFile = isBuildFile;
/**
 * A Helm chart's `Chart.yaml`: its directory is one chart, installed on its own (`helm install <release> <chart>`), as
 * the charts of a charts repository (bitnami/charts: `bitnami/<chart>/Chart.yaml`) are.
 */
const isChartFile = (file) => path.basename(file) === 'Chart.yaml';
exports.isChartFile = isChartFile;
/**
 * The project a file belongs to: of `projects` (directories holding a build file), the nearest one at or above the
 * file's directory, or undefined. A module of a Maven parent is its own project.
 */
function projectOfFile(projects) {
    const tree = new dir_tree_1.DirectoryTree(projects, (dir) => dir, path.sep);
    return (file) => tree.lookup(path.dirname(file)).nearestHolders[0];
}
/** A Gradle build that filters resources itself (Ant's ReplaceTokens takes `@name@`, a `filter { … }` closure anything). */
const GRADLE_FILTERS = /\bReplaceTokens\b|\bfilter\s*[({]/;
/**
 * Whether a file lies in the `src/main/resources` of a project that builds with Gradle alone (a build.gradle[.kts]
 * beside its `src`, no pom.xml) and whose build file filters no resources: Gradle's processResources copies them as
 * they are, so `@name@` is text, not a Maven resource-filtering placeholder (Spring Boot's `@..@` expansion is the
 * Maven parent's; with Gradle it is `expand(…)` with `${…}`:
 * https://docs.spring.io/spring-boot/how-to/properties-and-configuration.html#howto.properties-and-configuration.expand-properties).
 */
function inGradleOnlyProject(buildFiles, read) {
    const poms = new Set();
    const gradle = new Map();
    for (const file of buildFiles) {
        const dir = path.dirname(file);
        if (path.basename(file) === 'pom.xml')
            poms.add(dir);
        else if ((0, exports.isBuildFile)(file) && !gradle.has(dir))
            gradle.set(dir, file);
    }
    const filtersResources = new Map();
    return (file) => {
        const at = file.split(path.sep).join('/').lastIndexOf('/src/main/resources/');
        if (at < 0)
            return false;
        const project = file.slice(0, at);
        const build = gradle.get(project);
        if (!build || poms.has(project))
            return false;
        if (!filtersResources.has(project))
            filtersResources.set(project, GRADLE_FILTERS.test(read(build) ?? 'filter('));
        return !filtersResources.get(project);
    };
}
