import rule from '../../../src/rules/tls/weak-cipher-enabled';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, liberty, nginx, svrconn } from './trees';

ruleTester(rule, {
  valid: [
    { name: 'ECDHE with AES-GCM only', files: { 'api/nginx.conf': nginx('ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384;') } },
    { name: 'nginx default cipher list is not configuration', files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') } },
    { name: 'MQ channel with a GCM CipherSpec', files: { 'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)') } },
  ],
  invalid: [
    {
      name: '3DES in Liberty',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 SSL_RSA_WITH_3DES_EDE_CBC_SHA"') },
      errors: [{ messageId: 'weak', file: 'api/server.xml', line: 5, severity: 'warning', messageIncludes: ['3DES'] }],
    },
    {
      name: 'CBC-SHA1 in Liberty is info',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"') },
      errors: [{ messageId: 'weak', file: 'api/server.xml', line: 5, severity: 'info', messageIncludes: ['CBC'] }],
    },
  ],
});
