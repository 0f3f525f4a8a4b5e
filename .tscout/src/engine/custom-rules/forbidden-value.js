"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.forbiddenValue = void 0;
/** `forbidden-value`: the key's value is none of `values`. */
const allowed_values_1 = require("./allowed-values");
exports.forbiddenValue = {
    defaultMessage: "{{key}} must not be '{{value}}'",
    describe: (spec) => `Forbid ${(spec.values ?? []).join(', ')} as ${spec.key}`,
    check: (scope) => (0, allowed_values_1.reportValues)(scope, true),
};
