/**
 * A hostile tree (issue 18, docs/security.md): one test per class of the red-team run. Each runs
 * the built CLI on a tree a stranger could commit and asserts the contract: exit 0/1 with a complete
 * report or exit 2 with one line on stderr, within 10 s and 512 MB, nothing written outside the tree,
 * no secret printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectContract, findingsOf, oneLine, runCli, sandbox, snapshot, type Sandbox } from './hostile-support';

const ANON = 'cleartrust.net.ssl.use=anon\n';
const ERROR_TREE = { 'aserver.conf': ANON, 'jdk/release': 'JAVA_VERSION="17.0.2"\n' };

let box: Sandbox;
afterEach(() => box?.remove());

describe('1. no code from the tree', () => {
  const marker = (b: Sandbox) => path.join(b.outside, 'plugin-ran');
  const evil = (b: Sandbox) =>
    `require('fs').writeFileSync(${JSON.stringify(marker(b))}, 'ran'); exports.rules = [];\n`;

  it.each([
    ['lint-deploy.config.json', (p: string) => ({ 'lint-deploy.config.json': JSON.stringify({ plugins: [p] }) })],
    ['.lint-deployrc.json', (p: string) => ({ '.lint-deployrc.json': JSON.stringify({ plugins: [p] }) })],
    [
      'package.json "lint-deploy" key',
      (p: string) => ({ 'package.json': JSON.stringify({ name: 'x', 'lint-deploy': { plugins: [p] } }) }),
    ],
  ])('a config in the tree (%s) naming a plugin: exit 2, one line, the plugin never runs', (_name, config) => {
    box = sandbox({ 'aserver.conf': ANON, ...config('./evil.js') });
    fs.writeFileSync(path.join(box.root, 'evil.js'), evil(box));
    const outcome = runCli(['.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(/plugins run code, so they load only with --allow-plugins/);
    expect(fs.existsSync(marker(box))).toBe(false);
  });

  it('the Action: a config in the workspace naming a plugin does not run it unless allow-plugins is true', () => {
    box = sandbox({ 'aserver.conf': ANON, 'lint-deploy.config.json': JSON.stringify({ plugins: ['./evil.js'] }) });
    fs.writeFileSync(path.join(box.root, 'evil.js'), evil(box));
    const action = path.resolve(__dirname, '../../action/main.js');
    const env = { GITHUB_WORKSPACE: box.root, 'INPUT_SARIF-FILE': '', INPUT_ANNOTATIONS: 'false' };
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const refused = spawnSync(process.execPath, [action], {
      cwd: box.root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--allow-plugins/);
    expect(fs.existsSync(marker(box))).toBe(false);
    const allowed = spawnSync(process.execPath, [action], {
      cwd: box.root,
      env: { ...process.env, ...env, 'INPUT_ALLOW-PLUGINS': 'true' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(allowed.status).toBe(0);
    expect(fs.existsSync(marker(box))).toBe(true);
  });
});

describe('2. no write through a symbolic link in the tree', () => {
  const linkOut = (b: Sandbox, name: string) =>
    fs.symlinkSync(path.join(b.outside, 'victim.txt'), path.join(b.root, name));

  it.each([
    [
      'the baseline (--update-baseline)',
      'lint-deploy.baseline.json',
      ['--update-baseline', '.'],
      /Refusing to write the baseline to .*lint-deploy\.baseline\.json: it is a symbolic link/,
    ],
    [
      'the starter config (--init)',
      'lint-deploy.config.json',
      ['--init'],
      /lint-deploy\.config\.json already exists here/,
    ],
  ])('%s: exit 2, one line, the file outside is untouched', (_name, link, args, message) => {
    box = sandbox({ 'aserver.conf': ANON });
    linkOut(box, link);
    const before = snapshot(box.outside);
    const outcome = runCli(args, box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(message);
    expect(snapshot(box.outside)).toEqual(before);
  });

  it('--init through a dangling link: refused, nothing created outside', () => {
    box = sandbox({});
    fs.symlinkSync(path.join(box.outside, 'created-by-init.json'), path.join(box.root, 'lint-deploy.config.json'));
    const outcome = runCli(['--init'], box);
    expect(outcome.code).toBe(2);
    expect(fs.existsSync(path.join(box.outside, 'created-by-init.json'))).toBe(false);
  });

  it('the cache and its temporary file: not written through links; the run still reports', () => {
    box = sandbox({ 'aserver.conf': ANON });
    linkOut(box, '.lint-deploy-cache');
    fs.symlinkSync(path.join(box.outside, 'tmp-victim'), path.join(box.root, `.lint-deploy-cache.${process.pid}.tmp`));
    const before = snapshot(box.outside);
    const outcome = runCli(['--cache', '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(0);
    expect(findingsOf(outcome).map((f) => f.ruleId)).toContain('cleartrust/anon-cipher-disabled');
    expect(outcome.stderr).toMatch(
      /^lint-deploy: the cache was not saved: Refusing to write the cache to .*\.lint-deploy-cache: it is a symbolic link/,
    );
    expect(snapshot(box.outside)).toEqual(before);
  });

  it('the Action default SARIF file: a link there is refused; a path named by the user is followed', () => {
    box = sandbox({ 'aserver.conf': ANON });
    linkOut(box, 'lint-deploy.sarif');
    const before = snapshot(box.outside);
    const action = path.resolve(__dirname, '../../action/main.js');
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const result = spawnSync(process.execPath, [action], {
      cwd: box.root,
      env: { ...process.env, GITHUB_WORKSPACE: box.root, INPUT_ANNOTATIONS: 'false' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(
      /^::error title=lint-deploy action::lint-deploy\.sarif in the working directory is a symbolic link/,
    );
    expect(snapshot(box.outside)).toEqual(before);
    // Named explicitly on the command line, the link is the user's choice: its target gets the report.
    const named = runCli(['--format', 'sarif', '-o', 'lint-deploy.sarif', '.'], box);
    expect(named.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(box.outside, 'victim.txt'), 'utf8')).version).toBe('2.1.0');
    expect(fs.lstatSync(path.join(box.root, 'lint-deploy.sarif')).isSymbolicLink()).toBe(true);
  });
});

describe('5. nothing outside the tree disclosed', () => {
  it.each([
    [
      '"extends": "/etc/passwd"',
      { extends: '/etc/passwd' },
      /"extends" names \/etc\/passwd, outside the directory of a config found in the linted tree/,
    ],
    [
      '"extends": "../outside/victim.txt"',
      { extends: '../outside/victim.txt' },
      /"extends" names \.\.\/outside\/victim\.txt, outside/,
    ],
    [
      '"deployments": [".."]',
      { deployments: ['..'] },
      /"deployments" pattern '\.\.' reaches outside the config's directory/,
    ],
    ['"deployments": ["/tmp/*"]', { deployments: ['/tmp/*'] }, /"deployments" pattern '\/tmp\/\*' reaches outside/],
  ])('a config in the tree with %s: exit 2, one line, no content', (_name, config, message) => {
    box = sandbox({ 'aserver.conf': ANON, 'lint-deploy.config.json': JSON.stringify(config) });
    const outcome = runCli(['.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(message);
    expect(outcome.stderr).not.toMatch(/root:|precious/);
  });

  it('a deployments glob reaching out through a link in the tree: exit 2, the outside is not linted', () => {
    box = sandbox({ 'aserver.conf': ANON, 'lint-deploy.config.json': JSON.stringify({ deployments: ['*'] }) });
    fs.writeFileSync(
      path.join(box.outside, 'keyserver.conf'),
      'cleartrust.keyserver.keystore_passphrase=Outside-Secret-42\n',
    );
    fs.symlinkSync(box.outside, path.join(box.root, 'up'));
    const outcome = runCli(['--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(/"deployments" reaches .*up, outside the config's directory/);
    expect(outcome.stdout + outcome.stderr).not.toContain('Outside-Secret-42');
  });

  it('a config that is not JSON: the position, never the content', () => {
    box = sandbox({ 'aserver.conf': ANON, 'lint-deploy.config.json': 'root:x:0:0:Zq-secret-line\n' });
    const outcome = runCli(['.'], box);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toBe(
      'lint-deploy: Config file lint-deploy.config.json is not valid JSON: line 1, column 1: InvalidSymbol',
    );
  });

  it('a config named with --config (trusted) may extend a file outside the tree', () => {
    box = sandbox({ 'aserver.conf': ANON });
    fs.writeFileSync(path.join(box.outside, 'base.json'), JSON.stringify({ java: { version: '17.0.2' } }));
    fs.writeFileSync(
      path.join(box.root, 'ci.json'),
      JSON.stringify({ extends: ['recommended', '../outside/base.json'] }),
    );
    const outcome = runCli(['--config', 'ci.json', '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(1);
  });
});

describe('8. the cache is verified, never trusted', () => {
  it('a forged cache committed in the tree (valid shape, another signing key) hides nothing', () => {
    box = sandbox(ERROR_TREE);
    const clean = runCli(['--format', 'json', '.'], box);
    expect(clean.code).toBe(1);
    // The attacker writes a cache with an empty result under a key of their own.
    const forged = runCli(['--cache', '--format', 'json', '.'], box, {
      env: { LINT_DEPLOY_CACHE_KEY: 'attacker-key-0123456789abcdef0123456789' },
    });
    expect(forged.code).toBe(1);
    const file = path.join(box.root, '.lint-deploy-cache');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of Object.values(data.entries) as { findings: unknown[] }[]) entry.findings = [];
    fs.writeFileSync(file, JSON.stringify(data));
    const outcome = runCli(['--cache', '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(1);
    expect(findingsOf(outcome)).toEqual(findingsOf(clean));
  });

  it('one malformed entry (even with the right key): recomputed, exit as without a cache', () => {
    box = sandbox(ERROR_TREE);
    const env = { LINT_DEPLOY_CACHE_KEY: 'shared-ci-key-0123456789abcdef0123456789' };
    expect(runCli(['--cache', '.'], box, { env }).code).toBe(1);
    const file = path.join(box.root, '.lint-deploy-cache');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of Object.values(data.entries) as { findings: unknown[] }[])
      entry.findings = [
        {
          ruleId: 'x/y',
          severity: 'error',
          message: 'm',
          location: { file: '/x', range: { start: 'x' } },
          related: [{ file: '/y', message: 'm', range: 7 }],
        },
      ];
    fs.writeFileSync(file, JSON.stringify(data));
    const outcome = runCli(['--cache', '--format', 'json', '.'], box, { env });
    expectContract(outcome);
    expect(outcome.code).toBe(1);
    expect(findingsOf(outcome).length).toBeGreaterThan(0);
    // The same signing key verifies the rewritten cache: the next run hits.
    const again = runCli(['--cache', '--stats', '.'], box, { env });
    expect(again.stderr).toMatch(/1 deployment, 2 files parsed, 1 from the cache/);
  });
});

describe('9. outputs are written atomically', () => {
  const previous = '{"previous": "report"}\n';

  it.each([
    ['-o', (file: string) => ['--format', 'json', '-o', file, '.']],
    ['--update-baseline', (file: string) => ['--update-baseline', '--baseline', file, '.']],
  ])('%s under a file size limit: exit 2, one line, the previous file whole, no temporary left', (_name, args) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`d${i}/aserver.conf`] = ANON;
    box = sandbox(files);
    fs.writeFileSync(path.join(box.root, 'out.json'), previous);
    const before = fs.readdirSync(box.root).sort();
    const outcome = runCli(args('out.json'), box, { shellPrefix: 'ulimit -f 2;' });
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(/^lint-deploy: Cannot write .*out\.json: EFBIG$/);
    expect(fs.readFileSync(path.join(box.root, 'out.json'), 'utf8')).toBe(previous);
    expect(fs.readdirSync(box.root).sort()).toEqual(before);
  });
});

describe('3. bounded work from the tree alone', () => {
  it('nginx include fan-out (every file includes *.conf twice): bounded, each file warned once', () => {
    const files: Record<string, string> = {
      'nginx.conf': 'http {\n  include f*.conf;\n  server { listen 443 ssl; include *.conf; }\n}\n',
    };
    for (let i = 0; i < 8; i++) files[`f${i}.conf`] = 'include *.conf;\ninclude *.conf;\nssl_protocols TLSv1.2;\n';
    box = sandbox(files);
    const outcome = runCli(['--no-config', '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(0);
    expect(findingsOf(outcome).filter((f) => f.ruleId === 'parse/include-budget').length).toBeGreaterThan(0);
  });

  it('an include glob and customRules globs with many stars: linear-time matching', () => {
    const stars = `${'a*'.repeat(40)}b`;
    box = sandbox({
      'nginx.conf': `http { server { listen 443 ssl; include ${stars}.conf; } }\n`,
      [`${'a'.repeat(200)}.conf`]: 'ssl_protocols TLSv1.2;\n',
      'lint-deploy.config.json': JSON.stringify({
        customRules: [{ id: 'custom/stars', type: 'required-key', key: `${'a*'.repeat(40)}b`, files: `**/${stars}` }],
        overrides: [{ files: stars, rules: {} }],
        components: [{ files: `${stars}/**` }],
      }),
    });
    fs.writeFileSync(path.join(box.root, `${'a'.repeat(3000)}`.slice(0, 200)), 'x');
    const outcome = runCli(['--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(0);
  });

  it('.lint-deployignore and package.json linked to /dev/zero, a FIFO as config: one line or a report, never a hang', () => {
    box = sandbox({ 'aserver.conf': ANON });
    fs.symlinkSync('/dev/zero', path.join(box.root, 'package.json'));
    expectContract(runCli(['--format', 'json', '.'], box));
    fs.symlinkSync('/dev/zero', path.join(box.root, '.lint-deployignore'));
    const ignore = runCli(['.'], box);
    expectContract(ignore);
    expect(oneLine(ignore)).toMatch(/\.lint-deployignore is not a regular file/);
    fs.rmSync(path.join(box.root, '.lint-deployignore'));
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    expect(spawnSync('mkfifo', [path.join(box.root, 'lint-deploy.config.json')]).status).toBe(0);
    const fifo = runCli(['.'], box);
    expectContract(fifo);
    expect(oneLine(fifo)).toBe(
      'lint-deploy: Config file lint-deploy.config.json is not a regular file (a FIFO, device or directory is never read): not read',
    );
  });

  it('40,000 distinct secrets, each a finding, in one 1 MB file: masking, stylish, compact and junit stay bounded', () => {
    // Distinct secrets: every line is a plaintext-secret finding and a secret to mask.
    const lines = Array.from({ length: 40_000 }, (_, i) => `a${i}.password=Zq-${i}-s3cr3t`).join('\n');
    box = sandbox({ 'application.properties': `${lines}\n` });
    for (const format of ['stylish', 'compact', 'junit']) {
      const outcome = runCli(['--no-config', '--format', format, '.'], box);
      expectContract(outcome);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('more findings of this rule');
      expect(outcome.stdout).not.toMatch(/Zq-\d+-s3cr3t/);
    }
  });
});

describe('4. no report lost', () => {
  it('130,000 findings of one rule: the first 10,000 listed and one "N more findings of this rule", no stack overflow', () => {
    const lines = Array.from({ length: 130_000 }, (_, i) => `a${i}.password=S${i}x`).join('\n');
    box = sandbox({ 'application.properties': `${lines}\n` });
    const outcome = runCli(['--no-config', '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(0);
    const findings = findingsOf(outcome).filter((f) => f.ruleId === 'security/plaintext-secret');
    expect(findings).toHaveLength(10_001);
    expect(findings.map((f) => f.message)).toContain(
      '120000 more findings of this rule in this deployment (only the first 10000 are listed)',
    );
  });
});

describe('6. no secret from a malformed line', () => {
  it('webagent.conf `keystore_passphrase Hunter2Secret` (no =) and YAML `key-store-password: Tr0ub4dor: 3`: masked in every format, the cache and the baseline', () => {
    box = sandbox({
      'webagent.conf':
        '<Global>\n\tcleartrust.agent.ssl.use=Clear\n\tcleartrust.agent.keystore_passphrase Hunter2Secret\n</Global>\n',
      'application.yml': 'server:\n  ssl:\n    key-store-password: Tr0ub4dor: 3\n    enabled: true\n',
    });
    const outputs: string[] = [];
    for (const format of ['stylish', 'json', 'compact', 'sarif', 'github', 'junit', 'html']) {
      const outcome = runCli(['--no-config', '--format', format, '.'], box);
      expectContract(outcome);
      expect(outcome.code).toBe(1);
      outputs.push(outcome.stdout + outcome.stderr);
    }
    expect(runCli(['--no-config', '--cache', '--update-baseline', '.'], box).code).toBe(0); // recorded: nothing new
    outputs.push(
      fs.readFileSync(path.join(box.root, '.lint-deploy-cache'), 'utf8'),
      fs.readFileSync(path.join(box.root, 'lint-deploy.baseline.json'), 'utf8'),
    );
    const all = outputs.join('\n');
    expect(all).toContain("'cleartrust.agent.keystore_passphrase ***'");
    expect(all).toContain('server.ssl.key-store-password in application.yml holds a plaintext secret');
    expect(all).not.toMatch(/Hunter2Secret|Tr0ub4dor/);
  });
});

describe('7. no injection into text output', () => {
  it('CR/LF, ESC and C1 in values and directory names are escaped in stylish and compact', () => {
    const dir = 'evil\n::add-mask::x\u001b[31m';
    box = sandbox({
      [`${dir}/aserver.conf`]:
        'cleartrust.net.ssl.use=anon\r\ncleartrust.aserver.note=x\u001b]0;title\u0007\u009b\n::error::forged\n',
      'eserver.conf': 'cleartrust.net.ssl.use=x\u001b[2J\u0085::add-mask::y\n',
    });
    for (const format of ['stylish', 'compact']) {
      const outcome = runCli(['--no-config', '--format', format, '.'], box);
      expectContract(outcome);
      expect(outcome.stdout.length).toBeGreaterThan(0);
      expect(outcome.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(outcome.stdout).not.toMatch(/^::/m);
      expect(outcome.stdout).toContain('evil\\n::add-mask::x\\u001b[31m/aserver.conf');
      expect(outcome.stdout).toContain('x\\u001b[2J\\u0085::add-mask::y');
    }
  });
});

describe('10. no silent acceptance, no hang from options', () => {
  it.each([
    [
      ['--java-version', '1.8.0-202', '.'],
      "lint-deploy: --java-version expects a Java version such as 1.8.0_202, 8u202, 11.0.2 or 17, got '1.8.0-202'",
    ],
    [
      ['--concurrency', '100000', '.'],
      /^lint-deploy: --concurrency expects off, auto or a whole number from 1 to \d+ \(4 per CPU here\), got '100000'$/,
    ],
    [
      ['handshake', '--client', 'application.yml', '--server', '/dev/zero'],
      'lint-deploy: handshake: /dev/zero is not a regular file',
    ],
  ])('%j: exit 2, one line, at once', (args, message) => {
    box = sandbox({ 'application.yml': 'server:\n  ssl:\n    enabled: true\n', 'aserver.conf': ANON });
    const outcome = runCli(args as string[], box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    if (typeof message === 'string') expect(oneLine(outcome)).toBe(message);
    else expect(oneLine(outcome)).toMatch(message);
  });

  it.each([
    ['1.8.0_202', 1],
    ['1.8.0_202-b08', 1],
    ['8u202', 1],
    ['jdk8u181-b13', 0], // before 8u201: anon still enabled
    ['11.0.2', 1],
    ['11.0.2+9', 1],
    ['17.0.15+6-Debian-1deb12u1', 1],
    ['21', 1],
    ['8.0.6.25', 0], // IBM SR6 FP25
  ])('--java-version %s is a real spelling: accepted and used', (version, code) => {
    box = sandbox({ 'aserver.conf': ANON });
    const outcome = runCli(['--no-config', '--java-version', version, '--format', 'json', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(code);
  });

  it('a worker that dies (a plugin calling process.exit) fails the run with exit 2 and one line, within seconds', () => {
    box = sandbox({
      'a/aserver.conf': ANON,
      'b/aserver.conf': ANON,
      'lint-deploy.config.json': JSON.stringify({ deployments: ['*'], plugins: ['./die.js'] }),
      'die.js':
        "exports.rules = [{ meta: { id: 'x/die', description: 'd', severity: 'error', messages: { m: 'm' } }, check(ctx) { if (ctx.deployment.root.endsWith('b')) process.exit(7); } }];\n",
    });
    const outcome = runCli(['--allow-plugins', '--concurrency', '2', '.'], box);
    expectContract(outcome);
    expect(outcome.code).toBe(2);
    expect(oneLine(outcome)).toMatch(
      /^lint-deploy: --concurrency: worker \d stopped \(exit code 7\) before finishing; run without --concurrency to see more$/,
    );
  });
});

describe('10. no silent drop of a file', () => {
  it('Latin-1 in a content-classified file: read; over 8 MB: named in summary.skipped and the stylish summary line', () => {
    box = sandbox({
      // Classified by content (a ClearTrust key), not by name; one Latin-1 byte in a comment.
      'conf/prod.conf': Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9]),
        Buffer.from('\ncleartrust.aserver.note=x\ncleartrust.net.ssl.use=anon\n'),
      ]),
    });
    const big = path.join(box.root, 'conf/big.conf');
    fs.writeFileSync(big, `cleartrust.aserver.note=x\ncleartrust.net.ssl.use=anon\n${'# padding\n'.repeat(900_000)}`);
    const json = runCli(['--no-config', '--format', 'json', '.'], box);
    expectContract(json);
    const report = JSON.parse(json.stdout) as {
      summary: { files: number; skipped?: { file: string; reason: string }[] };
    };
    expect(report.summary.files).toBe(1);
    expect(findingsOf(json).map((f) => `${f.ruleId} ${f.file}`)).toContain(
      'cleartrust/anon-cipher-disabled conf/prod.conf',
    );
    expect(report.summary.skipped).toEqual([{ file: 'conf/big.conf', reason: 'over the size limit' }]);
    const stylish = runCli(['--no-config', '.'], box);
    expect(stylish.stdout).toContain('1 file not checked (over the size limit): conf/big.conf');
  });

  it('a link to a FIFO is named, never opened; a file named on the command line through a link is linted', () => {
    box = sandbox({ 'aserver.conf': ANON });
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    expect(spawnSync('mkfifo', [path.join(box.root, 'pipe')]).status).toBe(0);
    fs.symlinkSync('pipe', path.join(box.root, 'eserver.conf'));
    const outcome = runCli(['--no-config', '--format', 'json', '.'], box);
    expectContract(outcome);
    const summary = (JSON.parse(outcome.stdout) as { summary: { skipped?: { file: string }[] } }).summary;
    expect(summary.skipped?.map((s) => s.file)).toEqual(['eserver.conf', 'pipe']);
    fs.writeFileSync(path.join(box.outside, 'aserver.conf'), ANON);
    fs.symlinkSync(path.join(box.outside, 'aserver.conf'), path.join(box.root, 'linked.conf'));
    const named = runCli(['--no-config', '--format', 'json', 'linked.conf'], box);
    expectContract(named);
    expect(findingsOf(named).map((f) => f.ruleId)).toContain('cleartrust/anon-cipher-disabled');
  });
});
