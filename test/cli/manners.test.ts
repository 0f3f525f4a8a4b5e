import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { colorSupport } from '../../src/cli/color';
import { publishedSchemaUrl, schemaReference } from '../../src/cli/init';
import { summaryLine } from '../../src/report/stylish';

/** The CLI behaves like the tools people know (issue 19): pipes, colours, limits, docs, starter config. */
const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/lint-deploy.js');
const broken = path.join(repo, 'examples/cleartrust-anon-jdk8u202-broken');
const ibmBroken = path.join(repo, 'examples/ibm-java-tls-broken');
const { FORCE_COLOR: _f, NO_COLOR: _n, NODE_DISABLE_COLORS: _d, ...plainEnv } = process.env;

function run(args: string[], env: Record<string, string> = {}, cwd = repo) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...plainEnv, ...env },
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-manners-'));
  temps.push(dir);
  return dir;
}

describe('pipes and an unbuilt checkout', () => {
  it('`| head -1` on a report larger than the pipe buffer ends quietly with the run’s exit code', () => {
    const dir = tempDir();
    for (let i = 0; i < 12; i++) fs.cpSync(broken, path.join(dir, `d${i}`), { recursive: true });
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${bin}" -f json "${dir}" | head -1`],
      { encoding: 'utf8', env: plainEnv, timeout: 60000 },
    );
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('a report larger than a pipe another process made non-blocking arrives whole (EAGAIN: handed to Node’s stream)', () => {
    const dir = tempDir();
    for (let i = 0; i < 12; i++) fs.cpSync(broken, path.join(dir, `d${i}`), { recursive: true });
    const direct = run(['-f', 'json', dir]);
    expect(direct.stdout.length).toBeGreaterThan(128 * 1024);
    // The reader sets O_NONBLOCK on the write end and empties the pipe only after the writer has filled it.
    const reader = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(1)',
      'out = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    out += chunk',
      'sys.stdout.buffer.write(out)',
      'sys.exit(p.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', reader, process.execPath, bin, '-f', 'json', dir], {
      encoding: 'utf8',
      env: plainEnv,
      timeout: 60000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(direct.stdout);
  });

  it('a checkout without dist/ prints one line and exits 2', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(bin, path.join(dir, 'bin/lint-deploy.js'));
    const result = spawnSync(process.execPath, [path.join(dir, 'bin/lint-deploy.js'), '.'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^lint-deploy: dist\/cli\.js is missing \(ENOENT\): this copy of lint-deploy was never built; in a checkout run npm ci first .*, or install a release .*\n$/,
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('`prepare` without the devDependencies (npx in a fresh clone installs the checkout) ends quietly, leaving that line to the command', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const script of ['prepare.mjs', 'build.mjs'])
      fs.copyFileSync(path.join(repo, 'scripts', script), path.join(dir, 'scripts', script));
    const result = spawnSync(process.execPath, [path.join(dir, 'scripts/prepare.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('colours follow the supports-color conventions', () => {
  it.each([
    ['FORCE_COLOR=1 in a pipe', undefined, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a TTY', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a TTY', undefined, { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR= (empty) in a pipe', undefined, { FORCE_COLOR: '' }, false, true],
    ['NO_COLOR on a TTY', undefined, { NO_COLOR: '1', TERM: 'xterm-256color' }, true, false],
    ['TERM=dumb on a TTY', undefined, { TERM: 'dumb' }, true, false],
    ['a colour TTY', undefined, { TERM: 'xterm-256color' }, true, true],
    ['a pipe', undefined, { TERM: 'xterm-256color' }, false, false],
    ['--no-color over FORCE_COLOR', false, { FORCE_COLOR: '3' }, true, false],
    ['--color over NO_COLOR', true, { NO_COLOR: '1' }, false, true],
  ] as const)('%s', (_name, flag, env, isTTY, expected) => {
    expect(colorSupport(flag, env, isTTY)).toBe(expected);
  });

  it('the command: FORCE_COLOR=1 colours a pipe, FORCE_COLOR=0 does not', () => {
    expect(run([broken], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[31m');
    expect(run([broken], { FORCE_COLOR: '0' }).stdout).not.toContain('\u001b[');
    expect(run(['--explain', 'tls/no-common-cipher'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[1m');
  });
});

describe('summary and limits', () => {
  it.each([
    [{ errors: 11, warnings: 1, infos: 0 }, '✖ 12 problems (11 errors, 1 warning)'],
    [{ errors: 0, warnings: 2, infos: 1 }, '⚠ 2 problems (0 errors, 2 warnings), and 1 info'],
    [{ errors: 0, warnings: 0, infos: 2 }, '2 infos, no problems'],
  ])('%j → %s', (counts, line) => expect(summaryLine(counts)).toBe(line));

  it('a run with only infos mentions them and counts no problems', () => {
    const { code, stdout } = run([path.join(repo, 'examples/mq-was-cipher-order-fixed')]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').pop()).toBe('3 infos, no problems'); // the WebSphere JMS link: its JDK is not in the tree (tls/link-outcome-unknown)
  });

  it('--max-warnings says the limit was exceeded; under the limit it says nothing', () => {
    const onlyWarnings = ['--rule', 'java/ibm-default-tls-v1:off', ibmBroken];
    const base = run(onlyWarnings);
    expect(base.stdout).toContain('0 errors, 1 warning');
    expect(base.code).toBe(0);
    expect(run(['--max-warnings', '0', ...onlyWarnings])).toMatchObject({
      code: 1,
      stderr: 'lint-deploy found too many warnings: 1 (maximum: 0)\n',
    });
    expect(run(['--max-warnings', '1', ...onlyWarnings])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('--explain renders the docs page for a terminal', () => {
  it('no generator comments, no Markdown markup, code blocks indented', () => {
    const { code, stdout } = run(['--explain', 'cleartrust/agent-backward-compatible-required']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('<!--');
    expect(stdout).not.toMatch(/^#+ /m);
    expect(stdout).not.toContain('**');
    expect(stdout).not.toContain('```');
    expect(stdout.split('\n')[0]).toBe('`cleartrust/agent-backward-compatible-required`');
    expect(stdout).toContain('\nWhat it catches\n');
    expect(stdout).toContain('\n    cleartrust.dispatcher.list_port.backward_compatible=true\n');
    expect(stdout).toContain('• Default severity: error');
  });
});

describe('--init writes a $schema that resolves', () => {
  it('inside the project of a local install: the relative path to that install’s schema', () => {
    const project = tempDir();
    const install = path.join(project, 'node_modules/lint-deploy');
    fs.mkdirSync(path.join(install, 'schemas'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'schemas/config.schema.json'), path.join(install, 'schemas/config.schema.json'));
    fs.mkdirSync(path.join(project, 'envs/prod'), { recursive: true });
    for (const [dir, expected] of [
      [project, './node_modules/lint-deploy/schemas/config.schema.json'],
      [path.join(project, 'envs/prod'), '../../node_modules/lint-deploy/schemas/config.schema.json'],
    ]) {
      const ref = schemaReference(dir, install, '1.2.3');
      expect(ref).toBe(expected);
      expect(fs.existsSync(path.resolve(dir, ref))).toBe(true);
    }
  });

  it('a global install or npx: the published schema of this version', () => {
    const elsewhere = tempDir();
    expect(schemaReference(elsewhere, '/usr/lib/node_modules/lint-deploy', '1.2.3')).toBe(publishedSchemaUrl('1.2.3'));
    // The command from this checkout, run in a directory outside it.
    expect(run(['--init'], {}, elsewhere)).toMatchObject({ code: 0, stderr: '' });
    const written = JSON.parse(fs.readFileSync(path.join(elsewhere, 'lint-deploy.config.json'), 'utf8')) as {
      $schema: string;
    };
    const version = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(written.$schema).toBe(
      `https://raw.githubusercontent.com/lint-deploy/lint-deploy/v${version}/schemas/config.schema.json`,
    );
  });
});
