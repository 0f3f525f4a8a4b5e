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
});
