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
const pem_files_1 = require("../_lib/pem-files");
const phrase_1 = require("../../core/phrase");
/**
 * A PEM file a `bind … ssl` loads as a certificate (its `crt`, a file of its crt directory, a line of its crt-list)
 * that holds a certificate and no private key, with no key file beside it: HAProxy looks for the key in
 * `<file>.key` (`ssl-load-extra-files`, default all; `<file without .crt>.key` with `ssl-load-extra-del-ext`; no key
 * file when ssl-load-extra-files names neither `key` nor `all`) and refuses the configuration — "No Private Key found in '<file>.key'", then "Fatal errors found in
 * configuration" (src/ssl_ckch.c ssl_sock_load_files_into_ckch; measured with Debian 12's HAProxy 2.6.12, `haproxy
 * -c`: test/interop/haproxy-crt-directory.test.ts). A CA certificate left in a crt directory does the same. Only what
 * the tree holds decides: a file outside it, an encrypted key (a key, even if HAProxy cannot open it without its
 * passphrase), a line read under `.if` or with placeholders, a placeholder in ssl-load-extra-files are not judged.
 * The key HAProxy finds must be the certificate's (X509_check_private_key, same function: "inconsistencies between
 * private key and certificate loaded '<file>'"): the first key of the file, else of the .key file, is compared with
 * the file's first certificate by the SHA-256 of their public keys. A separate key file is read from HAProxy 2.2 on
 * (ssl-load-extra-files, commit 4c5adbf): a release before it that the tree names refuses a crt file without its key
 * whatever lies beside it ("unable to load SSL private key from PEM file"); when the tree names no release, a key
 * found only in the .key file is said to depend on it (info), not judged.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'haproxy/certificate-without-key',
        description: "Check that every PEM file an HAProxy bind loads as a certificate holds its own private key or has it in a .key file beside it: without it, or with another certificate's key, HAProxy refuses to start",
        severity: 'error',
        appliesTo: { components: ['haproxy.bind'] },
        messages: {
            noKeyBeforeRelease: '{{file}} holds a certificate ({{subject}}) and no private key: {{bind}} loads it as a certificate, and HAProxy {{release}} reads the key from that file only (a separate {{keyFile}} is read from {{since}} on), so it refuses to start ("{{refusal}}"). Append the certificate\'s private key to {{file}}, or run HAProxy {{since}} or later',
            keyFileByRelease: '{{file}} holds a certificate ({{subject}}) and its private key is in {{keyFile}} beside it: HAProxy {{since}} and later read it from there, an earlier release refuses to start ("{{refusal}}"). The tree does not name the HAProxy release: name the haproxy image (Dockerfile FROM haproxy:<version>, Compose image), or append the key to {{file}} so that every release loads it',
            otherKey: "The private key in {{keyFile}} is not the key of the certificate {{bind}} loads from {{file}} ({{subject}}): HAProxy refuses to start (\"inconsistencies between private key and certificate loaded '{{file}}'\", then 'Fatal errors found in configuration'). Put the certificate's own private key there (the key it was issued for: compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`)",
            noKey: "{{file}} holds a certificate ({{subject}}) and no private key, and no {{keyFile}} is beside it: {{bind}} loads it as a certificate, so HAProxy refuses to start (\"No Private Key found in '{{keyFile}}'\", then 'Fatal errors found in configuration'). Append the certificate's private key to {{file}}, or put it in {{keyFile}}; a CA certificate belongs in ca-file, not among the bind's certificates",
        },
        options: {},
        symptoms: [
            'No Private Key found in',
            'inconsistencies between private key and certificate',
            'unable to load SSL private key from PEM file',
        ],
    },
    check(ctx) {
        const { deployment } = ctx;
        const pemByPath = deployment.derived.pemFiles;
        /** The first private key block of a tree PEM file (the one HAProxy reads), when it has one. */
        const keyOf = (file) => pemByPath.get(file)?.data.privateKeys[0];
        for (const component of deployment.components) {
            if (component.type !== 'haproxy.bind')
                continue;
            if (component.attributes.conditional || component.attributes.certificatesUnknown)
                continue;
            for (const { ref, certificates } of deployment.derived.presented.get(component.id) ?? []) {
                const presented = (0, pem_files_1.presentedPemFile)(certificates, pemByPath);
                if (!presented)
                    continue;
                const { file, leaf } = presented;
                const lookup = component.attributes.keyFile;
                if (lookup.name === 'unknown')
                    continue;
                // Where HAProxy reads the key of a file that holds none: `<file>.key`, `<file without .crt>.key` with
                // ssl-load-extra-del-ext, nowhere with ssl-load-extra-files without `key` (measured: haproxy -c 2.6.12).
                const keyFiles = lookup.name === 'none'
                    ? []
                    : [
                        lookup.name === 'extension-replaced' && file.endsWith('.crt')
                            ? `${file.slice(0, -4)}.key`
                            : `${file}.key`,
                    ];
                // HAProxy reads the key from the certificate file, else from a .key file beside it.
                const keyHolder = keyOf(file) ? file : keyFiles.find((k) => keyOf(k));
                const key = keyHolder ? keyOf(keyHolder) : undefined;
                const byRelease = lookup.byRelease;
                const releaseAt = byRelease?.at
                    ? [
                        {
                            ...byRelease.at,
                            message: (0, phrase_1.said) `HAProxy ${byRelease.value ?? ''} runs it (a .key file is read from ${byRelease.since})`,
                        },
                    ]
                    : [];
                const related = [
                    ...(ref.reference ? [{ ...ref.reference, message: (0, phrase_1.said) `${component.name} loads it here` }] : []),
                    ...releaseAt,
                    ...(lookup.at && (lookup.name === 'none' || file.endsWith('.crt'))
                        ? [
                            {
                                ...lookup.at,
                                message: lookup.name === 'none'
                                    ? (0, phrase_1.ours)('no separate key file is read (ssl-load-extra-files without key)')
                                    : (0, phrase_1.ours)('the key file is <name without .crt>.key'),
                            },
                        ]
                        : []),
                    // A crt-list line: the bind that reads the list decides too.
                    ...(ref.reference?.file !== component.location.file
                        ? [{ ...component.location, message: (0, phrase_1.said) `${component.name}, whose crt-list names it` }]
                        : []),
                ];
                const data = {
                    file: path.basename(file),
                    keyFile: path.basename(keyFiles[0] ?? `${file}.key`),
                    subject: leaf.subjectText,
                    bind: component.name,
                    ...(byRelease
                        ? {
                            release: byRelease.value ?? '',
                            since: byRelease.since,
                            refusal: byRelease.refusal.replaceAll('<file>', path.basename(file)),
                        }
                        : {}),
                };
                const fingerprint = [component.id, path.basename(file)];
                if (!key && byRelease?.value !== undefined)
                    ctx.report({
                        messageId: 'noKeyBeforeRelease',
                        data: { ...data, keyFile: path.basename(`${file}.key`) },
                        location: { file, range: leaf.range },
                        related,
                        fingerprint,
                    });
                else if (!key && !keyFiles.some((k) => pemByPath.has(k)))
                    ctx.report({ messageId: 'noKey', data, location: { file, range: leaf.range }, related, fingerprint });
                // An encrypted key's public half is unknown: not judged.
                else if (keyHolder && key?.publicKeySha256 && key.publicKeySha256 !== leaf.publicKeySha256)
                    ctx.report({
                        messageId: 'otherKey',
                        data: { ...data, keyFile: path.basename(keyHolder) },
                        location: { file: keyHolder, range: key.range },
                        related: [{ file, range: leaf.range, message: (0, phrase_1.said) `the certificate (${leaf.subjectText})` }, ...related],
                        fingerprint: [...fingerprint, 'other key'],
                    });
                // Its key only in the .key file and the release unknown: whether HAProxy reads it is open.
                else if (keyHolder && keyHolder !== file && byRelease)
                    ctx.report({
                        messageId: 'keyFileByRelease',
                        data: { ...data, keyFile: path.basename(keyHolder) },
                        location: { file, range: leaf.range },
                        related: [{ file: keyHolder, range: key?.range ?? leaf.range, message: (0, phrase_1.ours)('the key file') }, ...related],
                        fingerprint: [...fingerprint, 'key file'],
                        severity: 'info',
                    });
            }
        }
    },
});
