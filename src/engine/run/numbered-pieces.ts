import * as path from 'node:path';
import type { ParsedDocument } from '../../parse/types';

/** `tomcat-users_1.xml`, `server-2.xml`: a name, a number, an XML extension. */
const NUMBER_AFTER = /^(.+?)[_-](\d+)(\.xml)$/i;
/** `10_server.xml`: a number, a name, an XML extension (Puppet concat fragments, ordered by the number). */
const NUMBER_BEFORE = /^(\d+)[_-](.+?)(\.xml)$/i;

/** A numbered piece's name: its stem, number and extension, and which side the number is on. */
interface PieceName {
  stem: string;
  number: number;
  extension: string;
  before: boolean;
}

export function pieceName(file: string): PieceName | undefined {
  const base = path.basename(file);
  const after = NUMBER_AFTER.exec(base);
  if (after) return { stem: after[1]!, number: Number(after[2]), extension: after[3]!, before: false };
  const before = NUMBER_BEFORE.exec(base);
  if (before) return { stem: before[2]!, number: Number(before[1]), extension: before[3]!, before: true };
  return undefined;
}

/**
 * XML documents that are numbered pieces of one file an installer or script assembles by concatenation: Apache
 * Tomcat's Windows installer writes tomcat-users_1.xml (the root's start tag and the comments), the users it asks for,
 * then tomcat-users_2.xml (`</tomcat-users>`) into conf/tomcat-users.xml (apache/tomcat@84ac9af res/install-win/
 * tomcat.nsi); a Puppet module's concat fragments 10_server.xml, 15_server.xml, 30_server.xml make server.xml in the
 * order of their numbers (jlyheden/puppet-tomcat@8d3396e manifests/init.pp). A piece left open at its end, with a
 * piece of the same name and a higher number after it, is expected to be unclosed: that parse problem becomes an info
 * naming the last piece, which closes it. Any other problem of the piece stays as it is.
 */
export function markNumberedPieces(documents: ParsedDocument[], files: readonly string[]): ParsedDocument[] {
  // The deployment's documents, as every contributor and rule walks them: built by push, always one hidden class
  // (packed elements). Array.prototype.map made them packed until the optimizing compiler compiled this function, then
  // holey: each function compiled for the first kind was deoptimized by the second and compiled again, among them the
  // largest of the run (docs/performance.md, session 55).
  const marked: ParsedDocument[] = [];
  for (const doc of documents) marked.push(markedPiece(doc, files));
  return marked;
}

function markedPiece(doc: ParsedDocument, files: readonly string[]): ParsedDocument {
  const piece = pieceName(doc.file.path);
  if (!piece || !doc.problems.some(unclosedAtEnd)) return doc;
  const dir = path.dirname(doc.file.path);
  const last = files
    .filter((file) => path.dirname(file) === dir)
    .map((file) => ({ file, other: pieceName(file) }))
    .filter(
      ({ other }) =>
        other !== undefined &&
        other.before === piece.before &&
        other.stem === piece.stem &&
        other.extension === piece.extension &&
        other.number > piece.number,
    )
    .sort((a, b) => (b.other?.number ?? 0) - (a.other?.number ?? 0))[0];
  if (!last) return doc;
  const note = ` (expected in ${path.basename(doc.file.path)}, a numbered piece of a file assembled from parts with ${path.basename(last.file)}, which closes it)`;
  return {
    ...doc,
    problems: doc.problems.map((p) =>
      unclosedAtEnd(p) ? { ...p, severity: 'info' as const, message: p.message + note } : p,
    ),
  };
}

function unclosedAtEnd(problem: ParsedDocument['problems'][number]): boolean {
  return problem.code === 'invalid-xml' && /unclosed tag/.test(problem.message);
}
