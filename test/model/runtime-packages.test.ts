/**
 * A Dockerfile whose base image lint-deploy does not know and that installs a JDK package runs that package's JDK
 * (src/model/runtime-named.ts, knowledge `packages`): its feature release, its update unknown.
 */
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

const APP = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';
const START = 'ENTRYPOINT ["java", "-jar", "/app.jar"]\n';

/** The client app's JDK as the runtimes list says it: `vendor feature (attachment)`. */
function clientJdk(dockerfile: string): string {
  const root = writeTree({ 'client/Dockerfile': dockerfile, 'client/application.yml': APP });
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'java.app');
  const runtime = app?.runtime;
  return runtime ? `${runtime.vendor.value} ${runtime.attachment?.feature ?? runtime.version.value}` : 'none';
}

describe('a JDK package the image installs is the JDK its app runs', () => {
  test.each<[string, string, string]>([
    [
      // Debian bookworm: openjdk-17-jre-headless owns /usr/lib/jvm/java-17-openjdk-amd64.
      'Debian: apt-get install openjdk-17-jre-headless',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*\n' +
        START,
      'openjdk 17',
    ],
    [
      'UBI minimal: microdnf install java-21-openjdk-headless',
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y java-21-openjdk-headless && microdnf clean all\n' +
        START,
      'redhat 21',
    ],
    [
      // alpinelinux/aports community/openjdk17/APKBUILD: /usr/lib/jvm/java-17-openjdk, built from jdk17u.
      'Alpine: apk add --no-cache openjdk17-jre',
      'FROM alpine:3.19\nRUN apk add --no-cache openjdk17-jre\n' + START,
      'openjdk 17',
    ],
    [
      'a pinned Debian package',
      'FROM ubuntu:22.04\nRUN apt-get install -y openjdk-11-jdk=11.0.20+8-1ubuntu1~22.04\n' + START,
      'openjdk 11',
    ],
    [
      'two JDK features installed: which one runs is unknown',
      'FROM debian:bookworm-slim\nRUN apt-get install -y openjdk-17-jre-headless openjdk-11-jre-headless\n' + START,
      'none',
    ],
    [
      'a known JDK image wins over a package it installs',
      'FROM eclipse-temurin:17.0.9_9-jre\nRUN apt-get install -y openjdk-11-jre-headless\n' + START,
      'temurin 17.0.9+9',
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(clientJdk(dockerfile)).toBe(expected);
  });
});
