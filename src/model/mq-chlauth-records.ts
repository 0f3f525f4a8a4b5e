import type { Location } from '../core/types';
import { mqDefaultChlauthRecords } from '../knowledge';
import type { MqscChlauthRecord, MqscCommand } from '../parse/mqsc';
import { CHLAUTH_MATCHED_ON, chlauthIdentity, mappingRecordIdentity } from '../parse/mq/mqsc-objects';
import { listValues, paramLocation, type ChlauthRecord } from './mq-chlauth';

/*
 * What SET CHLAUTH does to the records a queue manager holds, by ACTION (IBM MQ, SET CHLAUTH, ACTION:
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q086630_.html). A mapping record (SSLPEERMAP, ADDRESSMAP, USERMAP,
 * QMGRMAP) is one profile, type and matched value: ADD, the default, fails when it exists (3337
 * MQRCCF_CHLAUTH_ALREADY_EXISTS) and REPLACE replaces or adds it. A BLOCKUSER or BLOCKADDR record is one list per
 * profile: ADD adds the items to the list, REPLACE replaces the list, REMOVE removes the items (the last one removes the
 * record), REMOVEALL removes the record.
 */

/** The list keyword of a list record type. */
const LIST_KEYWORD: Readonly<Record<string, string>> = { BLOCKUSER: 'USERLIST', BLOCKADDR: 'ADDRLIST' };

const FOLDED = new Set(['USERSRC', 'WARN', 'CHCKCLNT', 'TYPE', 'ACTION']);

/** A SET CHLAUTH … ACTION(ADD) of a mapping record that exists: MQ refuses it (3337) and the record that exists stays. */
export interface RefusedChlauthAdd {
  record: MqscChlauthRecord;
  /** The command that set the record that stays, or the source of a record of every new queue manager. */
  kept: MqscCommand | string;
}

/** The records a queue manager holds after its script ran, and the ADDs it refused. */
interface ChlauthReplay {
  records: ChlauthRecord[];
  refused: RefusedChlauthAdd[];
}

/** The script's SET CHLAUTH commands as records, with their ACTION (upper case; undefined when the command says none). */
function scriptRecords(commands: MqscCommand[]): { record: MqscChlauthRecord; action?: string }[] {
  return commands.flatMap((command) => {
    if (command.noun !== 'CHLAUTH' || command.verb !== 'SET' || command.name?.value === undefined) return [];
    const attributes = new Map(command.params.map((p) => [p.keyword, p]));
    const type = attributes.get('TYPE')?.value?.toUpperCase();
    const record = { profile: command.name.value, profileParam: command.name, type, attributes, command };
    return [{ record, action: attributes.get('ACTION')?.value?.toUpperCase() }];
  });
}

/**
 * Which record a command or a record is about: a list record by its profile and type, a mapping record by its identity
 * (mappingRecordIdentity), or by its text where a template placeholder leaves that open.
 */
function keyOf(profile: string, type: string, value: (keyword: string) => string | undefined): string {
  const matched = CHLAUTH_MATCHED_ON.map((k) => value(k));
  if (type in LIST_KEYWORD) return `${profile}\u0000${type}`;
  return mappingRecordIdentity(profile, type, matched) ?? [profile, type, ...matched].join('\u0000');
}

function toRecord(r: MqscChlauthRecord, file: string): ChlauthRecord {
  // Pushed, not spread from `map` (docs/performance.md, session 57: the spread recompiled this function).
  const templated: string[] = [];
  if (r.profileParam.templated) templated.push('PROFILE');
  for (const [k, p] of r.attributes) if (p.templated) templated.push(k);
  const attributes: Record<string, string> = {};
  const locations: Record<string, Location> = { PROFILE: paramLocation(file, r.profileParam) };
  for (const [k, p] of r.attributes) {
    if (p.value === undefined) continue;
    attributes[k] = FOLDED.has(k) ? p.value.toUpperCase() : p.value;
    locations[k] = paramLocation(file, p);
  }
  return {
    profile: r.profile,
    type: r.type ?? '',
    attributes,
    from: { kind: 'file', location: paramLocation(file, r.profileParam) },
    command: r.command,
    locations,
    templated,
  };
}

/** `existing` with `items` added to (ADD) or taken from (REMOVE) its list, as `change` sets it; undefined when empty. */
function changedList(existing: ChlauthRecord, change: ChlauthRecord, remove: boolean): ChlauthRecord | undefined {
  const keyword = LIST_KEYWORD[existing.type]!; // a list record
  const before = listValues(existing.attributes[keyword]);
  const given = listValues(change.attributes[keyword]);
  const items = remove
    ? before.filter((v) => !given.includes(v))
    : [...before, ...given.filter((v) => !before.includes(v))];
  if (items.length === 0) return undefined;
  if (remove)
    return { ...existing, attributes: { ...existing.attributes, [keyword]: items.join(',') }, extends: existing };
  return {
    ...change,
    attributes: { ...existing.attributes, ...change.attributes, [keyword]: items.join(',') },
    locations: { ...existing.locations, ...change.locations },
    templated: [...new Set([...existing.templated, ...change.templated])],
    extends: existing,
  };
}

/**
 * Replays the script's SET CHLAUTH commands in order over the records of every new queue manager (knowledge), as MQ
 * applies each ACTION (see the top of this file). Removals apply to the defaults too; an ADD of a mapping record that
 * exists (a default, or one the script set) is refused and listed.
 */
function replayChlauth(commands: MqscCommand[], file: string): ChlauthReplay {
  const held = new Map<string, { record: ChlauthRecord; kept: MqscCommand | string }>();
  for (const d of mqDefaultChlauthRecords()) {
    const record: ChlauthRecord = {
      profile: d.profile,
      type: d.type,
      attributes: { ...d.attributes },
      from: { kind: 'default', origin: `default channel authentication record of a new queue manager (${d.source})` },
      locations: {},
      templated: [],
    };
    held.set(
      keyOf(d.profile, d.type, (k) => d.attributes[k]),
      { record, kept: d.source },
    );
  }
  const refused: RefusedChlauthAdd[] = [];
  const put = (key: string, record: ChlauthRecord | undefined, command: MqscCommand) => {
    held.delete(key); // a record set again moves to the end: script order
    if (record) held.set(key, { record, kept: command });
  };
  for (const { record: r, action } of scriptRecords(commands)) {
    const type = r.type ?? '';
    const key = keyOf(r.profile, type, (k) => r.attributes.get(k)?.value);
    const list = type in LIST_KEYWORD;
    const existing = held.get(key);
    if (action === 'REMOVEALL') {
      for (const [k, h] of held)
        if (h.record.profile === r.profile && (!r.type || h.record.type === type)) held.delete(k);
    } else if (action === 'REMOVE') {
      // A list loses the items named (all of them when none is); a mapping record is removed.
      const named = list && listValues(r.attributes.get(LIST_KEYWORD[type]!)?.value).length > 0;
      if (existing) put(key, named ? changedList(existing.record, toRecord(r, file), true) : undefined, r.command);
    } else if (!r.type) {
      continue; // no type: MQ refuses the command, and lint-deploy cannot say what it would set
    } else if (action === 'REPLACE' || !existing) {
      // An empty list replaced acts like REMOVEALL.
      const empty = list && listValues(r.attributes.get(LIST_KEYWORD[type]!)?.value).length === 0;
      put(key, empty ? undefined : toRecord(r, file), r.command);
    } else if (list) {
      put(key, changedList(existing.record, toRecord(r, file), false), r.command);
    } else if (chlauthIdentity(r) !== undefined) {
      refused.push({ record: r, kept: existing.kept });
    } else {
      put(key, toRecord(r, file), r.command); // a placeholder decides which record: taken as the script's
    }
  }
  return { records: [...held.values()].map((h) => h.record), refused };
}

/**
 * The channel authentication records a queue manager holds after its MQSC ran (defaults + script, in script order);
 * templated values are kept and listed in `templated`.
 */
export function effectiveChlauthRecords(commands: MqscCommand[], file: string): ChlauthRecord[] {
  return replayChlauth(commands, file).records;
}

/** The script's SET CHLAUTH … ACTION(ADD) commands MQ refuses because the mapping record exists (3337). */
export function refusedChlauthAdds(commands: MqscCommand[], file: string): RefusedChlauthAdd[] {
  return replayChlauth(commands, file).refused;
}

/**
 * True when `SET CHLAUTH(profile) TYPE(type) ACTION(REMOVE|REMOVEALL)` removes the record: a record is kept under its
 * own profile, so only a command naming that very profile (not one whose pattern matches it) of its type removes it;
 * REMOVE of a mapping record also names the value it matches on, and REMOVE from a list empties it only when it names
 * every item.
 */
export function removesRecord(
  command: MqscCommand,
  record: { profile: string; type: string; attributes: Record<string, string> },
): boolean {
  const [one] = scriptRecords([command]);
  if (!one || (one.action !== 'REMOVE' && one.action !== 'REMOVEALL')) return false;
  const { record: r, action } = one;
  if (r.profile !== record.profile) return false;
  if (action === 'REMOVEALL') return !r.type || r.type === record.type;
  if (r.type !== record.type) return false;
  const value = (k: string) => r.attributes.get(k)?.value?.trim();
  if (!(record.type in LIST_KEYWORD))
    return keyOf(r.profile, r.type, value) === keyOf(record.profile, record.type, (k) => record.attributes[k]);
  const keyword = LIST_KEYWORD[record.type]!;
  const named = listValues(value(keyword));
  return named.length === 0 || listValues(record.attributes[keyword]).every((v) => named.includes(v));
}
