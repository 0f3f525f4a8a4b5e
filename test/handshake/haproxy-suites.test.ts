/**
 * The TLS 1.3 suites and protocols an HAProxy bind completes handshakes with, as the pipeline predicts them from
 * `ciphersuites`, `ssl-default-bind-ciphersuites`, `ssl-min-ver` and `ssl-max-ver`, against the real HAProxy (Debian's
 * haproxy, installed by .ci/run) and OpenSSL on this machine: each bind is both linted and served, and `openssl
 * s_client` tries each TLS 1.3 suite alone, then TLSv1.2. Skipped (with a note) without haproxy or openssl.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { endpointFor } from '../../src/handshake/endpoint';
import { predictHandshake } from '../../src/handshake/predict';
import { installed } from '../interop/stacks';
import { servedRows } from '../helpers/loopback';
import { leaf } from '../helpers/pki';

const ready = installed('haproxy', ['-v']) && installed('openssl', ['version']);
if (!ready) console.warn('HAProxy suites test skipped: haproxy (apt-get install haproxy) and openssl are needed');
const run = ready ? it : it.skip;

/** What a client tries: one TLS 1.3 suite, or TLSv1.2 with every suite. */
const TRIES = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLSv1.2',
];

interface Case {
  name: string;
  global: string[];
  /** Words after `ssl crt <file>` on the bind line. */
  bind: string;
}

const CASES: Case[] = [
  { name: 'nothing set, the OpenSSL default suites', global: [], bind: '' },
  {
    name: 'global ssl-default-bind-ciphersuites',
    global: ['ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256'],
    bind: '',
  },
  {
    name: 'the bind ciphersuites win over the global ones',
    global: ['ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256'],
    bind: 'ciphersuites TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384',
  },
  { name: 'a suite outside the default', global: [], bind: 'ciphersuites TLS_AES_128_CCM_SHA256' },
  {
    name: 'ssl-min-ver TLSv1.3 from the global options',
    global: ['ssl-default-bind-options ssl-min-ver TLSv1.3'],
    bind: 'ciphersuites TLS_AES_256_GCM_SHA384',
  },
  {
    name: 'ssl-max-ver TLSv1.2, no TLS 1.3 suite',
    global: [],
    bind: 'ssl-max-ver TLSv1.2 ciphersuites TLS_AES_128_GCM_SHA256',
  },
];

function haproxyCfg(c: Case, dir: string, port: number): string {
  return [
    'global',
    ...c.global.map((l) => `  ${l}`),
    'defaults',
    '  mode tcp',
    '  timeout connect 5s',
    '  timeout client 5s',
    '  timeout server 5s',
    'frontend tls',
    `  bind 127.0.0.1:${port} ssl crt ${dir}/site.pem ${c.bind}`,
    '  default_backend app',
    'backend app',
    '  server app1 127.0.0.1:9',
    '',
  ].join('\n');
}

/** What the running HAProxy completes a handshake with (`-brief` prints the suite once it is done). */
function accepted(port: number): string[] {
  return TRIES.filter((t) => {
    const args = t === 'TLSv1.2' ? ['-tls1_2'] : ['-tls1_3', '-ciphersuites', t];
    const out = spawnSync('openssl', ['s_client', '-brief', '-connect', `127.0.0.1:${port}`, ...args], {
      input: '',
      encoding: 'utf8',
      timeout: 20_000,
    });
    return /^Ciphersuite: /m.test(out.stderr);
  });
}

/** What the pipeline predicts the tree's bind completes a handshake with, for the same clients. */
function predicted(dir: string): string[] {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const deployment = result.deployments.find((d) => d.components.some((c) => c.type === 'haproxy.bind'));
  const bind = deployment?.components.find((c) => c.type === 'haproxy.bind');
  const endpoint = bind && endpointFor(bind, 'server', deployment);
  if (!endpoint) return ['(no bind)'];
  const tls12 = endpoint.side.cipherSuites.filter((s) => !s.startsWith('TLS_AES_') && !s.startsWith('TLS_CHACHA20_'));
  return TRIES.filter(
    (t) =>
      predictHandshake(
        t === 'TLSv1.2'
          ? { implementation: 'openssl', protocols: ['TLSv1.2'], cipherSuites: tls12 }
          : { implementation: 'openssl', protocols: ['TLSv1.3'], cipherSuites: [t] },
        endpoint.side,
      ).ok,
  );
}

describe('HAProxy TLS 1.3 suites and versions as the model reads them, against the real HAProxy', () => {
  run(
    'the handshakes of every case agree',
    async () => {
      const { rows, disagreements } = await servedRows(CASES, {
        prefix: 'lint-deploy-haproxy-suites-',
        setup: (root) => {
          const site = leaf('app.example.internal');
          fs.writeFileSync(path.join(root, 'site.pem'), site.pem + site.keyPem);
        },
        prepare: (c, caseDir, port, root) => {
          fs.writeFileSync(path.join(caseDir, 'haproxy.cfg'), haproxyCfg(c, root, port));
          return { command: 'haproxy', args: ['-db', '-f', path.join(caseDir, 'haproxy.cfg')] };
        },
        real: accepted,
        predicted,
      });
      expect({ rows, disagreements }).toEqual({ rows, disagreements: [] });
    },
    120_000,
  );
});
