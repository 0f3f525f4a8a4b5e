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
const path = __importStar(require("node:path"));
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const stores_1 = require("../../derive/stores");
const ihs_1 = require("../../knowledge/ihs");
/**
 * An IBM HTTP Server virtual host whose `SSLServerCert` names a label its `KeyFile` key database does not hold as a
 * personal certificate. IHS documents the result as a handshake failure, `SSL0206E: Handshake Failed, Key-file label not
 * found` (data/ihs.json `labelNotFound`): every TLS connection to the virtual host fails. Said only when the tree
 * settles which file the key database is (a Compose mount or a Dockerfile copy puts it at the written path, or the
 * written path's every segment ends the file's path) and the file was read with at least one certificate; a label that
 * differs only in case is not judged.
 */
/** Whether the tree file is surely the one the written path names (not a same-named file somewhere else). */
function surelyTheFile(store, serverRoot) {
    if (!store.file)
        return false;
    if (store.mountedAt || store.copiedBy)
        return true;
    const written = store.path.value.trim();
    if (serverRoot && !path.isAbsolute(written) && path.resolve(serverRoot, written) === store.file)
        return true;
    const want = written.split(/[\\/]+/).filter((s) => s && s !== '.');
    const have = store.file.split(path.sep);
    return want.length > 0 && want.every((s, i) => have[have.length - want.length + i] === s);
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'ihs/server-cert-label-missing',
        description: "Check that the certificate label an IBM HTTP Server virtual host's SSLServerCert names is a personal certificate of its KeyFile key database",
        severity: 'error',
        appliesTo: { components: ['ihs.server'] },
        messages: {
            labelMissing: "{{server}} presents the certificate labelled '{{label}}' (SSLServerCert), but its key database {{kdb}} holds no personal certificate with that label{{others}}: every TLS handshake to it fails, and IHS logs '{{ihsSays}}'. Name one of its personal certificates in SSLServerCert, or add the certificate to {{kdb}} under that label",
        },
        options: {},
        symptoms: ['SSL0206E', 'Key-file label not found'],
    },
    check(ctx) {
        const all = ctx.deployment.derived.certificates;
        for (const component of ctx.deployment.components) {
            if (component.type !== 'ihs.server')
                continue;
            const server = component;
            const store = server.tls?.trust?.keyStore;
            const label = server.tls?.trust?.keyAlias?.value;
            const at = server.attributes.serverCert?.location;
            if (!store?.file || !label || !at || !surelyTheFile(store, server.attributes.serverRoot))
                continue;
            // A key database the reader did not read (or an empty one) says nothing about its labels.
            if ((0, stores_1.certificatesInStore)(all, store.file).length === 0)
                continue;
            const personal = (0, stores_1.keyEntries)(all, store.file).map((e) => e.alias);
            if (personal.some((a) => a.toLowerCase() === label.toLowerCase()))
                continue;
            ctx.report({
                messageId: 'labelMissing',
                data: {
                    server: (0, phrase_1.said) `${server.name}`,
                    label: (0, phrase_1.said) `${label}`,
                    kdb: (0, phrase_1.said) `${store.path.value}`,
                    others: personal.length > 0
                        ? (0, phrase_1.said) ` (its personal certificates: ${personal.map((a) => `'${a}'`).join(', ')})`
                        : (0, phrase_1.said) ` (it holds signer certificates only)`,
                    ihsSays: (0, phrase_1.said) `${ihs_1.IHS_LABEL_NOT_FOUND.message}`,
                },
                location: at,
                related: [
                    { file: store.file, message: 'the key database KeyFile names' },
                    ...(store.path.from.kind === 'file' ? [{ ...store.path.from.location, message: 'KeyFile' }] : []),
                    ...(store.mountedAt ? [{ ...store.mountedAt, message: 'mounts it at the KeyFile path' }] : []),
                ],
                fingerprint: [server.id, label],
            });
        }
    },
});
