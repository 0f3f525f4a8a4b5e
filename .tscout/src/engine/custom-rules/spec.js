"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CUSTOM_RULE_TYPES = void 0;
exports.readCustomRuleSpec = readCustomRuleSpec;
const types_1 = require("../../core/types");
exports.CUSTOM_RULE_TYPES = [
    'same-value',
    'allowed-values',
    'required-key',
    'forbidden-value',
    'value-order',
];
const SEVERITIES = ['error', 'warning', 'info'];
const isStringList = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `customRules[i]` as a typed spec, or a usage error naming the first field that is not what the schema says. */
function readCustomRuleSpec(raw, i) {
    const where = `customRules[${i}]`;
    const fail = (what) => {
        throw new types_1.UsageError(`${where}${what}`);
    };
    if (!isRecord(raw))
        return fail(' must be an object');
    const { id, type, key, description, severity, message, kinds, files, caseSensitive, values, order, notAbove } = raw;
    const symptoms = raw.symptoms;
    if (typeof id !== 'string')
        return fail('.id must be a string');
    const knownType = exports.CUSTOM_RULE_TYPES.find((t) => t === type);
    if (!knownType)
        return fail(`.type must be one of ${exports.CUSTOM_RULE_TYPES.join(', ')}`);
    if (typeof key !== 'string')
        return fail('.key must be a string');
    const spec = { id, type: knownType, key };
    if (description !== undefined)
        spec.description = typeof description === 'string' ? description : fail('.description must be a string');
    if (severity !== undefined) {
        const known = SEVERITIES.find((s) => s === severity);
        spec.severity = known ?? fail(`.severity must be one of ${SEVERITIES.join(', ')}`);
    }
    if (message !== undefined)
        spec.message = typeof message === 'string' ? message : fail('.message must be a string');
    if (kinds !== undefined)
        spec.kinds = isStringList(kinds) ? kinds : fail('.kinds must be a list of strings');
    if (files !== undefined)
        spec.files =
            typeof files === 'string' || isStringList(files) ? files : fail('.files must be a glob or a list of globs');
    if (caseSensitive !== undefined)
        spec.caseSensitive =
            typeof caseSensitive === 'boolean' ? caseSensitive : fail('.caseSensitive must be true or false');
    if (values !== undefined)
        spec.values = isStringList(values) ? values : fail('.values must be a list of strings');
    if (order !== undefined)
        spec.order = isStringList(order) ? order : fail('.order must be a list of strings');
    if (notAbove !== undefined) {
        if (!isRecord(notAbove) || typeof notAbove.key !== 'string')
            return fail('.notAbove must be { "key": "…" }');
        const limitKinds = notAbove.kinds;
        if (limitKinds !== undefined && !isStringList(limitKinds))
            return fail('.notAbove.kinds must be a list of strings');
        spec.notAbove = { key: notAbove.key, ...(limitKinds !== undefined ? { kinds: limitKinds } : {}) };
    }
    if (symptoms !== undefined)
        spec.symptoms = isStringList(symptoms) ? symptoms : fail('.symptoms must be a list of strings');
    if ((type === 'allowed-values' || type === 'forbidden-value') && !spec.values)
        return fail(`: ${type} needs "values"`);
    if (type === 'value-order' && (!spec.order || !spec.notAbove))
        return fail(': value-order needs "order" and "notAbove"');
    return spec;
}
