import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discover } from '../../src/discover/discover';
import { detectEnvironments } from '../../src/discover/environments';
import { defaultConfig } from '../../src/core/config';
import { temporaryTrees } from '../helpers/rule-tester';
import { cert } from '../rules/cert/cert-rules.trees';

// Issue 13 item 1: deployments found from the linted path and its content, never from the working directory.
const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');

const { tree, track } = temporaryTrees();
function emptyDir(): string {
  return track(fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-cwd-')));
}
function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
interface JsonReport {
  summary: { files: number; deployments: number; errors: number };
  findings: { ruleId: string; file: string; deployment: string }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

/** One ClearTrust environment: its own servers (a complete set) at one SSL level. */
const environment = (name: string, level: string) => ({
  [`${name}/authz/aserver.conf`]: `cleartrust.net.ssl.use=${level}\ncleartrust.runtime_api.security=${level}\n`,
  [`${name}/dispatch/dispatcher.conf`]: `cleartrust.net.ssl.use=${level}\n`,
});

describe('config "deployments" found from the linted path', () => {
  const fleet = tree({
    'lint-deploy.config.json': JSON.stringify({ deployments: ['env*'] }),
    ...environment('env-a', 'auth'),
    ...environment('env-b', 'clear'),
  });

  it.each([
    ['an unrelated working directory', () => emptyDir(), () => fleet],
    ['the fleet itself', () => fleet, () => '.'],
    ['above the fleet', () => path.dirname(fleet), () => path.basename(fleet)],
  ])('from %s: two deployments, no comparison across them', (_, cwd, target) => {
    const { code, stdout } = run(['--format', 'json', target()], cwd());
    expect(json(stdout).summary).toMatchObject({ deployments: 2, errors: 0 });
    expect(code).toBe(0);
  });

  // A path through a symbolic link (macOS's /tmp, a linked checkout) is read by its real path; the config found
  // beside it was read by the linked one, so "envs/*" matched nothing and 2,000 environments became one deployment.
  it('through a symbolic link to the fleet: its config still names the deployments and its overrides apply', () => {
    const linked = tree({
      'lint-deploy.config.json': JSON.stringify({
        deployments: ['env*'],
        overrides: [{ files: 'env-a/**', rules: { 'cleartrust/auth-without-keystore': 'off' } }],
      }),
      ...environment('env-a', 'auth'),
      ...environment('env-b', 'clear'),
    });
    const cwd = emptyDir();
    fs.symlinkSync(linked, path.join(cwd, 'config'));
    for (const [targets, from] of [
      [['config'], cwd],
      [[linked], emptyDir()],
      // One environment named through the link, the other by its real path: one config, not two.
      [['config/env-a', path.join(linked, 'env-b')], cwd],
    ] as const) {
      const { code, stdout } = run(['--format', 'json', ...targets], from);
      expect(json(stdout).summary).toMatchObject({ deployments: 2, errors: 0 });
      expect(json(stdout).findings).toEqual([]);
      expect(code).toBe(0);
    }
  });

  it('paths under two different config files are a usage error naming both', () => {
    const other = tree({ 'lint-deploy.config.json': '{}', ...environment('x', 'auth') });
    const { code, stderr } = run([fleet, other], emptyDir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/are under different config files/);
  });
});

describe('environments detected from content (heuristic "sibling complete sets")', () => {
  it('envs/<env> each holding its own servers are separate deployments; --debug names the heuristic', () => {
    const root = tree({
      'README.md': '# fleet\n',
      ...environment('envs/dev', 'auth'),
      ...environment('envs/prod', 'clear'),
      ...environment('envs/test', 'anon'),
    });
    const { code, stdout, stderr } = run(['--format', 'json', '--debug', root], emptyDir());
    const report = json(stdout);
    expect(report.findings.filter((f) => f.ruleId === 'cleartrust/ssl-mode-mismatch')).toEqual([]);
    expect(report.summary.deployments).toBe(3);
    expect(stderr).toMatch(
      /deployment .*envs\/prod \(2 files\): content: each of the 3 directories in .*envs holds a complete component set \(ClearTrust servers\); heuristic "sibling complete sets"/,
    );
    expect(code).toBe(0);
  });

  it('the hosts of one deployment never split: a host holds part of a set', () => {
    const root = tree({
      'authz1/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'authz2/aserver.conf': 'cleartrust.net.ssl.use=clear\n',
      'dispatch/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
    });
    expect(
      detectEnvironments(root, discover({ paths: [root], cwd: root, config: defaultConfig(root) })[0].files)
        .environments,
    ).toEqual([]);
    const report = json(run(['--format', 'json', root], emptyDir()).stdout);
    expect(report.summary.deployments).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'cleartrust/ssl-mode-mismatch')).toBe(true);
  });

  it('siblings that hold complete sets of different kinds do not split', () => {
    const mq = {
      'b/qm/QM1.mqsc': "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) TRPTYPE(TCP)\n",
      'b/client/mqclient.ini': 'CHANNELS:\n  ChannelDefinitionDirectory=.\n',
    };
    const root = tree({ ...environment('a', 'auth'), ...mq });
    expect(discover({ paths: [root], cwd: root, config: defaultConfig(root) })).toHaveLength(1);
  });

  it('two all-in-one hosts and the agents that use both stay one deployment (the agents hold no complete set)', () => {
    const root = tree({
      ...environment('host1', 'auth'),
      ...environment('host2', 'auth'),
      'agents/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=Auth\n</Pool>\n',
    });
    const files = discover({ paths: [root], cwd: root, config: defaultConfig(root) })[0].files;
    expect(detectEnvironments(root, files).environments).toEqual([]);
  });

  it('queue managers that talk to each other make a set: two qm.ini per sample split, one per host does not', () => {
    const queueManagers = (name: string) => ({
      [`${name}/qmgrs/QM1/qm.ini`]: 'SSL:\n   SSLFipsRequired=No\n',
      [`${name}/qmgrs/QM2/qm.ini`]: 'SSL:\n   SSLFipsRequired=No\n',
      [`${name}/cluster/uniclus.mqsc`]: "DEFINE CHANNEL('UNICLUS.QM1') CHLTYPE(CLUSRCVR) TRPTYPE(TCP)\n",
    });
    const samples = tree({ ...queueManagers('open-broken'), ...queueManagers('open-fixed') });
    const found = discover({ paths: [samples], cwd: samples, config: defaultConfig(samples) });
    expect(found.map((d) => path.basename(d.root))).toEqual(['open-broken', 'open-fixed']);
    // The queue manager directories of one deployment each hold one qm.ini: they are its hosts.
    const hosts = tree(queueManagers('.'));
    expect(discover({ paths: [hosts], cwd: hosts, config: defaultConfig(hosts) })).toHaveLength(1);
  });

  it("an OpenLiberty guide's start/ and finish/ each hold two Liberty servers: two deployments; one server per host does not split", () => {
    // OpenLiberty/guide-microprofile-jwt@26e111f (EPL-2.0): frontend and system in each of start/ and finish/.
    const liberty = (dir: string) => ({
      [`${dir}/src/main/liberty/config/server.xml`]:
        '<server>\n  <featureManager><feature>mpJwt-2.1</feature></featureManager>\n  <httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n',
      [`${dir}/src/main/liberty/config/includes/tls.xml`]:
        '<server>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n</server>\n',
    });
    const guide = tree({
      ...liberty('start/frontend'),
      ...liberty('start/system'),
      ...liberty('finish/frontend'),
      ...liberty('finish/system'),
    });
    const found = discover({ paths: [guide], cwd: guide, config: defaultConfig(guide) });
    expect(found.map((d) => path.basename(d.root))).toEqual(['finish', 'start']);
    // Each host holds one server (its include has another name): the hosts of one deployment.
    const hosts = tree({ ...liberty('host1/app'), ...liberty('host2/app') });
    expect(discover({ paths: [hosts], cwd: hosts, config: defaultConfig(hosts) })).toHaveLength(1);
  });

  it("the examples directory linted as one path: each example alone, so no fixed example meets a broken one's server", () => {
    const all = json(run(['--no-config', '--format', 'json', 'examples'], repo).stdout);
    const exampleDirs = fs.readdirSync(path.join(repo, 'examples')).filter((d) => !d.includes('.'));
    expect(all.summary.deployments).toBe(exampleDirs.length);
    for (const fixed of ['java-untrusted-server-fixed', 'nginx-mtls-fixed']) {
      const alone = json(run(['--no-config', '--format', 'json', `examples/${fixed}`], repo).stdout);
      expect(all.findings.filter((f) => f.deployment === `examples/${fixed}`)).toEqual(alone.findings);
    }
  });

  it('environments of different shapes split as long as each shares a kind with a sibling; nested regions too', () => {
    const mq = (name: string) => ({
      [`${name}/qm/QM1.mqsc`]: "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) TRPTYPE(TCP)\n",
      [`${name}/client/mqclient.ini`]: 'CHANNELS:\n  ChannelDefinitionDirectory=.\n',
    });
    const root = tree({
      ...environment('eu/dev', 'auth'),
      ...environment('eu/prod', 'clear'),
      ...mq('eu/prod'),
      ...environment('us/dev', 'auth'),
      ...environment('us/prod', 'anon'),
    });
    const files = discover({ paths: [root], cwd: root, config: defaultConfig(root) });
    expect(files.map((d) => path.relative(root, d.root).split(path.sep).join('/'))).toEqual([
      'eu/dev',
      'eu/prod',
      'us/dev',
      'us/prod',
    ]);
  });
});

describe('checkouts of other repositories inside the linted path (heuristic "separate repositories")', () => {
  it("each checkout is a deployment: a CCDT of one project is never paired with another project's queue manager", () => {
    const root = tree({
      'mq-dev-patterns/.git/HEAD': 'ref: refs/heads/main\n',
      'mq-dev-patterns/ccdt.json': JSON.stringify({
        channel: [
          {
            name: 'APP.SVRCONN',
            type: 'clientConnection',
            clientConnection: { connection: [{ host: 'qm', port: 1414 }], queueManager: 'QM1' },
          },
        ],
      }),
      'mq-container/.git': 'gitdir: ../.git/modules/mq-container\n',
      'mq-container/QM1/20-dev-tls.mqsc': "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n",
    });
    const { code, stdout, stderr } = run(['--format', 'json', '--debug', root], emptyDir());
    const report = json(stdout);
    expect(report.summary).toMatchObject({ deployments: 2, errors: 0 });
    expect(report.findings.filter((f) => f.ruleId.startsWith('mq/cipherspec'))).toEqual([]);
    expect(stderr).toMatch(/mq-container is a git checkout of its own .*heuristic "separate repositories"/);
    expect(code).toBe(0);
  });
});

describe('JDK release files saved under other names in one directory', () => {
  it('are several JDKs, equally near: the JDK is unknown (not the last one read)', () => {
    const root = tree({
      'jdk-release/a__jdk8u201__release': 'JAVA_VERSION="1.8.0_201"\nIMPLEMENTOR="Oracle Corporation"\n',
      'jdk-release/b__jdk11__release': 'JAVA_VERSION="11.0.2"\nIMPLEMENTOR="Oracle Corporation"\n',
      'tomcat/server.xml':
        '<Server><Service name="Catalina"><Connector port="8443" SSLEnabled="true" protocol="HTTP/1.1" sslEnabledProtocols="TLSv1.2" ciphers="TLS_RSA_WITH_3DES_EDE_CBC_SHA"/></Service></Server>\n',
    });
    const report = JSON.parse(run(['--format', 'json', root], emptyDir()).stdout) as JsonReport & {
      runtimes: { jdk: string }[];
    };
    expect(report.runtimes.map((r) => r.jdk)).toEqual(['JDK unknown']);
    expect(report.findings.filter((f) => f.ruleId === 'tls/cipher-disabled-by-runtime')).toEqual([]);
    expect(report.findings.some((f) => f.ruleId === 'java/runtime-ambiguous')).toBe(true);
  });
});

describe('a single file belongs to its own deployment, never to the working directory', () => {
  it('outside git, from an unrelated working directory full of other files: only its directory is read', () => {
    const elsewhere = tree({ ...environment('.', 'anon'), 'more/eserver.conf': 'cleartrust.net.ssl.use=anon\n' });
    const target = tree({
      'prod/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'prod/dispatcher.conf': 'cleartrust.net.ssl.use=clear\n',
      'other/eserver.conf': 'cleartrust.net.ssl.use=anon\n',
    });
    for (const cwd of [elsewhere, emptyDir()]) {
      const { code, stdout, stderr } = run(
        ['--format', 'json', '--debug', path.join(target, 'prod/aserver.conf')],
        cwd,
      );
      const report = json(stdout);
      expect(report.summary.files).toBe(2);
      expect(stderr).toMatch(/no config file or git root above it/);
      expect(report.findings.map((f) => f.ruleId)).toContain('cleartrust/ssl-mode-mismatch');
      expect(report.findings.every((f) => !f.file.includes('eserver'))).toBe(true);
      expect(code).toBe(1);
    }
  });

  it('inside a git repository holding environments: the environment that holds it', () => {
    const root = tree({ ...environment('envs/dev', 'auth'), ...environment('envs/prod', 'clear') });
    fs.mkdirSync(path.join(root, '.git'));
    const [found] = discover({
      paths: [path.join(root, 'envs/prod/authz/aserver.conf')],
      cwd: emptyDir(),
      config: defaultConfig(root),
    });
    expect(path.relative(root, found.root)).toBe(path.join('envs', 'prod'));
    expect(found.files).toHaveLength(2);
  });
});

describe('a run that checks no file exits 2, like ESLint', () => {
  it.each([
    ['an empty directory', {}],
    ['a Node project', { 'package.json': '{"name":"x","version":"1.0.0"}\n', 'index.js': 'console.log(1)\n' }],
    ['a README alone', { 'README.md': '# docs\n' }],
    // A .dockerignore only says which files a Dockerfile's COPY cannot take: alone it configures nothing to check.
    ['a .dockerignore alone', { '.dockerignore': 'node_modules\n*.log\n', 'src/index.js': 'console.log(1)\n' }],
  ])('%s', (_, files) => {
    const dir = tree(files);
    const { code, stdout, stderr } = run([dir], emptyDir());
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^lint-deploy: no files to check under \S+/);
    expect(code).toBe(2);
    expect(run(['--no-error-on-unmatched', dir], emptyDir()).code).toBe(0);
  });

  it('a .dockerignore Docker refuses is checked: its finding decides', () => {
    const dir = tree({ '.dockerignore': 'target\n!\n' });
    const { code, stdout } = run(['--format', 'json', dir], emptyDir());
    const report = json(stdout);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['parse/dockerignore-pattern']);
    expect(code).toBe(report.summary.errors > 0 ? 1 : 0);
  });

  it('a single unrecognised file outside git', () => {
    const dir = tree({ 'notes.txt': 'hello\n' });
    expect(run([path.join(dir, 'notes.txt')], emptyDir()).code).toBe(2);
  });
});

describe('modules of a test suite (heuristic "test scenarios")', () => {
  // Shaped like nginx-proxy/nginx-proxy@584073d (MIT): test/conftest.py, and per scenario test/test_<x>/test_<x>.py
  // beside the certificates its containers mount; scenarios copy one fixture key pair.
  const suite = (testCode: boolean) =>
    tree({
      'test/conftest.py': 'import pytest\n',
      'test/compose.base.yml': 'services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy:test\n',
      ...(testCode ? { 'test/test_ssl/test_wildcard.py': 'def test_web(docker_compose): pass\n' } : {}),
      'test/test_ssl/certs/nginx-proxy.tld.crt': cert('qmprod1.crt'),
      ...(testCode ? { 'test/test_virtual-proto/test_virtual-proto.py': 'def test_web(docker_compose): pass\n' } : {}),
      // Another certificate of the same key pair: two copies of one certificate file would show no key (cert/shared-private-key).
      'test/test_virtual-proto/nginx-proxy.tld.crt': cert('qmprod2-shared.crt'),
    });
  const shared = (report: JsonReport) => report.findings.filter((f) => f.ruleId === 'cert/shared-private-key');

  it('each module holding its own test code is a deployment: its fixtures are not compared with another module', () => {
    const { stdout, stderr } = run(['--format', 'json', '--debug', suite(true)], emptyDir());
    expect(shared(json(stdout))).toEqual([]);
    expect(stderr).toMatch(
      /deployment .*test\/test_ssl \(\d+ files\): content: .*test\/test_ssl holds its own test code \(test_wildcard\.py\) in the test suite .*test; heuristic "test scenarios"/,
    );
  });

  it('without test code beside them the same directories are one deployment (the copied key is reported)', () => {
    expect(shared(json(run(['--format', 'json', suite(false)], emptyDir()).stdout))).toHaveLength(1);
  });

  it('a test environment (dev/test/prod) is not a test suite: its hosts stay one deployment', () => {
    const root = tree({
      'test/authz/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'test/dispatch/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
      'test/dispatch/check_test.py': 'print("smoke")\n',
    });
    const found = discover({ paths: [root], cwd: root, config: defaultConfig(root) });
    expect(found.map((d) => path.relative(root, d.root) || '.')).toEqual(['.']);
  });
});
