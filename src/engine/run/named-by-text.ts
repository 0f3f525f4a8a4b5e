/**
 * Whether another document's text names a file by its file name: an include, a COPY, a volume, a script line. Read as
 * text, so a mention that loads nothing counts too — the callers use it to keep a verdict, never to add one.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../../parse/types';

export function namedByAnotherDocument(file: string, documents: readonly ParsedDocument[]): boolean {
  const name = path.basename(file);
  return documents.some((d) => d.file.path !== file && d.file.text.includes(name));
}
