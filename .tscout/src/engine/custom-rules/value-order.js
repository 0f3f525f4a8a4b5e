"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.valueOrder = void 0;
/** `value-order`: the key's value is not above `notAbove.key`'s in `order` (e.g. clear < anon < auth). */
const types_1 = require("../../parse/types");
exports.valueOrder = {
    defaultMessage: "{{key}} is '{{value}}', above {{other}} '{{expected}}' (order: {{values}})",
    describe: (spec) => `Require ${spec.key} to be at most ${spec.notAbove?.key ?? ''} (${(spec.order ?? []).join(' < ')})`,
    check({ spec, values, settingsOf, shown, data, componentOf, report }) {
        // The spec reader requires notAbove and order for this type.
        const notAbove = spec.notAbove;
        if (!notAbove)
            return;
        const rank = (v) => values.indexOf(v);
        const limitKinds = notAbove.kinds;
        const limitsAll = limitKinds ? settingsOf(notAbove.key, limitKinds) : [];
        for (const s of settingsOf(spec.key)) {
            const limits = limitKinds ? limitsAll : settingsOf(notAbove.key).filter((l) => l.doc === s.doc);
            for (const limit of limits) {
                if (rank(s.value) < 0 || rank(limit.value) < 0 || rank(s.value) <= rank(limit.value))
                    continue;
                report({
                    data: data(s, { expected: shown(limit), other: limit.entry.key }),
                    location: (0, types_1.entryLocation)(s.doc, s.entry),
                    related: [
                        { ...(0, types_1.entryLocation)(limit.doc, limit.entry), message: `${limit.entry.key} is '${shown(limit)}' here` },
                    ],
                    fingerprint: [componentOf(s.doc), s.entry.key, s.value, limit.value],
                });
            }
        }
    },
};
