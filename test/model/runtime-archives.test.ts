/**
 * A Dockerfile that unpacks a JDK archive where JAVA_HOME points runs that archive's JDK: its vendor and version come
 * from the archive's name (src/model/dockerfile-jdk-archives.ts, knowledge `archives`). Trees shaped like
 * appddictionstudio/docker-tomcat-ssl@09c8e17 (curl -O …/openjdk-11+28_linux-x64_bin.tar.gz, then tar -C /usr/lib/jvm
 * with ENV JAVA_HOME /usr/lib/jvm/jdk-11/) and the eclipse-temurin image's own Dockerfile (adoptium/containers@73109a0
 * 17/jdk/ubuntu/jammy: BINARY_URL in a case over the architectures, wget -O /tmp/openjdk.tar.gz, tar --directory
 * "$JAVA_HOME" --strip-components 1).
 */
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

const APP = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';
const START = 'ENTRYPOINT ["java", "-jar", "/app.jar"]\n';

/** The client app's JDK as the runtimes list says it: `vendor version` (or `vendor feature` when the name gives no update). */
function clientJdk(dockerfile: string, files: Record<string, string> = {}): string {
  const tree: Record<string, string> = { 'client/Dockerfile': dockerfile, 'client/application.yml': APP };
  for (const [name, text] of Object.entries(files)) tree[`client/${name}`] = text;
  const root = writeTree(tree);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'java.app');
  const runtime = app?.runtime;
  if (!runtime?.vendor.value) return 'none';
  // The image's own JDK, which nothing in the tree identifies (./runtime-named.ts unknownImageJdk).
  if (runtime.vendor.value === 'unknown' && !runtime.version.value) return 'unknown';
  return `${runtime.vendor.value} ${runtime.version.value || `feature ${runtime.attachment?.feature ?? '?'}`}`;
}

const TEMURIN_STYLE = [
  'FROM ubuntu:22.04',
  'ENV JAVA_HOME /opt/java/openjdk',
  'ENV PATH $JAVA_HOME/bin:$PATH',
  'RUN set -eux; \\',
  '    ARCH="$(dpkg --print-architecture)"; \\',
  '    case "${ARCH}" in \\',
  "       aarch64|arm64) BINARY_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.9%2B9/OpenJDK17U-jdk_aarch64_linux_hotspot_17.0.9_9.tar.gz' ;; \\",
  "       amd64|i386:x86-64) BINARY_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.9%2B9/OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz' ;; \\",
  '    esac; \\',
  '    wget --progress=dot:giga -O /tmp/openjdk.tar.gz ${BINARY_URL}; \\',
  '    mkdir -p "$JAVA_HOME"; \\',
  '    tar --extract --file /tmp/openjdk.tar.gz --directory "$JAVA_HOME" --strip-components 1 --no-same-owner; \\',
  '    rm -f /tmp/openjdk.tar.gz',
  '',
].join('\n');

describe('a JDK archive the image unpacks where JAVA_HOME points is the JDK its app runs', () => {
  test.each<[string, string, string]>([
    [
      'jdk.java.net RI downloaded by curl -O, unpacked by a later RUN into the parent of JAVA_HOME',
      'FROM registry.redhat.io/rhel7/rhel:7.6-362\nENV JAVA_HOME /usr/lib/jvm/jdk-11/\nENV PATH $JAVA_HOME/bin:$PATH\n' +
        'RUN curl -O https://download.java.net/openjdk/jdk11/ri/openjdk-11+28_linux-x64_bin.tar.gz\n' +
        'RUN tar xvf openjdk-11+28_linux-x64_bin.tar.gz -C /usr/lib/jvm\n' +
        START,
      'openjdk 11+28',
    ],
    [
      'Temurin, the eclipse-temurin image way: one version over every architecture',
      TEMURIN_STYLE + START,
      'temurin 17.0.9+9',
    ],
    [
      'Oracle 8 COPYed, then unpacked',
      'FROM centos:7\nCOPY jdk-8u202-linux-x64.tar.gz /tmp/\nRUN tar -xzf /tmp/jdk-8u202-linux-x64.tar.gz -C /opt\nENV JAVA_HOME=/opt/jdk1.8.0_202\n' +
        START,
      'oracle 1.8.0_202',
    ],
    [
      "Corretto's latest link, renamed by wget -O: the feature only, no guessed update",
      'FROM debian:bookworm-slim\nRUN wget -O /tmp/jdk.tgz https://corretto.aws/downloads/latest/amazon-corretto-17-x64-linux-jdk.tar.gz\n' +
        'RUN mkdir -p /opt/java && tar -zxf /tmp/jdk.tgz -C /opt/java --strip-components=1\nENV JAVA_HOME=/opt/java\n' +
        START,
      'corretto feature 17',
    ],
    [
      'Zulu ADDed (ADD unpacks a local tar archive)',
      'FROM debian:bookworm-slim\nADD zulu17.44.53-ca-jdk17.0.8.1-linux_x64.tar.gz /opt/\nENV JAVA_HOME=/opt/zulu17.44.53-ca-jdk17.0.8.1-linux_x64\n' +
        START,
      'zulu 17.0.8.1',
    ],
    [
      // spring-projects/spring-boot@44537d4 (Apache-2.0) spring-boot-loader-tests conf/oracle-jdk-17/Dockerfile: tar reads the
      // download from a pipe.
      "Oracle's latest link piped into tar in the directory a cd went to: the feature only",
      'FROM ubuntu:focal-20211006\nRUN apt-get update && \\\n    mkdir -p /opt/oraclejdk && \\\n    cd /opt/oraclejdk && \\\n' +
        '    curl -L https://download.oracle.com/java/17/latest/jdk-17_linux-x64_bin.tar.gz | tar zx --strip-components=1\n' +
        'ENV JAVA_HOME /opt/oraclejdk\n' +
        START,
      'oracle feature 17',
    ],
    [
      'a JDK and Tomcat fetched in one RUN, Tomcat unpacked where JAVA_HOME points: unknown',
      'FROM debian:bookworm-slim\nRUN curl -O https://download.java.net/openjdk/jdk11/ri/openjdk-11+28_linux-x64_bin.tar.gz && curl -O https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.24/bin/apache-tomcat-9.0.24.tar.gz && tar xf apache-tomcat-9.0.24.tar.gz -C /opt/jdk-11\nENV JAVA_HOME=/opt/jdk-11\n' +
        START,
      'unknown',
    ],
    [
      'a JDK archive unpacked elsewhere than JAVA_HOME: unknown',
      'FROM debian:bookworm-slim\nRUN curl -O https://download.java.net/openjdk/jdk11/ri/openjdk-11+28_linux-x64_bin.tar.gz && tar xf openjdk-11+28_linux-x64_bin.tar.gz -C /tmp\nENV JAVA_HOME=/usr/lib/jvm/jdk-11\n' +
        START,
      'unknown',
    ],
    [
      'JAVA_HOME in the directory a JDK archive was unpacked into, but not a JDK directory of it: unknown',
      'FROM debian:bookworm-slim\nRUN curl -O https://download.java.net/openjdk/jdk11/ri/openjdk-11+28_linux-x64_bin.tar.gz && tar xf openjdk-11+28_linux-x64_bin.tar.gz -C /opt\nENV JAVA_HOME=/opt/java\n' +
        START,
      'unknown',
    ],
    [
      'two different JDKs unpacked into the directory JAVA_HOME is in: unknown',
      'FROM debian:bookworm-slim\nRUN tar xf /tmp/jdk-8u202-linux-x64.tar.gz -C /opt/jdk && tar xf /tmp/openjdk-17.0.2_linux-x64_bin.tar.gz -C /opt/jdk\nENV JAVA_HOME=/opt/jdk\n' +
        START,
      'unknown',
    ],
    [
      'an archive that is no JDK (Tomcat) unpacked where JAVA_HOME points: unknown',
      'FROM debian:bookworm-slim\nRUN wget https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.24/bin/apache-tomcat-9.0.24.tar.gz && tar xf apache-tomcat-9.0.24.tar.gz -C /opt/java\nENV JAVA_HOME=/opt/java\n' +
        START,
      'unknown',
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(clientJdk(dockerfile)).toBe(expected);
  });
});
