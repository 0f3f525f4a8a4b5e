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
/**
 * A java.security of the tree that becomes the JDK's whole file (a Dockerfile COPY over the image JDK's own, or
 * -Djava.security.properties==file) and names no security.provider.1. The JDK reads its providers from
 * security.provider.1 up to the first missing number (sun.security.jca.ProviderList), so it has none: JDK 17.0.15
 * and 25.0.3 here, a client's SSLSocketFactory.getDefault() socket fails with "java.net.SocketException:
 * java.security.NoSuchAlgorithmException: Default SSLContext not available" — also when only .1 is missing, and
 * the same file loaded with a single `=` (added to the JDK's own) connects. The model sets it only where no other
 * -Djava.security.properties (known or not) may bring the providers back (model/image-security.ts, jvm-runtime.ts).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/security-file-without-providers',
        description: 'Report a java.security that replaces the JDK\'s whole file and names no security.provider.1: the JDK has no security provider, and TLS fails with "Default SSLContext not available"',
        severity: 'error',
        messages: {
            noProviders: "This makes {{file}} the whole java.security of the JDK that runs {{components}}, and it names no security.provider.1: the JDK reads its providers from security.provider.1 up to the first missing number, so it has none, and every TLS connection fails with \"java.security.NoSuchAlgorithmException: Default SSLContext not available\" (so does every digest, signature and cipher the JVM asks for). Keep the JDK's own security.provider.N lines in the file, or put only the properties to change in a file loaded with -Djava.security.properties=<file> (one '='), which adds to the JDK's java.security",
        },
        defaultOptions: {},
        symptoms: [
            'java.security.NoSuchAlgorithmException: Default SSLContext not available',
            'java.net.SocketException: java.security.NoSuchAlgorithmException: Default SSLContext not available',
        ],
    },
    check(ctx) {
        const byFile = new Map();
        for (const component of ctx.deployment.components) {
            const missing = component.runtime?.withoutProviders;
            if (!missing)
                continue;
            const key = `${missing.at.file}\n${missing.at.range?.start.line ?? 0}\n${missing.file}`;
            const entry = byFile.get(key) ?? { ...missing, components: [] };
            entry.components.push(component);
            byFile.set(key, entry);
        }
        for (const { at, file, components } of byFile.values()) {
            const names = components.map((c) => c.name);
            const location = { file: at.file, ...(at.range && { range: at.range }) };
            ctx.report({
                messageId: 'noProviders',
                data: {
                    file: path.join(path.basename(path.dirname(file)), path.basename(file)),
                    components: names.length > 3 ? (0, phrase_1.said) `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '),
                },
                location,
                related: [
                    { file, message: (0, phrase_1.ours)('this java.security names no security.provider.1') },
                    ...components.slice(0, 3).map((c) => ({ ...c.location, message: (0, phrase_1.said) `${c.name} runs on that JDK` })),
                ],
                fingerprint: [file, location.file],
            });
        }
    },
});
