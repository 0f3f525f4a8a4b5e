/**
 * What a shell script (an entrypoint, a start script) puts where: links, copies and moves (`ln -s a b`, `cp`, `mv`,
 * `install`, `rsync`, with `-t DIR`), files a pipeline renders into another (`envsubst < a > b`,
 * `cat a | envsubst > b`, `sed … a > b`, `… | tee b`), text written or edited into a file (`echo … >> f`,
 * `sed -i … f`) and the site enablers some nginx packagings ship (`nginx_ensite x`), each with its sources and
 * destination as written. The model asks it whether a script may enable an nginx snippet no include reaches
 * (src/model/nginx-enablers.ts). Nothing expands: `$DIR/x` stays as written, which the model reads as unknown.
 *
 * The read stage parses no script for this: it records each script that may place a file (`shellScript`, a document
 * of its own beside whatever else the file is), and the model reads the placements of a deployment's scripts only when
 * it asks, once (src/model/script-placements.ts): most deployments never ask.
 */
import type { Range } from '../core/types';
import { shellCommands, type ShellCommand, type ShellWord } from './shell-commands';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';

export const FILE_PLACEMENTS_KIND = 'script.file-placements';
/** A shell script that may place files (`shellScript`), read for its placements only when the model asks. */
export const SHELL_SCRIPT_KIND = 'script.shell';

export interface FilePlacement {
  /** The command that places it (`ln`, `cp`, `envsubst`, `nginx_ensite`). */
  verb: string;
  /** The files it reads, as written. */
  sources: string[];
  /** Where it puts them, as written; undefined when the command names no place (`ln -s a`, an enabler). */
  destination?: string;
  /**
   * The text it writes into, or edits, the destination with (`echo 'include …' >> nginx.conf`, the expression of
   * `sed -i 's|sites-enabled|sites-available|' nginx.conf`): an include it adds may reach any file.
   */
  text?: string[];
  /**
   * The ConfigMap it makes of its sources (`kubectl create configmap`, a kustomization's `configMapGenerator:`, a Helm
   * template's `.Files.Get`), which a Pod's volume may mount anywhere: its name, each source's key as written
   * (undefined: the file's own name; a template expression: unknown), and the directory relative sources are read
   * from (a kustomization's, a chart's; undefined: wherever the command runs).
   */
  configMap?: MadeSource;
  /**
   * The Secret it makes of its sources, as `configMap` says (`kubectl create secret generic --from-file`, `kubectl
   * create secret tls --cert --key`, a kustomization's `secretGenerator:`).
   */
  secret?: MadeSource;
  /** The command (its pipeline) as written. */
  range: Range;
}

/** A ConfigMap or Secret a command or generator makes of files (see FilePlacement.configMap). */
export interface MadeSource {
  name: string;
  keys: (string | undefined)[];
  base?: string;
  /** The namespace it is made in, when written (`-n`, a generator's `namespace:`). */
  namespace?: string;
  /** Keys of literal values (`--from-literal`, a generator's `literals:`): no file. */
  literalKeys?: string[];
  /**
   * Why it may hold keys not listed, or another's: env files (`--from-env-file`, `envs:`), a generator's `behavior:`
   * merging into or replacing a base's.
   */
  moreKeys?: string;
}

export interface FilePlacementsData {
  placements: FilePlacement[];
}

/** Shell scripts, by name (the official nginx image's entrypoint also sources `*.envsh`) or `#!`. */
const SCRIPT_NAME = /\.(sh|bash|ksh|zsh|envsh)$/;
const PLACES = /\b(ln|cp|mv|install|rsync|envsubst|tee|sed)\b|ensite\b|>|--from-file|\bsecret\s+tls\b/;
/**
 * A server release the script installs: an nginx.org or Apache Tomcat archive it fetches and unpacks, an nginx package
 * pin (`nginx=1.18.*`). The model reads the release when a Dockerfile RUN runs the script (model/dockerfile-downloads.ts).
 */
const INSTALLS_RELEASE = /(?<![\w.-])(?:nginx|apache-tomcat)-(?:\d+\.\d+\.\d+|\$)|\bnginx=\d/;
/** Commands whose operands are sources and then one destination (coreutils, rsync). */
const COPIES = new Set(['ln', 'cp', 'mv', 'install', 'rsync']);
/** Their options that take the next word as a value (coreutils ln/cp/mv/install, rsync -e). */
const VALUE_OPTIONS = new Set(['-t', '-S', '-m', '-o', '-g', '-e', '--target-directory', '--suffix', '--mode']);
/** Commands that read the files they are given and write what they render to standard output. */
const RENDERS = new Set(['cat', 'sed', 'awk', 'gawk', 'm4', 'gomplate', 'j2', 'envsubst', 'tpl', 'sigil']);
/** Site enablers (nginx_ensite; the names Debian-style helper scripts go by). */
const ENABLERS = /^(nginx_ensite|ngx_ensite|ngxensite|nxensite|ensite)$/;
/** Words before a command that leave it the command: shell keywords, `sudo`, `exec`, `VAR=value`. */
const PREFIX = /^(do|then|else|elif|if|while|until|!|\{|\(|time|sudo|exec|command|nohup|busybox)$|^[A-Za-z_]\w*=/;

/**
 * A shell script (by name or `#!`) whose text may place a file (a command or `>` that does) or install a server release,
 * without reading it further.
 */
export function shellScript(source: SourceFile): ParsedDocument<Record<string, never>> | undefined {
  if (!SCRIPT_NAME.test(source.path) && !source.text.startsWith('#!')) return undefined;
  if (!PLACES.test(source.text) && !INSTALLS_RELEASE.test(source.text)) return undefined;
  return { file: source, kind: SHELL_SCRIPT_KIND, entries: [], comments: [], problems: [], data: {} };
}

/** What a shell script places where, or undefined when it places nothing (or is no shell script that may). */
export function filePlacements(source: SourceFile): ParsedDocument<FilePlacementsData> | undefined {
  if (!shellScript(source)) return undefined;
  const index = new LineIndex(source.text);
  const placements = placementsIn(source.text).map(({ start, end, ...placement }) => ({
    ...placement,
    range: index.rangeAt(start, end),
  }));
  if (placements.length === 0) return undefined;
  return placementsDocument(source, placements);
}

export const placementsDocument = (
  source: SourceFile,
  placements: FilePlacement[],
): ParsedDocument<FilePlacementsData> => ({
  file: source,
  kind: FILE_PLACEMENTS_KIND,
  entries: [],
  comments: [],
  problems: [],
  data: { placements },
});

/** A placement with the offsets of its command (pipeline) in the text read. */
export type PlacementAt = Omit<FilePlacement, 'range'> & { start: number; end: number };

/** What a shell command line (a script, a Dockerfile RUN, a Compose `command:`) places where. */
export function placementsIn(text: string): PlacementAt[] {
  if (!PLACES.test(text)) return [];
  const placements: PlacementAt[] = [];
  let pipeline: ShellCommand[] = [];
  for (const command of shellCommands(text)) {
    pipeline.push(command);
    if (command.next === '|' || command.next === '|&') continue;
    const placement = placementOf(pipeline);
    const tokens = pipeline.flatMap((c) => [...c.words, ...c.redirections]);
    if (placement && tokens.length > 0)
      placements.push({
        ...placement,
        start: Math.min(...tokens.map((t) => t.start)),
        end: Math.max(...tokens.map((t) => t.end)),
      });
    pipeline = [];
  }
  return placements;
}

/** The command's words from its verb on (`sudo ln -s …` → `ln -s …`). */
function fromVerb(command: ShellCommand): ShellWord[] {
  const at = command.words.findIndex((w) => w.quoted || !PREFIX.test(w.text));
  return at < 0 ? [] : command.words.slice(at);
}

const verbOf = (words: readonly ShellWord[]) => words[0]?.text.replace(/^.*\//, '') ?? '';

function placementOf(pipeline: readonly ShellCommand[]): Omit<FilePlacement, 'range'> | undefined {
  for (const command of pipeline) {
    const words = fromVerb(command);
    const verb = verbOf(words);
    if (COPIES.has(verb)) return copyOf(verb, words.slice(1));
    if (verb === 'kubectl' || verb === 'oc') return sourceMadeBy(words.slice(1));
    if (ENABLERS.test(verb)) return { verb, sources: operands(words.slice(1)).map((w) => w.text) };
    // `sed -i EXPRESSION FILE`: the file edited in place, with that expression.
    if (verb === 'sed' && words.some((w) => /^-[a-zA-Z]*i/.test(w.text) || w.text.startsWith('--in-place'))) {
      const names = operands(words.slice(1)).map((w) => w.text);
      const expressions = words.flatMap((w, k) => (words[k - 1]?.text === '-e' ? [w.text] : []));
      const script = expressions.length > 0 ? expressions : names.slice(0, 1);
      const edited = names.slice(expressions.length > 0 ? 0 : 1);
      if (edited.length > 0) return { verb, sources: [], destination: edited[edited.length - 1]!, text: script };
    }
  }
  // A pipeline that writes a file: what its render commands read and its `<` inputs, into its last `>` or `tee` file.
  const last = pipeline[pipeline.length - 1]!;
  const lastWords = fromVerb(last);
  const written = [...last.redirections].reverse().find((r) => /^>>?$|^>\|$/.test(r.operator) && !r.descriptor);
  const tee = verbOf(lastWords) === 'tee' ? operands(lastWords.slice(1))[0] : undefined;
  const destination = written?.target?.text ?? tee?.text;
  if (destination === undefined) return undefined;
  const sources = pipeline.flatMap((command) => {
    const words = fromVerb(command);
    const verb = verbOf(words);
    // envsubst's operand is the list of variables it replaces, not a file.
    const read = RENDERS.has(verb) && verb !== 'envsubst' ? operands(words.slice(1)).map((w) => w.text) : [];
    const inputs = command.redirections.filter((r) => r.operator === '<' && r.target).map((r) => r.target!.text);
    return [...read, ...inputs];
  });
  const verbs = pipeline.map((c) => verbOf(fromVerb(c)));
  // `echo '…' >> nginx.conf`, `printf …`: what it writes, no file read.
  const text = pipeline.flatMap((c) => {
    const words = fromVerb(c);
    return /^(echo|printf)$/.test(verbOf(words)) ? words.slice(1).map((w) => w.text) : [];
  });
  if (sources.length === 0 && text.length === 0) return undefined;
  return {
    verb: verbs.find((v) => RENDERS.has(v)) ?? (sources.length > 0 ? 'cat' : verbs[0]!),
    sources,
    destination,
    ...(text.length > 0 ? { text } : {}),
  };
}

/** Options of `kubectl create configmap|secret` that take the next word as a value (kubectl's global ones too). */
const KUBECTL_VALUE_OPTIONS =
  /^(-n|--namespace|-o|--output|--context|--kubeconfig|--cluster|--user|-s|--server|--field-manager|--template|-l|--type)$/;
/** `kubectl create secret tls`'s files and the keys it puts them at. */
const TLS_FILES: Record<string, string> = { '--cert': 'tls.crt', '--key': 'tls.key' };

/**
 * `kubectl create configmap NAME --from-file=[key=]source …` (`cm`, `oc`), `kubectl create secret generic NAME` with
 * the same options, `kubectl create secret tls NAME --cert=… --key=…` (at keys tls.crt and tls.key): a file is put at
 * its key, by default its basename; a directory puts each of its regular files at its basename; `--from-literal`
 * keys hold no file (https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_configmap,
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_secret_generic,
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_secret_tls).
 */
function sourceMadeBy(args: readonly ShellWord[]): Omit<FilePlacement, 'range'> | undefined {
  const create = args.findIndex((w) => w.text === 'create');
  const what = args[create + 1]?.text ?? '';
  const secret = what === 'secret' && /^(generic|tls)$/.test(args[create + 2]?.text ?? '');
  if (create < 0 || (!secret && !/^(configmap|configmaps|cm)$/.test(what))) return undefined;
  const tls = secret && args[create + 2]!.text === 'tls';
  let name: string | undefined;
  let namespace: string | undefined;
  let moreKeys: string | undefined;
  const sources: string[] = [];
  const keys: (string | undefined)[] = [];
  const literalKeys: string[] = [];
  const rest = args.slice(create + (secret ? 3 : 2));
  for (let k = 0; k < rest.length; k++) {
    const word = rest[k]!.text;
    const [option, inline] = word.startsWith('--') && word.includes('=') ? word.split(/=(.*)/s) : [word];
    const value = () => (inline !== undefined ? inline : rest[++k]?.text);
    if (option === '--from-file' || (tls && option! in TLS_FILES)) {
      const file = value();
      if (file === undefined) continue;
      const at = tls ? -1 : file.indexOf('=');
      sources.push(at < 0 ? file : file.slice(at + 1));
      keys.push(tls ? TLS_FILES[option!] : at < 0 ? undefined : file.slice(0, at));
    } else if (option === '--from-literal') {
      const literal = value();
      if (literal !== undefined) literalKeys.push(literal.split('=')[0]!);
    } else if (option === '--from-env-file') {
      moreKeys = `it also takes the keys of the env file ${value() ?? ''}`;
    } else if (option === '-n' || option === '--namespace') namespace = value();
    else if (KUBECTL_VALUE_OPTIONS.test(option!)) {
      if (inline === undefined) k++;
    } else if (!word.startsWith('-')) name ??= word;
  }
  if (name === undefined || sources.length === 0) return undefined;
  const made: MadeSource = {
    name,
    keys,
    ...(namespace !== undefined && { namespace }),
    ...(literalKeys.length > 0 && { literalKeys }),
    ...(moreKeys !== undefined && { moreKeys }),
  };
  return { verb: 'kubectl', sources, ...(secret ? { secret: made } : { configMap: made }) };
}

/** Operands of ln/cp/mv/install/rsync: the last is the destination, unless `-t DIR` names it. */
function copyOf(verb: string, args: readonly ShellWord[]): Omit<FilePlacement, 'range'> {
  const target = args.findIndex((w) => w.text === '-t' || w.text === '--target-directory');
  const targetValue =
    target >= 0
      ? args[target + 1]?.text
      : args.find((w) => w.text.startsWith('--target-directory='))?.text.slice('--target-directory='.length);
  const names = operands(args).map((w) => w.text);
  if (targetValue !== undefined) return { verb, sources: names, destination: targetValue };
  if (names.length < 2) return { verb, sources: names };
  return { verb, sources: names.slice(0, -1), destination: names[names.length - 1]! };
}

/** The words that are no option nor an option's value (`--` ends the options). */
function operands(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (options && word.text === '--') options = false;
    else if (options && word.text.startsWith('-') && word.text.length > 1) {
      if (VALUE_OPTIONS.has(word.text)) i++;
    } else out.push(word);
  }
  return out;
}
