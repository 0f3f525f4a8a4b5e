import { jdkFromImage } from '../../src/knowledge';

/**
 * Middleware product images → the JDK their tags ship (src/knowledge/data/jdk-locations.json `images`), each row as
 * the image's Dockerfile at that release says; a tag whose JDK the sources do not settle names none (vendor unknown).
 */
describe('the JDK of middleware product images', () => {
  it.each([
    // WASdev/ci.docker.websphere-traditional: com.ibm.java.jdk.v8 with WAS 9.0; docs/images.md: 8.5.5.23-8.5.5.30 too.
    ['icr.io/appcafe/websphere-traditional:9.0.5.26', 'ibm', '8'],
    ['ibmcom/websphere-traditional:9.0.5.7-ubi', 'ibm', '8'],
    ['ibmcom/websphere-traditional:9.0.0.11-profile', 'ibm', '8'],
    ['icr.io/appcafe/websphere-traditional:8.5.5.28', 'ibm', '8'],
    ['ibmcom/websphere-traditional:8.5.5.14-profile', 'unknown', undefined], // older 8.5.5: IBM Java 7.1 was an option
    ['icr.io/appcafe/websphere-traditional:latest', 'unknown', undefined],
    ['icr.io/appcafe/websphere-traditional:9.0.5.260', 'unknown', undefined], // not a release
    // keycloak/keycloak-containers server/Dockerfile at each tag: base-jdk:7, base-jdk:8, then UBI 8 java-11.
    ['jboss/keycloak:1.7.0.Final', 'redhat', '7'],
    ['jboss/keycloak:4.8.3.Final', 'redhat', '8'],
    ['jboss/keycloak:7.0.0', 'redhat', '8'],
    ['jboss/keycloak:7.0.1', 'redhat', '11'],
    ['jboss/keycloak:16.1.1', 'redhat', '11'],
    ['quay.io/keycloak/keycloak:15.0.2', 'redhat', '11'],
    ['quay.io/keycloak/keycloak:17.0.1-legacy', 'redhat', '11'],
    ['quay.io/keycloak/keycloak:17.0.1', 'unknown', undefined], // the Quarkus distribution
    ['quay.io/keycloak/keycloak:26.2', 'unknown', undefined],
    ['quay.io/keycloak/keycloak:legacy', 'unknown', undefined],
    ['jboss/keycloak', 'unknown', undefined],
    // strimzi/strimzi-kafka-operator docker-images/base/Dockerfile JAVA_VERSION at each release tag.
    ['quay.io/strimzi/kafka:0.22.1-kafka-2.7.0', 'redhat', '11'],
    ['strimzi/kafka:0.32.0-kafka-3.3.1', 'redhat', '11'],
    ['quay.io/strimzi/kafka:0.33.0-kafka-3.3.2', 'redhat', '17'],
    ['quay.io/strimzi/kafka:0.45.0-kafka-3.9.0', 'redhat', '17'],
    ['quay.io/strimzi/kafka:0.50.0-kafka-4.1.1', 'redhat', '21'],
    ['quay.io/strimzi/kafka:1.2.0-kafka-4.2.0', 'redhat', '21'],
    ['quay.io/strimzi/kafka:0.20.0-kafka-2.6.0', 'unknown', undefined], // JAVA_VERSION from the CI's JDK
    ['quay.io/strimzi/kafka:0.33.0-rc1-kafka-3.3.2', 'unknown', undefined],
    ['quay.io/strimzi/kafka:latest-kafka-3.6.0', 'unknown', undefined],
    ['quay.io/strimzi/kafka:1.3.0-kafka-4.2.0', 'unknown', undefined], // later than checked
  ])('%s → %s (feature %s)', (image, vendor, feature) => {
    const jdk = jdkFromImage(image);
    expect({ vendor: jdk?.vendor, version: jdk?.version, feature: jdk?.feature }).toEqual({
      vendor,
      version: undefined,
      feature,
    });
    expect(jdk?.source).toMatch(/^https:\/\/github\.com\/.+\/blob\/[0-9a-f.]{5,}/);
  });
  // Official images (docker-library/official-images): every tag of every revision of library/<name> against the
  // Dockerfile of its Directory at its GitCommit; a tag whose JDK moved between revisions names none.
  it.each([
    // library/zookeeper history against 31z4/zookeeper-docker: -jre-N and release lines; moved tags name none.
    ['zookeeper:3.9.2-jre-17', 'temurin', '17', true],
    ['zookeeper:3.8-jre-11', 'temurin', '11', true],
    ['zookeeper:3.8.4', 'temurin', '17', true],
    ['zookeeper:3.6.3-temurin', 'temurin', '11', true],
    ['zookeeper:3.6', 'openjdk', '11', false], // openjdk:11-jre-slim, later eclipse-temurin:11-jre
    ['zookeeper:3.4.14', 'openjdk', '8', false],
    ['zookeeper:3.7.2-jre-11', 'unknown', undefined, false], // pointed at a Temurin 17 directory in 2024-07
    ['zookeeper:3.9', 'unknown', undefined, false],
    ['zookeeper', 'unknown', undefined, false],
    // library/flink history against apache/flink-docker and docker-flink/docker-flink.
    ['flink:1.18.1-scala_2.12-java17', 'temurin', '17', true],
    ['flink:1.17-java11', 'temurin', '11', true],
    ['flink:java21', 'temurin', '21', true],
    ['flink:1.13.6-scala_2.12-java11', 'openjdk', '11', false],
    ['flink:java8', 'openjdk', '8', false],
    ['flink:1.17.2', 'temurin', '11', true],
    ['flink:2.0.0-scala_2.12', 'temurin', '17', true],
    ['flink:1.9.3-scala_2.11', 'openjdk', '8', false],
    ['flink:2.0', 'unknown', undefined, false], // its default moved from 11 (2.0-preview1) to 17
    ['flink:latest', 'unknown', undefined, false],
    // library/tomee history against tomitribe/docker-tomee: -jreN with its vendor.
    ['tomee:9.1.3-jre17-Semeru-ubuntu-plume', 'semeru', '17', false],
    ['tomee:10.0-jre21-Temurin-ubuntu-plus', 'temurin', '21', true],
    ['tomee:9-jre11-alpine-webprofile', 'temurin', '11', true],
    ['tomee:8.0.16-jre11-Temurin-plume', 'openjdk', '11', false], // TomEE 8: openjdk, later eclipse-temurin
    ['tomee:8-jre8-OpenJDK-debian-plus', 'openjdk', '8', false],
    ['tomee:11-jre-8.0.1-plume', 'openjdk', '11', false],
    ['tomee:10.0-Temurin', 'unknown', undefined, false],
    ['tomee:latest', 'unknown', undefined, false],
    // library/solr history against apache/solr-docker and docker-solr/docker-solr.
    ['solr:9.6.1', 'temurin', '17', true],
    ['solr:9-slim', 'temurin', '17', true],
    ['solr:10.0.0', 'temurin', '25', true],
    ['solr:8.11.4', 'temurin', '11', true],
    ['solr:8.11', 'openjdk', '11', false],
    ['solr:7.7.3-slim', 'openjdk', '11', false],
    ['solr:6.6-alpine', 'openjdk', '8', false],
    ['solr:7.5', 'unknown', undefined, false], // openjdk:10, then 11
    ['solr:latest', 'unknown', undefined, false],
    // library/cassandra history against docker-library/cassandra.
    ['cassandra:3.11.16', 'temurin', '8', true],
    ['cassandra:4.1', 'temurin', '11', true],
    ['cassandra:4.0.13-jammy', 'temurin', '11', true],
    ['cassandra:5.0.4', 'temurin', '17', true],
    ['cassandra:3.11.4', 'unknown', undefined, false], // Debian's package dependency
    ['cassandra:5', 'unknown', undefined, false],
    ['cassandra:latest', 'unknown', undefined, false],
    // library/jenkins (deprecated, removed 2018) against jenkinsci/docker: Java 8 from 1.609.1, Java 7 before.
    ['jenkins:1.625.3', 'openjdk', '8', false], // FROM java:8-jdk (sweep59: harendranathvegi9/docker-jenkins)
    ['jenkins:2.60.3-alpine', 'openjdk', '8', false],
    ['jenkins:1.596.2', 'openjdk', '7', false],
    ['jenkins:1.565.3', 'unknown', undefined, false], // FROM ubuntu:14.04, java:7u65, java:openjdk-7u65-jdk
    ['jenkins:latest', 'unknown', undefined, false], // Java 7, then 8
    ['jenkins/jenkins:2.60.3', undefined, undefined, false], // another image
    // Bitnami's and other publishers' images of the same names are not the official ones.
    ['bitnami/zookeeper:3.8.4', undefined, undefined, false],
    ['docker.io/library/solr:9.6.1', 'temurin', '17', true],
  ])('official image %s → %s (feature %s), GA updates only: %s', (image, vendor, feature, ga) => {
    const jdk = jdkFromImage(image);
    expect({ vendor: jdk?.vendor, version: jdk?.version, feature: jdk?.feature }).toEqual({
      vendor,
      version: undefined,
      feature,
    });
    expect(Boolean(jdk?.gaUpdates)).toBe(ga);
    if (jdk)
      expect(jdk.source).toMatch(/^https:\/\/github\.com\/docker-library\/official-images\/blob\/[0-9a-f]{40}\//);
  });
  // An exact Zulu version where the image's build pins one.
  it.each([
    // payara/Payara appserver/extras/docker-images/pom.xml at each release tag pins azul/zulu-openjdk:<version>.
    ['payara/server-full:5.2022.5', '1.8.0_352'],
    ['payara/server-full:5.2022.5-jdk11', '11.0.17'],
    ['payara/micro:5.2022.5-jdk17', '17.0.5'],
    ['payara/server-full:6.2024.1', '11.0.21'],
    ['payara/server-web:6.2024.1-jdk21', '21.0.1'],
    ['payara/server-full:6.2024.10-jdk17', '17.0.12'],
    ['payara/server-full:7.2026.5', '21.0.11'],
    ['payara/micro:7.2026.5-jdk25', '25.0.3'],
    ['payara/server-full:6.2023.2', undefined], // its pom names two Dockerfiles for the plain tag
    ['payara/server-full:5.194', undefined], // before the pom built the images
    ['payara/server-full:latest', undefined],
  ])('%s → Azul Zulu %s', (image, version) => {
    const jdk = jdkFromImage(image);
    expect(jdk?.version).toBe(version);
    expect(jdk?.vendor).toBe(version ? 'zulu' : 'unknown');
  });
});
