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
const format_1 = require("../../parse/keystore/format");
const phrase_1 = require("../../core/phrase");
/** What JDK 17's `KeyStore.load` throws when the password fails the store's check (a tiny Java program, 2026-12-04). */
const REFUSAL = {
    PKCS12: 'keystore password was incorrect',
    JKS: 'Keystore was tampered with, or password was incorrect',
    JCEKS: 'Keystore was tampered with, or password was incorrect',
};
/** A PKCS#12 whose certificates are not encrypted: only its MAC checks the password (same program, openssl -certpbe NONE). */
const MAC_REFUSAL = 'Integrity check failed: java.security.UnrecoverableKeyException: Failed PKCS12 integrity checking';
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/store-password-wrong',
        description: "Warn when the password a key or trust store's own setting gives as written does not pass the store's password check (PKCS#12 MAC, JKS/JCEKS digest)",
        severity: 'warning',
        messages: {
            wrong: "{{key}} gives a password that does not open {{type}} store {{store}} (the store's password check fails): the JVM refuses to load it (java.io.IOException: {{refusal}}) and {{consequence}}. Check that {{store}} in the repository is the store deployed and that this is its store password (keytool -list -keystore {{store}} asks for it){{unchecked}}",
        },
        defaultOptions: {},
        symptoms: [
            'keystore password was incorrect',
            'Keystore was tampered with, or password was incorrect',
            'Failed PKCS12 integrity checking',
        ],
    },
    check(ctx) {
        const reported = new Set();
        const report = (doc, wrong) => {
            const { key, macOnly, context, ...location } = wrong;
            const place = `${doc.file.path}\0${location.file}:${location.range?.start.line}`;
            if (reported.has(place))
                return;
            const first = ![...reported].some((r) => r.startsWith(`${doc.file.path}\0`));
            reported.add(place);
            const store = path.basename(doc.file.path);
            ctx.report({
                messageId: 'wrong',
                data: {
                    key,
                    store,
                    type: doc.data.storeType,
                    refusal: (0, phrase_1.ours)(macOnly ? MAC_REFUSAL : (REFUSAL[doc.data.storeType] ?? REFUSAL.PKCS12)),
                    consequence: (0, phrase_1.ours)(named.has(doc.file.path)
                        ? 'the component does not start what uses it (its TLS listener or client)'
                        : // An application's own setting (`mbix.truststore.trustStorePassword`, 0xm8n/test-amq@bf73517): no
                            // component of the model loads the store, so what fails is whatever code reads the setting.
                            'whatever loads it with this setting fails (no component lint-deploy models names the store: the code that reads the setting decides what stops)'),
                    // Another password of the tree may open it here (then its certificates are checked); the runtime still fails.
                    unchecked: (0, phrase_1.ours)(doc.data.readable ? '' : '; until then its certificates are not checked'),
                },
                location,
                related: [{ file: doc.file.path, range: START, message: (0, phrase_1.said) `the store ${store}` }, ...(context ?? [])],
                fingerprint: first
                    ? [doc.file.path, 'store-password-wrong']
                    : [doc.file.path, 'store-password-wrong', location.file, String(location.range?.start.line)],
            });
        };
        const refs = ctx.deployment.components.flatMap((c) => [c.tls?.trust?.keyStore, c.tls?.trust?.trustStore]);
        // The stores a component of the model loads (its TLS listener or client fails with them).
        const named = new Set(refs.flatMap((ref) => (ref?.file ? [ref.file] : [])));
        // A store the run opens with another setting's password (a Quarkus start's variable over the file's setting).
        const opened = new Set(refs.flatMap((ref) => (ref?.passwordOpens && ref.file ? [ref.file] : [])));
        const stores = new Map();
        for (const doc of ctx.deployment.documents) {
            if (!(0, format_1.isKeystoreDocument)(doc))
                continue;
            stores.set(doc.file.path, doc);
            const wrong = doc.data.wrongPassword;
            if (wrong && !opened.has(doc.file.path) && !loadedWithOtherPassword(refs, doc.file.path, wrong))
                report(doc, wrong);
        }
        // Stores the model pairs with their own password setting where no setting name says so (Jetty, WildFly, a Quarkus
        // start's variable).
        for (const ref of refs) {
            const doc = ref?.file ? stores.get(ref.file) : undefined;
            if (doc && ref?.passwordRefused)
                report(doc, ref.passwordRefused);
        }
    },
});
/**
 * Whether every component that names the store loads it with a password set somewhere else than the store's own setting
 * (a Spring start's SERVER_SSL_KEY_STORE_PASSWORD over the file's server.ssl.key-store-password, also one set only at
 * run time): the file's setting is not the password the store is loaded with, so its refusal decides nothing.
 */
function loadedWithOtherPassword(refs, file, own) {
    const naming = refs.filter((ref) => ref?.file === file);
    return (naming.length > 0 &&
        naming.every(({ passwordAt }) => passwordAt !== undefined &&
            (passwordAt.file !== own.file || passwordAt.range?.start.line !== own.range?.start.line)));
}
