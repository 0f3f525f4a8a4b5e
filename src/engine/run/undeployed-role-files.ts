/**
 * A file of an Ansible role's `templates/` or `files/` is deployed only by a task: Ansible looks a relative `src` up in
 * the role's own directories (`templates/` for template, `files/` for copy; ansible/ansible@8a2b8e5
 * lib/ansible/plugins/action/__init__.py `_find_needle`, GPL-3.0), so only the role's tasks (or a task elsewhere that
 * names the role's path) put it anywhere. When the tree holds the role's tasks and none of its YAML names the file, nor
 * does any other YAML name it by the role's path, no run of the tree deploys it; nor does any when the tree's playbooks
 * apply roles and none of them, nor anything else, names this role. What is found in such a file is info, never
 * a warning or an error: Methodo-Stats-Tutor/installer keeps a copy of the tomcat role's server.xml in its frontend
 * and pdf2htmlex roles, whose tasks template other files only; their AJP connectors run nowhere.
 * Unknown (the file stays deployed): a templated or globbed `src` (`{{ item }}.j2`, `with_fileglob`), a `src` naming a
 * directory that holds the file. Plaintext secrets are judged anyway: a secret in the repository is exposed whether
 * or not anything deploys the file.
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import { relativePosix } from '../../core/posix-path';
import { readRegularFile } from '../../core/safe-fs';

const ROLE_FILE = /^((?:.*\/)?roles\/([^/]+))\/(templates|files)\/(.+)$/;
const YAML = /\.ya?ml$/i;
/** A YAML file of a play that applies roles (`- hosts: all` … `roles:`). */
const PLAY_WITH_ROLES = /^\s*-?\s*hosts\s*:[\s\S]*^\s*roles\s*:/m;
/** A `src` the run decides (a template value, a fileglob lookup or loop): which files it deploys is unknown. */
const DECIDED_AT_RUN = /\bsrc\s*[:=]\s*["']?[^\s"']*(?:\{\{|[*?])|fileglob/;
const SRC_VALUE = /\bsrc\s*[:=]\s*["']?([^\s"'}]+)/g;

interface RoleTree {
  /** The texts of the tree's YAML files, by path relative to the root. */
  yaml: Map<string, string>;
  /** Whether a play of the tree applies roles. */
  playsApplyRoles: boolean;
}

function roleTree(files: readonly string[], root: string): RoleTree {
  const yaml = new Map<string, string>();
  for (const file of files) {
    const relative = relativePosix(root, file);
    if (!YAML.test(relative) || /(?:^|\/)roles\/[^/]+\/(?:templates|files)\//.test(relative)) continue;
    const read = readRegularFile(file, 1024 * 1024);
    if (read.ok) yaml.set(relative, read.bytes.toString('utf8'));
  }
  const playsApplyRoles = [...yaml].some(
    ([relative, text]) => !/(?:^|\/)roles\//.test(relative) && PLAY_WITH_ROLES.test(text),
  );
  return { yaml, playsApplyRoles };
}

/** Why no run of the tree deploys the role file (relative to the root), or undefined when one may. */
function undeployedWhy(relative: string, tree: RoleTree): string | undefined {
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

/** Findings in role files no run of the tree deploys, as info saying why (plaintext secrets excepted). */
export function undeployedRoleFindingsAsInfo(findings: Finding[], files: readonly string[], root: string): Finding[] {
  const judged = (f: Finding) => f.severity !== 'info' && !f.ruleId.startsWith('security/');
  const candidates = findings.filter((f) => judged(f) && ROLE_FILE.test(relativePosix(root, f.location.file)));
  if (candidates.length === 0) return findings;
  const tree = roleTree(files, root);
  const why = new Map<string, string | undefined>();
  return findings.map((finding) => {
    if (!candidates.includes(finding)) return finding;
    const file = finding.location.file;
    if (!why.has(file)) why.set(file, undeployedWhy(relativePosix(root, file), tree));
    const reason = why.get(file);
    if (reason === undefined) return finding;
    return {
      ...finding,
      severity: 'info',
      message: `${finding.message.replace(/\.$/, '')}. But ${path.basename(file)} is deployed by no run of this tree: ${reason} (an Ansible role deploys its templates and files only through its tasks)`,
    };
  });
}
