/**
 * The HAProxy rules that predict a refused start (haproxy/verify-without-ca-file, haproxy/bind-without-certificate)
 * against the real HAProxy (Debian's haproxy, installed by .ci/run): each configuration is both checked by `haproxy -c`
 * and linted, and the case's rule reports an error exactly where HAProxy refuses to start
 * ("Fatal errors found in configuration"). Certificates are made beside the file. Skipped (with a note)
 * without haproxy.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { installed } from './stacks';
import { leaf } from '../helpers/pki';

const ready = installed('haproxy', ['-v']);
if (!ready) console.warn('HAProxy check test skipped: haproxy (apt-get install haproxy) is needed');
const run = ready ? it : it.skip;

const DEFAULTS = 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\n';

const VERIFY = 'haproxy/verify-without-ca-file';
const CERTIFICATE = 'haproxy/bind-without-certificate';
const FRONTEND = (bind: string) =>
  `frontend f\n  bind :19443 ${bind}\n  default_backend app\nbackend app\n  server app1 127.0.0.1:8080\n`;

/**
 * Configurations by name, each for one rule: `@DIR@` is the directory holding site.pem (certificate + key) and ca.pem,
 * `@TREE@` the linted tree holding haproxy.cfg and the case's other files (a crt-list).
 */
const CASES: Record<string, { rule: string; body: string; files?: Record<string, string> }> = Object.fromEntries(
  Object.entries({
    'server ssl, verify by default, no ca-file': 'backend app\n  server app1 127.0.0.1:8443 ssl\n',
    'server ssl verify required, no ca-file': 'backend app\n  server app1 127.0.0.1:8443 ssl verify required\n',
    'server ssl, global ssl-server-verify none': 'backend app\n  server app1 127.0.0.1:8443 ssl\n',
    'server ssl with ca-file': 'backend app\n  server app1 127.0.0.1:8443 ssl ca-file @DIR@/ca.pem\n',
    'server ssl with ca-file on default-server':
      'backend app\n  default-server ca-file @DIR@/ca.pem\n  server app1 127.0.0.1:8443 ssl\n',
    'server ssl verify none': 'backend app\n  server app1 127.0.0.1:8443 ssl verify none\n',
    'bind ssl verify required, no ca-file':
      'frontend f\n  bind :19443 ssl crt @DIR@/site.pem verify required\n  default_backend app\nbackend app\n  server app1 127.0.0.1:8443\n',
    'bind ssl verify optional with ca-file':
      'frontend f\n  bind :19443 ssl crt @DIR@/site.pem verify optional ca-file @DIR@/ca.pem\n  default_backend app\nbackend app\n  server app1 127.0.0.1:8443\n',
  }).map(([name, body]) => [name, { rule: VERIFY, body }]),
);
Object.assign(CASES, {
  'bind ssl crt-list verify required, ca-file only on the crt-list line': {
    rule: VERIFY,
    body: FRONTEND('ssl crt-list @TREE@/crt-list.txt verify required'),
    files: { 'crt-list.txt': '@DIR@/site.pem [ca-file @DIR@/ca.pem]\n' },
  },
  'bind ssl crt-list, a crt-list line with verify required and no ca-file': {
    rule: VERIFY,
    body: FRONTEND('ssl crt-list @TREE@/crt-list.txt'),
    files: { 'crt-list.txt': '@DIR@/site.pem\n@DIR@/site.pem [verify required] api.example.com\n' },
  },
  'bind ssl crt-list, a crt-list line with verify required and its ca-file': {
    rule: VERIFY,
    body: FRONTEND('ssl crt-list @TREE@/crt-list.txt'),
    files: { 'crt-list.txt': '@DIR@/site.pem [verify required ca-file @DIR@/ca.pem]\n' },
  },
  'bind ssl, no crt': { rule: CERTIFICATE, body: FRONTEND('ssl alpn h2,http/1.1') },
  'bind ssl generate-certificates, no crt': {
    rule: CERTIFICATE,
    body: FRONTEND('ssl generate-certificates ca-sign-file @DIR@/site.pem'),
  },
  'bind ssl with crt': { rule: CERTIFICATE, body: FRONTEND('ssl crt @DIR@/site.pem') },
  'bind ssl strict-sni, no crt (starts with a warning)': { rule: CERTIFICATE, body: FRONTEND('ssl strict-sni') },
  'bind ssl under a false .if, no crt': {
    rule: CERTIFICATE,
    body: FRONTEND('ssl crt @DIR@/site.pem').replace(
      '  bind',
      '.if defined(NO_SUCH_VARIABLE)\n  bind :19444 ssl\n.endif\n  bind',
    ),
  },
});

const GLOBALS: Record<string, string> = { 'server ssl, global ssl-server-verify none': '  ssl-server-verify none\n' };

describe('HAProxy rules that predict a refused start, against haproxy -c', () => {
  let dir: string;
  beforeAll(() => {
    if (!ready) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-haproxy-'));
    // A self-signed certificate (test/helpers/pki.ts): site.pem with its key for crt, the certificate as ca.pem.
    const site = leaf('app1');
    fs.writeFileSync(path.join(dir, 'ca.pem'), site.pem);
    fs.writeFileSync(path.join(dir, 'site.pem'), site.pem + site.keyPem);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, { rule, body, files }] of Object.entries(CASES)) {
    run(name, () => {
      const tree = fs.mkdtempSync(path.join(dir, 'tree-'));
      const placed = (t: string) => t.replace(/@DIR@/g, dir).replace(/@TREE@/g, tree);
      for (const [file, content] of Object.entries(files ?? {}))
        fs.writeFileSync(path.join(tree, file), placed(content));
      const text = placed(`global\n${GLOBALS[name] ?? ''}${DEFAULTS}${body}`);
      const file = path.join(tree, 'haproxy.cfg');
      fs.writeFileSync(file, text);
      const checked = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8', timeout: 20_000 });
      // Refused, or started with a bind on which every handshake fails ("ssl connections will fail").
      const refused = /Fatal errors found in configuration|ssl connections will fail/.test(
        `${checked.stdout}${checked.stderr}`,
      );
      const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
      const reported = result.findings.some((f) => f.ruleId === rule && f.severity === 'error');
      expect({ reported, haproxy: checked.stderr.split('\n').find((l) => /ALERT|WARNING/.test(l)) ?? 'valid' }).toEqual(
        {
          reported: refused,
          haproxy: expect.any(String),
        },
      );
      // Each case decides something: the verdicts of the table are not all the same (checked below too).
      outcomes.set(name, refused);
    });
  }

  run('the table holds configurations HAProxy refuses and ones it accepts', () => {
    expect(new Set(outcomes.values())).toEqual(new Set([true, false]));
  });
});

const outcomes = new Map<string, boolean>();
