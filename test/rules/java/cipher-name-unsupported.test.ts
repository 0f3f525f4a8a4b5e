import rule from '../../../src/rules/java/cipher-name-unsupported';
import { ruleTester } from '../../helpers/rule-tester';
import { IBM8_SR5, TEMURIN17 } from './fixtures';

const bundle = (cipher: string) =>
  [
    'spring:',
    '  ssl:',
    '    bundle:',
    '      jks:',
    '        client:',
    '          options:',
    `            ciphers: ${cipher}`,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'TLS_ names on OpenJDK',
      files: { 'app/jdk/release': TEMURIN17, 'app/application.yml': bundle('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256') },
    },
    {
      name: 'SSL_ names on IBM Java',
      files: { 'app/jdk/release': IBM8_SR5, 'app/application.yml': bundle('SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256') },
    },
    {
      name: 'legacy SSL_ name that SunJSSE really uses',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/jvm.options': '-Djdk.tls.client.cipherSuites=SSL_RSA_WITH_3DES_EDE_CBC_SHA\n',
      },
    },
    { name: 'unknown JDK', files: { 'app/application.yml': bundle('SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256') } },
  ],
  invalid: [
    {
      name: 'IBM name in a Spring SSL bundle on Temurin 17',
      files: { 'app/jdk/release': TEMURIN17, 'app/application.yml': bundle('SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256') },
      errors: [
        {
          messageId: 'unsupported',
          file: 'app/application.yml',
          line: 7,
          column: 22,
          messageIncludes: [
            'Unsupported CipherSuite: SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
            'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          ],
        },
      ],
    },
    {
      name: 'IBM name in jdk.tls.client.cipherSuites is ignored by OpenJDK',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/jvm.options':
          '-Djdk.tls.client.cipherSuites=TLS_AES_128_GCM_SHA256,SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n',
      },
      errors: [{ messageId: 'ignored', file: 'app/jvm.options', line: 1, column: 54 }],
    },
    {
      name: 'IBM names in a Tomcat JSSE connector',
      files: {
        'tc/jdk/release': TEMURIN17,
        'tc/conf/server.xml':
          '<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true" ciphers="SSL_RSA_WITH_AES_128_CBC_SHA"/></Service></Server>\n',
      },
      errors: [{ messageId: 'ignored', file: 'tc/conf/server.xml', line: 1 }],
    },
  ],
});
