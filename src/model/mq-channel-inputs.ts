/**
 * The inbound channels an MQSC script leaves on its queue manager, as inputs to the access decision
 * (./mq-access.ts): the channels it defines or alters, and the shipped SYSTEM.DEF.* / SYSTEM.AUTO.SVRCONN
 * objects it does not touch (they exist on every new queue manager).
 */
import { pushed } from '../core/pushed';
import type { Location } from '../core/types';
import { mqInboundChannelType } from '../knowledge';
import type { MqscChannel, MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import type { ChannelInput } from './mq-access';
import { paramLocation } from './mq-chlauth';
import { amqpAbsent } from './mq-amqp';

const SHIPPED = ['SVRCONN', 'RCVR', 'RQSTR', 'CLUSRCVR'];

/** Whether the script DEFINEs the channel (an ALTER-only channel is defined elsewhere). */
export function definedInScript(channel: MqscChannel): boolean {
  return channel.definedBy !== undefined;
}

/** The tree's inbound channels of one MQSC document plus the shipped SYSTEM.DEF.* objects it does not touch. */
export function documentChannels(doc: ParsedDocument<MqscData>): ChannelInput[] {
  const out: ChannelInput[] = [];
  // A queue manager without the AMQP capability has no AMQP channel: its AMQP commands fail (AMQ8494E).
  const noAmqp = amqpAbsent(doc);
  for (const ch of doc.data.objects.channels.values()) {
    if (ch.deleted || !ch.chltype || !mqInboundChannelType(ch.chltype)) continue;
    if (noAmqp && ch.chltype === 'AMQP') continue;
    const location: Location = paramLocation(doc.file.path, ch.nameParam);
    out.push({ name: ch.name, chltype: ch.chltype, attributes: ch.attributes, defined: definedInScript(ch), location });
  }
  for (const chltype of SHIPPED) {
    const name = mqInboundChannelType(chltype)!.defaultObject;
    if (!doc.data.objects.channels.has(name)) out.push({ name, chltype, defined: false });
  }
  if (!doc.data.objects.channels.has('SYSTEM.AUTO.SVRCONN'))
    out.push({ name: 'SYSTEM.AUTO.SVRCONN', chltype: 'SVRCONN', defined: false });
  // SYSTEM.DEF.AMQP exists only where the AMQP service is installed: counted when the script talks about AMQP.
  const texts = pushed(doc.data.members ?? [doc], (d) => d.file.text);
  if (!noAmqp && !doc.data.objects.channels.has('SYSTEM.DEF.AMQP') && texts.some((text) => /AMQP/i.test(text)))
    out.push({ name: 'SYSTEM.DEF.AMQP', chltype: 'AMQP', defined: false });
  return out;
}

/**
 * The key of a channel's access decision in the derived model: its script, name, type, and whether the tree sets it. A
 * script embedded in a file is one of several there (each `echo "…" | runmqsc` line of a shell script, each MQSC key of
 * a ConfigMap file): its place in the file tells it from the others, whose channels of the same name are other objects.
 */
export function channelAccessKey(script: ParsedDocument, input: ChannelInput): string {
  const at = script.embedded ? `@${script.embedded.range.start.line}:${script.embedded.range.start.character}` : '';
  return `${script.file.path}${at}\0${input.name}\0${input.chltype}\0${input.attributes ? 'tree' : 'shipped'}`;
}
