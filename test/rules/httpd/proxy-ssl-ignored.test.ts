import rule from '../../../src/rules/httpd/proxy-ssl-ignored';
import { ruleTester } from '../../helpers/rule-tester';

const conf = (main: string[], ...vhosts: string[][]) => ({
  'conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    ...main,
    ...vhosts.flatMap((lines) => ['<VirtualHost *:80>', ...lines.map((l) => `  ${l}`), '</VirtualHost>']),
    '',
  ].join('\n'),
});
const VERIFY = ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificateFile conf/ca.pem'];

ruleTester(rule, {
  valid: [
    { name: 'the backend is https://', files: conf([], [...VERIFY, 'ProxyPass /api https://app:8443/api']) },
    {
      name: 'SSLProxyEngine on with SSLProxyVerify none and the peer checks off: nothing asked of a plain backend',
      files: conf(
        [],
        ['SSLProxyEngine on', 'SSLProxyVerify none', 'SSLProxyCheckPeerCN off', 'ProxyPass / http://app:8080/'],
      ),
    },
    {
      // httpd's defaults, copied as a block beside plain backends (nubenetes/apache-reverse-proxy-jenkins@ee4fed2).
      name: 'SSLProxyCheckPeerCN on and SSLProxyCheckPeerExpire on with ProxyPass http://localhost',
      files: conf(
        [],
        [
          'SSLProxyEngine on',
          'SSLProxyCheckPeerCN on',
          'SSLProxyCheckPeerExpire on',
          'ProxyPass / http://localhost:8080/ nocanon',
        ],
      ),
    },
    {
      // httpd's own extra/httpd-ssl.conf sets these for the whole server.
      name: 'SSLProxyProtocol and SSLProxyCipherSuite only',
      files: conf(['SSLProxyProtocol all -SSLv3', 'SSLProxyCipherSuite HIGH:!aNULL'], ['ProxyPass / http://app:8080/']),
    },
    {
      name: 'one pass plain, another TLS: the lines are used',
      files: conf([], [...VERIFY, 'ProxyPass /a http://app:8080/', 'ProxyPass /b https://app:8443/']),
    },
    {
      name: 'main-server lines used by another virtual host',
      files: conf(VERIFY, ['ProxyPass / http://app:8080/'], ['ProxyPass / https://app:8443/']),
    },
    {
      name: 'a target the tree does not settle',
      files: conf([], [...VERIFY, 'ProxyPass / ${BACKEND_URL}/']),
    },
    {
      name: 'a RewriteRule [P] whose substitution is a variable',
      files: conf([], [...VERIFY, 'ProxyPass /a http://app:8080/', 'RewriteRule ^/b(.*)$ %{ENV:BACKEND}$1 [P,L]']),
    },
    {
      name: 'a balancer without members in the tree',
      files: conf([], [...VERIFY, 'ProxyPass / balancer://cluster/']),
    },
    {
      name: 'an Include the tree does not hold may add a pass',
      files: conf([], [...VERIFY, 'ProxyPass /a http://app:8080/', 'Include conf/extra/more-proxies.conf']),
    },
    {
      name: 'an <IfDefine> body read only with -D may add a TLS pass',
      files: conf(
        [],
        [
          ...VERIFY,
          'ProxyPass /a http://app:8080/',
          '<IfDefine TLS_BACKEND>',
          '  ProxyPass /b https://app:8443/',
          '</IfDefine>',
        ],
      ),
    },
    {
      name: 'a forward proxy',
      files: conf([], [...VERIFY, 'ProxyRequests On', 'ProxyPass /a http://app:8080/']),
    },
    {
      name: 'a virtual host file without its main configuration (main-server passes unknown)',
      files: {
        'sites-available/app.conf': [
          '<VirtualHost *:80>',
          ...VERIFY,
          'ProxyPass / http://app:8080/',
          '</VirtualHost>',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'a template',
      files: conf([], [...VERIFY, 'ProxyPass / http://{{ backend_host }}:8080/']),
    },
  ],
  invalid: [
    {
      name: 'SSLProxyVerify require and a CA file beside ProxyPass http://',
      files: conf([], [...VERIFY, 'ProxyPass /api http://app:8443/api']),
      errors: [
        {
          messageId: 'ignored',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: [
            'SSLProxyVerify require, SSLProxyCACertificateFile conf/ca.pem are set here',
            'ProxyPass http://app:8443/api is plain',
            'write ProxyPass https://app:8443/api',
          ],
          related: [
            { file: 'conf/httpd.conf', line: 6 },
            { file: 'conf/httpd.conf', line: 7 },
          ],
        },
      ],
    },
    {
      name: 'a client certificate for a BalancerMember http:// (in its <Proxy> section)',
      files: conf(
        [],
        [
          '<Proxy balancer://cluster>',
          '  SSLProxyMachineCertificateFile conf/proxy.pem',
          '  BalancerMember http://app1:8080',
          '  BalancerMember http://app2:8080',
          '</Proxy>',
          'ProxyPass / balancer://cluster/',
        ],
      ),
      errors: [
        {
          messageId: 'ignored',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['BalancerMember http://app1:8080 and 1 other pass are plain'],
        },
      ],
    },
    {
      name: 'main-server lines, every virtual host plain (and a RewriteRule [P] to http://)',
      files: conf(
        ['SSLProxyEngine on', 'SSLProxyVerify optional_no_ca'],
        ['ProxyPass / http://app:8080/'],
        ['RewriteEngine on', 'RewriteRule ^/(.*)$ http://other:8080/$1 [P]'],
      ),
      errors: [
        {
          messageId: 'ignored',
          file: 'conf/httpd.conf',
          line: 4,
          messageIncludes: ['SSLProxyVerify optional_no_ca is set here'],
        },
      ],
    },
    {
      name: 'ws:// is plain too: the fix is wss://',
      files: conf([], [...VERIFY, 'ProxyPass /ws ws://app:8080/ws']),
      errors: [
        {
          messageId: 'ignored',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['write ProxyPass wss://app:8080/ws'],
        },
      ],
    },
  ],
});
