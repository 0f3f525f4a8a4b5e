/**
 * What a YAML file's steps put where, read as ./script-file-placements.ts reads a shell script and as a document of
 * the same kind, for the question whether something enables an nginx file of a `*-available` directory
 * (src/model/nginx-enablers.ts):
 * - a Compose service's `command:`/`entrypoint:` and a Kubernetes container's `command:`/`args:` are a shell command
 *   line (`sh -c "ln -s /etc/nginx/sites-available/x /etc/nginx/sites-enabled/ && nginx -g 'daemon off;'"`), as a
 *   string or a list (the exec form: the items after `-c` are scripts, other lists one command);
 * - Ansible tasks: `file:` with `state: link` or `hard` links its `src` at its `dest` (or `path`), `template:` and
 *   `copy:` put their `src` at their `dest`, and `command:`/`shell:` (or their `cmd:`) are a shell command line
 *   (https://docs.ansible.com/ansible/latest/collections/ansible/builtin/file_module.html);
 * - a kustomization's `configMapGenerator:` and a Helm template's `.Files.Get` make ConfigMaps of files, its
 *   `secretGenerator:` Secrets
 *   (./config-map-placements.ts).
 * Nothing else of the file is read here, and nothing expands: `{{ nginx_dir }}/x` stays as written, read as unknown.
 * A YAML file that installs Debian's mod_jk package, or puts files in its directory, is recorded too: the model reads
 * which host httpd reads the package's workers file on from its tasks (../model/modjk-package-ansible.ts).
 *
 * The read stage parses no YAML for this: it records each YAML file whose steps may place a file (`yamlSteps`), and
 * the model reads their placements only when it asks, once per build (src/model/script-placements.ts).
 */
import * as path from 'node:path';
import type { Node, YAMLMap } from 'yaml';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import { mayInstallDebianModJk } from './ansible-package-installs';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';
import {
  placementsDocument,
  placementsIn,
  type FilePlacement,
  type FilePlacementsData,
} from './script-file-placements';
import { yaml } from './yaml-flatten';
import { generatorPlacements, helmFilePlacements, mayReadChartFiles } from './config-map-placements';

export const YAML_STEPS_KIND = 'yaml.steps';

const YAML_NAME = /\.ya?ml$/i;
/**
 * What makes such a file worth reading: it names an `*-available` or `*-enabled` directory, or nginx (a step into nginx's
 * conf.d names it; conf.d alone is as often httpd's or rsyslog's, and `lock-enabled` is no directory).
 */
const MAY_PLACE = /-available|-enabled\/|sites-enabled|nginx|^(configMap|secret)Generator:/m;
/** The directory of Debian's mod_jk package (its workers file: ../model/modjk-package.ts), which a task may put files in. */
const MODJK_PACKAGE_DIR = path.posix.dirname(TOMCAT_AJP_FRONTS.modJk.debianPackage.workersFile) + '/';
/**
 * A key that runs a command or an Ansible file module, as a line starts: without one nothing is parsed (rwlxxvii/
 * containers' 3 MB YAML catalogs and 1 MB hardening playbooks, read in full, took its run from 5 s to 12 s).
 */
const STEP_KEY =
  /^[ \t]*(?:- )?[ \t]*(?:command|entrypoint|args|shell|cmd|raw|configMapGenerator|secretGenerator|(?:ansible\.(?:builtin|legacy)\.)?(?:command|shell|raw|file|template|copy))[ \t]*:/m;
/** Keys whose value is a shell command line: Compose, Kubernetes, Ansible's command modules. */
const COMMAND_KEYS =
  /^(command|entrypoint|args|shell|cmd|(ansible\.(builtin|legacy)\.)?(command|shell)|ansible\.builtin\.raw|raw)$/;
/** Ansible modules that put a file (`src`) at a place (`dest`). */
const FILE_MODULES = /^(?:ansible\.(?:builtin|legacy)\.)?(file|template|copy)$/;

type YamlNode = Node | null | undefined;

/** A YAML file whose steps or chart-file reads may place a file (`yamlFilePlacements`), without parsing it. */
export function yamlSteps(source: SourceFile): ParsedDocument<Record<string, never>> | undefined {
  if (!YAML_NAME.test(source.path)) return undefined;
  // A task installing Debian's mod_jk package is a step too (../model/modjk-package-ansible.ts).
  if (!mayReadChartFiles(source) && !mayHoldSteps(source) && !mayInstallDebianModJk(source.text)) return undefined;
  return { file: source, kind: YAML_STEPS_KIND, entries: [], comments: [], problems: [], data: {} };
}

function mayHoldSteps(source: SourceFile): boolean {
  return (MAY_PLACE.test(source.text) || source.text.includes(MODJK_PACKAGE_DIR)) && STEP_KEY.test(source.text);
}

/** What a YAML file places where, or undefined when it places nothing. */
export function yamlFilePlacements(source: SourceFile): ParsedDocument<FilePlacementsData> | undefined {
  if (!YAML_NAME.test(source.path)) return undefined;
  const placements = [...helmFilePlacements(source), ...stepPlacements(source)];
  return placements.length > 0 ? placementsDocument(source, placements) : undefined;
}

/**
 * The `template:` and `copy:` tasks of an Ansible YAML file, wherever they put their file: each task's `src` and `dest`
 * as written (the read stage classifies a role's template by where its task puts it: src/engine/run/ansible-placed.ts).
 */
export function ansibleFileTasks(source: SourceFile): FilePlacement[] {
  if (!YAML_NAME.test(source.path) || !ANSIBLE_FILE_TASK.test(source.text)) return [];
  return stepPlacements(source, true).filter((p) => p.verb !== 'ln');
}

/**
 * The path a `template:`/`copy:` task writes its `src` to: a `dest` ending in `/` is a directory, where Ansible's
 * template and copy actions keep the source's name (ansible/ansible@8a2b8e5 lib/ansible/plugins/action/copy.py).
 */
export function ansibleDestinationPath(destination: string, src: string): string {
  return destination.endsWith('/') ? destination + path.posix.basename(src.trim()) : destination;
}

/**
 * Where a task's `src` may be, most likely first (absolute paths of the tree), as Ansible's `_find_needle` looks a
 * relative `src` up (ansible/ansible@8a2b8e5 lib/ansible/plugins/action/template.py and copy.py, GPL-3.0).
 */
export function ansibleSourceCandidates(taskFile: string, module: string, src: string): string[] {
  const written = src.trim();
  const roleDir = /^(.*)[\\/]tasks[\\/]/.exec(taskFile)?.[1];
  const own = roleDir === undefined ? undefined : written.replace(/\{\{\s*role_path\s*\}\}\/?/g, `${roleDir}/`);
  const value = own ?? written;
  if (/\{\{|\{%/.test(value)) return [];
  if (path.isAbsolute(value)) return roleDir !== undefined && own !== written ? [path.normalize(value)] : [];
  const kind = module === 'template' ? 'templates' : 'files';
  const taskDir = path.dirname(taskFile);
  const bases =
    roleDir !== undefined ? [path.join(roleDir, kind), roleDir, taskDir] : [path.join(taskDir, kind), taskDir];
  return bases.map((base) => path.join(base, value));
}

/** A `template:` or `copy:` key as a line starts (a task's module). */
export const ANSIBLE_FILE_TASK = /^[ \t]*(?:- )?[ \t]*(?:ansible\.(?:builtin|legacy)\.)?(?:template|copy)[ \t]*:/m;

/** The steps of a Compose, Kubernetes, Ansible or kustomization file that place files (`fileTasks`: Ansible's only). */
function stepPlacements(source: SourceFile, fileTasks = false): FilePlacement[] {
  if (!fileTasks && !mayHoldSteps(source)) return [];
  const lib = yaml();
  const index = new LineIndex(source.text);
  const placements: FilePlacement[] = [];
  let documents: ReturnType<typeof lib.parseAllDocuments>;
  try {
    documents = lib.parseAllDocuments(source.text, { uniqueKeys: false });
  } catch {
    return [];
  }
  const visit = (node: YamlNode): void => {
    if (lib.isSeq(node)) for (const item of node.items) visit(item as YamlNode);
    if (!lib.isMap(node)) return;
    for (const pair of node.items) {
      const key = lib.isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode;
      const module = FILE_MODULES.exec(key)?.[1];
      if (fileTasks && module === undefined) visit(value);
      else if (COMMAND_KEYS.test(key) && (lib.isScalar(value) || lib.isSeq(value)))
        placements.push(...commandLinePlacements(value, source.text, index));
      else if (key === 'configMapGenerator') placements.push(...generatorPlacements(value, source.path, index));
      else if (key === 'secretGenerator') placements.push(...generatorPlacements(value, source.path, index, 'secret'));
      else {
        // A Kubernetes pod `template:` is no Ansible task: what it holds is read on.
        const task = module === undefined ? [] : fileTaskPlacements(module, value, source.text, index);
        if (task.length > 0) placements.push(...task);
        else visit(value);
      }
    }
  };
  for (const document of Array.isArray(documents) ? documents : [documents]) visit(document.contents);
  return placements;
}

/** A command line as a string or a list: each `-c` script, else the words joined as one command. */
function commandLinePlacements(node: YamlNode, text: string, index: LineIndex): FilePlacement[] {
  const lib = yaml();
  const scalars = lib.isSeq(node) ? node.items.filter((i) => lib.isScalar(i)) : lib.isScalar(node) ? [node] : [];
  const values = scalars.map((s) => String(s.value));
  const script = values.indexOf('-c');
  const lines =
    lib.isSeq(node) && script < 0
      ? [{ line: values.join(' '), node }]
      : scalars.slice(script + 1).map((s) => ({ line: String(s.value), node: s }));
  return lines.flatMap(({ line, node: at }) => {
    const [start, end] = at?.range ?? [0, 0];
    // A single-line plain scalar is its text: the command's own offsets. Otherwise the whole value.
    const exact = !lib.isSeq(at) && text.slice(start, end) === line;
    return placementsIn(line).map(({ start: from, end: to, ...placement }) => ({
      ...placement,
      range: exact ? index.rangeAt(start + from, start + to) : index.rangeAt(start, end),
    }));
  });
}

/** An Ansible `file: state=link`, `template:` or `copy:` task (a mapping or one `key=value` string). */
function fileTaskPlacements(module: string, node: YamlNode, text: string, index: LineIndex): FilePlacement[] {
  const lib = yaml();
  const args = lib.isMap(node) ? mapArguments(node) : lib.isScalar(node) ? inlineArguments(String(node.value)) : {};
  const destination = args.dest ?? args.path;
  if (args.src === undefined || destination === undefined) return [];
  if (module === 'file' && !/^(link|hard)$/.test(args.state ?? '')) return [];
  const [start, end] = node?.range ?? [0, 0];
  const verb = module === 'file' ? 'ln' : module === 'copy' ? 'cp' : 'template';
  return [{ verb, sources: [args.src], destination, range: index.rangeAt(start, end) }];
}

function mapArguments(map: YAMLMap): Record<string, string> {
  const lib = yaml();
  const args: Record<string, string> = {};
  for (const pair of map.items)
    if (lib.isScalar(pair.key) && lib.isScalar(pair.value)) args[String(pair.key.value)] = String(pair.value.value);
  return args;
}

/** `src=/etc/nginx/sites-available/x dest=/etc/nginx/sites-enabled/x state=link`, as Ansible splits it. */
function inlineArguments(line: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const m of line.matchAll(/(?:^|\s)(\w+)=("[^"]*"|'[^']*'|\S+)/g))
    args[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  return args;
}
