import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeTree } from '../helpers/rule-tester';

/**
 * The pre-commit flow, for real: a git repository with a deployment, one file
 * changed and staged, and the built CLI run with just the staged file names
 * (what pre-commit passes). lint-deploy must read the whole deployment and
 * report exactly the findings that involve the changed file.
 */
const cli = path.resolve(__dirname, '../../dist/cli.js');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

interface JsonFinding {
  ruleId: string;
  file: string;
  related?: { file: string }[];
}

describe('pre-commit: changed files are linted with the rest of their deployment', () => {
  let repo: string;
  beforeAll(() => {
    repo = writeTree({
      'cleartrust/dispatch/dispatcher.conf': '# Dispatcher\ncleartrust.net.ssl.use=auth\n',
      'cleartrust/authz/aserver.conf': '# Authorization Server\ncleartrust.net.ssl.use=auth\n',
      'cleartrust/entitlements/eserver.conf': '# Entitlements Server\ncleartrust.net.ssl.use=auth\n',
      'cleartrust/keys1/keyserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'cleartrust/keys2/keyserver.conf': 'cleartrust.net.ssl.use=clear\n',
    });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'ops@example.com');
    git(repo, 'config', 'user.name', 'Ops');
    git(repo, 'config', 'commit.gpgsign', 'false');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'deployment');
    // The change under review: the Entitlements Server moves to anon.
    fs.writeFileSync(
      path.join(repo, 'cleartrust/entitlements/eserver.conf'),
      '# Entitlements Server\ncleartrust.net.ssl.use=anon\n',
    );
    git(repo, 'add', 'cleartrust/entitlements/eserver.conf');
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  const runOn = (files: string[]) => {
    const result = spawnSync(process.execPath, [cli, '--format', 'json', '--java-version', '11.0.20', ...files], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 30000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    return { code: result.status, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
  };

  it('reports the cross-file finding at the changed file, and nothing about untouched files', () => {
    const staged = git(repo, 'diff', '--cached', '--name-only').trim().split('\n');
    expect(staged).toEqual(['cleartrust/entitlements/eserver.conf']);
    const { code, findings } = runOn(staged);
    expect(code).toBe(1);
    const mismatch = findings.filter((f) => f.ruleId === 'cleartrust/ssl-mode-mismatch');
    expect(mismatch.map((f) => f.file)).toEqual(['cleartrust/entitlements/eserver.conf']);
    // The evidence lives in a file that was not passed: the whole deployment was read.
    expect(mismatch[0].related?.map((r) => r.file)).toEqual(['cleartrust/authz/aserver.conf']);
    // The Key Server disagreement exists in the tree but involves no changed file.
    expect(findings.some((f) => f.ruleId === 'cleartrust/keyserver-ssl-mode-mismatch')).toBe(false);
    for (const f of findings)
      expect([f.file, ...(f.related ?? []).map((r) => r.file)]).toContain('cleartrust/entitlements/eserver.conf');
  });

  it('reports a finding located elsewhere when the changed file is its related location', () => {
    const { findings } = runOn(['cleartrust/authz/aserver.conf']);
    const mismatch = findings.filter((f) => f.ruleId === 'cleartrust/ssl-mode-mismatch');
    expect(mismatch.map((f) => `${f.file} ↳ ${f.related?.map((r) => r.file).join(',')}`)).toEqual([
      'cleartrust/entitlements/eserver.conf ↳ cleartrust/authz/aserver.conf',
    ]);
    expect(findings.some((f) => f.ruleId === 'cleartrust/keyserver-ssl-mode-mismatch')).toBe(false);
  });

  it('the whole tree, by contrast, has both findings', () => {
    const { findings } = runOn(['cleartrust']);
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['cleartrust/ssl-mode-mismatch', 'cleartrust/keyserver-ssl-mode-mismatch']),
    );
  });

  it('a change to the agent version alone (webagent.conf banner) reports the Dispatcher finding it decides', () => {
    fs.mkdirSync(path.join(repo, 'cleartrust/agents/portal'), { recursive: true });
    const webagent = 'cleartrust/agents/portal/webagent.conf';
    fs.writeFileSync(
      path.join(repo, webagent),
      '# RSA ClearTrust Agent 5.0.1 for Apache\ncleartrust.net.ssl.use=auth\n',
    );
    expect(
      runOn([webagent]).findings.filter((f) => f.ruleId === 'cleartrust/agent-backward-compatible-required'),
    ).toEqual([]);
    fs.writeFileSync(
      path.join(repo, webagent),
      '# RSA ClearTrust Agent 4.7.2 for Apache\ncleartrust.net.ssl.use=auth\n',
    );
    const { code, findings } = runOn([webagent]);
    expect(code).toBe(1);
    const found = findings.filter((f) => f.ruleId === 'cleartrust/agent-backward-compatible-required');
    expect(found.map((f) => `${f.file} ↳ ${f.related?.map((r) => r.file).join(',')}`)).toEqual([
      `cleartrust/dispatch/dispatcher.conf ↳ cleartrust/dispatch/dispatcher.conf,${webagent}`,
    ]);
    fs.rmSync(path.join(repo, 'cleartrust/agents'), { recursive: true });
  });

  it('.pre-commit-hooks.yaml matches the files lint-deploy reads', () => {
    const hooks = fs.readFileSync(path.resolve(__dirname, '../../.pre-commit-hooks.yaml'), 'utf8');
    const files = /^\s+files:\s*'(.+)'\s*$/m.exec(hooks)?.[1];
    expect(hooks).toMatch(/language:\s*node/);
    expect(files).toBeDefined();
    const re = new RegExp(files!);
    for (const f of [
      'cleartrust/dispatch/dispatcher.conf',
      'x/aserver.conf',
      'webagent.conf',
      'admingui.cfg',
      'qm.mqsc',
      'ccdt.json',
      'qm.ini',
      'mqclient.ini',
      'java.security',
      'jdk/release',
      'ssl.client.props',
      'server.xml',
      'resources.xml',
      'security.xml',
      'jvm.options',
      'setenv.sh',
      'nginx.conf',
      'application.yml',
      'application-prod.properties',
      'certs/server.pem',
      'Dockerfile',
      'app.service',
    ]) {
      expect(`${f} ${re.test(f)}`).toBe(`${f} true`);
    }
    for (const f of ['src/main.ts', 'README.md', 'docs/x.md']) expect(`${f} ${re.test(f)}`).toBe(`${f} false`);
  });

  it('a passed file lint-deploy does not recognise (package.json matches *.json) is ignored', () => {
    fs.writeFileSync(path.join(repo, 'package.json'), '{"name": "ops"}\n');
    expect(runOn(['package.json'])).toEqual({ code: 0, findings: [] });
  });
});
