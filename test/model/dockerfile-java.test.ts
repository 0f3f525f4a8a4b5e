/**
 * Which Dockerfiles hold a Java application (src/model/dockerfile-java.ts): an image that runs no Java (docker:dind,
 * gitpod, puppet/pdk, node, python, Go, IBM MQ) is no `java.app`, whatever JDK the deployment holds elsewhere.
 */
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

/** The ids of the tree's `java.app` components when `app/Dockerfile` is the given text. */
function javaApps(dockerfile: string): string[] {
  const root = writeTree({ 'app/Dockerfile': dockerfile });
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  return result.deployments.flatMap((d) => d.components.filter((c) => c.type === 'java.app').map((c) => c.id));
}

describe('a Dockerfile is a Java application only when its image runs Java', () => {
  test.each<[string, string, string[]]>([
    // Real: puppetlabs/puppetlabs-websphere_application_server@483fd6001ee5 .gitpod.Dockerfile, .devcontainer.
    ['docker:dind', 'FROM docker:dind\nRUN apk add --no-cache bash\n', []],
    ['gitpod with puppet pdk', 'FROM gitpod/workspace-full\nRUN sudo apt-get install -y pdk\n', []],
    ['a node app', 'FROM node:18-alpine\nCOPY . .\nRUN npm ci\nCMD ["node", "dist/main.js"]\n', []],
    // Real: yliu138repo/pre-assessment@39ebfb6cb5eb: a Go build stage under an alpine runtime.
    [
      'a Go binary on alpine',
      'FROM golang:1.22-alpine AS builder\nRUN go build -o /app/go-server\nFROM alpine:latest\nCOPY --from=builder /app/go-server .\nCMD ["./go-server"]\n',
      [],
    ],
    [
      'a Maven build stage under an nginx runtime stage',
      'FROM maven:3-eclipse-temurin-17 AS build\nRUN mvn package\nFROM nginx:1.25\nCOPY --from=build /src/site /usr/share/nginx/html\n',
      [],
    ],
    // Real: ibm-messaging/mq-docker@56659c4760ec (Apache-2.0) installs ibmmq-java and ibmmq-jre for MQ's own tools.
    [
      'an IBM MQ queue manager image',
      'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nENV LICENSE=accept\nCOPY QM1.mqsc /etc/mqm/\n',
      [],
    ],
    ['a private base image and nothing Java', 'FROM registry.example/base:1\nCOPY run.sh /\nCMD ["/run.sh"]\n', []],
    ['eclipse-temurin', 'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\n', ['java.app:app']],
    [
      'a private base image started with java -jar',
      'FROM registry.example/base:1\nCMD ["java", "-jar", "/srv/app.jar"]\n',
      ['java.app:app'],
    ],
    [
      'a private base image with a jar copied in',
      'FROM registry.example/base:1\nCOPY target/*.jar /srv/app.jar\nENTRYPOINT ["/run.sh"]\n',
      ['java.app:app'],
    ],
    ['a private base image with JAVA_OPTS', 'FROM registry.example/base:1\nENV JAVA_OPTS=-Xmx1g\n', ['java.app:app']],
    [
      'ubuntu with an OpenJDK package',
      'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl openjdk-17-jre-headless\n',
      ['java.app:app'],
    ],
    ['alpine with apk add openjdk', 'FROM alpine:3.19\nRUN apk add --no-cache openjdk17-jre\n', ['java.app:app']],
    [
      'a keytool command',
      'FROM registry.example/base:1\nRUN keytool -list -cacerts -storepass changeit\n',
      ['java.app:app'],
    ],
    // Real: shoacom/keycloak-docker@aaae7ac7313c: Keycloak runs on the JVM its image ships.
    ['Keycloak', 'FROM quay.io/keycloak/keycloak:latest\nCMD ["start"]\n', ['java.app:app']],
    // Real: atterdag/scripts@93eb53ba4750 docker/build/ubuntu-xenial-was90fp: WebSphere and its IBM JDK by imcl.
    [
      'WebSphere installed by IBM Installation Manager',
      'FROM ubuntu:xenial\nRUN /opt/IBM/InstallationManager/eclipse/tools/imcl\\\n install com.ibm.websphere.ND.v90 com.ibm.java.jdk.v8\\\n -acceptLicense\n',
      ['java.app:app'],
    ],
    [
      'a runtime stage built on an earlier stage that installs a JDK',
      'FROM debian:12 AS jre\nRUN apt-get install -y default-jre-headless\nFROM jre\nCMD ["/start"]\n',
      ['java.app:app'],
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(javaApps(dockerfile)).toEqual(expected);
  });
});

describe('a systemd unit is a Java application unless it starts another program', () => {
  const unitApps = (unit: string) => {
    const root = writeTree({ 'tunnel/app.service': unit, 'other/Dockerfile': 'FROM eclipse-temurin:17\n' });
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments.flatMap((d) => d.components.filter((c) => c.type === 'java.app').map((c) => c.id));
  };
  test.each<[string, string, string[]]>([
    // Real: squaregoldfish/infrastructure rdflogdb/master/example.postgrestunnel.service (sweep54): an SSH tunnel.
    ['an SSH tunnel', '[Service]\nExecStart=/usr/bin/ssh -NT -R 5433:localhost:5433 user@host\n', ['java.app:other']],
    ['nginx', '[Service]\nExecStart=-/usr/sbin/nginx -g "daemon off;"\n', ['java.app:other']],
    [
      'java itself',
      '[Service]\nExecStart=/usr/bin/java -Djavax.net.ssl.trustStore=/t.jks -jar /opt/app.jar\n',
      ['java.app:other', 'java.app:tunnel'],
    ],
    // A start script may run anything: the unit stays a Java application's place.
    ['a start script', '[Service]\nExecStart=/opt/app/bin/start.sh\n', ['java.app:other', 'java.app:tunnel']],
    [
      'another program with a JVM variable set',
      '[Service]\nEnvironment="JAVA_OPTS=-Xmx1g"\nExecStart=/usr/bin/node x.js\n',
      ['java.app:other', 'java.app:tunnel'],
    ],
  ])('%s', (_, unit, expected) => {
    expect(unitApps(unit).sort()).toEqual(expected);
  });
});
