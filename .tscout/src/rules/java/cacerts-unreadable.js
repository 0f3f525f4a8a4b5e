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
const encrypted_cacerts_1 = require("../_lib/encrypted-cacerts");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * An image that COPYs a PKCS#12 store whose certificates a password encrypts over its JDK's cacerts, while nothing
 * gives the JDK that password: the JDK opens cacerts with -Djavax.net.ssl.trustStorePassword, else with no password,
 * and PKCS12KeyStore then skips the encrypted certificates (openjdk/jdk11u-dev PKCS12KeyStore.engineLoad: "skipping
 * PKCS#7 encryptedData - no password was supplied"). The JDK has no trust anchor: JDK 17.0.15 and 25.0.3 here, a
 * client fails with "the trustAnchors parameter must be non-empty" (keytool's default AES-256 and its legacy RC2-40
 * encryption alike; the same store with the password, or with unencrypted certificates, connects). One finding per
 * copy, naming the components of that image that trust the JDK's cacerts.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/cacerts-unreadable',
        description: "Report an image that copies a password-encrypted PKCS#12 store over its JDK's cacerts without giving the JDK its password: the JDK reads no trust anchor and every TLS client connection of its default trust fails",
        severity: 'error',
        messages: {
            encrypted: 'This copies {{store}} over the JDK\'s cacerts ({{path}}), a PKCS#12 store whose certificates a password encrypts, and nothing in the tree gives {{components}} -D{{property}}: the JDK opens cacerts without a password, skips the encrypted certificates and has no trust anchor, so every TLS connection that trusts its default cacerts fails with "the trustAnchors parameter must be non-empty". Give the store\'s password with -D{{property}}, or copy a JKS store or a PKCS#12 store whose certificates are not encrypted (keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE)',
        },
        defaultOptions: {},
        appliesTo: { documents: ['dockerfile'] },
        symptoms: [
            'java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty',
            'javax.net.ssl.SSLException: Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty',
        ],
    },
    check(ctx) {
        const byCopy = new Map();
        for (const component of ctx.deployment.components) {
            const replaced = component.tls?.trust?.cacertsReplaced;
            if (!replaced || !(0, encrypted_cacerts_1.cacertsWithoutAnchors)(component, ctx.deployment.documents))
                continue;
            const key = `${replaced.at.file}\n${replaced.at.range?.start.line ?? 0}`;
            const entry = byCopy.get(key) ?? { at: replaced.at, file: replaced.file, path: replaced.path, components: [] };
            entry.components.push(component);
            byCopy.set(key, entry);
        }
        for (const { at, file, path: written, components } of byCopy.values()) {
            const names = components.map((c) => c.name);
            const related = [
                { file, message: (0, phrase_1.ours)("this PKCS#12 store's certificates are encrypted with a password") },
                ...components.slice(0, 3).map((c) => ({ ...c.location, message: (0, phrase_1.said) `${c.name} trusts the JDK's cacerts` })),
            ];
            ctx.report({
                messageId: 'encrypted',
                data: {
                    store: path.join(path.basename(path.dirname(file)), path.basename(file)),
                    path: written,
                    components: names.length > 3 ? (0, phrase_1.said) `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '),
                    property: (0, phrase_1.ours)(encrypted_cacerts_1.TRUST_STORE_PASSWORD),
                },
                location: at,
                related,
                fingerprint: [file, written],
            });
        }
    },
});
