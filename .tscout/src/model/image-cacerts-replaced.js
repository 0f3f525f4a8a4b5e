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
exports.cacertsReplacement = cacertsReplacement;
/**
 * A key store of the tree that a Dockerfile COPYs (or ADDs) over its JDK's cacerts (`COPY cacerts
 * $JAVA_HOME/lib/security/cacerts`): the JDK's default trust anchors are then that store's certificates and nothing
 * else — the public CAs it shipped with are gone. JDK 17.0.15 here: a cacerts holding one private root, a JSSE client
 * to a server under another root fails with "PKIX path building failed … unable to find valid certification path to
 * requested target"; to a server under that root it connects. Where the JDK keeps cacerts depends on its feature
 * release (and, for JDK 8, on whether the image holds a JDK or a JRE): ./image-home-files.ts. A Debian-packaged JDK's
 * cacerts is a link to /etc/ssl/certs/java/cacerts, so a store copied there replaces them: ./image-system-store.ts.
 */
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const image_home_files_1 = require("./image-home-files");
const image_system_store_1 = require("./image-system-store");
/**
 * The tree key store the image holds as its JDK's cacerts, or undefined: no copy there, a JDK whose layout (or home)
 * is unknown, or a later instruction that rewrites or replaces the file in a way not followed (a system CA store
 * refresh the JDK follows, a copy from another stage, a RUN that names cacerts other than keytool -importcert).
 * `optInElsewhere`: where the deployment sets USE_SYSTEM_CA_CERTS outside the Dockerfile (a Compose environment);
 * `contexts`: the build contexts the Dockerfile is built from (a Compose `build:`, else its directory): one holding the
 * source decides, several that disagree leave it unknown.
 */
function cacertsReplacement(doc, treeFiles, optInElsewhere, contexts = [path.dirname(doc.file.path)]) {
    const data = doc.data;
    // In the JDK's home, or on the system Java store a distribution JDK's cacerts links to (./image-system-store.ts).
    const home = (0, image_home_files_1.homeFileCopy)(doc, treeFiles, 'cacerts', contexts);
    const system = home ? undefined : (0, image_system_store_1.systemStoreCopy)(doc, treeFiles, contexts);
    const found = home ?? system;
    const image = (0, dockerfile_stages_1.runtimeStage)(data)?.image;
    if (!found?.file || !image)
        return undefined;
    const commands = (0, dockerfile_stages_1.heldCommands)(data);
    const after = commands.filter((c) => c.instruction === 'RUN' && c.range.start.line + 1 > found.copy.line);
    // A refresh of the system CA store the JDK's cacerts follows rewrites it from that store.
    const store = (0, knowledge_1.systemCaStoreOf)(image);
    if (store && !store.optIn && after.some((c) => new RegExp(`(^|[\\s/;&|])${store.command}(\\s|$)`).test(c.joined)))
        return undefined;
    // keytool imports add to it (./image-cacerts.ts); anything else that names cacerts may replace or empty it.
    if (after.some((c) => /cacerts/.test(c.joined) && !/keytool\s[^;&|]*-import(cert)?(\s|$)/.test(c.joined)))
        return undefined;
    // Adoptium's entrypoint adds the system's CA store to the JDK's cacerts at each start when the variable is set
    // (knowledge systemCaStores); set here or where the container starts (a Compose environment), the store is not all.
    if (system?.merged)
        return {
            file: found.file,
            at: { file: doc.file.path, range: found.copy.range },
            path: found.copy.written[found.copy.written.length - 1],
            merged: system.merged,
        };
    const mergedBy = commands.find((c) => c.instruction === 'ENV' && /(^|\s)USE_SYSTEM_CA_CERTS(=|\s)/.test(c.joined))?.range ??
        (optInElsewhere ? 'elsewhere' : undefined);
    return {
        file: found.file,
        at: { file: doc.file.path, range: found.copy.range },
        path: found.copy.written[found.copy.written.length - 1],
        ...(mergedBy && {
            merged: `USE_SYSTEM_CA_CERTS is set (${mergedBy === 'elsewhere' ? optInElsewhere : `Dockerfile line ${mergedBy.start.line + 1}`}): the eclipse-temurin entrypoint then adds the system's CA store to it at each start`,
        }),
    };
}
