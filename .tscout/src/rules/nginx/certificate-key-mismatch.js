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
const types_1 = require("../../core/types");
const types_2 = require("../types");
const pem_files_1 = require("../_lib/pem-files");
const phrase_1 = require("../../core/phrase");
/**
 * An `ssl_certificate_key` whose key is not the key of the `ssl_certificate` in the same place (nginx pairs them by
 * order: ngx_ssl_certificates), so nginx refuses to start: `[emerg] SSL_CTX_use_PrivateKey("…") failed (SSL: …
 * key values mismatch)` (measured with Debian 12's nginx 1.22.1, `nginx -t`). The certificate is the tree PEM file its
 * `ssl_certificate` resolves to (derive's presented certificates), its first certificate the one nginx uses; the key
 * is the file of the key's name in that same directory (certificates and keys are deployed together), its first key
 * block, compared by the SHA-256 of the public key. A key file that is a PEM file without any key block (the
 * certificate named twice) fails earlier: `[emerg] cannot load certificate key "…": PEM_read_bio_PrivateKey() failed`.
 * Not judged: a key outside that directory (another file of the same
 * name elsewhere in the tree may be another deployment's), a path with variables (loaded per handshake, nginx
 * 1.15.9+), `data:` and `engine:` keys, an encrypted key (its public half is unknown without the passphrase).
 */
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'nginx/certificate-key-mismatch',
        description: "Check that every nginx ssl_certificate_key is the key of the ssl_certificate it goes with: another certificate's key stops nginx from starting",
        severity: 'error',
        appliesTo: { components: ['nginx.server'] },
        messages: {
            noKeyInFile: '{{keyFile}}, the ssl_certificate_key of {{certificateFile}} in {{server}}, holds no private key ({{holds}}): nginx refuses to start ([emerg] cannot load certificate key "{{keyWritten}}": PEM_read_bio_PrivateKey() failed). Point ssl_certificate_key at the file with the private key the certificate was issued for',
            mismatch: '{{keyFile}} is not the private key of {{certificateFile}} ({{subject}}), the ssl_certificate it goes with in {{server}}: nginx refuses to start ([emerg] SSL_CTX_use_PrivateKey("{{keyWritten}}") failed (SSL: … key values mismatch)). Point ssl_certificate_key at the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`), or the certificate at the one issued for this key',
        },
        options: {},
        symptoms: ['key values mismatch', 'SSL_CTX_use_PrivateKey'],
    },
    check(ctx) {
        const { deployment } = ctx;
        const pemByPath = deployment.derived.pemFiles;
        for (const component of deployment.components) {
            if (component.type !== 'nginx.server')
                continue;
            const keys = component.attributes.certificateKeys ?? [];
            const named = deployment.derived.presented.get(component.id) ?? [];
            named.forEach(({ ref, certificates }, index) => {
                const keyRef = keys[index];
                const presented = (0, pem_files_1.presentedPemFile)(certificates, pemByPath);
                if (!keyRef || !presented || /\$|^(data|engine):/.test(keyRef.file))
                    return;
                const { file: certificateFile, leaf } = presented;
                const keyFile = path.join(path.dirname(certificateFile), path.posix.basename(keyRef.file));
                const keyPem = pemByPath.get(keyFile)?.data;
                const key = keyPem?.privateKeys[0];
                const data = {
                    keyFile: path.basename(keyFile),
                    certificateFile: path.basename(certificateFile),
                    subject: leaf.subjectText,
                    server: component.name,
                    keyWritten: keyRef.file,
                };
                const related = ref.reference ? [{ ...ref.reference, message: (0, phrase_1.ours)('the ssl_certificate it goes with') }] : [];
                // A PEM file with certificates (or DH parameters) and no key block: nothing for PEM_read_bio_PrivateKey.
                if (keyPem && !key) {
                    const holds = keyPem.certificates.length > 0 ? 'only certificates' : 'no key block';
                    ctx.report({
                        messageId: 'noKeyInFile',
                        data: { ...data, holds },
                        location: keyRef.reference,
                        related: [
                            {
                                file: keyFile,
                                range: keyPem.certificates[0]?.range ?? (0, types_1.range)(0, 0, 0, 0),
                                message: (0, phrase_1.ours)('the file it names: no private key block in it'),
                            },
                            ...related,
                        ],
                        fingerprint: [component.id, keyRef.file, 'no key'],
                    });
                    return;
                }
                if (!key?.publicKeySha256 || key.publicKeySha256 === leaf.publicKeySha256)
                    return;
                ctx.report({
                    messageId: 'mismatch',
                    data,
                    location: keyRef.reference,
                    related: [
                        { file: keyFile, range: key.range, message: (0, phrase_1.ours)('the private key it names') },
                        { file: certificateFile, range: leaf.range, message: (0, phrase_1.said) `the certificate (${leaf.subjectText})` },
                        ...related,
                    ],
                    fingerprint: [component.id, keyRef.file],
                });
            });
        }
    },
});
