import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, Severity } from '../../src/core/types';
import type { LintConfig } from '../../src/core/config';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { ALL_RULES } from '../../src/rules';
import type { AnyRule } from '../../src/rules/types';

/** A small file tree: relative path → content (a Buffer for bytes). */
export type Tree = Record<string, string | Buffer>;

export interface TreeCase {
  name: string;
  files: Tree;
  /** The rule's options. */
  options?: Record<string, unknown>;
  /** Extra config (java, components, links, agentVersion…). */
  config?: Partial<LintConfig>;
  java?: { version?: string; vendor?: string };
}

/** An expected finding; `line` is ONE-based, as users see it. */
export interface ExpectedFinding {
  messageId: string;
  file: string;
  line: number;
  column?: number;
  severity?: Severity;
  /** Substrings the message must contain. */
  messageIncludes?: string[];
  related?: { file: string; line: number }[];
}

export interface InvalidCase extends TreeCase {
  errors: ExpectedFinding[];
}

/** Writes a tree into a fresh temp directory and returns its path. */
export function writeTree(files: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Lints a tree with only `rule` switched on; returns its findings (parse findings excluded) and the tree root. */
export function runRule(rule: AnyRule, testCase: TreeCase): { findings: Finding[]; root: string } {
  const root = writeTree(testCase.files);
  try {
    const rules: LintConfig['rules'] = {};
    for (const other of ALL_RULES) rules[other.meta.id] = 'off';
    rules[rule.meta.id] = [rule.meta.severity, testCase.options ?? {}];
    const config: LintConfig = { ...defaultConfig(root), ...testCase.config, rules };
    const extra = ALL_RULES.includes(rule) ? [] : [rule];
    const result = lint({ paths: [root], cwd: root, config, java: testCase.java, extraRules: extra });
    const findings = result.findings.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'internal-error');
    return { findings, root };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** ESLint-style table-driven tests over file trees. */
export function ruleTester(rule: AnyRule, cases: { valid: TreeCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`duplicate test case name '${duplicate}'`);

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          const { findings, root } = runRule(rule, testCase);
          expect(findings.map((f) => `${rel(root, f.location.file)}:${(f.location.range?.start.line ?? 0) + 1} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
          for (const e of testCase.errors) {
            if (!(e.messageId in rule.meta.messages)) throw new Error(`unknown messageId '${e.messageId}' in test '${testCase.name}'`);
          }
          const { findings, root } = runRule(rule, testCase);
          const actual = findings.map((f) => ({
            messageId: f.messageId,
            file: rel(root, f.location.file),
            line: (f.location.range?.start.line ?? 0) + 1,
            column: (f.location.range?.start.character ?? 0) + 1,
            severity: f.severity,
            message: f.message,
            related: (f.related ?? []).map((r) => ({ file: rel(root, r.file), line: (r.range?.start.line ?? 0) + 1 })),
          }));
          expect(actual.map((a) => `${a.file}:${a.line} ${a.messageId}`)).toEqual(testCase.errors.map((e) => `${e.file}:${e.line} ${e.messageId}`));
          testCase.errors.forEach((e, i) => {
            if (e.column !== undefined) expect(actual[i].column).toBe(e.column);
            if (e.severity) expect(actual[i].severity).toBe(e.severity);
            for (const part of e.messageIncludes ?? []) expect(actual[i].message).toContain(part);
            if (e.related) expect(actual[i].related).toEqual(e.related);
          });
        });
      }
    });
  });
}
