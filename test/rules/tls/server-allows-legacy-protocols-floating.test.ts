/**
 * tls/server-allows-legacy-protocols on the official nginx and httpd images under tags that name no release
 * (knowledge/floating-images.ts): judged as built or pulled now, unless Compose builds the Dockerfile under an image
 * name an older build may hold, or the cipher string sets @SECLEVEL=0.
 */
import rule from '../../../src/rules/tls/server-allows-legacy-protocols';
import { ruleTester } from '../../helpers/rule-tester';

/** Shaped like arillo/docker-nginx-ssl-proxy: the image's Dockerfile copies a server block listing TLSv1 and TLSv1.1. */
const serverBlock = (ciphers = 'HIGH:!aNULL:!MD5') =>
  `server {\n  listen 443 ssl;\n  ssl_certificate /etc/secrets/proxycert;\n  ssl_certificate_key /etc/secrets/proxykey;\n  ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n  ssl_ciphers ${ciphers};\n}\n`;
const built = (from: string, ciphers?: string) => ({
  'proxy/Dockerfile': `${from}\nCOPY proxy.conf /etc/nginx/conf.d/default.conf\n`,
  'proxy/proxy.conf': serverBlock(ciphers),
});

/** Shaped like MichaelViveros/apache-mutual-tls: httpd's own httpd-ssl.conf (SSLProtocol all -SSLv3) on FROM httpd:2.4. */
const httpdSite = (from: string) => ({
  'web/Dockerfile': `${from}\nCOPY httpd.conf /usr/local/apache2/conf/\nCOPY httpd-ssl.conf /usr/local/apache2/conf/extra/\n`,
  'web/httpd.conf':
    'ServerRoot "/usr/local/apache2"\nListen 80\nLoadModule ssl_module modules/mod_ssl.so\nInclude conf/extra/httpd-ssl.conf\n',
  'web/httpd-ssl.conf':
    'Listen 443\nSSLProtocol all -SSLv3\n<VirtualHost _default_:443>\nServerName www.example.com:443\nSSLEngine on\nSSLCertificateFile "/usr/local/apache2/conf/server.crt"\nSSLCertificateKeyFile "/usr/local/apache2/conf/server.key"\n</VirtualHost>\n',
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'FROM nginx:alpine: Alpine 3.20 and 3.21 ship OpenSSL 3 too',
      files: built('FROM nginx:alpine'),
      errors: [
        {
          messageId: 'refusedByFloatingImage',
          severity: 'info',
          file: 'proxy/proxy.conf',
          line: 5,
          messageIncludes: ['the image nginx:alpine names no release'],
          related: [{ file: 'proxy/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // Measured on nginx:1.25: with @SECLEVEL=0 OpenSSL 3 signs TLS 1.0 again (ECDHE-RSA-AES256-SHA).
      name: 'FROM nginx with @SECLEVEL=0 in ssl_ciphers serves them: the warning stays',
      files: built('FROM nginx', 'HIGH:!aNULL:@SECLEVEL=0'),
      errors: [{ messageId: 'legacy', severity: 'warning', file: 'proxy/proxy.conf', line: 5 }],
    },
    {
      // Shaped like credemol/websocket-https-nginx-springboot: Compose builds FROM nginx as md3-nginx:1.0.0.
      name: 'Compose builds the FROM nginx Dockerfile under an image name an older build may hold: the warning stays',
      files: {
        ...built('FROM nginx'),
        'docker-compose.yml':
          'services:\n  proxy:\n    build: ./proxy\n    image: acme/proxy:1.0.0\n    ports:\n      - "443:443"\n',
      },
      errors: [
        {
          messageId: 'legacy',
          severity: 'warning',
          file: 'proxy/proxy.conf',
          line: 5,
          related: [{ file: 'docker-compose.yml', line: 4 }],
        },
      ],
    },
    {
      name: 'Compose image: nginx (no release) of a service that bind-mounts the server block: refused now',
      files: {
        'compose.yaml':
          'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./proxy/proxy.conf:/etc/nginx/conf.d/default.conf:ro\n',
        'proxy/proxy.conf': serverBlock(),
      },
      errors: [
        {
          messageId: 'refusedByFloatingImage',
          severity: 'info',
          file: 'proxy/proxy.conf',
          line: 5,
          related: [{ file: 'compose.yaml', line: 3 }],
        },
      ],
    },
    {
      // docker-library/httpd: 2.4.58 on, every release of the 2.4 tag is on Debian bookworm or trixie (OpenSSL 3.0, 3.5).
      name: 'FROM httpd:2.4, built or pulled now: httpd 2.4.58 or later on OpenSSL 3 refuses them (info)',
      files: httpdSite('FROM httpd:2.4'),
      errors: [
        {
          messageId: 'refusedByFloatingImage',
          severity: 'info',
          file: 'web/httpd-ssl.conf',
          line: 2,
          messageIncludes: [
            'the image httpd:2.4 names no release: built or pulled now it runs httpd 2.4.58 or later, on OpenSSL 3',
          ],
          related: [{ file: 'web/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // 2.4.57 was built on bullseye (OpenSSL 1.1.1) and bookworm: which one runs is unknown.
      name: 'FROM httpd:2.4.57 names a release built across OpenSSL series: the warning stays',
      files: httpdSite('FROM httpd:2.4.57'),
      errors: [{ messageId: 'legacy', severity: 'warning', file: 'web/httpd-ssl.conf', line: 2 }],
    },
  ],
});
