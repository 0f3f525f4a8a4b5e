/**
 * The embedded Tomcat release a Spring Boot build pins with the `tomcat.version` property (src/parse/spring-boot-version.ts
 * embeddedTomcatOverride) reads `server.ssl.ciphers` as that release does: Tomcat 9.0.85 takes its TLS 1.3 suites from
 * what the ciphers string selects (none here), 11.0.18 and later from `cipherSuites`, whose default adds the three
 * (data/tomcat.json rows). Without tomcat.version the release Spring Boot's dependency management pins applies
 * (data/spring-boot-tomcat.json: 2.7.18 → 9.0.83, 3.5.11 → 10.1.52, 4.0.3 → 11.0.18); where the Spring Boot release is
 * not literal or not in that table, the assumed one.
 */
import type { Tree } from '../helpers/rule-tester';
import { tomcatDeployment } from '../helpers/tomcat-connector';

const PROPS = {
  'src/main/resources/application.properties':
    'server.port=8443\nserver.ssl.key-store=classpath:keystore.p12\nserver.ssl.ciphers=ECDHE-RSA-AES256-GCM-SHA384\n',
};
const pom = (properties: string, parent = true, boot = '2.7.18') =>
  [
    '<project>',
    ...(parent
      ? [
          '  <parent>',
          '    <groupId>org.springframework.boot</groupId>',
          '    <artifactId>spring-boot-starter-parent</artifactId>',
          `    <version>${boot}</version>`,
          '  </parent>',
        ]
      : []),
    '  <artifactId>orders</artifactId>',
    `  <properties>${properties}</properties>`,
    '</project>',
    '',
  ].join('\n');
const GRADLE = `plugins {\n  id 'org.springframework.boot' version '2.7.18'\n}\next['tomcat.version'] = '9.0.85'\n`;

const suitesOf = (files: Tree) =>
  tomcatDeployment(files).components.find((c) => c.type === 'spring.server')?.tls?.cipherSuites?.value;

const TLS13 = 'TLS_AES_128_GCM_SHA256';

describe('the embedded Tomcat release a Spring Boot build pins', () => {
  const cases: { name: string; files: Tree; tls13: boolean }[] = [
    {
      name: 'pom.xml <tomcat.version>9.0.85</tomcat.version>: no TLS 1.3 suite the string does not select',
      files: { ...PROPS, 'pom.xml': pom('<tomcat.version>9.0.85</tomcat.version>') },
      tls13: false,
    },
    {
      name: "build.gradle ext['tomcat.version'] = '9.0.85'",
      files: { ...PROPS, 'build.gradle': GRADLE },
      tls13: false,
    },
    {
      name: 'no tomcat.version: Spring Boot 2.7.18 manages Tomcat 9.0.83, which adds no TLS 1.3 suite',
      files: { ...PROPS, 'pom.xml': pom('<java.version>17</java.version>') },
      tls13: false,
    },
    {
      name: 'Gradle plugin 3.5.10 manages Tomcat 10.1.50 (TLS 1.3 suites from the ciphers string)',
      files: { ...PROPS, 'build.gradle': `plugins {\n  id 'org.springframework.boot' version '3.5.10'\n}\n` },
      tls13: false,
    },
    {
      name: 'Spring Boot 3.5.11 manages Tomcat 10.1.52, whose cipherSuites default adds them',
      files: { ...PROPS, 'pom.xml': pom('', true, '3.5.11') },
      tls13: true,
    },
    {
      name: 'a milestone (3.2.0-M1) is not in the table: the assumed release',
      files: { ...PROPS, 'pom.xml': pom('', true, '3.2.0-M1') },
      tls13: true,
    },
    {
      name: 'a parent version kept outside the tree (${revision}): the assumed release',
      files: { ...PROPS, 'pom.xml': pom('', true, '${revision}') },
      tls13: true,
    },
    {
      name: 'a pom that names no Spring Boot release: its tomcat.version is not read as the embedded one',
      files: { ...PROPS, 'pom.xml': pom('<tomcat.version>9.0.85</tomcat.version>', false) },
      tls13: true,
    },
  ];

  it.each(cases)('$name', ({ files, tls13 }) => {
    const suites = suitesOf(files);
    expect(suites).toContain('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(suites?.includes(TLS13)).toBe(tls13);
  });
});
