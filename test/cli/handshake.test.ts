import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'handshake', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ex = (p: string) => `examples/${p}`;

describe('lint-deploy handshake', () => {
  it('IBM Java 8 default TLSv1 against a TLSv1.2 nginx: fails with protocol_version, exit 1', () => {
    const { code, stdout, stderr } = run([
      '--client',
      ex('ibm-java-tls-broken/orders-client/config/application.yml'),
      '--server',
      ex('ibm-java-tls-broken/api-gateway/nginx/conf.d/api.conf'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('FAILS (no-common-protocol): the server aborts with alert protocol_version');
    expect(stdout).toContain('client logs: Received fatal alert: protocol_version');
    expect(stdout).toContain('server logs: unsupported protocol');
    expect(stdout).toContain('offers TLSv1;');
  });

  it('with overrideDefaultTLS=true it negotiates TLSv1.2, exit 0, with the reasoning', () => {
    const { code, stdout } = run([
      '--client',
      ex('ibm-java-tls-fixed/orders-client/config/application.yml'),
      '--server',
      ex('ibm-java-tls-fixed/api-gateway/nginx/conf.d/api.conf'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK: TLSv1\.2 TLS_ECDHE_RSA_WITH_\w+/);
    expect(stdout).toContain('  - protocol: TLSv1.2');
  });

  it('MQ CCDT client → #channel of an MQSC file, --format json', () => {
    const { code, stdout } = run([
      '--client',
      ex('mq-mutual-tls-fixed/partner-client/ccdt.json'),
      '--server',
      ex('mq-mutual-tls-fixed/qmgrs/QMPROD1/QMPROD1.mqsc#B2B.PARTNER.SVRCONN'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.client.side).toMatchObject({
      implementation: 'gskit',
      protocols: ['TLSv1.2'],
      cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
    });
    expect(report.server.component).toBe('mq.svrconn:qmgrs/QMPROD1/QMPROD1.mqsc#B2B.PARTNER.SVRCONN');
    expect(report.prediction).toMatchObject({
      ok: true,
      protocol: 'TLSv1.2',
      cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    });
  });

  it('ClearTrust anon on OpenJDK 8u202: the JDK message of the failing side', () => {
    const { code, stdout } = run([
      '--client',
      ex('cleartrust-anon-jdk8u202-broken/authz1/aserver.conf'),
      '--server',
      ex('cleartrust-anon-jdk8u202-broken/entitlements/eserver.conf'),
      '-f',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.prediction).toMatchObject({
      ok: false,
      failingSide: 'client',
      messages: { client: 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)' },
    });
  });

  it.each([
    [['--client', ex('mq-mutual-tls-fixed/partner-client/ccdt.json')], 'handshake needs --client and --server'],
    [
      [
        '--client',
        ex('mq-mutual-tls-fixed/partner-client/ccdt.json'),
        '--server',
        ex('mq-mutual-tls-fixed/qmgrs/QMPROD1/QMPROD1.mqsc'),
      ],
      'defines several server components; add #<component>',
    ],
    [
      [
        '--client',
        ex('mq-mutual-tls-fixed/partner-client/ccdt.json'),
        '--server',
        ex('mq-mutual-tls-fixed/qmgrs/QMPROD1/QMPROD1.mqsc#NOPE'),
      ],
      "no server component matches 'NOPE'",
    ],
    [
      ['--client', 'no/such/file.yml', '--server', ex('ibm-java-tls-fixed/api-gateway/nginx/conf.d/api.conf')],
      'no such file: no/such/file.yml',
    ],
    [['--client', 'a', '--server', 'b', '--bogus'], "Unknown option '--bogus'"],
    [['--client', 'a', '--server', 'b', '--format', 'sarif'], '--format must be text or json'],
  ])('usage error %j: exit 2, no stack trace', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('--help prints its usage', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: lint-deploy handshake --client <file[#component]> --server <file[#component]>');
  });

  // The lint reads a tree by its real path: a file named through a linked directory was found in no component
  // ("defines no TLS client component lint-deploy knows", exit 2), and with the other file named by its real path
  // the two files' common directory was the link's parent.
  it('files named through a symbolic link to the tree, or one through it and one directly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-handshake-link-'));
    try {
      const real = path.join(repo, 'examples/nginx-mtls-fixed');
      fs.symlinkSync(real, path.join(dir, 'linked'));
      const client = 'billing-client/config/application.yml';
      const server = 'gateway/nginx/nginx.conf';
      for (const [c, s] of [
        [path.join(dir, 'linked', client), path.join(dir, 'linked', server)],
        [path.join(dir, 'linked', client), path.join(real, server)],
      ]) {
        const { code, stdout, stderr } = run(['--client', c as string, '--server', s as string]);
        expect(stderr).toBe('');
        expect(stdout).toMatch(/^java\.app:billing-client → nginx\.server:.*: OK: TLSv1\.3 /);
        expect(code).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('which tree is read', () => {
    // Two projects side by side in a directory that also holds 20,001 unrelated files (a temporary directory).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-handshake-'));
    const example = path.join(repo, 'examples/ibm-java-tls-fixed');
    fs.cpSync(path.join(example, 'orders-client'), path.join(dir, 'orders/orders-client'), { recursive: true });
    fs.cpSync(path.join(example, 'api-gateway'), path.join(dir, 'gateway/api-gateway'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'unrelated'));
    for (let i = 0; i <= 20_000; i++) fs.writeFileSync(path.join(dir, 'unrelated', `f${i}`), '');
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const client = path.join(dir, 'orders/orders-client/config/application.yml');
    const server = path.join(dir, 'gateway/api-gateway/nginx/conf.d/api.conf');

    it('a common directory full of other files: exit 2, asking for --root', () => {
      const { code, stdout, stderr } = run(['--client', client, '--server', server]);
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toContain('holds more than 20,000 files and directories: name the deployment');
    });

    it('--root names the tree to read', () => {
      fs.mkdirSync(path.join(dir, 'both'), { recursive: true });
      fs.cpSync(path.join(dir, 'orders'), path.join(dir, 'both/orders'), { recursive: true });
      fs.cpSync(path.join(dir, 'gateway'), path.join(dir, 'both/gateway'), { recursive: true });
      const inBoth = (p: string) => p.replace(dir, path.join(dir, 'both'));
      const { code, stdout } = run([
        '--client',
        inBoth(client),
        '--server',
        inBoth(server),
        '--root',
        path.join(dir, 'both'),
      ]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/OK: TLSv1\.2 /);
      expect(run(['--client', client, '--server', server, '--root', path.join(dir, 'orders')]).stderr).toContain(
        'must hold both files',
      );
    });

    it('files of two projects (each a repository) are read project by project', () => {
      fs.mkdirSync(path.join(dir, 'orders/.git'));
      fs.mkdirSync(path.join(dir, 'gateway/.git'));
      const { code, stdout, stderr } = run(['--client', client, '--server', server]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // The client's IBM JDK comes from its own project: TLSv1.2 because overrideDefaultTLS=true there.
      expect(stdout).toMatch(/OK: TLSv1\.2 /);
    });
  });
});
