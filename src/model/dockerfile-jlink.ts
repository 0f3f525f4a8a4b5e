import * as path from 'node:path';
import type { Range } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import type { ParsedDocument } from '../parse/types';
import { jdkFromImage, jdkFromPath, jlinkEcProvider, parseJavaVersion, type NamedJdk } from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCopies, imageStage, joinedText, runtimeStages } from '../parse/dockerfile-stages';
import { jsonWords, substituteVariables, type DockerCopy } from '../parse/dockerfile-copies';
import { simpleCommands } from '../parse/shell-commands';

/** A Java runtime a `jlink` of the Dockerfile builds and the running image holds (https://docs.oracle.com/en/java/javase/17/docs/specs/man/jlink.html). */
export interface JlinkRuntime {
  /** `--output`: the runtime's directory, absolute where the stage's WORKDIR says. */
  output: string;
  /** The modules `--add-modules` names (every occurrence, comma lists split); undefined when one is not known. */
  modules?: string[];
  /** Modules come from jdeps's output too (`--add-modules $(jdeps --print-module-deps app.jar)`). */
  fromJdeps: boolean;
  /** `--bind-services`: jlink adds the providers of the services the modules use. */
  bindServices: boolean;
  /** The stage that runs jlink, by index. */
  stage: number;
  /** The command word that runs it (`jlink`, `/usr/lib/jvm/java-11-openjdk/bin/jlink`). */
  command: string;
  /** The RUN instruction. */
  range: Range;
  /** The `COPY --from` that puts it in the running image; undefined when the running image runs jlink itself. */
  copy?: DockerCopy;
}

/** A command substitution (`$(jdeps --print-module-deps app.jar)`), one level of parentheses inside. */
const COMMAND_SUBSTITUTION = /\$\((?:[^()]|\([^()]*\))*\)|`[^`]*`/g;
/** A substitution that reads a file back: `$(cat deps.info)`. */
const CAT = /^(?:\$\(|`)\s*cat\s+["']?([^\s"')`]+)["']?\s*(?:\)|`)$/;
/** `--add-modules` values that stand for a whole module path or system image: every module is there. */
const ALL_MODULES = /^ALL-/;

/**
 * The runtimes the Dockerfile's `jlink` commands build that the running image holds: built in a stage it builds on,
 * or copied from another stage by a `COPY --from=<stage>` of the output directory (or a directory above it).
 */
export function jlinkRuntimes(data: DockerfileData): JlinkRuntime[] {
  const held = runtimeStages(data);
  const copies = heldCopies(data).filter((copy) => copy.from !== undefined);
  const out: JlinkRuntime[] = [];
  const runs = data.commands
    .filter((command) => command.instruction === 'RUN' && /\bj(link|deps)\b/.test(command.text))
    .map((run) => ({ run, commands: commandsOf(joinedText(run)) }));
  // Files jdeps's module list is written to (`jdeps … --print-module-deps app.jar > deps.info`), read back by `$(cat …)`.
  const jdepsFiles = new Set(
    runs.flatMap(({ commands }) =>
      commands.flatMap((words) =>
        path.posix.basename(words[0] ?? '') === 'jdeps' && words.includes('>')
          ? [words[words.indexOf('>') + 1] ?? '']
          : [],
      ),
    ),
  );
  for (const { run, commands } of runs) {
    for (const words of commands) {
      const command = words[0] === 'sudo' ? words.slice(1) : words;
      if (path.posix.basename(command[0] ?? '') !== 'jlink') continue;
      const linked = jlinkOptions(command.slice(1), run.variables ?? {}, jdepsFiles);
      if (!linked.output) continue;
      const output = absoluteIn(linked.output, data.stages[run.stage]?.workdir);
      const runtime = { ...linked, output, stage: run.stage, command: command[0]!, range: run.range };
      if (held.includes(run.stage)) out.push(runtime);
      else {
        const copy = copies.find(
          (c) => fromStage(data, c.from!) === run.stage && c.sources.some((s) => holds(s, output)),
        );
        if (copy) out.push({ ...runtime, copy });
      }
    }
  }
  return out;
}

/** What a jlink command line asks: its modules, `--bind-services`, `--output`. */
function jlinkOptions(
  args: readonly string[],
  variables: Record<string, string | undefined>,
  jdepsFiles: ReadonlySet<string>,
): Omit<JlinkRuntime, 'output' | 'stage' | 'command' | 'range' | 'copy'> & { output?: string } {
  let modules: string[] | undefined = [];
  let fromJdeps = false;
  let bindServices = false;
  let output: string | undefined;
  const valueOf = (i: number, name: string) => (args[i] === name ? args[i + 1] : args[i]!.slice(name.length + 1));
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--bind-services') bindServices = true;
    else if (word === '--output' || word.startsWith('--output=')) output = valueOf(i, '--output');
    else if (word === '--add-modules' || word.startsWith('--add-modules=')) {
      const value = valueOf(i, '--add-modules') ?? '';
      // jdeps lists the modules the code refers to; the rest of the value is read as written.
      const substitutions = value.match(COMMAND_SUBSTITUTION) ?? [];
      const jdeps = (s: string) => /\bjdeps\b/.test(s) || jdepsFiles.has(CAT.exec(s)?.[1] ?? '');
      if (substitutions.some(jdeps)) fromJdeps = true;
      const rest = substituteVariables(value.replace(COMMAND_SUBSTITUTION, ''), variables);
      if (rest === undefined || !substitutions.every(jdeps)) modules = undefined;
      const names = (rest ?? '').split(',').filter(Boolean);
      if (names.some((name) => ALL_MODULES.test(name))) modules = undefined;
      modules?.push(...names);
    }
    if (word === '--output' || word === '--add-modules') i++;
  }
  const known = output === undefined ? undefined : substituteVariables(output, variables);
  return { modules, fromJdeps, bindServices, ...(known ? { output: known } : {}) };
}

/** The stage a `COPY --from=<name or index>` names; undefined for an image. */
function fromStage(data: DockerfileData, from: string): number | undefined {
  const byName = data.stages.findIndex(
    (stage) => stage.alias !== undefined && stage.alias.toLowerCase() === from.toLowerCase(),
  );
  if (byName >= 0) return byName;
  return /^\d+$/.test(from) && Number(from) < data.stages.length ? Number(from) : undefined;
}

/** Whether copying `source` (a path in the stage) copies the directory `output`. */
function holds(source: string, output: string): boolean {
  const from = normalAbsolute(source);
  return output === from || output.startsWith(from === '/' ? '/' : `${from}/`);
}

/** `dir` as an absolute path: relative to the stage's WORKDIR, or to `/` when the base image sets none we know. */
function absoluteIn(dir: string, workdir: string | undefined): string {
  return trimSlash(path.posix.normalize(dir.startsWith('/') ? dir : path.posix.join(workdir ?? '/', dir)));
}

function trimSlash(dir: string): string {
  return dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
}

/** A RUN's commands: its exec form's words (`RUN ["jlink", "--add-modules", "java.base", …]`), or its shell line's. */
function commandsOf(text: string): string[][] {
  const words = jsonWords(text.trim());
  return words ? [words] : simpleCommands(text);
}

/**
 * Where the running image holds the runtime: `--output` when it runs jlink itself, else the COPY's destination (Docker
 * copies a directory's content: `COPY --from=jre-build /javaruntime $JAVA_HOME` puts it at $JAVA_HOME), with what lies
 * between the copied directory and the output (`COPY --from=build /opt /opt` of `/opt/jre`).
 */
export function jlinkedHome(runtime: JlinkRuntime): string | undefined {
  const { copy } = runtime;
  if (!copy) return runtime.output;
  if (!copy.destination) return undefined;
  const source = copy.sources
    .map(normalAbsolute)
    .find((s) => runtime.output === s || runtime.output.startsWith(`${s}/`));
  return source === undefined
    ? undefined
    : trimSlash(path.posix.join(copy.destination, runtime.output.slice(source.length)));
}

/** The runtime the running image holds at `home` (a JAVA_HOME, a java command's directory); undefined when none or several. */
export function jlinkedAt<T extends JlinkRuntime>(runtimes: readonly T[], home: string): T | undefined {
  const normal = normalAbsolute(home);
  const at = runtimes.filter((runtime) => jlinkedHome(runtime) === normal);
  return at.length === 1 ? at[0] : undefined;
}

/** The JDK that runs jlink: its stage's image, else the JDK an absolute jlink path lies in (`/usr/lib/jvm/java-11-openjdk/bin/jlink`). */
export function jlinkJdk(data: DockerfileData, runtime: JlinkRuntime, memo?: RunMemo): NamedJdk | undefined {
  const stage = imageStage(data, runtime.stage);
  const fromImage = stage?.image ? jdkFromImage(stage.image, memo) : undefined;
  if (fromImage) return fromImage;
  return runtime.command.startsWith('/')
    ? jdkFromPath(path.posix.dirname(path.posix.dirname(runtime.command)), memo)
    : undefined;
}

function normalAbsolute(dir: string): string {
  return trimSlash(path.posix.normalize(dir.startsWith('/') ? dir : `/${dir}`));
}

/** A jlink runtime of one of the deployment's Dockerfiles, with the JDK it was built from (Deployment.jlinkRuntimes). */
export interface DockerfileJlinkRuntime extends JlinkRuntime {
  /** The Dockerfile. */
  file: string;
  /** The JDK jlink ran from (jlinkJdk); undefined when the tree does not name it. */
  jdk?: NamedJdk;
  /** What it ran from, in words: the image of its stage, else its command (`/usr/lib/jvm/java-11-openjdk/bin/jlink`). */
  builtFrom: string;
  /**
   * It leaves out the module of the elliptic-curve provider (knowledge jlinkEcProvider): `absent` when its JDK keeps the
   * provider in that module (JDK 9 to 21), `jdk-unknown` when the tree does not name its JDK. Undefined: it has the
   * provider (the module, a JDK that holds it in java.base, `--bind-services`) or its module list is not known.
   */
  withoutEcProvider?: 'absent' | 'jdk-unknown';
}

/** The jlink runtimes of every Dockerfile of the deployment, read once by the model (runtimes) and the rules. */
export function dockerfileJlinkRuntimes(
  documents: readonly ParsedDocument[],
  memo?: RunMemo,
): DockerfileJlinkRuntime[] {
  const out: DockerfileJlinkRuntime[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'dockerfile') continue;
    const data = doc.data as DockerfileData;
    for (const runtime of jlinkRuntimes(data)) {
      const jdk = jlinkJdk(data, runtime, memo);
      const stage = imageStage(data, runtime.stage);
      const builtFrom = stage?.image && jdkFromImage(stage.image, memo) ? stage.written : runtime.command;
      const withoutEcProvider = ecProviderLeftOut(runtime, jdk);
      out.push({
        ...runtime,
        file: doc.file.path,
        ...(jdk ? { jdk } : {}),
        builtFrom,
        ...(withoutEcProvider ? { withoutEcProvider } : {}),
      });
    }
  }
  return out;
}

/** Whether the runtime leaves out the elliptic-curve provider's module (DockerfileJlinkRuntime.withoutEcProvider). */
function ecProviderLeftOut(runtime: JlinkRuntime, jdk: NamedJdk | undefined): 'absent' | 'jdk-unknown' | undefined {
  const ec = jlinkEcProvider();
  if (runtime.bindServices || (!runtime.modules && !runtime.fromJdeps)) return undefined;
  if (runtime.modules?.includes(ec.module)) return undefined;
  const feature = (jdk && parseJavaVersion(jdk.version ?? jdk.feature ?? '')?.feature) ?? NaN;
  if (!Number.isFinite(feature)) return 'jdk-unknown';
  return feature >= ec.fromFeature && feature < ec.inJavaBaseFromFeature ? 'absent' : undefined;
}
