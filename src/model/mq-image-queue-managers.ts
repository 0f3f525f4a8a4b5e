/**
 * Queue managers the tree starts from IBM MQ's developer image without an MQSC file of its own: a Compose service of
 * `icr.io/ibm-messaging/mq` (`ibmcom/mq`), a script's `docker run` of it, a CI job's service container (which the runner
 * starts before any checkout, so it mounts nothing of the tree). What they define is the image's: its 10-dev.mqsc
 * creates DEV.APP.SVRCONN and DEV.ADMIN.SVRCONN when `MQ_DEV` is `true`, the image's default (mq.json imageScripts,
 * ibm-messaging/mq-container@def9638 incubating/mqadvanced-server-dev/10-dev.mqsc.tpl). Such a queue manager is one a
 * client of the tree may reach as well as one the tree's MQSC defines, so a client paired with a tree channel by its
 * name alone is not known to reach the tree's (./mq-links.ts).
 */
import * as path from 'node:path';
import type { Range } from '../core/types';
import { mqImageChannels } from '../knowledge';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ServiceVariables } from '../parse/compose-service-variables';
import { CONTAINER_RUNS_KIND, type ContainerRunsData } from '../parse/container-runs';
import type { ParsedDocument } from '../parse/types';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext } from './contributor';
import { runAsService } from './mq-script-image-runs';

/** A container of the developer image that runs no MQSC of the tree, and the channels its image defines. */
export interface ImageQueueManager {
  /** The Compose service, or the `docker run` read as one, that starts it (the key ./mq.ts records the runners of an MQSC by). */
  runner: string;
  /** As a message names it: `Compose service mq (icr.io/ibm-messaging/mq:latest, docker-compose.yml:3)`. */
  said: string;
  file: string;
  range?: Range;
  /** Its `MQ_QMGR_NAME` as written, upper-cased; undefined when only the run knows it. */
  name?: string;
  /** The channels its image's scripts define, with the script that does (its path in the image) and its source. */
  channels: Map<string, { script: string; source: string }>;
  /** Why the image's scripts may not apply (MQ_DEV set where the tree does not show it); undefined: they do. */
  mayNot?: string;
}

/** The key a queue manager's runner is known by: its file and its service (a `docker run` is named by its place). */
export const runnerKey = (doc: ParsedDocument, service: ComposeService) => `${doc.file.path}\n${service.name}`;

/** The developer image's containers of the deployment that run no MQSC of the tree (read once per build). */
export function imageQueueManagers(ctx: ModelContext): ImageQueueManager[] {
  return ctx.once('mqImageQueueManagers', () => {
    const found: ImageQueueManager[] = [];
    const root = ctx.deployment.root;
    for (const doc of ctx.documentsOf('compose') as ParsedDocument<ComposeData>[])
      for (const service of doc.data.services) {
        // A service built from the tree may copy MQSC into its image (./mq-image-scripts.ts joins those).
        if (!service.image || service.build !== undefined) continue;
        const targets = doc.data.mounts.filter((m) => m.service === service.name).map((m) => m.target);
        const at = `${path.relative(root, doc.file.path)}:${(service.imageRange?.start.line ?? 0) + 1}`;
        const qm = imageQueueManager(service, targets, composeVariablesOf(ctx, doc, service), false, {
          runner: runnerKey(doc, service),
          said: `Compose service ${service.name} (${service.image}, ${at})`,
          file: doc.file.path,
          ...(service.imageRange && { range: service.imageRange }),
        });
        if (qm) found.push(qm);
      }
    for (const script of ctx.documentsOf(CONTAINER_RUNS_KIND) as ParsedDocument<ContainerRunsData>[])
      for (const run of script.data.runs) {
        const running = runAsService(ctx, script, run);
        const qm = imageQueueManager(
          running.service,
          run.mounts.map((m) => m.container),
          running.variables,
          run.expands,
          {
            runner: runnerKey(running.doc, running.service),
            said: `the ${running.service.name} (${run.image})`,
            file: script.file.path,
            range: run.range,
          },
        );
        if (qm) found.push(qm);
      }
    return found;
  });
}

/** MQ's directory of the MQSC files the image's queue manager runs at start (`crtmqm -ic /etc/mqm/`). */
const MQSC_DIRECTORY = '/etc/mqm';

function imageQueueManager(
  service: ComposeService,
  targets: readonly string[],
  variables: ServiceVariables,
  expands: boolean,
  place: Pick<ImageQueueManager, 'runner' | 'said' | 'file' | 'range'>,
): ImageQueueManager | undefined {
  const defined = mqImageChannels(service.image ?? '');
  if (defined.length === 0) return undefined;
  // A mount into /etc/mqm (or over it) gives the queue manager MQSC of the tree: ./mq-image-scripts.ts joins the image's.
  const normalized = targets.map((t) => path.posix.normalize(t).replace(/(.)\/$/, '$1'));
  if (normalized.some((t) => t === MQSC_DIRECTORY || path.posix.dirname(t) === MQSC_DIRECTORY)) return undefined;
  const channels: ImageQueueManager['channels'] = new Map();
  let mayNot: string | undefined;
  for (const { channel, script } of defined) {
    const { variable, value, imageDefault } = script.appliedWhen;
    const known = variables.variables.get(variable);
    const unknownWhy =
      known !== undefined
        ? known.value === undefined || /\$/.test(known.value)
          ? `its ${variable} is filled in when it starts`
          : undefined
        : variables.unread.length > 0 || expands
          ? `an environment the tree does not show may set its ${variable}`
          : undefined;
    const set = known?.value ?? imageDefault;
    if (unknownWhy === undefined && set !== value) continue;
    if (unknownWhy !== undefined) mayNot = unknownWhy;
    channels.set(channel, { script: path.posix.join(script.directory, script.file), source: script.source });
  }
  if (channels.size === 0) return undefined;
  const name = variables.variables.get('MQ_QMGR_NAME')?.value;
  return {
    ...place,
    ...(name !== undefined && !/\$/.test(name) && { name: name.toUpperCase() }),
    channels,
    ...(mayNot !== undefined && { mayNot }),
  };
}
