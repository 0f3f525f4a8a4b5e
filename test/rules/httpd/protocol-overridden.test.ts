import rule from '../../../src/rules/httpd/protocol-overridden';
import { ruleTester } from '../../helpers/rule-tester';

const MAIN = 'ServerRoot "/usr/local/apache2"\nListen 443\n';
const vhost = (...lines: string[]) =>
  ['<VirtualHost *:443>', '  SSLEngine on', ...lines.map((l) => `  ${l}`), '</VirtualHost>'].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: 'signed words, and a single word',
      files: {
        'conf/httpd.conf':
          MAIN +
          'SSLProtocol -all +TLSv1.2 +TLSv1.3\n' +
          vhost('SSLProtocol TLSv1.2', 'SSLProxyProtocol all -SSLv3 -TLSv1'),
      },
    },
    {
      // Measured (helper httpd40, probe c08): no AH02532 after -all, which leaves nothing set.
      name: 'a bare word after -all or after only removals',
      files: { 'conf/httpd.conf': MAIN + vhost('SSLProtocol -all TLSv1.2', 'SSLProxyProtocol -TLSv1 TLSv1.2') },
    },
    {
      name: 'a bare first word then signed ones: the first sets, the others add',
      files: { 'conf/httpd.conf': MAIN + vhost('SSLProtocol TLSv1.2 +TLSv1.3') },
    },
    {
      name: 'a line of a file with no TLS end (no SSLEngine on, no https backend) is not judged',
      files: { 'conf/httpd.conf': MAIN + 'SSLProtocol TLSv1.2 TLSv1.3\n' },
    },
  ],
  invalid: [
    {
      // dhis2/dhis2-server-tools deploy/roles/create-instance/files/apache2/static.conf: `SSLProtocol TLSv1.2 TLSv1.3`.
      name: 'SSLProtocol TLSv1.2 TLSv1.3 enables TLSv1.3 only; one finding for the main-server line every virtual host inherits',
      files: { 'conf/httpd.conf': MAIN + 'SSLProtocol TLSv1.2 TLSv1.3\n' + vhost() + vhost() },
      errors: [
        {
          messageId: 'overridden',
          file: 'conf/httpd.conf',
          line: 3,
          messageIncludes: [
            'enables only TLSv1.3:',
            "Protocol 'TLSv1.3' overrides",
            'Write SSLProtocol -all +TLSv1.2 +TLSv1.3',
          ],
        },
      ],
    },
    {
      name: 'SSLProxyProtocol all -SSLv3 TLSv1.2 on a proxy',
      files: {
        'conf/httpd.conf':
          MAIN + vhost('SSLProxyEngine on', 'SSLProxyProtocol all -SSLv3 TLSv1.2', 'ProxyPass / https://app:8443/'),
      },
      errors: [
        {
          messageId: 'overridden',
          file: 'conf/httpd.conf',
          line: 6,
          messageIncludes: [
            'SSLProxyProtocol all -SSLv3 TLSv1.2 enables only TLSv1.2',
            'Write SSLProxyProtocol all -SSLv3 +TLSv1.2',
          ],
        },
      ],
    },
  ],
});
