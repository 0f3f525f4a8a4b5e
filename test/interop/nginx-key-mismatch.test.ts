/**
 * nginx/certificate-key-mismatch against the real nginx (Debian's nginx-light, installed by .ci/run): `nginx -t`
 * refuses the configuration exactly when the rule reports, with the `key values mismatch` the finding quotes.
 * Skipped (with a note) without nginx.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { leaf } from '../helpers/pki';
import { installed } from './stacks';

const ready = installed('nginx', ['-v']);
if (!ready) console.warn('nginx key mismatch test skipped: nginx is needed');
const run = ready ? it.each : it.skip.each;

const site = leaf('www.example.com');
const other = leaf('other.example.com');
const cases: [string, { crt: string; key: string; refused: boolean }][] = [
  ['a key file with only the certificate in it', { crt: site.pem, key: site.pem, refused: true }],
  ['the certificate and its key', { crt: site.pem, key: site.keyPem, refused: false }],
  ["the certificate and another certificate's key", { crt: site.pem, key: other.keyPem, refused: true }],
  ['a chain (leaf first) and the leaf key', { crt: site.pem + other.pem, key: site.keyPem, refused: false }],
  [
    "a chain (leaf first) and the second certificate's key",
    { crt: site.pem + other.pem, key: other.keyPem, refused: true },
  ],
];

describe('nginx ssl_certificate_key of another certificate: nginx -t against nginx/certificate-key-mismatch', () => {
  run(cases)('%s', (_name, c) => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-nginxkey-'));
    try {
      fs.mkdirSync(path.join(tree, 'ssl'));
      fs.writeFileSync(path.join(tree, 'ssl', 'site.crt'), c.crt);
      fs.writeFileSync(path.join(tree, 'ssl', 'site.key'), c.key);
      const conf = path.join(tree, 'nginx.conf');
      fs.writeFileSync(
        conf,
        [
          'events {}',
          `pid ${tree}/nginx.pid;`,
          `error_log ${tree}/error.log;`,
          'http {',
          '  access_log off;',
          '  server {',
          '    listen 18444 ssl;',
          `    ssl_certificate ${tree}/ssl/site.crt;`,
          `    ssl_certificate_key ${tree}/ssl/site.key;`,
          '  }',
          '}',
          '',
        ].join('\n'),
      );
      const check = spawnSync('nginx', ['-t', '-c', conf], { encoding: 'utf8', timeout: 10_000 });
      const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
      const reported = result.findings.filter((f) => f.ruleId === 'nginx/certificate-key-mismatch');
      expect({ refused: check.status !== 0, reported: reported.length > 0 }).toEqual({
        refused: c.refused,
        reported: c.refused,
      });
      if (c.refused) {
        // The alert nginx prints is the one the finding quotes.
        const alert = /key values mismatch|PEM_read_bio_PrivateKey\(\) failed/;
        expect(check.stderr).toMatch(/site\.key/);
        expect(check.stderr.match(alert)?.[0]).toBe(reported[0]!.message.match(alert)?.[0]);
      }
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
