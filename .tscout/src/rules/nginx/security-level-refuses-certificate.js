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
const shared_1 = require("../cert/_lib/shared");
const types_1 = require("../types");
const security_level_1 = require("../_lib/security-level");
const phrase_1 = require("../../core/phrase");
/**
 * nginx loads ssl_certificate / proxy_ssl_certificate into an SSL_CTX at its OpenSSL's security level; a key or
 * signature the level refuses makes it log [emerg] and not start (measured with openssl 3.0.19 s_server -cert,
 * sources in openssl-servers.json securityLevels). The level: @SECLEVEL of the cipher directive (nginx 1.21.2+ sets
 * it before loading certificates), else the image's default (Debian's and Ubuntu's builds 2, Alpine's upstream's).
 */
/** What nginx calls on the certificate, as its [emerg] line names it. */
const CALL = { leaf: 'SSL_CTX_use_certificate', chain: 'SSL_CTX_set0_chain' };
function fixOf(r) {
    const [first] = r.refusing;
    const reissue = (0, security_level_1.reissueOf)(first?.refusal.reason, r.cert.cert.keyType);
    const lowest = Math.min(...r.refusing.map((x) => x.candidate.level)) - 1;
    const seclevel = r.level.cipherLevelReachesCertificates?.value === false
        ? ` (@SECLEVEL=${lowest} in ${r.level.directive} does not help: this nginx release loads certificates before its cipher string)`
        : `, or set @SECLEVEL=${lowest} in ${r.level.directive} to accept it`;
    return `Re-issue it with ${reissue}${seclevel}`;
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/security-level-refuses-certificate',
        description: "Report certificates an nginx end loads (ssl_certificate, proxy_ssl_certificate) whose key or signature its OpenSSL's security level refuses: nginx does not start",
        severity: 'error',
        appliesTo: { components: ['nginx.server', 'nginx.proxy'] },
        messages: {
            refused: 'nginx does not start: its OpenSSL refuses {{what}} {{dn}} of {{file}} at security level {{level}} ({{origin}}): {{detail}}. nginx logs \'[emerg] {{call}}("{{written}}") failed (SSL: error:…:SSL routines::{{reason}})\'. {{fix}}',
            verifyRefused: "{{client}} verifies the upstream certificate (proxy_ssl_verify on) at security level {{level}} ({{origin}}), which refuses {{dn}} ({{place}} of the path {{server}} presents): {{detail}}. nginx logs 'upstream SSL certificate verify error: ({{error}}) while SSL handshaking to upstream' and answers 502. Re-issue it with {{reissue}}, or set @SECLEVEL={{lower}} in {{directive}}",
            verifyLevelUnknown: "{{client}} verifies the upstream certificate (proxy_ssl_verify on), and {{dn}} ({{place}} of the path {{server}} presents; {{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether the request fails with 'upstream SSL certificate verify error: ({{error}})' and a 502 depends on the level nginx's OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}",
            levelUnknown: "{{what}} {{dn}} of {{file}} ({{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether nginx starts ('{{reason}}') depends on the level its OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}, or re-issue the certificate",
        },
        options: {},
        symptoms: [
            'ee key too small',
            'ca key too small',
            'ca md too weak',
            'EE certificate key too weak',
            'CA certificate key too weak',
            'CA signature digest algorithm too weak',
        ],
    },
    check(ctx) {
        // httpd's proxies: httpd/security-level-refuses-certificate.
        for (const v of ctx.deployment.derived.levelRefusals.verify)
            if (v.trust.verifier.type === 'nginx.proxy')
                (0, security_level_1.reportVerifyRefusal)(ctx, v, 'nginx');
        for (const r of ctx.deployment.derived.levelRefusals.load) {
            const [first] = r.refusing;
            // httpd's ends: httpd/security-level-refuses-certificate.
            if (!first || !r.component.type.startsWith('nginx.'))
                continue;
            const written = r.ref.file;
            const what = r.position === 'leaf' ? `the ${r.directive} certificate` : `the chain certificate`;
            const common = {
                what,
                dn: (0, shared_1.certName)(r.cert),
                file: path.basename(r.cert.doc.file.path),
                reason: first.refusal.reason,
            };
            const reaches = r.level.cipherLevelReachesCertificates;
            const related = [
                { ...(0, shared_1.certLocation)(r.cert), message: (0, phrase_1.said) `${common.dn}: ${first.refusal.detail}` },
                ...(0, security_level_1.levelPlaces)(r.refusing, r.accepting),
                ...(reaches
                    ? [
                        {
                            ...reaches.at,
                            message: (0, phrase_1.said) `nginx ${reaches.release} ${reaches.value ? (0, phrase_1.ours)('sets') : (0, phrase_1.ours)('does not set')} ${r.level.directive} before loading certificates`,
                        },
                    ]
                    : []),
            ];
            (0, security_level_1.reportLoadRefusal)(ctx, r, {
                what,
                common,
                refused: { detail: first.refusal.detail, call: CALL[r.position], written, fix: fixOf(r) },
                related,
            });
        }
    },
});
