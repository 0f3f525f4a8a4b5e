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

ruleTester(rule, {
  valid: [
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
