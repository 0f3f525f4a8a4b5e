import type { MqscCommand, MqscParam } from './mqsc-syntax';

/** A channel as the MQSC script leaves it: DEFINE then ALTERs applied in order. */
export interface MqscChannel {
  name: string;
  /** The name parameter of the first command that defined or altered the channel. */
  nameParam: MqscParam;
  /** CHLTYPE upper case (SVRCONN, CLNTCONN, RCVR, …), when the script says. */
  chltype?: string;
  /** Latest parameter for each keyword. */
  attributes: Map<string, MqscParam>;
  commands: MqscCommand[];
  deleted: boolean;
}

export interface MqscChlauthRecord {
  profile: string;
  profileParam: MqscParam;
  type?: string;
  attributes: Map<string, MqscParam>;
  command: MqscCommand;
}

/** An AUTHINFO object as the script leaves it (DEFINE then ALTERs; CONNAUTH names one). */
export interface MqscAuthinfo {
  name: string;
  nameParam: MqscParam;
  attributes: Map<string, MqscParam>;
  deleted: boolean;
}

export interface MqscObjects {
  channels: Map<string, MqscChannel>;
  /** AUTHINFO objects defined or altered by the script, by upper-case name. */
  authinfo: Map<string, MqscAuthinfo>;
  /** ALTER QMGR attributes, latest wins. */
  qmgr: Map<string, MqscParam>;
  chlauth: MqscChlauthRecord[];
}

/** Channel attributes that take their value from the defaults when not given (MQ: REQUIRED). */
export function resolveMqscObjects(commands: MqscCommand[]): MqscObjects {
  const channels = new Map<string, MqscChannel>();
  const qmgr = new Map<string, MqscParam>();
  const chlauth: MqscChlauthRecord[] = [];
  const authinfo = new Map<string, MqscAuthinfo>();
  for (const command of commands) {
    const { verb, noun, name } = command;
    if (
      noun === 'CHANNEL' &&
      name?.value !== undefined &&
      (verb === 'DEFINE' || verb === 'ALTER' || verb === 'DELETE')
    ) {
      const key = name.value;
      let channel = channels.get(key);
      if (verb === 'DELETE') {
        if (channel) channel.deleted = true;
        continue;
      }
      const replace = verb === 'DEFINE' && command.params.some((p) => p.keyword === 'REPLACE');
      if (!channel || (verb === 'DEFINE' && (replace || channel.deleted))) {
        channel = { name: key, nameParam: name, attributes: new Map(), commands: [], deleted: false };
        channels.set(key, channel);
      }
      channel.commands.push(command);
      for (const p of command.params) {
        if (p.keyword === 'CHLTYPE' && p.value) channel.chltype = p.value.toUpperCase();
        channel.attributes.set(p.keyword, p);
      }
    } else if (
      noun === 'AUTHINFO' &&
      name?.value !== undefined &&
      (verb === 'DEFINE' || verb === 'ALTER' || verb === 'DELETE')
    ) {
      const key = name.value.toUpperCase();
      let object = authinfo.get(key);
      if (verb === 'DELETE') {
        if (object) object.deleted = true;
        continue;
      }
      if (!object || (verb === 'DEFINE' && (object.deleted || command.params.some((p) => p.keyword === 'REPLACE')))) {
        object = { name: key, nameParam: name, attributes: new Map(), deleted: false };
        authinfo.set(key, object);
      }
      for (const p of command.params) object.attributes.set(p.keyword, p);
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
        continue;
      }
      chlauth.push({ profile: name.value, profileParam: name, type, attributes, command });
    }
  }
  return { channels, authinfo, qmgr, chlauth };
}

/** MQ generic-name match: a trailing `*` matches any suffix; otherwise names are compared exactly. */
export function mqGenericMatch(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}
