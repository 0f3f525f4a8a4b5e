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
exports.conditionalDocuments = conditionalDocuments;
exports.withConditionalScripts = withConditionalScripts;
/**
 * Scripts a product applies only under a condition the tree does not settle (mq-container renders
 * `20-dev-tls.mqsc.tpl` only when a TLS key is mounted: mq.json `conditionalScripts`). The deployment is checked
 * with them and without them; a finding both give stands, and a finding only one of them gives holds only under
 * that condition: an info naming it, in both directions (no confident warning, no silent pass).
 */
const path = __importStar(require("node:path"));
const mq_1 = require("../../knowledge/mq");
/** The tree's MQSC documents that are conditional scripts (by the file name the product's layout gives them). */
function conditionalDocuments(documents) {
    return documents.flatMap((doc) => {
        if (doc.kind !== 'mq.mqsc')
            return [];
        const script = (0, mq_1.conditionalScriptFor)(path.basename(doc.file.path));
        return script ? [{ doc, script }] : [];
    });
}
/** What identifies one finding in both checks (related places and texts may differ with the script applied). */
function identity(f) {
    const at = f.location.range ? `${f.location.range.start.line}:${f.location.range.start.character}` : '';
    return [f.ruleId, f.messageId ?? '', f.fingerprint ?? `${f.location.file}:${at}:${f.message}`].join('\u0000');
}
/**
 * Findings of the check with the conditional scripts (`applied`) and without them (`notApplied`), after severities:
 * those both give, as `applied` has them; the others as infos that say under which condition they hold.
 */
function withConditionalScripts(applied, notApplied, conditional) {
    const inApplied = new Set(applied.map(identity));
    const inNotApplied = new Set(notApplied.map(identity));
    const files = conditional.map((c) => path.basename(c.doc.file.path)).join(', ');
    const related = conditional.map((c) => ({
        file: c.doc.file.path,
        message: `${c.script.what} (${c.script.source.split(' ')[0] ?? ''})`,
    }));
    const when = (pick) => [...new Set(conditional.map((c) => pick(c.script)))].join('; ');
    const only = (f, condition) => ({
        ...f,
        severity: 'info',
        message: `${f.message} — holds only when ${condition}`,
        related: [...(f.related ?? []), ...related],
    });
    return [
        ...applied.map((f) => inNotApplied.has(identity(f)) ? f : only(f, `${when((s) => s.appliedWhen)} (${files} is applied only then)`)),
        ...notApplied
            .filter((f) => !inApplied.has(identity(f)))
            .map((f) => only(f, `${when((s) => s.notAppliedWhen)} (${files} is then not applied)`)),
    ];
}
