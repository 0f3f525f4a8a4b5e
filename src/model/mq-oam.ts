/**
 * Where the tree creates a queue manager with MQSNOAUT set, that is without the object authority manager: IBM MQ's
 * environment variable reference says MQSNOAUT disables the OAM, so that no authority check is made, and that it
 * takes effect only when the queue manager is created
 * (https://www.ibm.com/docs/en/ibm-mq/9.3?topic=reference-environment-variables-descriptions). IBM MQ's container creates
 * its queue manager at its first start (ibm-messaging/mq-container cmd/runmqserver/qmgr.go, createQueueManager runs
 * crtmqm in the container's environment), so the variable in the `qmgr` container of a QueueManager resource
 * (`spec.template.pod.containers[name=qmgr].env`, as IBM's Cloud Pak samples write it) or in the variables (`environment:`,
 * env files) of the Compose service that mounts the MQSC into /etc/mqm, or in whose container a script runs it (`docker exec qm1 runmqsc`),
 * or of a script's or CI step's `docker run` that mounts it there (`-e MQSNOAUT=yes`, ./mq-script-image-runs.ts), or of a
 * service or run of an image a Dockerfile of the tree builds FROM the MQ image with the MQSC copied into /etc/mqm,
 * switches the OAM off. A negative or templated value is not read as set.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import type { DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { ParsedDocument } from '../parse/types';
import { queueManagerEnvironment, type MqscComposeService, type MqscServiceVariables } from './mq-qmgr-names';
import { field, qmgrContainerEnvironment, type ApplyingQueueManager } from './mq-resources';

const VARIABLE = 'MQSNOAUT';
/** A value that says "off" or that a template fills in: not evidence that the variable is set. */
const NOT_SET = /^\s*$|^(no|false|0|off)$|\$\{|\{\{|^\$[A-Za-z_]/i;

/** The variable's value and where it is set. */
export interface OamSwitchedOff {
  value: string;
  location: RelatedLocation;
  /**
   * The script command that runs the MQSC in the service's container, when another file than the MQSC holds it; or the
   * Dockerfile whose image holds the MQSC, for a container of that image.
   */
  tiedBy?: RelatedLocation;
  /** The Compose service's `env_file:` item, when the variable is written in that env file. */
  readBy?: RelatedLocation;
}

export function oamSwitchedOff(
  applying: readonly ApplyingQueueManager[],
  services: readonly MqscComposeService[],
  mqscFile: string,
  variablesOf: MqscServiceVariables,
  images: readonly MqscImage[] = [],
): OamSwitchedOff | undefined {
  for (const { name, value, range, qm } of qmgrContainerEnvironment(applying)) {
    if (name !== VARIABLE || NOT_SET.test(value)) continue;
    return {
      value,
      location: {
        file: qm.file,
        range,
        message: `MQSNOAUT=${value} in the qmgr container of QueueManager ${String(field(qm.resource, 'metadata', 'name'))}, which applies ConfigMap ${qm.configMap}`,
      },
    };
  }
  for (const { at, value, service, said, readBy } of queueManagerEnvironment(services, VARIABLE, variablesOf)) {
    if (NOT_SET.test(value)) continue;
    const execs = services.find((s) => s.service.name === service)?.execs;
    return {
      value,
      location: {
        ...at,
        message: `MQSNOAUT=${value} in the environment of ${said}, which runs this MQSC`,
      },
      ...(execs && execs.file !== mqscFile ? { tiedBy: execs } : {}),
      ...(readBy && { readBy }),
    };
  }
  // The image's own ENV: its container creates the queue manager with it, unless a Compose service (or a docker run)
  // that builds the image sets the variable itself (fvelasar/rtvs-openshif's Dockerfile: FROM ibmcom/mq, ENV
  // MQSNOAUT=true, COPY config.mqsc /etc/mqm/): then the container's value decides, as for a mounted MQSC.
  for (const { dockerfile, builtBy } of images) {
    const byContainer = queueManagerEnvironment(builtBy, VARIABLE, variablesOf);
    const set = byContainer.find((e) => !NOT_SET.test(e.value));
    const stage = runtimeStage(dockerfile.data);
    if (set)
      return {
        value: set.value,
        location: {
          ...set.at,
          message: `MQSNOAUT=${set.value} in the environment of ${set.said}, which runs the image ${path.basename(dockerfile.file.path)} builds with this MQSC in /etc/mqm`,
        },
        // The Dockerfile decides that the container runs this MQSC: named beside the variable.
        tiedBy: {
          file: dockerfile.file.path,
          ...(stage && { range: stage.range }),
          message: 'the image this Dockerfile builds holds this MQSC in /etc/mqm',
        },
        ...(set.readBy && { readBy: set.readBy }),
      };
    const entry = dockerfile.entries.filter((e) => e.section === 'ENV' && e.key === VARIABLE).at(-1);
    if (!entry || NOT_SET.test(entry.value) || byContainer.length > 0) continue;
    return {
      value: entry.value,
      location: {
        file: dockerfile.file.path,
        range: entry.valueRange,
        message: `MQSNOAUT=${entry.value} in the ENV of the image this Dockerfile builds, which copies this MQSC into /etc/mqm`,
      },
    };
  }
  return undefined;
}

/** A Dockerfile whose image holds the MQSC in /etc/mqm, and the Compose services that build it. */
export interface MqscImage {
  dockerfile: ParsedDocument<DockerfileData>;
  builtBy: readonly MqscComposeService[];
}
