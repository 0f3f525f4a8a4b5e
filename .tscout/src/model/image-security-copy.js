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
exports.securityFileCopy = securityFileCopy;
exports.withSecurityFile = withSecurityFile;
exports.imageTreeFilesOf = imageTreeFilesOf;
/**
 * A java.security of the tree that a Dockerfile COPYs (or ADDs) over its JDK's (`COPY java.security
 * $JAVA_HOME/conf/security/java.security`): that file then IS the JDK's security properties, not an override of them.
 * JDK 17.0.15 here, its conf/security/java.security replaced: the JDK's own file without jdk.tls.disabledAlgorithms
 * gives Security.getProperty null and default client protocols TLSv1.3,TLSv1.2,TLSv1.1,TLSv1 (nothing disabled); a
 * file holding only that key names no security.provider, and SSLContext.getDefault() throws "Default SSLContext not
 * available" (no provider at all). Where the JDK keeps java.security: ./image-home-files.ts.
 */
const path = __importStar(require("node:path"));
const jdk_1 = require("../parse/jdk");
const types_1 = require("../parse/types");
const image_home_files_1 = require("./image-home-files");
const store_files_1 = require("./store-files");
/** Security properties a whole java.security leaves unset when it does not define them (they are then empty). */
const READ_LISTS = ['jdk.tls.disabledAlgorithms', 'jdk.certpath.disabledAlgorithms'];
/** The copy over the image JDK's java.security, when there is one. */
function securityFileCopy(doc, files, memo) {
    const found = (0, image_home_files_1.homeFileCopy)(doc, files.paths, 'javaSecurity', files.contextsOf(doc.file.path), memo);
    if (!found)
        return undefined;
    const at = { file: doc.file.path, range: found.copy.range };
    const line = found.copy.line;
    const copied = found.file ? files.byPath.get(found.file) : undefined;
    if (copied?.kind !== 'java.security')
        return {
            kind: 'unknown',
            why: `a ${found.copy.instruction} at Dockerfile line ${line} puts a file the tree does not hold (as a java.security) over the JDK's java.security`,
            at,
            line,
        };
    // JDK 17.0.15 and 25.0.3 here: a file with security.provider.2… but no .1 has no provider either.
    if (!copied.entries.some((e) => e.key === jdk_1.FIRST_SECURITY_PROVIDER))
        return {
            kind: 'unknown',
            why: `the java.security a ${found.copy.instruction} at Dockerfile line ${line} puts over the JDK's (${path.basename(copied.file.path)}) names no ${jdk_1.FIRST_SECURITY_PROVIDER}: the JDK then has no provider at all, and SSLContext.getDefault() fails with "Default SSLContext not available" (JDK 17)`,
            at,
            line,
            withoutProviders: copied.file.path,
        };
    return { kind: 'file', doc: copied, at, line };
}
/**
 * The runtime with the copied file as its java.security: its properties, those it leaves out of the lists the JDK
 * reads unset, and the -Djava.security.properties overrides the runtime already carries on top.
 */
function withSecurityFile(runtime, copy) {
    const fromFile = {};
    for (const entry of copy.doc.entries)
        fromFile[entry.key] = {
            value: entry.value,
            from: { kind: 'file', location: (0, types_1.entryLocation)(copy.doc, entry, 'value') },
        };
    for (const name of READ_LISTS)
        fromFile[name] ??= {
            value: '',
            from: {
                kind: 'file',
                location: copy.at,
                note: `${name} is not set in the java.security the image copies over the JDK's: nothing is disabled`,
            },
        };
    return { ...runtime, securityProperties: { ...fromFile, ...runtime.securityProperties } };
}
/** The tree's files and Dockerfile build contexts, once per deployment. */
function imageTreeFilesOf(ctx) {
    return ctx.once('imageTreeFiles', () => {
        const images = (0, store_files_1.treeStoresOf)(ctx).images;
        const byPath = new Map(ctx.deployment.documents.map((d) => [d.file.path, d]));
        return {
            byPath,
            paths: new Set(byPath.keys()),
            contextsOf: (dockerfile) => images?.contextsOf(dockerfile) ?? [path.dirname(dockerfile)],
        };
    });
}
