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
exports.libertyKeyStoresUnreferenced = libertyKeyStoresUnreferenced;
exports.libertyStoreHomes = libertyStoreHomes;
/**
 * Liberty `<keyStore>` elements nothing refers to (UnservedWhy `liberty-keystore-unreferenced`). A key store is used
 * only through a reference to its id: an `<ssl keyStoreRef|trustStoreRef>`, or another element's `…Ref` attribute
 * (jwtBuilder keyStoreRef, openidConnectClient trustStoreRef…); `defaultKeyStore` is the one Liberty builds its
 * default SSL configuration, defaultSSLConfig, around (https://openliberty.io/docs/latest/reference/config/keyStore.html,
 * https://openliberty.io/docs/latest/reference/config/ssl.html: "trustStoreRef … If unspecified, the same keystore is
 * used for both key and trusted certificate entries"). msolberg/was-demo@bba6513 liberty/config/server.xml defines
 * validationKeystore beside an ssl on defaultKeyStore: its expired 1024-bit DSA certificate is sent to no one.
 */
const path = __importStar(require("node:path"));
const liberty_features_1 = require("../knowledge/liberty-features");
const liberty_config_1 = require("./liberty-config");
const liberty_stores_1 = require("./liberty-stores");
const liberty_tls_1 = require("./liberty-tls");
const paths_1 = require("./paths");
/** The key store Liberty's default SSL configuration (defaultSSLConfig) is built on without any reference to it. */
const DEFAULT_KEY_STORE = 'defaultKeyStore';
/**
 * The ids the configuration refers to, as tokens of any attribute of an element other than a `<keyStore>`; undefined
 * when a `…Ref` attribute is a variable (it may name any key store). A `<keyStore>` nested in another element is that
 * element's own and counts as referred to.
 */
function referencedIds(config) {
    const ids = new Set([DEFAULT_KEY_STORE]);
    for (const element of config.data.xml.elements) {
        if (element.localName === 'keyStore') {
            const id = element.attributes.find((a) => a.name === 'id')?.value;
            if (id && element.parent && element.parent.localName !== 'server')
                ids.add(id);
            continue;
        }
        for (const a of element.attributes) {
            if (/ref$/i.test(a.name) && a.value.includes('${'))
                return undefined;
            for (const token of a.value.split(/[\s,]+/))
                if (token)
                    ids.add(token);
        }
    }
    return ids;
}
/**
 * Whether the tree settles everything that could refer to a key store: every include resolved and held, every feature
 * an Open Liberty one the knowledge lists (a feature it does not know, such as WebSphere Liberty ND's collective
 * features, may look key stores up by id).
 */
function settled(config) {
    if (config.unresolvedIncludes.length > 0 || config.missingIncludes.length > 0)
        return false;
    return config.data.features.every((f) => !f.includes('${') && (0, liberty_features_1.libertyFeatureSsl)(f).ssl !== 'unknown');
}
/** Each key store of a Liberty server serving TLS that nothing refers to, when the tree settles the server's configuration. */
function libertyKeyStoresUnreferenced(ctx, stores) {
    const tls = (0, liberty_tls_1.libertyTlsOf)(ctx);
    return (0, liberty_config_1.libertyServersOf)(ctx).flatMap((config) => {
        const file = config.root.file.path;
        if (tls.get(file)?.state !== 'enabled' || !settled(config))
            return [];
        const referenced = referencedIds(config);
        if (!referenced)
            return [];
        // The last element of an id wins (Liberty merges elements of one id).
        const byId = new Map();
        for (const k of config.data.keyStores)
            if (k.attrs.id)
                byId.set(k.attrs.id.value, k.element);
        return [...byId].flatMap(([id, element]) => {
            if (referenced.has(id))
                return [];
            const store = (0, liberty_stores_1.libertyStoreOf)(config, id, stores);
            if (!store?.file)
                return [];
            return [
                {
                    server: `Liberty server ${(0, paths_1.relativePosix)(ctx.deployment.root, file)}`,
                    why: {
                        kind: 'liberty-keystore-unreferenced',
                        id,
                        at: { file: config.fileOf(element), range: element.range },
                    },
                    stores: [{ ...store, setting: `<keyStore id="${id}">` }],
                },
            ];
        });
    });
}
/**
 * Each Liberty server serving TLS whose every include the tree holds and every `<keyStore>` location it resolves, with
 * the store files they name (and Liberty's default key store when the tree holds it): Liberty opens no other store, so
 * another one lying in its directory is not its own (Deployment.libertyStoreHomes).
 */
function libertyStoreHomes(ctx, stores) {
    const tls = (0, liberty_tls_1.libertyTlsOf)(ctx);
    return (0, liberty_config_1.libertyServersOf)(ctx).flatMap((config) => {
        const file = config.root.file.path;
        if (tls.get(file)?.state !== 'enabled')
            return [];
        if (config.unresolvedIncludes.length > 0 || config.missingIncludes.length > 0)
            return [];
        const ids = new Set([DEFAULT_KEY_STORE, ...config.data.keyStores.flatMap((k) => k.attrs.id?.value ?? [])]);
        const refs = [...ids].map((id) => (0, liberty_stores_1.libertyStoreOf)(config, id, stores));
        // A location a variable nothing sets still holds `${…}`: it may be any file.
        if (refs.some((ref) => ref && !ref.file && ref.path.value.includes('${')))
            return [];
        return [{ home: path.dirname(file), files: refs.flatMap((ref) => ref?.file ?? []) }];
    });
}
