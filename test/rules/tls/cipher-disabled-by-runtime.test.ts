import rule from '../../../src/rules/tls/cipher-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, springServer } from './trees';

const OPENJDK8_152 = 'JAVA_VERSION="1.8.0_152"\nIMPLEMENTOR="Oracle Corporation"\n';

ruleTester(rule, {
  valid: [
    {
      name: 'GCM suites on JDK 17',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'),
      },
    },
    {
      name: '3DES still allowed on OpenJDK 8u152',
      files: {
        'api/jdk/release': OPENJDK8_152,
        'api/application.yml': springServer(
          'ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,SSL_RSA_WITH_3DES_EDE_CBC_SHA',
        ),
      },
    },
    {
      name: 'runtime default suites are not reported',
      files: { 'api/jdk/release': TEMURIN17, 'api/application.yml': springServer('enabled-protocols: TLSv1.2') },
    },
  ],
  invalid: [
    {
      name: '3DES dropped by JDK 17, another suite left (warning)',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer(
          'ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA',
        ),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'api/application.yml',
          line: 5,
          messageIncludes: ["entry '3DES_EDE_CBC'", 'silently dropped'],
        },
      ],
    },
    {
      name: 'only disabled suites: nothing left (error, names the JDK message)',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('ciphers: TLS_DH_anon_WITH_AES_128_CBC_SHA'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'api/application.yml',
          line: 5,
          messageIncludes: [
            "'anon'",
            'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
          ],
        },
      ],
    },
  ],
});
