/**
 * The containers a shell script, a Makefile or a CI file's steps start with `docker run` (src/parse/container-runs.ts)
 * that run a tree MQSC file: a bind mount of the file, or of its directory, into /etc/mqm; or a run of the image a
 * Dockerfile of the tree builds (`docker build -t qm .`, then `docker run -e MQ_DEV=false qm`), which copies the file
 * there. Each run is read as the Compose service it stands for (runAsService), so every reader of a queue manager's
 * container (its name, MQSNOAUT, the AMQ_* switches, the image's release: ./mq-compose.ts, ./mq-oam.ts) and of an
 * image with scripts of its own (./mq-image-scripts.ts) takes it alike. The container's variables are its
 * `--env-file` files' then its `-e`/`--env` options' (docker's order: an option wins); `-e NAME` takes the caller's
 * value (unknown), and an env file the tree does not hold, or options a bash array expands, may set any other. Where
 * the command runs is not known for sure: a host path is read from the script's directory (`$(pwd)/x.mqsc`, `$PWD`,
 * `./x.mqsc`), where such scripts are run, or a CI file's repository top; one a variable decides joins nothing.
 */
import * as path from 'node:path';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ServiceVariable, ServiceVariables } from '../parse/compose-service-variables';
import { CONTAINER_RUNS_KIND, dockerEnvFileVariables, runCommand, type ContainerRun } from '../parse/container-runs';
import type { ContainerRunsData } from '../parse/container-runs';
import type { DockerfileData } from '../parse/dockerfile';
import { noStartJvmOptions } from '../parse/java/container-jvm';
import type { MqscData } from '../parse/mqsc';
import { SCRIPT_IMAGE_BUILDS_KIND, type ScriptImageBuildsData } from '../parse/script-image-builds';
import { isSecretKey, type ParsedDocument } from '../parse/types';
import { mqImageScripts } from '../knowledge';
import type { ModelContext } from './contributor';
import { scriptBuiltDockerfile } from './dockerfile-downloads';
import type { NamedRun } from './mq-exec';
import type { ImageRun, StartedContainer } from './mq-image-scripts';
import { appliedAtStart, mqscPathInContainer, type MqscComposeService } from './mq-qmgr-names';
import { shortPath } from './runtime-named';

/** The directory a host path starts from, written as the working directory (`$(pwd)`, `${PWD}`, make's `$(CURDIR)`). */
const WORKING_DIRECTORY = /^(?:\$\(pwd\)|\$\{PWD\}|\$PWD|\$\(PWD\)|\$\(CURDIR\))(?=\/|$)/;

/** The tree path a run's host path names, read from where the commands run; undefined when a variable decides it. */
function hostPathOf(directory: string | undefined, host: string): string | undefined {
  const relative = host.replace(WORKING_DIRECTORY, '.');
  if (directory === undefined || /[$`~]/.test(relative) || path.isAbsolute(relative) || !/^\.|\//.test(relative))
    return undefined;
  return path.resolve(directory, relative);
}

type RunsDocument = ParsedDocument<ContainerRunsData>;
/** The word `exec` anywhere in a file's text: without it, none of its commands is a `docker exec`. */
const EXECS = /\bexec\b/;
const runsDocuments = (ctx: ModelContext) => ctx.documentsOf(CONTAINER_RUNS_KIND) as RunsDocument[];

/** The scripts' `docker run`s of an image with scripts of its own that mount `mqsc` into its /etc/mqm. */
export function scriptImageRuns(ctx: ModelContext, mqsc: ParsedDocument<MqscData>): ImageRun[] {
  const runs: ImageRun[] = [];
  for (const script of runsDocuments(ctx))
    for (const run of script.data.runs) {
      if (mqImageScripts(run.image).length === 0) continue;
      for (const mount of run.mounts) {
        const hostPath = hostPathOf(script.data.directory, mount.host);
        const inside =
          hostPath && mqscPathInContainer(mqsc.file.path, { mount: { target: mount.container }, hostPath });
        if (inside === undefined || !appliedAtStart(inside)) continue;
        const started = startedContainer(ctx, script, run);
        runs.push({
          name: path.posix.basename(inside),
          image: run.image,
          at: { file: script.file.path, range: mount.range },
          how: `in the container ${started.where} starts with ${started.startedWith}, which mounts this file as ${inside}`,
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
  return runsDocuments(ctx).flatMap((script) =>
    script.data.runs
      .filter((run) => scriptBuiltDockerfile(builds, run.image) === dockerfile)
      .map((run) => startedContainer(ctx, script, run)),
  );
}

/**
 * The containers scripts and CI steps start with `docker run` that run the MQSC `mqsc`, each as the Compose service it
 * stands for (./mq-compose.ts reads them alike): a bind mount of the file, or of its directory, into /etc/mqm (any image,
 * as a Compose service's mount), or a run of the image a script builds from `mqDockerfile`, which holds it.
 */
export function scriptRunsRunningMqsc(
  ctx: ModelContext,
  mqsc: ParsedDocument,
  mqDockerfile: ParsedDocument<DockerfileData> | undefined,
): MqscComposeService[] {
  const builds = ctx.documentsOf(SCRIPT_IMAGE_BUILDS_KIND) as ParsedDocument<ScriptImageBuildsData>[];
  return runsDocuments(ctx).flatMap((script) =>
    script.data.runs.flatMap((run) => {
      const mounted = run.mounts.some((mount) => {
        const hostPath = hostPathOf(script.data.directory, mount.host);
        return hostPath && mqscPathInContainer(mqsc.file.path, { mount: { target: mount.container }, hostPath });
      });
      const built =
        !mounted &&
        mqDockerfile &&
        builds.length > 0 &&
        scriptBuiltDockerfile(builds, run.image) === mqDockerfile.file.path;
      if (!mounted && !built) return [];
      return [{ ...runAsService(ctx, script, run), ...(built && { builds: mqDockerfile }) }];
    }),
  );
}

/**
 * The containers scripts and CI steps start with `docker run --name`, each as the Compose service it stands for: a
 * `docker exec` of the same script finds it by that name (./mq-exec.ts).
 */
export function namedScriptRuns(ctx: ModelContext): NamedRun[] {
  // Only a script that also execs into a container can reach one of its runs by name.
  return runsDocuments(ctx).flatMap((script) =>
    script.data.runs.flatMap((run) =>
      run.name && EXECS.test(script.file.text)
        ? [
            {
              file: script.file.path,
              name: run.name.value,
              line: run.name.range.start.line,
              running: runAsService(ctx, script, run),
            },
          ]
        : [],
    ),
  );
}

/**
 * One `docker run` as what a Compose service gives its container (one function for every reader of it): the image
 * its command names, and its variables, those of its `--env-file` files then its `-e`/`--env` options (docker's order:
 * an option wins). `-e NAME` takes the caller's value (unknown); an env file the tree does not hold, a path a variable
 * names, or options a bash array expands may set any other. Read once per run.
 */
export function runAsService(ctx: ModelContext, script: RunsDocument, run: ContainerRun): RunService {
  const read = ctx.once('mqScriptRunServices', () => new Map<ContainerRun, RunService>());
  const known = read.get(run);
  if (known) return known;
  const where = `${shortPath(script.file.path, ctx.deployment.root)}:${run.range.start.line + 1}`;
  const service: ComposeService = {
    // A CI job's service container is started by the runner, not by a docker run of the file.
    name: run.ciService === undefined ? `${runCommand(run)} at ${where}` : `CI service ${run.ciService} at ${where}`,
    image: run.image,
    imageRange: run.range,
    networkAliases: [],
    environment: [],
    springEnvironment: [],
    springArguments: [],
    envFiles: run.envFiles.map((f) => ({ ...f, required: true })),
    jvm: noStartJvmOptions(),
  };
  const doc: ParsedDocument<ComposeData> = {
    ...script,
    kind: 'compose',
    entries: [],
    data: { services: [service], mounts: [] },
  };
  const running: RunService = {
    doc,
    service,
    variables: runVariables(ctx, script, run, service),
    startedAt: where,
    startedWith: runCommand(run),
  };
  read.set(run, running);
  return running;
}

/** A `docker run` as a Compose service: its variables read, and where it starts. */
type RunService = MqscComposeService & Required<Pick<MqscComposeService, 'variables' | 'startedAt' | 'startedWith'>>;

function runVariables(
  ctx: ModelContext,
  script: RunsDocument,
  run: ContainerRun,
  service: ComposeService,
): ServiceVariables {
  const variables = new Map<string, ServiceVariable>();
  const found: ServiceVariables = { variables, envFiles: [], envFileDocuments: [], unread: [] };
  const set = (v: Omit<ServiceVariable, 'secret'>) => variables.set(v.name, { ...v, secret: isSecretKey(v.name) });
  const dir = script.data.directory;
  for (const envFile of service.envFiles) {
    const file = dir === undefined || /[$`]/.test(envFile.path) ? undefined : path.resolve(dir, envFile.path);
    // The first document of the path holds its text (a file's every document shares it).
    const doc = file === undefined ? undefined : ctx.deployment.documents.find((d) => d.file.path === file);
    if (!doc) {
      found.unread.push({ envFile, at: { file: script.file.path, range: envFile.range } });
      continue;
    }
    found.envFiles.push(doc.file.path);
    found.envFileDocuments.push({ envFile, doc });
    for (const v of dockerEnvFileVariables(doc.file.text)) set({ ...v, value: v.value, file: doc.file.path });
  }
  for (const v of run.environment)
    set({ name: v.name, value: v.value, file: script.file.path, nameRange: v.nameRange, valueRange: v.valueRange });
  return found;
}

/** The variables and mounts of the container one `docker run` starts. */
function startedContainer(ctx: ModelContext, script: RunsDocument, run: ContainerRun): StartedContainer {
  const { variables, startedAt, startedWith } = runAsService(ctx, script, run);
  return {
    environment: new Map([...variables.variables].map(([name, v]) => [name, v.value])),
    environmentComplete: !run.expands && variables.unread.length === 0,
    targets: run.mounts.map((m) => path.posix.normalize(m.container).replace(/(.)\/$/, '$1')),
    where: startedAt,
    startedWith,
  };
}
