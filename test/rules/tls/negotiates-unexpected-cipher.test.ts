import rule from '../../../src/rules/tls/negotiates-unexpected-cipher';
import { ruleTester } from '../../helpers/rule-tester';
import { certFile } from '../cert/cert-files';
import { ccdt, nginx, svrconn, javaClient, springServer } from './trees';

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
      // JSSE servers pick by their own order from 11.0.21 on (JDK-8168261; before: the client's); every 11 update the
      // image name ran lists TLS_AES_256_GCM_SHA384 first from 11.0.15 on: the server's update decides.
      name: "a Spring server on FROM eclipse-temurin:11 (no update named): its own order from 11.0.21 on, not the client's",
      files: {
        ...javaClient(['-Djdk.tls.client.cipherSuites=TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384']),
        'api/Dockerfile': 'FROM eclipse-temurin:11\nCOPY app.jar /app.jar\n',
        'api/application.yml': springServer(),
      },
      errors: [
        {
          messageId: 'someUpdates',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            'lists TLS_AES_128_GCM_SHA256 first, but on some updates',
            'Spring Boot HTTPS server (api, port 8443) on 11.0.21 and later',
            'will negotiate TLS_AES_256_GCM_SHA384 (TLSv1.3)',
          ],
          messageExcludes: ['11.0.20'],
          related: [
            { file: 'api/application.yml', line: 4 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/Dockerfile', line: 1 },
          ],
        },
      ],
    },
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
