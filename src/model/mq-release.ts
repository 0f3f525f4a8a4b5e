/**
 * The IBM MQ release a queue manager runs, when the tree names it: the `spec.version` of the IBM MQ Operator's
 * QueueManager resource that applies the MQSC (of the same file or one beside it: src/model/mq-resources.ts), else the image of the nearest
 * Dockerfile whose directory holds the queue manager's MQSC (`FROM icr.io/ibm-messaging/mq:9.4.0.5-r1`, the MQSC copied
 * into /etc/mqm), as nginx files get their OpenSSL from the Dockerfile beside them. A tag that names no release
 * (`latest`), an image argument without a default, a version a template fills in, or neither: unknown.
 */
import * as path from 'node:path';
import { isMqImage, mqReenablingSwitches, mqReleaseFromImage, mqReleaseFromOperatorVersion } from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { ParsedDocument } from '../parse/types';
import type { LintConfig } from '../core/config';
import { componentGlobs } from './paths';
import type { MqQueueManagerFacts } from './attributes';
import { field, qmgrContainerEnvironment, type ApplyingQueueManager } from './mq-resources';
import { relativePosix } from '../core/posix-path';

type Release = NonNullable<MqQueueManagerFacts['release']>;

/** For an MQSC file, the release of the queue manager the nearest Dockerfile at or above it builds. */
export function queueManagerReleases(
  dockerfiles: ParsedDocument<DockerfileData>[],
): (file: string) => Release | undefined {
  const images = dockerfiles.flatMap((d) => {
    const stage = runtimeStage(d.data);
    const found = stage?.image ? mqReleaseFromImage(stage.image) : undefined;
    return found && stage
      ? [
          {
            dir: path.dirname(d.file.path),
            release: {
              value: found.release,
              location: { file: d.file.path, range: stage.range },
              via: `FROM ${stage.written}`,
              source: found.source,
            },
          },
        ]
      : [];
  });
  return (file) =>
    images.filter((i) => file.startsWith(i.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0]?.release;
}

/**
 * The release the QueueManager resources (of the same file, else beside it) that apply an MQSC (`applying`) name; when several name
 * different releases, none (which one runs this MQSC is not known).
 */
export function queueManagerReleaseOfResources(applying: readonly ApplyingQueueManager[]): Release | undefined {
  const found = applying.flatMap((qm) => {
    const version = field(qm.resource, 'spec', 'version');
    const release = mqReleaseFromOperatorVersion(field(qm.resource, 'apiVersion'), version);
    const range = release ? qm.rangeOf(release.field.split('.')) : undefined;
    return release && range
      ? [
          {
            value: release.release,
            location: { file: qm.file, range },
            via: `QueueManager ${String(field(qm.resource, 'metadata', 'name'))} ${release.field}: ${String(version)}`,
            source: release.source,
          },
        ]
      : [];
  });
  return new Set(found.map((r) => r.value)).size === 1 ? found[0] : undefined;
}

/**
 * The release the configuration declares for an MQSC file (`components[].mqRelease` of a glob matching the file or its
 * directory), for trees that name it nowhere (a runmqsc script, the release only in a README): the first matching
 * entry, as `components[].java` is chosen.
 */
export function queueManagerReleaseOfConfig(config: LintConfig, file: string): Release | undefined {
  const relative = relativePosix(config.baseDir, file);
  const found = componentGlobs(config.components).find(
    (g) => g.component.mqRelease && (g.match(relative) || g.match(path.posix.dirname(relative))),
  );
  const value = found?.component.mqRelease;
  if (!found || !value) return undefined;
  return {
    value,
    location: { file: config.file ?? file },
    via: `lint-deploy configuration: components "${found.component.files}" mqRelease`,
    source: 'declared in the configuration',
  };
}

/** Whether `name` is an environment variable that re-enables deprecated CipherSpecs on a queue manager (mq.json reenablingSwitches). */
export function isReenablingName(name: string): boolean {
  return mqReenablingSwitches().some((s) => s.environment === name);
}

/** For an MQSC file, the nearest Dockerfile at or above it that builds an IBM MQ image (any tag), if any. */
export function nearestMqDockerfile(
  dockerfiles: ParsedDocument<DockerfileData>[],
): (file: string) => ParsedDocument<DockerfileData> | undefined {
  const images = dockerfiles.flatMap((d) => {
    const stage = runtimeStage(d.data);
    return stage?.image && isMqImage(stage.image) ? [{ dir: path.dirname(d.file.path), doc: d }] : [];
  });
  return (file) =>
    images.filter((i) => file.startsWith(i.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0]?.doc;
}

/**
 * For an MQSC file, the re-enabling variables (mq.json reenablingSwitches: AMQ_SSL_WEAK_CIPHER_ENABLE…) that the
 * nearest Dockerfile at or above it sets with ENV when it builds an IBM MQ image (any tag): the queue manager's process
 * environment, which re-enables deprecated CipherSpecs as qm.ini's SSL stanza does.
 */
export function queueManagerImageEnvironment(
  nearest: ParsedDocument<DockerfileData> | undefined,
): NonNullable<MqQueueManagerFacts['environment']> {
  return (nearest?.entries ?? [])
    .filter((e) => e.section === 'ENV' && isReenablingName(e.key))
    .map((e) => ({
      name: e.key,
      value: { value: e.value, location: { file: nearest!.file.path, range: e.valueRange }, templated: false },
    }));
}

/**
 * The re-enabling variables the `qmgr` container of the QueueManager resources that apply the MQSC sets (its `env`):
 * the queue manager's process environment, as an image's ENV is, and over it.
 */
export function queueManagerResourceEnvironment(
  applying: readonly ApplyingQueueManager[],
): NonNullable<MqQueueManagerFacts['environment']> {
  return qmgrContainerEnvironment(applying)
    .filter((v) => isReenablingName(v.name))
    .map((v) => ({
      name: v.name,
      value: { value: v.value, location: { file: v.qm.file, range: v.range }, templated: /\{\{|\$\{/.test(v.value) },
    }));
}
