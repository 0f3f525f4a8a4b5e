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
exports.buildModel = buildModel;
const path = __importStar(require("node:path"));
const contributor_1 = require("./contributor");
const compose_mounts_1 = require("./compose-mounts");
const paths_1 = require("./paths");
const mq_certs_1 = require("./mq-certs");
const registry_1 = require("./registry");
const mq_scripts_1 = require("./mq-scripts");
const runtime_1 = require("./runtime");
const dockerfile_jlink_1 = require("./dockerfile-jlink");
const run_memo_1 = require("../core/run-memo");
const store_files_1 = require("./store-files");
const liberty_unreferenced_1 = require("./liberty-unreferenced");
const unserved_tls_1 = require("./unserved-tls");
const liberty_config_1 = require("./liberty-config");
function buildModel(root, documents, options) {
    const { config } = options;
    const memo = options.memo ?? new run_memo_1.RunMemo();
    // Read once: the runtimes attach their JDK, and java/jlink-runtime-without-ec judges their modules.
    const jlinkRuntimes = (0, dockerfile_jlink_1.dockerfileJlinkRuntimes)(documents, memo);
    const runtimes = (0, runtime_1.findRuntimes)(documents, root, memo, jlinkRuntimes);
    const componentMatchers = (0, paths_1.componentGlobs)(config.components).filter((g) => g.component.java);
    const matchComponent = (file) => {
        if (!componentMatchers.length)
            return undefined;
        const relative = (0, paths_1.relativePosix)(config.baseDir, file);
        return componentMatchers.find((m) => m.match(relative) || m.match(path.posix.dirname(relative)))?.component.java;
    };
    // The tree's images, read once by the stores (./store-files.ts), once the model's context exists: among equally near
    // image JDKs, the image holding a component's file runs it.
    const images = {};
    const runtimeFor = (0, runtime_1.makeRuntimeResolver)(runtimes, config, matchComponent, options.java, () => images.holding);
    const deployment = {
        root,
        documents,
        components: [],
        links: [],
        mqscScripts: (0, mq_scripts_1.mqscScripts)(documents),
        runtime: runtimeFor(path.join(root, '.')),
        buildProjects: options.buildProjects ?? [],
        composeMounts: (0, compose_mounts_1.composeMountsOf)(documents, root),
        jlinkRuntimes,
    };
    const ids = new Set();
    let certificates;
    const built = new run_memo_1.RunMemo();
    const ctx = {
        deployment,
        config,
        memo,
        documentsOf: (prefix) => documents.filter((d) => d.kind.startsWith(prefix)),
        addComponent(component) {
            // Ids must be unique inside a deployment: suffix repeats instead of failing the run.
            let id = component.id;
            for (let n = 2; ids.has(id); n++)
                id = `${component.id}#${n}`;
            ids.add(id);
            deployment.components.push({ ...component, id });
        },
        addLink: (link) => deployment.links.push(link),
        runtimeFor,
        once: (name, compute) => built.get('once', name, compute),
        certificates: () => (certificates ??= (0, mq_certs_1.treeCertificates)(documents, root, deployment.tlsLessHomes, deployment.libertyStoreHomes)),
        hostOf(file) {
            return (0, paths_1.relativePosix)(root, path.dirname(file));
        },
    };
    const dockerfiles = new Set(documents.filter((d) => d.kind === 'dockerfile').map((d) => d.file.path));
    images.holding = {
        holding: (file) => (0, store_files_1.treeStoresOf)(ctx)
            .images?.holding(file)
            .map((h) => h.dockerfile) ?? [],
        isDockerfile: (file) => dockerfiles.has(file),
    };
    // Liberty servers that serve no TLS: the directories no component picks a certificate from by label; and the key
    // stores of those that do which nothing refers to.
    deployment.unservedTls = [
        ...(0, unserved_tls_1.libertyServersServingNoTls)(ctx, (0, store_files_1.treeStoresOf)(ctx)),
        ...(0, liberty_unreferenced_1.libertyKeyStoresUnreferenced)(ctx, (0, store_files_1.treeStoresOf)(ctx)),
    ];
    deployment.tlsLessHomes = deployment.unservedTls.flatMap((u) => u.home ?? []);
    deployment.libertyStoreHomes = (0, liberty_unreferenced_1.libertyStoreHomes)(ctx, (0, store_files_1.treeStoresOf)(ctx));
    deployment.contextExclusions = (0, store_files_1.treeStoresOf)(ctx).images?.leftOutOfContexts() ?? new Map();
    const kinds = new Set(documents.map((d) => d.kind));
    for (const contributor of registry_1.MODEL_CONTRIBUTORS)
        if ((0, contributor_1.contributorApplies)(contributor, kinds))
            contributor.contribute(ctx);
    deployment.libertyIncludesMissing = (0, liberty_config_1.includesMissingOf)((0, liberty_config_1.libertyServersOf)(ctx));
    return { deployment, certificates: ctx.certificates() };
}
