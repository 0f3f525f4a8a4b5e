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
const openssl_security_level_1 = require("../../knowledge/openssl-security-level");
const openssl_1 = require("../../knowledge/openssl");
const types_1 = require("../types");
const security_level_1 = require("../_lib/security-level");
const phrase_1 = require("../../core/phrase");
/**
 * nginx sets ssl_dhparam with SSL_CTX_set_tmp_dh after its cipher string (every release), so at the level @SECLEVEL
 * sets, else the image's default; parameters whose prime is below the level's size make it log [emerg] and not start
 * (measured with openssl 3.0.19 s_server -dhparam: 1024 bits refused at level 2, 'dh key too small').
 */
const segments = (p) => p.split(/[\\/]+/).filter((s) => s && s !== '.');
/**
 * The tree's DH parameter file a written path names: of those with its file name, the one sharing the longest path
 * tail (`/etc/nginx/ssl/dhparam.pem` → `gw/ssl/dhparam.pem`), then the one nearest to the configuration.
 */
function named(files, written, from) {
    const want = segments(written);
    const near = segments(path.dirname(from));
    const score = (d) => {
        const have = segments(d.file.path);
        let tail = 0;
        while (tail < want.length && tail < have.length && want[want.length - 1 - tail] === have[have.length - 1 - tail])
            tail++;
        let head = 0;
        while (head < near.length && head < have.length && near[head] === have[head])
            head++;
        return { tail, head };
    };
    let best;
    for (const doc of files) {
        const { tail, head } = score(doc);
        if (tail > 0 && (!best || tail > best.tail || (tail === best.tail && head > best.head)))
            best = { doc, tail, head };
    }
    return best?.doc;
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/security-level-refuses-dh-parameters',
        description: "Report ssl_dhparam files whose DH parameters the security level of nginx's OpenSSL refuses: nginx does not start",
        severity: 'error',
        appliesTo: { components: ['nginx.server'] },
        messages: {
            refused: 'nginx does not start: its OpenSSL refuses the ssl_dhparam file {{file}} at security level {{level}} ({{origin}}): {{detail}}. nginx logs \'[emerg] SSL_CTX_set_tmp_dh("{{written}}") failed (SSL: error:0A00018A:SSL routines::dh key too small)\'. Generate 2048-bit parameters (openssl dhparam -out {{file}} 2048), or drop ssl_dhparam (nginx then negotiates no DHE suite; ECDHE ones remain)',
            levelUnknown: "The ssl_dhparam file {{file}} ({{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether nginx starts ('dh key too small') depends on the level its OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}, or generate 2048-bit parameters",
        },
        options: {},
        symptoms: ['dh key too small'],
    },
    check(ctx) {
        const files = ctx.deployment.documents.filter((d) => d.kind === 'pem.dh-parameters');
        if (files.length === 0)
            return;
        const judged = new Set();
        for (const c of ctx.deployment.components) {
            if (c.type !== 'nginx.server')
                continue;
            const { dhParameters, securityLevel, openssl } = c.attributes;
            const facts = openssl ? (0, openssl_1.opensslSeriesOf)(openssl.series) : undefined;
            if (!dhParameters || !securityLevel || !facts)
                continue;
            // Several server blocks inherit one http-level ssl_dhparam: judged once.
            const at = `${dhParameters.location.file}:${dhParameters.location.range?.start.line ?? 0}`;
            if (judged.has(at))
                continue;
            judged.add(at);
            const doc = named(files, dhParameters.file, dhParameters.location.file);
            const block = doc?.data.dhParameters?.[0];
            if (!doc || block?.bits === undefined)
                continue;
            const bits = block.bits;
            const refusing = securityLevel.handshake.flatMap((candidate) => {
                const refusal = (0, openssl_security_level_1.dhLevelRefusal)(facts, candidate.level, bits);
                return refusal ? [{ candidate, refusal }] : [];
            });
            const [first] = refusing;
            if (!first)
                continue;
            const accepting = securityLevel.handshake.filter((x) => !refusing.some((r) => r.candidate === x));
            const related = [
                { file: doc.file.path, range: block.range, message: first.refusal.detail },
                ...refusing.flatMap(({ candidate }) => candidate.at
                    ? [{ ...candidate.at, message: (0, phrase_1.said) `security level ${candidate.level}: ${candidate.origin}` }]
                    : []),
            ];
            const common = { file: path.basename(doc.file.path), detail: first.refusal.detail };
            const fingerprint = [doc.file.path, String(bits), c.id];
            if (accepting.length === 0)
                ctx.report({
                    messageId: 'refused',
                    data: {
                        ...common,
                        ...(0, security_level_1.levelRefusedData)(refusing),
                        written: dhParameters.file,
                    },
                    location: dhParameters.location,
                    related,
                    fingerprint,
                });
            else
                ctx.report({
                    messageId: 'levelUnknown',
                    severity: 'info',
                    data: { ...common, ...(0, security_level_1.levelSpreadData)(refusing, accepting, securityLevel.unsettled) },
                    location: dhParameters.location,
                    related,
                    fingerprint,
                });
        }
    },
});
