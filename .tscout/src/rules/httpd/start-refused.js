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
/** `a/b/c` → its segments. */
const segments = (p) => p.split(/[\\/]+/).filter((s) => s && s !== '.');
/**
 * The tree file of a key path written beside a certificate path the tree resolves: the written certificate's
 * directories that the tree file does not share map to the tree file's (`/usr/local/apache2/conf/ssl/a.crt` found at
 * `httpd/conf/ssl/a.crt`: `/usr/local/apache2/conf/ssl/a.key` is `httpd/conf/ssl/a.key`). Undefined for a key outside
 * the mapped directory (another mount, another deployment's file of the same name).
 */
function keyFileBeside(certificateWritten, certificateFile, keyWritten) {
    if (path.isAbsolute(certificateWritten) !== path.isAbsolute(keyWritten))
        return undefined;
    const written = segments(certificateWritten);
    const found = segments(certificateFile);
    let shared = 0;
    while (shared < written.length && shared < found.length && written.at(-1 - shared) === found.at(-1 - shared))
        shared++;
    const writtenHome = written.slice(0, written.length - shared);
    const key = segments(keyWritten);
    if (shared === 0 || writtenHome.some((s, i) => key[i] !== s))
        return undefined;
    const foundHome = certificateFile.slice(0, certificateFile.length - found.slice(-shared).join(path.sep).length);
    return path.join(foundHome, ...key.slice(writtenHome.length));
}
/**
 * mod_ssl lines httpd takes when it reads its configuration (`apachectl configtest` says Syntax OK) and refuses when
 * it starts, in src/model/httpd-start.ts: an SSLProtocol / SSLProxyProtocol line that leaves no protocol (AH02231),
 * an SSLCipherSuite / SSLProxyCipherSuite string that selects no cipher (AH01898); and, when both PEM files are in the
 * tree, a certificate with another key (AH02565) or a key file with no private key in it (AH02564). Apart from httpd/directive-refused,
 * whose lines configtest already rejects: these pass every check before the restart that takes the server down.
 */
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'httpd/start-refused',
        description: 'Report mod_ssl lines apachectl configtest passes and httpd refuses at start (a protocol line that leaves no protocol, a cipher string that selects no cipher, a certificate with another key or with none): httpd does not start',
        severity: 'error',
        appliesTo: { documents: ['httpd.conf'], components: ['httpd.server'] },
        messages: {
            refused: '{{directive}} {{written}} in {{server}}: {{why}}. apachectl configtest says Syntax OK, but httpd stops when mod_ssl sets up this SSL context ("{{code}}: {{httpdSays}}", then "AH02312: Fatal error initialising mod_ssl, exiting"), so none of the sites of this configuration runs',
            keyMismatch: "{{keyFile}} is not the private key of {{certificate}}, the certificate mod_ssl loads it with in {{server}}: apachectl configtest says Syntax OK, but httpd does not start (\"AH02565: Certificate and private key … from …{{certificate}} and …{{keyFile}} do not match\"). Point SSLCertificateKeyFile at the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`), or the certificate at the one issued for this key; a virtual host's lines replace the main server's index by index, so its certificate takes the main server's key when it names none",
            noKey: '{{keyFile}}, read for the private key of {{certificate}} in {{server}} ({{named}}), holds no private key: apachectl configtest says Syntax OK, but httpd does not start ("AH02564: Failed to configure encrypted (?) private key … check …{{keyFile}}"). Point SSLCertificateKeyFile at the file with the key',
        },
        options: {},
        symptoms: [
            'AH02565',
            'do not match',
            'AH02564',
            'AH02231',
            'No SSL protocols available',
            'AH01898',
            'Unable to configure permitted SSL ciphers',
            'no cipher match',
        ],
    },
    check(ctx) {
        for (const refused of ctx.deployment.httpdStartRefusals ?? [])
            ctx.report({
                messageId: 'refused',
                data: {
                    directive: refused.directive,
                    written: refused.written,
                    server: refused.server,
                    why: refused.why,
                    code: refused.code,
                    httpdSays: refused.httpdSays,
                },
                location: refused.at,
                ...(refused.openssl
                    ? {
                        related: [
                            {
                                ...refused.openssl.at,
                                message: (0, phrase_1.said) `${refused.openssl.via} runs OpenSSL ${refused.openssl.release}`,
                            },
                        ],
                    }
                    : {}),
                fingerprint: [refused.server, refused.directive, refused.code],
            });
        // A certificate and the key file mod_ssl reads with it, both PEM files of the tree: another key, or no key.
        const pemByPath = ctx.deployment.derived.pemFiles;
        const seen = new Set();
        for (const component of ctx.deployment.components) {
            if (component.type !== 'httpd.server')
                continue;
            const named = ctx.deployment.derived.presented.get(component.id) ?? [];
            for (const pair of component.attributes.certificatePairs ?? []) {
                const place = [pair.certificate.location, pair.key?.location]
                    .map((l) => `${l?.file}:${l?.range?.start.line}`)
                    .join('\u0000');
                const found = named.find((n) => n.ref.reference && (0, types_1.sameStart)(n.ref.reference, pair.certificate.location));
                const presented = found && (0, pem_files_1.presentedPemFile)(found.certificates, pemByPath);
                if (!presented || seen.has(place))
                    continue;
                const keyFile = pair.key
                    ? keyFileBeside(pair.certificate.value, presented.file, pair.key.value)
                    : presented.file;
                const keyPem = keyFile ? pemByPath.get(keyFile)?.data : undefined;
                if (!keyFile || !keyPem)
                    continue;
                const key = keyPem.privateKeys[0];
                const data = {
                    certificate: path.basename(presented.file),
                    keyFile: path.basename(keyFile),
                    server: component.name,
                };
                const certificateAt = {
                    file: presented.file,
                    range: presented.leaf.range,
                    message: (0, phrase_1.said) `the certificate (${presented.leaf.subjectText})`,
                };
                if (!key && keyPem.certificates.length > 0) {
                    seen.add(place);
                    ctx.report({
                        messageId: 'noKey',
                        data: {
                            ...data,
                            named: pair.key
                                ? (0, phrase_1.ours)('the SSLCertificateKeyFile')
                                : (0, phrase_1.ours)('no SSLCertificateKeyFile: the certificate file'),
                        },
                        location: (pair.key ?? pair.certificate).location,
                        related: [certificateAt],
                        fingerprint: [component.id, keyFile, 'no key'],
                    });
                }
                else if (key?.publicKeySha256 && key.publicKeySha256 !== presented.leaf.publicKeySha256) {
                    seen.add(place);
                    ctx.report({
                        messageId: 'keyMismatch',
                        data,
                        location: (pair.key ?? pair.certificate).location,
                        related: [{ file: keyFile, range: key.range, message: (0, phrase_1.ours)('the private key it names') }, certificateAt],
                        fingerprint: [component.id, keyFile, 'mismatch'],
                    });
                }
            }
        }
    },
});
