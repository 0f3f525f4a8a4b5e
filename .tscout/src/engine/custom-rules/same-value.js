"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sameValue = void 0;
/** `same-value`: the key has one value in every file of these kinds (the majority value is the reference). */
const types_1 = require("../../parse/types");
const majority_1 = require("../../rules/_lib/majority");
const scope_1 = require("./scope");
exports.sameValue = {
    defaultMessage: "{{key}} is '{{value}}' here but '{{expected}}' in {{other}}; they must be the same",
    describe: (spec) => `Require the same ${spec.key} in every ${(0, scope_1.kindsText)(spec.kinds)} file`,
    check({ spec, deployment, settingsOf, shown, data, componentOf, report }) {
        // Per key (a `*` key can match several): the majority value is the reference; ties go to the first file.
        const byKey = new Map();
        for (const s of settingsOf(spec.key)) {
            const list = byKey.get(s.entry.key);
            if (list)
                list.push(s);
            else
                byKey.set(s.entry.key, [s]);
        }
        for (const settings of byKey.values()) {
            const best = (0, majority_1.majority)(settings, (s) => s.value);
            if (!best)
                continue;
            for (const s of settings) {
                if (s.value === best.value)
                    continue;
                const other = (0, majority_1.nameInDeployment)(deployment, best.witness.doc.file.path);
                report({
                    data: data(s, { expected: shown(best.witness), other }),
                    location: (0, types_1.entryLocation)(s.doc, s.entry),
                    related: [
                        {
                            ...(0, types_1.entryLocation)(best.witness.doc, best.witness.entry),
                            message: `'${shown(best.witness)}' set here`,
                        },
                    ],
                    fingerprint: [componentOf(s.doc), s.entry.key, s.value, best.value],
                });
            }
        }
    },
};
