import rule from '../../../src/rules/httpd/security-level-refuses-certificate';
import { ruleTester } from '../../helpers/rule-tester';
import { certFile } from '../cert/cert-files';

/** A main configuration with one TLS virtual host loading conf/ssl/site.crt, and `lines` in it. */
const httpd = (...lines: string[]) =>
  [
    'ServerRoot "/etc/httpd"',
    'Listen 443',
    '<VirtualHost *:443>',
    '  ServerName www.example.com',
    '  SSLEngine on',
    '  SSLCertificateFile conf/ssl/site.crt',
    '  SSLCertificateKeyFile conf/ssl/site.key',
    ...lines.map((l) => `  ${l}`),
    '</VirtualHost>',
    '',
  ].join('\n');
const DEBIAN = {
  'web/Dockerfile': 'FROM debian:bookworm\nRUN apt-get install -y apache2\nCOPY conf/ /etc/httpd/conf/\n',
};
const RSA1024 = certFile('rsa1024-self.crt');

/** An upstream nginx on Alpine 3.19 (level 1: it loads a 1024-bit key or a SHA-1 signature) presenting `certificate`. */
const upstream = (certificate: string) => ({
  'api/nginx.conf':
    'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api.crt;\n    ssl_certificate_key api.key;\n  }\n}\n',
  'api/api.crt': certFile(certificate),
  'api/Dockerfile': 'FROM nginx:1.25-alpine\n',
});
/** An httpd gateway on Debian 12 (level 2) proxying to the upstream and verifying it against `anchor`, with `lines`. */
const verifyingProxy = (anchor: string, ...lines: string[]) => ({
  'gw/conf/httpd.conf': [
    'ServerRoot "/etc/httpd"',
    'Listen 80',
    '<VirtualHost *:80>',
    '  SSLProxyEngine on',
    '  SSLProxyCACertificateFile conf/ca.crt',
    ...lines.map((l) => `  ${l}`),
    '  ProxyPass / https://api.example.internal:8443/',
    '</VirtualHost>',
    '',
  ].join('\n'),
  'gw/conf/ca.crt': certFile(anchor),
  'gw/Dockerfile': 'FROM debian:bookworm\nRUN apt-get install -y apache2\nCOPY conf/ /etc/httpd/conf/\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'a proxy with SSLProxyVerify none: mod_ssl ignores the verify error of a SHA-1-signed backend (measured: 200)',
      files: { ...upstream('sha1-signed.crt'), ...verifyingProxy('ca.crt', 'SSLProxyVerify none') },
    },
    {
      name: 'a proxy verifying a SHA-1-signed backend with @SECLEVEL=0 in SSLProxyCipherSuite (measured: 200)',
      files: {
        ...upstream('sha1-signed.crt'),
        ...verifyingProxy('ca.crt', 'SSLProxyVerify require', 'SSLProxyCipherSuite DEFAULT:@SECLEVEL=0'),
      },
    },
    {
      name: 'optional_no_ca and a SHA-1-signed backend whose CA the proxy does not hold: an unknown issuer is forgiven (measured: 200)',
      files: { ...upstream('sha1-signed.crt'), ...verifyingProxy('rsa1024-self.crt', 'SSLProxyVerify optional_no_ca') },
    },
    {
      name: 'a proxy verifying a backend whose SHA-256 leaf and 2048-bit CA level 2 accepts',
      files: { ...upstream('api-san.crt'), ...verifyingProxy('ca.crt', 'SSLProxyVerify require') },
    },
    {
      name: 'a 2048-bit key on Debian 12 (level 2)',
      files: { 'web/conf/httpd.conf': httpd(), 'web/conf/ssl/site.crt': certFile('api-san.crt'), ...DEBIAN },
    },
    {
      name: 'a 1024-bit key with @SECLEVEL=1 in SSLCipherSuite (mod_ssl sets it before loading certificates)',
      files: {
        'web/conf/httpd.conf': httpd('SSLCipherSuite HIGH:!aNULL:@SECLEVEL=1'),
        'web/conf/ssl/site.crt': RSA1024,
        ...DEBIAN,
      },
    },
    {
      name: 'a 1024-bit key, SSLCipherSuite a placeholder: the level is unknown',
      files: {
        'web/conf/httpd.conf': httpd('SSLCipherSuite ${SSL_CIPHERS}'),
        'web/conf/ssl/site.crt': RSA1024,
        ...DEBIAN,
      },
    },
    {
      name: "a 1024-bit key, SSLCipherSuite PROFILE=SYSTEM: the host's crypto policy sets the level",
      files: {
        'web/conf/httpd.conf': httpd('SSLCipherSuite PROFILE=SYSTEM'),
        'web/conf/ssl/site.crt': RSA1024,
        ...DEBIAN,
      },
    },
    {
      name: 'a 1024-bit key beside an SSLOpenSSLConfCmd (it may set the level): unknown',
      files: {
        'web/conf/httpd.conf': httpd('SSLOpenSSLConfCmd Options -SessionTicket'),
        'web/conf/ssl/site.crt': RSA1024,
        ...DEBIAN,
      },
    },
    {
      name: 'a virtual host file without its main configuration, no SSLCipherSuite: the main one may set the level',
      files: {
        'web/conf.d/site.conf':
          '<VirtualHost *:443>\n  SSLEngine on\n  SSLCertificateFile /etc/httpd/conf/ssl/site.crt\n</VirtualHost>\n',
        'web/conf/ssl/site.crt': RSA1024,
        ...DEBIAN,
      },
    },
    {
      name: 'a 1024-bit CA in SSLCertificateChainFile: mod_ssl adds it unchecked (measured)',
      files: {
        'web/conf/httpd.conf': httpd('SSLCertificateChainFile conf/ssl/chain.crt'),
        'web/conf/ssl/site.crt': certFile('api-san.crt'),
        'web/conf/ssl/chain.crt': RSA1024,
        ...DEBIAN,
      },
    },
  ],
  invalid: [
    {
      name: 'a proxy on Debian 12 (level 2) verifying a SHA-1-signed backend: 68, every request 500',
      files: { ...upstream('sha1-signed.crt'), ...verifyingProxy('ca.crt', 'SSLProxyVerify require') },
      errors: [
        {
          messageId: 'verifyRefused',
          file: 'gw/conf/httpd.conf',
          line: 6,
          messageIncludes: [
            "AH02276: Certificate Verification: Error (68): CA signature digest algorithm too weak'",
            'the leaf',
            'answers every request it proxies there with 500',
            '@SECLEVEL=1 at the end of SSLProxyCipherSuite',
          ],
        },
      ],
    },
    {
      name: 'optional_no_ca verifying a SHA-1-signed backend it trusts: 68 all the same (measured: 500)',
      files: { ...upstream('sha1-signed.crt'), ...verifyingProxy('ca.crt', 'SSLProxyVerify optional_no_ca') },
      errors: [
        {
          messageId: 'verifyRefused',
          file: 'gw/conf/httpd.conf',
          line: 6,
          messageIncludes: ['(SSLProxyVerify optional_no_ca)', 'Error (68): CA signature digest algorithm too weak'],
        },
      ],
    },
    {
      // Silent before session 47: the model judged no path optional_no_ca cannot take to an anchor. The 1024-bit key is
      // still checked (measured with apache2: 500, 66; test/interop/httpd-proxy-level.test.ts).
      name: 'optional_no_ca and an untrusted 1024-bit self-signed backend: the unknown issuer is forgiven, not the key',
      files: { ...upstream('rsa1024-self.crt'), ...verifyingProxy('ca.crt', 'SSLProxyVerify optional_no_ca') },
      errors: [
        {
          messageId: 'verifyRefused',
          file: 'gw/conf/httpd.conf',
          line: 6,
          messageIncludes: ['(SSLProxyVerify optional_no_ca)', 'Error (66): EE certificate key too weak'],
        },
      ],
    },
    {
      name: 'a proxy whose OpenSSL the tree does not name verifying a 1024-bit backend: unknown (info)',
      files: {
        ...upstream('rsa1024-self.crt'),
        ...verifyingProxy('rsa1024-self.crt', 'SSLProxyVerify require'),
        'gw/Dockerfile': 'FROM scratch\n',
      },
      errors: [{ messageId: 'verifyLevelUnknown', file: 'gw/conf/httpd.conf', line: 6, severity: 'info' }],
    },
    {
      name: 'a 1024-bit key on Debian 12 (level 2): httpd does not start',
      files: { 'web/conf/httpd.conf': httpd(), 'web/conf/ssl/site.crt': RSA1024, ...DEBIAN },
      errors: [
        {
          messageId: 'refused',
          file: 'web/conf/httpd.conf',
          line: 6,
          severity: 'error',
          messageIncludes: ['security level 2', 'debian:bookworm', 'AH02562', 'ee key too small', '@SECLEVEL=1'],
        },
      ],
    },
    {
      name: 'a 2048-bit key with @SECLEVEL=3 in SSLCipherSuite',
      files: {
        'web/conf/httpd.conf': httpd('SSLCipherSuite HIGH:@SECLEVEL=3'),
        'web/conf/ssl/site.crt': certFile('api-san.crt'),
      },
      errors: [
        {
          messageId: 'refused',
          file: 'web/conf/httpd.conf',
          line: 6,
          messageIncludes: ['@SECLEVEL=3 in SSLCipherSuite'],
        },
      ],
    },
    {
      // docker-library/httpd built 2.4.62 on debian:bookworm-slim (OpenSSL 3.0, Debian's level 2).
      name: 'a 1024-bit key in the official httpd:2.4.62 image',
      files: {
        'web/conf/httpd.conf': httpd(),
        'web/conf/ssl/site.crt': RSA1024,
        'web/Dockerfile': 'FROM httpd:2.4.62\nCOPY conf/ /usr/local/apache2/conf/\n',
      },
      errors: [
        {
          messageId: 'refused',
          file: 'web/conf/httpd.conf',
          line: 6,
          messageIncludes: ['httpd:2.4.62 → debian:bookworm-slim'],
        },
      ],
    },
    {
      // httpd:2.4 has been built on every Debian from jessie (OpenSSL 1.0.1, no levels) to trixie.
      name: 'a 1024-bit key in httpd:2.4, rebuilt across OpenSSL series: unknown',
      files: {
        'web/conf/httpd.conf': httpd(),
        'web/conf/ssl/site.crt': RSA1024,
        'web/Dockerfile': 'FROM httpd:2.4\nCOPY conf/ /usr/local/apache2/conf/\n',
      },
      errors: [{ messageId: 'levelUnknown', file: 'web/conf/httpd.conf', line: 6, severity: 'info' }],
    },
    {
      name: 'a 1024-bit key and no image named: refused at 2, accepted at 1 (info, not a guessed failure)',
      files: { 'web/conf/httpd.conf': httpd(), 'web/conf/ssl/site.crt': RSA1024 },
      errors: [
        {
          messageId: 'levelUnknown',
          file: 'web/conf/httpd.conf',
          line: 6,
          severity: 'info',
          messageIncludes: ['the tree names no httpd image', "Name httpd's image"],
        },
      ],
    },
  ],
});
