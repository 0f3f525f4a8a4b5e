/**
 * Baselines: adopt lint-deploy (or a new rule) without fixing the backlog first.
 * A baseline file records the fingerprints of known findings (rule + component +
 * key + value, never line numbers, so edits elsewhere in a file do not matter).
 * Findings matching a recorded fingerprint are suppressed with kind 'baseline';
 * only new findings fail the run. Matching counts: a fingerprint recorded twice
 * absorbs at most two findings.
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import { UsageError } from '../../core/types';
import { fingerprintOf } from './run-rules';
import { describeReadFailure, readRegularFile, writeFileAtomic } from '../../core/safe-fs';
import { relativePosix } from '../../core/posix-path';

export const DEFAULT_BASELINE_FILE = 'lint-deploy.baseline.json';
/** A baseline of a million findings is ~250 MB; this bounds what a file linked to /dev/zero can cost. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** For people reading the file; not used for matching. Relative to the baseline file. */
  file: string;
  message: string;
}

export interface BaselineFile {
  version: 1;
  tool: 'lint-deploy';
  findings: BaselineEntry[];
}

export function fingerprintOfFinding(f: Finding): string {
  return f.fingerprint ?? fingerprintOf([f.ruleId, path.basename(f.location.file), f.message]);
}

export function readBaseline(file: string): BaselineFile {
  const read = readRegularFile(file, MAX_BASELINE_BYTES);
  if (!read.ok && read.reason === 'missing')
    throw new UsageError(`Baseline file ${file} does not exist (create it with --update-baseline)`);
  if (!read.ok) throw new UsageError(`Baseline file ${file} ${describeReadFailure(read, MAX_BASELINE_BYTES)}`);
  let raw: unknown;
  try {
    raw = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    // Never the parser's message: it quotes the file's first characters.
    throw new UsageError(`${file} is not a lint-deploy baseline (not valid JSON)`);
  }
  const b = raw as Partial<BaselineFile>;
  if (
    b?.tool !== 'lint-deploy' ||
    b.version !== 1 ||
    !Array.isArray(b.findings) ||
    b.findings.some((e) => typeof e?.fingerprint !== 'string')
  ) {
    throw new UsageError(
      `${file} is not a lint-deploy baseline (expected {"version": 1, "tool": "lint-deploy", "findings": [{"fingerprint": …}]})`,
    );
  }
  return b as BaselineFile;
}

/** Marks findings recorded in the baseline as suppressed (kind 'baseline'); the rest are new. */
export function applyBaseline(findings: Finding[], baseline: BaselineFile): Finding[] {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + 1);
  return findings.map((f) => {
    if (f.suppressed) return f;
    const key = fingerprintOfFinding(f);
    const left = remaining.get(key) ?? 0;
    if (left <= 0) return f;
    remaining.set(key, left - 1);
    return { ...f, suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } };
  });
}

/** The baseline for the current findings (those not already suppressed in the source), sorted for stable diffs. */
export function createBaseline(findings: Finding[], baselineFile: string): BaselineFile {
  const dir = path.dirname(baselineFile);
  const entries = findings
    .filter((f) => !f.suppressed)
    .map((f) => ({
      fingerprint: fingerprintOfFinding(f),
      ruleId: f.ruleId,
      file: relativePosix(dir, f.location.file),
      message: f.message,
    }))
    .sort((a, b) =>
      a.file < b.file
        ? -1
        : a.file > b.file
          ? 1
          : a.ruleId < b.ruleId
            ? -1
            : a.ruleId > b.ruleId
              ? 1
              : a.fingerprint < b.fingerprint
                ? -1
                : a.fingerprint > b.fingerprint
                  ? 1
                  : 0,
    );
  return { version: 1, tool: 'lint-deploy', findings: entries };
}

/** Atomic; a symbolic link at the default baseline path is refused (`explicit`: named with --baseline). */
export function writeBaseline(file: string, baseline: BaselineFile, explicit: boolean): void {
  writeFileAtomic(file, JSON.stringify(baseline, null, 2) + '\n', { explicit, what: 'baseline' });
}
