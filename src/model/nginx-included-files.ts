/**
 * Files an nginx `include` names that no format's name or content test took: `include ssl-params.inc;`, `include
 * snippets/*.inc;` beside a `site.conf` outside any nginx directory. nginx reads whatever file an include names as its
 * own configuration (ngx_conf_include: any name, any extension), so the read stage reads them as nginx files, which
 * the model then includes where they are named. Before this, such a file was never read: its `ssl_protocols` and
 * certificates were silently unchecked.
 */
import * as path from 'node:path';
import { RunMemo } from '../core/run-memo';
import { namedNeverNginx, nginxIncludePaths, type NginxData } from '../parse/nginx';
import { neverConfiguration } from '../parse/registry';
import type { ParsedDocument } from '../parse/types';
import { includeResolver, type IncludeCandidate } from './nginx-includes';

/**
 * The files of `files` not read yet (`read`) that an include of one of `documents`' nginx files names, in reading
 * order. `root`: the deployment's root (an installed path maps to the tree's files by its longest suffix).
 */
export function nginxIncludedFilesToRead(
  documents: readonly ParsedDocument[],
  files: readonly string[],
  read: ReadonlySet<string>,
  root: string,
): string[] {
  const nginx = documents.filter((d): d is ParsedDocument<NginxData> => d.kind.startsWith('nginx.'));
  if (nginx.length === 0) return [];
  const patterns = nginx.flatMap((doc) => nginxIncludePaths(doc.data.directives).map((pattern) => ({ pattern, doc })));
  if (patterns.length === 0) return [];
  const unread: IncludeCandidate[] = files
    .filter((file) => !read.has(file) && !namedNeverNginx(path.basename(file)) && !neverConfiguration(file))
    .map((file) => ({ file: { path: file } }));
  if (unread.length === 0) return [];
  // The prefixes nginx runs with are the directories of the nginx.conf files, as the model resolves them.
  const prefixes = nginx
    .filter((d) => path.basename(d.file.path) === 'nginx.conf')
    .map((d) => path.dirname(d.file.path));
  const resolve = includeResolver(unread, root, new RunMemo(), prefixes);
  const found = new Set<string>();
  for (const { pattern, doc } of patterns) for (const c of resolve(pattern, doc.file.path)) found.add(c.file.path);
  return [...found];
}
