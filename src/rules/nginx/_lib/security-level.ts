/**
 * Message data shared by the nginx security-level rules. What a level refuses is derived once per deployment
 * (src/derive/nginx-levels.ts, `derived.nginxLevelRefusals`).
 */
import type { Unsettled } from '../../../model/attributes';

/** The why and todo of an open level, for messages. */
export function unsettledData(unsettled: Unsettled | undefined): { why: string; todo: string } {
  return unsettled ?? { why: 'the level is not settled', todo: 'Set @SECLEVEL in the cipher directive' };
}
