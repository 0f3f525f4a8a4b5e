/**
 * Message data shared by the nginx security-level rules. What a level refuses is derived once per deployment
 * (src/derive/nginx-levels.ts, `derived.nginxLevelRefusals`).
 */
import type { Unsettled } from '../../../model/attributes';
import { ours, type Phrase } from '../../../core/phrase';

/** The why and todo of an open level, for messages. */
export function unsettledData(unsettled: Unsettled | undefined): { why: string | Phrase; todo: string } {
  return unsettled ?? { why: ours('the level is not settled'), todo: 'Set @SECLEVEL in the cipher directive' };
}
