import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporaryTrees } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const broken = path.join(repo, 'examples/cleartrust-anon-jdk8u202-broken');

function run(args: string[], cwd = repo, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const { tree } = temporaryTrees();

const CT = {
  'dispatch/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
  'authz/aserver.conf': 'cleartrust.net.ssl.use=auth\ncleartrust.runtime_api.security=auth\n',
  'ent/eserver.conf':
    '# lint-deploy-disable-next-line cleartrust/ssl-mode-mismatch -- being migrated, CHG-42\ncleartrust.net.ssl.use=clear\n',
  'keys1/keyserver.conf': 'cleartrust.net.ssl.use=auth\n',
  'keys2/keyserver.conf': 'cleartrust.net.ssl.use=clear\n',
};

describe('config errors exit 2 with the key path and an example', () => {
  it('an invalid config file', () => {
    const dir = tree({
      'lint-deploy.config.json': JSON.stringify({ rules: { 'cleartrust/ssl-mode-mismatch': 'fatal' } }),
      'aserver.conf': 'cleartrust.net.ssl.use=auth\n',
    });
    const { code, stdout, stderr } = run(['.'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^lint-deploy: Invalid config file lint-deploy.config.json: rules\["cleartrust\/ssl-mode-mismatch"\] must be one of "off", "info", "warning", "error". Example: "rules": \{.*\}\n$/,
    );
  });

  it('an unknown rule id', () => {
    const dir = tree({ 'lint-deploy.config.json': JSON.stringify({ rules: { 'cleartrust/no-such-rule': 'off' } }) });
    expect(run(['.'], dir)).toMatchObject({
      code: 2,
      stderr:
        'lint-deploy: Unknown rule \'cleartrust/no-such-rule\' in config "rules" (see lint-deploy --list-rules)\n',
    });
  });
});

describe('--init', () => {
  it('writes a starter config that the next run accepts', () => {
    const dir = tree({ 'aserver.conf': 'cleartrust.net.ssl.use=auth\n' });
    expect(run(['--init'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(path.join(dir, 'lint-deploy.config.json'))).toBe(true);
    expect(run(['.'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(run(['--init'], dir).code).toBe(2);
  });
});

describe('formats and outputs', () => {
  it('repeatable --format with -o per format: sarif and junit to files, compact to stdout', () => {
    const dir = tree({});
    const { code, stdout } = run([
      '-f',
      'sarif',
      '-o',
      path.join(dir, 'r.sarif'),
      '-f',
      'junit',
      '-o',
      path.join(dir, 'r.xml'),
      '-f',
      'compact',
      broken,
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^examples\/cleartrust-anon-jdk8u202-broken\/\S+:\d+:\d+: error .* \[cleartrust\/[a-z-]+\]$/m,
    );
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(fs.readFileSync(path.join(dir, 'r.xml'), 'utf8')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="lint-deploy"/,
    );
  });

  it('an unknown format fails before linting', () => {
    expect(run(['-f', 'checkstyle', broken])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining("Unknown format 'checkstyle'"),
    });
  });

  it('github annotations', () => {
    const { stdout } = run(['-f', 'github', broken]);
    expect(stdout).toMatch(
      /^::error file=examples\/cleartrust-anon-jdk8u202-broken\/authz1\/aserver.conf,line=\d+,col=1,endLine=\d+,.*title=cleartrust\/anon-cipher-disabled::/m,
    );
  });
});

describe('suppressions', () => {
  it('suppressed findings stay in JSON with their reason, but do not fail the run or show in stylish', () => {
    const dir = tree({ ...CT, 'keys2/keyserver.conf': 'cleartrust.net.ssl.use=auth\n' });
    const json = run(['-f', 'json', '--java-version', '11.0.20', '.'], dir);
    const findings = JSON.parse(json.stdout).findings as { ruleId: string; file: string; suppressed?: unknown }[];
    expect(findings.filter((f) => f.ruleId === 'cleartrust/ssl-mode-mismatch')).toEqual([
      expect.objectContaining({
        file: 'ent/eserver.conf',
        suppressed: { kind: 'inSource', reason: 'being migrated, CHG-42' },
      }),
    ]);
    const stylish = run(['--java-version', '11.0.20', '.'], dir);
    expect(stylish.stdout).not.toContain('ssl-mode-mismatch');
    expect(stylish.code).toBe(json.code);
  });

  it('--report-unused-disable-directives', () => {
    const dir = tree({
      'aserver.conf':
        '# lint-deploy-disable-next-line cleartrust/ssl-mode-mismatch -- stale\ncleartrust.net.ssl.use=clear\n',
    });
    const { code, stdout } = run(
      ['-f', 'compact', '--report-unused-disable-directives', '--java-version', '11.0.20', '.'],
      dir,
    );
    expect(stdout).toBe(
      'aserver.conf:1:1: error Unused lint-deploy-disable-next-line directive: no problem from cleartrust/ssl-mode-mismatch was reported on the next line [lint-deploy/unused-disable-directive]\n',
    );
    expect(code).toBe(1);
  });
});

describe('--baseline / --update-baseline', () => {
  it("records today's findings; afterwards only new findings fail the run", () => {
    const dir = tree({ ...CT });
    const opts = ['--java-version', '11.0.20', '--baseline', 'lint-deploy.baseline.json'];
    expect(run([...opts, '.'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not exist (create it with --update-baseline)'),
    });
    const update = run([...opts, '--update-baseline', '.'], dir);
    expect(update).toMatchObject({ code: 0, stdout: '' });
    expect(update.stderr).toMatch(/^lint-deploy: recorded \d+ findings? in lint-deploy.baseline.json\n$/);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'lint-deploy.baseline.json'), 'utf8'));
    expect(baseline.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'cleartrust/keyserver-ssl-mode-mismatch',
    );
    expect(run([...opts, '.'], dir)).toMatchObject({ code: 0, stdout: '' });
    // Line numbers move: still baselined. A new problem: fails.
    fs.writeFileSync(path.join(dir, 'keys2/keyserver.conf'), '# moved down\n\ncleartrust.net.ssl.use=clear\n');
    expect(run([...opts, '.'], dir).code).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'authz/aserver.conf'),
      'cleartrust.net.ssl.use=auth\ncleartrust.runtime_api.security=bogus\n',
    );
    const after = run([...opts, '-f', 'json', '.'], dir);
    expect(after.code).toBe(1);
    const active = (JSON.parse(after.stdout).findings as { ruleId: string; suppressed?: { kind: string } }[]).filter(
      (f) => !f.suppressed,
    );
    expect(active.map((f) => f.ruleId)).toEqual(['cleartrust/ssl-mode-invalid']);
  });
});

describe('explain-error', () => {
  it.each([
    ['RC=2397', 'mq/'],
    ['AMQ9771', 'mq/'],
    ['javax.net.ssl.SSLException: bad_record_mac', 'mq/'],
    ['Fatal Alert received: Handshake Failure', 'cleartrust/anon-cipher-disabled'],
    [
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'cleartrust/anon-cipher-disabled',
    ],
    ['Unsupported CipherSuite', '/'],
  ])('%s lists the rules that predict it', (text, expected) => {
    const { code, stdout } = run(['explain-error', text]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/rules? predicts? /);
    expect(stdout).toContain(expected);
  });

  it('explains MQ reason codes from the knowledge base', () => {
    expect(run(['explain-error', 'MQJE001: Completion Code 2, Reason 2397']).stdout).toMatch(/^2397 MQRC_JSSE_ERROR: /);
  });

  it('says so when nothing matches', () => {
    expect(run(['explain-error', 'segmentation fault'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('No rule predicts "segmentation fault"'),
    });
  });

  it('with a path, runs just the matching rules', () => {
    const { code, stdout, stderr } = run([
      'explain-error',
      'Fatal Alert received: Handshake Failure',
      '-f',
      'json',
      broken,
    ]);
    expect(stderr).toContain('cleartrust/anon-cipher-disabled');
    const ids = new Set((JSON.parse(stdout).findings as { ruleId: string }[]).map((f) => f.ruleId));
    expect(ids.has('cleartrust/anon-cipher-disabled')).toBe(true);
    expect(ids.has('cleartrust/runtime-api-security-too-high')).toBe(false); // predicts no handshake failure
    expect(code).toBe(1);
  });
});

describe('the GitHub Action entry (action/main.js)', () => {
  it('writes SARIF, prints annotations, sets outputs, and honours fail-on-findings', () => {
    const dir = tree({});
    const output = path.join(dir, 'github-output');
    const env = {
      ...process.env,
      GITHUB_WORKSPACE: repo,
      GITHUB_OUTPUT: output,
      INPUT_PATHS: 'examples/cleartrust-anon-jdk8u202-broken',
      'INPUT_SARIF-FILE': path.join(dir, 'out.sarif'),
      'INPUT_FAIL-ON-FINDINGS': 'false',
    };
    const result = spawnSync(process.execPath, [path.join(repo, 'action/main.js')], {
      cwd: repo,
      encoding: 'utf8',
      env,
      timeout: 30000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::error file=examples\/cleartrust-anon-jdk8u202-broken\//m);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    expect(fs.readFileSync(output, 'utf8')).toBe(`sarif-file=${path.join(dir, 'out.sarif')}\nexit-code=1\n`);
    const failing = spawnSync(process.execPath, [path.join(repo, 'action/main.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...env, 'INPUT_FAIL-ON-FINDINGS': '' },
      timeout: 30000,
    });
    expect(failing.status).toBe(1);
  });
});
