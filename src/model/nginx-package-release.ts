/**
 * The nginx release an image's own package install pins (`apt-get install nginx=1.12.1-1~jessie`, the official
 * image's `nginx=${NGINX_VERSION}` with `ENV NGINX_VERSION 1.12.1-1~jessie`, Alpine's `apk add nginx=1.24.0-r7`):
 * the upstream release before the package revision. Only a pin the running image's RUNs write, its variables
 * substituted from the stage's ARGs and ENVs; an unpinned `nginx` installs whatever the archive holds (unknown).
 * Real case: jannhendrik/haproxy-ssl@c015e94 letsencrypt/Dockerfile (FROM debian:jessie, nginx.org's 1.12.1).
 */
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands } from '../parse/dockerfile-stages';
import { substituteVariables } from '../parse/dockerfile-copies';
import { simpleCommands } from '../parse/shell-commands';

/** `nginx=<upstream>-<revision>`: the word apt and apk take for a pinned package. */
const NGINX_PIN = /^nginx=(\d+\.\d+\.\d+)(?:[-~+]|$)/;
const INSTALLER = /^(apt-get|apt|apk)$/;

export function nginxReleaseFromPackages(
  doc: ParsedDocument<DockerfileData>,
): { release: string; at: Location } | undefined {
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
