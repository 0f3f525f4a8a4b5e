/**
 * A runtime jlink builds is the JDK jlink ran from, with fewer modules: where JAVA_HOME points at it in the running
 * image, the app's JDK comes from the jlink stage's image (src/model/dockerfile-jlink.ts). The shape is the one
 * eclipse-temurin's image documentation gives (`FROM eclipse-temurin:17 AS jre-build`, `jlink … --output
 * /javaruntime`, `COPY --from=jre-build /javaruntime $JAVA_HOME`), and TranNgocKhoa/micro-springboot@8258b7f's
 * (a relative --output under WORKDIR).
 */
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

const APP = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';

/** The client app's JDK as the runtimes list says it, and where it comes from. */
function clientJdk(dockerfile: string): string {
  const root = writeTree({ 'client/Dockerfile': dockerfile, 'client/application.yml': APP });
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'java.app');
  const runtime = app?.runtime;
  if (!runtime?.vendor.value) return 'none';
  return `${runtime.vendor.value} ${runtime.version.value} — ${runtime.attachment?.text ?? ''}`;
}

const BUILD =
  'FROM eclipse-temurin:17.0.9_9-jdk AS jre-build\nRUN $JAVA_HOME/bin/jlink --add-modules java.base,jdk.crypto.ec --output /javaruntime\n';

describe('the JDK of a jlink runtime', () => {
  it.each([
    [
      'copied where JAVA_HOME points',
      `${BUILD}FROM debian:bookworm-slim\nENV JAVA_HOME=/opt/java/openjdk\nCOPY --from=jre-build /javaruntime $JAVA_HOME\nCMD ["java", "-jar", "/app.jar"]\n`,
      'temurin 17.0.9+9 — JDK from client/Dockerfile:4 JAVA_HOME=/opt/java/openjdk, built by jlink from eclipse-temurin:17.0.9_9-jdk (client/Dockerfile:2)',
    ],
    [
      'a directory above the output copied, a relative output under WORKDIR',
      'FROM eclipse-temurin:11.0.21_9-jdk AS build\nWORKDIR /build\nRUN jlink --add-modules java.base --output ./custom-jre\nFROM alpine\nCOPY --from=build /build /micro\nENV JAVA_HOME=/micro/custom-jre\nCMD /micro/custom-jre/bin/java -jar /micro/app.jar\n',
      'temurin 11.0.21+9 — JDK from client/Dockerfile:6 JAVA_HOME=/micro/custom-jre, built by jlink from eclipse-temurin:11.0.21_9-jdk (client/Dockerfile:3)',
    ],
    [
      "JAVA_HOME elsewhere than the copy: not this runtime, the image's JDK unknown",
      `${BUILD}FROM debian:bookworm-slim\nENV JAVA_HOME=/opt/other\nCOPY --from=jre-build /javaruntime /opt/java/openjdk\nCMD ["java", "-jar", "/app.jar"]\n`,
      'unknown  — JDK that client/Dockerfile:3 FROM debian:bookworm-slim runs, not known to lint-deploy',
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(clientJdk(dockerfile)).toBe(expected);
  });
});
