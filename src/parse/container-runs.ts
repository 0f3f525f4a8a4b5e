/**
 * The containers a shell script or a Makefile's recipe starts with `docker run` (or `podman run`, `docker container
 * run`): the image each runs and the host paths it bind-mounts, as a document of its own beside whatever else the file
 * is.
 * haproxy-ssl-poc/haproxy-cfg@1653d7b ha.sh: `docker run … -v $(pwd)/cfg/haproxy.cfg:/etc/haproxy/haproxy.cfg …
 * haproxy:1.9.10 haproxy -f …` runs the tree's cfg/haproxy.cfg with HAProxy 1.9.10 (src/model/haproxy-release.ts).
 * What `docker run` takes is from its reference (https://docs.docker.com/reference/cli/docker/container/run/): the
 * image is the first word after the options; an option the list below does not know as a flag is read as taking a
 * value, so an unknown flag makes the image unread (unknown), never another word read as the image.
 */
import * as path from 'node:path';
import type { Range } from '../core/types';
import { ciSteps } from './ci-run-steps';
import { CI_SERVICE_SECTION, ciServices, type CiService } from './ci-services';
import { shellCommands, type ShellWord } from './shell-commands';
import { LineIndex } from './text';
import { isSecretKey, type Entry, type ParsedDocument, type SourceFile } from './types';

export const CONTAINER_RUNS_KIND = 'script.container-runs';

/** A bind mount: the host path as written (`$(pwd)/cfg/haproxy.cfg`) and where the container sees it. */
export interface BindMount {
  host: string;
  container: string;
  /** The option's value as written (`$(pwd)/cfg:/etc/haproxy`). */
  range: Range;
}

/**
 * A variable `-e`/`--env` gives the container: its value as written (`-e "A=b c"`, `--env=A=b`), undefined for `-e NAME`,
 * which takes the value of the caller's environment. `range`: from the option to the end of its value.
 */
export interface RunVariable {
  name: string;
  value?: string;
  range: Range;
  nameRange: Range;
  /** Where the value is written (for `-e NAME`: the empty range after the name). */
  valueRange: Range;
  /** The setting as the file names it, for a CI service's (`jobs.build.services.mq.env.MQ_APP_PASSWORD`). */
  key?: string;
}

/** An `--env-file` the run reads (docker reads its `NAME=value` lines before the `-e` options, which win). */
export interface RunEnvFile {
  path: string;
  range: Range;
}

export interface ContainerRun {
  /** The image reference as written (`haproxy:1.9.10`). */
  image: string;
  range: Range;
  mounts: BindMount[];
  environment: RunVariable[];
  envFiles: RunEnvFile[];
  /** Its options include a bash array's items (`"${opts[@]}"`), which may hold any other option. */
  expands: boolean;
  /** `--name qm1`: the container's name as written (`docker exec qm1 …` finds it by it), and where. */
  name?: { value: string; range: Range };
  /** Set for a CI job's service container (./ci-services.ts), which the runner starts: the service as the file names it. */
  ciService?: string;
  /** `podman run` for a run podman starts (messages name the command the tree uses); otherwise docker's. */
  startedWith?: 'podman run';
}

export interface ContainerRunsData {
  runs: ContainerRun[];
  /**
   * The directory its commands run from, which relative host paths and env files are read from: a script's own (where
   * such scripts are run), a CI file's repository top; undefined when a `cd` or `working-directory:` may move them.
   */
  directory: string | undefined;
}

/**
 * Shell scripts, by name or `#!` (not Dockerfiles: a build runs no containers), and Makefiles, whose recipe lines are
 * shell command lines (a leading `@`, `-` or `+` is make's, not the shell's).
 */
const SCRIPT_NAME = /\.(sh|bash|ksh|zsh)$/;
const MAKEFILE_NAME = /(?:^|\/)(?:GNUmakefile|[Mm]akefile|[^/]+\.mk)$/;
const RUNS_CONTAINER = /\b(docker|podman)\s+(container\s+)?run\b/;

/** Options of `docker run` that take no value (the others take one, as `--name x` or `--name=x`). */
const FLAGS = new Set([
  '--rm',
  '--detach',
  '--interactive',
  '--tty',
  '--privileged',
  '--init',
  '--read-only',
  '--publish-all',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--disable-content-trust',
  '--quiet',
]);
/** Single-letter flags, also grouped (`-dit`). */
const SHORT_FLAGS = /^-[dtiPq]+$/;

/**
 * An option word as its option and the value written in it: `--name=x`, `-p443:443` (a single-letter option's value
 * may follow it directly), `-dp` (flags, then an option whose value is the next word).
 */
function optionOf(word: string): [string, string | undefined] {
  if (word.startsWith('--')) {
    const at = word.indexOf('=');
    return at < 0 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
  }
  const letter = /^-[dtiPq]*([^dtiPq])/.exec(word);
  if (!letter) return [word, undefined];
  const rest = word.slice(letter[0].length);
  return [`-${letter[1]}`, rest === '' ? undefined : rest.replace(/^=/, '')];
}

/** The bind mount a `-v`/`--volume`/`--mount` option's value makes, if any. */
function mountOf(option: string, value: string, range: Range): BindMount | undefined {
  if (option === '-v' || option === '--volume') {
    const [host, container] = value.split(':');
    return host && container ? { host, container, range } : undefined;
  }
  if (option !== '--mount') return undefined;
  const fields = new Map(value.split(',').map((f): [string, string] => [f.split('=')[0]!, f.split('=')[1] ?? '']));
  const host = fields.get('source') ?? fields.get('src');
  const container = fields.get('target') ?? fields.get('destination') ?? fields.get('dst');
  return fields.get('type') === 'bind' && host && container ? { host, container, range } : undefined;
}

/**
 * `NAME=value` as written (the value may hold `$…` the shell fills in), or `NAME` alone: the caller's value. `holder`:
 * the word whose text ends with `word` (`-eNAME=v`, `--env=NAME=v`, or the next word).
 */
function variableOf(word: string, holder: ShellWord, range: Range, index: LineIndex): RunVariable {
  const from = holder.text.length - word.length;
  const offset = (k: number) => (k < holder.offsets.length ? holder.offsets[k]! : holder.end);
  const span = (start: number, end: number) =>
    index.rangeAt(offset(from + start), end > start ? offset(from + end - 1) + 1 : offset(from + start));
  const at = word.indexOf('=');
  if (at < 0) return { name: word, range, nameRange: span(0, word.length), valueRange: span(word.length, word.length) };
  return {
    name: word.slice(0, at),
    value: word.slice(at + 1),
    range,
    nameRange: span(0, at),
    valueRange: span(at + 1, word.length),
  };
}

/** A bash array's every item (`"${mounts[@]}"`): options the script put in it elsewhere. */
const ARRAY_EXPANSION = /^\$\{\w+\[[@*]\]\}$/;

/**
 * The image and bind mounts of one `docker run` command's words after `run`, or undefined when its image is unread;
 * `expands` when its options include a bash array's items.
 */
function runOf(words: readonly ShellWord[], index: LineIndex): ContainerRun | undefined {
  const mounts: BindMount[] = [];
  const environment: RunVariable[] = [];
  const envFiles: RunEnvFile[] = [];
  let expands = false;
  let name: ContainerRun['name'];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!.text;
    const written = words[k]!;
    if (ARRAY_EXPANSION.test(word)) {
      expands = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      const image = words[k]!;
      const range = index.rangeAt(image.start, image.end);
      return { image: image.text, range, mounts, environment, envFiles, expands, ...(name && { name }) };
    }
    if (FLAGS.has(word) || SHORT_FLAGS.test(word)) continue;
    const [option, inline] = optionOf(word);
    const valueWord = inline === undefined ? words[++k] : written;
    const value = inline ?? valueWord?.text;
    if (value === undefined || valueWord === undefined) return undefined;
    const mount = mountOf(option, value, index.rangeAt(valueWord.start, valueWord.end));
    if (mount) mounts.push(mount);
    const range = index.rangeAt(written.start, valueWord.end);
    if (option === '-e' || option === '--env') environment.push(variableOf(value, valueWord, range, index));
    else if (option === '--env-file') envFiles.push({ path: value, range });
    else if (option === '--name') name = { value, range: index.rangeAt(valueWord.start, valueWord.end) };
  }
  return undefined;
}

/**
 * The mounts of a bash array's items (`mounts=(-v "$DIR/sites-available:/etc/nginx/sites-enabled:ro")`, `mounts+=(…)`:
 * its items read as a command of their own, each starting with an option), for the run that expands an array.
 */
function arrayMounts(words: readonly ShellWord[], index: LineIndex): BindMount[] {
  if (!words[0]?.text.startsWith('-')) return [];
  return words.flatMap((word, k) => {
    const [option, inline] = optionOf(word.text);
    const valueWord = inline === undefined ? words[k + 1] : word;
    const value = inline ?? valueWord?.text;
    const mount =
      value && valueWord ? mountOf(option, value, index.rangeAt(valueWord.start, valueWord.end)) : undefined;
    return mount ? [mount] : [];
  });
}

/**
 * Whether a file is a shell script (by name or `#!`) or a Makefile (`makefile`: its recipe lines' `@`, `-`, `+` are
 * make's); undefined for another file.
 */
function scriptKind(source: SourceFile): { makefile: boolean } | undefined {
  const makefile = MAKEFILE_NAME.test(source.path);
  return SCRIPT_NAME.test(source.path) || makefile || source.text.startsWith('#!') ? { makefile } : undefined;
}

/** Where a command's words call `docker` or `podman` (any directory before it), or -1. */
export function containerToolAt(words: readonly ShellWord[], makefile: boolean): number {
  return words.findIndex((w) =>
    /^(docker|podman)$/.test((makefile ? w.text.replace(/^[@+-]+/, '') : w.text).replace(/^.*\//, '')),
  );
}

/**
 * A file's shell command lines and where they run: a script's or Makefile's text, or a CI file's steps (./ci-run-steps.ts)
 * with all else blanked; undefined for another file.
 */
export function scriptCommands(
  source: SourceFile,
): { text: string; makefile: boolean; directory: string | undefined } | undefined {
  const kind = scriptKind(source);
  if (kind) return { text: source.text, makefile: kind.makefile, directory: path.dirname(source.path) };
  const steps = ciSteps(source.path, source.text);
  return steps && { ...steps, makefile: false };
}

/** The containers a shell script (or a CI file's steps and services) runs, or undefined when it runs none. */
export function containerRuns(source: SourceFile): ParsedDocument<ContainerRunsData> | undefined {
  const services = ciServices(source.path, source.text).map(serviceRun);
  const commands = RUNS_CONTAINER.test(source.text) || services.length > 0 ? scriptCommands(source) : undefined;
  if (!commands || (!RUNS_CONTAINER.test(commands.text) && services.length === 0)) return undefined;
  const runs = [...commandRuns(source, commands), ...services];
  if (runs.length === 0) return undefined;
  return {
    file: source,
    kind: CONTAINER_RUNS_KIND,
    // A GitLab job's variables go to each of its services: each written value is one entry.
    entries: runs
      .flatMap(secretEntries)
      .filter((e, k, all) => all.findIndex((o) => o.key === e.key && samePlace(o.valueRange, e.valueRange)) === k),
    comments: [],
    problems: [],
    data: { runs, directory: commands.directory },
  };
}

/** A CI job's service container as the run it stands for: no mount of the tree (the checkout comes later). */
const serviceRun = (s: CiService): ContainerRun => ({
  image: s.image,
  range: s.range,
  mounts: [],
  environment: s.environment,
  envFiles: [],
  expands: s.variablesUnknown,
  ciService: s.label,
});

const samePlace = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;

/** The `docker run`s of a file's shell command lines. */
function commandRuns(source: SourceFile, { text, makefile }: { text: string; makefile: boolean }): ContainerRun[] {
  if (!RUNS_CONTAINER.test(text)) return [];
  const index = new LineIndex(source.text);
  const runs: ContainerRun[] = [];
  const inArrays: BindMount[] = [];
  const expanding: ContainerRun[] = [];
  for (const command of shellCommands(text)) {
    const words = command.words;
    inArrays.push(...arrayMounts(words, index));
    const tool = containerToolAt(words, makefile);
    if (tool < 0) continue;
    const verb = words[tool + 1]?.text === 'container' ? tool + 2 : tool + 1;
    if (words[verb]?.text !== 'run') continue;
    const found = runOf(words.slice(verb + 1), index);
    if (!found) continue;
    if (/podman$/.test(words[tool]!.text)) found.startedWith = 'podman run';
    runs.push(found);
    if (found.expands) expanding.push(found);
  }
  // Which of the script's arrays a run expands is not followed: each array's mounts may be its own.
  for (const run of expanding) run.mounts.push(...inArrays);
  return runs;
}

/**
 * The `-e NAME=value` options of a run whose name says secret and whose value is written (`-e MQ_ADMIN_PASSWORD=x`),
 * as entries keyed `docker run -e NAME`: a secret on the command line is in the repository (and in `ps` on the host),
 * so it is masked and judged as a Compose `environment:` one is. A value the shell fills in (`$PW`, `$(cat f)`) is not.
 */
function secretEntries(run: ContainerRun): Entry[] {
  return run.environment.flatMap((v) =>
    v.value !== undefined && v.value !== '' && !/[$`]/.test(v.value) && isSecretKey(v.name)
      ? [
          {
            key: v.key ?? `${runCommand(run)} -e ${v.name}`,
            value: v.value,
            keyRange: v.nameRange,
            valueRange: v.valueRange,
            secret: true,
            ...(run.ciService !== undefined && { section: CI_SERVICE_SECTION }),
          },
        ]
      : [],
  );
}

/** The command that starts the run, as messages name it: `docker run`, or `podman run` where the tree uses podman. */
export const runCommand = (run: Pick<ContainerRun, 'startedWith'>) => run.startedWith ?? 'docker run';

/** A variable of a `docker run --env-file` file, with where its name and value are written. */
export interface DockerEnvFileVariable {
  name: string;
  value?: string;
  nameRange: Range;
  /** For a bare `NAME`: the name's range. */
  valueRange: Range;
}

/**
 * The variables of a file `docker run --env-file` reads: `NAME=value` lines, the value kept as written (docker strips
 * no quotes and expands nothing), `NAME` alone takes the caller's value (undefined); `#` lines are comments
 * (https://docs.docker.com/reference/cli/docker/container/run/#env).
 */
export function dockerEnvFileVariables(text: string): DockerEnvFileVariable[] {
  const index = new LineIndex(text);
  let offset = 0;
  return text.split('\n').flatMap((raw) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const content = raw.replace(/\r$/, '');
    const line = content.trimStart();
    const start = lineStart + content.length - line.length;
    if (line === '' || line.startsWith('#')) return [];
    const at = line.indexOf('=');
    if (at < 0) {
      const nameRange = index.rangeAt(start, start + line.trimEnd().length);
      return [{ name: line.trimEnd(), nameRange, valueRange: nameRange }];
    }
    return [
      {
        name: line.slice(0, at),
        value: line.slice(at + 1),
        nameRange: index.rangeAt(start, start + at),
        valueRange: index.rangeAt(start + at + 1, start + line.length),
      },
    ];
  });
}
