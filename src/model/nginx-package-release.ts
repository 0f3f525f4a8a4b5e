/**
 * The nginx release an image's own package install pins (`apt-get install nginx=1.12.1-1~jessie`, the official
 * image's `nginx=${NGINX_VERSION}` with `ENV NGINX_VERSION 1.12.1-1~jessie`, Alpine's `apk add nginx=1.24.0-r7`):
 * the upstream release before the package revision. Only a pin the running image's RUNs write, its variables
 * substituted from the stage's ARGs and ENVs; an unpinned `nginx` installs whatever the archive holds (unknown).
 * Real case: jannhendrik/haproxy-ssl@c015e94 letsencrypt/Dockerfile (FROM debian:jessie, nginx.org's 1.12.1). With the
 * image tag and the nginx.org archive a RUN downloads, the release a Dockerfile's image runs (nginxReleaseOfDockerfile).
 */
import type { NamedNginxRelease } from './deployment-records';
import type { ParsedDocument } from '../parse/types';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, runtimeStage } from '../parse/dockerfile-stages';
import { substituteVariables } from '../parse/dockerfile-copies';
import { simpleCommands } from '../parse/shell-commands';
import { nginxReleaseFromImage } from '../knowledge/server-releases';
import { shortPath } from './runtime-named';
import { archiveInWords, BASE_HOPS, baseDockerfileOf, downloadedRelease } from './dockerfile-downloads';

/** `nginx=<upstream>-<revision>`: the word apt and apk take for a pinned package. */
const NGINX_PIN = /^nginx=(\d+\.\d+\.\d+)(?:[-~+]|$)/;
const INSTALLER = /^(apt-get|apt|apk)$/;

function nginxReleaseFromPackages(doc: ParsedDocument<DockerfileData>): NamedNginxRelease | undefined {
  for (const command of heldCommands(doc.data)) {
    if (command.instruction !== 'RUN') continue;
    const text = (command.variables && substituteVariables(command.joined, command.variables)) ?? command.joined;
    for (const words of simpleCommands(text)) {
      if (!words.some((w) => INSTALLER.test(w))) continue;
      const release = words.map((w) => NGINX_PIN.exec(w)?.[1]).find((r) => r !== undefined);
      if (release) return { release, at: { file: doc.file.path, range: command.range } };
    }
  }
  return undefined;
}

/** The tree's Dockerfiles and Compose files, to follow a `FROM` to the Dockerfile of the tree that builds its image. */
export interface NginxBuilds {
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  composeFiles: readonly ParsedDocument[];
  root: string;
}

/**
 * The nginx release a Dockerfile's running image runs: its `FROM` tag (`nginx:1.25`), else the package its RUN pins,
 * else the nginx.org archive its RUN downloads (`nginx-${NGINX_VERSION}.tar.gz` from the stage's ARG/ENV defaults;
 * ./dockerfile-downloads.ts), else that of the image the `FROM` names when a Dockerfile of the tree builds it.
 */
export function nginxReleaseOfDockerfile(
  doc: ParsedDocument<DockerfileData>,
  builds: NginxBuilds,
  hops = 0,
): NamedNginxRelease | undefined {
  const stage = runtimeStage(doc.data);
  const tagged = stage?.image ? nginxReleaseFromImage(stage.image) : undefined;
  if (stage && tagged) return { release: tagged, at: { file: doc.file.path, range: stage.range } };
  const pinned = nginxReleaseFromPackages(doc);
  if (pinned) return pinned;
  const downloaded = downloadedRelease(doc, 'nginx');
  if (downloaded) {
    const how = `${shortPath(doc.file.path, builds.root)}:${downloaded.line} ${downloaded.how} ${archiveInWords(downloaded, 'nginx')}`;
    return { release: downloaded.release, at: downloaded.at, how };
  }
  const base =
    hops < BASE_HOPS ? baseDockerfileOf(doc, builds.dockerfiles, builds.composeFiles, builds.root) : undefined;
  const inBase = base && nginxReleaseOfDockerfile(base.doc, builds, hops + 1);
  if (!base || !inBase) return undefined;
  const said = inBase.how ?? `${shortPath(inBase.at.file, builds.root)} names nginx ${inBase.release}`;
  return { ...inBase, how: `${base.text}: ${said}`, via: [...base.via, ...(inBase.via ?? [])] };
}
