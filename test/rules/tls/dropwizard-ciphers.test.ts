/**
 * A Java client against a Dropwizard HTTPS connector (src/model/dropwizard-https.ts): Jetty's default exclusions
 * remove static-RSA and SHA-1 suites, so a client that offers only those fails, once the tree settles which
 * exclusions run (written ones, or the release the build names); with the defaults of an unnamed release, the older
 * Jetty keeps them: unknown.
 */
import rule from '../../../src/rules/tls/no-common-cipher';
import { ruleTester } from '../../helpers/rule-tester';

const dropwizard = (extra: string) => ({
  'client/application.properties': 'backend.url=https://api:8443/v1\n',
  'client/jvm.options': '-Djdk.tls.client.cipherSuites=TLS_RSA_WITH_AES_128_GCM_SHA256\n',
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'api/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'api/config.yml': `server:\n  applicationConnectors:\n    - type: https\n      port: 8443\n      keyStorePath: /etc/api/key.p12\n      supportedProtocols: [TLSv1.2]\n${extra}`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'Jetty default exclusions, Dropwizard release unknown: the old Jetty keeps TLS_RSA_WITH_AES_128_GCM_SHA256',
      files: dropwizard(''),
    },
    {
      name: 'excludedCipherSuites: [] keeps every JDK suite',
      files: dropwizard('      excludedCipherSuites: []\n'),
    },
  ],
  invalid: [
    {
      name: "the pom names Dropwizard 2.1.12: Jetty's default exclusions remove the client's only suite",
      files: {
        ...dropwizard(''),
        'api/pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.dropwizard</groupId>\n      <artifactId>dropwizard-core</artifactId>\n      <version>2.1.12</version>\n    </dependency>\n  </dependencies>\n</project>\n',
      },
      errors: [{ messageId: 'noCommonCipher', file: 'client/jvm.options', line: 1 }],
    },
    {
      name: 'excludedCipherSuites written: static RSA excluded on every release, the client offers nothing else',
      files: dropwizard('      excludedCipherSuites: ["^TLS_RSA_.*$", "^.*_SHA$"]\n'),
      errors: [{ messageId: 'noCommonCipher', file: 'client/jvm.options', line: 1 }],
    },
  ],
});
