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
exports.ihsServerTrust = ihsServerTrust;
/**
 * IBM HTTP Server's key database: `KeyFile` names the CMS key database whose personal certificate (the one
 * `SSLServerCert` labels) the virtual host presents. A container path Compose mounts from the tree is that tree file
 * (robert0714/vagrant_ihs_liberty_sticky-session mounts ../ssl/ihsserverkey.kdb at /opt/IBM/HTTPServer/conf); a
 * relative path is read from the ServerRoot.
 */
const path = __importStar(require("node:path"));
const compose_mounts_1 = require("./compose-mounts");
const store_files_1 = require("./store-files");
function ihsServerTrust(component, stores, mounts) {
    const { keyFile, keyFileUnknown, serverCert, serverRoot, enabledAt } = component.attributes;
    if (!keyFile || store_files_1.PLACEHOLDER.test(keyFile.value))
        return {
            defaultTrust: 'none',
            unknown: {
                why: keyFileUnknown ??
                    (keyFile
                        ? `${component.name}'s KeyFile ${keyFile.value} is a placeholder the tree does not resolve`
                        : `${component.name} names no KeyFile (the key database of its certificate) the tree holds`),
                at: keyFile?.location ?? enabledAt,
            },
        };
    const from = { kind: 'file', location: keyFile.location };
    const mounted = (0, compose_mounts_1.treeFileInContainer)(mounts, keyFile.location.file, keyFile.value);
    const bases = [...(serverRoot ? [serverRoot] : []), path.dirname(keyFile.location.file)];
    // Compose mounts a host path the tree does not hold there: the key database is outside the tree.
    const outside = mounted && !stores.files.includes(mounted.file) ? mounted : undefined;
    const store = outside
        ? {
            path: { value: keyFile.value, from },
            type: { value: 'CMS', from },
            mountedFromOutside: { file: outside.by.file, range: outside.by.mount.range },
        }
        : (0, store_files_1.storeRef)({ value: keyFile.value, from }, bases, stores, { value: 'CMS', from }, undefined, mounted?.file);
    store.setting = 'KeyFile';
    if (mounted && !outside && store.file === mounted.file)
        store.mountedAt = { file: mounted.by.file, range: mounted.by.mount.range };
    // One label, not a PKCS#11 token's (`token:label`): the certificate it names. Otherwise which one is unknown.
    const [label, ...more] = serverCert?.labels ?? [];
    const single = label && more.length === 0 && !label.includes(':') ? label : undefined;
    return {
        defaultTrust: 'none',
        keyStore: store,
        ...(single && serverCert
            ? { keyAlias: { value: single, from: { kind: 'file', location: serverCert.location } } }
            : {}),
    };
}
