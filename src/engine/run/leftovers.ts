/**
 * Editor and patch leftovers (`default.conf~`, `server.xml.orig`: src/discover/walk.ts isEditorLeftover) that a file
 * read names by their file name: an nginx `include`, a Compose mount, a Dockerfile COPY. The walk sets them aside
 * as not configuration; one that configuration names is read as any file is.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../../parse/types';

export function namedLeftovers(setAside: readonly string[], documents: readonly ParsedDocument[]): string[] {
  return setAside.filter((file) => {
    const name = path.basename(file);
    return documents.some((d) => d.file.text.includes(name));
  });
}
