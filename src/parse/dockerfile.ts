import type { Range } from '../core/types';
import type { Comment, Entry, ParseProblem } from './types';
import type { FormatHandler, ParsedDocument, SourceFile } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import { officialTomcatImageBase } from '../knowledge/tomcat';
import { basenameOf, propertyEntries, type JvmOptionsData, type JvmProperty } from './java/jvm-args';
import { scanJavaHomes, type JavaHomeReference } from './java/java-home';
import { scanLaunchProperties, type LaunchProperties } from './java/java-launch';
import { environmentSetting, springPropertyOfVariable } from './java/spring-environment';
import { scanSpringArguments } from './java/spring-arguments';
import { runSecretEntries } from './dockerfile-run-secrets';
import { dockerLogicalLines, envPairs, escapeCharacter, joinedSource, type EnvPair } from './dockerfile-lines';
import { hereDocumentsEnd } from './dockerfile-heredocs';
import { nextWorkdir, parseCopy, substituteVariables, type DockerCopy, type StageVariables } from './dockerfile-copies';
import { parseFrom, stageChain, type DockerStage } from './dockerfile-from';

/** A stage's ENTRYPOINT: how it treats CMD. */
interface Entrypoint {
  /** Shell form (`ENTRYPOINT java -jar app.jar`): CMD is ignored. */
  shellForm: boolean;
  /** It runs `java` up to its main class or `-jar <file>`: CMD's words are the application's arguments. */
  runsApplication: boolean;
}

export interface DockerfileData extends JvmOptionsData {
  /** `FROM` images in order, arguments substituted (the last is the runtime stage). */
  baseImages: string[];
  stages: DockerStage[];
  /** Build arguments declared before the first `FROM` (the only ones `FROM` can use), with their defaults. */
  args: Record<string, string | undefined>;
  /** `COPY`/`ADD` instructions of every stage, in order (./dockerfile-copies.ts). */
  copies: DockerCopy[];
  /** `RUN`, `ENV`, `CMD` and `ENTRYPOINT` instructions of every stage, in order, as written (continuations kept). */
  commands: DockerCommand[];
}

/** One `RUN`, `ENV`, `CMD` or `ENTRYPOINT` instruction: what a stage runs or sets, read by the model. */
export interface DockerCommand {
  instruction: 'RUN' | 'ENV' | 'CMD' | 'ENTRYPOINT';
  /** The stage it belongs to, by index. */
  stage: number;
  /** Its arguments as written. */
  text: string;
  /** The whole instruction. */
  range: Range;
  /** A `RUN`'s view of the stage's variables (its ARGs and the ENVs before it; undefined: given at build time). */
  variables?: StageVariables;
}

/**
 * The instructions BuildKit knows: any other word starting a line stops the build with "dockerfile parse error line N:
 * unknown instruction: X" (moby/buildkit@10889212c4635d4edbe8aa253be601c6fa2823a5
 * frontend/dockerfile/instructions/parse.go, ParseInstruction and UnknownInstruction). santhoshramanathan/mqobjectbackup@b4afe75
 * Dockerfile starts with the shell lines `oc login …`, `whoami`, `oc project mq` before its FROM.
 */
const INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/**
 * Dockerfiles (Dockerfile reference: https://docs.docker.com/reference/dockerfile/): parser directives
 * (`# escape=`), `#` comments, continuations, `ARG` (global before the first `FROM`), `FROM [--platform=…]
 * image [AS name]` with `$VAR`/`${VAR}`/`${VAR:-default}`/`${VAR:+word}` substituted from global `ARG`
 * defaults, `ENV` (`K=V …` and `K V`), `CMD`/`ENTRYPOINT` in shell or JSON form. JVM `-D` options come
 * from `ENV` values and `CMD`/`ENTRYPOINT`; JDK paths (`JAVA_HOME`, `…/bin/java`) from the final stage,
 * which is the one that runs the application.
 */
/**
 * Files named after a Dockerfile that are not one: its REUSE licence file (`Containerfile.license`: the REUSE
 * specification, https://reuse.software/spec, puts a file's licensing tags in a `.license` file adjacent to it),
 * documents and scripts about it (`Dockerfile.md`, `Dockerfile.sh`), and the ignore file BuildKit reads for it
 * (`Dockerfile.dev.dockerignore`: https://docs.docker.com/build/concepts/context/#filename-and-location).
 * `Dockerfile_Java21_Tomcat`, `Dockerfile-prod`, `Dockerfile.alpine` are Dockerfiles (`docker build -f`).
 */
const NAMED_FOR_A_DOCKERFILE =
  /\.(license|md|markdown|rst|adoc|txt|sh|bash|ps1|py|bat|cmd|json|ya?ml|html?|xml|toml|dockerignore)$/i;

export const dockerfileFormat: FormatHandler<DockerfileData> = {
  id: 'dockerfile',
  classify(filePath) {
    const base = basenameOf(filePath);
    // `docker build` reads a lowercase `dockerfile` when the context has no `Dockerfile` (moby/moby#10858,
    // moby/buildkit#1816: https://github.com/moby/buildkit/pull/1816).
    if (NAMED_FOR_A_DOCKERFILE.test(base)) return undefined;
    return /^(Dockerfile|Containerfile)([._-].*)?$/.test(base) ||
      base === 'dockerfile' ||
      base.endsWith('.Dockerfile') ||
      base.endsWith('.dockerfile')
      ? 'dockerfile'
      : undefined;
  },
  parse: (file, kind) => parseDockerfile(file, kind),
};

/**
 * A Dockerfile as `docker build` reads it with `buildArgs` (`--build-arg`, a Compose service's `build.args`): each
 * overrides the default of the ARG it names; an ARG without either is given at build time (unknown).
 */
export function parseDockerfile(
  file: SourceFile,
  kind: string,
  buildArgs: Readonly<Record<string, string>> = {},
): ParsedDocument<DockerfileData> {
  const index = new LineIndex(file.text);
  const comments: Comment[] = [];
  const entries: Entry[] = [];
  /** An ENV or ARG `KEY=value` as an entry, its value ending with the instruction at the latest. */
  const pairEntry = (pair: EnvPair, section: 'ENV' | 'ARG', end: number): Entry => ({
    key: pair.key,
    value: pair.value,
    keyRange: index.rangeAt(pair.keyStart, pair.keyStart + pair.key.length),
    valueRange: index.rangeAt(pair.valueStart, Math.min(end, pair.valueStart + pair.value.length)),
    section,
    secret: isSecretKey(pair.key),
  });
  const problems: ParseProblem[] = [];
  /**
   * Each stage's JVM `-D` options (ENV, ENTRYPOINT, CMD); only the running image's stages give the app's. A fragment
   * with no FROM (a start kept apart from its image) is read as the running stage: its key -1.
   */
  const stageProperties = new Map<number, JvmProperty[]>();
  const stageOptions = (stage: number): JvmProperty[] => {
    if (!stageProperties.has(stage)) stageProperties.set(stage, []);
    return stageProperties.get(stage)!;
  };
  /** `-D` words no application's JVM receives (./java/java-launch.ts), a build stage's among them. */
  const elsewhere: JvmProperty[] = [];
  const startCommands: { stage: number; launched: LaunchProperties }[] = [];
  const entrypoints: (Entrypoint | undefined)[] = [];
  const springEnvironment: JvmProperty[] = [];
  const springArguments: JvmProperty[] = [];
  const stages: DockerStage[] = [];
  const args: Record<string, string | undefined> = {};
  /** JDK paths of each stage (before the first FROM: none). A stage built on an earlier one inherits its ENV. */
  const stageHomes: JavaHomeReference[][] = [];
  let javaHomes: JavaHomeReference[] = [];
  const copies: DockerCopy[] = [];
  const commands: DockerCommand[] = [];
  /** Each stage's variables (inherited ENV of the stage it builds on, its ARGs and ENVs). */
  const stageVariables: StageVariables[] = [];
  let variables: StageVariables = {};
  const escape = escapeCharacter(file.text);
  const logicals = dockerLogicalLines(file.text, escape);
  // The text Docker runs: the lines it removes from continuations blanked, at the file's own offsets.
  const source = joinedSource(file.text, logicals, escape, (start, end) =>
    comments.push({ text: file.text.slice(start + 1, end), range: index.rangeAt(start, end) }),
  );
  /** Where the here-documents of the last instruction end: their lines are its own, no instructions. */
  let hereDocumentLinesEnd = -1;
  for (const line of logicals) {
    if (line.start < hereDocumentLinesEnd) continue;
    let logical = line;
    const text = source.slice(logical.start, logical.end);
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    if (body.startsWith('#')) {
      comments.push({ text: body.slice(1), range: index.rangeAt(logical.start + lead, logical.end) });
      continue;
    }
    const instruction = /^([A-Za-z]+)(\s+|$)/.exec(body);
    if (!instruction) continue;
    const name = instruction[1]!.toUpperCase();
    if (!INSTRUCTIONS.has(name)) {
      problems.push({
        code: 'dockerfile-instruction',
        severity: 'warning',
        message: `'${instruction[1]}' is not a Dockerfile instruction: docker build stops before building anything (unknown instruction: ${name})`,
        range: index.rangeAt(logical.start + lead, logical.start + lead + instruction[1]!.length),
      });
      // A shell command written as a line of its own (santhoshramanathan/mqobjectbackup@b4afe75 Dockerfile:1 `oc login
      // --server=… --token=…`): never run, but its secrets are in the repository as a RUN's are.
      for (const entry of runSecretEntries(source, logical.start + lead, logical.end, index, null)) entries.push(entry);
      continue;
    }
    const argsStart = logical.start + lead + instruction[0].length;
    if (escape === '\\' && (name === 'RUN' || name === 'COPY' || name === 'ADD')) {
      hereDocumentLinesEnd = hereDocumentsEnd(file.text, argsStart, logical.end);
      // A RUN's here-documents are part of its command line; COPY/ADD's are file contents, not their arguments.
      if (name === 'RUN') logical = { ...logical, end: hereDocumentLinesEnd };
    }
    const rest = source.slice(argsStart, logical.end);
    if (stages.length > 0 && (name === 'RUN' || name === 'ENV' || name === 'CMD' || name === 'ENTRYPOINT'))
      commands.push({
        instruction: name,
        stage: stages.length - 1,
        text: rest,
        range: index.rangeAt(logical.start + lead, logical.end),
        ...(name === 'RUN' ? { variables: { ...variables } } : {}),
      });
    if (name === 'RUN')
      for (const entry of runSecretEntries(source, argsStart, logical.end, index)) entries.push(entry);
    // A secret's default written on an ARG (`ARG TRUST_STORE_PWD=tru5tpassw0rd`) is in the repository and, once an
    // ENV or RUN uses it, in the image's history (Docker's build check SecretsUsedInArgOrEnv): an entry, as for ENV.
    if (name === 'ARG' && /^[A-Za-z_]\w*=/.test(rest.trim()))
      for (const pair of envPairs(rest.trimStart(), argsStart + (rest.length - rest.trimStart().length)))
        if (isSecretKey(pair.key)) entries.push(pairEntry(pair, 'ARG', logical.end));
    if (name === 'ARG' && stages.length === 0) {
      const m = /^([A-Za-z_]\w*)(?:=("([^"]*)"|'([^']*)'|(\S*)))?/.exec(rest.trim());
      // A default names earlier ARGs (`ARG BASE=openjdk:${JAVA_VERSION}-jre`): Docker substitutes them, and one that
      // has no default is given at build time, so the value is unknown.
      if (m)
        args[m[1]!] =
          buildArgs[m[1]!] ?? (m[2] === undefined ? undefined : substituteVariables(m[3] ?? m[4] ?? m[5] ?? '', args));
    } else if (name === 'FROM') {
      const stage = parseFrom(rest, argsStart, index, args, stages);
      if (stage) {
        stages.push(stage);
        javaHomes = stage.fromStage === undefined ? [] : [...(stageHomes[stage.fromStage] ?? [])];
        stageHomes.push(javaHomes);
        const parent = stage.fromStage === undefined ? undefined : stages[stage.fromStage];
        // The official tomcat image's ENV CATALINA_HOME and WORKDIR: `COPY server.xml $CATALINA_HOME/conf/` places it.
        const base = stage.fromStage === undefined && stage.image ? officialTomcatImageBase(stage.image) : undefined;
        if (parent?.workdir !== undefined) stage.workdir = parent.workdir;
        else if (base) stage.workdir = base.workdir;
        variables = stage.fromStage === undefined ? { ...base?.env } : { ...stageVariables[stage.fromStage] };
        stageVariables.push(variables);
      } else
        problems.push({
          code: 'dockerfile-from',
          severity: 'warning',
          message: 'FROM names no image',
          range: index.rangeAt(logical.start + lead, logical.end),
        });
    } else if (name === 'ARG') {
      // In a stage: its own default, else the global one it re-declares.
      const m = /^([A-Za-z_]\w*)(?:=("([^"]*)"|'([^']*)'|(\S*)))?/.exec(rest.trim());
      if (m)
        variables[m[1]!] =
          buildArgs[m[1]!] ??
          (m[2] === undefined ? args[m[1]!] : substituteVariables(m[3] ?? m[4] ?? m[5] ?? '', variables));
    } else if (name === 'WORKDIR') {
      const stage = stages[stages.length - 1];
      if (stage) {
        const workdir = nextWorkdir(rest, stage.workdir, variables);
        if (workdir === undefined) delete stage.workdir;
        else stage.workdir = workdir;
      }
    } else if ((name === 'COPY' || name === 'ADD') && stages.length > 0) {
      const stage = stages[stages.length - 1]!;
      const range = index.rangeAt(logical.start + lead, logical.end);
      copies.push(parseCopy(name, rest, stages.length - 1, stage.workdir, variables, range, range.start.line + 1));
    } else if (name === 'ENV') {
      for (const pair of envPairs(rest, argsStart)) {
        variables[pair.key] = substituteVariables(pair.value, variables);
        const valueEnd = Math.min(logical.end, pair.valueStart + pair.value.length);
        entries.push(pairEntry(pair, 'ENV', logical.end));
        const launched = scanLaunchProperties(source, index, pair.valueStart, valueEnd, pair.key);
        stageOptions(stages.length - 1).push(...launched.jvm);
        elsewhere.push(...launched.elsewhere);
        const springProperty = springPropertyOfVariable(pair.key);
        if (springProperty)
          springEnvironment.push(
            environmentSetting(source, index, pair.key, springProperty, pair.keyStart, pair.valueStart, valueEnd),
          );
      }
      for (const reference of scanJavaHomes(source, index, argsStart, logical.end)) javaHomes.push(reference);
    } else if (name === 'CMD' || name === 'ENTRYPOINT') {
      const stage = stages.length - 1;
      const launched = scanLaunchProperties(source, index, argsStart, logical.end, name);
      if (name === 'CMD') startCommands.push({ stage, launched });
      else {
        stageOptions(stage).push(...launched.jvm);
        elsewhere.push(...launched.elsewhere);
        // The last ENTRYPOINT of a stage is the one that runs; what it makes of CMD is decided after the stage.
        entrypoints[stage] = {
          shellForm: !rest.trimStart().startsWith('['),
          runsApplication: launched.runsApplication,
        };
      }
      for (const argument of scanSpringArguments(source, index, argsStart, logical.end)) springArguments.push(argument);
      for (const reference of scanJavaHomes(source, index, argsStart, logical.end)) javaHomes.push(reference);
    }
  }
  // Docker appends CMD to an exec-form ENTRYPOINT, and a shell-form one ignores it: after an ENTRYPOINT that runs
  // `java … -jar app.jar` (or any shell-form one) a CMD's `-D` words never reach a JVM's options.
  // https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact
  const entrypointOf = (stage: number): Entrypoint | undefined =>
    entrypoints[stage] ?? (stages[stage]?.fromStage === undefined ? undefined : entrypointOf(stages[stage].fromStage));
  for (const { stage, launched } of startCommands) {
    const entrypoint = entrypointOf(stage);
    if (entrypoint && (entrypoint.shellForm || entrypoint.runsApplication))
      elsewhere.push(...launched.jvm, ...launched.elsewhere);
    else {
      stageOptions(stage).push(...launched.jvm);
      elsewhere.push(...launched.elsewhere);
    }
  }
  // A build stage's ENV and CMD stay in that stage: the image that runs holds the last stage and those it builds on.
  const running = new Set(stageChain(stages));
  const properties: JvmProperty[] = [];
  for (const [stage, own] of [...stageProperties].sort(([a], [b]) => a - b))
    (stage === -1 || running.has(stage) ? properties : elsewhere).push(...own);
  const baseImages = stages.map((s) => s.image ?? s.written);
  // Only the final stage runs the application: its JDK paths (and those it inherits) are the ones that count.
  return {
    file,
    kind,
    entries: [
      ...entries,
      ...propertyEntries(properties),
      ...propertyEntries(springArguments),
      // A `-D` word that holds a secret is a secret written in the file, whichever JVM receives it.
      ...propertyEntries(elsewhere.filter((p) => p.secret)),
    ],
    comments,
    problems,
    data: {
      properties,
      baseImages,
      stages,
      args,
      copies,
      commands,
      javaHomes: stageHomes[stageHomes.length - 1] ?? [],
      springEnvironment,
      springArguments,
    },
  };
}
