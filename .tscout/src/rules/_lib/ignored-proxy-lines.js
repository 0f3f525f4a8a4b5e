"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ignoredProxyLines = ignoredProxyLines;
const phrase_1 = require("../../core/phrase");
function ignoredProxyLines(directives, passes, 
/** A pass as written (`proxy_pass http://app`). */
written) {
    const [first] = passes;
    const others = passes.length - 1;
    const passList = !first
        ? ''
        : others === 0
            ? written(first)
            : `${written(first)} and ${others} other pass${others > 1 ? 'es' : ''}`;
    return {
        data: {
            directives: directives.map((d) => d.written).join(', '),
            verb: directives.length === 1 ? (0, phrase_1.ours)('is') : (0, phrase_1.ours)('are'),
            passes: passList,
            passVerb: passes.length === 1 ? (0, phrase_1.ours)('is') : (0, phrase_1.ours)('are'),
        },
        related: [
            ...directives.slice(1).map((d) => ({ ...d.at, message: (0, phrase_1.said) `${d.written}: ignored too` })),
            ...passes.map((p) => ({ ...p.at, message: (0, phrase_1.said) `${written(p)}: a plain connection` })),
            ...(directives[0]?.via ?? []),
        ],
        fingerprint: [...directives.map((d) => d.written), ...passes.map(written)],
    };
}
