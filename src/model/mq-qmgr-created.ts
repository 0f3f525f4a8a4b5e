/**
 * Where the tree creates the queue manager an MQSC configures. Such a queue manager starts with CHLAUTH(ENABLED) and the
 * default channel authentication records only (mq-access.json qmgrDefaults, defaultChlauthRecords), and the tree's
 * MQSC adds the rest: no record the tree does not show can decide who gets in. On a queue manager that already exists,
 * any record may have been set before (a back-stop `SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)`,
 * a QMGRMAP of the partners), so an access verdict there rests on there being none.
 * - A QueueManager resource of the IBM MQ Operator that applies the MQSC's ConfigMap (`spec.queueManager.mqsc`): the
 *   operator creates the queue manager the resource names and runs the ConfigMap's MQSC on it.
 * - A script that runs `crtmqm NAME` before it feeds the MQSC to `runmqsc NAME` (bpaskin/IBMMQ's setup.sh).
 * Not a container of IBM MQ's image that mounts the MQSC into /etc/mqm: the image may apply scripts of its own that the
 * tree leaves open (src/model/mq-image-scripts.ts), and its volume may hold a queue manager created before.
 */
import type { RelatedLocation } from '../core/types';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { field, type ApplyingQueueManager } from './mq-resources';
import type { FedMqsc } from './mq-runmqsc-inputs';

export function queueManagerCreatedBy(
  applying: readonly ApplyingQueueManager[],
  fedBy: readonly FedMqsc[],
  documents: readonly ParsedDocument[],
): RelatedLocation | undefined {
  for (const qm of applying) {
    const range = qm.rangeOf(['metadata', 'name']);
    if (range)
      return {
        file: qm.file,
        range,
        message: `QueueManager ${String(field(qm.resource, 'metadata', 'name'))} creates the queue manager that applies ConfigMap ${qm.configMap}: a new queue manager has CHLAUTH(ENABLED) and the default channel authentication records only`,
      };
  }
  for (const { at, queueManager } of fedBy) {
    if (!queueManager || !at.range) continue;
    const script = documents.find((d) => d.file.path === at.file);
    if (!script) continue;
    const lines = splitLines(script.file.text).slice(0, at.range.start.line);
    const creates = new RegExp(`\\bcrtmqm\\b[^\\n<|;&#]*\\s${escape(queueManager.name)}\\s*(?=$|[|;&#])`, 'i');
    const line = lines.findIndex((l) => creates.test(l));
    if (line < 0) continue;
    return {
      file: at.file,
      range: { start: { line, character: 0 }, end: { line, character: lines[line]!.length } },
      message: `this command creates queue manager ${queueManager.name} before the script runs the MQSC on it: a new queue manager has CHLAUTH(ENABLED) and the default channel authentication records only`,
    };
  }
  return undefined;
}

function escape(name: string): string {
  return name.replace(/[.+?^${}()|[\]\\%/]/g, '\\$&');
}
