import type { LinkPrediction } from '../../handshake/links';
import type { AnyRule } from '../types';

/**
 * The id of the rule that owns this link's handshake failure (rule metadata `ownsLinkFailure`): the
 * first in registry order. The generic tls/no-common-* rules stay silent on an owned link.
 */
export function linkFailureOwner(rules: readonly AnyRule[], link: LinkPrediction): string | undefined {
  return rules.find((rule) => rule.meta.ownsLinkFailure?.(link))?.meta.id;
}
