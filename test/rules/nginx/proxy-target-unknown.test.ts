import rule from '../../../src/rules/nginx/proxy-target-unknown';
import { ruleTester } from '../../helpers/rule-tester';

const TOMCAT =
  '<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/api.p12" type="RSA"/></SSLHostConfig></Connector>\n</Service></Server>\n';
const gateway = (target: string) =>
  `http {\n  server {\n    listen 80;\n    location / {\n      proxy_pass ${target};\n    }\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a literal host and port', files: { 'gw/nginx.conf': gateway('https://api:8443') } },
    { name: 'plain http to a variable: no TLS', files: { 'gw/nginx.conf': gateway('http://$backend') } },
    {
      name: 'a variable target the config links pair with a server',
      files: {
        'gw/nginx.conf': gateway('https://$backend'),
        'api/conf/server.xml': TOMCAT,
      },
      config: {
        links: [{ client: 'nginx.proxy:gw/nginx.conf:5', server: 'tomcat.connector:api/conf/server.xml:8443' }],
      },
    },
  ],
  invalid: [
    {
      name: 'proxy_pass https://$backend',
      files: { 'gw/nginx.conf': gateway('https://$backend:8443/api') },
      errors: [
        {
          messageId: 'variableTarget',
          file: 'gw/nginx.conf',
          line: 5,
          column: 18,
          messageIncludes: ['proxy_pass https://$backend:8443/api', '"client": "nginx.proxy:gw/nginx.conf:5"'],
        },
      ],
    },
    {
      // The official nginx image renders /etc/nginx/templates/*.template with envsubst when the container starts.
      name: 'an envsubst template value in the target: said to depend on it, not on nginx per request',
      files: {
        'templates/default.conf.template':
          'server {\n    listen 443 ssl;\n    location / {\n        proxy_pass https://${BACKEND_HOST}:8443;\n    }\n}\n',
      },
      errors: [
        {
          messageId: 'variableTarget',
          file: 'templates/default.conf.template',
          line: 4,
          column: 20,
          severity: 'info',
          messageIncludes: ['depends on template value ${BACKEND_HOST}', 'holds a variable resolved at run time'],
        },
      ],
    },
    {
      name: 'grpc_pass grpcs://$upstream in a nested location',
      files: {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 443 ssl http2;\n    location /svc {\n      location /svc/a {\n        grpc_pass grpcs://$grpc_target;\n      }\n    }\n  }\n}\n',
      },
      errors: [{ messageId: 'variableTarget', file: 'gw/nginx.conf', line: 6 }],
    },
  ],
});
