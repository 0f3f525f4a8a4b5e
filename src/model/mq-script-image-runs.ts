/**
 * The containers a shell script or a Makefile starts with `docker run` (src/parse/container-runs.ts) that run a tree
 * MQSC file through an image with scripts of its own (IBM MQ's developer image), as image runs (./mq-image-scripts.ts):
 * a bind mount of the file, or of its directory, into /etc/mqm; or a run of the image a Dockerfile of the tree builds
 * (`docker build -t qm .`, then `docker run -e MQ_DEV=false qm`), which copies the file there. The container's
 * variables are its `--env-file` files' then its `-e`/`--env` options' (docker's order: an option wins); `-e NAME` takes
 * the caller's value (unknown), and an env file the tree does not hold, or options a bash array expands, may set any
 * other. Where the command runs is not known: a host path is read from the script's directory (`$(pwd)/x.mqsc`,
 * `$PWD`, `./x.mqsc`), where such scripts are run; one a variable decides joins nothing.
 */
import * as path from 'node:path';
import { CONTAINER_RUNS_KIND, dockerEnvFileVariables, type ContainerRun } from '../parse/container-runs';
import type { ContainerRunsData } from '../parse/container-runs';
import type { MqscData } from '../parse/mqsc';
import { SCRIPT_IMAGE_BUILDS_KIND, type ScriptImageBuildsData } from '../parse/script-image-builds';
import type { ParsedDocument } from '../parse/types';
import { mqImageScripts } from '../knowledge';
import type { ModelContext } from './contributor';
import { scriptBuiltDockerfile } from './dockerfile-downloads';
import type { ImageRun, StartedContainer } from './mq-image-scripts';
import { appliedAtStart, mqscPathInContainer } from './mq-qmgr-names';
import { shortPath } from './runtime-named';

/** The directory a host path starts from, written as the working directory (`$(pwd)`, `${PWD}`, make's `$(CURDIR)`). */
const WORKING_DIRECTORY = /^(?:\$\(pwd\)|\$\{PWD\}|\$PWD|\$\(PWD\)|\$\(CURDIR\))(?=\/|$)/;

/** The tree path a run's host path names, read from the script's directory; undefined when a variable decides it. */
function hostPathOf(script: string, host: string): string | undefined {
  const relative = host.replace(WORKING_DIRECTORY, '.');
  if (/[$`~]/.test(relative) || path.isAbsolute(relative) || !/^\.|\//.test(relative)) return undefined;
  return path.resolve(path.dirname(script), relative);
}

/** The scripts' `docker run`s of an image with scripts of its own that mount `mqsc` into its /etc/mqm. */
export function scriptImageRuns(ctx: ModelContext, mqsc: ParsedDocument<MqscData>): ImageRun[] {
  const runs: ImageRun[] = [];
  for (const script of ctx.documentsOf(CONTAINER_RUNS_KIND) as ParsedDocument<ContainerRunsData>[])
    for (const run of script.data.runs) {
      if (mqImageScripts(run.image).length === 0) continue;
      for (const mount of run.mounts) {
        const hostPath = hostPathOf(script.file.path, mount.host);
        const inside =
          hostPath && mqscPathInContainer(mqsc.file.path, { mount: { target: mount.container }, hostPath });
        if (inside === undefined || !appliedAtStart(inside)) continue;
        const started = startedContainer(ctx, script, run);
        runs.push({
          name: path.posix.basename(inside),
          image: run.image,
          at: { file: script.file.path, range: mount.range },
          how: `in the container ${started.where} starts with docker run, which mounts this file as ${inside}`,
          environment: started.environment,
          environmentComplete: started.environmentComplete,
          targets: started.targets,
          mountedOver: started.targets,
          mountsUnknown: false,
        });
      }
    }
  return runs;
}

/** The scripts' `docker run`s of the image a script's `docker build -t` builds from `dockerfile`. */
export function containersOfBuiltImage(ctx: ModelContext, dockerfile: string): StartedContainer[] {
  const builds = ctx.documentsOf(SCRIPT_IMAGE_BUILDS_KIND) as ParsedDocument<ScriptImageBuildsData>[];
  if (builds.length === 0) return [];
  return (ctx.documentsOf(CONTAINER_RUNS_KIND) as ParsedDocument<ContainerRunsData>[]).flatMap((script) =>
    script.data.runs
      .filter((run) => scriptBuiltDockerfile(builds, run.image) === dockerfile)
      .map((run) => startedContainer(ctx, script, run)),
  );
}

/** The variables and mounts of the container one `docker run` starts. */
function startedContainer(
  ctx: ModelContext,
  script: ParsedDocument<ContainerRunsData>,
  run: ContainerRun,
): StartedContainer {
  const environment = new Map<string, string | undefined>();
  let environmentComplete = !run.expands;
  for (const envFile of run.envFiles) {
    const file = /[$`]/.test(envFile.path) ? undefined : path.resolve(path.dirname(script.file.path), envFile.path);
    // The first document of the path holds its text (a file's every document shares it).
    const read = file === undefined ? undefined : ctx.deployment.documents.find((d) => d.file.path === file);
    if (!read) environmentComplete = false;
    for (const v of read ? dockerEnvFileVariables(read.file.text) : []) environment.set(v.name, v.value);
  }
  for (const v of run.environment) environment.set(v.name, v.value);
  return {
    environment,
    environmentComplete,
    targets: run.mounts.map((m) => path.posix.normalize(m.container).replace(/(.)\/$/, '$1')),
    where: `${shortPath(script.file.path, ctx.deployment.root)}:${run.range.start.line + 1}`,
  };
}
