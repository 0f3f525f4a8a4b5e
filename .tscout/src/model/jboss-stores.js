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
exports.jbossStore = jbossStore;
exports.credentialAt = credentialAt;
exports.elytronKeyStore = elytronKeyStore;
exports.realmStore = realmStore;
/**
 * The key and trust stores of a WildFly / JBoss EAP HTTPS listener: an Elytron `server-ssl-context`'s key-manager and
 * trust-manager, each naming a `<key-store>` of `<tls><key-stores>`, or a legacy security realm's
 * `<server-identities><ssl><keystore>` and `<authentication><truststore>`. A path `relative-to="jboss.server.config.dir"`
 * (in a managed domain's domain.xml or host.xml also `jboss.domain.config.dir`) is placed only where the tree says where that directory is (knowledge: wildfly.json configDir): the configuration
 * file's own directory when it is a `configuration` directory (standalone/configuration), or the image directory a
 * Dockerfile copies the file into. Elsewhere, and for any other `relative-to`, the store is unknown: named, never found
 * by its bare name, so never "missing".
 */
const path = __importStar(require("node:path"));
const wildfly_1 = require("../knowledge/wildfly");
const xml_1 = require("../parse/xml");
const jboss_expressions_1 = require("./jboss-expressions");
const java_shared_1 = require("./java-shared");
const store_files_1 = require("./store-files");
/** The configuration directory of a configuration file the image holds at `containerFile`, when it is one. */
const configDirInImage = (containerFile) => {
    const dir = path.posix.dirname(containerFile);
    return path.posix.basename(dir) === wildfly_1.JBOSS_CONFIG_DIR.directory ? dir : undefined;
};
/** The tree directory `jboss.server.config.dir` is, when the configuration file sits in a `configuration` directory. */
function treeConfigDir(file) {
    const dir = path.dirname(file);
    return path.basename(dir) === wildfly_1.JBOSS_CONFIG_DIR.directory ? dir : undefined;
}
/** A managed domain's domain.xml or host.xml: read from jboss.domain.config.dir, as the standalone file from its own. */
function isDomainFile(f) {
    const root = f.doc.data.root?.localName;
    return root === 'domain' || root === 'host';
}
/**
 * A store file named by `path` and `relative-to` attributes (Elytron `<file>`, a realm's `<keystore>`), with its type
 * and where its password is set. `generatedFor`: the host a key manager generates a self-signed certificate for when
 * the file does not exist (`generate-self-signed-certificate-host`).
 */
function jbossStore(f, pathAttribute, relativeTo, type, passwordAt, generatedFor, own) {
    const file = f.doc.file.path;
    const written = (0, jboss_expressions_1.resolveJboss)(pathAttribute.value, f.properties)?.value;
    const base = relativeTo ? (0, jboss_expressions_1.resolveJboss)(relativeTo.value, f.properties)?.value : undefined;
    const configDir = base === wildfly_1.JBOSS_CONFIG_DIR.property || (base === wildfly_1.JBOSS_CONFIG_DIR.domainProperty && isDomainFile(f));
    const treeBase = configDir ? treeConfigDir(file) : undefined;
    // An image that holds the file in a configuration directory places it there (storeRef below resolves the path).
    const inImage = f.stores.images?.holding(file).find((h) => configDirInImage(h.containerPath) !== undefined);
    const notes = [];
    if (relativeTo && !treeBase && !(configDir && inImage))
        notes.push(configDir
            ? `relative to ${base}, which the tree does not place`
            : `relative to ${relativeTo.value}, which the tree does not place`);
    else if (relativeTo && inImage && !treeBase)
        notes.push(`relative to ${path.posix.dirname(inImage.containerPath)} in the image`);
    if (generatedFor)
        notes.push(`WildFly creates it with a self-signed certificate for ${generatedFor} when it does not exist`);
    const shown = (0, java_shared_1.traced)(pathAttribute.value, file, pathAttribute.valueRange, notes.length > 0 ? notes.join('; ') : undefined);
    const storeType = type ? (0, jboss_expressions_1.resolveJboss)(type.value, f.properties)?.value : undefined;
    const typeTrace = type && storeType ? (0, java_shared_1.traced)(storeType, file, type.valueRange) : undefined;
    // A path the tree cannot place (an unresolved expression, a directory it does not know): named, never matched.
    const placeable = written !== undefined && (!relativeTo || configDir) && (relativeTo || path.posix.isAbsolute(written));
    if (!placeable)
        return unplaced(shown, typeTrace, passwordAt);
    const bases = treeBase ? [treeBase] : [];
    const containerBase = configDir ? configDirInImage : undefined;
    const ref = (0, store_files_1.storeRef)(shown, bases, f.stores, typeTrace, passwordAt, written, containerBase);
    return (0, store_files_1.withRefusedPassword)(ref, own, f.stores, written, bases);
}
function unplaced(shown, type, passwordAt) {
    return {
        path: shown,
        ...(type ? { type: { value: type.value.toUpperCase(), from: type.from } } : {}),
        ...(passwordAt ? { passwordAt } : {}),
    };
}
/** Where a `<credential-reference>` (a clear-text password, or a credential store's alias) is written. */
function credentialAt(file, element) {
    const reference = element?.children.find((c) => c.localName === 'credential-reference');
    if (!reference)
        return undefined;
    const clear = (0, xml_1.attr)(reference, 'clear-text');
    return { file, range: clear ? clear.valueRange : reference.range };
}
/** An Elytron `<key-store name>` of `<tls><key-stores>` as a store. */
function elytronKeyStore(f, name, generatedFor) {
    const element = f.doc.data.elements.find((e) => e.localName === 'key-store' && e.parent?.localName === 'key-stores' && (0, xml_1.attr)(e, 'name')?.value === name);
    const fileElement = element?.children.find((c) => c.localName === 'file');
    const pathAttribute = fileElement && (0, xml_1.attr)(fileElement, 'path');
    if (!element || !fileElement || !pathAttribute)
        return undefined;
    const implementation = element.children.find((c) => c.localName === 'implementation');
    const type = (implementation && (0, xml_1.attr)(implementation, 'type')) ?? (0, xml_1.attr)(element, 'type');
    // Its own password as written: a credential reference's clear text, not a credential store's alias.
    const reference = element.children.find((c) => c.localName === 'credential-reference');
    const clear = reference && !(0, xml_1.attr)(reference, 'store') ? (0, xml_1.attr)(reference, 'clear-text') : undefined;
    const own = clear && ownPassword(f, clear, `credential-reference clear-text of key-store ${name}`);
    return jbossStore(f, pathAttribute, (0, xml_1.attr)(fileElement, 'relative-to'), type, credentialAt(f.doc.file.path, element), generatedFor, own);
}
const ownPassword = (f, a, key) => ({
    value: a.value,
    at: { file: f.doc.file.path, range: a.valueRange },
    key,
});
/** A legacy realm's `<keystore>` or `<truststore>`: `path`, `relative-to`, `provider` (its type), `keystore-password`. */
function realmStore(f, element) {
    const pathAttribute = (0, xml_1.attr)(element, 'path');
    if (!pathAttribute)
        return undefined;
    const password = (0, xml_1.attr)(element, 'keystore-password');
    const generated = (0, xml_1.attr)(element, 'generate-self-signed-certificate-host')?.value;
    return jbossStore(f, pathAttribute, (0, xml_1.attr)(element, 'relative-to'), (0, xml_1.attr)(element, 'provider'), password ? { file: f.doc.file.path, range: password.valueRange } : undefined, generated, password && ownPassword(f, password, `${element.localName} keystore-password`));
}
