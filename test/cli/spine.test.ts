import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { writeTree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');

function run(args: string[], cwd = repo, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('lint-deploy CLI on the ClearTrust examples', () => {
  it('reports the broken example with exit 1, every seed rule, and no secret', () => {
    const { code, stdout, stderr } = run(['examples/cleartrust-anon-jdk8u202-broken']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    for (const rule of [
      'cleartrust/anon-cipher-disabled',
      'cleartrust/ssl-mode-mismatch',
      'cleartrust/runtime-api-security-too-high',
      'cleartrust/runtime-api-security-mismatch',
      'cleartrust/admin-api-ssl-mismatch',
      'cleartrust/keyserver-ssl-mode-mismatch',
      'cleartrust/agent-backward-compatible-required',
    ]) {
      expect(stdout).toContain(rule);
    }
    expect(stdout).toContain('Fatal Alert received: Handshake Failure');
    expect(stdout).not.toContain('Authz1-Keystore-Pass!');
  });

  it('reports no problem on the fixed example and exits 0; the web agent in auth mode is said to be unknown', () => {
    const { code, stdout } = run(['examples/cleartrust-anon-jdk8u202-fixed']);
    // The agent's native TLS library: what it offers in auth mode no public source says (one info, not a verdict).
    expect(stdout).toMatch(/^1 info, no problems$/m);
    expect(stdout).toMatch(
      /Web Agent \(webagents\/portal\) → Dispatcher \(dispatch\), Authorization Server \(authz1\) and Authorization Server \(authz2\): handshake outcome unknown/,
    );
    expect(code).toBe(0);
  });

  it('prints the JSON report that validates against schemas/report.schema.json', () => {
    const { code, stdout } = run(['--format', 'json', 'examples/cleartrust-anon-jdk8u202-broken']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect((validate.errors ?? validate(report)) ? [] : validate.errors).toEqual([]);
    expect(report.summary.deployments).toBe(1);
    expect(report.summary.errors).toBeGreaterThan(0);
    const anon = report.findings.find((f: { ruleId: string }) => f.ruleId === 'cleartrust/anon-cipher-disabled');
    expect(anon).toMatchObject({
      file: 'examples/cleartrust-anon-jdk8u202-broken/authz1/aserver.conf',
      line: 5,
      column: 1,
      deployment: 'examples/cleartrust-anon-jdk8u202-broken',
    });
    expect(anon.related).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'examples/cleartrust-anon-jdk8u202-broken/jdk/release', line: 2 }),
      ]),
    );
    // Sorted, so output is byte-identical run to run.
    expect(run(['--format', 'json', 'examples/cleartrust-anon-jdk8u202-broken']).stdout).toBe(stdout);
  });

  it('uses a java.security in the tree over the version default', () => {
    const root = writeTree({
      'jdk/release': 'JAVA_VERSION="1.8.0_202"\n',
      // anon removed from the list, as RSA's option 2 does: anon negotiates again.
      'jdk/jre/lib/security/java.security':
        'jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, \\\n    DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, NULL\n',
      'aserver.conf': 'cleartrust.net.ssl.use=anon\n',
    });
    const { code, stdout } = run(['--format', 'json', root]);
    expect(
      JSON.parse(stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'cleartrust/anon-cipher-disabled'),
    ).toEqual([]);
    expect(code).toBe(0);
  });

  it('takes --java-version when the tree has no JDK, and warns when nothing tells', () => {
    const root = writeTree({ 'aserver.conf': 'cleartrust.net.ssl.use=anon\n' });
    const unknown = JSON.parse(run(['--format', 'json', root]).stdout);
    expect(unknown.findings).toEqual([
      expect.objectContaining({ ruleId: 'cleartrust/anon-cipher-disabled', severity: 'warning' }),
    ]);
    const old = run(['--format', 'json', '--java-version', '1.8.0_191', root]);
    expect(JSON.parse(old.stdout).findings).toEqual([]);
    const recent = run(['--format', 'json', '--java-version', '11.0.2', root]);
    expect(recent.code).toBe(1);
    expect(JSON.parse(recent.stdout).findings[0]).toMatchObject({
      ruleId: 'cleartrust/anon-cipher-disabled',
      severity: 'error',
    });
  });
});

describe('lint-deploy CLI: bad input gets a one-line answer', () => {
  it('a path that does not exist: exit 2, one line, no stack', () => {
    const { code, stderr, stdout } = run(['no/such/dir']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('No such file or directory: no/such/dir');
  });

  it('an unknown option, rule or format: exit 2', () => {
    for (const args of [
      ['--frobnicate'],
      ['--rule', 'nope/nothing:error', '.'],
      ['--format', 'yaml', 'examples/cleartrust-anon-jdk8u202-fixed'],
      ['--rule', 'cleartrust/ssl-mode-mismatch:loud'],
    ]) {
      const { code, stderr } = run(args);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(stderr);
    }
  });

  it('an unreadable configuration file is a located finding', () => {
    if (process.getuid?.() === 0) {
      // root reads everything: simulate with a directory named like a config file instead.
      const root = writeTree({ 'eserver.conf/placeholder': 'x', 'aserver.conf': 'cleartrust.net.ssl.use=clear\n' });
      const { code, stderr } = run([root]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      return;
    }
    const root = writeTree({ 'aserver.conf': 'cleartrust.net.ssl.use=clear\n' });
    fs.chmodSync(path.join(root, 'aserver.conf'), 0);
    const { code, stdout } = run(['--format', 'json', root]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings[0]).toMatchObject({
      ruleId: 'parse/unreadable-file',
      file: expect.stringContaining('aserver.conf'),
    });
  });

  it('a sectioned webagent.conf with Clear and a duplicate key', () => {
    const root = writeTree({
      'webagent.conf':
        '<Global>\n\tcleartrust.agent.server_pool=__default__\n</Global>\n<Pool id=__default__>\n\tcleartrust.agent.ssl.use = Clear\n\tcleartrust.agent.ssl.use=Clear\n</Pool>\n#<VirtualHost name=x address=* port=*>\n',
      'aserver.conf': 'cleartrust.net.ssl.use=clear\n',
    });
    const { code, stdout } = run(['--format', 'json', root]);
    const findings = JSON.parse(stdout).findings;
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'parse/duplicate-key', severity: 'warning', line: 6, column: 2 }),
    ]);
    expect(code).toBe(0);
  });

  it('--list-rules and --explain', () => {
    const list = run(['--list-rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('cleartrust/anon-cipher-disabled');
    const explain = run(['--explain', 'cleartrust/anon-cipher-disabled']);
    expect(explain.code).toBe(0);
    expect(explain.stdout.split('\n')[0]).toBe('`cleartrust/anon-cipher-disabled`');
    expect(run(['--explain', 'nope/nothing']).code).toBe(2);
  });
});
