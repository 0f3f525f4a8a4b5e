"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kindsText = void 0;
exports.keyMatcher = keyMatcher;
exports.customRuleScope = customRuleScope;
/**
 * What every custom-rule type reads: the settings of a key in the files the rule covers. Like the products they
 * model, a key set twice in one file (and section) counts once: the last occurrence. Values compare trimmed and
 * case-insensitively unless `caseSensitive`.
 */
const glob_1 = require("../../core/glob");
const paths_1 = require("../../model/paths");
const majority_1 = require("../../rules/_lib/majority");
/** `*` in a key (or kind) matches any characters (e.g. `CHANNEL(*).SSLCIPH`, `cleartrust.*`), in linear time. */
function keyMatcher(key) {
    if (!key.includes('*'))
        return (candidate) => candidate === key;
    return (0, glob_1.compileConfigGlob)(key, { starOnly: true }, 'config "customRules"');
}
/** Builds the scope of a rule once; `bind` gives it a deployment and the rule context's `report`. */
function customRuleScope(spec) {
    const norm = (v) => (spec.caseSensitive ? v.trim() : v.trim().toLowerCase());
    const fileMatch = spec.files
        ? (0, glob_1.compileConfigGlob)(spec.files, { dot: true }, `config "customRules" ${spec.id}`)
        : undefined;
    const values = (spec.values ?? spec.order ?? []).map(norm);
    const shown = (s) => (s.entry.secret ? '***' : s.entry.value.trim());
    return (deployment, report) => {
        const inScope = (doc, kinds = spec.kinds) => (!kinds?.length || kinds.some((k) => keyMatcher(k)(doc.kind))) &&
            (!fileMatch || fileMatch((0, paths_1.relativePosix)(deployment.root, doc.file.path)));
        return {
            spec,
            deployment,
            values,
            inScope,
            settingsOf: (key, kinds = spec.kinds) => {
                const match = keyMatcher(key);
                const out = [];
                for (const doc of deployment.documents) {
                    if (!inScope(doc, kinds))
                        continue;
                    const last = new Map();
                    // Identity is key + section: two XML elements (server/ssl, server/ssl[2]) are two settings.
                    for (const entry of doc.entries)
                        if (match(entry.key))
                            last.set(`${entry.section ?? ''}\u0000${entry.key}`, entry);
                    for (const entry of last.values())
                        out.push({ doc, entry, value: norm(entry.value) });
                }
                return out;
            },
            shown,
            componentOf: (doc) => deployment.components.find((c) => c.documents.includes(doc))?.id ?? (0, majority_1.nameInDeployment)(deployment, doc.file.path),
            data: (s, extra = {}) => ({
                key: s.entry.key,
                value: shown(s),
                expected: '',
                other: '',
                values: (spec.values ?? spec.order ?? []).join(', '),
                ...extra,
            }),
            report,
        };
    };
}
/** `cleartrust.aserver/cleartrust.eserver`, or `matching` when the rule reads every kind. */
const kindsText = (kinds) => (kinds?.length ? kinds.join('/') : 'matching');
exports.kindsText = kindsText;
