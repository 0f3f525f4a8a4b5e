/**
 * Files a script copies from the host into a container with `docker cp SRC CONTAINER:DEST` (also `podman cp`, `docker
 * container cp`), so that a command it later runs in that container (`docker exec qm1 bash -c "runmqsc QM1 <
 * /tmp/x.mqsc"`) reads the host file by the container's path. docker cp's reference
 * (https://docs.docker.com/reference/cli/docker/container/cp/): a file copied to a DEST that ends with `/` or is an
 * existing directory lands there under its own name, else DEST is the file; a directory copied to a DEST that does not
 * exist becomes DEST. Whether DEST exists in the container is not known here: the caller takes the path only when the
 * tree holds the file it names. A container path that is not absolute (relative to the container's working directory),
 * or a source read from standard input (`-`), ties nothing.
 */
import * as path from 'node:path';
import { simpleCommands } from './shell-commands';

/** One `docker cp` from the host into a container, as written. */
export interface ContainerCopy {
  source: string;
  /** The container's name as written (`qm1`, `$CNAME`). */
  container: string;
  /** The absolute path in the container, as written (`/tmp/`, `/run`). */
  target: string;
  /** The command's line (zero-based; its first, when continued with `\`). */
  line: number;
}

/** Options of `docker cp` that take no value (`-a`, `-L`, `-q`), and docker's global ones that take one. */
const CP_FLAGS = /^(-[aLq]+|--archive|--follow-link|--quiet)$/;
const DOCKER_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);
/** `name:/path`: a container's absolute path (a host path holds no `:` before its first `/`). */
const CONTAINER_PATH = /^([^:/]+):(\/.*)$/;

/** Every `docker cp` of a script's lines that copies a host path into a container. */
export function containerCopies(lines: readonly string[]): ContainerCopy[] {
  const copies: ContainerCopy[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let line = lines[i]!;
    while (/\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    if (!/\bcp\b/.test(line) || line.trimStart().startsWith('#')) continue;
    for (const words of simpleCommands(line)) {
      const copy = copyOf(words);
      if (copy) copies.push({ ...copy, line: first });
    }
  }
  return copies;
}

function copyOf(words: readonly string[]): Omit<ContainerCopy, 'line'> | undefined {
  const tool = words.findIndex((w) => /^(docker|podman)$/.test(w.replace(/^.*\//, '')));
  if (tool < 0) return undefined;
  let i = tool + 1;
  for (; i < words.length && words[i]!.startsWith('-'); i++) if (DOCKER_VALUE_OPTIONS.has(words[i]!)) i++;
  if (words[i] === 'container') i++;
  if (words[i] !== 'cp') return undefined;
  for (i++; i < words.length && CP_FLAGS.test(words[i]!); i++);
  const [source, destination, ...more] = words.slice(i);
  const into = destination === undefined ? null : CONTAINER_PATH.exec(destination);
  if (!source || source === '-' || CONTAINER_PATH.test(source) || !into || more.length > 0) return undefined;
  return { source, container: into[1]!, target: into[2]! };
}

/**
 * The host path the latest `docker cp` before line `before` put at `inside` in the container named `container` (both
 * as written), with that copy; undefined when no copy of the script did. A copy of a file of that name (to the path,
 * or into its directory) wins over one read as a directory copied as a whole, which any file copied into the same
 * directory would also look like (`docker cp ./setauth.sh mftqm:/run` after `docker cp ./qmconfig.mqsc mftqm:/run`).
 */
export function copiedFrom(
  copies: readonly ContainerCopy[],
  container: string,
  inside: string,
  before: number,
): { host: string; copy: ContainerCopy } | undefined {
  const wanted = path.posix.normalize(inside);
  let named: { host: string; copy: ContainerCopy } | undefined;
  let below: { host: string; copy: ContainerCopy } | undefined;
  // In the script's order: the latest copy of each kind wins.
  for (const copy of copies) {
    if (copy.container !== container || copy.line >= before) continue;
    const target = path.posix.normalize(copy.target).replace(/(.)\/$/, '$1');
    const source = copy.source.replace(/(.)\/+$/, '$1');
    if (
      (wanted === target && !copy.target.endsWith('/')) ||
      (path.posix.dirname(wanted) === target && path.posix.basename(wanted) === path.posix.basename(source))
    )
      named = { host: source, copy };
    else if (wanted.startsWith(target + '/') && !copy.target.endsWith('/'))
      below = { host: path.posix.join(source, wanted.slice(target.length + 1)), copy };
  }
  return named ?? below;
}
