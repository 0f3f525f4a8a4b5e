/**
 * Bad input, end to end (`node dist/cli.js`): every case asserts the exact
 * outcome — exit code plus the findings (rule id, file, line), or the one
 * line on stderr — and that no stack trace is ever printed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTree, type Tree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const isRoot = process.getuid?.() === 0;
const ANON = 'cleartrust.net.ssl.use=anon';
/** What `aserver.conf` = ANON gives when nothing says which JDK runs it. */
const ANON_FINDING = 'cleartrust/anon-cipher-disabled aserver.conf:1';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** `ruleId file:line` per finding (from --format json), sorted as reported. */
  findings?: string[];
  maxRssKb?: number;
}

function run(args: string[], cwd: string, options: { json?: boolean; measure?: boolean } = {}): Outcome {
  const rssFile = path.join(os.tmpdir(), `lint-deploy-rss-${process.pid}-${Date.now()}.json`);
  const preload = path.join(__dirname, 'preload-rss.js');
  const nodeArgs = options.measure ? ['--require', preload] : [];
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, cli, ...(options.json ? ['--format', 'json'] : []), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LINT_DEPLOY_RSS_FILE: rssFile },
      timeout: 30000,
    },
  );
  const outcome: Outcome = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  if (options.json && result.stdout.trim().startsWith('{')) {
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line?: number }[] };
    outcome.findings = report.findings.map(
      (f) => `${f.ruleId} ${path.relative(cwd, path.resolve(cwd, f.file)).split(path.sep).join('/')}:${f.line ?? 0}`,
    );
  }
  if (options.measure && fs.existsSync(rssFile)) {
    outcome.maxRssKb = JSON.parse(fs.readFileSync(rssFile, 'utf8')).maxRSS;
    fs.rmSync(rssFile);
  }
  return outcome;
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

interface FileCase {
  name: string;
  files: Tree;
  /** Extra set-up in the tree (symlinks, FIFOs, sparse files); may return extra CLI args. */
  setup?: (root: string) => void;
  args?: (root: string) => string[];
  code: number;
  findings: string[];
  /** Text that must not appear in stdout or stderr. */
  absent?: string[];
}

const fileCases: FileCase[] = [
  {
    name: 'binary file with a config name',
    files: { 'aserver.conf': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]) },
    code: 1,
    findings: ['parse/binary-file aserver.conf:1'],
  },
  {
    name: 'NUL bytes inside a text config',
    files: { 'qm.ini': 'SSL:\n   OutboundSNI=HOST\u0000NAME\n' },
    code: 1,
    findings: ['parse/binary-file qm.ini:1'],
  },
  // Not UTF-8: read as Windows-1252 (a superset of Latin-1, java.util.Properties' own encoding), not dropped (issue 18).
  {
    name: 'invalid UTF-8 (Latin-1 é in a comment) is read as Windows-1252',
    files: { 'aserver.conf': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${ANON}\n`)]) },
    code: 0,
    findings: ['cleartrust/anon-cipher-disabled aserver.conf:2'],
  },
  {
    name: 'truncated UTF-8 sequence at the end is read as Windows-1252',
    files: { 'aserver.conf': Buffer.concat([Buffer.from(`${ANON}\n# `), Buffer.from([0xe2, 0x82])]) },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'UTF-16 LE with BOM is read',
    files: { 'aserver.conf': utf16le(`${ANON}\n`) },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'UTF-16 BE with BOM is read',
    files: { 'aserver.conf': utf16be(`${ANON}\n`) },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'UTF-16 LE with BOM and CRLF',
    files: { 'aserver.conf': utf16le(`# c\r\n${ANON}\r\n`) },
    code: 0,
    findings: ['cleartrust/anon-cipher-disabled aserver.conf:2'],
  },
  {
    name: 'UTF-8 BOM + CRLF',
    files: { 'aserver.conf': utf8bom(`# c\r\n${ANON}\r\n`) },
    code: 0,
    findings: ['cleartrust/anon-cipher-disabled aserver.conf:2'],
  },
  {
    name: 'old Mac CR line ends',
    files: { 'aserver.conf': `# c\r# d\r${ANON}\r` },
    code: 0,
    findings: ['cleartrust/anon-cipher-disabled aserver.conf:3'],
  },
  { name: 'a BOM and nothing else', files: { 'aserver.conf': utf8bom('') }, code: 0, findings: [] },
  // nginx, HAProxy and (outside Windows) httpd read a UTF-8 BOM as part of the first word and refuse to start:
  // measured (nginx 1.22.1, HAProxy 2.6.12, httpd 2.4 on Debian 12). FutureWL/LSM-CRM@6941288 deploy/prod/nginx.conf,
  // which its Dockerfile copies into nginx:1.27-alpine, starts with one. SnakeYAML and XML parsers skip the mark.
  {
    name: 'a UTF-8 BOM before an nginx server block',
    files: { 'nginx.conf': utf8bom('server {\n  listen 8443 ssl;\n}\n') },
    code: 1,
    findings: ['parse/byte-order-mark nginx.conf:1'],
  },
  {
    name: 'a UTF-8 BOM before HAProxy global',
    files: { 'haproxy.cfg': utf8bom('global\n  log stdout local0\nfrontend f\n  bind :8080\n') },
    code: 1,
    findings: ['parse/byte-order-mark haproxy.cfg:1'],
  },
  // A UTF-16 file (decoded by lint-deploy) is bytes to nginx, HAProxy and httpd: the mark starts the first word and a
  // NUL byte ends it (measured on Debian 12: nginx `unknown directive "\\xff\\xfes"`, HAProxy `unknown keyword
  // '\\xff\\xfeg'`, httpd AH00526 `Invalid command '\\xff\\xfeI'`).
  {
    name: 'UTF-16 nginx, HAProxy and httpd files: refused (httpd: a warning, Windows not run)',
    files: {
      'nginx.conf': utf16le('server {\n  listen 8443 ssl;\n}\n'),
      'haproxy.cfg': utf16be('global\n  log stdout local0\nfrontend f\n  bind :8080\n'),
      'httpd.conf': utf16le('ServerRoot /etc/httpd\nListen 8080\n'),
    },
    code: 1,
    findings: [
      'parse/byte-order-mark haproxy.cfg:1',
      'parse/byte-order-mark httpd.conf:1',
      'parse/byte-order-mark nginx.conf:1',
    ],
  },
  {
    name: 'a UTF-8 BOM before httpd.conf: a warning, Windows builds skip it',
    files: { 'httpd.conf': utf8bom('ServerRoot /etc/httpd\nListen 8080\n') },
    code: 0,
    findings: ['parse/byte-order-mark httpd.conf:1'],
  },
  {
    name: 'a UTF-8 BOM before the first setting of application.properties: Java reads it as part of the key',
    files: {
      'application.properties': utf8bom('server.ssl.enabled-protocols=TLSv1.3\nserver.port=8443\n'),
      'a/application.properties': utf8bom('# ours\nserver.port=8443\n'),
    },
    code: 0,
    findings: ['parse/byte-order-mark application.properties:1'],
  },
  {
    name: 'a UTF-8 BOM before application.yml and server.xml: read as without it',
    files: {
      'application.yml': utf8bom('server:\n  port: 8443\n'),
      'conf/server.xml': utf8bom('<?xml version="1.0"?>\n<Server port="8005"><Service name="C"></Service></Server>\n'),
    },
    code: 0,
    findings: [],
  },
  // bash and dash read the mark as part of the first word (first line not run); Liberty's server script takes it for
  // part of the first line's variable name (not set).
  {
    name: "a UTF-8 BOM before setenv.sh's and server.env's first setting: not set",
    files: {
      'tomcat/bin/setenv.sh': utf8bom('export JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\n'),
      'wlp/usr/servers/s/server.env': utf8bom('JVM_ARGS=-Dhttps.protocols=TLSv1.2\n'),
      'other/bin/setenv.sh': utf8bom('#!/bin/sh\nexport JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\n'),
    },
    code: 0,
    findings: ['parse/byte-order-mark tomcat/bin/setenv.sh:1', 'parse/byte-order-mark wlp/usr/servers/s/server.env:1'],
  },
  { name: 'an empty config file', files: { 'aserver.conf': '' }, code: 0, findings: [] },
  {
    name: 'a 10,000-character line',
    files: { 'aserver.conf': `cleartrust.aserver.note=${'x'.repeat(10000)}\n${ANON}\n` },
    code: 0,
    findings: ['cleartrust/anon-cipher-disabled aserver.conf:2'],
  },
  {
    name: 'a 10,000-character line with no line end',
    files: { 'aserver.conf': `${ANON}\n#${'y'.repeat(10000)}` },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'a 100 MB file named like a config is refused with a finding (sparse, never read)',
    files: {},
    setup: (root) => {
      const fd = fs.openSync(path.join(root, 'aserver.conf'), 'w');
      fs.ftruncateSync(fd, 100 * 1024 * 1024);
      fs.closeSync(fd);
    },
    code: 0,
    findings: ['parse/file-too-large aserver.conf:1'],
  },
  {
    name: 'a 100 MB file with an unknown name is skipped silently',
    files: { 'aserver.conf': `${ANON}\n` },
    setup: (root) => {
      fs.writeFileSync(path.join(root, 'data.bin'), '');
      fs.truncateSync(path.join(root, 'data.bin'), 100 * 1024 * 1024);
    },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'a symlink loop is not followed: each looping or dangling link is a warning',
    files: { 'aserver.conf': `${ANON}\n` },
    setup: (root) => {
      fs.symlinkSync('b.conf', path.join(root, 'a.conf'));
      fs.symlinkSync('a.conf', path.join(root, 'b.conf'));
      fs.symlinkSync('.', path.join(root, 'loop'));
      fs.symlinkSync('eserver.conf', path.join(root, 'eserver.conf'));
    },
    code: 0,
    findings: [
      'parse/broken-symlink a.conf:1',
      ANON_FINDING,
      'parse/broken-symlink b.conf:1',
      'parse/broken-symlink eserver.conf:1',
    ],
  },
  {
    name: 'a symlink out of the tree is not followed, said as info (its secret is never read)',
    files: { 'aserver.conf': `${ANON}\n` },
    setup: (root) => {
      const outside = writeTree({}); // removed with the test file's trees
      fs.writeFileSync(
        path.join(outside, 'keyserver.conf'),
        'cleartrust.keyserver.ssl.use=clear\ncleartrust.keyserver.keystore_passphrase=Outside-Tree-Secret-42\n',
      );
      fs.symlinkSync(path.join(outside, 'keyserver.conf'), path.join(root, 'keyserver.conf'));
      fs.symlinkSync(outside, path.join(root, 'outside-dir'));
    },
    code: 0,
    findings: [
      ANON_FINDING,
      'parse/symlink-outside-deployment keyserver.conf:1',
      'parse/symlink-outside-deployment outside-dir:1',
    ],
    absent: ['Outside-Tree-Secret-42'],
  },
  {
    name: 'a directory named like a config file',
    files: { 'eserver.conf/readme.txt': 'x', 'aserver.conf': `${ANON}\n` },
    code: 0,
    findings: [ANON_FINDING],
  },
  {
    name: 'a FIFO named like a config file is never opened (no hang), said as info',
    files: { 'aserver.conf': `${ANON}\n` },
    setup: (root) => {
      const made = spawnSync('mkfifo', [path.join(root, 'eserver.conf')]);
      if (made.status !== 0) throw new Error('mkfifo failed');
    },
    code: 0,
    findings: [ANON_FINDING, 'parse/not-a-regular-file eserver.conf:1'],
  },
  {
    name: isRoot
      ? 'a mode-000 file is read as root (root bypasses permissions)'
      : 'an unreadable file (permission denied) is a located finding',
    files: { 'aserver.conf': `${ANON}\n` },
    setup: (root) => fs.chmodSync(path.join(root, 'aserver.conf'), 0),
    code: isRoot ? 0 : 1,
    findings: isRoot ? [ANON_FINDING] : ['parse/unreadable-file aserver.conf:1'],
  },
  {
    name: 'invalid XML in a Tomcat server.xml',
    files: {
      'conf/server.xml':
        '<Server port="8005">\n  <Service>\n    <Connector port="8443" SSLEnabled="true" <oops/>\n</Server>\n',
    },
    code: 1,
    findings: ['parse/invalid-xml conf/server.xml:3'],
  },
  {
    name: 'invalid JSON CCDT',
    files: {
      'ccdt.json': '{"channel":[{"name":"A","type":"clientConnection",\n  "clientConnection": {"connection": [}\n]}\n',
    },
    code: 1,
    findings: [
      'parse/json-syntax ccdt.json:2',
      'parse/json-syntax ccdt.json:4',
      'parse/json-syntax ccdt.json:4',
      'parse/json-syntax ccdt.json:4',
    ],
  },
  {
    name: 'invalid YAML in application.yml',
    files: { 'application.yml': 'server:\n  ssl:\n    enabled: true\n   key-store: [x\n' },
    code: 1,
    findings: ['parse/invalid-yaml application.yml:4'],
  },
  {
    name: 'YAML nested 5,000 levels deep',
    files: { 'application.yml': '['.repeat(5000) + ']'.repeat(5000) },
    code: 1,
    findings: ['parse/yaml-too-deep application.yml:1'],
  },
  {
    name: 'MQSC syntax error',
    files: { 'QM1.mqsc': "DEFINE CHANNEL('A') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12)\n" },
    code: 1,
    findings: ['parse/mqsc-unterminated-quote QM1.mqsc:1'],
  },
  {
    name: 'a binary file and a good file: the good one is still checked',
    files: { 'eserver.conf': Buffer.from([0, 1, 2, 3]), 'aserver.conf': `${ANON}\n` },
    code: 1,
    findings: [ANON_FINDING, 'parse/binary-file eserver.conf:1'],
  },
  // Without --no-error-on-unmatched these exit 2 "no files to check" (test/discover/deployments-found.test.ts).
  {
    name: 'an empty tree',
    files: {},
    args: (root) => ['--no-config', '--no-error-on-unmatched', root],
    code: 0,
    findings: [],
  },
  {
    name: 'a tree with only unknown files',
    files: { 'notes.txt': 'hello', 'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
    args: (root) => ['--no-config', '--no-error-on-unmatched', root],
    code: 0,
    findings: [],
  },
  {
    name: 'a single file given on the command line',
    files: { 'aserver.conf': `${ANON}\n` },
    args: (root) => [path.join(root, 'aserver.conf')],
    code: 0,
    findings: [ANON_FINDING],
  },
];

describe('bad input: files', () => {
  it.each(fileCases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const root = writeTree(testCase.files);
    try {
      testCase.setup?.(root);
      const outcome = run(testCase.args?.(root) ?? ['--no-config', root], root, { json: true });
      expect({ code: outcome.code, findings: outcome.findings, stderr: outcome.stderr }).toEqual({
        code: testCase.code,
        findings: testCase.findings,
        stderr: '',
      });
      for (const text of testCase.absent ?? []) expect(outcome.stdout + outcome.stderr).not.toContain(text);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  // 256 MB (sparse): reading it would take the process above 300 MB; not reading it stays near Node's own
  // ~60 MB, which rises to ~115 MB when the machine is loaded (V8's collector lags), so the bound is 160 MB.
  it('a 256 MB config file: memory stays bounded (peak RSS well under the file size)', () => {
    const root = writeTree({});
    try {
      fs.writeFileSync(path.join(root, 'aserver.conf'), '');
      fs.truncateSync(path.join(root, 'aserver.conf'), 256 * 1024 * 1024);
      const outcome = run(['--no-config', root], root, { json: true, measure: true });
      expect(outcome.findings).toEqual(['parse/file-too-large aserver.conf:1']);
      expect(outcome.maxRssKb).toBeGreaterThan(0);
      expect(outcome.maxRssKb).toBeLessThan(160 * 1024);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('10,000 nested directories: no crash, the files that can be reached are checked, exit 0', () => {
    const root = writeTree({ 'aserver.conf': `${ANON}\n` });
    // Paths this deep exceed PATH_MAX: build and remove them relative to a moving cwd, in a child process.
    const script = (body: string) =>
      spawnSync(process.execPath, ['-e', `const fs=require('fs');process.chdir(${JSON.stringify(root)});${body}`], {
        encoding: 'utf8',
        timeout: 60000,
      });
    const made = script(
      "for(let i=0;i<10000;i++){fs.mkdirSync('d');process.chdir('d');}fs.writeFileSync('eserver.conf','cleartrust.eserver.ssl.use=anon\\n');",
    );
    expect(made.status).toBe(0);
    try {
      const outcome = run(['--no-config', root], root, { json: true });
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toBe('');
      expect(outcome.findings).toContain(ANON_FINDING);
    } finally {
      script(
        "let n=0;for(;n<10000;n++){process.chdir('d');}fs.rmSync('eserver.conf');for(;n>0;n--){process.chdir('..');fs.rmdirSync('d');}",
      );
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

interface UsageCase {
  name: string;
  args: string[];
  files?: Tree;
  /** The one line on stderr (after `lint-deploy: `). */
  stderr: string | RegExp;
}

const usageCases: UsageCase[] = [
  { name: 'a path that does not exist', args: ['no/such/dir'], stderr: 'No such file or directory: no/such/dir' },
  {
    name: 'a file that does not exist in a tree that does',
    args: ['missing.conf'],
    files: { 'aserver.conf': ANON },
    stderr: 'No such file or directory: missing.conf',
  },
  {
    name: 'an invalid config file (bad JSON)',
    args: ['--config', 'bad.json', '.'],
    files: { 'bad.json': '{"rules": {' },
    stderr: /^Config file bad\.json is not valid JSON: /,
  },
  { name: 'a config file that does not exist', args: ['--config', 'nope.json', '.'], stderr: /nope\.json/ },
  {
    name: 'a config with an unknown key',
    args: ['--config', 'c.json', '.'],
    files: { 'c.json': '{"rulez": {}}' },
    stderr: /rulez/,
  },
  {
    name: 'a config naming an unknown rule',
    args: ['--config', 'c.json', '.'],
    files: { 'c.json': '{"rules": {"nope/nothing": "error"}}' },
    stderr: /nope\/nothing/,
  },
  {
    name: 'an unknown rule id on the command line',
    args: ['--rule', 'nope/nothing:error', '.'],
    stderr: /nope\/nothing/,
  },
  { name: 'an unknown severity', args: ['--rule', 'cleartrust/ssl-mode-mismatch:loud', '.'], stderr: /loud/ },
  {
    name: '--rule without a severity',
    args: ['--rule', 'cleartrust/ssl-mode-mismatch', '.'],
    stderr: "--rule expects <id>:<severity>, got 'cleartrust/ssl-mode-mismatch'",
  },
  { name: 'an unknown format', args: ['--format', 'yaml', '.'], stderr: /^Unknown format 'yaml' \(use one of: / },
  {
    name: 'conflicting flags --color --no-color',
    args: ['--color', '--no-color', '.'],
    stderr: '--color and --no-color cannot be used together',
  },
  {
    name: 'conflicting flags --config x --no-config',
    args: ['--config', 'x.json', '--no-config', '.'],
    stderr: '--config and --no-config cannot be used together',
  },
  { name: 'an unknown option', args: ['--frobnicate'], stderr: /frobnicate.*\(see lint-deploy --help\)$/ },
  {
    name: '--max-warnings that is not a number',
    args: ['--max-warnings', 'lots', '.'],
    stderr: "--max-warnings expects a whole number, got 'lots'",
  },
  {
    name: 'more --output-file than --format values',
    args: ['-o', 'a.txt', '-o', 'b.txt', '.'],
    stderr: '2 --output-file values for 1 --format values',
  },
  {
    name: 'an output file that cannot be written',
    args: ['-o', 'aserver.conf/out.json', '.'],
    files: { 'aserver.conf': ANON },
    stderr: /^Cannot write .*out\.json: E/,
  },
  {
    name: '--explain with an unknown rule',
    args: ['--explain', 'nope/nothing'],
    stderr: "Unknown rule 'nope/nothing' (see lint-deploy --list-rules)",
  },
  {
    name: 'explain-error without the error text',
    args: ['explain-error'],
    stderr: 'explain-error expects the error text: lint-deploy explain-error "<text>" [paths...]',
  },
  {
    name: 'a baseline file that does not exist',
    args: ['--baseline', 'nope.baseline.json', '.'],
    stderr: /nope\.baseline\.json/,
  },
  {
    name: 'a plugin that cannot be found',
    args: ['--allow-plugins', '--config', 'c.json', '.'],
    files: { 'c.json': '{"plugins": ["./no-such-plugin.js"]}' },
    stderr: /^Cannot find plugin '.*no-such-plugin\.js' \(named in config "plugins"/,
  },
];

describe('bad usage: exit 2 and one line on stderr, never a stack trace', () => {
  it.each(usageCases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const root = writeTree(testCase.files ?? {});
    try {
      const outcome = run(testCase.args, root);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe('');
      const lines = outcome.stderr.replace(/\n$/, '').split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith('lint-deploy: ')).toBe(true);
      const message = lines[0].slice('lint-deploy: '.length);
      if (typeof testCase.stderr === 'string') expect(message).toBe(testCase.stderr);
      else expect(message).toMatch(testCase.stderr);
      expect(outcome.stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

test('the suite has at least 40 cases', () => {
  expect(fileCases.length + usageCases.length + 2).toBeGreaterThanOrEqual(40);
});
