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
exports.packageCaStore = packageCaStore;
exports.systemStoreCopy = systemStoreCopy;
/**
 * The system CA store a distribution JDK follows (knowledge `systemCaStores` by package): Debian's and Ubuntu's
 * openjdk-N-jre-headless link lib/security/cacerts to /etc/ssl/certs/java/cacerts, the JKS store ca-certificates-java
 * keeps, so a key store of the tree copied there is that JDK's cacerts — until something merges the system CAs into it
 * again: measured on Debian 12 (ca-certificates-java 20230710~deb12u1), its first install (apt-get install of a JDK
 * package or of ca-certificates-java after the copy) and `update-ca-certificates --fresh` add every system CA to the
 * copied store, a plain `update-ca-certificates` adds the certificates that run adds; nothing else rewrites it.
 */
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const shell_commands_1 = require("../parse/shell-commands");
const runtime_named_1 = require("./runtime-named");
/** How the JDK packages the image installs follow the system CA store: undefined unless all agree (none, or several ways). */
function packageCaStore(data) {
    const stores = (0, runtime_named_1.installedJdks)(data).map((i) => (0, knowledge_1.systemCaStoreOfPackage)(i.name));
    const [first] = stores;
    return first && stores.every((s) => s?.command === first.command) ? first : undefined;
}
/**
 * The last COPY/ADD onto the system Java store (`/etc/ssl/certs/java/cacerts`) of an image lint-deploy does not know
 * that installs a distribution JDK whose cacerts links there; undefined when none, or the image is one lint-deploy
 * knows (its own entry decides: ./image-home-files.ts), or its JDK packages follow no such store.
 */
function systemStoreCopy(doc, treeFiles, contexts) {
    const data = doc.data;
    const image = (0, dockerfile_stages_1.runtimeStage)(data)?.image;
    const store = image && !(0, knowledge_1.jdkFromImage)(image) ? packageCaStore(data) : undefined;
    const javaStore = store?.javaStore;
    if (!store || !javaStore)
        return undefined;
    const name = path.posix.basename(javaStore.path);
    let found;
    for (const copy of (0, dockerfile_stages_1.heldCopies)(data)) {
        const destination = copy.destination;
        if (!destination)
            continue;
        const sources = copy.sources;
        const intoDirectory = destination.endsWith('/') && `${destination}${name}` === javaStore.path;
        if (path.posix.normalize(destination) !== javaStore.path && !intoDirectory)
            continue;
        const named = intoDirectory ? sources.filter((s) => path.posix.basename(s) === name) : sources;
        if (intoDirectory && named.length === 0)
            continue;
        // `COPY --from=build`, a variable, a wildcard or several files: what lands there is not a file of the tree.
        const source = copy.from === undefined && named.length === 1 ? named[0] : undefined;
        const files = source && !/[$*?[]/.test(source)
            ? [...new Set(contexts.map((c) => path.resolve(c, source)).filter((f) => treeFiles.has(f)))]
            : [];
        found = { copy, ...(files.length === 1 && { file: files[0] }) };
    }
    if (!found?.file)
        return found;
    const copyLine = found.copy.line;
    const after = (range) => range.start.line + 1 > copyLine;
    const install = (0, runtime_named_1.installedPackages)(data).find((p) => after(p.range) && javaStore.mergingInstalls.test(p.name.replace(/=.*$/, '')));
    if (install)
        return {
            ...found,
            merged: `Dockerfile line ${install.range.start.line + 1} installs ${install.name} after the copy: ca-certificates-java's first install adds every system CA to ${javaStore.path}`,
        };
    const refresh = (0, dockerfile_stages_1.heldCommands)(data).find((c) => c.instruction === 'RUN' &&
        after(c.range) &&
        (0, shell_commands_1.simpleCommands)(c.joined).some((words) => {
            const command = words[words[0] === 'sudo' ? 1 : 0] ?? '';
            return command === store.command || command.endsWith(`/${store.command}`);
        }));
    if (refresh)
        return {
            ...found,
            merged: `Dockerfile line ${refresh.range.start.line + 1} runs ${store.command} after the copy: ca-certificates-java adds to ${javaStore.path} the certificates that run adds (with --fresh, every system CA)`,
        };
    return found;
}
