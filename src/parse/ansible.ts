/**
 * Ansible files read for the Tomcat release a role installs (../model/tomcat-role-release.ts): the variables of a role's
 * `defaults/` and `vars/` and of an inventory's `group_vars/` and `host_vars/` (and any other YAML that sets a Tomcat
 * version variable, as a playbook's `vars:` and a role's `meta/main.yml` dependencies do), and the `template`/`copy` tasks of a role's `tasks/` with the
 * variables they set (`vars:`, `set_fact:`). viniciusfs/ansible-role-tomcat@5c0e8a4: defaults/main.yml
 * `tomcat_version: "7.0.75"` and `tomcat_download_url: "…/apache-tomcat-{{ tomcat_version }}.tar.gz"`, tasks/main.yml
 * `template: src=server.xml.tpl dest={{ tomcat_home }}/conf/server.xml`.
 * Only what those need is kept: scalars as written (a template value `{{ … }}` stays in the text, see `AnsibleScalar`),
 * no entries (nothing here is a setting of a component), no parse problems (a file that is no YAML gives nothing).
 */
import { lastPathSegment } from '../core/path-name';
import type { FormatHandler, ParsedDocument } from './types';
import { yaml, yamlTextErrors } from './yaml-flatten';

/** Variables: a role's defaults and vars, an inventory's group_vars and host_vars, a play's vars. */
export const ANSIBLE_VARS_KIND = 'ansible.vars';
/** A role's task file, or a playbook whose tasks write a server.xml or name a Tomcat archive. */
export const ANSIBLE_TASKS_KIND = 'ansible.tasks';

/**
 * A scalar as the file writes it: `start`/`end` are the offsets of its node (quotes, a block scalar's header and all);
 * `style` says how YAML reads that text. The parser may see the text with its template values set aside
 * (../parse/template.ts masks `{{ x }}` with a placeholder of the same length): the model puts them back from the
 * document's template spans before it reads the value (../model/tomcat-role-release.ts).
 */
export interface AnsibleScalar {
  start: number;
  end: number;
  style: 'plain' | 'quoted' | 'block';
}

export interface AnsibleVariable {
  name: string;
  value: AnsibleScalar;
}

/** A `template` or `copy` task: its `src` and `dest` as written. */
export interface AnsibleFileTask {
  module: 'template' | 'copy';
  src: AnsibleScalar;
  dest: AnsibleScalar;
  /** Set when the arguments are one `key=value` string: `src` and `dest` are then offsets inside it, read as plain. */
  inline?: true;
}

/** A package task that names its package's version (`win_chocolatey: {name: tomcat, version: 9.0.30}`). */
export interface AnsiblePackageTask {
  module: string;
  name: AnsibleScalar;
  version: AnsibleScalar;
}

export interface AnsibleData {
  /** Variables the file sets: every top-level scalar of a variables file; a task file's `vars:` and `set_fact:`. */
  variables: AnsibleVariable[];
  /** A task file's `template`/`copy` tasks. */
  fileTasks: AnsibleFileTask[];
  /** A task file's package tasks that pin a version. */
  packageTasks: AnsiblePackageTask[];
  /** Every other scalar of a task file (a `get_url` url, an `unarchive` src): where a release archive may be named. */
  words: AnsibleScalar[];
}

const YAML_NAME = /\.ya?ml$/i;
/**
 * An inventory's variables file named for its group or host alone: Ansible's DataLoader.find_vars_files tries the
 * name with no extension first, then .yml, .yaml, .json (ansible/ansible lib/ansible/parsing/dataloader.py, GPL-3.0).
 * seawolf82/tomcat9-standalone_ansible: `group_vars/tomcat-servers` sets tomcat_version.
 */
const INVENTORY_VARS_NO_EXTENSION = /(?:^|\/)(?:group_vars|host_vars)\/(?:[^/]+\/)*[^/.]+$/;
/** A role's variables or tasks directory, an inventory's variables directory (nested ones too: `group_vars/all/x.yml`). */
const VARS_DIR = /(?:^|\/)(?:defaults|vars|group_vars|host_vars)\/(?:[^/]+\/)*[^/]+$/;
const TASKS_DIR = /(?:^|\/)tasks\/(?:[^/]+\/)*[^/]+$/;
/** A key naming a Tomcat variable, or a Tomcat distribution archive: what makes such a file worth reading. */
const TOMCAT_KEY = /^[ \t-]*\w*tomcat\w*[ \t]*:/im;
const TOMCAT_VERSION_KEY = /(?:^[ \t-]*|[{,][ \t]*)\w*tomcat\w*version\w*[ \t]*:/im;
const TOMCAT_ARCHIVE = /apache-tomcat-/;
const SERVER_XML = /server\.xml/;
const PLAY = /^\s*-?\s*hosts\s*:/m;
/** A play's lists of tasks (ansible/ansible lib/ansible/playbook/play.py, GPL-3.0). */
const PLAY_TASKS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'];

const TEMPLATE_MODULES: Record<string, AnsibleFileTask['module']> = {
  template: 'template',
  'ansible.builtin.template': 'template',
  'ansible.legacy.template': 'template',
  copy: 'copy',
  'ansible.builtin.copy': 'copy',
  'ansible.legacy.copy': 'copy',
};
const SET_VARIABLES = new Set(['vars', 'set_fact', 'ansible.builtin.set_fact', 'ansible.legacy.set_fact']);
/**
 * Package modules whose `version:` pins the package's release: Chocolatey on Windows
 * (https://docs.ansible.com/ansible/latest/collections/chocolatey/chocolatey/win_chocolatey_module.html).
 */
const VERSIONED_PACKAGE_MODULES = new Set(['win_chocolatey', 'chocolatey.chocolatey.win_chocolatey']);

function classifyAnsible(filePath: string, head: string): string | undefined {
  const posix = filePath.replace(/\\/g, '/');
  if (!YAML_NAME.test(lastPathSegment(posix)) && !INVENTORY_VARS_NO_EXTENSION.test(posix)) return undefined;
  if (TASKS_DIR.test(posix)) return SERVER_XML.test(head) || TOMCAT_ARCHIVE.test(head) ? ANSIBLE_TASKS_KIND : undefined;
  if (VARS_DIR.test(posix)) return TOMCAT_KEY.test(head) || TOMCAT_ARCHIVE.test(head) ? ANSIBLE_VARS_KIND : undefined;
  // A playbook with tasks of its own (KhaleelMak/tomcat9@25931af tomcat.yml: get_url of the archive, template of
  // templates/server.xml.j2): read as a task file, its plays' variables with it.
  if (PLAY.test(head) && /^\s*-?\s*tasks\s*:/m.test(head) && (SERVER_XML.test(head) || TOMCAT_ARCHIVE.test(head)))
    return ANSIBLE_TASKS_KIND;
  // A playbook, a Molecule converge.yml: it may set the role's version variable for its hosts.
  return TOMCAT_VERSION_KEY.test(head) && /^\s*-?\s*(?:hosts|roles|vars|dependencies)\s*:/m.test(head)
    ? ANSIBLE_VARS_KIND
    : undefined;
}

type YamlNode = import('yaml').Node | null | undefined;

function scalarOf(node: YamlNode): AnsibleScalar | undefined {
  const lib = yaml();
  if (!lib.isScalar(node) || !node.range) return undefined;
  const style =
    node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      ? 'quoted'
      : node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL'
        ? 'block'
        : 'plain';
  return { start: node.range[0], end: node.range[1], style };
}

const keyOf = (node: YamlNode): string | undefined => {
  const lib = yaml();
  return lib.isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
};

/** `src=server.xml.tpl dest={{ tomcat_home }}/conf/server.xml`: the offsets of each argument's value, as Ansible splits them. */
function inlineArguments(text: string, scalar: AnsibleScalar): Map<string, AnsibleScalar> {
  const found = new Map<string, AnsibleScalar>();
  const body = text.slice(scalar.start, scalar.end);
  for (const m of body.matchAll(/(?:^|[\s>|'"])(\w+)=("[^"]*"|'[^']*'|\S+)/g)) {
    const value = m[2]!;
    const valueStart = scalar.start + m.index + m[0].length - value.length;
    const quoted = /^["']/.test(value);
    found.set(m[1]!, {
      start: quoted ? valueStart + 1 : valueStart,
      end: quoted ? valueStart + value.length - 1 : valueStart + value.length,
      style: 'plain',
    });
  }
  return found;
}

/** The scalars of a node, at any depth. */
function scalarsBelow(node: YamlNode, into: AnsibleScalar[]): void {
  const lib = yaml();
  if (lib.isScalar(node)) {
    const scalar = scalarOf(node);
    if (scalar) into.push(scalar);
  } else if (lib.isMap(node)) for (const pair of node.items) scalarsBelow(pair.value as YamlNode, into);
  else if (lib.isSeq(node)) for (const item of node.items) scalarsBelow(item as YamlNode, into);
}

/** A task file's tasks, at any depth (`block:`, `rescue:`, `always:`). */
function readTasks(node: YamlNode, text: string, data: AnsibleData): void {
  const lib = yaml();
  if (lib.isSeq(node)) {
    for (const item of node.items) readTasks(item as YamlNode, text, data);
    return;
  }
  if (!lib.isMap(node)) {
    scalarsBelow(node, data.words);
    return;
  }
  for (const pair of node.items) {
    const key = keyOf(pair.key as YamlNode);
    const value = pair.value as YamlNode;
    const module = key === undefined ? undefined : TEMPLATE_MODULES[key];
    if (module) {
      const fileTask = fileTaskOf(module, value, text);
      if (fileTask) data.fileTasks.push(fileTask);
      continue;
    }
    if (key !== undefined && VERSIONED_PACKAGE_MODULES.has(key) && lib.isMap(value)) {
      const argument = (name: string) =>
        scalarOf(value.items.find((p) => keyOf(p.key as YamlNode) === name)?.value as YamlNode);
      const name = argument('name');
      const version = argument('version');
      if (name && version) data.packageTasks.push({ module: key, name, version });
    }
    if (key !== undefined && SET_VARIABLES.has(key) && lib.isMap(value)) {
      data.variables.push(...variablesOf(value));
      continue;
    }
    readTasks(value, text, data);
  }
}

function fileTaskOf(module: AnsibleFileTask['module'], node: YamlNode, text: string): AnsibleFileTask | undefined {
  const lib = yaml();
  if (lib.isMap(node)) {
    const argument = (name: string) =>
      scalarOf(node.items.find((p) => keyOf(p.key as YamlNode) === name)?.value as YamlNode);
    const src = argument('src');
    const dest = argument('dest');
    return src && dest ? { module, src, dest } : undefined;
  }
  const scalar = scalarOf(node);
  if (!scalar) return undefined;
  const found = inlineArguments(text, scalar);
  const src = found.get('src');
  const dest = found.get('dest');
  return src && dest ? { module, src, dest, inline: true } : undefined;
}

/** The scalar values of a mapping's keys (nested mappings and lists are not variables the release is read from). */
function variablesOf(map: import('yaml').YAMLMap): AnsibleVariable[] {
  return map.items.flatMap((pair) => {
    const name = keyOf(pair.key as YamlNode);
    const value = scalarOf(pair.value as YamlNode);
    return name !== undefined && value ? [{ name, value }] : [];
  });
}

/**
 * A play's `vars:` (a mapping, or a list of one-key mappings) and the parameters its `roles:` entries pass
 * (`- role: ansible-tomcat` with `tomcat_version: 7.0.62`, silpion/ansible-tomcat's tests): a playbook is a list of plays.
 */
function playVariables(node: YamlNode): AnsibleVariable[] {
  const lib = yaml();
  if (!lib.isSeq(node)) return [];
  const mappings = (value: unknown): import('yaml').YAMLMap[] =>
    lib.isMap(value) ? [value] : lib.isSeq(value) ? value.items.filter((i) => lib.isMap(i)) : [];
  return node.items.flatMap((play) => {
    if (!lib.isMap(play)) return [];
    const value = (name: string) => play.items.find((p) => keyOf(p.key as YamlNode) === name)?.value;
    return [...mappings(value('vars')), ...mappings(value('roles'))].flatMap(variablesOf);
  });
}

/**
 * The parameters a role's meta/main.yml passes to the roles it depends on (`- { role: tomcat8, tomcat_version:
 * "8.5.31" }`, sachavuk/apirest_cl@70f92ce tomtier/meta/main.yml): they set the variable for that role.
 */
function dependencyVariables(map: import('yaml').YAMLMap): AnsibleVariable[] {
  const lib = yaml();
  const dependencies = map.items.find((p) => keyOf(p.key as YamlNode) === 'dependencies')?.value;
  return lib.isSeq(dependencies) ? dependencies.items.filter((i) => lib.isMap(i)).flatMap(variablesOf) : [];
}

/** A list of plays: mappings with `hosts:` (a task file is a list of tasks, which have none). */
function isPlaybook(node: YamlNode): node is import('yaml').YAMLSeq {
  const lib = yaml();
  return (
    lib.isSeq(node) &&
    node.items.some((play) => lib.isMap(play) && play.items.some((p) => keyOf(p.key as YamlNode) === 'hosts'))
  );
}

/** A playbook's variables (playVariables) and the tasks of its plays. */
function readPlaybook(plays: import('yaml').YAMLSeq, text: string, data: AnsibleData): void {
  const lib = yaml();
  data.variables.push(...playVariables(plays));
  for (const play of plays.items) {
    if (!lib.isMap(play)) continue;
    for (const pair of play.items)
      if (PLAY_TASKS.includes(keyOf(pair.key as YamlNode) ?? '')) readTasks(pair.value as YamlNode, text, data);
  }
}

export const ansibleFormat: FormatHandler<AnsibleData> = {
  id: 'ansible',
  classify: classifyAnsible,
  parse(file, kind): ParsedDocument<AnsibleData> {
    const data: AnsibleData = { variables: [], fileTasks: [], packageTasks: [], words: [] };
    const lib = yaml();
    for (const doc of lib.parseAllDocuments(file.text, { uniqueKeys: false })) {
      if (!('contents' in doc) || yamlTextErrors(doc).length > 0) continue;
      const contents = doc.contents as YamlNode;
      if (kind === ANSIBLE_TASKS_KIND && isPlaybook(contents)) readPlaybook(contents, file.text, data);
      else if (kind === ANSIBLE_TASKS_KIND) readTasks(contents, file.text, data);
      else if (lib.isMap(contents)) data.variables.push(...variablesOf(contents), ...dependencyVariables(contents));
      else data.variables.push(...playVariables(contents));
    }
    return { file, kind, entries: [], comments: [], problems: [], data };
  },
};
