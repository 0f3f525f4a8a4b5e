import type { MqscCommand, MqscParam } from './mqsc-syntax';

/** A channel as the MQSC script leaves it: DEFINE then ALTERs applied in order. */
export interface MqscChannel extends MqscDefinedObject {
  /** CHLTYPE upper case (SVRCONN, CLNTCONN, RCVR, …), when the script says. */
  chltype?: string;
}

/** An object the script DEFINEs or ALTERs (a channel, an AUTHINFO), as the script leaves it. */
export interface MqscDefinedObject {
  name: string;
  /** The name parameter of the command that defined the object (or first altered it, when the script never defines it). */
  nameParam: MqscParam;
  /** Latest parameter for each keyword. */
  attributes: Map<string, MqscParam>;
  /** The commands applied to the object, in order: its DEFINE, then its ALTERs. */
  commands: MqscCommand[];
  deleted: boolean;
  /** The DEFINE in effect; undefined when the script only ALTERs the object (it is defined outside the tree). */
  definedBy?: MqscCommand;
}

/** An AUTHINFO object as the script leaves it (DEFINE then ALTERs; CONNAUTH names one). */
export type MqscAuthinfo = MqscDefinedObject;

export interface MqscChlauthRecord {
  profile: string;
  profileParam: MqscParam;
  type?: string;
  attributes: Map<string, MqscParam>;
  command: MqscCommand;
}

/**
 * A command MQ refuses when the script runs on a new queue manager, so it changes nothing:
 * `not-found`, an ALTER of an object the script DEFINEs only later or has deleted (runmqsc AMQ8147E "IBM MQ object … not
 * found"); `exists`, a DEFINE without REPLACE (or with NOREPLACE) of an object the script already defined (MQRCCF_OBJECT_ALREADY_EXISTS,
 * runmqsc AMQ8150E "IBM MQ object already exists"). Which SET CHLAUTH MQ refuses is the model's (refusedChlauthAdds).
 */
export interface MqscFailedCommand {
  command: MqscCommand;
  reason: 'not-found' | 'exists';
  /** `CHANNEL(NAME)`, `AUTHINFO(NAME)`. */
  object: string;
  noun: 'CHANNEL' | 'AUTHINFO';
  /** The object's key in `channels` / `authinfo`. */
  key: string;
  /** The DEFINE that comes later (not-found) or earlier (exists), or the DELETE that removed the object. */
  other?: MqscCommand;
}

/**
 * The mapping records `SET CHLAUTH … ACTION(ADD)` refuses to add a second time: for these types a record is one profile,
 * type and the value it matches on, and ADD fails when it exists (IBM MQ, SET CHLAUTH, ACTION; MQRCCF_CHLAUTH_ALREADY_EXISTS).
 * BLOCKUSER and BLOCKADDR records are lists, which ADD extends.
 */
const MAPPING_RECORD_TYPES = new Set(['SSLPEERMAP', 'ADDRESSMAP', 'USERMAP', 'QMGRMAP']);
/** The values a mapping record matches on, besides its profile and type. */
export const CHLAUTH_MATCHED_ON = ['ADDRESS', 'SSLPEER', 'SSLCERTI', 'CLNTUSER', 'QMNAME'] as const;

/**
 * What identifies a mapping record for ACTION(ADD): its profile, type and matched values (CHLAUTH_MATCHED_ON order) as
 * the queue manager sees them; undefined for a list type (BLOCKUSER, BLOCKADDR).
 */
export function mappingRecordIdentity(
  profile: string,
  type: string | undefined,
  matched: readonly (string | undefined)[],
) {
  if (!type || !MAPPING_RECORD_TYPES.has(type)) return undefined;
  return [profile, type, ...matched.map((v) => v?.trim() ?? '')].join('\u0000');
}

/** The identity (mappingRecordIdentity) of a record the script sets; undefined when a value is a template placeholder. */
export function chlauthIdentity(record: MqscChlauthRecord): string | undefined {
  const values = CHLAUTH_MATCHED_ON.map((k) => record.attributes.get(k));
  if (record.profileParam.templated || values.some((p) => p?.templated)) return undefined;
  return mappingRecordIdentity(
    record.profile,
    record.type,
    values.map((p) => p?.value),
  );
}

/** `CHLAUTH('PROFILE') TYPE(ADDRESSMAP) ADDRESS('*')`: a record in words, by its identity. */
export function chlauthRecordText(record: {
  profile: string;
  type?: string;
  attributes: Map<string, MqscParam>;
}): string {
  const matched = CHLAUTH_MATCHED_ON.flatMap((k) => {
    const value = record.attributes.get(k)?.value;
    return value === undefined ? [] : [` ${k}('${value}')`];
  });
  return `CHLAUTH('${record.profile}') TYPE(${record.type ?? ''})${matched.join('')}`;
}

export interface MqscObjects {
  channels: Map<string, MqscChannel>;
  /** AUTHINFO objects defined or altered by the script, by upper-case name. */
  authinfo: Map<string, MqscAuthinfo>;
  /** ALTER QMGR attributes, latest wins. */
  qmgr: Map<string, MqscParam>;
  /**
   * The script's SET CHLAUTH records that add or replace, in order, less those a later REMOVE or REMOVEALL of their
   * profile and type drops: what the script writes. The records MQ holds after it (lists that ADD extends, ADDs it
   * refuses, the defaults of a new queue manager) are the model's (effectiveChlauthRecords).
   */
  chlauth: MqscChlauthRecord[];
  /** Commands that fail when the script runs in order on a new queue manager (they change nothing). */
  failed: MqscFailedCommand[];
}

const OBJECT_VERBS = new Set(['DEFINE', 'ALTER', 'DELETE']);

/**
 * The objects an MQSC script leaves on its queue manager, applying its commands in order as MQ does: a DEFINE creates
 * (REPLACE replaces), an ALTER changes only the attributes it names, a DELETE removes, ALTER QMGR and SET CHLAUTH
 * apply in turn. A command MQ refuses changes nothing and is listed in `failed`.
 */
export function resolveMqscObjects(commands: MqscCommand[]): MqscObjects {
  const channels = new Map<string, MqscChannel>();
  const qmgr = new Map<string, MqscParam>();
  const chlauth: MqscChlauthRecord[] = [];
  const authinfo = new Map<string, MqscAuthinfo>();
  const failed: MqscFailedCommand[] = [];
  const keyOf = (noun: string, name: string) => (noun === 'AUTHINFO' ? name.toUpperCase() : name);
  // The last DEFINE of each object: an ALTER before it fails on a new queue manager.
  const lastDefine = new Map<string, number>();
  commands.forEach((c, i) => {
    if (c.verb === 'DEFINE' && (c.noun === 'CHANNEL' || c.noun === 'AUTHINFO') && c.name?.value !== undefined)
      lastDefine.set(`${c.noun}\0${keyOf(c.noun, c.name.value)}`, i);
  });
  commands.forEach((command, index) => {
    const { verb, noun, name } = command;
    if ((noun === 'CHANNEL' || noun === 'AUTHINFO') && name?.value !== undefined && OBJECT_VERBS.has(verb)) {
      const objects: Map<string, MqscDefinedObject> = noun === 'CHANNEL' ? channels : authinfo;
      const key = keyOf(noun, name.value);
      const object = `${noun}(${name.value})`;
      let current = objects.get(key);
      if (verb === 'DELETE') {
        if (current) {
          current.deleted = true;
          current.commands.push(command);
        }
        return;
      }
      const laterDefine = lastDefine.get(`${noun}\0${key}`);
      // Shipped SYSTEM.* objects exist before any script runs: an ALTER of one before its DEFINE succeeds.
      const definedLater = laterDefine !== undefined && laterDefine > index && !key.startsWith('SYSTEM.');
      if (verb === 'ALTER' && (current?.deleted || (!current && definedLater))) {
        const other = current ? current.commands.at(-1) : commands[laterDefine!]; // set when definedLater
        failed.push({ command, reason: 'not-found', object, noun, key, other });
        return;
      }
      const replace = command.params.some((p) => p.keyword === 'REPLACE');
      if (verb === 'DEFINE' && current?.definedBy && !current.deleted && !replace) {
        failed.push({ command, reason: 'exists', object, noun, key, other: current.definedBy });
        return;
      }
      if (!current || verb === 'DEFINE') {
        current = { name: key, nameParam: name, attributes: new Map(), commands: [], deleted: false };
        objects.set(key, current);
      }
      if (verb === 'DEFINE') current.definedBy = command;
      current.commands.push(command);
      for (const p of command.params) {
        if (noun === 'CHANNEL' && p.keyword === 'CHLTYPE' && p.value)
          (current as MqscChannel).chltype = p.value.toUpperCase();
        current.attributes.set(p.keyword, p);
      }
    } else if (noun === 'QMGR' && verb === 'ALTER') {
      for (const p of command.params) qmgr.set(p.keyword, p);
    } else if (noun === 'CHLAUTH' && verb === 'SET' && name?.value !== undefined) {
      const attributes = new Map<string, MqscParam>();
      for (const p of command.params) attributes.set(p.keyword, p);
      const action = attributes.get('ACTION')?.value?.toUpperCase();
      const type = attributes.get('TYPE')?.value?.toUpperCase();
      if (action === 'REMOVE' || action === 'REMOVEALL') {
        const removed = (r: MqscChlauthRecord) =>
          r.profile === name.value && (action === 'REMOVEALL' || r.type === type);
        chlauth.splice(0, chlauth.length, ...chlauth.filter((r) => !removed(r)));
        return;
      }
      chlauth.push({ profile: name.value, profileParam: name, type, attributes, command });
    }
  });
  return { channels, authinfo, qmgr, chlauth, failed };
}

/** MQ generic-name match: a trailing `*` matches any suffix; otherwise names are compared exactly. */
export function mqGenericMatch(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}
