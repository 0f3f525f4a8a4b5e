import { systemStoreCopies } from '../../model/image-home-files';
import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { escapeRegExp } from '../../core/regex';
import { imageDockerfiles, misplacedCopies, namedElsewhere } from '../_lib/image-copies';

/**
 * A Dockerfile that copies a key store named cacerts into its JDK's home, but not where that JDK reads it
 * (`COPY cacerts $JAVA_HOME/jre/lib/security/cacerts` on JDK 17: JEP 220 removed jre/; `$JAVA_HOME/lib/security/`
 * of a JDK 8 JDK image, whose runtime is jre/; a typo). Docker creates the directories, the build passes, and the JDK
 * keeps its own cacerts (it reads java.home/lib/security/jssecacerts, else cacerts): the CAs meant to be trusted are
 * not, which shows only as "PKIX path building failed" against the servers they sign. Where each JDK reads cacerts is
 * knowledge (`homeLayouts`). Also a copy onto a system Java store (`/etc/ssl/certs/java/cacerts`, what Debian's
 * ca-certificates-java keeps and Debian's own OpenJDK packages link their cacerts to) in an image whose JDK keeps its
 * own cacerts (eclipse-temurin: knowledge `imageHomes` ownCacerts): the habit of a Debian-packaged JDK carried to an
 * image where nothing reads that file. Silent when anything else of the deployment names the landed path (a later RUN
 * that moves or links it, a -Djavax.net.ssl.trustStore pointing there).
 */
export default defineRule({
  meta: {
    id: 'java/cacerts-copied-where-unread',
    description:
      'Warn when a Dockerfile copies a cacerts where its JDK does not read it (jre/lib/security on JDK 9+, lib/security of a JDK 8 JDK image, a typo, a system Java store such as /etc/ssl/certs/java/cacerts in an image whose JDK keeps its own): the CAs it holds are not trusted',
    severity: 'warning',
    messages: {
      leftOut:
        'This copies {{source}}, which the .dockerignore of its build context leaves out: the build stops at this line ("COPY failed: file not found in build context or excluded by .dockerignore"; BuildKit: "not found"), so no image FROM {{image}} is built from this Dockerfile. Keep it in the context (a `!{{source}}` line after the pattern that excludes it), or remove the copy',
      unread:
        'This copies {{source}} to {{landed}}, where the JDK of {{image}} reads nothing: that JDK reads its default trust store at {{read}} (where each JDK keeps it: {{layoutSource}}). The copied store is ignored, the JDK keeps the cacerts it shipped with, and a server whose certificate only the copied store\'s CAs issue fails with "PKIX path building failed". Copy it to {{read}}, or name it with -Djavax.net.ssl.trustStore',
      systemStore:
        'This copies {{source}} to {{landed}}, {{keptBy}}; but the JDK of {{image}} keeps its own cacerts under {{home}} ({{ownSource}}) and never reads {{landed}}. The copied store is ignored, the JDK keeps the cacerts it shipped with, and a server whose certificate only the copied store\'s CAs issue fails with "PKIX path building failed". Copy it to {{read}}, or name it with -Djavax.net.ssl.trustStore',
    },
    defaultOptions: {},
    appliesTo: { documents: ['dockerfile'] },
    symptoms: [
      'sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ],
  },
  check(ctx) {
    const documents = ctx.deployment.documents;
    for (const { dockerfile, image } of imageDockerfiles(documents)) {
      for (const found of misplacedCopies(ctx.deployment, dockerfile, 'cacerts', image, (r) => ctx.report(r))) {
        const written = found.copy.written;
        ctx.report({
          messageId: 'unread',
          data: {
            source: written.slice(0, -1).join(' '),
            landed: found.home ? said`${found.home}/${found.landed}` : said`$JAVA_HOME/${found.landed}`,
            image,
            read: found.home ? said`${found.home}/${found.read}` : said`$JAVA_HOME/${found.read}`,
            layoutSource: found.source,
          },
          location: { file: dockerfile.file.path, range: found.copy.range },
          fingerprint: [found.landed, found.read],
        });
      }
      for (const found of systemStoreCopies(dockerfile, ctx.memo)) {
        const named = new RegExp(`${escapeRegExp(found.store.path)}(?![\\w.-])`);
        if (namedElsewhere(documents, dockerfile, found.copy.range, named)) continue;
        ctx.report({
          messageId: 'systemStore',
          data: {
            source: said`${found.copy.written.slice(0, -1).join(' ')}${found.copy.from ? said` of ${found.copy.from}` : ''}`,
            landed: found.store.path,
            keptBy: found.store.keptBy,
            image,
            home: found.home,
            ownSource: found.source,
            read: found.read ?? `${found.home}/lib/security/cacerts (jre/lib/security/cacerts in a JDK 8 JDK)`,
          },
          location: { file: dockerfile.file.path, range: found.copy.range },
          fingerprint: [found.store.path, found.home],
        });
      }
    }
  },
});
