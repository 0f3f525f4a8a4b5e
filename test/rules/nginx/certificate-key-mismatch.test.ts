import rule from '../../../src/rules/nginx/certificate-key-mismatch';
import { ca, daysFromNow, leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';

const root = ca('Example Root CA', undefined, { notAfter: daysFromNow(3650) });
const site = leaf('www.example.com', root, { notAfter: daysFromNow(365) });
const other = leaf('other.example.com', root, { notAfter: daysFromNow(365) });
const conf = (...lines: string[]) =>
  ['events {}', 'http {', '  server {', '    listen 443 ssl;', ...lines.map((l) => `    ${l}`), '  }', '}'].join('\n') +
  '\n';
const pair = ['ssl_certificate /etc/nginx/ssl/site.crt;', 'ssl_certificate_key /etc/nginx/ssl/site.key;'];

ruleTester(rule, {
  valid: [
    {
      name: 'the key of the certificate',
      files: {
        'web/nginx.conf': conf(...pair),
        'web/ssl/site.crt': site.pem + root.pem,
        'web/ssl/site.key': site.keyPem,
      },
    },
    {
      name: 'the key and the certificate in one file, named twice',
      files: {
        'web/nginx.conf': conf(
          'ssl_certificate /etc/nginx/ssl/site.pem;',
          'ssl_certificate_key /etc/nginx/ssl/site.pem;',
        ),
        'web/ssl/site.pem': site.pem + site.keyPem,
      },
    },
    {
      name: 'a key not beside the certificate in the tree (another file of that name elsewhere) decides nothing',
      files: {
        'web/nginx.conf': conf(...pair),
        'web/ssl/site.crt': site.pem,
        'other-env/ssl/site.key': other.keyPem,
      },
    },
    {
      name: 'a key path with variables is loaded per handshake; data: keys are not files',
      files: {
        'web/nginx.conf': conf(
          'ssl_certificate /etc/nginx/ssl/site.crt;',
          'ssl_certificate_key /etc/nginx/ssl/$ssl_server_name.key;',
        ),
        'web/ssl/site.crt': site.pem,
        'web/ssl/$ssl_server_name.key': other.keyPem,
      },
    },
  ],
  invalid: [
    {
      name: 'ssl_certificate_key names the certificate file, which holds no key',
      files: {
        'web/nginx.conf': conf(
          'ssl_certificate /etc/nginx/ssl/site.crt;',
          'ssl_certificate_key /etc/nginx/ssl/site.crt;',
        ),
        'web/ssl/site.crt': site.pem + root.pem,
      },
      errors: [
        {
          messageId: 'noKeyInFile',
          file: 'web/nginx.conf',
          line: 6,
          messageIncludes: [
            'site.crt, the ssl_certificate_key of site.crt',
            'only certificates',
            'PEM_read_bio_PrivateKey() failed',
          ],
          related: [
            { file: 'web/ssl/site.crt', line: 1 },
            { file: 'web/nginx.conf', line: 5 },
          ],
        },
      ],
    },
    {
      name: "another certificate's key",
      files: {
        'web/nginx.conf': conf(...pair),
        'web/ssl/site.crt': site.pem + root.pem,
        'web/ssl/site.key': other.keyPem,
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'web/nginx.conf',
          line: 6,
          messageIncludes: ['site.key is not the private key of site.crt', 'CN=www.example.com', 'key values mismatch'],
          related: [
            { file: 'web/ssl/site.key', line: 1 },
            { file: 'web/ssl/site.crt', line: 1 },
            { file: 'web/nginx.conf', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'two certificates: each ssl_certificate_key is paired with the ssl_certificate in its place',
      files: {
        'web/nginx.conf': conf(
          'ssl_certificate /etc/nginx/ssl/site.crt;',
          'ssl_certificate_key /etc/nginx/ssl/site.key;',
          'ssl_certificate /etc/nginx/ssl/other.crt;',
          'ssl_certificate_key /etc/nginx/ssl/site.key;',
        ),
        'web/ssl/site.crt': site.pem,
        'web/ssl/site.key': site.keyPem,
        'web/ssl/other.crt': other.pem,
      },
      errors: [{ messageId: 'mismatch', file: 'web/nginx.conf', line: 8 }],
    },
    {
      name: 'in a sites-available site nothing enables: an info, it stops nginx only once enabled',
      files: {
        ...availableSite('web', `server {\n  listen 443 ssl;\n  ${pair.join('\n  ')}\n}\n`),
        'web/ssl/site.crt': site.pem,
        'web/ssl/site.key': other.keyPem,
      },
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'web/sites-available/site',
          line: 4,
          messageIncludes: [
            'site.key, the ssl_certificate_key of site.crt',
            'is not the private key of CN=www.example.com',
            'lies in sites-available',
          ],
          related: [
            { file: 'web/ssl/site.key', line: 1 },
            { file: 'web/ssl/site.crt', line: 1 },
            { file: 'web/sites-available/site', line: 3 },
            { file: 'web/nginx.conf', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'in a sites-available site an entrypoint links into sites-enabled: an error that names the link',
      files: {
        ...availableSite('web', `server {\n  listen 443 ssl;\n  ${pair.join('\n  ')}\n}\n`),
        'web/ssl/site.crt': site.pem,
        'web/ssl/site.key': other.keyPem,
        'web/entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'web/sites-available/site',
          line: 4,
          related: [
            { file: 'web/ssl/site.key', line: 1 },
            { file: 'web/ssl/site.crt', line: 1 },
            { file: 'web/sites-available/site', line: 3 },
            { file: 'web/entrypoint.sh', line: 3 },
          ],
        },
      ],
    },
  ],
});
