/**
 * Whether a Dockerfile builds an image that runs Java (issue: `FROM docker:dind`, gitpod, `puppet/pdk`, node and
 * python images became Java applications with an unknown JDK). Only the stages the running image holds count (a
 * `maven` build stage under a final `nginx` stage is not a Java app). An image runs Java when the text says so: a
 * JDK/JRE or Java server base image, a JDK installed by a package manager or unpacked, a `java`/`keytool` command,
 * a `.jar`/`.war` copied in or started, a JVM option variable. A base image lint-deploy cannot read (a private
 * registry's) with none of these is not taken for Java: nothing in the tree says it is.
 */
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, heldCopies, runtimeStages } from '../parse/dockerfile-stages';
import type { Entry } from '../parse/types';

/**
 * Image names that hold a JVM: JDK distributions (the images of src/knowledge/data/jdk-locations.json but IBM MQ's,
 * whose Java runs only MQ's own console and tools), build tools that need one, Java servers and Java products
 * (Keycloak, Kafka, Elasticsearch… run on the JVM their image ships).
 */
const JAVA_IMAGE =
  /(jdk|jre|java|temurin|corretto|zulu|semeru|liberica|sapmachine|dragonwell|graalvm|maven|gradle|sbt|tomcat|tomee|jetty|wildfly|jboss|payara|glassfish|liberty|websphere|weblogic|keycloak|jenkins|kafka|zookeeper|elasticsearch|logstash|opensearch|solr|activemq|artemis|sonarqube|nexus|cassandra|flink|spark|neo4j|nifi|camunda|hivemq|wso2|trino)/i;

/** Packages of a JDK or JRE (Debian/Ubuntu, RHEL/Fedora, Alpine, SUSE, Adoptium's and vendors' repositories). */
const JDK_PACKAGE =
  /(^|\s)(openjdk[-\w.~]*|java-[\d.]+-openjdk[-\w.]*|java-latest-openjdk[-\w]*|default-j(re|dk)[-\w]*|temurin-\d+[-\w]*|(java-[\d.]+-amazon-)?corretto[-\w.]*|amazon-corretto[-\w.]*|zulu\d*[-\w.]*|msopenjdk[-\w.]*|ibm-semeru[-\w.]*|java-[\d.]+-ibm[-\w.]*|oracle-java\d+[-\w]*|jdk-?\d+[-\w.]*|jre-?\d+[-\w.]*)(?=\s|$)/;
const INSTALL = /\b(apt-get|apt|yum|dnf|microdnf|tdnf|zypper)\s+(-\S+\s+)*install\b|\bapk\s+(-\S+\s+)*add\b/;
/**
 * A JDK archive fetched or unpacked (`OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz`), SDKMAN's `sdk install java`,
 * IBM Installation Manager's `imcl install` of an IBM JDK or WebSphere Application Server offering
 * (`com.ibm.java.jdk.v8`, `com.ibm.websphere.ND.v90`: atterdag/scripts docker/build/ubuntu-xenial-was90fp).
 */
const JDK_ARCHIVE =
  /(jdk|jre)[^\s'"]*\.(tar\.gz|tgz|zip)\b|\bsdk\s+install\s+java\b|\bcom\.ibm\.(java\.jdk|websphere\.(ND|BASE|EXPRESS|DEVELOPERS))\b/i;
/** One of `names` as a command word of a shell or exec-form line (`/opt/java/bin/java`, `["java", …]`). */
const commandWord = (names: string) => new RegExp(`(^|[\\s;&|('"\`[])(\\S*\\/)?(${names})(?=[\\s'"\\],;&|)]|$)`);
/** A command word that needs a JVM where it runs. */
const JAVA_COMMAND = commandWord('java|keytool|javac|jlink|jshell');
/** A start that runs `java` itself (`CMD java -jar app.war`). */
export const RUNS_JAVA = commandWord('java');
/** What a start runs: a jar/war, Tomcat's or WildFly's start script, a Spring Boot build-tool run. */
const JAVA_START = /\.(jar|war)\b|catalina\.sh|\bcatalina\s+run\b|standalone\.sh|spring-boot:run|\bbootRun\b/;
/** A Java archive's name. */
const JAVA_ARCHIVE = /\.(jar|war|ear)$/i;
/** Variables only a JVM or a Java server's start script reads. */
const JAVA_VARIABLE = /^(_?JAVA_[A-Z0-9_]*|JDK_JAVA_OPTIONS|JAVA|CATALINA_[A-Z_]+|JVM_OPTS|JVM_ARGS)$/;

/**
 * Whether the running image starts a Java application it is given: a `.jar`, `.war` or `.ear` copied in, or a CMD or
 * ENTRYPOINT that runs `java`. A Java product's image that starts only the product it ships (`FROM
 * confluentinc/cp-kafka` with its own `/etc/confluent/docker/run`, cp-zookeeper, elasticsearch) does not.
 */
export function startsJavaApplication(data: DockerfileData): boolean {
  if (heldCopies(data).some((copy) => [...copy.sources, copy.destination ?? ''].some((p) => JAVA_ARCHIVE.test(p))))
    return true;
  return heldCommands(data).some(
    (command) =>
      (command.instruction === 'CMD' || command.instruction === 'ENTRYPOINT') &&
      RUNS_JAVA.test(command.joined.replace(/[[\]",]/g, ' ')),
  );
}

/** Why the image the Dockerfile builds runs Java (`base image eclipse-temurin:17`); undefined when nothing says so. */
export function dockerfileJavaEvidence(data: DockerfileData): string | undefined {
  const chain = runtimeStages(data);
  for (const index of chain) {
    const stage = data.stages[index]!;
    if (stage.fromStage === undefined && JAVA_IMAGE.test(stage.image ?? stage.written))
      return `base image ${stage.written}`;
  }
  for (const command of heldCommands(data)) {
    const text = command.joined;
    if (command.instruction === 'ENV') {
      const names = [...text.matchAll(/(?:^|\s)([A-Za-z_]\w*)(?==|\s)/g)].map((m) => m[1]!);
      const named = names.find((n) => JAVA_VARIABLE.test(n));
      if (named) return `ENV ${named}`;
      continue;
    }
    const words = text.replace(/[[\]",]/g, ' ');
    if (command.instruction === 'RUN') {
      for (const part of words.split(/&&|\|\||;/))
        if (INSTALL.test(part) && JDK_PACKAGE.test(part.replace(INSTALL, ' ')))
          return `RUN installs ${JDK_PACKAGE.exec(part.replace(INSTALL, ' '))![2]}`;
      if (JDK_ARCHIVE.test(text)) return `RUN fetches a JDK (${JDK_ARCHIVE.exec(text)![0]})`;
    }
    if (JAVA_COMMAND.test(text)) return `${command.instruction} runs ${JAVA_COMMAND.exec(text)![3]}`;
    if (command.instruction !== 'RUN' && JAVA_START.test(text))
      return `${command.instruction} starts ${JAVA_START.exec(text)![0]}`;
  }
  for (const copy of heldCopies(data))
    if ([...copy.sources, copy.destination ?? ''].some((p) => JAVA_ARCHIVE.test(p)))
      return `${copy.instruction} of a Java archive`;
  return undefined;
}

/**
 * Programs a systemd unit may start that are not Java and run none (an SSH tunnel, a web server, another language's
 * runtime): by the base name of `ExecStart`'s command word, after systemd's `-@:+!` prefixes.
 */
const NOT_JAVA_PROGRAM =
  /^(ssh|autossh|sshd|socat|stunnel\d*|nginx|httpd|apache2|haproxy|envoy|caddy|traefik|node|npm|npx|deno|bun|python[\d.]*|gunicorn|uvicorn|ruby|bundle|puma|php(-fpm)?[\d.]*|perl|dotnet|redis-server|postgres|pg_ctl|mysqld(_safe)?|mongod|memcached|docker|dockerd|podman|containerd|rsync|certbot)$/;

/**
 * Why a systemd unit is no Java application's: its `ExecStart` starts a program that is not Java, and no `Environment=`
 * names a variable only a JVM reads (squaregoldfish/infrastructure's `postgrestunnel.service` runs `/usr/bin/ssh`).
 * Undefined when it may be (a java command, a start script, a unit without ExecStart such as a drop-in).
 */
export function systemdRunsNoJava(entries: readonly Entry[]): string | undefined {
  if (
    entries.some((e) => e.key === 'Environment' && JAVA_VARIABLE.test(/^\s*"?([A-Za-z_]\w*)=/.exec(e.value)?.[1] ?? ''))
  )
    return undefined;
  const starts = entries.filter((e) => e.key === 'ExecStart' && e.value.trim() !== '');
  const programs = starts.map((e) => /^[-@:+!]*(\S+)/.exec(e.value.trim())?.[1]?.split('/').pop() ?? '');
  return programs.length > 0 && programs.every((p) => NOT_JAVA_PROGRAM.test(p)) ? programs.join(', ') : undefined;
}
