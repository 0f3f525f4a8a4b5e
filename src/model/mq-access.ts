import type { Location, RelatedLocation } from '../core/types';
import { ours, renderPhrase, said, type Phrase } from '../core/phrase';
import { describePaths } from './mq-access-words';
import { amqpChannelStarted } from './mq-amqp';
import { isMqAdminUser, mqAuthinfoDefault, mqInboundChannelType, mqQmgrDefault } from '../knowledge';
import type { MqscData, MqscObjects, MqscParam } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import {
  blockUserRecord,
  chlauthState,
  isBlockingMcauser,
  listItemFrom,
  listValues,
  matchesEveryAddress,
  orderedMappingRecords,
  paramLocation,
} from './mq-chlauth';
import type { AccessPath, ChannelAccess } from './mq-access-types';
import type { ChlauthRecord } from './mq-chlauth';
import type { Provenance, Traced } from './types';

export type { AccessPath, ChannelAccess } from './mq-access-types';

/** What a channel definition says, with where (DEFINE/ALTER in the tree, or the shipped default object). */
export interface ChannelInput {
  name: string;
  chltype: string;
  /** Latest parameter per keyword in the tree; undefined for a shipped default object the tree never touches. */
  attributes?: Map<string, MqscParam>;
  /** True when the tree DEFINEs the channel (unset attributes are then the SYSTEM.DEF.* defaults). */
  defined: boolean;
  location?: Location;
}

export interface AccessOverrides {
  /** Evaluate as if CHLAUTH were at its default (ENABLED, default records only + the tree's records). */
  chlauthDefault?: boolean;
  /** Evaluate as if CONNAUTH and its AUTHINFO were at their defaults. */
  connauthDefault?: boolean;
  /**
   * The queue manager runs without the object authority manager (created with MQSNOAUT: src/model/mq-oam.ts). The
   * OAM is what checks a connecting user's password for CONNAUTH's IDPWOS ("The OAM performs its authentication check
   * when an application connects", https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=mq-authority-work-objects-multiplatforms):
   * without it no password is checked. Where MQSNOAUT is set.
   */
  noAuthorityManager?: Location;
  /**
   * The tree creates the queue manager (src/model/mq-qmgr-created.ts), where: unless the tree sets CHLAUTH, it is a new
   * queue manager's, ENABLED with the default records, and no record the tree does not show exists.
   */
  createdBy?: Location;
}

/** How a queue manager's channels are decided: without the object authority manager, and as one the tree creates. */
export function queueManagerEvaluation(noAuthorityManager?: Location, createdBy?: Location): AccessOverrides {
  return { ...(noAuthorityManager && { noAuthorityManager }), ...(createdBy && { createdBy }) };
}

/**
 * The assumption behind a verdict on a queue manager the tree does not create and whose CHLAUTH it does not set. The
 * default records cannot be the reason a verdict is uncertain: a new queue manager has exactly those. What the tree
 * leaves open is the queue manager itself: one that already exists may hold records set before (a back-stop).
 */
const EXISTING_RECORDS = ours(
  "CHLAUTH(ENABLED) and no channel authentication record but the defaults and the tree's (a queue manager the tree does not create may hold others, a back-stop among them)",
);

const rank = { NONE: 0, OPTIONAL: 1, REQDADM: 2, REQUIRED: 3 } as Record<string, number>;

/**
 * The records one decision takes: the queue manager's records (effectiveChlauthRecords, computed once per channel) and
 * which of them match the channel's name in this decision (a templated name or profile is decided both ways by
 * channelAccess in mq-channel-access.ts).
 */
export interface RecordsWorld {
  records: ChlauthRecord[];
  matches: (record: ChlauthRecord) => boolean;
}

/** The access decision for one inbound channel with the given records matching it; undefined for other channel types. */
export function decideChannelAccess(
  doc: ParsedDocument<MqscData>,
  input: ChannelInput,
  overrides: AccessOverrides,
  world: RecordsWorld,
): ChannelAccess | undefined {
  const type = mqInboundChannelType(input.chltype);
  if (!type) return undefined;
  const file = doc.file.path;
  const objects = doc.data.objects;
  // Each default the verdict rests on, in words, once: ours, with the tree's object names as its values.
  const assumed = new Map<string, Phrase>();
  const assume = (phrase: Phrase) =>
    assumed.set(
      renderPhrase(phrase, (text) => text),
      phrase,
    );
  const deciding: RelatedLocation[] = [];
  const at = (location: Location, message: string) => deciding.push({ ...location, message });
  // CHLAUTH as the tree sets it; else a new queue manager's where the tree creates it, else assumed (EXISTING_RECORDS).
  const chlauthOf = (state: Traced<string>): Traced<string> => {
    if (state.from.kind === 'file') at(state.from.location, `CHLAUTH(${state.value})`);
    else if (overrides.createdBy)
      at(overrides.createdBy, 'a queue manager the tree creates: CHLAUTH(ENABLED) and the default records only');
    else assume(EXISTING_RECORDS);
    return state;
  };
  const shipped = isShippedChannel(input.name, type.defaultObject);
  const attr = (keyword: string): { value?: string; templated: boolean; from: Provenance } => {
    const p = input.attributes?.get(keyword);
    if (p) return { value: p.value, templated: p.templated, from: { kind: 'file', location: paramLocation(file, p) } };
    // Unset: the SYSTEM.DEF.* object supplies it (blank MCAUSER/SSLCIPH/SCYEXIT, SSLCAUTH(REQUIRED)); an ALTER-only channel's DEFINE is elsewhere,
    // except a shipped object's: an ALTER keeps the attributes it does not name, which are then as shipped.
    if (!input.defined && input.attributes && !shipped)
      return {
        value: undefined,
        templated: true,
        from: {
          kind: 'default',
          origin: `${keyword} of ${input.name} is set where the channel is defined, outside the tree`,
        },
      };
    return {
      value: keyword === 'SSLCAUTH' ? 'REQUIRED' : '',
      templated: false,
      from: { kind: 'default', origin: `${keyword} of ${type.defaultObject} as shipped (${type.source})` },
    };
  };

  const chlauth = overrides.chlauthDefault
    ? ({
        value: mqQmgrDefault('CHLAUTH')?.value ?? 'ENABLED',
        from: { kind: 'default', origin: 'default' },
      } as Traced<string>)
    : chlauthOf(chlauthState(objects, file));
  const records = chlauth.value === 'ENABLED' ? world.records : [];
  const connauth = connauthOf(objects, file, overrides.connauthDefault === true);

  const ciph = attr('SSLCIPH');
  const cauth = attr('SSLCAUTH');
  const tlsUnknown = ciph.templated || cauth.templated;
  const tlsEnabled = Boolean(ciph.value?.trim());
  const certificateRequired = tlsEnabled && (cauth.value ?? 'REQUIRED').toUpperCase() !== 'OPTIONAL';
  if (ciph.from.kind === 'file' && tlsEnabled) at(ciph.from.location, `SSLCIPH(${ciph.value})`);
  if (cauth.from.kind === 'file' && tlsEnabled) at(cauth.from.location, `SSLCAUTH(${cauth.value})`);
  const exitAttr = attr('SCYEXIT');
  const exit = exitAttr.value?.trim() ? { value: exitAttr.value.trim(), from: exitAttr.from } : undefined;
  const mcauser = attr('MCAUSER');

  const paths: AccessPath[] = [];
  const blockAll =
    chlauth.value === 'ENABLED' && type.chlauthTypes.includes('BLOCKADDR')
      ? records.find(
          (r) =>
            r.type === 'BLOCKADDR' &&
            r.attributes.WARN !== 'YES' &&
            listValues(r.attributes.ADDRLIST).some((a) => matchesEveryAddress(a)),
        )
      : undefined;
  let templatedRecord: ChlauthRecord | undefined;
  if (!blockAll && chlauth.value !== 'UNKNOWN') {
    let catchAll = false;
    for (const r of orderedMappingRecords(records, input.name, type.chlauthTypes, world.matches)) {
      const a = r.attributes;
      // A templated profile is decided by matches (this decision takes the record as matching the channel or not).
      if (r.templated.some((k) => k !== 'CHCKCLNT' && k !== 'DESCR' && k !== 'CUSTOM' && k !== 'PROFILE')) {
        templatedRecord = r; // the placeholder decides who matches: the rest of the decision is unknown
        break;
      }
      const needs: string[] = [];
      let needsCertificate = false;
      if (r.type === 'SSLPEERMAP') {
        if (!tlsEnabled) continue; // no certificate on a plaintext channel: the record never matches
        needs.push(`a certificate matching SSLPEER('${a.SSLPEER ?? ''}')`);
        needsCertificate = true;
      } else if (r.type === 'USERMAP') needs.push(`asserting the client user id '${a.CLNTUSER ?? ''}'`);
      else if (r.type === 'QMGRMAP' && !matchesEveryAddress(a.QMNAME))
        needs.push(`naming itself queue manager '${a.QMNAME ?? ''}'`);
      if (!matchesEveryAddress(a.ADDRESS)) needs.push(`connecting from ${a.ADDRESS}`);
      paths.push(pathFor(r, needs, needsCertificate));
      if (needs.length === 0) {
        catchAll = true;
        break;
      }
    }
    if (!catchAll && !templatedRecord) paths.push(pathFor(undefined, [], false));
  }

  function pathFor(record: ChlauthRecord | undefined, needs: string[], needsCertificate: boolean): AccessPath {
    const path: AccessPath = {
      record,
      needs,
      needsCertificate: needsCertificate || certificateRequired,
      identity: { kind: 'unknown' },
      admin: false,
      password: 'unknown',
    };
    const src = record ? (record.attributes.USERSRC ?? 'MAP') : 'CHANNEL';
    if (src === 'NOACCESS' && record?.attributes.WARN !== 'YES')
      path.identity = { kind: 'blocked', from: record?.from };
    else if (src === 'MAP' && record) {
      const user = record.attributes.MCAUSER ?? '';
      path.identity = user ? { kind: 'fixed', user, from: record.from } : { kind: 'unknown' };
    } else {
      if (src === 'NOACCESS') path.warnOnly = record;
      if (mcauser.templated) path.identity = { kind: 'unknown', from: mcauser.from };
      else if (mcauser.value?.trim()) path.identity = { kind: 'fixed', user: mcauser.value.trim(), from: mcauser.from };
      else if (record?.type === 'USERMAP' && record.attributes.CLNTUSER)
        path.identity = { kind: 'fixed', user: record.attributes.CLNTUSER, from: record.from };
      else
        path.identity = { kind: type!.blankMcauser === 'unknown' ? 'unknown' : type!.blankMcauser, from: mcauser.from };
    }
    const id = path.identity;
    const blocker = type!.chlauthTypes.includes('BLOCKUSER')
      ? blockUserRecord(records, input.name, world.matches)
      : undefined;
    const blockList: string[] = [];
    if (blocker && blocker.attributes.WARN !== 'YES')
      for (const user of listValues(blocker.attributes.USERLIST)) blockList.push(user.toLowerCase());
    const blocksAdmins = blockList.includes('*mqadmin');
    if (
      id.kind === 'fixed' &&
      id.user &&
      (blockList.includes(id.user.toLowerCase()) || (blocksAdmins && isMqAdminUser(id.user)))
    ) {
      const user = id.user;
      const refuses = (items: string[]) =>
        items.some(
          (u) => u.toLowerCase() === user.toLowerCase() || (u.toLowerCase() === '*mqadmin' && isMqAdminUser(user)),
        );
      path.identity = { kind: 'blocked', user: id.user, from: listItemFrom(blocker!, refuses) };
      path.blockUser = blocker;
    } else if (id.kind === 'client' && (blocksAdmins || blockList.includes('mqm'))) path.blockUser = blocker;
    // An MCAUSER no user can be (`no!body`) blocks only because the object authority manager finds no such user:
    // without it (MQSNOAUT) no authority check is made, and the channel runs as that id with every authority.
    if (path.identity.kind === 'fixed' && isBlockingMcauser(path.identity.user) && !overrides.noAuthorityManager)
      path.identity = { kind: 'blocked', user: path.identity.user, from: path.identity.from };
    const final = path.identity;
    path.admin =
      final.kind === 'mca' ||
      (final.kind === 'client' && !path.blockUser) ||
      (final.kind === 'fixed' && isMqAdminUser(final.user ?? ''));
    path.password = passwordFor(path, record);
    return path;
  }

  function passwordFor(path: AccessPath, record: ChlauthRecord | undefined): AccessPath['password'] {
    if (type!.blankMcauser === 'mca') return 'none'; // queue manager to queue manager channels carry no password
    if (path.identity.kind === 'blocked') return 'none';
    if (overrides.noAuthorityManager) return 'none';
    const base = connauth.chckclnt?.value;
    if (record?.templated.includes('CHCKCLNT')) return 'unknown';
    const fromRecord = record?.attributes.CHCKCLNT;
    if (fromRecord === 'REQUIRED' || fromRecord === 'REQDADM') {
      if (!connauth.authinfo.value.trim()) return 'unknown';
      path.passwordFrom = record!.from;
      const stricter = base !== undefined && (rank[base] ?? -1) > (rank[fromRecord] ?? -1) ? base : fromRecord;
      return stricter === 'REQUIRED' ? 'all' : 'admin';
    }
    if (!connauth.authinfo.value.trim()) return 'none';
    if (base === undefined) return 'unknown';
    // REQDADM asks the asserted user for a password when it is privileged: a USERMAP path asserts CLNTUSER, whose group membership the tree does not show.
    if (base === 'REQDADM' && record?.type === 'USERMAP' && !isMqAdminUser(record.attributes.CLNTUSER ?? ''))
      return path.identity.kind === 'fixed' && isMqAdminUser(path.identity.user ?? '') ? 'unknown' : 'admin';
    return base === 'REQUIRED'
      ? 'all'
      : base === 'REQDADM'
        ? 'admin'
        : base === 'NONE' || base === 'OPTIONAL'
          ? 'none'
          : 'unknown';
  }

  const clientChannel = type.blankMcauser === 'client';
  const open = paths.filter((p) => p.identity.kind !== 'blocked');
  for (const p of open) {
    if (p.record) {
      if (p.record.from.kind === 'file')
        at(p.record.from.location, `SET CHLAUTH('${p.record.profile}') TYPE(${p.record.type})`);
      else if (!overrides.createdBy) assume(ours('the default channel authentication records'));
    }
    if (p.identity.from?.kind === 'file' && !p.record)
      at(p.identity.from.location, `MCAUSER(${p.identity.user ?? ''})`);
    if (p.blockUser?.from.kind === 'file')
      at(p.blockUser.from.location, `SET CHLAUTH('${p.blockUser.profile}') TYPE(BLOCKUSER)`);
    if (p.admin && clientChannel && overrides.noAuthorityManager)
      at(overrides.noAuthorityManager, 'MQSNOAUT: no object authority manager, no password checked');
    else if (p.admin && clientChannel) {
      if (connauth.authinfo.from.kind === 'file')
        at(connauth.authinfo.from.location, `CONNAUTH(${connauth.authinfo.value || "' '"})`);
      if (connauth.chckclnt?.from.kind === 'file')
        at(connauth.chckclnt.from.location, `CHCKCLNT(${connauth.chckclnt.value})`);
      else if (connauth.authinfo.value.trim()) assume(said`CHCKCLNT of ${connauth.authinfo.value} as shipped`);
    }
  }
  if (!input.defined && input.attributes === undefined) assume(said`${input.name} as shipped`);
  else if (!input.defined && shipped) assume(said`the attributes the ALTER of ${input.name} does not name as shipped`);
  // An AMQP channel listens only once started (mq-access.json amqp): a script that never starts it leaves that unknown.
  if (input.chltype === 'AMQP' && !amqpChannelStarted(doc, input.name))
    assume(said`the AMQP service runs with ${input.name} started`);
  if (input.location) deciding.unshift({ ...input.location, message: `${input.chltype} channel ${input.name}` });
  const adminWithoutSecret =
    !exit &&
    !tlsUnknown &&
    !templatedRecord &&
    open.some(
      (p) =>
        p.admin &&
        !p.needsCertificate &&
        (p.password === 'none' || (p.password === 'admin' && p.identity.kind === 'fixed')),
    );
  const access: ChannelAccess = {
    nameDecides: true,
    uncertain: [],
    channel: input.name,
    chltype: input.chltype,
    chlauth,
    connauth,
    tls: { enabled: tlsEnabled, certificateRequired, unknown: tlsUnknown },
    exit,
    blockAll,
    templatedRecord,
    paths,
    adminWithoutSecret,
    assumed: [...assumed.values()],
    deciding: dedupe(deciding),
    results: [],
  };
  access.results = describe(access);
  return access;
}

/**
 * Where an MQSC makes every client authenticate and adopts the authenticated user (its CONNAUTH AUTHINFO written with
 * CHCKCLNT(REQUIRED) and ADOPTCTX(YES)): the CONNAUTH's place, else undefined.
 */
export function adoptingConnauth(doc: ParsedDocument<MqscData>): Location | undefined {
  const connauth = connauthOf(doc.data.objects, doc.file.path, false);
  const written = (t: Traced<string> | undefined, value: string) => t?.from.kind === 'file' && t.value === value;
  if (!written(connauth.chckclnt, 'REQUIRED') || !written(connauth.adoptctx, 'YES')) return undefined;
  return connauth.authinfo.from.kind === 'file' ? connauth.authinfo.from.location : undefined;
}

function connauthOf(objects: MqscObjects, file: string, useDefault: boolean): ChannelAccess['connauth'] {
  const p = useDefault ? undefined : objects.qmgr.get('CONNAUTH');
  const name: Traced<string> =
    p && p.value !== undefined && !p.templated
      ? { value: p.value.trim().toUpperCase(), from: { kind: 'file', location: paramLocation(file, p) } }
      : {
          value: mqQmgrDefault('CONNAUTH')?.value ?? 'SYSTEM.DEFAULT.AUTHINFO.IDPWOS',
          from: {
            kind: 'default',
            origin: `CONNAUTH of a new queue manager (${mqQmgrDefault('CONNAUTH')?.source ?? ''})`,
          },
        };
  if (p?.templated) return { authinfo: { value: '?', from: { kind: 'file', location: paramLocation(file, p) } } };
  if (!name.value) return { authinfo: name };
  const object = useDefault ? undefined : objects.authinfo.get(name.value);
  const field = (keyword: string): Traced<string> | undefined => {
    const q = object?.attributes.get(keyword);
    if (q?.value !== undefined && !q.templated)
      return { value: q.value.toUpperCase(), from: { kind: 'file', location: paramLocation(file, q) } };
    if (q?.templated) return undefined;
    const d = mqAuthinfoDefault(name.value, keyword);
    // An AUTHINFO the script DEFINEs takes the DEFINE defaults, which this model does not hold: unknown.
    return d && !object?.attributes.has('AUTHTYPE')
      ? { value: d.value, from: { kind: 'default', origin: `${keyword} of ${name.value} as shipped (${d.source})` } }
      : undefined;
  };
  return { authinfo: name, chckclnt: field('CHCKCLNT'), adoptctx: field('ADOPTCTX') };
}

function describe(a: ChannelAccess): string[] {
  return a.exit ? [`unknown (exit ${a.exit.value})`] : describePaths(a);
}

function dedupe(locations: RelatedLocation[]): RelatedLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.file}:${l.range?.start.line}:${l.range?.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A channel object every new queue manager has (its type's SYSTEM.DEF.* object, SYSTEM.AUTO.SVRCONN): an ALTER of it
 * in the tree starts from the shipped attributes, not from a DEFINE elsewhere.
 */
function isShippedChannel(name: string, defaultObject: string): boolean {
  return name === defaultObject || (defaultObject === 'SYSTEM.DEF.SVRCONN' && name === 'SYSTEM.AUTO.SVRCONN');
}

/** The tree ALTERs (never DEFINEs) a shipped channel object: its name decides that the other attributes are as shipped. */
export function altersShippedChannel(input: ChannelInput): boolean {
  const type = mqInboundChannelType(input.chltype);
  return !input.defined && input.attributes !== undefined && !!type && isShippedChannel(input.name, type.defaultObject);
}
