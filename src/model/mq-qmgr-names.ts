import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import type { Location, RelatedLocation } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import { variableAt, type ServiceVariable, type ServiceVariables } from '../parse/compose-service-variables';
import type { DockerfileData } from '../parse/dockerfile';
import type { ImageFiles } from '../parse/image-files';
import { runtimeStage } from '../parse/dockerfile-stages';
import { LineIndex } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import type { ScriptQueueManagerName } from './attributes';
import type { TreeMount } from './types';
import { field, type ApplyingQueueManager } from './mq-resources';
import { relativePosix } from '../core/posix-path';
import type { ListedFiles } from './listed-files';

/** A start script larger than this is not a deploy script: not read for names. */
const MAX_SCRIPT_BYTES = 256 * 1024;

/**
 * Queue manager names the deploy scripts beside an MQSC file say (`install.sh` of a Helm sample): the Helm
 * release (`helm install secureapphelm ./charts/ibm-mq`; IBM's chart names the queue manager after the
 * release, dashes removed, unless queueManager.name is set), `crtmqm … QM1`, `runmqsc QM1`, `strmqm QM1`,
 * `MQ_QMGR_NAME=QM1`. Upper-cased, as clients' queue manager names are matched. Only the scripts the deployment lists
 * (./listed-files.ts): an ignored one names nothing, and `--cache` sees an edit to one.
 */
export function queueManagerNamesBeside(
  dir: string,
  listed: ListedFiles,
  cache: Map<string, ScriptQueueManagerName[]>,
): ScriptQueueManagerName[] {
  const known = cache.get(dir);
  if (known) return known;
  const names = new Map<string, ScriptQueueManagerName>();
  for (const file of listed.in(dir).filter((f) => /\.(sh|bash|ksh)$/.test(f))) {
    const read = readRegularFile(file, MAX_SCRIPT_BYTES);
    if (!read.ok) continue;
    const text = read.bytes.toString('utf8');
    const index = new LineIndex(text);
    const add = (m: RegExpMatchArray, raw: string, normalise = (n: string) => n) => {
      const qmgr = normalise(raw).toUpperCase();
      if (/^\$/.test(raw) || names.has(qmgr)) return;
      const start = m.index ?? 0;
      names.set(qmgr, {
        name: qmgr,
        location: {
          file,
          range: index.rangeAt(start, start + m[0].trimEnd().length),
          message: `queue manager ${qmgr} named here`,
        },
      });
    };
    for (const m of text.matchAll(/\bhelm\s+(?:install|upgrade\s+(?:-i|--install))\s+([A-Za-z0-9][\w.-]*)\s/g))
      add(m, m[1] as string, (n) => n.replace(/-/g, ''));
    for (const m of text.matchAll(
      /\b(?:crtmqm|strmqm|runmqsc)\b[^\n<|;&]*?\s([A-Za-z0-9][\w.%]{0,47})\s*(?=$|[<|;&\n])/gm,
    ))
      add(m, m[1] as string);
    for (const m of text.matchAll(/\bMQ_QMGR_NAME\s*[=:]\s*["']?([A-Za-z0-9][\w.%]{0,47})/g)) add(m, m[1] as string);
  }
  const found = [...names.values()];
  cache.set(dir, found);
  return found;
}

/** A queue manager name as MQ allows it (48 characters of A-Z a-z 0-9 . _ / %; no `-`, which the operator would change). */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;

/**
 * Queue manager names the IBM MQ Operator's QueueManager resources of the same file (else of a YAML file beside it) give an MQSC (`applying`, from
 * mq-resources.ts queueManagersApplying): the ConfigMap holding it, listed under a QueueManager's `spec.queueManager.mqsc`, is applied by the
 * queue manager `spec.queueManager.name`, else the resource's `metadata.name`
 * (ibm-cloudintegration/mqoncp4i's gettingstartedqmgr.yaml_template: QueueManager gsmq applies ConfigMap
 * gettingstartedmqsc; in a deploy script's heredocs: src/model/mq-resources.ts). A name a template fills in gives none.
 */
export function queueManagerNamesOfResources(applying: readonly ApplyingQueueManager[]): ScriptQueueManagerName[] {
  const names: ScriptQueueManagerName[] = [];
  for (const qm of applying) {
    const own = field(qm.resource, 'spec', 'queueManager', 'name');
    const keys = typeof own === 'string' ? ['spec', 'queueManager', 'name'] : ['metadata', 'name'];
    const name = field(qm.resource, ...keys);
    if (typeof name !== 'string' || !QMGR_NAME.test(name)) continue;
    const range = qm.rangeOf(keys);
    if (!range) continue;
    names.push({
      name: name.toUpperCase(),
      location: {
        file: qm.file,
        range,
        message: `queue manager ${name.toUpperCase()} named here: QueueManager ${name} applies ConfigMap ${qm.configMap}`,
      },
      byResource: true,
    });
  }
  return names;
}

/** Where IBM MQ's container image takes the MQSC files it runs on the queue manager it creates. */
const MQ_CONTAINER_MQSC_DIR = '/etc/mqm';

/**
 * Queue manager names Docker Compose gives the MQSC files it mounts into IBM MQ's container: the image runs the MQSC
 * files of /etc/mqm on the queue manager that its MQ_QMGR_NAME names (ibm-messaging/mq-container@def9638 docs/usage.md:
 * "adding your own MQSC file into the `/etc/mqm` directory … will be run when your queue manager is created";
 * README.md: "MQ_QMGR_NAME - Set this to the name you want your Queue Manager to be created with"). The service's
 * variable (its `environment:`, else its env files) is the evidence (dominikcebula/java-spring-boot-ibm-mq's compose.yaml mounts
 * ./ibm-mq/30-config.mqsc at /etc/mqm/30-config.mqsc with MQ_QMGR_NAME: QM1). A name a variable fills in gives none.
 */
export function queueManagerNamesOfCompose(
  filePath: string,
  services: readonly MqscComposeService[],
  variablesOf: MqscServiceVariables,
): ScriptQueueManagerName[] {
  const names: ScriptQueueManagerName[] = [];
  for (const { at, value: name, service, said, readBy } of queueManagerEnvironment(
    services,
    'MQ_QMGR_NAME',
    variablesOf,
  )) {
    if (!QMGR_NAME.test(name) || names.some((n) => n.name === name.toUpperCase())) continue;
    const running = services.find((s) => s.service.name === service);
    const how = running?.execs
      ? 'a script runs it in its container'
      : running?.builds
        ? `${running.startedAt === undefined ? 'builds' : 'runs the image a script builds from'} ${path.basename(running.builds.file.path)}, whose image holds ${path.basename(filePath)} in ${MQ_CONTAINER_MQSC_DIR}`
        : `mounts ${path.basename(filePath)} into ${MQ_CONTAINER_MQSC_DIR}`;
    const stage = running?.builds ? runtimeStage(running.builds.data) : undefined;
    names.push({
      name: name.toUpperCase(),
      location: { ...at, message: `queue manager ${name.toUpperCase()} named here: ${said} ${how}` },
      via: [
        ...(readBy ? [readBy] : []),
        ...(running?.builds
          ? [
              {
                file: running.builds.file.path,
                ...(stage && { range: stage.range }),
                message: `the image this Dockerfile builds holds ${path.basename(filePath)} in ${MQ_CONTAINER_MQSC_DIR}`,
              },
            ]
          : []),
      ],
    });
  }
  return names;
}

/**
 * Whether `crtmqm -ic /etc/mqm/` applies the file at this container path: a `*.mqsc` of /etc/mqm ("all files *.mqsc
 * are applied", https://www.ibm.com/docs/SSFKSJ_9.3.0/configure/q133780_.html). A file a script feeds runmqsc under
 * another name (`/etc/mqm/mq-dev-config`) runs only with that script.
 */
export function appliedAtStart(inside: string): boolean {
  return path.posix.dirname(inside) === MQ_CONTAINER_MQSC_DIR && inside.endsWith('.mqsc');
}

/**
 * Whether the image `dockerfile` builds holds the MQSC at `mqsc` in IBM MQ's /etc/mqm (a COPY or ADD puts it there), so
 * that the queue manager the container creates runs it: the name the building Compose service gives (MQ_QMGR_NAME) is
 * then that queue manager's (WASdev/sample.docker.mq@66c8a2c: mq/Dockerfile `COPY config.mqsc /etc/mqm/`, service
 * mqfull `build: mq` with MQ_QMGR_NAME: QM1).
 */
export function imageRunsMqsc(images: ImageFiles | undefined, mqsc: string, dockerfile: string): boolean {
  return (images?.holding(mqsc) ?? []).some(
    (h) => h.dockerfile === dockerfile && appliedAtStart(path.posix.normalize(h.containerPath)),
  );
}

/** A variable a Compose service that runs an MQSC gives its container (mounts it into /etc/mqm, or runs it by docker exec). */
export interface QueueManagerEnvironmentEntry {
  value: string;
  /** Where the value is written. */
  at: Location;
  service: string;
  /** The container as a message names it (containerSaid). */
  said: string;
  /** The service's `env_file:` item, when the value is written in that env file. */
  readBy?: RelatedLocation;
}

/** A Compose service that runs the MQSC at `filePath` (mounted into IBM MQ's /etc/mqm, or built into its image), with its Compose file. */
export interface MqscComposeService {
  doc: ParsedDocument<ComposeData>;
  service: ComposeService;
  /** Set when the service builds the queue manager's image rather than mounting the MQSC: that image's Dockerfile. */
  builds?: ParsedDocument<DockerfileData>;
  /** Set when a script runs the MQSC in the service's container (`docker exec qm1 runmqsc QM1 <<EOF`): that command. */
  execs?: RelatedLocation;
  /**
   * Set for a container a script or CI step starts with `docker run` (./mq-script-image-runs.ts), read as a Compose
   * service: where the command is (`run.sh:3`), and its variables (its env files and `-e` options).
   */
  startedAt?: string;
  /** The command that starts it (`docker run`, `podman run`), with `startedAt`. */
  startedWith?: string;
  variables?: ServiceVariables;
}

/** How a message names the container that runs an MQSC: its Compose service, or the `docker run` (or CI service) that starts it. */
export function containerSaid(running: Pick<MqscComposeService, 'service' | 'startedAt'>): string {
  return running.startedAt === undefined ? `Compose service ${running.service.name}` : `the ${running.service.name}`;
}

/** Where a mount puts a tree file in the container, when that is IBM MQ's /etc/mqm (`/etc/mqm/20-dev.mqsc`). */
export function mqscPathInContainer(
  filePath: string,
  { mount, hostPath }: { mount: { target: string }; hostPath: string },
): string | undefined {
  const inside =
    hostPath === filePath
      ? mount.target
      : filePath.startsWith(hostPath + path.sep)
        ? path.posix.join(mount.target, relativePosix(hostPath, filePath))
        : undefined;
  const normalised = inside === undefined ? undefined : path.posix.normalize(inside);
  return normalised !== undefined && path.posix.dirname(normalised) === MQ_CONTAINER_MQSC_DIR ? normalised : undefined;
}

/** The Compose services that mount the MQSC at `filePath` into IBM MQ's /etc/mqm. */
export function servicesMountingMqsc(
  filePath: string,
  mounts: readonly TreeMount[],
  composeFiles: readonly ParsedDocument[],
): MqscComposeService[] {
  const out: MqscComposeService[] = [];
  for (const treeMount of mounts) {
    const { file, mount } = treeMount;
    if (!mount.service || mqscPathInContainer(filePath, treeMount) === undefined) continue;
    const doc = composeFiles.find((d) => d.file.path === file) as ParsedDocument<ComposeData> | undefined;
    const service = doc?.data.services.find((s) => s.name === mount.service);
    if (doc && service && !out.some((o) => o.doc === doc && o.service === service)) out.push({ doc, service });
  }
  return out;
}

/** The variables a Compose service that runs an MQSC gives its container (read once per build: ./compose-variables.ts). */
export type MqscServiceVariables = (running: MqscComposeService) => ServiceVariables;

/**
 * The values the Compose services that run an MQSC give the variable `name` (their env files, then their
 * `environment:`, as Compose takes them: ./compose-variables.ts): those that mount it into IBM MQ's /etc/mqm and those
 * in whose container a script runs it (./mq-exec.ts). A variable whose value only the run knows gives none.
 */
export function queueManagerEnvironment(
  services: readonly MqscComposeService[],
  name: string,
  variablesOf: MqscServiceVariables,
): QueueManagerEnvironmentEntry[] {
  return services.flatMap((running) => {
    const variables = variablesOf(running);
    const variable = variables.variables.get(name);
    if (variable?.value === undefined) return [];
    const readBy = envFileRead(running, variables, variable);
    return [
      {
        value: variable.value.trim(),
        at: variableAt(variable, 'value'),
        service: running.service.name,
        said: containerSaid(running),
        ...(readBy && { readBy }),
      },
    ];
  });
}

/** The `env_file:` item of the service that reads the file setting `variable`; none when `environment:` sets it. */
export function envFileRead(
  running: MqscComposeService,
  variables: ServiceVariables,
  variable: ServiceVariable,
): RelatedLocation | undefined {
  const read = variables.envFileDocuments.find((e) => e.doc.file.path === variable.file);
  return read
    ? {
        file: running.doc.file.path,
        range: read.envFile.range,
        message: `${containerSaid(running)} reads ${path.basename(variable.file)} as its container's variables`,
      }
    : undefined;
}
