/**
 * What a Dockerfile's RUN does to its JDK's jdk.tls.disabledAlgorithms (src/model/image-security.ts): the forms
 * whose result is certain, and every other edit unknown, never the JDK default. Checked on JDK 17.0.15 (a JSSE
 * client offering TLSv1.1 against `openssl s_server -tls1_1`, the JDK's java.security edited each way).
 */
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

const JDK17 = 'FROM eclipse-temurin:17.0.9_9-jre\n';
const START = 'ENTRYPOINT ["java", "-jar", "/app.jar"]\n';
const FILE = '/opt/java/openjdk/conf/security/java.security';

/** `value (app/Dockerfile:N)`, `unknown: why`, or `default: first entries` for the app's JDK. */
function disabled(dockerfile: string): string {
  const root = writeTree({ 'app/Dockerfile': dockerfile });
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.id === 'java.app:app');
  const runtime = app?.runtime;
  const unknown = runtime?.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
  if (unknown) return `unknown: ${unknown.why}`;
  const set = runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
  if (set?.from.kind === 'file')
    return `${set.value} (${path.relative(root, set.from.location.file)}:${(set.from.location.range?.start.line ?? 0) + 1})`;
  return 'default';
}

describe("a Dockerfile's edits of jdk.tls.disabledAlgorithms", () => {
  test.each<[string, string, string]>([
    ['no edit', JDK17 + START, 'default'],
    // Real: devexdev/8-jdk-slim's Dockerfile puts entries before the JDK's list.
    [
      'entries put before the value',
      JDK17 +
        `RUN apt-get update && \\\n    sed -i 's/jdk.tls.disabledAlgorithms=/jdk.tls.disabledAlgorithms=SSLv2Hello, DES40_CBC, /g' ${FILE}\n` +
        START,
      'SSLv2Hello, DES40_CBC, SSLv3, TLSv1, TLSv1.1',
    ],
    [
      'a definition appended with echo',
      JDK17 + `RUN echo 'jdk.tls.disabledAlgorithms=SSLv3, RC4' >> ${FILE}\n` + START,
      'SSLv3, RC4 (app/Dockerfile:2)',
    ],
    [
      'the line replaced by sed',
      JDK17 +
        `RUN sed -i 's/^jdk\\.tls\\.disabledAlgorithms=.*/jdk.tls.disabledAlgorithms=SSLv3, RC4/' ${FILE}\n` +
        START,
      'SSLv3, RC4 (app/Dockerfile:2)',
    ],
    // Real: ctyFacenet/MRP-BE's Dockerfile: the JDK writes `TLSv1, TLSv1.1`, so this sed changes nothing.
    [
      'a sed whose text the value does not hold',
      JDK17 + `RUN sed -i '/^jdk.tls.disabledAlgorithms/s/TLSv1,TLSv1.1//g' ${FILE}\n` + START,
      'default',
    ],
    [
      'a sed removing entries the value holds (the line layout decides)',
      JDK17 + `RUN sed -i 's/TLSv1, TLSv1.1, //' ${FILE}\n` + START,
      "unknown: a sed at Dockerfile line 2 edits its text, and sed works on the lines of the JDK's java.security, which the tree does not hold",
    ],
    // Real: wf72/jdk8-maven's Dockerfile (a regular expression with groups).
    [
      'a sed with groups',
      JDK17 + `RUN sed -Ei "s/(jdk.tls.disabledAlgorithms=.+)TLSv1,\\s+TLSv1.1,\\s+(.+)/$1$2/g" ${FILE}\n` + START,
      "unknown: a RUN at Dockerfile line 2 edits the JDK's java.security in a way lint-deploy does not evaluate",
    ],
    [
      'a sed of another property',
      JDK17 +
        `RUN sed -i 's/securerandom.source=file:\\/dev\\/random/securerandom.source=file:\\/dev\\/urandom/' ${FILE}\n` +
        START,
      'default',
    ],
    [
      'perl',
      JDK17 + `RUN perl -i -pe 's/TLSv1, TLSv1.1, //' ${FILE}\n` + START,
      "unknown: a RUN at Dockerfile line 2 edits the JDK's java.security in a way lint-deploy does not evaluate",
    ],
    [
      'an unknown sed, then a definition appended',
      JDK17 +
        `RUN sed -i 's/TLSv1, TLSv1.1, //' ${FILE} && echo "jdk.tls.disabledAlgorithms=SSLv3" >> ${FILE}\n` +
        START,
      'SSLv3 (app/Dockerfile:2)',
    ],
    [
      'an edit in a build stage the running image does not hold',
      `FROM eclipse-temurin:17-jdk AS build\nRUN echo 'jdk.tls.disabledAlgorithms=SSLv3' >> ${FILE}\n` + JDK17 + START,
      'default',
    ],
    [
      'entries put before the value of a JDK lint-deploy does not know',
      `FROM eclipse-temurin:17-jre\nRUN sed -i 's/jdk.tls.disabledAlgorithms=/jdk.tls.disabledAlgorithms=SSLv2Hello, /' ${FILE}\n` +
        START,
      "unknown: a sed at Dockerfile line 2 edits it, and the JDK's default is unknown",
    ],
  ])('%s', (_name, dockerfile, expected) => {
    const got = disabled(dockerfile);
    if (expected.startsWith('SSLv2Hello')) expect(got.startsWith(expected)).toBe(true);
    else expect(got).toBe(expected);
  });
});
