import type { Entry, ParsedDocument } from '../../../parse/types';

/**
 * A file a Dockerfile RUN echoes (`RUN echo '<user password=…>' > tomcat-users.xml`) is read as that file too, an
 * embedded document at the RUN's own place: its secret is said once, as the RUN's. Whether `entry` of `doc` is such a
 * copy of a RUN entry of the deployment's Dockerfiles.
 */
export function echoedByRun(documents: readonly ParsedDocument[]): (doc: ParsedDocument, entry: Entry) => boolean {
  const at = (file: string, e: Entry) => `${file}:${e.valueRange.start.line}:${e.valueRange.start.character}`;
  const runs = new Set(
    documents.flatMap((d) =>
      d.kind === 'dockerfile' ? d.entries.filter((e) => e.section === 'RUN').map((e) => at(d.file.path, e)) : [],
    ),
  );
  return (doc, entry) => doc.embedded !== undefined && runs.has(at(doc.file.path, entry));
}
