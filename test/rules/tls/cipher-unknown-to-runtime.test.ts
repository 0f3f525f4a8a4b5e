import rule from '../../../src/rules/tls/cipher-unknown-to-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, ccdt, liberty, springServer, svrconn, tomcat } from './trees';

ruleTester(rule, {
  valid: [
    { name: 'IANA names in a Spring Boot server', files: { 'api/jdk/release': TEMURIN17, 'api/application.yml': springServer('ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256') } },
    { name: 'IBM SSL_ spellings are known', files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('enabledCiphers="SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256"') } },
    { name: 'MQ CipherSpec names are known', files: { 'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)'), 'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12_OR_HIGHER' }) } },
    { name: 'OpenSSL cipher-string keywords are not names', files: { 'api/conf/server.xml': tomcat('protocols="TLSv1.2" ciphers="HIGH:!aNULL:!MD5"') } },
  ],
  invalid: [
    {
      name: 'a typo in a Spring Boot server cipher list',
      files: { 'api/jdk/release': TEMURIN17, 'api/application.yml': springServer('ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265,TLS_AES_128_GCM_SHA256') },
      errors: [{ messageId: 'unknown', file: 'api/application.yml', line: 5, messageIncludes: ["'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265'", 'Unsupported CipherSuite'] }],
    },
    {
      name: 'a made-up name in Liberty enabledCiphers',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_999_GCM_SHA384"') },
      errors: [{ messageId: 'unknown', file: 'api/server.xml', line: 5, messageIncludes: ['TLS_RSA_WITH_AES_999_GCM_SHA384'] }],
    },
  ],
});
