/**
 * The release as users get it (issue 19): the artefact is assembled exactly as
 * .github/workflows/release.yml does (scripts/release/assemble.mjs, then scripts/release/commit.sh into
 * a scratch repository), and a clean `git clone --branch vX.Y.Z` of it — no node_modules, no npm step —
 * is used the two documented ways: as the GitHub Action (its entry with the documented inputs) and as a
 * pre-commit hook installed by a real `pre-commit` (the Debian package in CI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const version = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const major = `v${version.split('.')[0]}`;
const brokenExample = path.join(repo, 'examples/cleartrust-anon-jdk8u202-broken');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-release-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Git without the user's or the system's configuration, with an identity for commits.
const gitEnv = {
  ...process.env,
  HOME: scratch,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ops',
  GIT_AUTHOR_EMAIL: 'ops@example.com',
  GIT_COMMITTER_NAME: 'Ops',
  GIT_COMMITTER_EMAIL: 'ops@example.com',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv });

function findFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === name);
}

let checkout: string;
let hookRepo: string;
beforeAll(() => {
  const artefact = path.join(scratch, 'artefact');
  // The workflow's two steps, verbatim.
  const assembled = spawnSync(
    process.execPath,
    [path.join(repo, 'scripts/release/assemble.mjs'), artefact, '--expect-version', version],
    { encoding: 'utf8', timeout: 120000 },
  );
  expect(assembled.stderr).toBe('');
  expect(assembled.status).toBe(0);
  hookRepo = path.join(scratch, 'published');
  fs.mkdirSync(hookRepo);
  git(hookRepo, 'init', '-q', '-b', 'main');
  expect(
    execFileSync('bash', [path.join(repo, 'scripts/release/commit.sh'), hookRepo, artefact, version], {
      encoding: 'utf8',
      env: gitEnv,
    }),
  ).toMatch(new RegExp(`^[0-9a-f]{40} releases/${major} v${version} ${major}\\n$`));
  checkout = path.join(scratch, 'checkout');
  git(scratch, '-c', 'advice.detachedHead=false', 'clone', '-q', '--branch', major, hookRepo, checkout);
});

describe('the release artefact', () => {
  it('a tag and the moving major tag name one commit on the release branch', () => {
    const at = (ref: string) => git(hookRepo, 'rev-parse', `${ref}^{commit}`).trim();
    expect(at(`v${version}`)).toBe(at(major));
    expect(at(`v${version}`)).toBe(at(`releases/${major}`));
  });

  it('carries the bundles, the action and the hook, and nothing to install', () => {
    for (const file of [
      'action.yml',
      'action/main.js',
      'bin/lint-deploy.js',
      'dist/cli.js',
      'dist/index.js',
      '.pre-commit-hooks.yaml',
      'schemas/config.schema.json',
    ]) {
      expect(`${file} ${fs.existsSync(path.join(checkout, file))}`).toBe(`${file} true`);
    }
    expect(findFiles(checkout, 'node_modules')).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(checkout, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'lint-deploy', version, bin: { 'lint-deploy': 'bin/lint-deploy.js' } });
    for (const key of ['dependencies', 'devDependencies', 'scripts']) expect(pkg[key]).toBeUndefined();
    // No dependency outside Node itself is left to resolve at run time.
    const required = new Set(
      [...fs.readFileSync(path.join(checkout, 'dist/index.js'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(
        (m) => m[1],
      ),
    );
    // The bundle's chunks (dist/chunks/, scripts/build.mjs) are in the artefact; nothing else is required.
    const chunks = [...required].filter((name) => name.startsWith('./chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(fs.existsSync(path.join(checkout, 'dist', chunk))).toBe(true);
    const external = [...required].filter(
      (name) =>
        !name.startsWith('node:') &&
        !require('node:module').isBuiltin(name) &&
        !name.startsWith('ajv/dist/runtime/') &&
        !name.startsWith('./chunks/'),
    );
    expect(external).toEqual([]);
  });
});

describe('the GitHub Action from a clean checkout of the release (no npm step)', () => {
  /** Runs action.yml's `runs.main` the way the runner does: INPUT_* variables, GITHUB_OUTPUT, GITHUB_WORKSPACE. */
  function runAction(actionDir: string, workspace: string, inputs: Record<string, string>) {
    const outputFile = path.join(workspace, `.github-output-${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(outputFile, '');
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const main =
      /^\s+main:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(actionDir, 'action.yml'), 'utf8'))?.[1] ??
      'action/main.js';
    const result = spawnSync(process.execPath, [path.join(actionDir, main)], {
      cwd: workspace,
      encoding: 'utf8',
      env,
      timeout: 60000,
    });
    const outputs = Object.fromEntries(
      fs
        .readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
  }

  let workspace: string;
  beforeAll(() => {
    workspace = path.join(scratch, 'workspace');
    fs.cpSync(brokenExample, path.join(workspace, 'deploy/envs/prod'), { recursive: true });
  });

  it('with working-directory: SARIF, annotations and outputs name repository paths', () => {
    const run = runAction(checkout, workspace, {
      paths: 'envs',
      'working-directory': 'deploy',
      'sarif-file': 'reports/lint.sarif',
      annotations: 'true',
      'fail-on-findings': 'true',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ 'sarif-file': path.join(workspace, 'deploy/reports/lint.sarif'), 'exit-code': '1' });
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(3);
    for (const line of annotations)
      expect(line).toMatch(/^::(error|warning|notice) file=deploy\/envs\/prod\/[^,]+,line=\d+/);
    for (const line of annotations)
      expect(fs.existsSync(path.join(workspace, /file=([^,]+)/.exec(line)![1]))).toBe(true);
    expect(run.stdout).toContain('title=cleartrust/anon-cipher-disabled');
    const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'], 'utf8')) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(sarif.runs[0].results.map((r) => r.ruleId)).toContain('cleartrust/anon-cipher-disabled');
    for (const uri of uris) expect(fs.existsSync(path.join(workspace, decodeURIComponent(uri)))).toBe(true);
  });

  it('fail-on-findings false passes the step and still reports exit-code 1; args reach the CLI', () => {
    const run = runAction(checkout, workspace, {
      paths: 'deploy/envs/prod',
      annotations: 'false',
      'fail-on-findings': 'false',
      args: '--rule cleartrust/ssl-mode-mismatch:off',
    });
    expect(run.code).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toBe('');
    const sarif = fs.readFileSync(path.join(workspace, 'lint-deploy.sarif'), 'utf8');
    expect(sarif).toContain('cleartrust/anon-cipher-disabled');
    expect(sarif).not.toContain('"ruleId": "cleartrust/ssl-mode-mismatch"');
  });

  it('a run that fails (a path that does not exist) sets exit-code 2 and fails the step', () => {
    const run = runAction(checkout, workspace, { paths: 'no/such/dir', 'fail-on-findings': 'false' });
    expect(run.code).toBe(2);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stderr).toBe('lint-deploy: No such file or directory: no/such/dir\n');
  });

  it('an unbuilt checkout (the source branch, no dist/) says what to do and still sets exit-code', () => {
    const source = path.join(scratch, 'source-checkout');
    fs.mkdirSync(path.join(source, 'action'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'action.yml'), path.join(source, 'action.yml'));
    fs.copyFileSync(path.join(repo, 'action/main.js'), path.join(source, 'action/main.js'));
    const run = runAction(source, workspace, { paths: '.' });
    expect(run.code).toBe(2);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toMatch(/^::error title=lint-deploy action::dist\/index.js is missing/);
  });
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const preCommitVersion = preCommit.status === 0 ? preCommit.stdout.trim() : undefined;
if (!preCommitVersion)
  console.warn(
    'pre-commit hook install test skipped: `pre-commit` is not installed (apt-get install pre-commit; .ci/run installs it)',
  );

(preCommitVersion ? describe : describe.skip)(
  `pre-commit (${preCommitVersion ?? 'absent'}) installs the hook from the release and blocks a bad commit`,
  () => {
    let project: string;
    const env = () => ({
      ...gitEnv,
      PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'),
      // npm, run by pre-commit's node install, must find nothing to fetch; keep it quiet and local.
      npm_config_cache: path.join(scratch, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    });
    const commit = (message: string) =>
      spawnSync('git', ['commit', '-m', message], { cwd: project, encoding: 'utf8', env: env(), timeout: 240000 });
    const head = () => git(project, 'rev-parse', 'HEAD').trim();

    beforeAll(() => {
      project = path.join(scratch, 'project');
      const files: Record<string, string> = {
        'cleartrust/dispatch/dispatcher.conf': '# Dispatcher\ncleartrust.net.ssl.use=auth\n',
        'cleartrust/authz/aserver.conf': '# Authorization Server\ncleartrust.net.ssl.use=auth\n',
        'cleartrust/entitlements/eserver.conf': '# Entitlements Server\ncleartrust.net.ssl.use=auth\n',
        'cleartrust/agents/portal/webagent.conf':
          '# RSA ClearTrust Agent 5.0.1 for Apache\ncleartrust.net.ssl.use=auth\n',
        '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: v${version}\n    hooks:\n      - id: lint-deploy\n        args: [--java-version, '11.0.20']\n`,
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
        fs.writeFileSync(path.join(project, file), text);
      }
      git(project, 'init', '-q', '-b', 'main');
      const install = spawnSync('pre-commit', ['install'], {
        cwd: project,
        encoding: 'utf8',
        env: env(),
        timeout: 60000,
      });
      expect(install.stderr).toBe('');
      expect(install.status).toBe(0);
      git(project, 'add', '.');
      const first = commit('deployment');
      expect(`${first.status} ${first.stdout}${first.stderr}`).toMatch(
        /^0 .*lint-deploy \(TLS across deployment configs\)\.+Passed/s,
      );
    }, 300000);

    /** Changes one file, stages it and tries to commit: the exit code and everything pre-commit printed. */
    function commitChange(file: string, text: string, message: string): { status: number | null; output: string } {
      fs.writeFileSync(path.join(project, file), text);
      git(project, 'add', file);
      const result = commit(message);
      return { status: result.status, output: result.stdout + result.stderr };
    }

    it('a change to one file that breaks the agreement with an untouched file is refused', () => {
      const before = head();
      const refused = commitChange(
        'cleartrust/entitlements/eserver.conf',
        '# Entitlements Server\ncleartrust.net.ssl.use=clear\n',
        'eserver goes clear',
      );
      expect(refused.status).toBe(1);
      expect(refused.output).toMatch(/lint-deploy \(TLS across deployment configs\)\.+Failed/);
      expect(refused.output).toContain('cleartrust/ssl-mode-mismatch');
      expect(refused.output).toContain('↳ cleartrust/authz/aserver.conf:2:1');
      expect(head()).toBe(before);
      // Put right, the same change commits.
      expect(
        commitChange(
          'cleartrust/entitlements/eserver.conf',
          '# Entitlements Server (reviewed)\ncleartrust.net.ssl.use=auth\n',
          'eserver reviewed',
        ).status,
      ).toBe(0);
      expect(head()).not.toBe(before);
    }, 240000);

    it('a change to the agent version alone (the webagent.conf banner) is refused for the Dispatcher setting it needs', () => {
      const before = head();
      const refused = commitChange(
        'cleartrust/agents/portal/webagent.conf',
        '# RSA ClearTrust Agent 4.7.2 for Apache\ncleartrust.net.ssl.use=auth\n',
        'portal agent downgraded to 4.7.2',
      );
      expect(refused.status).toBe(1);
      expect(refused.output).toContain('cleartrust/agent-backward-compatible-required');
      expect(refused.output).toContain('↳ cleartrust/agents/portal/webagent.conf:1:1');
      expect(head()).toBe(before);
    }, 240000);
  },
);
