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
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/expires-soon',
        description: 'Warn about certificates that expire within the configured number of days',
        severity: 'warning',
        messages: {
            soon: 'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days): renew it before handshakes start failing with certificate_expired / AMQ9633',
            soonUnnamed: 'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days), but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template): if something presents it, renew it before handshakes start failing with certificate_expired / AMQ9633',
            soonNotServed: 'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days), but no handshake the tree shows uses it: {{why}}. Renew it before TLS is turned on there',
        },
        options: {
            days: {
                type: 'integer',
                minimum: 1,
                default: 30,
                description: 'Warn when a certificate expires within this many days',
            },
            referenceDate: {
                type: 'string',
                description: 'Date (ISO 8601, e.g. 2026-01-31) to judge validity at instead of today: for reproducible CI runs',
            },
        },
        symptoms: ['certificate_expired', 'AMQ9633'],
    },
    check(ctx) {
        const now = (0, shared_1.referenceNow)(ctx.options.referenceDate);
        const threshold = ctx.options.days;
        for (const c of (0, shared_1.certificatesOf)(ctx.deployment)) {
            if (!(0, shared_1.datesMatter)(c))
                continue;
            const left = (c.cert.notAfter.getTime() - now.getTime()) / shared_1.DAY_MS;
            if (left < 0 || left > threshold || c.cert.notBefore > now)
                continue;
            // Named by no component (test data, a copy left behind), or only by servers that serve no TLS: an info.
            const found = (0, shared_1.certificateUse)(ctx.deployment, c);
            // A key entry no setting selects is still in a store in use: warned about as before.
            const use = found.use === 'other-alias' ? { use: 'named', by: found.by } : found;
            const notServed = use.use === 'not-served' ? (0, shared_1.notServedWhy)(c, use.by) : undefined;
            const related = [
                ...((0, shared_1.storeRelated)(c).related ?? []),
                ...(use.use === 'named' ? use.by : []),
                ...(notServed?.related ?? []),
            ];
            ctx.report({
                messageId: use.use === 'named' ? 'soon' : notServed ? 'soonNotServed' : 'soonUnnamed',
                data: {
                    dn: (0, shared_1.certName)(c),
                    date: c.cert.notAfter.toISOString().slice(0, 10),
                    left: left < 1
                        ? (0, phrase_1.ours)('in less than a day')
                        : (0, phrase_1.said) `in ${Math.floor(left)} day${Math.floor(left) === 1 ? '' : (0, phrase_1.ours)('s')}`,
                    threshold,
                    file: path.basename(c.doc.file.path),
                    why: notServed?.why ?? '',
                },
                location: (0, shared_1.certLocation)(c),
                ...(related.length > 0 ? { related } : {}),
                ...(use.use === 'named' ? {} : { severity: 'info' }),
                fingerprint: [c.cert.fingerprintSha256, 'expires-soon', ...(0, shared_1.storeFingerprint)(c)],
            });
        }
    },
});
