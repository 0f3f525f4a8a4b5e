import * as path from 'node:path';
import type { ParsedDocument } from '../../parse/types';

/** `tomcat-users_1.xml`, `server-2.xml`: a name, a number, an XML extension. */
const NUMBERED_XML = /^(.+?)[_-](\d+)(\.xml)$/i;

/**
 * XML documents that are numbered pieces of one file an installer or script assembles by concatenation: Apache
 * Tomcat's Windows installer writes tomcat-users_1.xml (the root's start tag and the comments), the users it asks for,
 * then tomcat-users_2.xml (`</tomcat-users>`) into conf/tomcat-users.xml (apache/tomcat@84ac9af res/install-win/
 * tomcat.nsi). A piece left open at its end, with a sibling piece of the same name and another number, is expected to
 * be unclosed: that parse problem becomes an info saying so. Any other problem of the piece stays as it is.
 */
export function markNumberedPieces(documents: ParsedDocument[], files: readonly string[]): ParsedDocument[] {
  return documents.map((doc) => {
    const match = NUMBERED_XML.exec(path.basename(doc.file.path));
    if (!match || !doc.problems.some(unclosedAtEnd)) return doc;
    const [, stem, number, extension] = match;
    const dir = path.dirname(doc.file.path);
    const sibling = files.find((file) => {
      const other = path.dirname(file) === dir ? NUMBERED_XML.exec(path.basename(file)) : null;
      return other !== null && other[1] === stem && other[3] === extension && other[2] !== number;
    });
    if (!sibling) return doc;
    const note = ` (expected in ${path.basename(doc.file.path)}, a numbered piece of a file assembled from parts with ${path.basename(sibling)}, which closes it)`;
    return {
      ...doc,
      problems: doc.problems.map((p) =>
        unclosedAtEnd(p) ? { ...p, severity: 'info' as const, message: p.message + note } : p,
      ),
    };
  });
}

function unclosedAtEnd(problem: ParsedDocument['problems'][number]): boolean {
  return problem.code === 'invalid-xml' && /unclosed tag/.test(problem.message);
}
