import type { Location } from '../core/types';
import { mqQmgrDefault } from '../knowledge';
import type { MqscCommand, MqscObjects, MqscParam } from '../parse/mqsc';
import type { Provenance, Traced } from './types';

/**
 * A channel authentication record a queue manager holds after its MQSC ran: one of the records every new queue manager
 * starts with (knowledge), or one the script sets, as its SET CHLAUTH commands leave it (effectiveChlauthRecords in
 * mq-chlauth-records.ts applies each ACTION as MQ does).
 */
export interface ChlauthRecord {
  profile: string;
  type: string;
  /** Attribute values upper-cased where MQ folds them (USERSRC, WARN, CHCKCLNT); names and addresses as written. */
  attributes: Record<string, string>;
  from: Provenance;
  /** The MQSC command, when the record comes from the tree. */
  command?: MqscCommand;
  /** Parameter locations by keyword, when the record comes from the tree. */
  locations: Record<string, Location>;
  /** Keywords whose value is a template placeholder (decided at deploy time). */
  templated: string[];
  /**
   * The record as it was before the command that made this one changed its list (a BLOCKUSER or BLOCKADDR record a
   * later ACTION(ADD) extends or ACTION(REMOVE) shortens): where each item of the list comes from (listItemFrom).
   */
  extends?: ChlauthRecord;
}

export const MAPPING_TYPES = ['SSLPEERMAP', 'USERMAP', 'QMGRMAP', 'ADDRESSMAP'];

/** CHLAUTH(ENABLED|DISABLED) of the queue manager: the script's ALTER QMGR, else the default of a new queue manager. */
export function chlauthState(objects: MqscObjects, file: string): Traced<string> {
  const p = objects.qmgr.get('CHLAUTH');
  if (p?.value !== undefined && !p.templated)
    return { value: p.value.toUpperCase(), from: { kind: 'file', location: paramLocation(file, p) } };
  if (p?.templated) return { value: 'UNKNOWN', from: { kind: 'file', location: paramLocation(file, p) } };
  const d = mqQmgrDefault('CHLAUTH');
  return {
    value: d?.value ?? 'UNKNOWN',
    from: {
      kind: 'default',
      origin: `a queue manager created at IBM MQ ${d?.since ?? '7.1'} or later has CHLAUTH(${d?.value ?? 'ENABLED'}) (${d?.source ?? ''})`,
    },
  };
}

/** Where a parameter is written: its own file in a script combined from several files, else the script's `file`. */
export function paramLocation(file: string, p: MqscParam): Location {
  return { file: p.file ?? file, range: p.valueRange ?? p.keywordRange };
}

/** MQ generic match: `*` anywhere in the profile stands for any characters (zero or more). */
export function chlauthProfileMatches(profile: string, channel: string): boolean {
  if (!profile.includes('*')) return profile.toUpperCase() === channel.toUpperCase();
  const pattern = profile
    .toUpperCase()
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(channel.toUpperCase());
}

/**
 * Template placeholders in a channel name or CHLAUTH profile (`$CHANNEL`, `${CHL}`, `{{ .Values.channel }}`, `<%= c %>`,
 * `@chl@`): an MQ object name holds none of `$ { < @`, so each is a value put in at deploy time.
 */
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|<%.*?%>|@[A-Za-z0-9_.-]+@/g;

export function hasPlaceholder(name: string): boolean {
  return name.search(PLACEHOLDER) >= 0;
}

/**
 * Whether a CHLAUTH profile matches a channel name when either holds a template placeholder: 'yes' when every value
 * matches (the same placeholder text on both sides is the same value put in; the profile `*`; a generic profile
 * `TO_*` for `TO_$CLUSTER`), 'no' when the fixed characters before or after the placeholders cannot agree, else
 * 'maybe'. Without placeholders, MQ's match (chlauthProfileMatches).
 */
export function profileMatch(profile: string, channel: string): 'yes' | 'no' | 'maybe' {
  const templatedProfile = hasPlaceholder(profile);
  if (!templatedProfile && !hasPlaceholder(channel)) return chlauthProfileMatches(profile, channel) ? 'yes' : 'no';
  if (profile.toUpperCase() === channel.toUpperCase() || profile.trim() === '*') return 'yes';
  const asGeneric = (name: string) => name.toUpperCase().replace(PLACEHOLDER, '*');
  const p = asGeneric(profile).split('*');
  const c = asGeneric(channel).split('*');
  // A side without `*` is its whole text: its first part is also its last.
  const [pFirst, pLast, cFirst, cLast] = [p[0] ?? '', p.at(-1) ?? '', c[0] ?? '', c.at(-1) ?? ''];
  if (!templatedProfile && p.length === 2 && pLast === '' && cFirst.startsWith(pFirst)) return 'yes';
  const agreeStart = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  const agreeEnd = (a: string, b: string) => a.endsWith(b) || b.endsWith(a);
  if (!agreeStart(pFirst, cFirst) || !agreeEnd(pLast, cLast)) return 'no';
  return 'maybe';
}

/** Larger is more specific: an exact name beats any generic profile; generic profiles rank by their fixed characters. */
export function profileSpecificity(profile: string): number {
  return profile.includes('*') ? profile.replace(/\*/g, '').length : 1000;
}

/** True for an address filter that every peer matches (`*`, or absent on a record where ADDRESS is optional). */
export function matchesEveryAddress(address: string | undefined): boolean {
  return address === undefined || /^\*$/.test(address.trim()) || /^\*(\.\*){3}$/.test(address.trim());
}

/** MQ's order for one channel: most specific profile first; within a profile SSLPEERMAP, then USERMAP/QMGRMAP, then ADDRESSMAP; specific addresses before generic. */
export function orderedMappingRecords(
  records: ChlauthRecord[],
  channel: string,
  types: readonly string[],
  matches: (r: ChlauthRecord) => boolean = (r) => chlauthProfileMatches(r.profile, channel),
): ChlauthRecord[] {
  const typeRank = (t: string) => (t === 'SSLPEERMAP' ? 0 : t === 'USERMAP' || t === 'QMGRMAP' ? 1 : 2);
  return records
    .filter((r) => MAPPING_TYPES.includes(r.type) && types.includes(r.type) && matches(r))
    .sort(
      (a, b) =>
        profileSpecificity(b.profile) - profileSpecificity(a.profile) ||
        typeRank(a.type) - typeRank(b.type) ||
        Number(matchesEveryAddress(a.attributes.ADDRESS)) - Number(matchesEveryAddress(b.attributes.ADDRESS)),
    );
}

/** The BLOCKUSER record of the most specific matching profile (only that one applies: a channel-specific list replaces `*MQADMIN`). */
export function blockUserRecord(
  records: ChlauthRecord[],
  channel: string,
  matches: (r: ChlauthRecord) => boolean = (r) => chlauthProfileMatches(r.profile, channel),
): ChlauthRecord | undefined {
  return records
    .filter((r) => r.type === 'BLOCKUSER' && matches(r))
    .sort((a, b) => profileSpecificity(b.profile) - profileSpecificity(a.profile))[0];
}

/**
 * Where the item of a BLOCKUSER or BLOCKADDR list that `holds` finds was put in the list: the earliest state of the
 * record that already held it (a default record a script's ACTION(ADD) extended keeps its *MQADMIN from the default).
 */
export function listItemFrom(record: ChlauthRecord, holds: (items: string[]) => boolean): Provenance {
  const items = (r: ChlauthRecord) => listValues(r.attributes.USERLIST ?? r.attributes.ADDRLIST);
  let at = record;
  while (at.extends && holds(items(at.extends))) at = at.extends;
  return at.from;
}

/**
 * The items of a USERLIST/ADDRLIST. Built by push: `pathFor`, which reads them per channel, was compiled again for the
 * holey array an optimized `map` returns (docs/performance.md, session 57).
 */
export function listValues(value: string | undefined): string[] {
  const values: string[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/)) {
    const item = raw.replace(/^'|'$/g, '').trim();
    if (item) values.push(item);
  }
  return values;
}

/** MCAUSER values that cannot be a real user: `no!body`-style ids, `*NOACCESS`, `nobody`, `noaccess`. */
export function isBlockingMcauser(value: string | undefined): boolean {
  if (!value) return false;
  return /!/.test(value) || /^\*?no\.?access$|^no\.?body$/i.test(value.trim());
}
