/**
 * Whether a run of the tree deploys a file of an Ansible role's `templates/` or `files/`. Ansible looks a relative
 * `src` up in the role's own directories (`templates/` for template, `files/` for copy; ansible/ansible@8a2b8e5
 * lib/ansible/plugins/action/__init__.py `_find_needle`, GPL-3.0), so only the role's tasks (or a task elsewhere that
 * names the role's path) put it anywhere. When the tree holds the role's tasks and none of its YAML names the file, nor
 * does any other YAML name it by the role's path, no run of the tree deploys it; nor does any when the tree's playbooks
 * apply roles and none of them, nor anything else, names this role. Methodo-Stats-Tutor/installer keeps a copy of the
 * tomcat role's server.xml in its frontend and pdf2htmlex roles, whose tasks template other files only.
 * Unknown (the file may be deployed): a templated or globbed `src` (`{{ item }}.j2`, `with_fileglob`), a `src` naming a
 * directory that holds the file.
 *
 * The tree's YAML is the read stage's record of each file (../parse/ansible-yaml.ts), gathered once per deployment by
 * the derive stage (DerivedModel.ansibleRoles); the engine asks `undeployedRoleFile` for the files it reports on.
 */
import * as path from 'node:path';
import { ANSIBLE_YAML_KIND, ROLE_FILE, type AnsibleYamlData } from '../parse/ansible-yaml';
import type { ParsedDocument } from '../parse/types';

/** The tree's YAML as the question reads it. */
export interface AnsibleRoleTree {
  /** The texts of the tree's YAML files outside the roles' templates/ and files/, by path relative to the root. */
  yaml: ReadonlyMap<string, string>;
  /** Whether a play of the tree (outside `roles/`) applies roles. */
  playsApplyRoles: boolean;
}

/** A YAML file of a play that applies roles (`- hosts: all` … `roles:`). */
const PLAY_WITH_ROLES = /^\s*-?\s*hosts\s*:[\s\S]*^\s*roles\s*:/m;
/** A `src` the run decides (a template value, a fileglob lookup or loop): which files it deploys is unknown. */
const DECIDED_AT_RUN = /\bsrc\s*[:=]\s*["']?[^\s"']*(?:\{\{|[*?])|fileglob/;
const SRC_VALUE = /\bsrc\s*[:=]\s*["']?([^\s"'}]+)/g;

export function ansibleRoleTree(documents: readonly ParsedDocument[]): AnsibleRoleTree {
  const yaml = new Map<string, string>();
  for (const doc of documents) {
    if (doc.kind !== ANSIBLE_YAML_KIND) continue;
    const { source, relative, namesRoleFiles } = doc.data as AnsibleYamlData;
    if (namesRoleFiles) yaml.set(relative, source.text);
  }
  const playsApplyRoles = [...yaml].some(
    ([relative, text]) => !/(?:^|\/)roles\//.test(relative) && PLAY_WITH_ROLES.test(text),
  );
  return { yaml, playsApplyRoles };
}

/** Why no run of the tree deploys the role file (relative to the root), or undefined when one may or it is none. */
export function undeployedRoleFile(relative: string, tree: AnsibleRoleTree): string | undefined {
  const match = ROLE_FILE.exec(relative);
  if (!match) return undefined;
  const [, roleDir = '', role = '', place = '', rest = ''] = match;
  const own = [...tree.yaml].filter(([file]) => file.startsWith(`${roleDir}/`));
  const others = [...tree.yaml].filter(([file]) => !file.startsWith(`${roleDir}/`));
  if (!own.some(([file]) => file.startsWith(`${roleDir}/tasks/`))) return undefined;
  // Named by another file with the role's path (`src: roles/frontend/templates/server.xml`): deployed.
  if (others.some(([, text]) => text.includes(`${role}/${place}/${rest}`))) return undefined;
  const name = path.posix.basename(rest);
  const roleNamed = new RegExp(`(?:^|[^\\w.-])${role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\w.-])`, 'm');
  if (tree.playsApplyRoles && !others.some(([, text]) => roleNamed.test(text)))
    return `no play of the tree applies the role ${role}, and nothing else names it`;
  for (const [, text] of own) {
    if (text.includes(name) || DECIDED_AT_RUN.test(text)) return undefined;
    // A directory that holds the file (`src: conf/`, `src: ../files/`, from the role's templates/ or files/).
    const file = `${place}/${rest}`;
    for (const m of text.matchAll(SRC_VALUE)) {
      const src = m[1]!;
      const dirs = [path.posix.normalize(`${place}/${src}`), path.posix.normalize(src)].map((d) =>
        d.replace(/\/+$/, ''),
      );
      if (dirs.some((dir) => dir === '.' || dir === '' || file.startsWith(`${dir}/`))) return undefined;
    }
  }
  return `no task of the role ${role} templates or copies it, and nothing else names it`;
}
