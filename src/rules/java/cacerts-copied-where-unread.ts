import type { DockerfileData } from '../../parse/dockerfile';
import type { ParsedDocument } from '../../parse/types';
import { misplacedHomeFiles, type MisplacedHomeFile } from '../../model/image-home-files';
import { runtimeStage } from '../../parse/dockerfile';
import { defineRule } from '../types';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Dockerfile that copies a key store named cacerts into its JDK's home, but not where that JDK reads it
 * (`COPY cacerts $JAVA_HOME/jre/lib/security/cacerts` on JDK 17: JEP 220 removed jre/; `$JAVA_HOME/lib/security/`
 * of a JDK 8 JDK image, whose runtime is jre/; a typo). Docker creates the directories, the build passes, and the JDK
 * keeps its own cacerts (it reads java.home/lib/security/jssecacerts, else cacerts): the CAs meant to be trusted are
 * not, which shows only as "PKIX path building failed" against the servers they sign. Where each JDK reads cacerts is
 * knowledge (`homeLayouts`). Silent when anything else of the deployment names the landed path (a later RUN that moves
 * it, a -Djavax.net.ssl.trustStore pointing there).
 */
export default defineRule({
  meta: {
    id: 'java/cacerts-copied-where-unread',
    description:
      "Warn when a Dockerfile copies a cacerts into its JDK's home at a path that JDK does not read (jre/lib/security on JDK 9+, lib/security of a JDK 8 JDK image, a typo): the CAs it holds are not trusted",
    severity: 'warning',
    messages: {
      unread:
        'This copies {{source}} to {{landed}}, where the JDK of {{image}} reads nothing: that JDK reads its default trust store at {{read}} (where each JDK keeps it: {{layoutSource}}). The copied store is ignored, the JDK keeps the cacerts it shipped with, and a server whose certificate only the copied store\'s CAs issue fails with "PKIX path building failed". Copy it to {{read}}, or name it with -Djavax.net.ssl.trustStore',
    },
    defaultOptions: {},
    appliesTo: { documents: ['dockerfile'] },
    symptoms: [
      'sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ],
  },
  check(ctx) {
    const documents = ctx.deployment.documents;
    for (const doc of documents) {
      if (doc.kind !== 'dockerfile') continue;
      const dockerfile = doc as ParsedDocument<DockerfileData>;
      const image = runtimeStage(dockerfile.data)?.image;
      for (const found of misplacedHomeFiles(dockerfile, 'cacerts')) {
        if (!image || namedElsewhere(documents, dockerfile, found)) continue;
        const written = found.copy.written;
        ctx.report({
          messageId: 'unread',
          data: {
            source: written.slice(0, -1).join(' '),
            landed: found.home ? `${found.home}/${found.landed}` : `$JAVA_HOME/${found.landed}`,
            image,
            read: found.home ? `${found.home}/${found.read}` : `$JAVA_HOME/${found.read}`,
            layoutSource: found.source,
          },
          location: { file: doc.file.path, range: found.copy.range },
          fingerprint: [found.landed, found.read],
        });
      }
    }
  },
});

/** Whether another instruction of the Dockerfile, or another file of the deployment, names where the copy lands. */
function namedElsewhere(
  documents: readonly ParsedDocument[],
  dockerfile: ParsedDocument<DockerfileData>,
  found: MisplacedHomeFile,
): boolean {
  const homes = ['\\$\\{?JAVA_HOME\\}?', ...(found.home ? [escape(found.home)] : [])];
  const named = new RegExp(`(${homes.join('|')})/+${escape(found.landed)}(?![\\w.-])`);
  const range = found.copy.range;
  return documents.some((d) => {
    if (d !== dockerfile) return named.test(d.file.text);
    const lines = d.file.text.split('\n');
    return lines.some((line, i) => (i < range.start.line || i > range.end.line) && named.test(line));
  });
}
