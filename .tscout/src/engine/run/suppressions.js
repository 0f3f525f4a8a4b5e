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
exports.DIRECTIVE_RULES = void 0;
exports.parseDirective = parseDirective;
exports.applySuppressions = applySuppressions;
/**
 * Inline suppression directives, read from the comments every parser collects
 * (`#`, `!`, `;`, MQSC `*`, XML `<!-- -->`, `//`):
 *
 *   lint-deploy-disable-next-line <rule>[, <rule>…] -- <reason>   the next line
 *   lint-deploy-disable-line <rule>[, <rule>…] -- <reason>        this line (needs a same-line comment)
 *   lint-deploy-disable <rule>[, <rule>…] -- <reason>             the whole file
 *
 * In XML, where `--` may not appear inside a comment, write ` - <reason>`.
 * `<rule>` is a rule id or `<area>/*`. The reason is required: a directive
 * without one (or without a rule) suppresses nothing and becomes a finding.
 * Suppressed findings stay in the results with `suppressed: { kind: 'inSource', reason }`.
 */
const path = __importStar(require("node:path"));
const run_rules_1 = require("./run-rules");
exports.DIRECTIVE_RULES = {
    withoutReason: 'lint-deploy/directive-without-reason',
    invalid: 'lint-deploy/invalid-directive',
    unused: 'lint-deploy/unused-disable-directive',
};
const DIRECTIVE = /^\s*(?:[-*!#;/]+\s*)?lint-deploy-(disable-next-line|disable-line|disable)\b(.*)$/s;
/** Parses one comment; undefined when it is not a directive. Returns the problem when it is a bad one. */
function parseDirective(comment, file) {
    // Almost no comment is a directive: skip the clean-up and the expression for those.
    if (!comment.text.includes('lint-deploy-'))
        return undefined;
    const text = comment.text.replace(/-->\s*$/, '').trim();
    const m = DIRECTIVE.exec(text);
    if (!m)
        return undefined;
    const kind = m[1];
    const rest = m[2];
    // `--` as in ESLint; a single `-` also works, because XML forbids `--` inside comments.
    const separator = rest.search(/\s--?(\s|$)/);
    const ruleText = (separator < 0 ? rest : rest.slice(0, separator)).trim();
    const reason = separator < 0
        ? ''
        : rest
            .slice(separator)
            .replace(/^\s--?/, '')
            .trim();
    const rules = ruleText.split(/[\s,]+/).filter(Boolean);
    if (!rules.length) {
        return {
            problem: {
                ruleId: exports.DIRECTIVE_RULES.invalid,
                message: `lint-deploy-${kind} names no rule: write lint-deploy-${kind} <rule-id> -- <reason>`,
            },
        };
    }
    const bad = rules.find((r) => !/^[a-z0-9-]+\/([a-z0-9-]+|\*)$/.test(r));
    if (bad)
        return {
            problem: {
                ruleId: exports.DIRECTIVE_RULES.invalid,
                message: `lint-deploy-${kind}: '${bad}' is not a rule id (<area>/<name> or <area>/*)`,
            },
        };
    if (!reason) {
        return {
            problem: {
                ruleId: exports.DIRECTIVE_RULES.withoutReason,
                message: `lint-deploy-${kind} ${rules.join(', ')} has no reason, so it suppresses nothing: add ' -- <why this is acceptable>'`,
            },
        };
    }
    const line = kind === 'disable' ? undefined : kind === 'disable-line' ? comment.range.start.line : comment.range.end.line + 1;
    return { directive: { kind, rules, reason, file, comment, line } };
}
function matches(pattern, ruleId) {
    return pattern === ruleId || (pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1)));
}
/**
 * Marks findings suppressed by directives in their primary file and adds
 * findings for bad (and, optionally, unused) directives.
 */
function applySuppressions(findings, documents, options = {}) {
    const directivesByFile = new Map();
    const out = [];
    const directiveFinding = (file, comment, ruleId, message, key) => ({
        ruleId,
        severity: 'error',
        message,
        location: { file, range: comment.range },
        fingerprint: (0, run_rules_1.fingerprintOf)([ruleId, path.basename(file), key]),
    });
    for (const doc of documents) {
        for (const comment of doc.comments) {
            const parsed = parseDirective(comment, doc.file.path);
            if (!parsed)
                continue;
            if (parsed.problem) {
                out.push(directiveFinding(doc.file.path, comment, parsed.problem.ruleId, parsed.problem.message, comment.text.trim()));
                continue;
            }
            const directive = parsed.directive;
            const unknown = options.knownRuleIds &&
                directive.rules.find((r) => !r.startsWith('parse/') && ![...options.knownRuleIds].some((id) => matches(r, id)));
            if (unknown) {
                out.push(directiveFinding(doc.file.path, comment, exports.DIRECTIVE_RULES.invalid, `lint-deploy-${directive.kind} names unknown rule '${unknown}' (see lint-deploy --list-rules)`, unknown));
            }
            const list = directivesByFile.get(doc.file.path);
            if (list)
                list.push(directive);
            else
                directivesByFile.set(doc.file.path, [directive]);
        }
    }
    /** directive → rule patterns that suppressed something */
    const used = new Map();
    for (const finding of findings) {
        const directives = directivesByFile.get(finding.location.file);
        const line = finding.location.range?.start.line;
        const hit = directives?.find((d) => (d.line === undefined || d.line === line) && d.rules.some((r) => matches(r, finding.ruleId)));
        if (!hit || finding.suppressed) {
            out.push(finding);
            continue;
        }
        const pattern = hit.rules.find((r) => matches(r, finding.ruleId));
        used.set(hit, (used.get(hit) ?? new Set()).add(pattern));
        out.push({ ...finding, suppressed: { kind: 'inSource', reason: hit.reason } });
    }
    if (options.reportUnused) {
        for (const [file, directives] of directivesByFile) {
            for (const d of directives) {
                const unused = d.rules.filter((r) => !used.get(d)?.has(r));
                if (!unused.length)
                    continue;
                const where = d.kind === 'disable' ? 'in this file' : d.kind === 'disable-line' ? 'on this line' : 'on the next line';
                out.push(directiveFinding(file, d.comment, exports.DIRECTIVE_RULES.unused, `Unused lint-deploy-${d.kind} directive: no problem from ${unused.join(', ')} was reported ${where}`, `${d.kind} ${unused.join(',')}`));
            }
        }
    }
    return out;
}
