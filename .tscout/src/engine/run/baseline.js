"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_BASELINE_FILE = void 0;
exports.fingerprintOfFinding = fingerprintOfFinding;
exports.readBaseline = readBaseline;
exports.applyBaseline = applyBaseline;
exports.createBaseline = createBaseline;
exports.writeBaseline = writeBaseline;
/**
 * Baselines: adopt lint-deploy (or a new rule) without fixing the backlog first.
 * A baseline file records the fingerprints of known findings (rule + component +
 * key + value, never line numbers, so edits elsewhere in a file do not matter).
 * Findings matching a recorded fingerprint are suppressed with kind 'baseline';
 * only new findings fail the run. Matching counts: a fingerprint recorded twice
 * absorbs at most two findings.
 */
const path = __importStar(require("node:path"));
const types_1 = require("../../core/types");
const run_rules_1 = require("./run-rules");
const safe_fs_1 = require("../../core/safe-fs");
exports.DEFAULT_BASELINE_FILE = 'lint-deploy.baseline.json';
/** A baseline of a million findings is ~250 MB; this bounds what a file linked to /dev/zero can cost. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;
function fingerprintOfFinding(f) {
    return f.fingerprint ?? (0, run_rules_1.fingerprintOf)([f.ruleId, path.basename(f.location.file), f.message]);
}
function readBaseline(file) {
    const read = (0, safe_fs_1.readRegularFile)(file, MAX_BASELINE_BYTES);
    if (!read.ok && read.reason === 'missing')
        throw new types_1.UsageError(`Baseline file ${file} does not exist (create it with --update-baseline)`);
    if (!read.ok)
        throw new types_1.UsageError(`Baseline file ${file} ${(0, safe_fs_1.describeReadFailure)(read, MAX_BASELINE_BYTES)}`);
    let raw;
    try {
        raw = JSON.parse(read.bytes.toString('utf8'));
    }
    catch {
        // Never the parser's message: it quotes the file's first characters.
        throw new types_1.UsageError(`${file} is not a lint-deploy baseline (not valid JSON)`);
    }
    const b = raw;
    if (b?.tool !== 'lint-deploy' ||
        b.version !== 1 ||
        !Array.isArray(b.findings) ||
        b.findings.some((e) => typeof e?.fingerprint !== 'string')) {
        throw new types_1.UsageError(`${file} is not a lint-deploy baseline (expected {"version": 1, "tool": "lint-deploy", "findings": [{"fingerprint": …}]})`);
    }
    return b;
}
/** Marks findings recorded in the baseline as suppressed (kind 'baseline'); the rest are new. */
function applyBaseline(findings, baseline) {
    const remaining = new Map();
    for (const e of baseline.findings)
        remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + 1);
    return findings.map((f) => {
        if (f.suppressed)
            return f;
        const key = fingerprintOfFinding(f);
        const left = remaining.get(key) ?? 0;
        if (left <= 0)
            return f;
        remaining.set(key, left - 1);
        return { ...f, suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } };
    });
}
/** The baseline for the current findings (those not already suppressed in the source), sorted for stable diffs. */
function createBaseline(findings, baselineFile) {
    const dir = path.dirname(baselineFile);
    const entries = findings
        .filter((f) => !f.suppressed)
        .map((f) => ({
        fingerprint: fingerprintOfFinding(f),
        ruleId: f.ruleId,
        file: path.relative(dir, f.location.file).split(path.sep).join('/'),
        message: f.message,
    }))
        .sort((a, b) => a.file < b.file
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
                            : 0);
    return { version: 1, tool: 'lint-deploy', findings: entries };
}
/** Atomic; a symbolic link at the default baseline path is refused (`explicit`: named with --baseline). */
function writeBaseline(file, baseline, explicit) {
    (0, safe_fs_1.writeFileAtomic)(file, JSON.stringify(baseline, null, 2) + '\n', { explicit, what: 'baseline' });
}
