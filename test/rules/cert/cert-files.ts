import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOMCAT_TLS12 } from '../java/fixtures';

/** A certificate from test/fixtures/certs (see its README for how they were made). */
export function certFile(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../fixtures/certs', name), 'utf8');
}

export const CLIENT_YML = (url: string) => `orders:\n  api:\n    base-url: ${url}\n`;

export function nginxServer(serverName: string, certificate = '/etc/nginx/ssl/api.crt'): string {
  return [
    'http {',
    '  server {',
    '    listen 8443 ssl;',
    `    server_name ${serverName};`,
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    `    ssl_certificate ${certificate};`,
    '    ssl_certificate_key /etc/nginx/ssl/api.key;',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Tomcat server.xml with one TLS connector on 8443 whose `<Certificate>` has these attributes (line 6). */
export function tomcatServer(certificateAttrs: string): string {
  return TOMCAT_TLS12.replace(/<Certificate [^>]*\/>/, `<Certificate ${certificateAttrs} type="RSA"/>`);
}
