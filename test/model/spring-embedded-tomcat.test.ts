/**
 * The embedded Tomcat release a Spring Boot build pins with the `tomcat.version` property (src/parse/spring-boot-version.ts
 * embeddedTomcatOverride) reads `server.ssl.ciphers` as that release does: Tomcat 9.0.85 takes its TLS 1.3 suites from
 * what the ciphers string selects (none here), 11.0.18 and later from `cipherSuites`, whose default adds the three
 * (data/tomcat.json rows). Without a pinned release the assumed one applies.
 */
import type { Tree } from '../helpers/rule-tester';
import { tomcatDeployment } from '../helpers/tomcat-connector';

const PROPS = {
  'src/main/resources/application.properties':
    'server.port=8443\nserver.ssl.key-store=classpath:keystore.p12\nserver.ssl.ciphers=ECDHE-RSA-AES256-GCM-SHA384\n',
};
const pom = (properties: string, parent = true) =>
  [
    '<project>',
    ...(parent
      ? [
          '  <parent>',
          '    <groupId>org.springframework.boot</groupId>',
          '    <artifactId>spring-boot-starter-parent</artifactId>',
          '    <version>2.7.18</version>',
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
      name: 'no tomcat.version: the assumed release adds the default TLS 1.3 suites',
      files: { ...PROPS, 'pom.xml': pom('<java.version>17</java.version>') },
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
