/**
 * The images a shell script or a Makefile's recipe builds with `docker build -t NAME DIR` (or `docker image build`,
 * `docker buildx build`, `podman build`): each tag, the build context and the `-f` Dockerfile as written, so that a
 * Dockerfile's `FROM NAME` can be followed to the Dockerfile the tree builds it from (src/model/dockerfile-downloads.ts).
 * As9530272755/k8s-nginx-tomcat@1df3090 tomcat-base/build-command.sh: `docker build -t
 * hub.zhangguiyuan.com/baseimage/tomcat-base:v8.5.43 .`, and tomcat-app1/Dockerfile is `FROM` that image.
 * The options are `docker build`'s (https://docs.docker.com/reference/cli/docker/buildx/build/): the context is the one
 * word that is no option; an option the list below does not know as a flag is read as taking a value, so an unknown
 * flag leaves the context unread (the build is not kept), never another word read as the context.
 */
import type { Range } from '../core/types';
import { containerToolAt, scriptCommands } from './container-runs';
import { shellCommands, type ShellWord } from './shell-commands';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';

export const SCRIPT_IMAGE_BUILDS_KIND = 'script.image-builds';

export interface ScriptImageBuild {
  /** The `-t`/`--tag` names as written (`myorg/tomcat`, `registry/x:v1`). */
  tags: { name: string; range: Range }[];
  /** The build context as written (`.`, `./tomcat`). */
  context: string;
  /** The `-f`/`--file` Dockerfile as written, when given. */
  file?: string;
}

export interface ScriptImageBuildsData {
  builds: ScriptImageBuild[];
  /** Where its commands run (./container-runs.ts scriptCommands): contexts are read from there. */
  directory: string | undefined;
}

const BUILDS_IMAGE = /\b(docker|podman)\s+(?:image\s+|buildx\s+)?build\b/;

/** Options of `docker build` that take no value (the others take one, as `--tag x` or `--tag=x`). */
const FLAGS = new Set([
  '--no-cache',
  '--pull',
  '--rm',
  '--force-rm',
  '--quiet',
  '-q',
  '--squash',
  '--compress',
  '--load',
  '--push',
  '--disable-content-trust',
]);

/** An option word as its option and the value written in it (`--tag=x`, `-tx`). */
function optionOf(word: string): [string, string | undefined] {
  if (word.startsWith('--')) {
    const at = word.indexOf('=');
    return at < 0 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
  }
  return word.length > 2 ? [word.slice(0, 2), word.slice(2).replace(/^=/, '')] : [word, undefined];
}

/** One `docker build`'s tags, context and Dockerfile from its words after `build`; undefined when any is unread. */
function buildOf(words: readonly ShellWord[], index: LineIndex): ScriptImageBuild | undefined {
  const tags: ScriptImageBuild['tags'] = [];
  const contexts: string[] = [];
  let file: string | undefined;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!word.text.startsWith('-') || word.text === '-') {
      contexts.push(word.text);
      continue;
    }
    if (FLAGS.has(word.text)) continue;
    const [option, inline] = optionOf(word.text);
    const valueWord = inline === undefined ? words[++k] : word;
    const value = inline ?? valueWord?.text;
    if (value === undefined || valueWord === undefined) return undefined;
    if (option === '-t' || option === '--tag')
      tags.push({ name: value, range: index.rangeAt(valueWord.start, valueWord.end) });
    else if (option === '-f' || option === '--file') file = value;
  }
  const [context] = contexts;
  if (contexts.length !== 1 || context === undefined || context === '-' || tags.length === 0) return undefined;
  return { tags, context, ...(file !== undefined ? { file } : {}) };
}

/** The images a shell script or Makefile builds, or undefined when it builds none the words say. */
export function scriptImageBuilds(source: SourceFile): ParsedDocument<ScriptImageBuildsData> | undefined {
  const commands = BUILDS_IMAGE.test(source.text) ? scriptCommands(source) : undefined;
  if (!commands || !BUILDS_IMAGE.test(commands.text)) return undefined;
  const { text, makefile, directory } = commands;
  const index = new LineIndex(source.text);
  const builds: ScriptImageBuild[] = [];
  for (const { words } of shellCommands(text)) {
    const tool = containerToolAt(words, makefile);
    if (tool < 0) continue;
    const sub = words[tool + 1]?.text;
    const verb = sub === 'image' || sub === 'buildx' ? tool + 2 : tool + 1;
    if (words[verb]?.text !== 'build') continue;
    const build = buildOf(words.slice(verb + 1), index);
    if (build) builds.push(build);
  }
  if (builds.length === 0) return undefined;
  return {
    file: source,
    kind: SCRIPT_IMAGE_BUILDS_KIND,
    entries: [],
    comments: [],
    problems: [],
    data: { builds, directory },
  };
}
