/**
 * The name check nginx makes with proxy_ssl_verify on (X509_check_host, no flags), against OpenSSL itself: for
 * certificates of each shape, `openssl s_client -verify_hostname <name> -verify_return_error` to an `s_server`
 * presenting it must agree with the rule's matcher. Skipped without openssl.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeCertificate } from '../../../src/parse/certificate';
import { opensslHostMatches } from '../../../src/rules/nginx/proxy-ssl-name-mismatch';
import { installed } from '../../interop/stacks';

const SHAPES: { id: string; subject: string; san?: string }[] = [
  { id: 'san', subject: '/CN=api.example.internal', san: 'DNS:api.example.internal,DNS:api' },
  { id: 'cn-only', subject: '/CN=api.example.internal' },
  { id: 'san-not-cn', subject: '/CN=api.example.internal', san: 'DNS:www.example.internal' },
  { id: 'wildcard', subject: '/CN=*.example.internal', san: 'DNS:*.example.internal' },
  { id: 'ip-san-only', subject: '/CN=backend', san: 'IP:10.0.0.5' },
];
const NAMES = [
  'api.example.internal',
  'api',
  'API.Example.Internal',
  'www.example.internal',
  'backend',
  '10.0.0.5',
  'a.b.example.internal',
  'example.internal',
];
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const describeIfOpenssl = installed('openssl', ['version']) ? describe : describe.skip;

describeIfOpenssl('nginx proxy_ssl_name check vs openssl s_client -verify_hostname (X509_check_host)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-sslname-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** s_server presenting the certificate until killed; resolves with its port. */
  function serve(crt: string, key: string): Promise<{ port: number; child: ChildProcess }> {
    return new Promise((resolve, reject) => {
      const child = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', '-cert', crt, '-key', key, '-www'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => reject(new Error('s_server did not start')), 10_000);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ port: Number(m[1]), child });
        }
      });
    });
  }

  it('agrees on every certificate shape and name', async () => {
    const disagreements: string[] = [];
    let matches = 0;
    for (const shape of SHAPES) {
      const crt = path.join(dir, `${shape.id}.crt`);
      const key = path.join(dir, `${shape.id}.key`);
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          key,
          '-out',
          crt,
          '-days',
          '2',
          '-subj',
          shape.subject,
          ...(shape.san ? ['-addext', `subjectAltName=${shape.san}`] : []),
        ],
        { stdio: 'ignore', timeout: 20_000 },
      );
      const cert = describeCertificate(new X509Certificate(fs.readFileSync(crt)), range);
      const { port, child } = await serve(crt, key);
      try {
        for (const name of NAMES) {
          const run = spawnSync(
            'openssl',
            [
              's_client',
              '-connect',
              `127.0.0.1:${port}`,
              '-CAfile',
              crt,
              '-verify_hostname',
              name,
              '-verify_return_error',
              '-brief',
            ],
            { input: '', encoding: 'utf8', timeout: 10_000 },
          );
          const text = `${run.stdout}${run.stderr}`;
          const real = /Verification: OK/.test(text);
          if (!real && !/hostname mismatch/i.test(text))
            disagreements.push(`${shape.id} ${name}: unexpected failure ${text}`);
          if (real) matches++;
          if (real !== opensslHostMatches(cert, name))
            disagreements.push(`${shape.id} ${name}: openssl ${real ? 'matches' : 'does not match'}`);
        }
      } finally {
        if (child.pid) process.kill(child.pid, 'SIGKILL');
      }
    }
    expect(disagreements).toEqual([]);
    // Both answers occur (the table is not all one way).
    expect(matches).toBeGreaterThan(3);
    expect(matches).toBeLessThan(SHAPES.length * NAMES.length - 3);
  }, 120_000);
});
