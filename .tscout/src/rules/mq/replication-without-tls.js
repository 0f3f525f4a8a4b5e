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
const TLS_KEYS = ['keyrepository', 'cipherspec', 'certificatelabel'];
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/replication-without-tls',
        description: 'Report Native HA replication (qm.ini NativeHAInstance stanzas) without a key repository in NativeHALocalInstance: the queue manager log is replicated in plain text',
        severity: 'warning',
        appliesTo: { documents: ['mq.qm-ini'] },
        messages: {
            plaintext: 'Native HA replication to {{instances}} is configured but no NativeHALocalInstance in {{dir}} names a KeyRepository: IBM MQ then exchanges the log replication data — the content of every persistent message — between instances in plain text. Add KeyRepository (and CertificateLabel, CipherSpec) to the NativeHALocalInstance stanza on every instance',
            nullCipher: 'NativeHALocalInstance CipherSpec=NULL turns TLS off for Native HA replication to {{instances}}: the log replication data — the content of every persistent message — crosses the network in plain text (a GroupCipherSpec protects only cross-region replication). Set CipherSpec=ANY_TLS12_OR_HIGHER with KeyRepository and CertificateLabel',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        const byDir = new Map();
        for (const doc of ctx.deployment.documents) {
            if (doc.kind !== 'mq.qm-ini')
                continue;
            const dir = path.dirname(doc.file.path);
            byDir.set(dir, [...(byDir.get(dir) ?? []), doc]);
        }
        for (const [dir, docs] of byDir) {
            // Templates (Go/Helm/shell) decide the stanza at deploy time: unknown, not reported.
            if (docs.some((d) => /\{\{|\$\{?[A-Za-z_]/.test(d.file.text)))
                continue;
            const stanzas = docs.flatMap((d) => d.data.stanzas.map((s) => ({ doc: d, stanza: s })));
            const instances = stanzas.filter(({ stanza }) => stanza.name.toLowerCase() === 'nativehainstance');
            if (instances.length === 0)
                continue;
            const locals = stanzas.filter(({ stanza }) => stanza.name.toLowerCase() === 'nativehalocalinstance');
            const entries = locals.flatMap(({ doc, stanza }) => stanza.entries.map((entry) => ({ doc, entry, key: entry.key.toLowerCase(), value: entry.value.trim() })));
            const nullCipher = entries.find((e) => e.key === 'cipherspec' && e.value.toUpperCase() === 'NULL');
            const realCipher = entries.some((e) => e.key === 'cipherspec' && e.value !== '' && e.value.toUpperCase() !== 'NULL');
            const tls = realCipher || entries.some((e) => TLS_KEYS.includes(e.key) && e.key !== 'cipherspec' && e.value !== '');
            if (tls && !(nullCipher && !realCipher))
                continue;
            const primary = locals[0] ?? instances[0];
            if (!primary)
                continue;
            const names = instances.map(({ stanza }) => stanza.entries.find((e) => e.key.toLowerCase() === 'replicationaddress')?.value ??
                stanza.entries.find((e) => e.key.toLowerCase() === 'name')?.value ??
                '?');
            ctx.report({
                messageId: nullCipher ? 'nullCipher' : 'plaintext',
                data: { instances: names.join(', '), dir: path.relative(ctx.cwd, dir).split(path.sep).join('/') || '.' },
                location: nullCipher
                    ? { file: nullCipher.doc.file.path, range: nullCipher.entry.valueRange }
                    : { file: primary.doc.file.path, range: primary.stanza.range },
                related: instances
                    .filter((i) => i !== primary)
                    .slice(0, 3)
                    .map(({ doc, stanza }) => ({
                    file: doc.file.path,
                    range: stanza.range,
                    message: (0, phrase_1.ours)('replication partner'),
                })),
                fingerprint: [dir, 'nativeha-plaintext'],
            });
        }
    },
});
