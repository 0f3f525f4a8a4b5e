/**
 * cert/expired's error for an nginx server whose client CA file holds only expired CA certificates
 * (expiredOnlyAnchors), against the real nginx (Debian's nginx-light, installed by .ci/run) and OpenSSL: each tree is
 * both linted and served, and a client presenting a valid certificate issued by the CA asks for a page. OpenSSL checks
 * the anchor's dates, so nginx answers 400 exactly where the rule says error. Skipped (with a note) without nginx.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { freePort, startNginx } from '../helpers/nginx-process';
import { installed } from './stacks';

const ready = installed('nginx', ['-v']) && installed('openssl', ['version']) && installed('curl', ['--version']);
if (!ready)
  console.warn('expired anchor test skipped: nginx (apt-get install nginx-light), openssl and curl are needed');
const run = ready ? it : it.skip;

const openssl = (cwd: string, ...args: string[]) => {
  const out = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${out.stderr}`);
};

/** A CA valid from `start` to `end` (`openssl ca` dates, YYYYMMDDHHMMSSZ) in `dir`/<name>.pem, and a client it issues. */
function caWithClient(dir: string, name: string, start: string, end: string): void {
  const db = path.join(dir, `${name}-db`);
  fs.mkdirSync(db);
  fs.writeFileSync(path.join(db, 'index.txt'), '');
  fs.writeFileSync(path.join(db, 'serial'), '01\n');
  fs.writeFileSync(
    path.join(dir, `${name}.cnf`),
    `[ca]\ndefault_ca=CA\n[CA]\ndatabase=${db}/index.txt\nserial=${db}/serial\nnew_certs_dir=${db}\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n[v3ca]\nbasicConstraints=critical,CA:true\nkeyUsage=keyCertSign,cRLSign\n[leaf]\nbasicConstraints=CA:false\nextendedKeyUsage=clientAuth\n`,
  );
  const ca = ['ca', '-batch', '-notext', '-config', `${name}.cnf`];
  openssl(
    dir,
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-subj',
    `/CN=${name}`,
    '-out',
    `${name}.csr`,
  );
  openssl(
    dir,
    ...ca,
    '-selfsign',
    '-keyfile',
    `${name}.key`,
    '-in',
    `${name}.csr`,
    '-startdate',
    start,
    '-enddate',
    end,
    '-extensions',
    'v3ca',
    '-out',
    `${name}.pem`,
  );
  openssl(
    dir,
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}-client.key`,
    '-subj',
    '/CN=client',
    '-out',
    `${name}-client.csr`,
  );
  openssl(
    dir,
    ...ca,
    '-cert',
    `${name}.pem`,
    '-keyfile',
    `${name}.key`,
    '-in',
    `${name}-client.csr`,
    '-startdate',
    '20200601000000Z',
    '-enddate',
    '20400101000000Z',
    '-extensions',
    'leaf',
    '-out',
    `${name}-client.pem`,
  );
}

interface Case {
  name: string;
  /** The CAs (of those made below) concatenated into the file ssl_client_certificate names. */
  anchors: ('expired' | 'current')[];
  /** Which CA issued the client's certificate. */
  client: 'expired' | 'current';
  verify: string;
}

const CASES: Case[] = [
  { name: 'only an expired CA, verify on', anchors: ['expired'], client: 'expired', verify: 'on' },
  { name: 'only an expired CA, verify optional', anchors: ['expired'], client: 'expired', verify: 'optional' },
  { name: 'a current CA', anchors: ['current'], client: 'current', verify: 'on' },
  { name: 'an expired CA beside a current one', anchors: ['expired', 'current'], client: 'current', verify: 'on' },
  { name: 'only an expired CA, verify off', anchors: ['expired'], client: 'expired', verify: 'off' },
];

describe('an expired client CA file, as cert/expired judges it, against the real nginx', () => {
  run(
    'nginx answers 400 exactly where the rule says error',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-anchor-'));
      const rows: string[] = [];
      try {
        caWithClient(dir, 'expired', '20200101000000Z', '20210101000000Z');
        caWithClient(dir, 'current', '20200101000000Z', '20400101000000Z');
        openssl(
          dir,
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=localhost',
          '-keyout',
          'server.key',
          '-out',
          'server.crt',
        );
        for (const c of CASES) {
          const caseDir = fs.mkdtempSync(path.join(dir, 'case-'));
          for (const f of ['server.crt', 'server.key']) fs.copyFileSync(path.join(dir, f), path.join(caseDir, f));
          fs.writeFileSync(
            path.join(caseDir, 'clients-ca.pem'),
            c.anchors.map((a) => fs.readFileSync(path.join(dir, `${a}.pem`), 'utf8')).join(''),
          );
          const port = await freePort();
          fs.writeFileSync(
            path.join(caseDir, 'nginx.conf'),
            [
              `daemon off; pid ${caseDir}/nginx.pid; error_log ${caseDir}/error.log;`,
              'events {}',
              'http {',
              '  access_log off;',
              '  server {',
              `    listen 127.0.0.1:${port} ssl;`,
              '    server_name localhost;',
              `    ssl_certificate ${caseDir}/server.crt;`,
              `    ssl_certificate_key ${caseDir}/server.key;`,
              `    ssl_client_certificate ${caseDir}/clients-ca.pem;`,
              `    ssl_verify_client ${c.verify};`,
              '    location / { return 200 "ok\\n"; }',
              '  }',
              '}',
              '',
            ].join('\n'),
          );
          const findings = lint({ paths: [caseDir], cwd: caseDir, config: defaultConfig(caseDir) }).findings.filter(
            (f) => f.ruleId === 'cert/expired' && f.severity === 'error',
          );
          let nginx: ChildProcess | undefined;
          try {
            const started = await startNginx(caseDir, port);
            nginx = started.nginx;
            const up = started.up;
            expect(up).toBe(true);
            const status = spawnSync(
              'curl',
              [
                '-sk',
                '-o',
                '/dev/null',
                '-w',
                '%{http_code}',
                '--cert',
                path.join(dir, `${c.client}-client.pem`),
                '--key',
                path.join(dir, `${c.client}-client.key`),
                `https://127.0.0.1:${port}/`,
              ],
              { encoding: 'utf8', timeout: 20_000 },
            ).stdout;
            rows.push(
              `${c.name}: real ${status === '400' ? 'refused' : `served ${status}`} / lint ${findings.length > 0 ? `refused (${findings.map((f) => f.messageId).join(' ')})` : 'served'}`,
            );
          } finally {
            nginx?.kill('SIGTERM');
          }
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(rows).toEqual([
        'only an expired CA, verify on: real refused / lint refused (expiredOnlyAnchors)',
        'only an expired CA, verify optional: real refused / lint refused (expiredOnlyAnchors)',
        'a current CA: real served 200 / lint served',
        'an expired CA beside a current one: real served 200 / lint served',
        'only an expired CA, verify off: real served 200 / lint served',
      ]);
    },
    120_000,
  );
});
