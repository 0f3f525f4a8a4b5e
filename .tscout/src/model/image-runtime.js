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
exports.imageRuntimeContributor = void 0;
/**
 * What an image does to the JDK of a server it runs (Tomcat, Liberty, WebSphere, a JMS connection factory of
 * theirs): the Dockerfile that COPYs the server's configuration into its image (`COPY server.xml
 * /usr/local/tomcat/conf/`, `COPY --chown=1001:0 server.xml /config/`), or that a Docker Compose service bind-mounting
 * it builds, is the image the server runs in. Its `RUN` edits of java.security (./image-security.ts) reach the
 * server's runtime, and the certificates it adds to the JDK's cacerts (keytool, or the system CA store the JDK
 * follows: ./image-cacerts.ts) or the key store it copies over them (./image-cacerts-replaced.ts) the cacerts the
 * server trusts by default, as they reach a Java application's
 * (./java.ts, ./stores.ts). Runs after the stores contributor, which settles each component's trust.
 */
const path = __importStar(require("node:path"));
const compose_mounts_1 = require("./compose-mounts");
const image_cacerts_1 = require("./image-cacerts");
const image_security_1 = require("./image-security");
const image_security_copy_1 = require("./image-security-copy");
const store_files_1 = require("./store-files");
/** The Dockerfiles whose images hold a file of the tree: those that COPY it in, else those Compose builds to mount it. */
function imagesHolding(ctx, file) {
    // The documents by path, once per deployment (asked for every document of every component).
    const { byPath } = (0, image_security_copy_1.imageTreeFilesOf)(ctx);
    const dockerfile = (at) => {
        const doc = byPath.get(at);
        return doc?.kind === 'dockerfile' ? [doc] : [];
    };
    const copied = ((0, store_files_1.treeStoresOf)(ctx).images?.holding(file) ?? []).flatMap((h) => dockerfile(h.dockerfile));
    if (copied.length > 0)
        return [...new Set(copied)];
    const built = (0, compose_mounts_1.deploymentMounts)(ctx)
        .filter((m) => m.mount.service !== undefined && (file === m.hostPath || file.startsWith(m.hostPath + path.sep)))
        .flatMap((m) => {
        const service = byPath.get(m.file)?.data?.services.find((s) => s.name === m.mount.service);
        const built = service && (0, compose_mounts_1.builtDockerfile)(m.file, service);
        return built ? dockerfile(built) : [];
    });
    return [...new Set(built)];
}
exports.imageRuntimeContributor = {
    id: 'image-runtime',
    reads: ['dockerfile'],
    contribute(ctx) {
        const components = ctx.deployment.components;
        // A Java application's runtime carries its image's edits already (./java.ts); its Spring server and MQ
        // connection factory share that runtime object.
        const appRuntimes = new Set(components.filter((c) => c.type === 'java.app').map((c) => c.runtime));
        const treeFiles = (0, image_security_copy_1.imageTreeFilesOf)(ctx).paths;
        /** One edited runtime per runtime and image set: the connectors of one server.xml keep sharing theirs. */
        const edited = new Map();
        for (const component of components) {
            const runtime = component.runtime;
            if (component.type === 'java.app' || !runtime || appRuntimes.has(runtime))
                continue;
            const images = imagesOf(ctx, component);
            if (images.length === 0)
                continue;
            const key = images.map((d) => d.file.path).join('\n');
            const byImages = edited.get(runtime) ?? new Map();
            edited.set(runtime, byImages);
            const withEdits = byImages.get(key) ?? (0, image_security_1.withImageEdits)(runtime, images, ctx.memo, (0, image_security_copy_1.imageTreeFilesOf)(ctx));
            byImages.set(key, withEdits);
            component.runtime = withEdits;
            const trust = component.tls?.trust;
            if (trust?.defaultTrust === 'jdk-cacerts' && !trust.trustStore && !trust.cacertsAdded && !trust.cacertsReplaced) {
                const imageInputs = ctx.once('imageTrustInputs', () => (0, image_cacerts_1.imageTrustInputs)(ctx.deployment.documents, (0, store_files_1.treeStoresOf)(ctx).images));
                const image = (0, image_cacerts_1.imagesCacerts)(images, treeFiles, imageInputs);
                if (component.tls)
                    component.tls.trust = { ...trust, ...image };
            }
        }
    },
};
/** The images a component's configuration files are in (a component's own files first, in its document order). */
function imagesOf(ctx, component) {
    const found = component.documents
        .filter((d) => d.kind !== 'dockerfile')
        .flatMap((d) => imagesHolding(ctx, d.file.path));
    return [...new Set(found)];
}
