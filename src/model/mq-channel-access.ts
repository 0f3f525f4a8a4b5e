import { sameStart, type RelatedLocation } from '../core/types';
import { mqQmgrDefault } from '../knowledge';
import type { MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import {
  altersShippedChannel,
  decideChannelAccess,
  type AccessOverrides,
  type ChannelAccess,
  type ChannelInput,
} from './mq-access';
import { describePaths } from './mq-access-words';
import { chlauthState, hasPlaceholder, MAPPING_TYPES, profileMatch, type ChlauthRecord } from './mq-chlauth';
import { effectiveChlauthRecords } from './mq-chlauth-records';

/**
 * The queue manager's access decision for one inbound channel, where a template value may decide which channel
 * authentication records match it. MQ applies the records whose profile matches the channel name, the most specific
 * first (IBM MQ SET CHLAUTH, "generic profiles": https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-set-chlauth).
 * A profile or name holding a placeholder (`set chlauth($CHANNEL) TYPE(BLOCKUSER)`, `DEFINE CHANNEL($CHANNEL)`) may
 * match or not: the decision is made with the records that surely match, and again with each that may, taken as the
 * most specific. A record whose taking changes the decision is `uncertain`: its templated profile becomes a deciding
 * place (a finding resting on the decision depends on that template value). `nameDecides` says whether another value
 * of the name (another name, for a literal one) could change the decision: where it cannot (CHLAUTH(DISABLED), or no
 * record a name can match changes anything) the name is context only. `chlauthRecords`: the script's effective records,
 * when the caller has them (the derive stage computes them once per script).
 */
export function channelAccess(
  doc: ParsedDocument<MqscData>,
  input: ChannelInput,
  overrides: AccessOverrides = {},
  chlauthRecords?: ChlauthRecord[],
): ChannelAccess | undefined {
  const file = doc.file.path;
  const enabled = overrides.chlauthDefault
    ? (mqQmgrDefault('CHLAUTH')?.value ?? 'ENABLED') === 'ENABLED'
    : chlauthState(doc.data.objects, file).value === 'ENABLED';
  const records = enabled ? (chlauthRecords ?? effectiveChlauthRecords(doc.data.commands, file)) : [];
  const state = new Map(records.map((r) => [r, profileMatch(r.profile, input.name)]));
  const decide = (matches: (r: ChlauthRecord) => boolean) =>
    decideChannelAccess(doc, input, overrides, { records, matches });
  const base = decide((r) => state.get(r) === 'yes');
  if (!base) return undefined;
  const verdict = signature(base);
  // BLOCKADDR is the listener's, whatever the channel: only these types are matched by name.
  const byName = records.filter((r) => r.type === 'BLOCKUSER' || MAPPING_TYPES.includes(r.type));
  const changes = (matches: (r: ChlauthRecord) => boolean) => signature(decide(matches)) !== verdict;
  const uncertain = byName.filter((u) => state.get(u) === 'maybe' && changes((r) => state.get(r) === 'yes' || r === u));
  const anyName = (r: ChlauthRecord) => r.profile.trim() === '*';
  // A shipped object the tree ALTERs keeps its shipped attributes: under another name they would be unknown.
  const nameDecides = hasPlaceholder(input.name)
    ? uncertain.length > 0
    : altersShippedChannel(input) ||
      (byName.length > 0 &&
        (changes(anyName) || byName.some((u) => !anyName(u) && changes((r) => anyName(r) || r === u))));
  // The channel's own name (first deciding place) is context where no other value of it changes the decision.
  const named = (l: RelatedLocation) => input.location !== undefined && sameStart(l, input.location);
  const own = nameDecides
    ? base.deciding
    : base.deciding.map((l) => (named(l) ? { ...l, role: 'context' as const } : l));
  if (uncertain.length === 0) return { ...base, nameDecides, deciding: own };
  const access: ChannelAccess = { ...base, nameDecides, uncertain, deciding: own };
  access.deciding = [...own, ...uncertainPlaces(access)];
  return { ...access, results: access.exit ? access.results : describePaths(access) };
}

/**
 * Where the templated profiles of the channel's uncertain records (those `which` keeps) are written: a finding resting
 * on what those records would change depends on their template values.
 */
export function uncertainPlaces(
  access: ChannelAccess,
  which: (record: ChlauthRecord) => boolean = () => true,
): RelatedLocation[] {
  return access.uncertain.flatMap((r) =>
    which(r) && r.templated.includes('PROFILE') && r.locations.PROFILE
      ? [{ ...r.locations.PROFILE, message: `SET CHLAUTH('${r.profile}') TYPE(${r.type}) may match ${access.channel}` }]
      : [],
  );
}

/** What a decision says, to compare two: the ways in as words, and whether administrators get in without a secret. */
function signature(access: ChannelAccess | undefined): string {
  return access ? JSON.stringify([access.results, access.adminWithoutSecret, Boolean(access.blockAll)]) : '';
}
