import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import type { LintConfig } from '../../src/core/config';
import { defaultConfig } from '../../src/core/config';
import type { CustomRuleSpec } from '../../src/engine/custom-rules/compile';
import { compileCustomRules } from '../../src/engine/custom-rules/compile';
import { lint } from '../../src/engine/lint';
import { ALL_RULES } from '../../src/rules';
import type { Tree } from '../helpers/rule-tester';
import { writeTree } from '../helpers/rule-tester';

export interface Linted {
  findings: Finding[];
  root: string;
  /** `file:line ruleId` (one-based), with ` (suppressed: kind reason)` when suppressed. */
  lines: string[];
}

/**
 * Lints a tree with built-in rules switched off (unless `builtIn` lists some) and the given
 * declarative rules on. Returns findings and a compact one-line-per-finding view.
 */
export function lintTree(
  files: Tree,
  options: {
    custom?: CustomRuleSpec[];
    builtIn?: string[];
    config?: Partial<LintConfig>;
    reportUnused?: boolean;
    paths?: string[];
    /** What to do to the written tree before it is linted (make symbolic links). */
    prepare?: (root: string) => void;
  } = {},
): Linted {
  const root = writeTree(files);
  try {
    options.prepare?.(root);
    const rules: LintConfig['rules'] = {};
    for (const r of ALL_RULES) rules[r.meta.id] = options.builtIn?.includes(r.meta.id) ? r.meta.severity : 'off';
    const extraRules = compileCustomRules(options.custom ?? [], new Set(ALL_RULES.map((r) => r.meta.id)));
    const config: LintConfig = {
      ...defaultConfig(root),
      ...options.config,
      rules: { ...rules, ...options.config?.rules },
    };
    const result = lint({
      paths: (options.paths ?? ['.']).map((p) => path.join(root, p)),
      cwd: root,
      config,
      extraRules,
      reportUnusedDisableDirectives: options.reportUnused,
    });
    const lines = result.findings
      .filter((f) => !f.ruleId.startsWith('parse/'))
      .map(
        (f) =>
          `${path.relative(root, f.location.file).split(path.sep).join('/')}:${(f.location.range?.start.line ?? 0) + 1} ${f.ruleId}${f.suppressed ? ` (suppressed: ${f.suppressed.kind} ${f.suppressed.reason})` : ''}`,
      );
    return { findings: result.findings, root, lines };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
