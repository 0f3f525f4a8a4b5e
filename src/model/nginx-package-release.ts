/**
 * The nginx release an image's own package install pins (`apt-get install nginx=1.12.1-1~jessie`, the official
 * image's `nginx=${NGINX_VERSION}` with `ENV NGINX_VERSION 1.12.1-1~jessie`, Alpine's `apk add nginx=1.24.0-r7`):
 * the upstream release before the package revision. Only a pin the running image's RUNs write, its variables
 * substituted from the stage's ARGs and ENVs; an unpinned `nginx` installs whatever the archive holds (unknown).
 * Real case: jannhendrik/haproxy-ssl@c015e94 letsencrypt/Dockerfile (FROM debian:jessie, nginx.org's 1.12.1). A pin of
 * a branch (`nginx=1.18.*`, apt's newest 1.18.x) names the branch. With the image tag and the nginx.org archive a RUN
 * downloads, or a script a RUN runs pins or downloads, the release a Dockerfile's image runs (nginxReleaseOfDockerfile).
 */
import type { NamedNginxRelease } from './nginx-records';
import type { ParsedDocument } from '../parse/types';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, runtimeStage } from '../parse/dockerfile-stages';
import { substituteVariables } from '../parse/dockerfile-copies';
import { shellCommands } from '../parse/shell-commands';
import { nginxReleaseFromImage } from '../knowledge/server-releases';
import { shortPath } from './runtime-named';
import {
  archiveInWords,
  BASE_HOPS,
  baseDockerfileOf,
  downloadedRelease,
  type NamedInScript,
  scriptDownloadedRelease,
  scriptNamedRelease,
  type ScriptInImage,
  type ScriptRelease,
} from './dockerfile-downloads';

/**
 * `nginx=<upstream>-<revision>`, the word apt and apk take for a pinned package, or `nginx=1.18.*` (apt's pattern for
 * the newest 1.18.x it has: the branch).
 */
const NGINX_PIN = /^nginx=(?:(\d+\.\d+\.\d+)(?:[-~+]|$)|(\d+\.\d+)\.?\*$)/;
const INSTALLER = /^(apt-get|apt|apk)$/;

/** The first nginx package pin of an apt/apk install in shell text, and where its word is. */
function nginxPinIn(text: string): NamedInScript | undefined {
  for (const command of shellCommands(text)) {
    if (!command.words.some((w) => INSTALLER.test(w.text))) continue;
    for (const word of command.words) {
      const m = NGINX_PIN.exec(word.text);
      const release = m?.[1] ?? m?.[2];
      if (release) return { release, index: word.start, length: word.end - word.start, written: word.text };
    }
  }
  return undefined;
}

function nginxReleaseFromPackages(doc: ParsedDocument<DockerfileData>): NamedNginxRelease | undefined {
  for (const command of heldCommands(doc.data)) {
    if (command.instruction !== 'RUN') continue;
    const text = (command.variables && substituteVariables(command.joined, command.variables)) ?? command.joined;
    const pinned = nginxPinIn(text);
    if (pinned) return { release: pinned.release, at: { file: doc.file.path, range: command.range } };
  }
  return undefined;
}

/**
 * The nginx a script of the tree that a RUN of the running image runs pins (`apt-get install nginx=1.18.*`) or
 * downloads (`wget …/nginx-1.18.0.tar.gz`, then builds it), whichever its text names first.
 */
function nginxReleaseFromScripts(
  doc: ParsedDocument<DockerfileData>,
  builds: NginxBuilds,
): NamedNginxRelease | undefined {
  if (!builds.scriptAt) return undefined;
  const pinned = scriptNamedRelease(doc, builds.scriptAt, nginxPinIn);
  const downloaded = scriptDownloadedRelease(doc, 'nginx', builds.scriptAt);
  const first = [pinned, downloaded]
    .filter((s): s is ScriptRelease => s !== undefined)
    .sort((a, b) => a.line - b.line || a.script.line - b.script.line)[0];
  if (!first) return undefined;
  const how = `${shortPath(doc.file.path, builds.root)}:${first.line} RUN, which runs ${shortPath(first.script.file, builds.root)}, whose line ${first.script.line} names ${first.written}`;
  return { release: first.release, at: first.named, how, via: [first.at] };
}

/** The tree's Dockerfiles and Compose files, to follow a `FROM` to the Dockerfile of the tree that builds its image. */
export interface NginxBuilds {
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  composeFiles: readonly ParsedDocument[];
  root: string;
  /** The tree's shell scripts by the path an image holds them at (a RUN may run one that installs nginx). */
  scriptAt?: ScriptInImage;
}

/**
 * The nginx release a Dockerfile's running image runs: its `FROM` tag (`nginx:1.25`), else the package its RUN pins,
 * else the nginx.org archive its RUN downloads (`nginx-${NGINX_VERSION}.tar.gz` from the stage's ARG/ENV defaults;
 * ./dockerfile-downloads.ts), else what a script of the tree its RUN runs pins or downloads, else that of the image the
 * `FROM` names when a Dockerfile of the tree builds it.
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
  const scripted = nginxReleaseFromScripts(doc, builds);
  if (scripted) return scripted;
  const base =
    hops < BASE_HOPS ? baseDockerfileOf(doc, builds.dockerfiles, builds.composeFiles, builds.root) : undefined;
  const inBase = base && nginxReleaseOfDockerfile(base.doc, builds, hops + 1);
  if (!base || !inBase) return undefined;
  const said = inBase.how ?? `${shortPath(inBase.at.file, builds.root)} names nginx ${inBase.release}`;
  return { ...inBase, how: `${base.text}: ${said}`, via: [...base.via, ...(inBase.via ?? [])] };
}
