import type { Location, RelatedLocation } from '../../../core/types';
import { mqInboundChannelType } from '../../../knowledge';
import type { ChannelAccess, ChannelInput, AccessOverrides } from '../../../model/mq-access';
import { channelAccess } from '../../../model/mq-access';
import type { MqscData } from '../../../parse/mqsc';
import type { ParsedDocument } from '../../../parse/types';
import type { Deployment } from '../../../model/types';
import { serverChannels } from './shared';
import { definedInScript } from './chlauth';
import type { MqChannelAttributes } from '../../../model/attributes';

const SHIPPED = ['SVRCONN', 'RCVR', 'RQSTR', 'CLUSRCVR'];
const cache = new WeakMap<ParsedDocument, Map<string, ChannelAccess | undefined>>();

/** The access decision for a channel of an MQSC document (memoised per document, channel and overrides). */
export function accessOf(
  doc: ParsedDocument<MqscData>,
  input: ChannelInput,
  overrides: AccessOverrides = {},
): ChannelAccess | undefined {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map<string, ChannelAccess | undefined>()));
  const key = `${input.name}|${input.chltype}|${Boolean(input.attributes)}|${overrides.chlauthDefault ? 1 : 0}${overrides.connauthDefault ? 1 : 0}`;
  if (!perDoc.has(key)) perDoc.set(key, channelAccess(doc, input, overrides));
  return perDoc.get(key);
}

export function inputOf(channel: MqChannelAttributes): ChannelInput | undefined {
  if (!channel.mqscChannel) return undefined;
  return {
    name: channel.channelName,
    chltype: channel.chltype,
    attributes: channel.mqscChannel.attributes,
    defined: definedInScript(channel.mqscChannel),
    location: channel.nameLocation,
  };
}

/** Inbound channels of the tree, each with its access decision. */
export function* inboundAccess(deployment: Deployment): Generator<{
  channel: MqChannelAttributes;
  doc: ParsedDocument<MqscData>;
  access: ChannelAccess;
  input: ChannelInput;
}> {
  for (const { channel } of serverChannels(deployment)) {
    const input = inputOf(channel);
    const doc = channel.qmgr?.mqsc;
    if (!input || !doc) continue;
    const access = accessOf(doc, input);
    if (access) yield { channel, doc, access, input };
  }
}

/** The tree's inbound channels of one MQSC document plus the shipped SYSTEM.DEF.* objects it does not touch. */
export function documentChannels(doc: ParsedDocument<MqscData>): ChannelInput[] {
  const out: ChannelInput[] = [];
  for (const ch of doc.data.objects.channels.values()) {
    if (ch.deleted || !ch.chltype || !mqInboundChannelType(ch.chltype)) continue;
    out.push({
      name: ch.name,
      chltype: ch.chltype,
      attributes: ch.attributes,
      defined: definedInScript(ch),
      location: { file: doc.file.path, range: ch.nameParam.valueRange ?? ch.nameParam.keywordRange },
    });
  }
  for (const chltype of SHIPPED) {
    const name = mqInboundChannelType(chltype)!.defaultObject;
    if (!doc.data.objects.channels.has(name)) out.push({ name, chltype, defined: false });
  }
  if (!doc.data.objects.channels.has('SYSTEM.AUTO.SVRCONN'))
    out.push({ name: 'SYSTEM.AUTO.SVRCONN', chltype: 'SVRCONN', defined: false });
  // SYSTEM.DEF.AMQP exists only where the AMQP service is installed: counted when the script talks about AMQP.
  if (!doc.data.objects.channels.has('SYSTEM.DEF.AMQP') && /AMQP/i.test(doc.file.text))
    out.push({ name: 'SYSTEM.DEF.AMQP', chltype: 'AMQP', defined: false });
  return out;
}

/** The locations that decide a channel's access, minus the finding's own location; `message` replaces the first one's label. */
export function relatedFor(access: ChannelAccess, primary: Location, message?: string): RelatedLocation[] {
  const same = (l: Location) =>
    l.file === primary.file &&
    l.range?.start.line === primary.range?.start.line &&
    l.range?.start.character === primary.range?.start.character;
  return access.deciding.filter((l) => !same(l)).map((l, i) => (i === 0 && message ? { ...l, message } : l));
}

/** One related location per channel: where a channel of the tree is defined, with its result. */
export function channelRelated(items: { input: ChannelInput; access: ChannelAccess }[]): RelatedLocation[] {
  return items.flatMap(({ input, access }) =>
    input.location ? [{ ...input.location, message: `${access.channel}: ${access.results.join('; ')}` }] : [],
  );
}

/** "; assuming …" for messages, when the verdict rests on defaults of a new queue manager. */
export function assumption(access: ChannelAccess): string {
  return access.assumed.length ? ` (assuming ${access.assumed.join(', ')}, which the tree does not show)` : '';
}

export function resultText(access: ChannelAccess): string {
  return access.results.join('; ');
}

/**
 * One finding per channel identity problem: a TLS channel whose peers run as the asserted or MCA user belongs to
 * mq/tls-channel-without-mcauser unless an administrator gets in without certificate and password from what the
 * tree states, which mq/channel-runs-as-admin reports as an error.
 */
export function tlsRuleOwns(access: ChannelAccess): boolean {
  const open = access.paths.filter((p) => p.identity.kind === 'client' || p.identity.kind === 'mca');
  // A record that maps certificates (or users) to a user shows the identity is managed by CHLAUTH; the rest falls to mq/channel-runs-as-admin.
  const mapped = access.paths.some((p) => p.record && p.identity.kind === 'fixed');
  return (
    access.tls.enabled &&
    !access.exit &&
    !access.tls.unknown &&
    open.length > 0 &&
    !mapped &&
    !confidentAdminWithoutSecret(access)
  );
}

export function confidentAdminWithoutSecret(access: ChannelAccess): boolean {
  return access.adminWithoutSecret && access.assumed.length === 0;
}

/** The channels a queue-manager-wide setting opens: admitted (or admitting administrators) now, but not with the default. */
export function openedBy(
  doc: ParsedDocument<MqscData>,
  overrides: AccessOverrides,
): { input: ChannelInput; access: ChannelAccess }[] {
  const out: { input: ChannelInput; access: ChannelAccess }[] = [];
  for (const input of documentChannels(doc)) {
    const now = accessOf(doc, input);
    const before = accessOf(doc, input, overrides);
    if (!now || !before || now.exit) continue;
    const adminNow = now.paths.some((p) => p.admin);
    const adminBefore = before.paths.some((p) => p.admin);
    const openNow = now.paths.some((p) => p.identity.kind !== 'blocked') && !now.blockAll;
    const openBefore = before.paths.some((p) => p.identity.kind !== 'blocked') && !before.blockAll;
    if (
      (adminNow && !adminBefore) ||
      (openNow && !openBefore) ||
      (now.adminWithoutSecret && !before.adminWithoutSecret)
    )
      out.push({ input, access: now });
  }
  return out;
}

export function channelList(items: { input: ChannelInput; access: ChannelAccess }[], max = 4): string {
  const shown = items
    .slice(0, max)
    .map(
      ({ input, access }) =>
        `${input.name} (${input.chltype}${input.attributes ? '' : ', as shipped'}: ${resultText(access)})`,
    );
  return shown.join('; ') + (items.length > max ? `; … (+${items.length - max} more)` : '');
}
