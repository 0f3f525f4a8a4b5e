import type { LinkPrediction } from '../../handshake/links';
import type { HandshakeFailure } from '../../handshake/types';
import type { AnyRule } from '../types';

/**
 * The id of the rule that owns this link's handshake failure (rule metadata `ownsLinkFailure`): the
 * first in registry order. The generic tls/no-common-* rules stay silent on an owned link.
 */
export function linkFailureOwner(rules: readonly AnyRule[], link: LinkPrediction): string | undefined {
  return rules.find((rule) => rule.meta.ownsLinkFailure?.(link))?.meta.id;
}

/**
 * The links a generic tls/no-common-* rule reports: predicted to fail from known inputs for one of its reasons,
 * and owned by no more specific rule (unknown outcomes belong to tls/link-outcome-unknown).
 */
export function unownedLinkFailures(
  rules: readonly AnyRule[],
  predictions: readonly LinkPrediction[],
  reasons: ReadonlySet<string>,
): (LinkPrediction & { prediction: HandshakeFailure })[] {
  return predictions.filter(
    (lp): lp is LinkPrediction & { prediction: HandshakeFailure } =>
      !lp.prediction.ok &&
      lp.outcome.kind === 'fails' &&
      reasons.has(lp.prediction.reason) &&
      linkFailureOwner(rules, lp) === undefined,
  );
}
