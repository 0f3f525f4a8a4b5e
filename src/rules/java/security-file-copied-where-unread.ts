import { foreignHomeSecurityCopies } from '../../model/image-home-files';
import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { escapeRegExp } from '../../core/regex';
import { imageDockerfiles, misplacedCopies, namedElsewhere } from '../_lib/image-copies';

/**
 * A Dockerfile that copies a java.security where its JDK does not read it: into its home at another release's path
 * (`COPY java.security $JAVA_HOME/jre/lib/security/java.security` on JDK 11, whose file is conf/security/java.security
 * since JEP 220), or into the home of another image's JDK (`COPY java.security /usr/java/openjdk-21/conf/security/.`,
 * the openjdk:21 image's home, in an eclipse-temurin:21 image, whose JDK is /opt/java/openjdk). Docker creates the
 * directories, the build passes, and the JDK keeps the java.security it shipped with: the protocols and algorithms
 * the copy meant to enable stay disabled (and those it meant to disable stay enabled). Where each JDK reads it is
 * knowledge (`homeLayouts`, `imageHomes`). Silent when anything else names the landed path (a later RUN that moves
 * it, a -Djava.security.properties pointing there).
 */
export default defineRule({
  meta: {
    id: 'java/security-file-copied-where-unread',
    description:
      "Warn when a Dockerfile copies a java.security where its JDK does not read it (jre/lib/security on JDK 9+, the home of another image's JDK): the JDK keeps the security properties it shipped with",
    severity: 'warning',
    messages: {
      leftOut:
        'This copies {{source}}, which the .dockerignore of its build context leaves out: the build stops at this line ("COPY failed: file not found in build context or excluded by .dockerignore"; BuildKit: "not found"), so no image FROM {{image}} is built from this Dockerfile. Keep it in the context (a `!{{source}}` line after the pattern that excludes it), or remove the copy',
      unread:
        'This copies {{source}} to {{landed}}, where the JDK of {{image}} reads nothing: that JDK reads its security properties from {{read}} (where each JDK keeps it: {{layoutSource}}). The copied file is ignored and the JDK keeps the java.security it shipped with: the protocols and algorithms the copy enables or disables (jdk.tls.disabledAlgorithms, jdk.certpath.disabledAlgorithms) do not apply. Copy it to {{read}}, or name it with -Djava.security.properties',
      foreignHome:
        'This copies {{source}} to {{landed}}, the security directory of a JDK at {{landedHome}}; but the JDK of {{image}} is {{home}} and reads its security properties from {{read}} (where each JDK keeps it: {{layoutSource}}). Nothing reads the copied file: the JDK keeps the java.security it shipped with, and the protocols and algorithms the copy enables or disables (jdk.tls.disabledAlgorithms, jdk.certpath.disabledAlgorithms) do not apply. Copy it to {{read}}, or name it with -Djava.security.properties',
    },
    defaultOptions: {},
    appliesTo: { documents: ['dockerfile'] },
    symptoms: [
      'javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
    ],
  },
  check(ctx) {
    const documents = ctx.deployment.documents;
    for (const { dockerfile, image } of imageDockerfiles(documents)) {
      for (const found of misplacedCopies(ctx.deployment, dockerfile, 'javaSecurity', image, (r) => ctx.report(r))) {
        const home = found.home ?? '$JAVA_HOME';
        ctx.report({
          messageId: 'unread',
          data: {
            source: found.copy.written.slice(0, -1).join(' '),
            landed: said`${home}/${found.landed}`,
            image,
            read: said`${home}/${found.read}`,
            layoutSource: found.source,
          },
          location: { file: dockerfile.file.path, range: found.copy.range },
          fingerprint: [found.landed, found.read],
        });
      }
      for (const found of foreignHomeSecurityCopies(dockerfile, ctx.memo)) {
        // Another Dockerfile of the tree builds another image: only this one and the other files can name the path.
        const named = new RegExp(`${escapeRegExp(found.landedHome)}(?![\\w.-])`);
        if (namedElsewhere(documents, dockerfile, found.copy.range, named, false)) continue;
        ctx.report({
          messageId: 'foreignHome',
          data: {
            source: found.copy.written.slice(0, -1).join(' '),
            landed: found.landed,
            landedHome: found.landedHome,
            image,
            home: found.home,
            read: found.read,
            layoutSource: found.layoutSource,
          },
          location: { file: dockerfile.file.path, range: found.copy.range },
          fingerprint: [found.landed, found.home],
        });
      }
    }
  },
});
