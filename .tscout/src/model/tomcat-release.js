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
exports.tomcatImagesOf = tomcatImagesOf;
exports.tomcatReleaseOf = tomcatReleaseOf;
/**
 * Which Tomcat release runs a server.xml, as the tree says it (docs/deployments.md § Which Tomcat release): the
 * `FROM tomcat:<tag>` of the Dockerfiles whose image holds it (a COPY/ADD puts it there), else the image of the
 * Docker Compose services that bind-mount it (`image: tomcat:<tag>`, or the `FROM` of the Dockerfile they build).
 * Read once per server.xml by the Tomcat contributor; every connector of the file gets the same answer.
 */
const path = __importStar(require("node:path"));
const tomcat_1 = require("../knowledge/tomcat");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const dockerfile_copies_1 = require("../parse/dockerfile-copies");
const compose_mounts_1 = require("./compose-mounts");
const runtime_named_1 = require("./runtime-named");
const store_files_1 = require("./store-files");
/** An image read as a Tomcat release. */
function fromImage({ image, text, at }) {
    const named = (0, tomcat_1.tomcatReleaseFromImage)(image);
    if (!named)
        return undefined;
    return {
        release: named.release,
        text: named.note ? `${text}: ${named.note}` : text,
        at,
        majorOnly: named.majorOnly,
    };
}
/** An Apache Tomcat binary distribution's file name: `apache-tomcat-8.5.20.tar.gz` (https://archive.apache.org/dist/tomcat/). */
const DISTRIBUTION = /apache-tomcat-(\d+\.\d+\.\d+)\.(?:tar\.gz|zip)\b/;
/**
 * The Tomcat a `RUN` of the running image downloads and unpacks (geeeoff/alpine-linux-openjdk-tomcat-docker-hardened:
 * `ENV tomcatVersion=…` and `wget http://archive.apache.org/dist/tomcat/…/apache-tomcat-${tomcatVersion}.tar.gz` on an
 * image that is no Tomcat): read as the official image of that release would be. Each word has the variables the RUN
 * sees substituted; one that names a build argument without a default stays as written (and matches nothing).
 */
function downloadedTomcat(doc, data, root) {
    for (const command of (0, dockerfile_stages_1.heldCommands)(data)) {
        if (command.instruction !== 'RUN')
            continue;
        for (const word of command.joined.split(/[\s"'=;|&]+/)) {
            const version = DISTRIBUTION.exec((0, dockerfile_copies_1.substituteVariables)(word, command.variables ?? {}) ?? word)?.[1];
            if (!version)
                continue;
            return {
                image: `tomcat:${version}`,
                text: `${(0, runtime_named_1.shortPath)(doc.file.path, root)}:${command.range.start.line + 1} RUN, which downloads apache-tomcat-${version}`,
                at: { file: doc.file.path, range: command.range },
            };
        }
    }
    return undefined;
}
/** A Dockerfile's runtime stage `FROM`, or the Tomcat distribution it downloads when that image is no Tomcat. */
function fromDockerfile(doc, root) {
    if (!doc || doc.kind !== 'dockerfile')
        return undefined;
    const data = doc.data;
    const stage = (0, dockerfile_stages_1.runtimeStage)(data);
    if (stage?.image && !(0, tomcat_1.tomcatReleaseFromImage)(stage.image)) {
        const downloaded = downloadedTomcat(doc, data, root);
        if (downloaded)
            return downloaded;
    }
    if (!stage?.image)
        return undefined;
    const written = stage.image === stage.written ? stage.written : `${stage.written} (${stage.image})`;
    return {
        image: stage.image,
        text: `${(0, runtime_named_1.shortPath)(doc.file.path, root)}:${stage.line} FROM ${written}`,
        at: { file: doc.file.path, range: stage.range },
    };
}
/** The images a server.xml is copied into, and those of the Compose services that mount it. */
function tomcatImagesOf(ctx, serverXml) {
    const { documents, root } = ctx.deployment;
    const byPath = new Map(documents.map((d) => [d.file.path, d]));
    // One image per Dockerfile, however many of its instructions place the file (`COPY conf/ …` and `COPY
    // conf/server.xml …`): each copy would name it again in every message.
    const dockerfiles = new Set(((0, store_files_1.treeStoresOf)(ctx).images?.holding(serverXml) ?? []).map((i) => i.dockerfile));
    const copied = [...dockerfiles].flatMap((dockerfile) => fromDockerfile(byPath.get(dockerfile), root) ?? []);
    const mounted = (0, compose_mounts_1.deploymentMounts)(ctx)
        .filter((m) => m.mount.service !== undefined)
        .filter((m) => serverXml === m.hostPath || serverXml.startsWith(m.hostPath + path.sep))
        .flatMap((m) => {
        const compose = byPath.get(m.file);
        const service = compose?.data?.services.find((s) => s.name === m.mount.service);
        if (!compose || !service)
            return [];
        const dockerfile = (0, compose_mounts_1.builtDockerfile)(m.file, service);
        if (dockerfile !== undefined) {
            const built = fromDockerfile(byPath.get(dockerfile), root);
            // The built image, unless it names no release and the service's `image:` may (which the release reads).
            if (built && ((0, tomcat_1.tomcatReleaseFromImage)(built.image) || !service.image))
                return [built];
        }
        const range = service.imageRange;
        if (!service.image || !range)
            return [];
        return [
            {
                image: service.image,
                text: `${(0, runtime_named_1.shortPath)(m.file, root)}:${range.start.line + 1} image: ${service.image}`,
                at: { file: m.file, range },
            },
        ];
    });
    const installed = installationOf(ctx, serverXml);
    return { copied, mounted: uniqueImages(mounted), ...(installed ? { installed } : {}) };
}
/**
 * The release of the Tomcat installation a server.xml belongs to: `<home>/conf/server.xml` with the same home's
 * `lib/catalina.jar` in the tree, whose ServerInfo.properties names the release (../parse/tomcat-catalina-jar.ts).
 * That jar is the Tomcat that reads this conf/ (`bin/catalina.sh` of the home, CATALINA_BASE left to CATALINA_HOME):
 * DreamInSun/orange.img.Tomcat@886b2d2c ADDs its apache-tomcat-6.0.47 directory, jar and all, to a java:8-jre image.
 */
function installationOf(ctx, serverXml) {
    const conf = path.dirname(serverXml);
    if (path.basename(conf) !== 'conf')
        return undefined;
    const jarPath = path.join(path.dirname(conf), 'lib', 'catalina.jar');
    const jar = ctx.documentsOf('tomcat.catalina-jar').find((d) => d.file.path === jarPath);
    const release = jar?.data.release;
    if (!jar || !release)
        return undefined;
    return {
        release,
        text: `${(0, runtime_named_1.shortPath)(jarPath, ctx.deployment.root)}: ${jar.data.serverInfo ?? release}, the installation this conf/ belongs to`,
        at: { file: jarPath },
        majorOnly: false,
    };
}
/** The images once each (two mounts of one service, or of services built from one Dockerfile, name it twice). */
function uniqueImages(images) {
    const seen = new Set();
    return images.filter((i) => !seen.has(i.text) && seen.add(i.text));
}
/**
 * The Tomcat release of the images a server.xml is copied into, else of the Compose services that mount it, else of
 * the installation of the tree it belongs to.
 */
function tomcatReleaseOf({ copied, mounted, installed }) {
    const fromCopies = copied.flatMap((i) => fromImage(i) ?? []);
    if (fromCopies.length > 0)
        return decide(fromCopies);
    const fromMounts = mounted.flatMap((i) => fromImage(i) ?? []);
    if (fromMounts.length > 0)
        return decide(fromMounts);
    return installed ? { read: installed } : undefined;
}
function decide(found) {
    const releases = new Map(found.map((f) => [f.release, f]));
    const [only, ...more] = releases.values();
    if (!only)
        return undefined;
    return more.length === 0 ? { read: only } : { conflicting: [only, ...more] };
}
