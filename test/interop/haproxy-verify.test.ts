/**
 * haproxy/verify-without-ca-file against the real HAProxy (Debian's haproxy, installed by .ci/run): each configuration
 * is both checked by `haproxy -c` and linted, and the rule reports an error exactly where HAProxy refuses to start
 * ("Fatal errors found in configuration"). Certificates are made with OpenSSL beside the file. Skipped (with a note)
 * without haproxy or openssl.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { installed } from './stacks';

const ready = installed('haproxy', ['-v']) && installed('openssl', ['version']);
if (!ready) console.warn('HAProxy verify test skipped: haproxy (apt-get install haproxy) and openssl are needed');
const run = ready ? it : it.skip;

const DEFAULTS = 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\n';

/** Configurations by name: `@DIR@` is the directory holding the file, its site.pem (certificate + key) and ca.pem. */
const CASES: Record<string, string> = {
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
};

const GLOBALS: Record<string, string> = { 'server ssl, global ssl-server-verify none': '  ssl-server-verify none\n' };

describe('haproxy/verify-without-ca-file against haproxy -c', () => {
  let dir: string;
  beforeAll(() => {
    if (!ready) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-haproxy-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'ca.pem'),
        '-subj',
        '/CN=app1',
        '-days',
        '30',
      ],
      { stdio: 'ignore' },
    );
    fs.writeFileSync(
      path.join(dir, 'site.pem'),
      fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8') + fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
    );
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, body] of Object.entries(CASES)) {
    run(name, () => {
      const tree = fs.mkdtempSync(path.join(dir, 'tree-'));
      const text = `global\n${GLOBALS[name] ?? ''}${DEFAULTS}${body}`.replace(/@DIR@/g, dir);
      const file = path.join(tree, 'haproxy.cfg');
      fs.writeFileSync(file, text);
      const checked = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8', timeout: 20_000 });
      const refused = /Fatal errors found in configuration/.test(`${checked.stdout}${checked.stderr}`);
      const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
      const reported = result.findings.some(
        (f) => f.ruleId === 'haproxy/verify-without-ca-file' && f.severity === 'error',
      );
      expect({ reported, haproxy: checked.stderr.split('\n').find((l) => /ALERT/.test(l)) ?? 'valid' }).toEqual({
        reported: refused,
        haproxy: expect.any(String),
      });
      // Each case decides something: the verdicts of the table are not all the same (checked below too).
      outcomes.set(name, refused);
    });
  }

  run('the table holds configurations HAProxy refuses and ones it accepts', () => {
    expect(new Set(outcomes.values())).toEqual(new Set([true, false]));
  });
});

const outcomes = new Map<string, boolean>();
