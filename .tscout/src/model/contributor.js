"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contributorApplies = contributorApplies;
/** Whether a contributor may add anything to a deployment whose documents have these kinds. */
function contributorApplies(contributor, kinds) {
    if (!contributor.reads)
        return true;
    for (const kind of kinds)
        if (contributor.reads.some((prefix) => kind.startsWith(prefix)))
            return true;
    return false;
}
