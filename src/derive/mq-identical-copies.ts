/**
 * Byte-identical copies of one queue manager's MQSC file: sujatha-sureshkmr/CP4I-Messaging keeps the same `dmpmqcfg`
 * dump of QUICKSTART (`mq_ace_lab.mqsc`, each beside a `loadmq.sh` that runs `runmqsc QUICKSTART < mq_ace_lab.mqsc`) in
 * three lab directories: one queue manager's definitions, one set of defects to fix, not three. A copy folds into the
 * first file of its text (document order) only when both are single files (no numbered group, no script stream) whose
 * channels the model gave the same queue manager names (scripts that feed them, Compose, operator resources); two files
 * fed to different queue managers (`runmqsc QM1 < a/x.mqsc`, `runmqsc QM2 < b/x.mqsc`) are two queue managers, both
 * real, and so may be copies nothing names (ibm-messaging/mq-container-mft keeps setupQMForMFTAgents.mqsc for a
 * container's queue manager and for a CP4I one): those stay apart.
 * A copy's finding then becomes a related place of the first file's identical finding (src/engine/run/run-rules.ts).
 */
import type { MqQueueManagerFacts } from '../model/attributes-mq';
import { mqscScriptsOf } from '../model/mq-scripts';
import { isMqChannel, type Deployment } from '../model/types';

/** The copies of the deployment's MQSC files that fold, each with the file it is a copy of. */
export function identicalMqscCopies(deployment: Deployment): Map<string, string> {
  const facts = new Map<string, MqQueueManagerFacts>();
  for (const component of deployment.components) {
    const qmgr = isMqChannel(component) ? component.attributes.qmgr : undefined;
    if (qmgr && !qmgr.mqsc.embedded && !qmgr.mqsc.data.members) facts.set(qmgr.mqsc.file.path, qmgr);
  }
  const copies = new Map<string, string>();
  if (facts.size < 2) return copies;
  const firstOf = new Map<string, MqQueueManagerFacts>();
  for (const script of mqscScriptsOf(deployment)) {
    const qmgr = facts.get(script.file.path);
    if (!qmgr) continue;
    const first = firstOf.get(script.file.text);
    if (!first) firstOf.set(script.file.text, qmgr);
    else if (namesOf(first) !== '' && namesOf(first) === namesOf(qmgr))
      copies.set(script.file.path, first.mqsc.file.path);
  }
  return copies;
}

/** The queue manager names the model gave a file, as one comparable text. */
const namesOf = (qmgr: MqQueueManagerFacts): string => [...new Set(qmgr.namedBy.map((n) => n.name))].sort().join('\0');
