import rule from '../../../src/rules/java/keytool-import-byte-order-mark';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, pem, tomcatServer } from '../tls/trust-trees';

/**
 * The Java client's image imports client/certs/root.pem into its JDK's cacerts (Dockerfile line 3). Measured here:
 * OpenJDK 17.0.15's `keytool -importcert -file` on a certificate whose byte order mark stands right before its
 * -----BEGIN line prints "keytool error: java.lang.Exception: Input not an X.509 certificate" and exits 1; Temurin
 * 25.0.3's keytool adds it; both read a marked file whose first line is text.
 */
const MARK = '\ufeff';
const importing = (from: string, root: string) => ({
  ...javaClient({}),
  'client/Dockerfile': [
    `FROM ${from}`,
    'COPY certs/root.pem /tmp/root.pem',
    'RUN keytool -importcert -noprompt -cacerts -storepass changeit -alias root -file /tmp/root.pem',
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
  'client/certs/root.pem': root,
  ...tomcatServer('server-chain.p12'),
});
const ROOT = pem('root-ca.pem');

ruleTester(rule, {
  valid: [
    { name: 'an unmarked certificate', files: importing('eclipse-temurin:17-jre', ROOT) },
    {
      name: "JDK 25's keytool reads the marked file (measured with Temurin 25.0.3)",
      files: importing('eclipse-temurin:25-jre', MARK + ROOT),
    },
    {
      name: 'an image whose JDK the tree does not name: unknown, unsaid',
      files: importing('registry.example.com/base/java:latest', MARK + ROOT),
    },
    {
      name: 'a mark before a line of text above the block (keytool skips that line: measured with 17.0.15)',
      files: importing('eclipse-temurin:17-jre', `${MARK}subject=CN = Example Root\n${ROOT}`),
    },
  ],
  invalid: [
    {
      name: "JDK 17's keytool refuses the marked certificate (measured with 17.0.15)",
      files: importing('eclipse-temurin:17-jre', MARK + ROOT),
      errors: [
        {
          messageId: 'marked',
          file: 'client/Dockerfile',
          line: 3,
          severity: 'error',
          messageIncludes: ['client/certs/root.pem starts with a UTF-8 byte order mark', 'JDK 17', 'JDK 25 and later'],
          related: [{ file: 'client/certs/root.pem', line: 1 }],
        },
      ],
    },
  ],
});
