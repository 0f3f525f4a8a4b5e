"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.linkFailureOwner = linkFailureOwner;
exports.unownedLinkFailures = unownedLinkFailures;
/**
 * The id of the rule that owns this link's handshake failure (rule metadata `ownsLinkFailure`): the
 * first in registry order. The generic tls/no-common-* rules stay silent on an owned link.
 */
function linkFailureOwner(rules, link) {
    return rules.find((rule) => rule.meta.ownsLinkFailure?.(link))?.meta.id;
}
/**
 * The links a generic tls/no-common-* rule reports: predicted to fail from known inputs for one of its reasons,
 * and owned by no more specific rule (unknown outcomes belong to tls/link-outcome-unknown).
 */
function unownedLinkFailures(rules, predictions, reasons) {
    return predictions.filter((lp) => !lp.prediction.ok &&
        lp.outcome.kind === 'fails' &&
        reasons.has(lp.prediction.reason) &&
        linkFailureOwner(rules, lp) === undefined);
}
