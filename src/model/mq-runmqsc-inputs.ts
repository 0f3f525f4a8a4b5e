/**
 * The MQSC files of the tree that scripts feed runmqsc on its standard input (src/parse/runmqsc-input.ts):
 * `runmqsc QM1 < mqsc/dev.mqsc` runs that file on queue manager QM1, and `docker exec -i qm1 runmqsc QM1 < dev.mqsc`
 * runs it there in the container named qm1, the Compose service whose container_name is qm1 or the script's latest
 * `docker run --name qm1` before it (./mq-exec.ts); so does `docker cp dev.mqsc qm1:/tmp/` then `docker exec qm1 bash
 * -c "runmqsc QM1 < /tmp/dev.mqsc"` (src/parse/container-copies.ts), as MQSC
 * written in the script itself already is. The file is the one the path names from the script's directory, else
 * from the deployment root (where a script is run from is not written); an absolute one is the file a Dockerfile COPY
 * puts there (`COPY mq-dev-config /etc/mqm/` then `runmqsc QM1 < /etc/mqm/mq-dev-config` in the image,
 * ibm-messaging/mq-docker@56659c4); a container's own path (`docker exec qm1 sh -c "runmqsc QM1 < /opt/mqsc/qm.mqsc"`)
 * is the file the bind mount of the Compose service whose container it is puts there; a path the script builds from a value known only when it runs, or an absolute one
 * no COPY of the tree names (a host path outside the tree), ties nothing.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import type { ImageFiles } from '../parse/image-files';
import { RUNMQSC_INPUT_KIND, type RunmqscInputData } from '../parse/runmqsc-input';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import type { ScriptQueueManagerName } from './attributes';
import { serviceOfExec, servicesAtCalls, type NamedRun } from './mq-exec';
import { wordValues, type WordValue } from './mq-runmqsc-names';
import type { MqscComposeService } from './mq-qmgr-names';
import type { TreeMount } from './types';

/** One command of a script that feeds an MQSC file to runmqsc. */
export interface FedMqsc {
  /** The command. */
  at: RelatedLocation;
  /** The queue manager it names (upper-cased), when the script writes it or assigns it once to a literal. */
  queueManager?: ScriptQueueManagerName;
  /** The Compose service whose container runs it (`docker exec`), when exactly one matches. */
  service?: MqscComposeService;
}

/** A queue manager name as MQ allows it. */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
/**
 * The script's own directory as scripts compute it: `$(dirname "$0")`, `$(dirname "${BASH_SOURCE[0]}")` (a command
 * substitution stays as written in its word, quotes inside included).
 */
const SCRIPT_DIR = /^\$\(dirname ("?)\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)\1\)\//;

/** Per MQSC file path of the tree: the script commands that feed it to runmqsc. */
export function mqscFedByScripts(
  documents: readonly ParsedDocument[],
  mqscPaths: ReadonlySet<string>,
  root: string,
  composeFiles: readonly ParsedDocument[],
  images: ImageFiles | undefined,
  namedRuns: readonly NamedRun[] = [],
  mounts: readonly TreeMount[] = [],
): Map<string, FedMqsc[]> {
  const fed = new Map<string, FedMqsc[]>();
  for (const doc of documents) {
    if (doc.kind !== RUNMQSC_INPUT_KIND) continue;
    const script = doc.file.path;
    const lines = splitLines(doc.file.text);
    for (const { input, queueManager, exec, range, copiedAt, inContainer } of (doc as ParsedDocument<RunmqscInputData>)
      .data.inputs) {
      const service = exec ? serviceOfExec(exec, { path: script, lines, range }, composeFiles, namedRuns) : undefined;
      const file = inContainer
        ? service && mountedFile(mounts, service, input)
        : fedTreeFile(input, { path: script, lines, at: range.start.line }, root, (f) => mqscPaths.has(f), images);
      if (!file || !mqscPaths.has(file)) continue;
      // A file a `docker cp` of the script put in the container, which runmqsc there reads by the container's path.
      const copied =
        copiedAt !== undefined
          ? `, which the docker cp at line ${copiedAt + 1} puts in the container,`
          : inContainer
            ? `, which the bind mount of Compose service ${service?.service.name ?? ''} puts in its container at ${input},`
            : '';
      const at = { file: script, range, message: `this command runs ${path.basename(file)}${copied} with runmqsc` };
      // `docker exec -i "$1" runmqsc …` in a shell function: the container of each call.
      const atCalls =
        exec && !service
          ? servicesAtCalls(exec, { path: script, lines, at: range.start.line }, composeFiles, namedRuns)
          : [];
      // The queue manager as written, as the script sets it, or as each call of the function around it gives it.
      const named = (queueManager === undefined ? [] : wordValues(lines, range.start.line, queueManager)).filter(
        ({ value }) => QMGR_NAME.test(value),
      );
      const nameOf = (value: string, call?: WordValue['call']): ScriptQueueManagerName => {
        const name = value.toUpperCase();
        const how = call ? `this call of ${call.functionName} runs ${path.basename(file)} with runmqsc` : at.message;
        return {
          name,
          location: { ...at, ...(call && { range: call.range }), message: `queue manager ${name} named here: ${how}` },
        };
      };
      const runs: Omit<FedMqsc, 'at'>[] = named.some((n) => n.call)
        ? named.map(({ value, call }) => ({
            queueManager: nameOf(value, call),
            service: service ?? atCalls.find((s) => s.execs?.range?.start.line === call?.range.start.line),
          }))
        : (service ? [service] : atCalls.length > 0 ? atCalls : [undefined]).map((s) => ({
            ...(named[0] && { queueManager: nameOf(named[0].value) }),
            service: s,
          }));
      for (const { queueManager: qm, service: s } of runs)
        fed.set(file, [...(fed.get(file) ?? []), { at, ...(qm && { queueManager: qm }), ...(s && { service: s }) }]);
    }
  }
  return fed;
}

/**
 * The tree file a path written in a script's runmqsc input names (`has`: the files it may be): from the script's
 * directory, else from the deployment root; an absolute path (`/etc/mqm/mq-dev-config`) is the file a Dockerfile
 * COPY/ADD puts there, in the images that hold the script or whose build context does (`images`), when they agree.
 */
export function fedTreeFile(
  written: string,
  script: { path: string; lines: readonly string[]; at: number },
  root: string,
  has: (file: string) => boolean,
  images: ImageFiles | undefined,
): string | undefined {
  const dir = path.dirname(script.path);
  const own = SCRIPT_DIR.exec(written);
  // A path a function's calls give would be a file per call: not followed.
  const rest = wordValues(script.lines, script.at, own ? written.slice(own[0].length) : written).find(
    (v) => !v.call,
  )?.value;
  if (rest === undefined) return undefined;
  if (path.isAbsolute(rest)) {
    const copied = images?.resolve(script.path, rest)?.file;
    return copied !== undefined && has(copied) ? copied : undefined;
  }
  const bases = own ? [dir] : [dir, root];
  return bases.map((base) => path.resolve(base, rest)).find(has);
}

/**
 * The tree file a Compose service's bind mount puts at `inside` in its container (`./mq:/opt/mqsc` and
 * `/opt/mqsc/qm.mqsc`): a runmqsc the script runs there (`docker exec qm1 sh -c "runmqsc QM1 < /opt/mqsc/qm.mqsc"`)
 * reads it. The latest mount of the path wins, as in the container.
 */
function mountedFile(mounts: readonly TreeMount[], running: MqscComposeService, inside: string): string | undefined {
  const wanted = path.posix.normalize(inside);
  let found: string | undefined;
  for (const m of mounts) {
    if (m.file !== running.doc.file.path || m.mount.service !== running.service.name) continue;
    const target = path.posix.normalize(m.mount.target).replace(/(.)\/$/, '$1');
    if (wanted === target) found = m.hostPath;
    else if (wanted.startsWith(`${target}/`))
      found = path.join(m.hostPath, ...wanted.slice(target.length + 1).split('/'));
  }
  return found;
}
