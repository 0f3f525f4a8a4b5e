/**
 * The IBM MQ release a queue manager runs, when the tree names it: the image of the nearest Dockerfile whose directory
 * holds the queue manager's MQSC (`FROM icr.io/ibm-messaging/mq:9.4.0.5-r1`, the MQSC copied into /etc/mqm), as nginx
 * files get their OpenSSL from the Dockerfile beside them. A tag that names no release (`latest`), an image argument
 * without a default, or no Dockerfile: unknown.
 */
import * as path from 'node:path';
import { mqReleaseFromImage } from '../knowledge';
import { runtimeStage, type DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import type { MqQueueManagerFacts } from './attributes';

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
