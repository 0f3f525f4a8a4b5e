import rule from '../../../src/rules/httpd/proxy-verify-without-ca';
import { ruleTester } from '../../helpers/rule-tester';

const conf = (main: string[], vhost: string[]) => ({
  'conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    ...main,
    '<VirtualHost *:80>',
    ...vhost.map((l) => `  ${l}`),
    '  ProxyPass /api https://api.example.internal:8443/api',
    '</VirtualHost>',
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    { name: 'SSLProxyVerify none (the default)', files: conf([], ['SSLProxyEngine on']) },
    {
      name: 'a CA file in the virtual host',
      files: conf([], ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificateFile conf/ca.pem']),
    },
    {
      name: "the main server's CA file is inherited",
      files: conf(['SSLProxyCACertificateFile conf/ca.pem'], ['SSLProxyEngine on', 'SSLProxyVerify require']),
    },
    {
      name: 'a CA directory (SSLProxyCACertificatePath)',
      files: conf([], ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificatePath /etc/ssl/certs']),
    },
    {
      name: 'an Include the tree does not hold may name the anchors (unknown)',
      files: conf(['Include conf/extra/proxy-ca.conf'], ['SSLProxyEngine on', 'SSLProxyVerify require']),
    },
    {
      name: 'no SSLProxyEngine: no TLS to the backend (httpd/proxy-engine-off)',
      files: conf([], ['SSLProxyVerify require']),
    },
  ],
  invalid: [
    {
      name: 'SSLProxyVerify require and no CA anywhere: every request fails',
      files: conf([], ['SSLProxyEngine on', 'SSLProxyVerify require']),
      errors: [
        {
          messageId: 'noAnchors',
          file: 'conf/httpd.conf',
          line: 6,
          messageIncludes: ['SSLProxyVerify require', 'AH02003', 'no system CA store'],
          related: [{ file: 'conf/httpd.conf', line: 5 }],
        },
      ],
    },
  ],
});
