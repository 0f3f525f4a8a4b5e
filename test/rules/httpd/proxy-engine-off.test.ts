import rule from '../../../src/rules/httpd/proxy-engine-off';
import { ruleTester } from '../../helpers/rule-tester';

const MAIN = 'ServerRoot "/usr/local/apache2"\nListen 443\n';
const vhost = (...lines: string[]) =>
  [
    '<VirtualHost *:443>',
    '  ServerName www.example.com',
    '  SSLEngine on',
    ...lines.map((l) => `  ${l}`),
    '</VirtualHost>',
  ].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: 'SSLProxyEngine on in the virtual host',
      files: { 'conf/httpd.conf': MAIN + vhost('SSLProxyEngine on', 'ProxyPass /app https://tomcat:8443/app') },
    },
    {
      name: 'SSLProxyEngine on in the main server: every virtual host inherits it',
      files: { 'conf/httpd.conf': MAIN + 'SSLProxyEngine On\n' + vhost('ProxyPass /app https://tomcat:8443/app') },
    },
    {
      name: 'SSLProxyEngine on in the main server, the virtual host in an included file',
      files: {
        'apache2/apache2.conf': 'IncludeOptional sites-enabled/*.conf\nSSLProxyEngine on\n',
        'apache2/sites-enabled/app.conf': vhost('ProxyPass /app https://tomcat:8443/app'),
      },
    },
    {
      // Measured with httpd 2.4.71 (test/interop/httpd-proxy.test.ts): <Proxy> sections take SSLProxyEngine (2.4.30+).
      name: "SSLProxyEngine on in the backend's <Proxy> section, and in a balancer's",
      files: {
        'conf/httpd.conf':
          MAIN +
          vhost(
            '<Proxy "https://tomcat:8443/">',
            '  SSLProxyEngine on',
            '</Proxy>',
            'ProxyPass /app https://tomcat:8443/app',
            '<Proxy balancer://cluster>',
            '  SSLProxyEngine on',
            '  BalancerMember https://app1:8443',
            '</Proxy>',
            'ProxyPass /b balancer://cluster/',
          ),
      },
    },
    {
      name: "a <Proxy *> section of the main server covers the virtual host's backend",
      files: {
        'conf/httpd.conf':
          MAIN + '<Proxy *>\n  SSLProxyEngine on\n</Proxy>\n' + vhost('ProxyPass /app https://tomcat:8443/app'),
      },
    },
    {
      name: 'a plain backend needs no engine',
      files: { 'conf/httpd.conf': MAIN + vhost('ProxyPass /app http://tomcat:8080/app', 'ProxyPass /x !') },
    },
    {
      name: 'a virtual host no main configuration of the tree includes: the main server may turn it on (unknown)',
      files: { 'apache2/sites-available/app.conf': vhost('ProxyPass /app https://tomcat:8443/app') },
    },
    {
      name: 'an Include the tree does not hold may turn it on (unknown)',
      files: {
        'conf/httpd.conf':
          MAIN + 'Include conf/extra/proxy-ssl.conf\n' + vhost('ProxyPass /app https://tomcat:8443/app'),
      },
    },
  ],
  invalid: [
    {
      name: 'no SSLProxyEngine anywhere, the main configuration held: off by default',
      files: { 'conf/httpd.conf': MAIN + vhost('ProxyPass /app https://tomcat:8443/app retry=0') },
      errors: [
        {
          messageId: 'off',
          file: 'conf/httpd.conf',
          line: 6,
          messageIncludes: ['https://tomcat:8443/app', 'off by default', 'AH01961'],
          related: [{ file: 'conf/httpd.conf', line: 3 }],
        },
      ],
    },
    {
      name: 'a Debian site included by apache2.conf, no SSLProxyEngine in either: the include is named too',
      files: {
        'apache2/apache2.conf': 'IncludeOptional sites-enabled/*.conf\n',
        'apache2/sites-enabled/app.conf': vhost('ProxyPass /app https://tomcat:8443/app'),
      },
      errors: [
        {
          messageId: 'off',
          file: 'apache2/sites-enabled/app.conf',
          line: 4,
          related: [
            { file: 'apache2/sites-enabled/app.conf', line: 1 },
            { file: 'apache2/apache2.conf', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'SSLProxyEngine off written in the virtual host; a BalancerMember inside <Proxy> and a <Location> ProxyPass',
      files: {
        'conf/httpd.conf':
          MAIN +
          vhost(
            'SSLProxyEngine off',
            '<Proxy balancer://app>',
            '  BalancerMember https://app1:8443',
            '</Proxy>',
            '<Location /api>',
            '  ProxyPass wss://api:8443/ws',
            '</Location>',
          ),
      },
      errors: [
        { messageId: 'off', file: 'conf/httpd.conf', line: 8, related: [{ file: 'conf/httpd.conf', line: 6 }] },
        { messageId: 'off', file: 'conf/httpd.conf', line: 11 },
      ],
    },
  ],
});
