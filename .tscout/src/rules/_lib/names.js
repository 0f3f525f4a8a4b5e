"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NAMES_LISTED = void 0;
exports.listedOf = listedOf;
exports.nameList = nameList;
/**
 * How many names a message lists before "and N more". One client of a deployment that holds hundreds of
 * same-named servers (a fleet named as one deployment) otherwise got a 24,000-character message and a
 * thousand related places per finding: a report quadratic in the deployment's size.
 */
exports.NAMES_LISTED = 10;
/** The first `listed` of `items`, or all of them when only one more would follow (never "and 1 more"). */
function listedOf(items, listed = exports.NAMES_LISTED) {
    return items.length > listed + 1 ? items.slice(0, listed) : items;
}
/** `A`, `A and B`, `A, B and C`; past `listed` names, `A, B and 7 more`. */
function nameList(names, listed = exports.NAMES_LISTED) {
    const shown = listedOf(names, listed);
    if (shown.length < names.length)
        return `${shown.join(', ')} and ${names.length - shown.length} more`;
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
