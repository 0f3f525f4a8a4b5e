"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * Several JDKs are equally near a Java component (two JDK homes beside it, a Dockerfile FROM and a
 * bundled jre/…): lint-deploy does not guess which one runs it, so its JDK is unknown. One finding per
 * set of candidates, on the first component it leaves unknown.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/runtime-ambiguous',
        description: 'Say when several JDKs are equally near a component, so its JDK (and every verdict that needs it) is unknown',
        severity: 'info',
        messages: {
            ambiguous: '{{count}} JDKs are equally near {{components}}: {{candidates}}. lint-deploy does not guess which one runs {{them}}, so the JDK is unknown. Declare it in the config ("components": [{ "files": "…", "java": { "version": "…", "vendor": "…" } }]) or remove the JDK that is not used',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        const bySet = new Map();
        for (const component of ctx.deployment.components) {
            const candidates = component.runtime?.candidates;
            if (!candidates?.length)
                continue;
            const key = candidates.map((c) => c.text).join('\n');
            bySet.set(key, [...(bySet.get(key) ?? []), component]);
        }
        for (const components of bySet.values()) {
            const [first] = components;
            if (!first)
                continue; // each set holds the component that made it
            const candidates = first.runtime?.candidates ?? [];
            const related = candidates
                .filter((c) => c.location)
                .map((c) => ({ ...c.location, message: c.text }));
            const names = components.map((c) => c.name);
            ctx.report({
                messageId: 'ambiguous',
                data: {
                    count: String(candidates.length),
                    components: names.length > 3 ? (0, phrase_1.said) `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '),
                    candidates: candidates.map((c) => c.text.replace(/^JDK from /, '')).join('; '),
                    them: names.length === 1 ? (0, phrase_1.ours)('it') : (0, phrase_1.ours)('them'),
                },
                location: first.location,
                related,
                fingerprint: candidates.map((c) => c.text),
            });
        }
    },
});
