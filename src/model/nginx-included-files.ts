/**
 * Files an nginx `include` names that no format's name or content test took: `include ssl-params.inc;`, `include
 * snippets/*.inc;` beside a `site.conf` outside any nginx directory. nginx reads whatever file an include names as its
 * own configuration (ngx_conf_include: any name, any extension), so the read stage reads them as nginx files, which
 * the model then includes where they are named. Before this, such a file was never read: its `ssl_protocols` and
 * certificates were silently unchecked.
 */
import { RunMemo } from '../core/run-memo';
import { nginxIncludePaths, type NginxData } from '../parse/nginx';
import { unreadNameable } from '../parse/registry';
import type { ParsedDocument } from '../parse/types';
import { includeResolver, type IncludeCandidate } from './nginx-includes';

/**
 * The files of `files` not read yet (`read`) that an include of one of the `including` nginx files names. An include
 * resolves as the model resolves it, among the nginx files already read (`nginx`) and these: the first directory that
 * holds a match wins, so a file read already there is not passed over for an unread one elsewhere. `prefixes`: the
 * directories nginx runs with (nginxPrefixes). `root`: the deployment's root (an installed path maps to the tree's
 * files by its longest suffix).
 */
export function nginxIncludedFilesToRead(
  including: readonly ParsedDocument<NginxData>[],
  nginx: readonly ParsedDocument<NginxData>[],
  prefixes: string[],
  files: readonly string[],
  read: ReadonlySet<string>,
  root: string,
): string[] {
  const patterns = including.flatMap((doc) =>
    nginxIncludePaths(doc.data.directives).map((pattern) => ({ pattern, doc })),
  );
  if (patterns.length === 0) return [];
  const unread = unreadNameable(files, read);
  if (unread.length === 0) return [];
  const candidates: IncludeCandidate[] = [...nginx, ...unread.map((file) => ({ file: { path: file } }))];
  const resolve = includeResolver(candidates, root, new RunMemo(), prefixes);
  const unreadSet = new Set(unread);
  const found = new Set<string>();
  for (const { pattern, doc } of patterns)
    for (const c of resolve(pattern, doc.file.path)) if (unreadSet.has(c.file.path)) found.add(c.file.path);
  return [...found];
}

/** The deployment's nginx files. */
export function nginxDocuments(documents: readonly ParsedDocument[]): ParsedDocument<NginxData>[] {
  return documents.filter((d): d is ParsedDocument<NginxData> => d.kind.startsWith('nginx.'));
}
