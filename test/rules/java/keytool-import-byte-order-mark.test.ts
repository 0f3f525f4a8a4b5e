import rule from '../../../src/rules/java/keytool-import-byte-order-mark';
import trustUnknown from '../../../src/rules/tls/certificate-trust-unknown';
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

/**
 * A certificate the image's keytool refuses is no anchor of its cacerts (src/derive/trust-ends.ts anchorsOf): the client
 * trusts only its JDK's own cacerts then, which the tree does not hold, so whether it trusts the server is unknown.
 */
ruleTester(trustUnknown, {
  valid: [
    { name: 'JDK 17 imports the unmarked root: trusted', files: importing('eclipse-temurin:17-jre', ROOT) },
    {
      name: "JDK 25's keytool imports the marked root: trusted",
      files: importing('eclipse-temurin:25-jre', MARK + ROOT),
    },
  ],
  invalid: [
    {
      // fix50 left it counted as an added anchor; strictly it is unknown: JDK 17 refuses the file, JDK 25 reads it.
      name: 'an image whose JDK the tree does not name: whether its keytool adds the marked root is unknown',
      files: importing('registry.example.com/base/java:latest', MARK + ROOT),
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/Dockerfile',
          line: 3,
          messageIncludes: ['imports root.pem into its JDK', 'byte order mark', 'does not name the image'],
        },
      ],
    },
    {
      name: "JDK 17's keytool refuses the marked root: not an anchor of the image's cacerts",
      files: importing('eclipse-temurin:17-jre', MARK + ROOT),
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: ["trusts its JDK's cacerts, which the tree does not hold", 'is a private CA'],
        },
      ],
    },
  ],
});
