"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allowedValues = void 0;
exports.reportValues = reportValues;
/** `allowed-values`: the key's value is one of `values`. */
const types_1 = require("../../parse/types");
/** Reports each setting of the key whose value is (`listed`) or is not in `values`: forbidden-value shares it. */
function reportValues(scope, listed) {
    const { spec, values, settingsOf, data, componentOf, report } = scope;
    for (const s of settingsOf(spec.key)) {
        if (values.includes(s.value) !== listed)
            continue;
        report({
            data: data(s),
            location: (0, types_1.entryLocation)(s.doc, s.entry, 'value'),
            fingerprint: [componentOf(s.doc), s.entry.key, s.value],
        });
    }
}
exports.allowedValues = {
    defaultMessage: "{{key}} is '{{value}}'; allowed: {{values}}",
    describe: (spec) => `Allow only ${(spec.values ?? []).join(', ')} as ${spec.key}`,
    check: (scope) => reportValues(scope, false),
};
