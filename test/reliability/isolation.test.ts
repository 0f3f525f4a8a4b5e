/**
 * Isolation: a full run opens no socket, starts no process and runs no code
 * from the tree (plugins only when named in config); a rule that throws is an
 * `internal-error` finding, exit 2, and the other rules still report.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { defineRule } from '../../src/rules/types';
import { writeTree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');

function runIsolated(args: string[], cwd: string) {
  const log = path.join(os.tmpdir(), `lint-deploy-net-${process.pid}-${Date.now()}.log`);
  const result = spawnSync(
    process.execPath,
    ['--require', path.join(__dirname, 'preload-no-network.js'), cli, ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LINT_DEPLOY_NET_LOG: log }, timeout: 30000 },
  );
  const attempts = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  fs.rmSync(log, { force: true });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, attempts };
}

describe('isolation', () => {
  it('a full run over every example (all formats) opens no socket and starts no process', () => {
    for (const format of ['json', 'html', 'sarif']) {
      const { code, attempts, stderr } = runIsolated(['--no-config', '--format', format, 'examples'], repo);
      expect(attempts).toEqual([]);
      expect(stderr).toBe('');
      expect(code).toBe(1);
    }
  });

  it('no code from the tree runs: a plugin-shaped file, setenv.sh and a node_modules package are only read, never executed', () => {
    const marker = path.join(os.tmpdir(), `lint-deploy-executed-${process.pid}`);
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: [] };\n`;
    const root = writeTree({
      'plugin.js': payload,
      'lint-deploy-plugin-x/index.js': payload,
      'node_modules/lint-deploy-plugin-evil/index.js': payload,
      'bin/setenv.sh': `touch ${marker}\nJAVA_OPTS="-Djdk.tls.client.protocols=TLSv1.2"\n`,
      'aserver.conf': 'cleartrust.net.ssl.use=anon\n',
    });
    try {
      const { code, attempts } = runIsolated(['--no-config', root], root);
      expect(attempts).toEqual([]);
      expect(code).toBe(0);
      expect(fs.existsSync(marker)).toBe(false);
      // Named in config, the plugin is still not loaded: exit 2 with one line saying why.
      fs.writeFileSync(path.join(root, 'lint-deploy.config.json'), '{"plugins": ["./plugin.js"]}');
      const refused = runIsolated([root], root);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /^lint-deploy: The config names plugins \('.*plugin\.js'\): plugins run code, so they load only with --allow-plugins \(docs\/security\.md\)\n$/,
      );
      expect(fs.existsSync(marker)).toBe(false);
      // With --allow-plugins on the command line (and only then) it is loaded.
      runIsolated(['--allow-plugins', root], root);
      expect(fs.existsSync(marker)).toBe(true);
    } finally {
      fs.rmSync(marker, { force: true });
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a rule that throws', () => {
  const crashing = defineRule({
    meta: {
      id: 'test/crashes',
      description: 'always throws',
      severity: 'error',
      messages: { never: 'never' },
      defaultOptions: {},
    },
    check() {
      throw new Error('boom from a test rule');
    },
  });

  it('library: an internal-error finding for that rule; the other rules still report', () => {
    const root = writeTree({ 'aserver.conf': 'cleartrust.net.ssl.use=anon\n' });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root), extraRules: [crashing] });
      expect(result.internalError).toBe(true);
      expect(result.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
        'internal-error: Rule test/crashes crashed and was skipped: boom from a test rule',
        expect.stringMatching(/^cleartrust\/anon-cipher-disabled: /),
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('CLI with a plugin rule that throws: exit 2, the finding printed, one line on stderr, no stack trace', () => {
    const root = writeTree({
      'aserver.conf': 'cleartrust.net.ssl.use=anon\n',
      'crash-plugin.js':
        "module.exports = { rules: [{ meta: { id: 'test/crashes', description: 'x', severity: 'error', messages: { m: 'm' } }, check() { throw new Error('boom from a plugin'); } }] };\n",
      'lint-deploy.config.json': '{"plugins": ["./crash-plugin.js"]}',
    });
    try {
      const { code, stdout, stderr } = runIsolated(['--allow-plugins', '--format', 'json', root], root);
      expect(code).toBe(2);
      expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
        'internal-error',
        'cleartrust/anon-cipher-disabled',
      ]);
      expect(stderr).toBe('lint-deploy: a rule crashed (see the internal-error finding); the other rules ran\n');
      expect(stdout + stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
