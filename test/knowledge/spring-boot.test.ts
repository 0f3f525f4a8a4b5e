import { springBootHas, springBootJavaFloor, springBootManagedTomcat } from '../../src/knowledge';

// spring-boot.json: SSL bundles from v3.1.0 (SslProperties), Kafka's spring.kafka.ssl.bundle from v3.2.0 (KafkaProperties.Ssl).
describe('Spring Boot settings by release', () => {
  it.each([
    ['kafkaSslBundle', '3.2.0', true],
    ['kafkaSslBundle', '3.2', true],
    ['kafkaSslBundle', '3.1.12', false],
    ['kafkaSslBundle', '2.7.18', false],
    ['kafkaSslBundle', '3.10.0', true],
    ['kafkaSslBundle', '4.0.0', true],
    ['sslBundles', '3.1.0', true],
    ['sslBundles', '3.0.13', false],
    ['sslBundles', '2.1.4.RELEASE', false],
    ['sslBundles', '3.1.0.RELEASE', true],
    // A pre-release of the introducing release: the settings came in one of its milestones, which one is not known.
    ['kafkaSslBundle', '3.2.0-M1', undefined],
    ['kafkaSslBundle', '3.2.0-SNAPSHOT', undefined],
    ['kafkaSslBundle', '3.3.0-SNAPSHOT', true],
    ['kafkaSslBundle', '3.1.0-RC1', false],
    // Not a version: unknown.
    ['kafkaSslBundle', '${spring-boot.version}', undefined],
    ['kafkaSslBundle', 'latest', undefined],
    // Connector/J 8.0.28 or later: the 2.6 line from 2.6.3, and the 2.5 line from 2.5.9 (backports; 2.5.8 manages 8.0.27).
    ['mysqlConnectorTls12Only', '2.5.8', false],
    ['mysqlConnectorTls12Only', '2.5.9', true],
    ['mysqlConnectorTls12Only', '2.5.15', true],
    ['mysqlConnectorTls12Only', '2.6.0', false],
    ['mysqlConnectorTls12Only', '2.6.2', false],
    ['mysqlConnectorTls12Only', '2.6.3', true],
    ['mysqlConnectorTls12Only', '2.4.13', false],
    ['mysqlConnectorTls12Only', '${spring-boot.version}', undefined],
  ] as const)('%s in %s: %s', (feature, version, expected) => {
    expect(springBootHas(feature, version)).toBe(expected);
  });
});

// spring-boot.json javaFloor: Spring Boot 3.0.0 on needs Java 17 (https://docs.spring.io/spring-boot/system-requirements.html).
describe('the Java release Spring Boot needs', () => {
  it.each([
    ['3.0.0', 17],
    ['3.3.4', 17],
    ['4.0.0', 17],
    ['2.7.18', undefined],
    ['2.1.4.RELEASE', undefined],
    // A milestone of 3.0.0: which one raised the floor is not known.
    ['3.0.0-M1', undefined],
    ['${spring-boot.version}', undefined],
  ] as const)('%s: Java %s', (version, java) => {
    expect(springBootJavaFloor(version)?.java).toBe(java);
  });
});

// spring-boot-tomcat.json: the Tomcat each release's spring-boot-dependencies pins, read at the release tags.
describe('the Tomcat release Spring Boot manages', () => {
  it.each([
    ['2.7.18', '9.0.83'],
    ['2.1.4.RELEASE', '9.0.17'],
    ['2.1.4', '9.0.17'],
    ['1.5.22.RELEASE', '8.5.43'],
    ['3.2.0', '10.1.16'],
    ['4.0.3', '11.0.18'],
    ['2.7', undefined],
    ['3.2.0-M1', undefined],
    ['3.3.0-SNAPSHOT', undefined],
    ['${spring-boot.version}', undefined],
    ['9.9.9', undefined],
  ])('%s → %s', (version, tomcat) => {
    const managed = springBootManagedTomcat(version);
    expect(managed?.tomcat).toBe(tomcat);
    if (managed)
      expect(managed.source).toMatch(/^https:\/\/github\.com\/spring-projects\/spring-boot\/blob\/[0-9a-f]{40}\//);
  });
});
