/**
 * `bind … ssl crt <directory>` against the real HAProxy (Debian's haproxy, installed by .ci/run): the certificate the
 * model takes as the bind's default (the one a client without SNI gets) is the one HAProxy serves, and the others are
 * the bind's further certificates. HAProxy loads the directory in alphabetical order and skips hidden files and
 * .key/.issuer/.ocsp/.sctl names (src/ssl_crtlist.c crtlist_load_cert_dir). Skipped (with a note) without haproxy.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { leaf } from '../helpers/pki';
import { freePort, waitListening } from '../helpers/loopback';
import { installed } from './stacks';

const ready = installed('haproxy', ['-v']) && installed('openssl', ['version']);
if (!ready) console.warn('HAProxy crt directory test skipped: haproxy and openssl are needed');
const run = ready ? it : it.skip;

/** The subject CN of the certificate the server at the port sends to a client that names no server. */
function servedCn(port: number): string | undefined {
  const out = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-noservername'], {
    input: '',
    encoding: 'utf8',
    timeout: 10_000,
  });
  return /subject=.*CN\s*=\s*([^,\n]+)/.exec(out.stdout)?.[1]?.trim();
}

const pemOf = (cn: string) => {
  const issued = leaf(cn);
  return issued.pem + issued.keyPem;
};

describe('HAProxy crt <directory>: the default certificate', () => {
  run(
    'is the first file in alphabetical order, hidden and .key files skipped, as HAProxy serves it',
    async () => {
      const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-crtdir-'));
      try {
        const certs = path.join(tree, 'certs');
        fs.mkdirSync(certs);
        // Written out of order; `.a-hidden.pem` and `0-first.pem.key` sort first but are not loaded.
        fs.writeFileSync(path.join(certs, 'site-b.pem'), pemOf('b.example'));
        fs.writeFileSync(path.join(certs, 'site-a.pem'), pemOf('a.example'));
        fs.writeFileSync(path.join(certs, '.a-hidden.pem'), pemOf('hidden.example'));
        fs.writeFileSync(path.join(certs, '0-first.pem.key'), pemOf('key.example'));
        const port = await freePort();
        const cfg = path.join(tree, 'haproxy.cfg');
        fs.writeFileSync(
          cfg,
          `defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\nfrontend f\n  bind 127.0.0.1:${port} ssl crt ${certs}/\n  http-request return status 200\n`,
        );
        const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
        const bind = result.deployments[0]!.components.find((c) => c.type === 'haproxy.bind');
        const predicted = [bind?.tls?.certificate, ...(bind?.tls?.moreCertificates ?? [])].map((c) =>
          c?.file ? path.basename(c.file) : undefined,
        );
        const server = spawn('haproxy', ['-db', '-f', cfg], { stdio: 'ignore' });
        try {
          expect(await waitListening(port)).toBe(true);
          const served = servedCn(port);
          expect({ served, predicted }).toEqual({ served: 'a.example', predicted: ['site-a.pem', 'site-b.pem'] });
        } finally {
          server.kill('SIGTERM');
        }
      } finally {
        fs.rmSync(tree, { recursive: true, force: true });
      }
    },
    30_000,
  );
});

/**
 * A certificate file without its private key (haproxy/certificate-without-key): for each tree, `haproxy -c` refuses
 * the configuration exactly when the rule reports, with the alert the rule quotes.
 */
describe('HAProxy certificates without their key: haproxy -c against haproxy/certificate-without-key', () => {
  const site = leaf('www.example.com');
  const other = leaf('other.example.com');
  const noKey = /No Private Key found in '[^']+\.key'/;
  const otherKey = /inconsistencies between private key and certificate loaded/;
  const cases: { name: string; bind: string; files: Record<string, string>; refused?: RegExp }[] = [
    {
      name: 'a crt file with its key',
      bind: 'crt certs/site.pem',
      files: { 'certs/site.pem': site.pem + site.keyPem },
    },
    {
      name: 'a crt file without a key',
      bind: 'crt certs/site.pem',
      files: { 'certs/site.pem': site.pem },
      refused: noKey,
    },
    {
      name: 'the key in <file>.key',
      bind: 'crt certs/site.pem',
      files: { 'certs/site.pem': site.pem, 'certs/site.pem.key': site.keyPem },
    },
    {
      name: 'a CA certificate left in a crt directory',
      bind: 'crt certs/',
      files: { 'certs/site.pem': site.pem + site.keyPem, 'certs/ca.crt': other.pem },
      refused: noKey,
    },
    {
      name: 'a crt directory whose certificate has its key in a .key file',
      bind: 'crt certs/',
      files: {
        'certs/site.pem': site.pem + site.keyPem,
        'certs/other.pem': other.pem,
        'certs/other.pem.key': other.keyPem,
      },
    },
    {
      name: 'site.crt beside site.key, without ssl-load-extra-del-ext',
      bind: 'crt certs/site.crt',
      files: { 'certs/site.crt': site.pem, 'certs/site.key': site.keyPem },
      refused: noKey,
    },
    {
      name: "another certificate's key in the file",
      bind: 'crt certs/site.pem',
      files: { 'certs/site.pem': site.pem + other.keyPem },
      refused: otherKey,
    },
    {
      name: "another certificate's key in <file>.key",
      bind: 'crt certs/site.pem',
      files: { 'certs/site.pem': site.pem, 'certs/site.pem.key': other.keyPem },
      refused: otherKey,
    },
  ];
  run.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-crtkey-'));
    try {
      for (const [file, text] of Object.entries(c.files)) {
        fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
        fs.writeFileSync(path.join(tree, file), text);
      }
      const cfg = path.join(tree, 'haproxy.cfg');
      // Paths as HAProxy opens them (absolute), in the tree the lint reads. `-c` binds no port.
      const bind = c.bind.replace(/(crt )/, `$1${tree}/`);
      fs.writeFileSync(
        cfg,
        `defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\nfrontend f\n  bind 127.0.0.1:18443 ssl ${bind}\n  http-request return status 200\n`,
      );
      const check = spawnSync('haproxy', ['-c', '-f', cfg], { encoding: 'utf8', timeout: 10_000 });
      const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
      // An error is a refusal; the info that a key found only in <file>.key needs HAProxy 2.2+ (the tree names no
      // release here) is not.
      const reported = result.findings.filter(
        (f) => f.ruleId === 'haproxy/certificate-without-key' && f.severity === 'error',
      );
      expect({ refused: check.status !== 0, reported: reported.length > 0 }).toEqual({
        refused: c.refused !== undefined,
        reported: c.refused !== undefined,
      });
      if (c.refused) {
        // The alert HAProxy prints is the one the finding quotes.
        expect(check.stdout + check.stderr).toMatch(c.refused);
        expect(reported[0]!.message).toMatch(c.refused);
      }
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});

/**
 * Files of a crt directory that hold no certificate (haproxy/crt-directory-stray-file): for each directory, `haproxy -c`
 * refuses the configuration exactly when the rule reports, with the alert the rule quotes. The tree mounts the directory
 * (compose.yaml, an haproxy image) at the path the configuration names, as the rule requires before judging it.
 */
describe('HAProxy crt directory files that hold no certificate: haproxy -c against haproxy/crt-directory-stray-file', () => {
  const site = leaf('www.example.com');
  const refused = /unable to load certificate from file '[^']+'/;
  const cases: { name: string; files: Record<string, string>; refused?: boolean }[] = [
    {
      name: 'certificates, a .key companion, a hidden file and a subdirectory',
      files: {
        'certs/site.pem': site.pem,
        'certs/site.pem.key': site.keyPem,
        'certs/.gitkeep': '',
        'certs/old/README.md': 'not loaded\n',
      },
    },
    {
      name: 'a README',
      files: { 'certs/site.pem': pemOf('a.example'), 'certs/README.md': '# certs\n' },
      refused: true,
    },
    { name: 'a serial file', files: { 'certs/site.pem': pemOf('a.example'), 'certs/ca.srl': '01\n' }, refused: true },
    {
      name: 'a private key alone in a .pem file',
      files: { 'certs/site.pem': pemOf('a.example'), 'certs/z.pem': site.keyPem },
      refused: true,
    },
  ];
  run.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-crtstray-'));
    try {
      for (const [file, text] of Object.entries(c.files)) {
        fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
        fs.writeFileSync(path.join(tree, file), text);
      }
      const cfg = path.join(tree, 'haproxy.cfg');
      fs.writeFileSync(
        cfg,
        `defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\nfrontend f\n  bind 127.0.0.1:18443 ssl crt ${tree}/certs/\n  http-request return status 200\n`,
      );
      fs.writeFileSync(
        path.join(tree, 'compose.yaml'),
        `services:\n  lb:\n    image: haproxy:2.6\n    volumes:\n      - ./certs:${tree}/certs:ro\n`,
      );
      const check = spawnSync('haproxy', ['-c', '-f', cfg], { encoding: 'utf8', timeout: 10_000 });
      const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
      const reported = result.findings.filter((f) => f.ruleId === 'haproxy/crt-directory-stray-file');
      expect({ refused: check.status !== 0, reported: reported.length > 0 }).toEqual({
        refused: c.refused === true,
        reported: c.refused === true,
      });
      if (c.refused) {
        const alert = refused.exec(check.stdout + check.stderr)?.[0];
        expect(alert).toBeDefined();
        expect(reported[0]!.message).toContain(alert!);
      }
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
