/**
 * What the Docker Compose service that runs a queue manager says about it: the AMQ_* variables it gives its container
 * (`environment:` in list or map form, env files) that re-enable deprecated CipherSpecs, and the IBM MQ release its image names. The service is one
 * that mounts the MQSC into /etc/mqm (IBM MQ's container runs the MQSC files there when it creates the queue manager:
 * ibm-messaging/mq-container@def9638 docs/usage.md), one in whose container a script runs it (`docker exec qm1 runmqsc
 * QM1 <<EOF`: ./mq-exec.ts), or one that builds its image from the Dockerfile that copies the
 * MQSC (the nearest Dockerfile at or above it whose FROM is an IBM MQ image). The variables of the container's
 * environment are the queue manager's process environment, as the image's ENV is, and win over the image's ENV
 * (https://docs.docker.com/reference/compose-file/services/#environment).
 */
import type { ParsedDocument } from '../parse/types';
import { serviceBuild, type ComposeData } from '../parse/compose';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import { mqReleaseFromImage } from '../knowledge';
import type { MqQueueManagerFacts } from './attributes';
import { servicesExecutingMqsc, type NamedRun } from './mq-exec';
import type { FedMqsc } from './mq-runmqsc-inputs';
import {
  containerSaid,
  envFileRead,
  servicesMountingMqsc,
  type MqscComposeService,
  type MqscServiceVariables,
} from './mq-qmgr-names';
import { variableAt } from '../parse/compose-service-variables';
import { isReenablingName } from './mq-release';
import type { TreeMount } from './types';

type Environment = NonNullable<MqQueueManagerFacts['environment']>;
type Release = NonNullable<MqQueueManagerFacts['release']>;

/** A value Compose fills in from the shell or a `.env` file that the tree does not resolve. */
const INTERPOLATED = /\$\{|\$[A-Za-z_]/;

/**
 * The Compose services that run the queue manager of the MQSC `mqsc`: by mount, by a script's `docker exec` into their
 * container (./mq-exec.ts; `fedBy`: the scripts that feed the file to runmqsc, ./mq-runmqsc-inputs.ts), or by building
 * its image.
 */
export function servicesRunningMqsc(
  mqsc: ParsedDocument,
  mounts: readonly TreeMount[],
  composeFiles: readonly ParsedDocument[],
  mqDockerfile: ParsedDocument<DockerfileData> | undefined,
  fedBy: readonly FedMqsc[] = [],
  runs: readonly NamedRun[] = [],
): MqscComposeService[] {
  const found = servicesMountingMqsc(mqsc.file.path, mounts, composeFiles);
  const executing = [
    ...servicesExecutingMqsc(mqsc, composeFiles, runs),
    ...fedBy.flatMap((f) => (f.service ? [f.service] : [])),
  ];
  for (const execs of executing)
    if (!found.some((f) => f.doc === execs.doc && f.service === execs.service)) found.push(execs);
  if (mqDockerfile)
    for (const doc of composeFiles as ParsedDocument<ComposeData>[])
      for (const service of doc.data.services)
        if (
          serviceBuild(doc.file.path, service)?.dockerfile === mqDockerfile.file.path &&
          !found.some((f) => f.doc === doc && f.service === service)
        )
          found.push({ doc, service, builds: mqDockerfile });
  return found;
}

/**
 * The re-enabling variables the services give their containers (their env files, then their `environment:`, as Compose
 * takes them: ./compose-variables.ts), in the order written; one whose value only the run knows gives none.
 */
export function composeReenablingEnvironment(
  services: readonly MqscComposeService[],
  variablesOf: MqscServiceVariables,
): Environment {
  return services.flatMap((running) => {
    const { service, builds, execs } = running;
    const variables = variablesOf(running);
    return [...variables.variables.values()].flatMap((variable) => {
      if (!isReenablingName(variable.name) || variable.value === undefined) return [];
      const readBy = envFileRead(running, variables, variable);
      // Not mounted: the command that runs the MQSC in the service's container, or the Dockerfile that copies it, is
      // what ties the service to this queue manager; the service's env_file item, what ties the env file to it.
      const stage = builds && runtimeStage(builds.data);
      const via = [
        ...(readBy ? [readBy] : []),
        ...(execs ? [execs] : []),
        ...(builds
          ? [
              {
                file: builds.file.path,
                ...(stage && { range: stage.range }),
                message: `${containerSaid(running)} ${running.startedAt === undefined ? 'builds' : 'runs'} this IBM MQ image, which holds the MQSC`,
              },
            ]
          : []),
      ];
      return [
        {
          name: variable.name,
          service: service.name,
          value: {
            value: variable.value,
            location: variableAt(variable, 'value'),
            templated: INTERPOLATED.test(variable.value),
            ...(via.length > 0 && { via }),
          },
        },
      ];
    });
  });
}

/**
 * The release the image of the services that run the MQSC (mount it, or exec into) names (`image: icr.io/ibm-messaging/mq:9.4.0.5-r1`); a
 * service that builds its image names the built image there, not its base. Several services naming different releases:
 * none (which one runs it is not known).
 */
export function composeQueueManagerRelease(
  services: readonly MqscComposeService[],
  mqscFile: string,
): Release | undefined {
  const found = composeQueueManagerReleases(services, mqscFile);
  return new Set(found.map((r) => r.value)).size === 1 ? found[0] : undefined;
}

/**
 * The releases of the services that run the MQSC when they differ (each value once, named by the first service that
 * has it); none when they agree or fewer than two services name one. Each queue manager refuses on its own release.
 */
export function composeQueueManagerReleasesByRun(services: readonly MqscComposeService[], mqscFile: string): Release[] {
  const found = composeQueueManagerReleases(services, mqscFile);
  const byValue = found.filter((r, i) => !found.slice(0, i).some((e) => e.value === r.value));
  return byValue.length > 1 ? byValue : [];
}

function composeQueueManagerReleases(services: readonly MqscComposeService[], mqscFile: string): Release[] {
  return services.flatMap((s) => releaseOfService(s, mqscFile) ?? []);
}

/** The release the service's image names, if it does (a service that builds its image names the built image, no release). */
function releaseOfService(running: MqscComposeService, mqscFile: string): Release | undefined {
  const { doc, service, execs, builds } = running;
  const release =
    service.build === undefined && !builds && service.image ? mqReleaseFromImage(service.image) : undefined;
  const range = service.imageRange;
  return release
    ? {
        value: release.release,
        location: { file: doc.file.path, ...(range ? { range } : {}) },
        via: `${running.startedAt === undefined ? `Docker Compose service ${service.name}` : containerSaid(running)} image ${service.image}`,
        source: release.source,
        ...(execs && execs.file !== mqscFile ? { tiedBy: execs } : {}),
      }
    : undefined;
}

/**
 * The queue managers of the Compose services that run the MQSC, each with its image's release, when there are two or
 * more: one service's environment is not another's, so a rule that reads the environment judges each.
 */
export function composeRuns(
  services: readonly MqscComposeService[],
  mqscFile: string,
): NonNullable<MqQueueManagerFacts['runs']> {
  const names = [...new Set(services.map((s) => s.service.name))];
  if (names.length < 2) return [];
  return names.map((name) => {
    const own = services.filter((s) => s.service.name === name);
    const release = own.flatMap((s) => releaseOfService(s, mqscFile) ?? [])[0];
    return { service: name, said: containerSaid(own[0]!), ...(release && { release }) };
  });
}
