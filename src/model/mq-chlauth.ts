import type { Location } from '../core/types';
import { mqDefaultChlauthRecords, mqQmgrDefault, type MqDefaultChlauthRecord } from '../knowledge';
import type { MqscChlauthRecord, MqscCommand, MqscObjects, MqscParam } from '../parse/mqsc';
import { CHLAUTH_MATCHED_ON, chlauthIdentity, mappingRecordIdentity } from '../parse/mq/mqsc-objects';
import type { Provenance, Traced } from './types';

/**
 * The channel authentication records a queue manager holds after its MQSC ran: the records every new
 * queue manager starts with (knowledge), minus those the script removes, with the script's own records
 * on top (a later SET for the same profile, type and identity replaces an earlier one, as ACTION(REPLACE) does; an
 * ACTION(ADD) of a record that exists is refused, and the parser or chlauthAddsOverDefaults leaves it out).
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
}

export const MAPPING_TYPES = ['SSLPEERMAP', 'USERMAP', 'QMGRMAP', 'ADDRESSMAP'];

const identityKey = (r: { profile: string; type: string; attributes: Record<string, string> }): string => {
  const a = r.attributes;
  const id =
    r.type === 'BLOCKUSER' || r.type === 'BLOCKADDR'
      ? ''
      : [a.ADDRESS, a.SSLPEER, a.SSLCERTI, a.CLNTUSER, a.QMNAME].map((v) => (v ?? '').toUpperCase()).join('|');
  return `${r.profile.toUpperCase()}|${r.type}|${id}`;
};

const FOLDED = new Set(['USERSRC', 'WARN', 'CHCKCLNT', 'TYPE', 'ACTION']);

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

/**
 * True when `SET CHLAUTH(profile) TYPE(type) ACTION(REMOVE|REMOVEALL)` removes the record: a record is kept under its
 * own profile, so only a command naming that very profile (not one whose pattern matches it) of its type removes it.
 */
export function removesRecord(command: MqscCommand, record: { profile: string; type: string }): boolean {
  if (command.noun !== 'CHLAUTH' || command.verb !== 'SET' || command.name?.value === undefined) return false;
  const action = command.params.find((p) => p.keyword === 'ACTION')?.value?.toUpperCase();
  if (action !== 'REMOVE' && action !== 'REMOVEALL') return false;
  const type = command.params.find((p) => p.keyword === 'TYPE')?.value?.toUpperCase();
  return (
    record.profile.toUpperCase() === command.name.value.toUpperCase() &&
    (action === 'REMOVEALL' || !type || record.type === type)
  );
}

/** A SET CHLAUTH … ACTION(ADD) of the script that a record of every new queue manager refuses: the default stays. */
export interface ChlauthAddOverDefault {
  record: MqscChlauthRecord;
  kept: MqDefaultChlauthRecord;
}

/**
 * The script's SET CHLAUTH with ACTION(ADD), the default, of a mapping record a new queue manager already holds (and no
 * earlier command removed): IBM MQ refuses it (MQRCCF_CHLAUTH_ALREADY_EXISTS) and keeps the default record. Records the
 * script set twice are refused by the parser (MqscObjects.failed).
 */
export function chlauthAddsOverDefaults(objects: MqscObjects, commands: MqscCommand[]): ChlauthAddOverDefault[] {
  const defaults = mqDefaultChlauthRecords().flatMap((d) => {
    const key = mappingRecordIdentity(
      d.profile,
      d.type,
      CHLAUTH_MATCHED_ON.map((k) => d.attributes[k]),
    );
    return key ? [{ key, d }] : [];
  });
  const out: ChlauthAddOverDefault[] = [];
  for (const record of objects.chlauth) {
    const action = record.attributes.get('ACTION')?.value?.toUpperCase();
    if (action !== undefined && action !== 'ADD') continue;
    const key = chlauthIdentity(record);
    const kept = key && defaults.find((x) => x.key === key)?.d;
    if (!kept) continue;
    const at = commands.indexOf(record.command);
    if (commands.slice(0, Math.max(at, 0)).some((c) => removesRecord(c, kept))) continue;
    out.push({ record, kept });
  }
  return out;
}

/** The effective records (defaults + script), in script order; templated values are kept and listed in `templated`. */
export function effectiveChlauthRecords(objects: MqscObjects, commands: MqscCommand[], file: string): ChlauthRecord[] {
  const refused = new Set(chlauthAddsOverDefaults(objects, commands).map((r) => r.record));
  const byKey = new Map<string, ChlauthRecord>();
  for (const d of mqDefaultChlauthRecords()) {
    const record: ChlauthRecord = {
      profile: d.profile,
      type: d.type,
      attributes: { ...d.attributes },
      from: { kind: 'default', origin: `default channel authentication record of a new queue manager (${d.source})` },
      locations: {},
      templated: [],
    };
    byKey.set(identityKey(record), record);
  }
  // Removals by the script apply to the defaults too (the parser already drops the script's own removed records).
  for (const c of commands) {
    for (const [key, r] of byKey) if (r.from.kind === 'default' && removesRecord(c, r)) byKey.delete(key);
  }
  for (const r of objects.chlauth) {
    if (!r.type || refused.has(r)) continue;
    // A templated profile is kept: whether it matches a channel is unknown (profileMatch says 'maybe').
    const templated = [
      ...(r.profileParam.templated ? ['PROFILE'] : []),
      ...[...r.attributes.entries()].filter(([, p]) => p.templated).map(([k]) => k),
    ];
    const attributes: Record<string, string> = {};
    const locations: Record<string, Location> = { PROFILE: paramLocation(file, r.profileParam) };
    for (const [k, p] of r.attributes) {
      if (p.value === undefined) continue;
      attributes[k] = FOLDED.has(k) ? p.value.toUpperCase() : p.value;
      locations[k] = paramLocation(file, p);
    }
    const record: ChlauthRecord = {
      profile: r.profile,
      type: r.type,
      attributes,
      from: { kind: 'file', location: paramLocation(file, r.profileParam) },
      command: r.command,
      locations,
      templated,
    };
    const key = identityKey(record);
    byKey.delete(key);
    byKey.set(key, record);
  }
  return [...byKey.values()];
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

export function listValues(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((v) => v.replace(/^'|'$/g, '').trim())
    .filter(Boolean);
}

/** MCAUSER values that cannot be a real user: `no!body`-style ids, `*NOACCESS`, `nobody`, `noaccess`. */
export function isBlockingMcauser(value: string | undefined): boolean {
  if (!value) return false;
  return /!/.test(value) || /^\*?no\.?access$|^no\.?body$/i.test(value.trim());
}
