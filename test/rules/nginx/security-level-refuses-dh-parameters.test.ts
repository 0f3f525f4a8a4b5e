import rule from '../../../src/rules/nginx/security-level-refuses-dh-parameters';
import { ruleTester } from '../../helpers/rule-tester';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';
import { certFile } from '../cert/cert-files';

const server = (extra = '') =>
  [
    'http {',
    '  ssl_dhparam /etc/nginx/dhparam.pem;',
    '  server {',
    '    listen 443 ssl;',
    '    ssl_certificate /etc/nginx/ssl/api.crt;',
    '    ssl_certificate_key /etc/nginx/ssl/api.key;',
    extra,
    '  }',
    '  server {',
    '    listen 8443 ssl;',
    '    ssl_certificate /etc/nginx/ssl/api.crt;',
    '    ssl_certificate_key /etc/nginx/ssl/api.key;',
    '  }',
    '}',
    '',
  ].join('\n');
const from = (image: string) => `FROM ${image}\nCOPY . /etc/nginx/\n`;
const DH1024 = certFile('dh1024.pem');
/** A Debian site: a server block alone. */
const SITE =
  'server {\n  listen 443 ssl;\n  ssl_dhparam /etc/nginx/dhparam.pem;\n  ssl_certificate /etc/nginx/ssl/api.crt;\n  ssl_certificate_key /etc/nginx/ssl/api.key;\n}\n';

ruleTester(rule, {
  valid: [
    {
      name: '2048-bit parameters on Debian (level 2)',
      files: {
        'gw/nginx.conf': server(),
        'gw/dhparam.pem': certFile('dh2048.pem'),
        'gw/Dockerfile': from('nginx:1.25'),
      },
    },
    {
      name: '1024-bit parameters on Alpine 3.19 (level 1)',
      files: { 'gw/nginx.conf': server(), 'gw/dhparam.pem': DH1024, 'gw/Dockerfile': from('nginx:1.25-alpine') },
    },
    {
      name: '1024-bit parameters on Debian with @SECLEVEL=1 (nginx sets the ciphers before ssl_dhparam in every release)',
      files: {
        'gw/nginx.conf': server('    ssl_ciphers HIGH:!aNULL:@SECLEVEL=1;'),
        'gw/dhparam.pem': DH1024,
        'gw/Dockerfile': from('nginx:1.20'),
      },
    },
    { name: 'the file is not in the tree', files: { 'gw/nginx.conf': server(), 'gw/Dockerfile': from('nginx:1.25') } },
  ],
  invalid: [
    {
      name: '1024-bit parameters on nginx:1.25 (Debian, level 2): one finding for the http-level directive',
      files: { 'gw/nginx.conf': server(), 'gw/dhparam.pem': DH1024, 'gw/Dockerfile': from('nginx:1.25') },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 2,
          related: [
            { file: 'gw/dhparam.pem', line: 1 },
            { file: 'gw/Dockerfile', line: 1 },
          ],
          messageIncludes: [
            '1024-bit DH parameters; level 2 needs 2048 bits',
            'dh key too small',
            'SSL_CTX_set_tmp_dh',
          ],
        },
      ],
    },
    {
      name: 'in a sites-available site nothing enables: an info, it stops nginx only once enabled',
      files: { ...availableSite('gw', SITE), 'gw/dhparam.pem': DH1024, 'gw/Dockerfile': from('nginx:1.25') },
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'gw/sites-available/site',
          line: 3,
          messageIncludes: [
            'nginx would not start if this file were enabled',
            'dh key too small',
            'lies in sites-available',
          ],
        },
      ],
    },
    {
      name: 'in a sites-available site an entrypoint links into sites-enabled: the error',
      files: {
        ...availableSite('gw', SITE),
        'gw/dhparam.pem': DH1024,
        'gw/Dockerfile': from('nginx:1.25'),
        'gw/docker-entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [{ messageId: 'refused', file: 'gw/sites-available/site', line: 3 }],
    },
    {
      // Debian stretch's OpenSSL 1.1.0: no public source gives the level its libssl starts at.
      name: 'nginx:1.15.3 (Debian stretch): the image is named, its level is not known: info naming @SECLEVEL',
      files: { 'gw/nginx.conf': server(), 'gw/dhparam.pem': DH1024, 'gw/Dockerfile': from('nginx:1.15.3') },
      errors: [
        {
          messageId: 'levelUnknown',
          file: 'gw/nginx.conf',
          line: 2,
          severity: 'info',
          messageIncludes: ['debian:stretch', 'Set @SECLEVEL in ssl_ciphers'],
        },
      ],
    },
    {
      name: 'no image named: unknown (info)',
      files: { 'gw/nginx.conf': server(), 'gw/dhparam.pem': DH1024 },
      errors: [{ messageId: 'levelUnknown', file: 'gw/nginx.conf', line: 2, severity: 'info' }],
    },
  ],
});
