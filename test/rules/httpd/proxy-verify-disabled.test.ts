import rule from '../../../src/rules/httpd/proxy-verify-disabled';
import { ruleTester } from '../../helpers/rule-tester';

// mod_ssl's SSLProxyVerify none accepts any backend certificate (https://httpd.apache.org/docs/2.4/mod/mod_ssl.html).
const conf = (vhost: string[], targets = ['https://api.example.internal:8443/api']) => ({
  'conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    '<VirtualHost *:80>',
    ...vhost.map((l) => `  ${l}`),
    ...targets.map((t, i) => `  ProxyPass /p${i} ${t}`),
    '</VirtualHost>',
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    { name: 'SSLProxyVerify unset (none by default, but nothing written)', files: conf(['SSLProxyEngine on']) },
    {
      name: 'SSLProxyVerify require with a CA file',
      files: conf(['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificateFile conf/ca.pem']),
    },
    {
      name: 'no SSLProxyEngine: no TLS to the backend (httpd/proxy-engine-off)',
      files: conf(['SSLProxyVerify none']),
    },
    { name: 'a plain http backend', files: conf(['SSLProxyEngine on', 'SSLProxyVerify none'], ['http://api:8080/']) },
  ],
  invalid: [
    {
      // codejsha/infrastructure-examples kubernetes/minikube/proxy/httpd-ssl-minikube.conf
      name: 'SSLProxyVerify none and SSLProxyCheckPeerName off to an https backend',
      files: conf(['SSLProxyEngine on', 'SSLProxyVerify none', 'SSLProxyCheckPeerName off']),
      errors: [
        {
          messageId: 'disabled',
          severity: 'warning',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['does not verify the certificate of the backend it connects to (SSLProxyVerify none)'],
          related: [
            { file: 'conf/httpd.conf', line: 7 },
            { file: 'conf/httpd.conf', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'one line for two backends: one finding',
      files: conf(['SSLProxyEngine on', 'SSLProxyVerify none'], ['https://a:8443/', 'https://b:8443/']),
      errors: [
        {
          messageId: 'disabled',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['https://a:8443/, https://b:8443/'],
        },
      ],
    },
  ],
});
