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
exports.componentHomes = componentHomes;
exports.treeCertificates = treeCertificates;
exports.ownCertificate = ownCertificate;
exports.certificateRef = certificateRef;
const path = __importStar(require("node:path"));
const format_1 = require("../parse/keystore/format");
const CONFIG_KIND = /^(mq\.|was\.|liberty\.|jms\.)/;
/**
 * For a file of the tree, the component home that holds it: the nearest directory at or above it (inside the
 * deployment) holding an MQ, WebSphere, Liberty or JMS configuration, with that configuration's first file; else the
 * file's own directory and no configuration. `tlsLessHomes`: directories of Liberty servers that serve no TLS
 * (Deployment.tlsLessHomes): they own their files, but their configuration picks no certificate there.
 * `libertyStoreHomes`: Liberty servers whose every key store the tree resolves (Deployment.libertyStoreHomes): their
 * configuration is the home configuration only of the store files its `<keyStore>` elements name.
 */
function componentHomes(documents, root, tlsLessHomes = [], libertyStoreHomes = []) {
    const libertyStores = new Map(libertyStoreHomes.map((h) => [h.home, new Set(h.files)]));
    // Each directory holding a configuration, with its first such file.
    const configDirs = new Map();
    const tlsLess = new Set(tlsLessHomes);
    for (const d of documents) {
        const dir = path.dirname(d.file.path);
        if (!CONFIG_KIND.test(d.kind) || configDirs.has(dir))
            continue;
        if (!(d.kind.startsWith('liberty.') && tlsLess.has(dir)))
            configDirs.set(dir, d.file.path);
    }
    return (file) => {
        let dir = path.dirname(file);
        for (;;) {
            const homeConfig = configDirs.get(dir);
            if (homeConfig && libertyStores.get(dir)?.has(file) === false)
                return { ownerDir: dir };
            if (homeConfig)
                return { ownerDir: dir, homeConfig };
            if (tlsLess.has(dir))
                return { ownerDir: dir };
            const parent = path.dirname(dir);
            if (parent === dir || !dir.startsWith(root) || dir === root)
                return { ownerDir: path.dirname(file) };
            dir = parent;
        }
    };
}
/** Every certificate in the deployment, each assigned to the component directory that holds it. */
function treeCertificates(documents, root, tlsLessHomes = [], libertyStoreHomes = []) {
    const homeOf = componentHomes(documents, root, tlsLessHomes, libertyStoreHomes);
    const ownerOf = (file) => homeOf(file).ownerDir;
    /** Per owner directory, the PEM file of each private key, by the SHA-256 of its public key. */
    const keysByOwner = new Map();
    for (const doc of documents) {
        if (doc.kind !== 'pem.private-key' && doc.kind !== 'pem.certificate')
            continue;
        const owner = ownerOf(doc.file.path);
        for (const key of doc.data.privateKeys ?? []) {
            if (!key.publicKeySha256)
                continue;
            if (!keysByOwner.has(owner))
                keysByOwner.set(owner, new Map());
            keysByOwner.get(owner).set(key.publicKeySha256, doc.file.path);
        }
    }
    const out = [];
    for (const doc of documents) {
        if ((0, format_1.isKeystoreDocument)(doc)) {
            const { ownerDir, homeConfig } = homeOf(doc.file.path);
            out.push(...storeCertificates(doc, ownerDir, homeConfig));
            continue;
        }
        if (doc.kind !== 'pem.certificate')
            continue;
        const pem = doc;
        const { ownerDir, homeConfig } = homeOf(doc.file.path);
        for (const cert of pem.data.certificates) {
            const keyFile = keysByOwner.get(ownerDir)?.get(cert.publicKeySha256);
            out.push({
                cert,
                doc: pem,
                ownerDir,
                ...(homeConfig ? { homeConfig } : {}),
                hasPrivateKey: keyFile !== undefined,
                ...(keyFile !== undefined ? { privateKeyFile: keyFile } : {}),
            });
        }
    }
    return out;
}
/** The certificates of a key store's entries, in entry order, each chain leaf first. A key entry's leaf has its private key beside it. */
function storeCertificates(doc, ownerDir, homeConfig) {
    return doc.data.entries.flatMap((e) => e.chain.map((cert, chainIndex) => ({
        cert,
        doc,
        ownerDir,
        ...(homeConfig ? { homeConfig } : {}),
        hasPrivateKey: e.entry === 'private-key' && chainIndex === 0,
        store: { alias: e.alias, entry: e.entry, chainIndex, type: doc.data.storeType },
    })));
}
/**
 * The certificate a component presents: in its home directory, the leaf
 * whose file name matches the label, else the leaf with its private key
 * beside it, else the only leaf there.
 */
function ownCertificate(certs, homeDir, label) {
    // A store's trusted certificates and chain members are never a component's own certificate.
    const leaves = certs.filter((c) => c.ownerDir === homeDir && !c.cert.isCa && (!c.store || c.hasPrivateKey));
    if (label) {
        const byAlias = leaves.find((c) => c.store?.alias.toLowerCase() === label.toLowerCase());
        if (byAlias)
            return byAlias;
        const wanted = label.toLowerCase().replace(/[^a-z0-9]/g, '');
        const byName = leaves.find((c) => path
            .basename(c.doc.file.path)
            .toLowerCase()
            .replace(/\.[^.]+$/, '')
            .replace(/[^a-z0-9]/g, '') === wanted);
        if (byName)
            return byName;
    }
    const withKey = leaves.filter((c) => c.hasPrivateKey);
    if (withKey.length === 1)
        return withKey[0];
    return leaves.length === 1 ? leaves[0] : undefined;
}
function certificateRef(c) {
    if (!c)
        return undefined;
    return {
        file: c.doc.file.path,
        keyType: c.cert.keyType === 'Ed25519' ? 'unknown' : c.cert.keyType,
        keyBits: c.cert.keyBits,
        subject: c.cert.subjectText,
        sans: c.cert.dnsNames,
    };
}
