import type { RelatedLocation } from '../core/types';
import type { Phrase } from '../core/phrase';
import type { ChlauthRecord } from './mq-chlauth';
import type { Provenance, Traced } from './types';

/**
 * The queue manager's access decision for one inbound channel, as MQ takes it: BLOCKADDR at the listener,
 * then the mapping record (SSLPEERMAP/USERMAP/QMGRMAP/ADDRESSMAP) of the most specific channel profile,
 * then the channel's MCAUSER (USERSRC(CHANNEL)) or the peer's own identity, then the BLOCKUSER record of the
 * most specific profile; CONNAUTH decides whether a password is checked. The peer's address, certificate
 * and asserted user are not in the tree, so every way in is listed with what a peer needs to take it.
 */
export type IdentityKind = 'fixed' | 'client' | 'mca' | 'blocked' | 'unknown';

export interface AccessPath {
  /** The mapping record that decides this way in; undefined when no record matches (the channel's own settings). */
  record?: ChlauthRecord;
  /** What a peer must present: nothing (anyone reaching the listener), an address, a client user id, a queue manager name, a certificate. */
  needs: string[];
  needsCertificate: boolean;
  identity: { kind: IdentityKind; user?: string; from?: Provenance };
  /** A record that would refuse this way in but only warns (WARN(YES)). */
  warnOnly?: ChlauthRecord;
  /** The BLOCKUSER record that refuses this path's identity, or refuses administrators asserting their id. */
  blockUser?: ChlauthRecord;
  /** An administrative identity gets in through this path. */
  admin: boolean;
  /** Password check this path's identity faces: 'all' (everyone), 'admin' (privileged users only), 'none', 'unknown'. */
  password: 'all' | 'admin' | 'none' | 'unknown';
  /** The record's CHCKCLNT that raised the check, when any. */
  passwordFrom?: Provenance;
}

export interface ChannelAccess {
  channel: string;
  chltype: string;
  chlauth: Traced<string>;
  connauth: { authinfo: Traced<string>; chckclnt?: Traced<string>; adoptctx?: Traced<string> };
  tls: { enabled: boolean; certificateRequired: boolean; unknown: boolean };
  /** SCYEXIT named on the channel: the exit may change or refuse the identity, so the outcome is unknown. */
  exit?: Traced<string>;
  blockAll?: ChlauthRecord;
  /**
   * Records that may or may not match the channel (a template placeholder in the record's profile or the channel's
   * name) and would change this decision if they did: the decision holds only if none of them matches.
   */
  uncertain: ChlauthRecord[];
  /**
   * Whether the channel's name decides its access: another value of a templated name (another literal name) could
   * match a record that changes the decision. False, the name is context: no record a name can match changes it.
   */
  nameDecides: boolean;
  /** A record whose matching values are template placeholders: every way in after it is unknown. */
  templatedRecord?: ChlauthRecord;
  paths: AccessPath[];
  /** Administrators get in without a certificate and without a password on some path. */
  adminWithoutSecret: boolean;
  /**
   * Defaults of a new queue manager that the verdict rests on (empty = every deciding input is written in the tree), in
   * our words with the tree's object names as values: a password that is a word of ours (`default`) masks none of them.
   */
  assumed: Phrase[];
  /** Every location whose content decides the verdict (QMGR CHLAUTH, records, AUTHINFO, MCAUSER…). */
  deciding: RelatedLocation[];
  /** The results in words: "runs as app", "client-asserted user", "blocked", "administrator (mqm) possible", "password checked", "unknown (exit)". */
  results: string[];
}
