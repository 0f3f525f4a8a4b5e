"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqCodesIn = mqCodesIn;
exports.matchError = matchError;
exports.formatErrorMatches = formatErrorMatches;
const regex_1 = require("../core/regex");
const normalize = (s) => s
    .toLowerCase()
    .replace(/[\s"'`]+/g, ' ')
    .trim();
/** MQ codes in a text: reason codes (2393, RC=2397, MQRC_…), message ids (AMQ9771, CSQX631E). */
function mqCodesIn(text) {
    const out = new Set();
    for (const m of text.matchAll(/\b(?:AMQ\d{4}[EWI]?|CSQ[A-Z]\d{3}[EWI]?|MQRCC?F?_[A-Z0-9_]+|JMSWMQ\d{4})\b/gi))
        out.add(m[0].toUpperCase());
    for (const m of text.matchAll(/(?:^|[^\d.])(2\d{3})(?![\d.])/g))
        out.add(m[1]);
    return [...out];
}
function matchError(text, rules, lookup) {
    const query = normalize(text);
    const codes = [];
    const terms = new Set();
    for (const code of mqCodesIn(text)) {
        terms.add(code.toLowerCase());
        const info = lookup?.(code);
        if (info) {
            if (!codes.some((c) => c.code === info.code))
                codes.push(info);
            terms.add(info.code.toLowerCase());
            terms.add(info.name.toLowerCase());
        }
    }
    const matches = [];
    for (const rule of rules) {
        const hit = (rule.meta.symptoms ?? []).filter((symptom) => {
            const s = normalize(symptom);
            if (!s)
                return false;
            if (query.includes(s) || (query.length >= 4 && s.includes(query)))
                return true;
            return [...terms].some((t) => new RegExp(`(^|[^a-z0-9_])${(0, regex_1.escapeRegExp)(t)}($|[^a-z0-9_])`).test(s));
        });
        if (hit.length)
            matches.push({ rule, symptoms: hit });
    }
    return { codes, matches };
}
function formatErrorMatches(text, result) {
    const lines = [];
    for (const c of result.codes)
        lines.push(`${c.code} ${c.name}: ${c.message}`);
    if (result.codes.length)
        lines.push('');
    if (!result.matches.length) {
        lines.push(`No rule predicts "${text}".`, 'Try a shorter part of the message (an alert name such as handshake_failure, an MQ code such as AMQ9771 or RC=2397).');
        return lines.join('\n') + '\n';
    }
    lines.push(`${result.matches.length} rule${result.matches.length === 1 ? '' : 's'} predict${result.matches.length === 1 ? 's' : ''} "${text}":`, '');
    for (const { rule, symptoms } of result.matches) {
        lines.push(`  ${rule.meta.id}  (${rule.meta.severity})`, `    ${rule.meta.description}`, `    matches: ${symptoms.join('; ')}`, `    docs: lint-deploy --explain ${rule.meta.id}`, '');
    }
    lines.push('Run just these rules on a deployment: lint-deploy explain-error "<text>" <path>');
    return lines.join('\n') + '\n';
}
