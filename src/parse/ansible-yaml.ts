/**
 * A YAML file as the Ansible questions about the tree's files read it, recorded once by the read stage:
 * - which files of a role's `templates/` or `files/` a run deploys (src/model/ansible-role-files.ts): every YAML file
 *   of a tree that has such files, outside those directories, may name one (a role's tasks, a playbook applying the
 *   role, another role's task naming it by the role's path);
 * - where a `template:`/`copy:` task puts a file no name classifies (src/engine/run/ansible-placed.ts).
 * Nothing is parsed here: the tasks are parsed when a question needs them (./yaml-file-placements.ts
 * `ansibleFileTasks`), the role question reads the text as written.
 *
 * The document's own text is empty and its file's text is kept in `data.source`: the document is a record of the
 * file for these questions, not one more read of it that the passes over the documents' texts would count (whether
 * another file names a file, the secret masker's key names); a YAML file that nothing else reads stays unread there.
 */
import { relativePosix } from '../core/posix-path';
import type { ParsedDocument, SourceFile } from './types';
import { ANSIBLE_FILE_TASK } from './yaml-file-placements';

export const ANSIBLE_YAML_KIND = 'ansible.yaml';

/** A file of a role's `templates/` or `files/` (relative to the deployment root): the role's directory, name, place. */
export const ROLE_FILE = /^((?:.*\/)?roles\/([^/]+))\/(templates|files)\/(.+)$/;
/** A path inside a role's `templates/` or `files/`. */
const IN_ROLE_FILES = /(?:^|\/)roles\/[^/]+\/(?:templates|files)\//;
const YAML_NAME = /\.ya?ml$/i;
/** YAML files above this size are not read for the role files they name (as the pass this replaced did). */
const MAX_ROLE_YAML_BYTES = 1024 * 1024;

export interface AnsibleYamlData {
  /** The file as the read stage decoded it. */
  source: SourceFile;
  /** The path relative to the deployment root (POSIX). */
  relative: string;
  /** Read for the role files it names: the tree has role files, and this file is none of them. */
  namesRoleFiles: boolean;
  /** A line starts a `template:` or `copy:` key: its tasks may put a file somewhere. */
  mayPlaceFiles: boolean;
}

/**
 * The record of a YAML file (`size`: its bytes), or undefined when no Ansible question reads it. `root`: the deployment
 * root its path is read from; `roleFilesInTree`: whether the deployment lists a file of a role's templates/ or files/.
 */
export function ansibleYamlDocument(
  source: SourceFile,
  root: string,
  size: number,
  roleFilesInTree: boolean,
): ParsedDocument<AnsibleYamlData> | undefined {
  if (!YAML_NAME.test(source.path)) return undefined;
  const relative = relativePosix(root, source.path);
  const namesRoleFiles = roleFilesInTree && size <= MAX_ROLE_YAML_BYTES && !IN_ROLE_FILES.test(relative);
  const mayPlaceFiles = ANSIBLE_FILE_TASK.test(source.text);
  if (!namesRoleFiles && !mayPlaceFiles) return undefined;
  return {
    file: { path: source.path, text: '', hadBom: source.hadBom },
    kind: ANSIBLE_YAML_KIND,
    entries: [],
    comments: [],
    problems: [],
    data: { source, relative, namesRoleFiles, mayPlaceFiles },
  };
}

/** Whether the deployment lists a file of a role's templates/ or files/ (`root`: the deployment root). */
export function roleFilesIn(files: readonly string[], root: string): boolean {
  return files.some((file) => /[\\/]roles[\\/]/.test(file) && ROLE_FILE.test(relativePosix(root, file)));
}
