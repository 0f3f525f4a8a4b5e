import rule from '../../../src/rules/httpd/certificate-missing';
import { ruleTester } from '../../helpers/rule-tester';

const MAIN = 'ServerRoot "/etc/httpd"\nListen 443 https\nIncludeOptional conf.d/*.conf\n';
const vhost = (...lines: string[]) =>
  ['<VirtualHost _default_:443>', 'SSLEngine on', ...lines, '</VirtualHost>'].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a certificate in the virtual host',
      files: {
        'conf/httpd.conf': MAIN,
        'conf.d/ssl.conf': vhost('SSLCertificateFile /etc/pki/tls/certs/localhost.crt'),
      },
    },
    {
      name: 'a certificate in the main server, inherited',
      files: {
        'conf/httpd.conf': MAIN + 'SSLCertificateFile /etc/pki/tls/certs/site.pem\n',
        'conf.d/ssl.conf': vhost(),
      },
    },
    {
      name: 'no main configuration in the tree: it may set one (unknown)',
      files: { 'conf.d/ssl.conf': vhost() },
    },
    {
      name: 'an Include the tree does not hold may set one (unknown)',
      files: { 'conf/httpd.conf': MAIN + 'Include conf/extra/certs.conf\n', 'conf.d/ssl.conf': vhost() },
    },
    {
      // Helper httpd40's probe c04: the tree cannot say whether httpd starts with -DPROD.
      name: 'the only certificate lines under an <IfDefine> nothing in the tree defines: unknown',
      files: {
        'conf/httpd.conf': MAIN,
        'conf.d/ssl.conf': vhost('<IfDefine PROD>', 'SSLCertificateFile /etc/pki/tls/certs/prod.crt', '</IfDefine>'),
      },
    },
    {
      name: 'no SSLEngine on: no TLS, no certificate needed',
      files: { 'conf/httpd.conf': MAIN + '<VirtualHost *:80>\nServerName a\n</VirtualHost>\n' },
    },
  ],
  invalid: [
    {
      // tuxtron/jboss-fuse-web@d32ef61 conf.d/ssl.conf: SSLEngine on, SSLCertificateFile and KeyFile commented out.
      name: 'SSLEngine on, every SSLCertificateFile commented out',
      files: {
        'conf/httpd.conf': MAIN,
        'conf.d/ssl.conf': vhost(
          '#SSLCertificateFile /etc/pki/tls/certs/localhost.crt',
          '#SSLCertificateKeyFile /etc/pki/tls/private/localhost.key',
        ),
      },
      errors: [
        {
          messageId: 'noCertificate',
          file: 'conf.d/ssl.conf',
          line: 1,
          messageIncludes: ['AH02572', 'the virtual host'],
        },
      ],
    },
  ],
});
