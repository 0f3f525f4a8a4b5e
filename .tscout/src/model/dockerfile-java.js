"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUNS_JAVA = void 0;
exports.startsJavaApplication = startsJavaApplication;
exports.dockerfileJavaEvidence = dockerfileJavaEvidence;
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
/**
 * Image names that hold a JVM: JDK distributions (the images of src/knowledge/data/jdk-locations.json but IBM MQ's,
 * whose Java runs only MQ's own console and tools), build tools that need one, Java servers and Java products
 * (Keycloak, Kafka, Elasticsearch… run on the JVM their image ships).
 */
const JAVA_IMAGE = /(jdk|jre|java|temurin|corretto|zulu|semeru|liberica|sapmachine|dragonwell|graalvm|maven|gradle|sbt|tomcat|tomee|jetty|wildfly|jboss|payara|glassfish|liberty|websphere|weblogic|keycloak|jenkins|kafka|zookeeper|elasticsearch|logstash|opensearch|solr|activemq|artemis|sonarqube|nexus|cassandra|flink|spark|neo4j|nifi|camunda|hivemq|wso2|trino)/i;
/** Packages of a JDK or JRE (Debian/Ubuntu, RHEL/Fedora, Alpine, SUSE, Adoptium's and vendors' repositories). */
const JDK_PACKAGE = /(^|\s)(openjdk[-\w.~]*|java-[\d.]+-openjdk[-\w.]*|java-latest-openjdk[-\w]*|default-j(re|dk)[-\w]*|temurin-\d+[-\w]*|(java-[\d.]+-amazon-)?corretto[-\w.]*|amazon-corretto[-\w.]*|zulu\d*[-\w.]*|msopenjdk[-\w.]*|ibm-semeru[-\w.]*|java-[\d.]+-ibm[-\w.]*|oracle-java\d+[-\w]*|jdk-?\d+[-\w.]*|jre-?\d+[-\w.]*)(?=\s|$)/;
const INSTALL = /\b(apt-get|apt|yum|dnf|microdnf|tdnf|zypper)\s+(-\S+\s+)*install\b|\bapk\s+(-\S+\s+)*add\b/;
/**
 * A JDK archive fetched or unpacked (`OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz`), SDKMAN's `sdk install java`,
 * IBM Installation Manager's `imcl install` of an IBM JDK or WebSphere Application Server offering
 * (`com.ibm.java.jdk.v8`, `com.ibm.websphere.ND.v90`: atterdag/scripts docker/build/ubuntu-xenial-was90fp).
 */
const JDK_ARCHIVE = /(jdk|jre)[^\s'"]*\.(tar\.gz|tgz|zip)\b|\bsdk\s+install\s+java\b|\bcom\.ibm\.(java\.jdk|websphere\.(ND|BASE|EXPRESS|DEVELOPERS))\b/i;
/** One of `names` as a command word of a shell or exec-form line (`/opt/java/bin/java`, `["java", …]`). */
const commandWord = (names) => new RegExp(`(^|[\\s;&|('"\`[])(\\S*\\/)?(${names})(?=[\\s'"\\],;&|)]|$)`);
/** A command word that needs a JVM where it runs. */
const JAVA_COMMAND = commandWord('java|keytool|javac|jlink|jshell');
/** A start that runs `java` itself (`CMD java -jar app.war`). */
exports.RUNS_JAVA = commandWord('java');
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
function startsJavaApplication(data) {
    if ((0, dockerfile_stages_1.heldCopies)(data).some((copy) => [...copy.sources, copy.destination ?? ''].some((p) => JAVA_ARCHIVE.test(p))))
        return true;
    return (0, dockerfile_stages_1.heldCommands)(data).some((command) => (command.instruction === 'CMD' || command.instruction === 'ENTRYPOINT') &&
        exports.RUNS_JAVA.test(command.joined.replace(/[[\]",]/g, ' ')));
}
/** Why the image the Dockerfile builds runs Java (`base image eclipse-temurin:17`); undefined when nothing says so. */
function dockerfileJavaEvidence(data) {
    const chain = (0, dockerfile_stages_1.runtimeStages)(data);
    for (const index of chain) {
        const stage = data.stages[index];
        if (stage.fromStage === undefined && JAVA_IMAGE.test(stage.image ?? stage.written))
            return `base image ${stage.written}`;
    }
    for (const command of (0, dockerfile_stages_1.heldCommands)(data)) {
        const text = command.joined;
        if (command.instruction === 'ENV') {
            const names = [...text.matchAll(/(?:^|\s)([A-Za-z_]\w*)(?==|\s)/g)].map((m) => m[1]);
            const named = names.find((n) => JAVA_VARIABLE.test(n));
            if (named)
                return `ENV ${named}`;
            continue;
        }
        const words = text.replace(/[[\]",]/g, ' ');
        if (command.instruction === 'RUN') {
            for (const part of words.split(/&&|\|\||;/))
                if (INSTALL.test(part) && JDK_PACKAGE.test(part.replace(INSTALL, ' ')))
                    return `RUN installs ${JDK_PACKAGE.exec(part.replace(INSTALL, ' '))[2]}`;
            if (JDK_ARCHIVE.test(text))
                return `RUN fetches a JDK (${JDK_ARCHIVE.exec(text)[0]})`;
        }
        if (JAVA_COMMAND.test(text))
            return `${command.instruction} runs ${JAVA_COMMAND.exec(text)[3]}`;
        if (command.instruction !== 'RUN' && JAVA_START.test(text))
            return `${command.instruction} starts ${JAVA_START.exec(text)[0]}`;
    }
    for (const copy of (0, dockerfile_stages_1.heldCopies)(data))
        if ([...copy.sources, copy.destination ?? ''].some((p) => JAVA_ARCHIVE.test(p)))
            return `${copy.instruction} of a Java archive`;
    return undefined;
}
