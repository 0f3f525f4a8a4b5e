/**
 * Editor and patch leftovers (`default.conf~`, `server.xml.orig`: src/discover/walk.ts isEditorLeftover) that a file
 * read names by their file name (an nginx `include`, a Compose mount, a Dockerfile COPY) or that an nginx glob include
 * picks up. The walk sets them aside as not configuration; one that configuration names or includes is read as any
 * file is.
 */
import * as path from 'node:path';
import { compileGlob } from '../../core/glob';
import { nginxIncludePaths, type NginxData } from '../../parse/nginx';
import type { ParsedDocument } from '../../parse/types';
import { namedByAnotherDocument } from './named-by-text';

const GLOB_CHARS = /[*?[]/;

export function namedLeftovers(setAside: readonly string[], documents: readonly ParsedDocument[]): string[] {
  if (setAside.length === 0) return [];
  const globIncludes = nginxGlobIncludes(documents);
  return setAside.filter((file) => {
    return namedByAnotherDocument(file, documents) || globIncludes.some((include) => include(file));
  });
}

/**
 * The glob includes of the nginx files read, each as a test of a leftover's path. nginx expands an include holding
 * `*?[` with glob(3) and no flags (src/core/ngx_conf_file.c ngx_conf_include, src/os/unix/ngx_files.c ngx_open_glob
 * at release-1.26.0), which skips only names starting with `.`: `include sites-enabled/*;` loads the `default~` an
 * editor left beside `default` (a second `server` on the same port, or a stale one that breaks the start). The include's
 * last two segments are compared with the leftover's (its directory by name: an installed path such as
 * `/etc/nginx/sites-enabled/*` names the tree's `sites-enabled`); a one-segment glob is relative to the including file.
 */
function nginxGlobIncludes(documents: readonly ParsedDocument[]): ((file: string) => boolean)[] {
  const tests: ((file: string) => boolean)[] = [];
  for (const doc of documents) {
    if (!doc.kind.startsWith('nginx.')) continue;
    for (const pattern of nginxIncludePaths((doc.data as NginxData).directives)) {
      if (!GLOB_CHARS.test(pattern)) continue;
      const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
      const test = tailTest(segments, path.dirname(doc.file.path));
      if (test) tests.push(test);
    }
  }
  return tests;
}

function tailTest(segments: string[], includingDir: string): ((file: string) => boolean) | undefined {
  const [dirPattern, namePattern] = segments.length > 1 ? segments.slice(-2) : [undefined, segments[0]];
  if (!namePattern) return undefined;
  try {
    const options = { braces: false, globstar: false, negation: false } as const;
    const nameMatches = compileGlob(namePattern, options);
    const dirMatches = dirPattern === undefined ? undefined : compileGlob(dirPattern, options);
    return (file) =>
      nameMatches(path.basename(file)) &&
      (dirMatches ? dirMatches(path.basename(path.dirname(file))) : path.dirname(file) === includingDir);
  } catch {
    // A pattern the glob compiler refuses includes nothing here either.
    return undefined;
  }
}
