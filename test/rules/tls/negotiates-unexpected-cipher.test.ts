import rule from '../../../src/rules/tls/negotiates-unexpected-cipher';
import { ruleTester } from '../../helpers/rule-tester';
import { certFile } from '../cert/cert-files';
import { ccdt, nginx, svrconn, javaClient } from './trees';

const TLS12 = '-Djdk.tls.client.protocols=TLSv1.2';
const CLIENT_128_FIRST =
  '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
const SERVER_256_FIRST = 'ssl_ciphers ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256;';

ruleTester(rule, {
  valid: [
    {
      name: 'client order wins (nginx default ssl_prefer_server_ciphers off)',
      files: {
        ...javaClient([TLS12, CLIENT_128_FIRST]),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', SERVER_256_FIRST),
      },
    },
    {
      name: 'server order wins and agrees with the client',
      files: {
        ...javaClient([TLS12, CLIENT_128_FIRST]),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.2;',
          'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384;',
          'ssl_prefer_server_ciphers on;',
        ),
      },
    },
    {
      name: 'client suites are the runtime default (no intent to contradict)',
      files: {
        ...javaClient([TLS12]),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', SERVER_256_FIRST, 'ssl_prefer_server_ciphers on;'),
      },
    },
    {
      name: 'MQ queue manager order is mq/cipherspec-not-negotiated',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12' }),
      },
    },
    {
      name: 'server certificate not in the tree: an ECDSA key would fail the RSA-only client, so the outcome is unknown',
      files: {
        ...javaClient([TLS12, CLIENT_128_FIRST]),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.2;',
          SERVER_256_FIRST,
          'ssl_prefer_server_ciphers on;',
          'ssl_certificate /etc/nginx/ssl/api.crt;',
        ),
      },
    },
  ],
  invalid: [
    {
      name: "nginx prefers its own order: AES-256 instead of the client's AES-128",
      files: {
        ...javaClient([TLS12, CLIENT_128_FIRST]),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.2;',
          SERVER_256_FIRST,
          'ssl_prefer_server_ciphers on;',
          'ssl_certificate /etc/nginx/ssl/api.crt;',
        ),
        'api/ssl/api.crt': certFile('api-san.crt'),
      },
      errors: [
        {
          messageId: 'unexpected',
          file: 'client/jvm.options',
          line: 2,
          messageIncludes: [
            'lists TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 first',
            'will negotiate TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (TLSv1.2)',
          ],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/ssl/api.crt', line: 1 },
          ],
        },
      ],
    },
  ],
});
