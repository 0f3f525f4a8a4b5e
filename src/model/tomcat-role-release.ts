/**
 * The Tomcat release an Ansible role installs, for the server.xml the role's own tasks write from its `templates/`
 * (or copy from its `files/`) into a `…/server.xml` (docs/deployments.md § Which Tomcat release).
 * viniciusfs/ansible-role-tomcat@dce442c: defaults/main.yml `tomcat_version: "7.0.75"` and `tomcat_download_url:
 * "{{ tomcat_mirror }}/…/apache-tomcat-{{ tomcat_version }}.tar.gz"`; tasks/main.yml `template: src=server.xml.tpl
 * dest={{ tomcat_home }}/conf/server.xml`.
 * The release is the one the role's variables name: a Tomcat distribution archive (`apache-tomcat-X.Y.Z.tar.gz`, its
 * `{{ var }}`s filled from the variables) or a `tomcat_version` variable of a full release. Unknown when a variable
 * it rests on has two values in the tree (a vars file per platform, an inventory's group_vars or host_vars, a play's
 * vars, a task's set_fact or vars: any of them may override the role's default), when the task names its template
 * by a variable (a role with a template per release), or when the role's archives name two releases.
 * Read once per deployment (the variables), then per server.xml under a `templates/` or `files/` directory.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import {
  ANSIBLE_TASKS_KIND,
  ANSIBLE_VARS_KIND,
  type AnsibleData,
  type AnsibleScalar,
  type AnsibleFileTask,
} from '../parse/ansible';
import { LineIndex } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { tomcatArchiveReleases } from './dockerfile-downloads';
import { shortPath } from './runtime-named';

type AnsibleDocument = ParsedDocument<AnsibleData>;

/** The release read, in the shape ./tomcat-release.ts reads every release (TomcatReleaseRead). */
interface RoleRelease {
  release: string;
  text: string;
  at: Location;
  /** The task that writes the file, with the file it writes (its dest, the src's name added to a directory). */
  via: (Location & { writesTo: string })[];
  majorOnly: false;
}

/** A value as Ansible reads it, with where it is written. */
interface ReadValue {
  value: string;
  at: Location;
  line: number;
  doc: AnsibleDocument;
}

/** What a role's release is read from: the variables of the tree, by name, and each role's documents. */
interface AnsibleTree {
  values: Map<string, ReadValue[]>;
  docs: AnsibleDocument[];
}

/** A variable of a full release (`tomcat_version`, `jws_tomcat_version`), not a part of one or another product's. */
const RELEASE_VARIABLE = /^(?:\w+_)?tomcat_?version$/i;
const FULL_RELEASE = /^\d+\.\d+\.\d+$/;
const SIMPLE_VARIABLE = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
/**
 * `{{ role_path }}/`, Ansible's magic variable for the directory of the role running the task: a src under it is the
 * role's own file (cofin/ansible-role-tomcat@f04201a `src: "{{ role_path }}/templates/server.xml.j2"`).
 */
const ROLE_PATH = /^\{\{\s*role_path\s*\}\}\//;
/** How many variables deep a value is filled in (`url` → `{{ name }}` → `{{ version }}`). */
const FILL_DEPTH = 5;

/** The text of a scalar as written, the template values the parser saw masked put back (same offsets). */
function writtenText(doc: AnsibleDocument, scalar: AnsibleScalar): string {
  let text = doc.file.text.slice(scalar.start, scalar.end);
  for (const span of doc.template?.spans ?? []) {
    if (span.start < scalar.start || span.end > scalar.end) continue;
    const at = span.start - scalar.start;
    text = text.slice(0, at) + span.text + text.slice(at + span.text.length);
  }
  return text;
}

/** The value YAML reads from a scalar's text: quotes off, a multi-line scalar folded, a block scalar's header dropped. */
function scalarValue(text: string, style: AnsibleScalar['style']): string {
  if (style === 'block') {
    const [header = '', ...lines] = text.split('\n');
    return lines
      .map((l) => l.trim())
      .join(header.includes('|') ? '\n' : ' ')
      .trim();
  }
  const unquoted = style === 'quoted' ? text.slice(1, -1) : text;
  return unquoted.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
}

/**
 * Where a value is written, for a finding's related place: the scalar, or where it holds template values (a download
 * URL built from `{{ name }}`s, which the role's variables fill in) its first written stretch, as a place on a template
 * value would make the finding depend on it (../engine/run/template-values.ts).
 */
function literalStart(doc: AnsibleDocument, scalar: AnsibleScalar): [number, number] {
  const spans = (doc.template?.spans ?? []).filter((s) => s.start >= scalar.start && s.end <= scalar.end);
  let from = scalar.start;
  for (const span of [...spans.sort((a, b) => a.start - b.start), { start: scalar.end, end: scalar.end }]) {
    const written = doc.file.text.slice(from, span.start);
    const lead = written.length - written.replace(/^[\s"'>|-]+/, '').length;
    const trail = written.length - written.replace(/[\s"']+$/, '').length;
    if (written.length - lead - trail > 0) return [from + lead, span.start - trail];
    from = span.end;
  }
  return [scalar.start, scalar.start];
}

function readValue(doc: AnsibleDocument, scalar: AnsibleScalar, index: LineIndex): ReadValue {
  const [start, end] = literalStart(doc, scalar);
  const range = index.rangeAt(start, end);
  return {
    value: scalarValue(writtenText(doc, scalar), scalar.style),
    at: { file: doc.file.path, range },
    line: range.start.line + 1,
    doc,
  };
}

/** The directory a role's `defaults/`, `vars/`, `tasks/`, `templates/` or `files/` directory is in. */
function roleRootOf(file: string, dirs: readonly string[]): { root: string; dir: string; rest: string } | undefined {
  const parts = file.split(path.sep);
  for (let i = parts.length - 2; i >= 1; i--)
    if (dirs.includes(parts[i]!))
      return { root: parts.slice(0, i).join(path.sep), dir: parts[i]!, rest: parts.slice(i + 1).join('/') };
  return undefined;
}

/**
 * Another role's defaults and vars apply to that role, not to this one; everything else that sets a variable may set
 * it for this role's hosts (an inventory's group_vars and host_vars, a play's vars, a task's set_fact).
 */
function appliesTo(doc: AnsibleDocument, root: string): boolean {
  if (doc.kind !== ANSIBLE_VARS_KIND) return true;
  const own = roleRootOf(doc.file.path, ['defaults', 'vars']);
  if (!own || own.root === root) return true;
  return path.basename(path.dirname(own.root)) !== 'roles' && !own.root.endsWith(`${path.sep}roles`);
}

/** The tree's Ansible variables and tasks, read once per model build. */
function ansibleTreeOf(ctx: ModelContext): AnsibleTree | undefined {
  return ctx.once('ansibleTree', () => {
    const docs = [...ctx.documentsOf(ANSIBLE_VARS_KIND), ...ctx.documentsOf(ANSIBLE_TASKS_KIND)] as AnsibleDocument[];
    if (docs.length === 0) return undefined;
    const values = new Map<string, ReadValue[]>();
    for (const doc of docs) {
      const index = new LineIndex(doc.file.text);
      for (const { name, value } of doc.data.variables) {
        const read = readValue(doc, value, index);
        const list = values.get(name);
        if (list) list.push(read);
        else values.set(name, [read]);
      }
    }
    return { values, docs };
  });
}

/** A variable's value when everything in the tree that may set it for this role sets the same one. */
function onlyValue(tree: AnsibleTree, root: string, name: string): ReadValue | undefined {
  const set = (tree.values.get(name) ?? []).filter((v) => appliesTo(v.doc, root));
  const [first] = set;
  return first && set.every((v) => v.value === first.value) ? first : undefined;
}

/** `{{ name }}`s filled in with the variables' only values; others left as written. */
function filled(text: string, tree: AnsibleTree, root: string): string {
  let current = text;
  for (let depth = 0; depth < FILL_DEPTH && current.includes('{{'); depth++) {
    const next = current.replace(SIMPLE_VARIABLE, (whole, name: string) => onlyValue(tree, root, name)?.value ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The file a task writes: its dest, or, when the dest is a directory, the src's file name in it (Ansible's template
 * action renders into a file named as the src and hands it to the copy action, which joins a dest ending with `/` and
 * that name, as the copy module does for a dest that is a directory on the host: ansible/ansible@8a2b8e5
 * lib/ansible/plugins/action/template.py and copy.py (GPL-3.0)). A dest ending in `/`, or in `/conf`, the directory of
 * every Tomcat distribution: gromande/ansible-tomcat-cluster `template: src=server.xml dest=/usr/share/tomcat/conf/`,
 * seawolf82/tomcat9-standalone_ansible `template: src=server.xml dest={{ tomcat_dir }}/conf`.
 */
const writtenFile = (dest: string, src: string) =>
  /(?:\/|\/conf)$/.test(dest) ? path.posix.join(dest, path.posix.basename(src)) : dest;

/** The task of the role that writes this file of its `templates/` (`files/`) into a `…/server.xml`. */
function writingTask(roleDocs: readonly AnsibleDocument[], dir: string, rest: string) {
  const module: AnsibleFileTask['module'] = dir === 'templates' ? 'template' : 'copy';
  for (const doc of roleDocs) {
    if (doc.kind !== ANSIBLE_TASKS_KIND) continue;
    const index = new LineIndex(doc.file.text);
    for (const task of doc.data.fileTasks) {
      if (task.module !== module) continue;
      const src = readValue(doc, task.src, index);
      const dest = readValue(doc, task.dest, index);
      const named = src.value
        .replace(ROLE_PATH, '')
        .replace(/^\.\//, '')
        .replace(new RegExp(`^${dir}/`), '');
      const written = writtenFile(dest.value, named);
      // A Windows dest (`C:\\ProgramData\\Tomcat9\\conf\\server.xml`) separates its directories with backslashes.
      if (named === rest && /(?:^|[/}'"\\])server\.xml$/.test(written)) return { src, dest, written };
    }
  }
  return undefined;
}

/** A release read from the role's variables, with where it is written. */
interface FoundRelease {
  release: string;
  text: string;
  at: Location;
  /** Read from a variable (not from a task's words). */
  variable: boolean;
}

/**
 * The variables of a full release that the role defines or uses (`{{ tomcat_version }}` in its tasks, set in a
 * playbook's vars_files): the one a user of the role sets.
 */
function releaseVariables(tree: AnsibleTree, roleDocs: readonly AnsibleDocument[], role: string, root: string) {
  const names = new Set<string>();
  for (const doc of roleDocs) {
    for (const { name } of doc.data.variables) names.add(name);
    const index = new LineIndex(doc.file.text);
    for (const scalar of [...doc.data.variables.map((v) => v.value), ...doc.data.words])
      for (const m of readValue(doc, scalar, index).value.matchAll(SIMPLE_VARIABLE)) names.add(m[1]!);
  }
  const found: FoundRelease[] = [];
  for (const name of names) {
    if (!RELEASE_VARIABLE.test(name)) continue;
    const only = onlyValue(tree, role, name);
    const release = only && filled(only.value, tree, role);
    if (only && release && FULL_RELEASE.test(release))
      found.push({
        release,
        text: `${shortPath(only.at.file, root)}:${only.line} ${name}: ${only.value}`,
        at: only.at,
        variable: true,
      });
  }
  return found;
}

/** The Tomcat distribution archives the role's variables or tasks name, their variables filled in. */
function releaseArchives(tree: AnsibleTree, roleDocs: readonly AnsibleDocument[], role: string, root: string) {
  const found: FoundRelease[] = [];
  for (const doc of roleDocs) {
    const index = new LineIndex(doc.file.text);
    const named = [
      ...doc.data.variables.map((v) => ({ name: v.name, scalar: v.value })),
      ...doc.data.words.map((scalar) => ({ name: undefined, scalar })),
    ];
    for (const { name, scalar } of named) {
      const read = readValue(doc, scalar, index);
      if (!read.value.includes('tomcat')) continue;
      for (const archive of tomcatArchiveReleases(filled(read.value, tree, role)))
        found.push({
          release: archive.release,
          text: `${shortPath(doc.file.path, root)}:${read.line}${name ? ` ${name}` : ''}, which names ${archive.archive}`,
          at: read.at,
          variable: name !== undefined,
        });
    }
  }
  return found;
}

/**
 * The Tomcat release a package task of the role pins: Chocolatey's `tomcat` package is versioned as the Apache Tomcat
 * release it installs (https://community.chocolatey.org/packages/Tomcat: 9.0.30 installs apache-tomcat-9.0.30).
 * R3dy/capsulecorp-pentest@7bf5e47 roles/tomcat/tasks/main.yml: `win_chocolatey: {name: tomcat, version: 9.0.30}`, then
 * `template: {src: server.xml, dest: "C:\\ProgramData\\Tomcat9\\conf\\server.xml"}`.
 */
function releasePackages(tree: AnsibleTree, roleDocs: readonly AnsibleDocument[], role: string, root: string) {
  const found: FoundRelease[] = [];
  for (const doc of roleDocs) {
    const index = new LineIndex(doc.file.text);
    for (const task of doc.data.packageTasks) {
      const name = filled(readValue(doc, task.name, index).value, tree, role);
      if (!/^tomcat$/i.test(name)) continue;
      const version = readValue(doc, task.version, index);
      const release = filled(version.value, tree, role);
      if (FULL_RELEASE.test(release))
        found.push({
          release,
          text: `${shortPath(doc.file.path, root)}:${version.line} ${task.module} ${name} ${version.value}`,
          at: version.at,
          variable: false,
        });
    }
  }
  return found;
}

/** The role's release, or the releases it names when they differ (each read is unknown then). */
export type RoleReleaseAnswer = { read: RoleRelease } | { conflicting: RoleRelease[] } | undefined;

/**
 * The release the role whose `templates/` or `files/` hold `serverXml` installs, when its own tasks (or those of a
 * playbook beside those directories, whose templates Ansible looks for there) write that file into a server.xml and
 * its variables name one release; the releases named when they name several.
 */
export function tomcatRoleRelease(ctx: ModelContext, serverXml: string): RoleReleaseAnswer {
  const role = roleRootOf(serverXml, ['templates', 'files']);
  if (!role) return undefined;
  const tree = ansibleTreeOf(ctx);
  if (!tree) return undefined;
  const under = (doc: AnsibleDocument, dir: string) => doc.file.path.startsWith(path.join(role.root, dir) + path.sep);
  const playbook = (doc: AnsibleDocument) =>
    doc.kind === ANSIBLE_TASKS_KIND && path.dirname(doc.file.path) === role.root;
  const roleDocs = tree.docs.filter(
    (d) => under(d, 'defaults') || under(d, 'vars') || under(d, 'tasks') || playbook(d),
  );
  const task = writingTask(roleDocs, role.dir, role.rest);
  if (!task) return undefined;
  const root = ctx.deployment.root;
  const found = [
    ...releaseVariables(tree, roleDocs, role.root, root),
    ...releaseArchives(tree, roleDocs, role.root, root),
    ...releasePackages(tree, roleDocs, role.root, root),
  ];
  const written = `${shortPath(task.src.at.file, root)}:${task.src.line}`;
  const whose = `the ${playbook(task.src.doc) ? 'playbook' : 'role'} whose task at ${written} writes this file`;
  const reads = new Map<string, RoleRelease>();
  for (const f of found) {
    if (reads.has(f.release)) continue;
    const defaults = f.at.file.startsWith(path.join(role.root, 'defaults') + path.sep);
    reads.set(f.release, {
      release: f.release,
      text: `${f.text}, ${defaults ? `the default of ${whose}` : f.variable ? `read by ${whose}` : `in ${whose}`}`,
      at: f.at,
      via: [{ ...task.src.at, writesTo: task.written }],
      majorOnly: false,
    });
  }
  const [only, ...more] = reads.values();
  if (!only) return undefined;
  return more.length === 0 ? { read: only } : { conflicting: [only, ...more] };
}
