"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileCustomRules = compileCustomRules;
/**
 * Declarative custom rules from config `customRules`, compiled into ordinary
 * rules (passed to lint() as `extraRules`). Five types, one module each, all over the generic
 * key/value entries every parser produces (./scope.ts):
 *
 *   same-value       the key has one value in every file of these kinds
 *   allowed-values   the key's value is one of `values`
 *   forbidden-value  the key's value is none of `values`
 *   required-key     every file of these kinds sets the key
 *   value-order      the key's value is not above `notAbove.key`'s in `order` (e.g. clear < anon < auth)
 */
const types_1 = require("../../core/types");
const types_2 = require("../../rules/types");
const allowed_values_1 = require("./allowed-values");
const forbidden_value_1 = require("./forbidden-value");
const required_key_1 = require("./required-key");
const same_value_1 = require("./same-value");
const scope_1 = require("./scope");
const spec_1 = require("./spec");
const value_order_1 = require("./value-order");
const KINDS = {
    'same-value': same_value_1.sameValue,
    'allowed-values': allowed_values_1.allowedValues,
    'forbidden-value': forbidden_value_1.forbiddenValue,
    'required-key': required_key_1.requiredKey,
    'value-order': value_order_1.valueOrder,
};
function compileCustomRule(spec) {
    const kind = KINDS[spec.type];
    const scopeOf = (0, scope_1.customRuleScope)(spec);
    return (0, types_2.defineRule)({
        meta: {
            id: spec.id,
            description: spec.description ?? kind.describe(spec),
            severity: spec.severity ?? 'error',
            messages: { [spec.type]: spec.message ?? kind.defaultMessage },
            defaultOptions: {},
            symptoms: spec.symptoms,
        },
        check(ctx) {
            kind.check(scopeOf(ctx.deployment, (d) => ctx.report({ messageId: spec.type, ...d })));
        },
    });
}
/** Compiles every `customRules` entry; ids must be unique and must not shadow built-in rules. */
function compileCustomRules(specs, builtInIds) {
    const seen = new Set();
    return specs.map((raw, i) => {
        const spec = (0, spec_1.readCustomRuleSpec)(raw, i);
        if (builtInIds.has(spec.id))
            throw new types_1.UsageError(`customRules[${i}].id '${spec.id}' is a built-in rule id; use your own area, e.g. "custom/${spec.id.split('/')[1]}"`);
        if (seen.has(spec.id))
            throw new types_1.UsageError(`customRules[${i}].id '${spec.id}' is used twice`);
        seen.add(spec.id);
        return compileCustomRule(spec);
    });
}
