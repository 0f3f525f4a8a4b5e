import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

const CERT = fs.readFileSync(path.join(__dirname, '../fixtures/certs/api-san.crt'), 'utf8');

/** A gateway proxying to an nginx server over TLS 1.0 with ECDHE: the link's outcome and the failing side. */
function outcome(files: Tree): string {
  const root = writeTree({ 'api/api-san.crt': CERT, ...files });
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const [lp, ...more] = result.deployments[0].derived.predictions;
    if (!lp || more.length > 0) return `${result.deployments[0].derived.predictions.length} links`;
    const o = lp.outcome;
    return o.kind === 'fails'
      ? `fails ${o.reason} by the ${o.side}: ${o.messages[o.side]}`
      : o.kind === 'unknown'
        ? `unknown: ${o.missing.join('; ')}`
        : `negotiates ${o.protocol}`;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const gateway = (ciphers: string) =>
  `http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_protocols TLSv1;\n      proxy_ssl_ciphers ${ciphers};\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n`;
const upstream = (ciphers: string) =>
  `http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api-san.crt;\n    ssl_certificate_key api.key;\n    ssl_protocols TLSv1;\n    ssl_ciphers ${ciphers};\n  }\n}\n`;

// Measured with openssl 3.0.19 (s_client and s_server -tls1, DEFAULT vs @SECLEVEL=0): an OpenSSL 3 client above level
// 0 refuses the signed ECDHE key exchange, a server above level 0 signs nothing; OpenSSL 1.1.1 does both.
describe('OpenSSL security level and TLS 1.0/1.1, client (nginx proxy) and server (nginx) ends', () => {
  it.each<[string, Tree, RegExp]>([
    [
      'proxy on OpenSSL 3 (nginx:1.25, Debian bookworm) refuses the signed TLS 1.0 key exchange',
      {
        'gw/nginx.conf': gateway('ECDHE-RSA-AES128-SHA'),
        'gw/Dockerfile': 'FROM nginx:1.25\n',
        'api/nginx.conf': upstream('ECDHE-RSA-AES128-SHA:@SECLEVEL=0'),
      },
      /^fails no-signature-algorithm by the client: legacy sigalg disallowed or unsupported$/,
    ],
    [
      'proxy on OpenSSL 1.1.1 (nginx:1.20, Debian bullseye) negotiates TLS 1.0',
      {
        'gw/nginx.conf': gateway('ECDHE-RSA-AES128-SHA'),
        'gw/Dockerfile': 'FROM nginx:1.20\n',
        'api/nginx.conf': upstream('ECDHE-RSA-AES128-SHA:@SECLEVEL=0'),
      },
      /^negotiates TLSv1$/,
    ],
    [
      'proxy on an OpenSSL the tree does not name: unknown, naming the release and @SECLEVEL=0',
      {
        'gw/nginx.conf': gateway('ECDHE-RSA-AES128-SHA'),
        'api/nginx.conf': upstream('ECDHE-RSA-AES128-SHA:@SECLEVEL=0'),
      },
      /^unknown: the OpenSSL release nginx runs .*accepts no signed TLS 1\.0\/1\.1 key exchange.*proxy_ssl_ciphers with @SECLEVEL=0/,
    ],
    [
      'proxy at @SECLEVEL=0 on an unnamed OpenSSL: settled, it negotiates',
      {
        'gw/nginx.conf': gateway('ECDHE-RSA-AES128-SHA:@SECLEVEL=0'),
        'api/nginx.conf': upstream('ECDHE-RSA-AES128-SHA:@SECLEVEL=0'),
      },
      /^negotiates TLSv1$/,
    ],
    [
      'proxy on OpenSSL 3 with static RSA key exchange: nothing is signed, TLS 1.0 negotiates',
      {
        'gw/nginx.conf': gateway('AES128-SHA'),
        'gw/Dockerfile': 'FROM nginx:1.25\n',
        'api/nginx.conf': upstream('AES128-SHA:@SECLEVEL=0'),
      },
      /^negotiates TLSv1$/,
    ],
    [
      'server on OpenSSL 3 (nginx:1.25) signs no TLS 1.0 handshake',
      {
        'gw/nginx.conf': gateway('AES128-SHA:@SECLEVEL=0'),
        'api/nginx.conf': upstream('AES128-SHA'),
        'api/Dockerfile': 'FROM nginx:1.25\n',
      },
      /^fails no-signature-algorithm by the server: no suitable signature algorithm$/,
    ],
    [
      'server on OpenSSL 1.1.1 (nginx:1.20) negotiates TLS 1.0',
      {
        'gw/nginx.conf': gateway('AES128-SHA:@SECLEVEL=0'),
        'api/nginx.conf': upstream('AES128-SHA'),
        'api/Dockerfile': 'FROM nginx:1.20\n',
      },
      /^negotiates TLSv1$/,
    ],
    [
      'server on an OpenSSL the tree does not name: unknown (it was a guessed failure), naming ssl_ciphers',
      {
        'gw/nginx.conf': gateway('AES128-SHA:@SECLEVEL=0'),
        'api/nginx.conf': upstream('AES128-SHA'),
      },
      /^unknown: the OpenSSL release nginx runs .*signs no TLS 1\.0\/1\.1 handshake.*ssl_ciphers with @SECLEVEL=0/,
    ],
  ])('%s', (_name, files, expected) => {
    expect(outcome(files)).toMatch(expected);
  });
});
