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
const test_fixture_dirs_1 = require("../../core/test-fixture-dirs");
const paths_1 = require("../../model/paths");
const phrase_1 = require("../../core/phrase");
const copies_1 = require("./_lib/copies");
const shared_1 = require("./_lib/shared");
/** Which copy of a certificate is said: one a peer is sent or trusts, then one some setting names, then the rest. */
const MOST_USED_FIRST = [
    'weak',
    'weakNotServed',
    'weakNamedUnread',
    'weakNamedByTests',
    'weakOtherAlias',
    'weakUnnamed',
];
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/weak-key',
        description: 'Report certificates whose public key is too small (RSA/DSA below the minimum bits, EC below 256 bits)',
        severity: 'warning',
        messages: {
            weak: "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). OpenSSL at security level 2 (Debian's and Ubuntu's builds) refuses RSA keys under 2048 bits ('ee key too small'), MQ refuses keys under qm.ini MinimumRSAKeySize, and NIST SP 800-131A has disallowed them since 2014; JDKs refuse only RSA and DSA keys under 1024 bits and EC keys under 224 (jdk.certpath.disabledAlgorithms). Re-issue it with a stronger key",
            weakUnnamed: 'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template). Re-issue it with a stronger key before anything presents or trusts it, or remove it if nothing does (test data, a copy left behind)',
            weakNamedUnread: "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). The setting {{setting}} names {{file}}, but no server or client lint-deploy reads takes that setting (a library's or the app's own TLS settings), so whether a peer is ever sent this certificate the tree does not show. Re-issue it with a stronger key, or remove it if nothing uses it",
            weakNamedByTests: "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). Only the tests' configuration names {{file}}: {{setting}} in {{config}}, in the resources of a test source set ({{dir}}), which are on the tests' classpath only and never packaged with the app, so no deployed server or client presents it from there. Re-issue it with a stronger key if the tests need one that peers accept, or remove it if nothing uses it",
            weakOtherAlias: 'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but every setting that names {{file}} selects another key entry ({{aliases}}): no peer is sent it. Re-issue it with a stronger key before a setting selects it, or remove it from the store',
            weakNotServed: 'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but no handshake the tree shows uses it: {{why}}. Re-issue it with a stronger key before TLS is turned on there, or remove it',
        },
        options: {
            minRsaBits: { type: 'integer', default: 2048, description: 'Smallest accepted RSA or DSA key, in bits' },
            minEcBits: { type: 'integer', default: 256, description: 'Smallest accepted EC key, in bits' },
        },
        symptoms: ['ee key too small', 'AMQ9637', 'Algorithm constraints check failed'],
    },
    check(ctx) {
        const copies = [];
        for (const c of (0, shared_1.certificatesOf)(ctx.deployment)) {
            const { keyType, keyBits } = c.cert;
            // The JDK's own root CAs are the vendor's to retire (each update does); a bag Java ignores is not used.
            if (!keyBits || (0, shared_1.unusedOrVendors)(c))
                continue;
            const min = keyType === 'EC'
                ? ctx.options.minEcBits
                : keyType === 'RSA' || keyType === 'DSA'
                    ? ctx.options.minRsaBits
                    : undefined;
            if (min === undefined || keyBits >= min)
                continue;
            // nginx refuses to load it at its security level: nginx/security-level-refuses-certificate's error says more.
            if (ctx.deployment.derived.levelRefusals.load.some((r) => r.accepting.length === 0 && r.cert.cert.fingerprintSha256 === c.cert.fingerprintSha256))
                continue;
            // Named by no component, by servers that serve no TLS, or a key entry every naming setting passes over: no peer
            // is known to see it (an info).
            const usage = (0, shared_1.certificateUse)(ctx.deployment, c);
            const notServed = usage.use === 'not-served' ? (0, shared_1.notServedWhy)(c, usage.by) : undefined;
            const data = { dn: (0, shared_1.certName)(c), bits: keyBits, type: keyType, min, file: path.basename(c.doc.file.path) };
            // Named by a setting no modelled component reads (an app's own, or a test source set's): said, not 'no setting'.
            const namedBy = usage.use === 'unnamed' && c.store
                ? c.doc.data.namedBySetting
                : undefined;
            const tests = namedBy?.tests ? (0, test_fixture_dirs_1.testResourcesDir)((0, paths_1.relativePosix)(ctx.deployment.root, namedBy.file)) : undefined;
            const related = [
                ...(namedBy
                    ? [{ file: namedBy.file, range: namedBy.range, message: (0, phrase_1.said) `${namedBy.key} names ${data.file} here` }]
                    : []),
                ...((0, shared_1.storeRelated)(c).related ?? []),
                ...(usage.use === 'named' || usage.use === 'other-alias' ? usage.by : []),
                ...(notServed?.related ?? []),
            ];
            copies.push({
                c,
                messageId: usage.use === 'other-alias'
                    ? 'weakOtherAlias'
                    : usage.use === 'unnamed'
                        ? tests !== undefined
                            ? 'weakNamedByTests'
                            : namedBy
                                ? 'weakNamedUnread'
                                : 'weakUnnamed'
                        : notServed
                            ? 'weakNotServed'
                            : 'weak',
                data: {
                    ...data,
                    aliases: usage.use === 'other-alias' ? usage.selected.map((a) => `'${a}'`).join(', ') : '',
                    why: notServed?.why ?? '',
                    ...(namedBy
                        ? {
                            setting: namedBy.key,
                            config: path.basename(namedBy.file),
                            ...(tests !== undefined ? { dir: tests } : {}),
                        }
                        : {}),
                },
                related,
                info: usage.use === 'other-alias' || usage.use === 'unnamed' || notServed !== undefined,
            });
        }
        // One finding per certificate: its copies (the CA in every store of a cluster, a chain's copy in each key entry) are
        // related places of the copy said first, the most used one (./_lib/copies.ts).
        for (const [first, ...others] of (0, copies_1.groupCopies)(copies, MOST_USED_FIRST)) {
            if (!first)
                continue;
            const related = (0, copies_1.copiesRelated)(first, others);
            ctx.report({
                messageId: first.messageId,
                data: { ...first.data, copies: (0, copies_1.copiesText)(others) },
                location: (0, shared_1.certLocation)(first.c),
                ...(related.length > 0 ? { related } : {}),
                fingerprint: [first.c.cert.fingerprintSha256, 'weak-key', ...(0, shared_1.storeFingerprint)(first.c)],
                ...(first.info ? { severity: 'info' } : {}),
            });
        }
    },
});
