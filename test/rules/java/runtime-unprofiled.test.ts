import rule from '../../../src/rules/java/runtime-unprofiled';
import { ruleTester } from '../../helpers/rule-tester';
import { CLIENT_YML, NGINX_TLS12 } from './fixtures';

const release = (version: string, implementor = 'Eclipse Adoptium') =>
  `JAVA_VERSION="${version}"\nIMPLEMENTOR="${implementor}"\n`;
const SPRING_TLS = 'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1.2,TLSv1.3\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a profiled JDK (26.0.1)',
      files: { 'app/jdk/release': release('26.0.1'), 'app/application.properties': SPRING_TLS },
    },
    {
      name: 'an image tag without its update: the version is unknown, not unprofiled',
      files: { 'app/Dockerfile': 'FROM eclipse-temurin:28-jre\n', 'app/application.properties': SPRING_TLS },
    },
    {
      name: 'no JDK at all: nothing to say here (tls/link-outcome-unknown names it per link)',
      files: { 'app/application.properties': SPRING_TLS },
    },
    {
      name: "an end with its own protocols and suites, and the JDK's java.security in the tree: judged without defaults",
      files: {
        'app/jdk/release': release('28.0.1'),
        'app/jdk/conf/security/java.security': 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1\n',
        'app/application.properties': `${SPRING_TLS}server.ssl.ciphers=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n`,
      },
    },
    {
      name: 'a JDK 28 that runs no TLS end',
      files: { 'app/jdk/release': release('28.0.1'), 'app/application.properties': 'server.port=8080\n' },
    },
  ],
  invalid: [
    {
      name: 'a Spring HTTPS server on JDK 28: said once, on the release file',
      files: { 'app/jdk/release': release('28.0.1'), 'app/application.properties': SPRING_TLS },
      errors: [
        {
          messageId: 'unprofiled',
          file: 'app/jdk/release',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'Eclipse Temurin 28.0.1',
            'profiled: 6 to 6u45, 7 to 27',
            'it disables by default (jdk.tls.disabledAlgorithms)',
            'its default protocols and cipher suites are unknown',
          ],
          related: [{ file: 'app/application.properties', line: 2 }],
        },
      ],
    },
    {
      name: 'two ends on one JDK 1.5.0: one finding naming both',
      files: {
        'jre/release': release('1.5.0_22', 'Sun Microsystems Inc.'),
        'a/application.properties': SPRING_TLS,
        'b/application.properties': SPRING_TLS.replace('8443', '9443'),
      },
      errors: [
        {
          messageId: 'unprofiled',
          file: 'jre/release',
          line: 1,
          messageIncludes: [' and '],
          related: [
            { file: 'a/application.properties', line: 2 },
            { file: 'b/application.properties', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'a Java client that sets -Djdk.tls.client.protocols on IBM Java 7 (IBM SDK 8 only is profiled)',
      files: {
        'app/jre/release': release('1.7.0_80', 'IBM Corporation'),
        'app/jvm.options': '-Djdk.tls.client.protocols=TLSv1\n',
      },
      errors: [{ messageId: 'unprofiled', file: 'app/jre/release', line: 1, messageIncludes: ['IBM'] }],
    },
    {
      name: 'a Java client calling an nginx server of the tree, on JDK 28',
      files: {
        'client/jdk/release': release('28.0.1'),
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
      errors: [{ messageId: 'unprofiled', file: 'client/jdk/release', line: 1 }],
    },
    {
      name: "the JDK's java.security in the tree: its disabled algorithms are read, the rest is unknown",
      files: {
        'app/jdk/release': release('28.0.1'),
        'app/jdk/conf/security/java.security':
          'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1\njdk.certpath.disabledAlgorithms=MD2, MD5\n',
        'app/application.properties': SPRING_TLS,
      },
      errors: [
        {
          messageId: 'unprofiled',
          file: 'app/jdk/release',
          line: 1,
          messageIncludes: [
            'the certificate algorithms it disables (jdk.certpath.disabledAlgorithms), the protocols it supports and its default protocols and cipher suites are unknown',
          ],
          related: [{ file: 'app/application.properties', line: 2 }],
        },
      ],
    },
  ],
});
