/**
 * cert/expired's error for an nginx server whose client CA file holds only expired CA certificates
 * (expiredOnlyAnchors), against the real nginx (Debian's nginx-light, installed by .ci/run) and curl: each tree is
 * both linted and served, and a client presenting a valid certificate issued by the CA asks for a page. OpenSSL checks
 * the anchor's dates, so nginx answers 400 exactly where the rule says error. Skipped (with a note) without nginx.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { servedRows } from '../helpers/loopback';
import { ca, daysFromNow, leaf, type Issued } from '../helpers/pki';
import { installed } from './stacks';

const ready = installed('nginx', ['-v']) && installed('curl', ['--version']);
if (!ready) console.warn('expired anchor test skipped: nginx (apt-get install nginx-light) and curl are needed');
const run = ready ? it : it.skip;

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
      // The two CAs and a client certificate each issues (valid until 2040), made with node:crypto.
      const issued = (authority: Issued) => leaf('client', authority, { notAfter: new Date('2040-01-01') });
      const expiredCa = ca('Expired CA', undefined, {
        notBefore: new Date('2020-01-01'),
        notAfter: new Date('2021-01-01'),
      });
      const currentCa = ca('Current CA', undefined, { notAfter: daysFromNow(5000) });
      const authorities = { expired: expiredCa, current: currentCa };
      const clients = { expired: issued(expiredCa), current: issued(currentCa) };
      const server = leaf('localhost');
      // The case being served, for the client request (servedRows serves the cases one after another).
      let serving: { c: Case; root: string } | undefined;
      const { rows } = await servedRows(CASES, {
        prefix: 'lint-deploy-anchor-',
        setup: (root) => {
          for (const [name, cert] of Object.entries(clients)) {
            fs.writeFileSync(path.join(root, `${name}-client.pem`), cert.pem);
            fs.writeFileSync(path.join(root, `${name}-client.key`), cert.keyPem);
          }
        },
        prepare: (c, caseDir, port, root) => {
          serving = { c, root };
          fs.writeFileSync(path.join(caseDir, 'server.crt'), server.pem);
          fs.writeFileSync(path.join(caseDir, 'server.key'), server.keyPem);
          fs.writeFileSync(path.join(caseDir, 'clients-ca.pem'), c.anchors.map((a) => authorities[a].pem).join(''));
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
          return { command: 'nginx', args: ['-c', path.join(caseDir, 'nginx.conf'), '-p', caseDir] };
        },
        real: (port) => {
          const client = path.join(serving!.root, `${serving!.c.client}-client`);
          const status = spawnSync(
            'curl',
            [
              '-sk',
              '-o',
              '/dev/null',
              '-w',
              '%{http_code}',
              '--cert',
              `${client}.pem`,
              '--key',
              `${client}.key`,
              `https://127.0.0.1:${port}/`,
            ],
            { encoding: 'utf8', timeout: 20_000 },
          ).stdout;
          return status === '400' ? ['refused'] : ['served', status];
        },
        predicted: (caseDir) => {
          const findings = lint({ paths: [caseDir], cwd: caseDir, config: defaultConfig(caseDir) }).findings.filter(
            (f) => f.ruleId === 'cert/expired' && f.severity === 'error',
          );
          return findings.length > 0 ? ['refused', `(${findings.map((f) => f.messageId).join(' ')})`] : ['served'];
        },
      });
      expect(rows).toEqual([
        'only an expired CA, verify on: real refused / predicted refused (expiredOnlyAnchors)',
        'only an expired CA, verify optional: real refused / predicted refused (expiredOnlyAnchors)',
        'a current CA: real served 200 / predicted served',
        'an expired CA beside a current one: real served 200 / predicted served',
        'only an expired CA, verify off: real served 200 / predicted served',
      ]);
    },
    120_000,
  );
});
