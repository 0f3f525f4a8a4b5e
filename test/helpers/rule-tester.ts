import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, Severity } from '../../src/core/types';
import type { LintConfig } from '../../src/core/config';
import { defaultConfig } from '../../src/core/config';
import { validateRuleOptions } from '../../src/engine/config/validate';
import { lint } from '../../src/engine/lint';
import { ALL_RULES } from '../../src/rules';
import type { AnyRule } from '../../src/rules/types';
import type { Deployment } from '../../src/model/types';
import { contextPlacesThatDecide, unnamedDecidingFiles } from './deciding-files';

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
  /** Substrings the message must not contain (a secret, a value that is not the one meant). */
  messageExcludes?: string[];
  related?: { file: string; line: number }[];
}

export interface InvalidCase extends TreeCase {
  errors: ExpectedFinding[];
}

/**
 * Every directory writeTree made in this test file, removed after its tests (this module is loaded per test file,
 * at collection time, where a hook may be registered): trees a test does not remove itself do not pile up in /tmp.
 */
const written: string[] = [];
if (typeof afterAll === 'function') afterAll(() => written.splice(0).forEach(removeTree));

/** Removes a temp tree; one deeper than PATH_MAX (test/discover's unreadable directory) goes by rm -rf, which walks with openat. */
function removeTree(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    spawnSync('rm', ['-rf', dir]);
  }
}

/** Writes a tree into a fresh temp directory and returns its path (removed after the test file's tests). */
export function writeTree(files: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-test-'));
  written.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/**
 * Temp directories removed after the test file's tests: `tree` writes one (writeTree), `track` adopts one made
 * otherwise. Call at the top level of a test file (it registers an afterAll hook).
 */
export function temporaryTrees(): { tree: (files: Tree) => string; track: (dir: string) => string } {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const track = (dir: string) => {
    dirs.push(dir);
    return dir;
  };
  return { tree: (files) => track(writeTree(files)), track };
}

/** The model of a tree written to a temp directory (its first deployment), with the default configuration. */
export function modelOf(files: Tree): Deployment {
  const root = writeTree(files);
  try {
    return lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
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

/**
 * Checks a rule's test table before it runs (after typescript-eslint's RuleTester): names are unique,
 * every case's options are valid for the rule's schema, an invalid case expects at least one finding,
 * expected message ids exist, and every message id is exercised by some invalid case. Returns the
 * problems found (empty when the table is sound).
 */
export function checkCases(
  rule: AnyRule,
  cases: { valid: TreeCase[]; invalid: InvalidCase[] },
  otherInvalid: InvalidCase[] = [],
  checkCoverage = true,
): string[] {
  const problems: string[] = [];
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) problems.push(`duplicate test case name '${duplicate}'`);
  for (const testCase of [...cases.valid, ...cases.invalid]) {
    const invalidOptions = testCase.options === undefined ? undefined : validateRuleOptions(rule, testCase.options);
    if (invalidOptions)
      problems.push(
        `test '${testCase.name}': options ${JSON.stringify(testCase.options)} do not match the rule's schema: ${invalidOptions}`,
      );
  }
  for (const testCase of cases.invalid) {
    if (testCase.errors.length === 0)
      problems.push(`invalid test '${testCase.name}' expects no finding: make it a valid case or list its errors`);
    for (const e of testCase.errors)
      if (!(e.messageId in rule.meta.messages))
        problems.push(`unknown messageId '${e.messageId}' in test '${testCase.name}'`);
  }
  const exercised = new Set([...cases.invalid, ...otherInvalid].flatMap((c) => c.errors.map((e) => e.messageId)));
  const unexercised = Object.keys(rule.meta.messages).filter((id) => !exercised.has(id));
  if (checkCoverage && unexercised.length)
    problems.push(
      `message id(s) ${unexercised.map((id) => `'${id}'`).join(', ')} of ${rule.meta.id} are never exercised: add an invalid case that reports each`,
    );
  const properties = (rule.meta.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>;
  const undocumented = Object.keys(properties).filter((name) => !properties[name].description);
  if (undocumented.length)
    problems.push(
      `option(s) ${undocumented.join(', ')} of ${rule.meta.id} have no description (meta.options: { name: { type, description, default? } })`,
    );
  return problems;
}

/** The invalid cases of every table of a rule in this test file (a file may split a rule's cases over several tables). */
const tablesOfFile = new Map<AnyRule, InvalidCase[][]>();

/** ESLint-style table-driven tests over file trees. */
export function ruleTester(rule: AnyRule, cases: { valid: TreeCase[]; invalid: InvalidCase[] }): void {
  const tables = tablesOfFile.get(rule) ?? [];
  tablesOfFile.set(rule, [...tables, cases.invalid]);
  describe(rule.meta.id, () => {
    it('test table: valid options, no invalid case without errors, every message id exercised', () => {
      // Runs after every table of the file was declared: message ids may be exercised by any of them.
      // Message coverage is asked of the rule's own test file (test/rules/<id>.test.ts); tables elsewhere add cases.
      const others = (tablesOfFile.get(rule) ?? []).filter((t) => t !== cases.invalid).flat();
      const ownFile = (expect.getState().testPath ?? '')
        .split(path.sep)
        .join('/')
        .endsWith(`test/rules/${rule.meta.id}.test.ts`);
      expect(checkCases(rule, cases, others, ownFile)).toEqual([]);
    });
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          const { findings, root } = runRule(rule, testCase);
          expect(
            findings.map(
              (f) => `${rel(root, f.location.file)}:${(f.location.range?.start.line ?? 0) + 1} ${f.message}`,
            ),
          ).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
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
          expect(actual.map((a) => `${a.file}:${a.line} ${a.messageId}`)).toEqual(
            testCase.errors.map((e) => `${e.file}:${e.line} ${e.messageId}`),
          );
          testCase.errors.forEach((e, i) => {
            if (e.column !== undefined) expect(actual[i].column).toBe(e.column);
            if (e.severity) expect(actual[i].severity).toBe(e.severity);
            for (const part of e.messageIncludes ?? []) expect(actual[i].message).toContain(part);
            for (const part of e.messageExcludes ?? []) expect(actual[i].message).not.toContain(part);
            if (e.related) expect(actual[i].related).toEqual(e.related);
          });
          // Every file that decides a finding is named by it, so linting only that file reports it.
          expect(unnamedDecidingFiles(rule, testCase)).toEqual([]);
          // A place named as context only: another value there leaves the finding as it is (template values there defer nothing).
          expect(contextPlacesThatDecide(rule, testCase, { findings, root })).toEqual([]);
        });
      }
    });
  });
}
