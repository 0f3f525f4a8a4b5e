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
exports.environmentConfigs = environmentConfigs;
exports.environmentServerSettings = environmentServerSettings;
/**
 * Spring configuration files of one app that belong to different environments: `k8s/overlays/dev/application.yml` and
 * `k8s/overlays/prod/application.yml` (each generated into its overlay's ConfigMap by Kustomize), `deploy/test/` and
 * `deploy/prod/`. Spring Boot reads, besides the packaged files, `application.*` in the working directory, in its
 * `config/` and in `config/*` (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files);
 * a file elsewhere reaches the app only through a mount or a location the environment gives it. When two directories
 * hold files of the same name, each is one environment's: the app runs with one of them, and which one the tree does
 * not say. Merged by path order, they gave one app the last directory's TLS settings over another's port.
 */
const path = __importStar(require("node:path"));
const paths_1 = require("./paths");
const spring_1 = require("../parse/spring");
const spring_config_locations_1 = require("./spring-config-locations");
/**
 * The environment directories among an app's Spring files (`projectDir`: the directory it is built and started in,
 * undefined when unknown): directories other than the project's own, its `config/` and `config/*`, that hold a file
 * named like a file of another such directory. Files a Spring Cloud Config server serves (`served`) are no app's own.
 */
function environmentConfigs(files, projectDir, served = new Map()) {
    const read = (dir) => projectDir !== undefined &&
        (dir === projectDir ||
            dir === path.join(projectDir, 'config') ||
            path.dirname(dir) === path.join(projectDir, 'config'));
    const byDir = new Map();
    for (const file of files) {
        if (served.has(file) || (0, spring_config_locations_1.resourcesDirOf)(file.file.path) !== undefined)
            continue;
        const dir = path.dirname(file.file.path);
        if (read(dir))
            continue;
        byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    const dirsNaming = new Map();
    for (const [dir, docs] of byDir)
        for (const doc of docs) {
            const name = path.basename(doc.file.path);
            dirsNaming.set(name, (dirsNaming.get(name) ?? new Set()).add(dir));
        }
    const dirs = [...byDir.keys()].filter((dir) => byDir.get(dir).some((doc) => dirsNaming.get(path.basename(doc.file.path)).size > 1));
    return { files: dirs.flatMap((dir) => byDir.get(dir)), dirs: dirs.sort() };
}
/**
 * The environments' `server.*` settings that differ from the app's own (`packaged`) in some environment; undefined
 * when there is none: then the environment the app runs in decides nothing the server is made of.
 */
function environmentServerSettings(environments, root, packaged) {
    const byKey = new Map();
    for (const doc of environments.files)
        for (const entry of doc.entries.filter((e) => (0, spring_1.springKeyUnder)(e, 'server.'))) {
            const key = (0, spring_1.springKey)(entry.key);
            const inDir = byKey.get(key) ?? new Map();
            byKey.set(key, inDir.set(path.dirname(doc.file.path), { doc, entry }));
        }
    const settings = [...byKey].flatMap(([key, inDir]) => {
        // The app's own value counts too: what every environment sets alike still overrides it, and the server is made
        // of the app's own files only.
        const values = [packaged(key), ...environments.dirs.map((dir) => inDir.get(dir)?.entry.value ?? packaged(key))].map((v) => v?.trim());
        return values.every((v) => v === values[0]) ? [] : [...inDir.values()];
    });
    return settings.length > 0 ? { dirs: environments.dirs.map((dir) => (0, paths_1.relativePosix)(root, dir)), settings } : undefined;
}
