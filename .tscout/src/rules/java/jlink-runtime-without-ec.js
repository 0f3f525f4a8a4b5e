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
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A Java runtime a Dockerfile builds with jlink without the module of the elliptic-curve provider (SunEC: jdk.crypto.ec
 * on JDK 9 to 21; knowledge jdk-locations.json jlinkEcProvider). It offers no ECDHE or ECDSA suite and no EC group, so a
 * peer that accepts only those fails the handshake: checked here with a jlinked JDK 17 against openssl s_server (EC
 * groups only, ECDHE-only TLS 1.2 ciphers, a P-256 certificate: handshake_failure; OpenSSL's default, which also offers
 * ffdhe groups and DHE suites, connects). Which peers the application calls is mostly outside the tree, so this is a
 * warning about the runtime; links to servers of the tree are predicted without EC (JavaRuntime.withoutEcProvider,
 * src/handshake/elliptic-curves.ts). Real cases: adoptium/containers#520 (jdeps-built module list),
 * kruize/kruize#31, networknt/light-codegen#433.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/jlink-runtime-without-ec',
        description: 'Report a jlink runtime of a Dockerfile that leaves out the elliptic-curve provider module (jdk.crypto.ec, JDK 9 to 21): its TLS has no ECDHE or ECDSA suite and no X25519/P-256 group, and peers that accept only those fail with handshake_failure',
        severity: 'warning',
        messages: {
            withoutEc: "jlink builds the runtime {{output}}{{copied}} from {{jdk}} with the modules {{modules}}, without {{module}}: it has no elliptic-curve cryptography (the SunEC provider), so its TLS offers no ECDHE or ECDSA cipher suite and no X25519 or P-256 group, and it cannot use an EC key. A server that accepts only those (ECDHE-only TLS 1.2 ciphers, TLS 1.3 limited to EC groups as nginx's `ssl_ecdh_curve X25519:prime256v1` and most public HTTPS endpoints are, or an EC certificate) fails the handshake with handshake_failure. Add {{module}} to --add-modules, or use --bind-services",
            withoutEcUnknownJdk: 'jlink builds the runtime {{output}}{{copied}} with the modules {{modules}}, without {{module}}, from a JDK the tree does not name: if it is JDK {{from}} to {{lastWithModule}}, the runtime has no elliptic-curve cryptography (the SunEC provider; java.base holds it from JDK {{inJavaBase}}), so its TLS offers no ECDHE or ECDSA cipher suite and no X25519 or P-256 group, and a server that accepts only those (or presents an EC certificate) fails the handshake with handshake_failure. Add {{module}} to --add-modules, or use --bind-services',
        },
        defaultOptions: {},
        appliesTo: { documents: ['dockerfile'] },
        symptoms: [
            'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
            'javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
        ],
    },
    check(ctx) {
        const ec = (0, knowledge_1.jlinkEcProvider)();
        for (const runtime of ctx.deployment.jlinkRuntimes ?? []) {
            if (!runtime.withoutEcProvider)
                continue;
            const { jdk } = runtime;
            const known = runtime.withoutEcProvider === 'absent';
            ctx.report({
                messageId: known ? 'withoutEc' : 'withoutEcUnknownJdk',
                severity: known ? undefined : 'info',
                data: {
                    output: runtime.output,
                    copied: runtime.copy ? (0, phrase_1.said) ` (the running image copies it at line ${runtime.copy.line})` : '',
                    jdk: jdk ? (0, knowledge_1.describeJdk)(jdk.vendor, jdk.version ?? jdk.feature ?? '') : '',
                    modules: moduleList(runtime),
                    module: ec.module,
                    from: ec.fromFeature,
                    lastWithModule: ec.inJavaBaseFromFeature - 1,
                    inJavaBase: ec.inJavaBaseFromFeature,
                },
                location: { file: runtime.file, range: runtime.range },
                related: runtime.copy
                    ? [
                        {
                            file: runtime.file,
                            range: runtime.copy.range,
                            message: (0, phrase_1.ours)('the running image copies the runtime here'),
                        },
                    ]
                    : undefined,
                fingerprint: [path.basename(runtime.file), runtime.output],
            });
        }
    },
});
/** The modules as the command gives them: named, and jdeps's output. */
function moduleList(runtime) {
    const named = runtime.modules?.length ? runtime.modules.join(',') : '';
    if (!runtime.fromJdeps)
        return named;
    const jdeps = "jdeps's output (the modules the code refers to; no code refers to a provider)";
    return named ? `${named} and ${jdeps}` : jdeps;
}
