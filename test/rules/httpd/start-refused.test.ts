import rule from '../../../src/rules/httpd/start-refused';
import { leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

const site = leaf('www.example.com');
const other = leaf('other.example.com');
/** The tree's PEM files, at the ServerRoot's conf/ (written as /usr/local/apache2/conf/… or conf/…). */
const pems = {
  'conf/server.crt': site.pem,
  'conf/server.key': site.keyPem,
  'conf/other.key': other.keyPem,
  'conf/other.crt': other.pem,
};
const ROOT = '/usr/local/apache2/conf';

const conf = (...lines: string[]) => ({
  'conf/httpd.conf': ['ServerRoot "/usr/local/apache2"', 'Listen 443', ...lines, ''].join('\n'),
});
const vhost = (...lines: string[]) => ['<VirtualHost *:443>', 'SSLEngine on', ...lines, '</VirtualHost>'];
// Debian 12: OpenSSL 3.0 (no RC4).
const debian = { Dockerfile: 'FROM debian:bookworm\n' };

ruleTester(rule, {
  valid: [
    {
      name: 'protocols and cipher strings that leave something (unknown names among known ones are dropped)',
      files: conf(
        'SSLProtocol -all',
        ...vhost(
          'SSLProtocol -ALL TLSv1.2',
          'SSLCipherSuite HIGH:!aNULL:NOSUCHCIPHER',
          'SSLCipherSuite TLSv1.3 NOSUCH',
        ),
      ),
    },
    {
      name: 'no SSLEngine on (no server context) and no SSLProxyEngine on (no proxy context)',
      files: conf('<VirtualHost *:80>', 'SSLProtocol -all', 'SSLProxyCipherSuite NOSUCH', '</VirtualHost>'),
    },
    {
      name: 'a placeholder, a crypto-policy profile (RHEL), an httpd test-suite placeholder',
      files: conf(...vhost('SSLProtocol ${PROTOCOLS}', 'SSLCipherSuite PROFILE=SYSTEM'), 'SSLProxyProtocol @PROTO@'),
    },
    {
      name: 'RC4-SHA when the tree does not name the OpenSSL (1.0.2 has it)',
      files: conf(...vhost('SSLCipherSuite RC4-SHA')),
    },
    {
      name: 'an Include the tree lacks, or an <IfDefine> a -D may open, after the line may set it again',
      files: conf(
        ...vhost('SSLProtocol -all', 'Include conf/extra/tls.conf'),
        '<VirtualHost *:8443>',
        'SSLEngine on',
        'SSLCipherSuite eNULL',
        '<IfDefine MODERN>',
        'SSLCipherSuite HIGH',
        '</IfDefine>',
        '</VirtualHost>',
      ),
    },
    {
      name: 'a line under an <IfDefine> nothing defines is not read',
      files: conf(...vhost('<IfDefine OLD>', 'SSLProtocol -all', '</IfDefine>')),
    },
    {
      name: 'a file no main configuration includes: its top-level lines may be followed by the includer',
      files: { 'conf.d/ssl-params.conf': 'SSLEngine on\nSSLProtocol -all\n' },
    },
    {
      name: 'each certificate with its own key (absolute and ServerRoot-relative paths), the main pair replaced by the virtual host',
      files: {
        ...conf(
          `SSLCertificateFile ${ROOT}/other.crt`,
          `SSLCertificateKeyFile ${ROOT}/other.key`,
          ...vhost(`SSLCertificateFile ${ROOT}/server.crt`, 'SSLCertificateKeyFile conf/server.key'),
        ),
        ...pems,
      },
    },
    {
      name: "a key outside the certificate's mapped directory, and an Include the tree lacks before the lines",
      files: {
        ...conf(
          ...vhost(`SSLCertificateFile ${ROOT}/server.crt`, 'SSLCertificateKeyFile /etc/ssl/private/other.key'),
          '<VirtualHost *:8443>',
          'SSLEngine on',
          'Include conf/extra/ssl-common.conf',
          `SSLCertificateFile ${ROOT}/server.crt`,
          `SSLCertificateKeyFile ${ROOT}/other.key`,
          '</VirtualHost>',
        ),
        ...pems,
        'private/other.key': other.keyPem,
      },
    },
    {
      name: 'a template: its values are set when it is rendered',
      files: { 'templates/httpd.conf.j2': 'SSLEngine on\nSSLProtocol {{ proto }}\nSSLCipherSuite eNULL\n' },
    },
  ],
  invalid: [
    {
      name: 'no protocol left, in the virtual host and inherited; no cipher selected, server and proxy',
      files: {
        ...conf(
          'SSLProtocol -TLSv1.3',
          'SSLProxyEngine on',
          'SSLProxyCipherSuite NOSUCHCIPHER',
          ...vhost('SSLCipherSuite eNULL'),
          ...vhost('SSLProtocol all -TLSv1 -TLSv1.1 -TLSv1.2 -TLSv1.3', 'SSLCipherSuite RC4-SHA'),
        ),
        ...debian,
      },
      errors: [
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 3,
          messageIncludes: ['SSLProtocol -TLSv1.3 in <VirtualHost *:443>', 'AH02231'],
        },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['SSLProxyCipherSuite NOSUCHCIPHER in the proxy of', 'AH01898'],
        },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 8,
          messageIncludes: ['SSLCipherSuite eNULL', 'AH01898'],
        },
        { messageId: 'refused', file: 'conf/httpd.conf', line: 12, messageIncludes: ['AH02231'] },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 13,
          messageIncludes: ['RC4-SHA', 'OpenSSL 3.x', 'AH01898'],
        },
      ],
    },
    {
      name: "another certificate's key; the main server's key taken by the virtual host's certificate; a key file with no key",
      files: {
        ...conf(
          `SSLCertificateKeyFile ${ROOT}/server.key`,
          ...vhost(`SSLCertificateFile ${ROOT}/server.crt`, `SSLCertificateKeyFile ${ROOT}/other.key`),
          ...vhost(`SSLCertificateFile ${ROOT}/other.crt`),
          ...vhost(`SSLCertificateFile ${ROOT}/server.crt`, `SSLCertificateKeyFile ${ROOT}/server.crt`),
        ),
        ...pems,
      },
      errors: [
        {
          messageId: 'keyMismatch',
          file: 'conf/httpd.conf',
          line: 3,
          messageIncludes: ['server.key is not the private key of other.crt'],
        },
        {
          messageId: 'keyMismatch',
          file: 'conf/httpd.conf',
          line: 7,
          messageIncludes: ['other.key is not the private key of server.crt'],
        },
        {
          messageId: 'noKey',
          file: 'conf/httpd.conf',
          line: 16,
          messageIncludes: ['server.crt, read for the private key of server.crt'],
        },
      ],
    },
    {
      name: 'a virtual host in a file no main configuration includes: its own lines decide',
      files: { 'sites-available/site.conf': vhost('SSLProtocol -all').join('\n') + '\n' },
      errors: [{ messageId: 'refused', file: 'sites-available/site.conf', line: 3, messageIncludes: ['AH02231'] }],
    },
  ],
});
