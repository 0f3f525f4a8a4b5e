import accessData from './data/mq-access.json';
import { oneOf, stringRecord } from './read';

/** One shipped default the access model assumes when the tree does not say otherwise, with its source. */
export interface MqDefault {
  value: string;
  source: string;
  /** The MQ release since which a new queue manager has this value. */
  since?: string;
}

export interface MqDefaultChlauthRecord {
  profile: string;
  type: string;
  attributes: Record<string, string>;
  source: string;
}

export interface MqInboundChannelType {
  chltype: string;
  defaultObject: string;
  /** Who the channel runs as when MCAUSER is blank and no CHLAUTH record maps it: the client's asserted user, the MCA's own user (mqm), or unknown. */
  blankMcauser: 'client' | 'mca' | 'unknown';
  /** CHLAUTH record types that apply to this channel type. */
  chlauthTypes: string[];
  source: string;
}

const BLANK_MCAUSER = ['client', 'mca', 'unknown'] as const;

const DATA = {
  qmgrDefaults: accessData.qmgrDefaults,
  authinfoDefaults: accessData.authinfoDefaults.map((row) => ({ ...row, attributes: stringRecord(row.attributes) })),
  defaultChlauthRecords: accessData.defaultChlauthRecords.map(
    (row): MqDefaultChlauthRecord => ({ ...row, attributes: stringRecord(row.attributes) }),
  ),
  channelTypes: accessData.channelTypes.map(
    (row): MqInboundChannelType => ({
      ...row,
      blankMcauser: oneOf(row.blankMcauser, BLANK_MCAUSER, `mq-access.json channelTypes ${row.chltype}`),
    }),
  ),
  adminUsers: accessData.adminUsers,
};

/** A queue manager attribute's value on a new queue manager (CHLAUTH, CONNAUTH). */
export function mqQmgrDefault(attribute: string): MqDefault | undefined {
  const row = DATA.qmgrDefaults.find((r) => r.attribute === attribute.toUpperCase());
  return row ? { value: row.value, source: row.source, ...(row.since ? { since: row.since } : {}) } : undefined;
}

/** An attribute of a shipped AUTHINFO object (SYSTEM.DEFAULT.AUTHINFO.IDPWOS CHCKCLNT…). */
export function mqAuthinfoDefault(name: string, attribute: string): MqDefault | undefined {
  const row = DATA.authinfoDefaults.find((r) => r.name === name.toUpperCase());
  const value = row?.attributes[attribute.toUpperCase()];
  return row && value !== undefined ? { value, source: row.source } : undefined;
}

/** The channel authentication records a new queue manager has. */
export function mqDefaultChlauthRecords(): readonly MqDefaultChlauthRecord[] {
  return DATA.defaultChlauthRecords;
}

/** An inbound channel type (SVRCONN, RCVR, RQSTR, CLUSRCVR, AMQP, MQTT), or undefined for outbound types. */
export function mqInboundChannelType(chltype: string): MqInboundChannelType | undefined {
  return DATA.channelTypes.find((t) => t.chltype === chltype.toUpperCase());
}

/** True for user ids that are privileged on some platform (mqm, MUSR_MQADMIN, QMQM…), compared case-insensitively. */
export function isMqAdminUser(user: string): boolean {
  const u = user.trim().toLowerCase();
  return DATA.adminUsers.names.some((n) => n.toLowerCase() === u);
}

/** What makes an AMQP channel accept connections (mq-access.json amqp): the capability attribute and the start command. */
export interface MqAmqpFacts {
  /** The queue manager attribute that shows whether the AMQP Service component is installed, and its value when it is not. */
  capability: { attribute: string; absentValue: string; source: string };
  /** The command that makes an AMQP channel listen. */
  listensWhen: { command: string; source: string };
}

export function mqAmqpFacts(): MqAmqpFacts {
  return accessData.amqp;
}
