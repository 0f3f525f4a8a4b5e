/**
 * The protocols an nginx server completes handshakes with, as the pipeline predicts them from its ssl_protocols
 * directives, against the real nginx (Debian's nginx-light, installed by .ci/run) and OpenSSL on this machine: each tree
 * is both linted and served, and `openssl s_client` tries every protocol from TLSv1 to TLSv1.3. Cipher strings at
 * @SECLEVEL=0 on both sides, so that only the protocol settings decide. Skipped (with a note) without nginx.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { endpointFor } from '../../src/handshake/endpoint';
import { predictHandshake } from '../../src/handshake/predict';
import { installed } from '../interop/stacks';
import { acceptedProtocols, S_CLIENT, servedRows, type Protocol } from '../helpers/loopback';

const ready = installed('nginx', ['-v']) && installed('openssl', ['version']);
if (!ready) console.warn('nginx protocol test skipped: nginx (apt-get install nginx-light) and openssl are needed');
const run = ready ? it : it.skip;

interface Case {
  name: string;
  /** Directives of the http level and of the server block. */
  http: string[];
  server: string[];
  /** Files beside nginx.conf (included ones). */
  files?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'one ssl_protocols', http: [], server: ['ssl_protocols TLSv1.2;'] },
  { name: 'two in the server block add up', http: [], server: ['ssl_protocols TLSv1.1;', 'ssl_protocols TLSv1.3;'] },
  {
    name: 'the server block replaces the http level',
    http: ['ssl_protocols TLSv1 TLSv1.1;'],
    server: ['ssl_protocols TLSv1.2;'],
  },
  { name: 'two at the http level add up', http: ['ssl_protocols TLSv1;', 'ssl_protocols TLSv1.2;'], server: [] },
  {
    name: 'an included file adds to the block that includes it',
    http: [],
    server: ['include tls-extra.conf;', 'ssl_protocols TLSv1.3;'],
    files: { 'tls-extra.conf': 'ssl_protocols TLSv1.1;\n' },
  },
];

/** The nginx.conf of a case, for nginx (absolute paths, its pid and log in `dir`) and for the linter alike. */
function nginxConf(c: Case, dir: string, port: number): string {
  return [
    `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;`,
    'events {}',
    'http {',
    '  access_log off;',
    ...c.http.map((d) => `  ${d}`),
    '  server {',
    `    listen 127.0.0.1:${port} ssl;`,
    '    server_name api.example.internal;',
    `    ssl_certificate ${dir}/server.crt;`,
    `    ssl_certificate_key ${dir}/server.key;`,
    '    ssl_ciphers ALL:@SECLEVEL=0;',
    ...c.server.map((d) => `    ${d}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * The protocols the pipeline predicts the tree's nginx server completes a handshake with: its endpoint as the derive
 * stage builds it, against an OpenSSL client of one protocol offering every suite the server has.
 */
function predicted(dir: string): string[] {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const deployment = result.deployments.find((d) => d.components.some((c) => c.type === 'nginx.server'));
  const server = deployment?.components.find((c) => c.type === 'nginx.server');
  const endpoint = server && endpointFor(server, 'server', deployment);
  if (!endpoint) return ['(no server)'];
  return (Object.keys(S_CLIENT) as Protocol[]).filter(
    (protocol) =>
      predictHandshake(
        { implementation: 'openssl', protocols: [protocol], cipherSuites: endpoint.side.cipherSuites },
        endpoint.side,
      ).ok,
  );
}

describe('nginx ssl_protocols as the model reads them, against the real nginx', () => {
  run(
    'the protocols of every case agree',
    async () => {
      const { rows, disagreements } = await servedRows(CASES, {
        prefix: 'lint-deploy-nginx-',
        setup: (root) => {
          const key = spawnSync('openssl', [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '2',
            '-subj',
            '/CN=api.example.internal',
            '-keyout',
            path.join(root, 'server.key'),
            '-out',
            path.join(root, 'server.crt'),
          ]);
          expect(key.status).toBe(0);
        },
        prepare: (c, caseDir, port, root) => {
          fs.copyFileSync(path.join(root, 'server.crt'), path.join(caseDir, 'server.crt'));
          fs.copyFileSync(path.join(root, 'server.key'), path.join(caseDir, 'server.key'));
          for (const [name, text] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(caseDir, name), text);
          fs.writeFileSync(path.join(caseDir, 'nginx.conf'), nginxConf(c, caseDir, port));
          return { command: 'nginx', args: ['-c', path.join(caseDir, 'nginx.conf'), '-p', caseDir] };
        },
        real: acceptedProtocols,
        predicted,
      });
      // Each row must read the same on both sides of the slash.
      expect({ rows, disagreements }).toEqual({ rows, disagreements: [] });
    },
    120_000,
  );
});
