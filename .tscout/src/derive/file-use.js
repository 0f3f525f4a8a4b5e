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
exports.mayName = mayName;
exports.fileUse = fileUse;
/** Whether a component uses a certificate or store file of the tree, from DerivedModel.certificateFiles. */
const path = __importStar(require("node:path"));
/** Store types that are key store containers: a setting typed so never reads a PEM file, and a PEM-typed one never reads them. */
const CONTAINER_TYPES = new Set(['JKS', 'JCEKS', 'PKCS12', 'PKCS#12', 'P12', 'CMS', 'BCFKS']);
/**
 * Whether an unresolved reference may name this file: one of its kind (a PEM file, or a key store container) and, for
 * a relative path, of its name.
 */
function mayName(ref, file, pem) {
    if (ref.relative && path.basename(ref.path.replace(/^(classpath\*?|file):/i, '')) !== path.basename(file))
        return false;
    if (!ref.type)
        return true;
    return pem ? !CONTAINER_TYPES.has(ref.type) : ref.type !== 'PEM';
}
/**
 * Whether a component of the deployment uses a certificate or store file, as far as the tree says: `named` (some
 * component names it, or names a file of its name outside the tree, or it lies in the home of an MQ, WebSphere,
 * Liberty or JMS configuration, `homeConfig`, which picks certificates by label), `not-served` (only servers that serve
 * no TLS in the run the tree shows name it or own it: CertificateFileUse.notServed), `perhaps` (nothing names it, but
 * some component names a file by a placeholder nothing resolves, or by a relative path of its name found beside no
 * configuration: it may be this one), or `unnamed` (test data, a
 * copy left behind: seen by no peer lint-deploy knows of).
 */
function fileUse(files, file, homeConfig, keyEntryAlias, pem = false) {
    const named = [...(files.inUse.get(file) ?? []), ...(files.namedOutside.get(path.basename(file)) ?? [])];
    // A key entry of a store whose every naming setting selects another alias (server.ssl.key-alias, keyAlias…) is
    // in a store something uses, but no peer is sent it.
    if (named.length > 0 && keyEntryAlias !== undefined) {
        const selections = [files.keyAliases.get(file), files.keyAliases.get(`name:${path.basename(file)}`)].filter((s) => s !== undefined);
        const selected = selections.every((s) => s !== 'any') ? selections.flatMap((s) => [...s]) : [];
        if (selections.length > 0 && selected.length > 0 && !selected.includes(keyEntryAlias.toLowerCase()))
            return { use: 'other-alias', by: named, selected: [...new Set(selected)] };
    }
    // The home directory of an MQ, WebSphere, Liberty or JMS configuration: named only when no setting names it. MQ and
    // WebSphere pick certificates there by label; a Liberty server only through a <keyStore> the tree may not settle.
    const home = homeConfig
        ? [
            {
                file: homeConfig,
                message: 'it lies in the directory of this configuration, which may use it (MQ and WebSphere pick certificates there by label)',
            },
        ]
        : [];
    if (named.length > 0)
        return { use: 'named', by: named };
    // A setting that names the file but serves no TLS says more than the directory it lies in.
    const notServed = files.notServed.get(file);
    if (notServed)
        return { use: 'not-served', by: notServed };
    if (home.length > 0)
        return { use: 'named', by: home };
    return { use: files.unresolved.some((u) => mayName(u, file, pem)) ? 'perhaps' : 'unnamed' };
}
