import type { Finding } from '../../core/types';
import type { Component, Deployment, Link } from '../../model/types';
import type { LinkOutcome } from './types';

/**
 * Predicted outcome of one link. Until the handshake predictor (src/handshake)
 * and its endpoint resolver are committed, a link is a failure when an error
 * finding involves both of its ends, and unknown otherwise: the findings never
 * claim a handshake succeeds. (`_eitherEnd`: the errors of either end, which keep
 * a link from turning green once the predictor decides.)
 */
export function linkOutcome(
  _deployment: Deployment,
  _link: Link,
  _client: Component,
  _server: Component,
  bothEnds: Finding[],
  _eitherEnd: Finding[],
): LinkOutcome {
  const errors = bothEnds.filter((f) => f.severity === 'error' && !f.suppressed);
  if (errors.length > 0) {
    return { status: 'failure', alert: errors[0]?.ruleId, reason: errors.map((f) => f.message).join('\n'), source: 'findings' };
  }
  return { status: 'unknown', reason: 'no handshake prediction for this link', source: 'none' };
}
