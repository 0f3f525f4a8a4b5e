/**
 * Whether an MQSC script's queue manager runs AMQP channels, as far as the tree tells (mq-access.json amqp): an AMQP
 * channel accepts connections only on a queue manager with the AMQP capability, once it is started.
 */
import { mqAmqpFacts } from '../knowledge';
import type { MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';

/**
 * True when the script shows the queue manager has no AMQP capability: `AMQPCAP(NO)`, which `dmpmqcfg -a` writes as a
 * comment line of its ALTER QMGR (a display-only attribute). Such a queue manager refuses AMQP commands (AMQ8494E), so
 * no AMQP channel of the script exists or runs.
 */
export function amqpAbsent(script: ParsedDocument<MqscData>): boolean {
  const { attribute, absentValue } = mqAmqpFacts().capability;
  const shown = new RegExp(`^\\s*${attribute}\\(\\s*'?${absentValue}'?\\s*\\)`, 'i');
  return (script.data.members ?? [script]).some((doc) => doc.comments.some((c) => shown.test(c.text)));
}

/** True when the script starts the AMQP channel (`START CHANNEL(name)`): then it listens for AMQP clients. */
export function amqpChannelStarted(script: ParsedDocument<MqscData>, channel: string): boolean {
  const [verb, noun] = mqAmqpFacts().listensWhen.command.split(' ');
  return script.data.commands.some((c) => c.verb === verb && c.noun === noun && c.name?.value === channel);
}
