"use strict";
/**
 * Readers that give knowledge JSON its declared types by checking it, where TypeScript infers a wider type
 * from the file (`string` for an enum, optional keys in a record). The
 * schemas in schemas/knowledge say the same; a value outside them is a bug in the data, thrown at load.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.oneOf = oneOf;
exports.stringRecord = stringRecord;
/** `value` when it is one of `allowed`. */
function oneOf(value, allowed, where) {
    const found = allowed.find((a) => a === value);
    if (found === undefined)
        throw new Error(`knowledge ${where}: '${value}' is not one of ${allowed.join(', ')}`);
    return found;
}
/** A JSON object of strings (TypeScript types the keys other rows have as optional). */
function stringRecord(value) {
    const out = {};
    for (const [key, v] of Object.entries(value))
        if (v !== undefined)
            out[key] = v;
    return out;
}
