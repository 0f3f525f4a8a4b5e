/**
 * Real files: lint-deploy over all of test/fixtures/corpus (a copy of the team's shared corpus) — as laid out there (one
 * grab-bag deployment) and with every file restored to its upstream name,
 * one deployment per upstream repository and commit. Zero crashes; every
 * error-severity finding is listed below with the reason it is true.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { withRecommended } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { CORPUS_DIR, corpusUpstreamNames } from './fuzz-support';

const repo = path.resolve(__dirname, '../..');

/** Error findings on the corpus as laid out: `ruleId corpus-relative-file`, each with why it is right. */
const AS_IS_ERRORS: Record<string, string> = {
  // None. The grab-bag puts mq-dev-patterns' CCDTs (no CipherSpec on DEV.APP.SVRCONN, queue managers QMGroupA/B,
  // QM1TLS) next to mq-container's dev TLS MQSC (three versions defining DEV.APP.SVRCONN): nothing but the channel
  // name pairs them, so the link is unknown (tls/link-outcome-unknown), never an mq/cipherspec-mismatch error.
};

/** Error findings with files restored to upstream names, one deployment per repository@commit. */
const UPSTREAM_ERRORS: Record<string, string> = {};

function key(ruleId: string, file: string, base: string): string {
  return `${ruleId} ${path.relative(base, file).split(path.sep).join('/')}`;
}

describe('corpus (test/fixtures/corpus)', () => {
  it('as laid out: the CLI exits normally, no crash, no stack trace; error findings are the listed true ones', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(repo, 'dist/cli.js'), '--no-config', '--format', 'json', CORPUS_DIR],
      { cwd: CORPUS_DIR, encoding: 'utf8', timeout: 60000 },
    );
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; severity: string; file: string }[];
    expect(findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'parse/parser-crash')).toEqual([]);
    const errors = [
      ...new Set(
        findings
          .filter((f) => f.severity === 'error')
          .map((f) => key(f.ruleId, path.resolve(CORPUS_DIR, f.file), CORPUS_DIR)),
      ),
    ].sort();
    expect(errors).toEqual(Object.keys(AS_IS_ERRORS).sort());
  });

  it('restored to upstream names, one deployment per repository@commit: no crash; error findings are the listed true ones', () => {
    const upstream = corpusUpstreamNames();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-corpus-'));
    try {
      for (const [corpusFile, upstreamPath] of upstream) {
        if (!fs.existsSync(corpusFile)) continue;
        const target = path.join(root, upstreamPath.replace(/[@:]/g, '_'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(corpusFile, target);
      }
      const deployments = fs
        .readdirSync(root)
        .flatMap((owner) => fs.readdirSync(path.join(root, owner)).map((r) => path.join(root, owner, r)));
      expect(deployments.length).toBeGreaterThan(10);
      const errors: string[] = [];
      let files = 0;
      for (const deployment of deployments) {
        const result = lint({ paths: [deployment], cwd: root, config: withRecommended(defaultConfig(root)) });
        files += result.fileCount;
        expect(result.internalError).toBe(false);
        expect(result.findings.filter((f) => f.ruleId === 'parse/parser-crash')).toEqual([]);
        for (const f of result.findings) if (f.severity === 'error') errors.push(key(f.ruleId, f.location.file, root));
      }
      expect(files).toBeGreaterThan(40);
      expect([...new Set(errors)].sort()).toEqual(Object.keys(UPSTREAM_ERRORS).sort());
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
