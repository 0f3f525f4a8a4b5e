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
 * mod_ssl loads SSLCertificateFile (with the chain in the same file) into an SSL_CTX whose cipher string, and its
 * @SECLEVEL, it has already set; a key or signature the level refuses makes httpd log AH02562 and not start (measured
 * with Debian 12's apache2 2.4 and OpenSSL 3.0.19: test/interop/httpd-security-level.test.ts). The level: @SECLEVEL of
 * SSLCipherSuite, else the image's OpenSSL's default (src/model/openssl-level.ts); an SSLCertificateChainFile's
 * certificates are not checked when loaded (src/derive/openssl-levels.ts). A proxy with SSLProxyVerify other than none verifies
 * its backend's chain at its own level (SSLProxyCipherSuite's @SECLEVEL, else the default): a key or signature the
 * level refuses fails every proxied request with 500 and AH02276 'Certificate Verification: Error (68): CA signature
 * digest algorithm too weak' (measured: test/interop/httpd-proxy-level.test.ts).
 */
/** What to re-issue a refused certificate with, and the level that would accept it. */
function fixOf(r) {
    const reissue = (0, security_level_1.reissueOf)(r.refusing[0]?.refusal.reason, r.cert.cert.keyType);
    const lowest = Math.min(...r.refusing.map((x) => x.candidate.level)) - 1;
    return `Re-issue it with ${reissue}, or set @SECLEVEL=${lowest} at the end of SSLCipherSuite to accept it`;
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/security-level-refuses-certificate',
        description: "Report certificates an httpd virtual host loads (SSLCertificateFile) whose key or signature its OpenSSL's security level refuses: httpd does not start; and backend certificates an httpd proxy verifying them (SSLProxyVerify require, optional or optional_no_ca) refuses at its level: every proxied request fails",
        severity: 'error',
        appliesTo: { components: ['httpd.server', 'httpd.proxy'] },
        messages: {
            refused: "httpd does not start: its OpenSSL refuses {{what}} {{dn}} of {{file}} at security level {{level}} ({{origin}}): {{detail}}. httpd logs 'AH02562: Failed to configure certificate … (with chain), check …/{{file}}' and 'SSL Library Error: error:…:SSL routines::{{reason}}', then 'AH00016: Configuration Failed'. {{fix}}",
            levelUnknown: "{{what}} {{dn}} of {{file}} ({{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether httpd starts (AH02562, '{{reason}}') depends on the level its OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}, or re-issue the certificate",
            verifyRefused: "{{client}} verifies the backend's certificate (SSLProxyVerify {{verify}}) at security level {{level}} ({{origin}}), which refuses {{dn}} ({{place}} of the path {{server}} presents): {{detail}}. httpd logs 'AH02276: Certificate Verification: Error ({{error}}' and 'AH02003: SSL Proxy connect failed', and answers every request it proxies there with 500. Re-issue it with {{reissue}}, or set @SECLEVEL={{lower}} at the end of SSLProxyCipherSuite",
            verifyLevelUnknown: "{{client}} verifies the backend's certificate (SSLProxyVerify {{verify}}), and {{dn}} ({{place}} of the path {{server}} presents; {{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether every proxied request fails with 500 (AH02276 'Certificate Verification: Error ({{error}}') depends on the level httpd's OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}",
        },
        options: {},
        symptoms: ['AH02562', 'AH02276', 'ee key too small', 'ca key too small', 'ca md too weak'],
    },
    check(ctx) {
        for (const v of ctx.deployment.derived.levelRefusals.verify)
            if (v.trust.verifier.type === 'httpd.proxy')
                (0, security_level_1.reportVerifyRefusal)(ctx, v, 'httpd');
        for (const r of ctx.deployment.derived.levelRefusals.load) {
            const [first] = r.refusing;
            if (!first || r.component.type !== 'httpd.server')
                continue;
            const what = r.position === 'leaf' ? 'the SSLCertificateFile certificate' : 'the chain certificate';
            const common = {
                what,
                dn: (0, shared_1.certName)(r.cert),
                file: path.basename(r.cert.doc.file.path),
                reason: first.refusal.reason,
                detail: first.refusal.detail,
            };
            const related = [
                { ...(0, shared_1.certLocation)(r.cert), message: (0, phrase_1.said) `${common.dn}: ${first.refusal.detail}` },
                ...(0, security_level_1.levelPlaces)(r.refusing, r.accepting),
            ];
            (0, security_level_1.reportLoadRefusal)(ctx, r, { what, common, refused: { fix: fixOf(r) }, related });
        }
    },
});
