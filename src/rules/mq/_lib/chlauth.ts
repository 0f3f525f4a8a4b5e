import type { MqscChlauthRecord, MqscObjects, MqscParam } from '../../../parse/mqsc';
import { mqGenericMatch } from '../../../parse/mq/mqsc-objects';

/** The CHLAUTH records whose profile matches a channel name, most specific (longest profile) first. */
export function chlauthFor(objects: MqscObjects, channel: string): MqscChlauthRecord[] {
  return objects.chlauth
    .filter((r) => mqGenericMatch(r.profile, channel))
    .sort((a, b) => b.profile.replace(/\*$/, '').length - a.profile.replace(/\*$/, '').length);
}

export function userSource(record: MqscChlauthRecord): string | undefined {
  return record.attributes.get('USERSRC')?.value?.toUpperCase();
}

/** `ALTER QMGR CHLAUTH(DISABLED)`, when the script turns channel authentication records off. */
export function chlauthDisabled(objects: MqscObjects): MqscParam | undefined {
  const p = objects.qmgr.get('CHLAUTH');
  return p?.value?.toUpperCase() === 'DISABLED' ? p : undefined;
}

export { isBlockingMcauser } from '../../../model/mq-chlauth';

export { definedInScript } from '../../../model/mq-channel-inputs';
