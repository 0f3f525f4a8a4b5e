import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { defaultConfig } from '../../src/core/config';
import { loadConfig } from '../../src/engine/config/load';
import { lint, type LintOptions } from '../../src/engine/lint';
import { ALL_RULES } from '../../src/rules';
import type { AnyRule, RuleScope } from '../../src/rules/types';

/**
 * A rule's `meta.appliesTo` lets the engine skip it on a deployment that holds none of the component types or
 * document kinds it names (src/engine/run/run-rules.ts). Skipping must never change a report: the examples,
 * the real files of test/fixtures/corpus and a generated fleet of the three shapes report the same findings
 * with every rule's scope removed (every rule run on every deployment), and the scopes do skip work there.
 * A scope naming less than the rule reads fails the rule's own invalid cases (test/helpers/rule-tester.ts
 * lints through the engine); this test catches what the tables miss on whole trees.
 */
const ROOT = path.resolve(__dirname, '../..');
const scoped = ALL_RULES.filter((rule) => rule.meta.appliesTo);

let checks = 0;
const originalChecks = new Map<AnyRule, AnyRule['check']>();
beforeAll(() => {
  for (const rule of ALL_RULES) {
    const check = rule.check;
    originalChecks.set(rule, check);
    rule.check = (ctx) => {
      checks++;
      check(ctx);
    };
  }
});
afterAll(() => {
  for (const [rule, check] of originalChecks) rule.check = check;
});

/** The findings of a run, and how many rule checks it made; `everywhere`: without any rule's scope. */
function run(options: LintOptions, everywhere: boolean): { report: string; checks: number } {
  const scopes = new Map<AnyRule, RuleScope | undefined>(scoped.map((rule) => [rule, rule.meta.appliesTo]));
  if (everywhere) for (const rule of scoped) rule.meta.appliesTo = undefined;
  const before = checks;
  try {
    const { findings } = lint(options);
    return { report: JSON.stringify(findings), checks: checks - before };
  } finally {
    for (const [rule, scope] of scopes) rule.meta.appliesTo = scope;
  }
}

const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-applicability-'));
generateFleet(fleet, { count: 24, seed: 11, defectRate: 0.5 });
fs.writeFileSync(path.join(fleet, 'lint-deploy.config.json'), JSON.stringify({ deployments: ['envs/*'] }));
afterAll(() => fs.rmSync(fleet, { recursive: true, force: true }));

const trees: [string, () => LintOptions][] = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, () => LintOptions] => {
      const dir = path.join(ROOT, 'examples', entry.name);
      return [`examples/${entry.name}`, () => ({ paths: [dir], cwd: dir, config: defaultConfig(dir) })];
    }),
  [
    'test/fixtures/corpus',
    () => {
      const dir = path.join(ROOT, 'test/fixtures/corpus');
      return { paths: [dir], cwd: dir, config: defaultConfig(dir) };
    },
  ],
  [
    'a generated fleet of 24 environments',
    () => ({
      paths: [],
      cwd: fleet,
      config: loadConfig(path.join(fleet, 'lint-deploy.config.json'), fleet),
      keepModel: false,
    }),
  ],
];

describe('rules skipped where they do not apply', () => {
  it('some rules have a scope, each naming component types or document kinds', () => {
    expect(scoped.length).toBeGreaterThan(20);
    const empty = scoped.filter(
      ({ meta }) => (meta.appliesTo?.components ?? []).length + (meta.appliesTo?.documents ?? []).length === 0,
    );
    expect(empty.map((rule) => rule.meta.id)).toEqual([]);
  });

  it.each(trees)('%s: the same findings as every rule run everywhere', (_name, options) => {
    const everywhere = run(options(), true);
    const skipping = run(options(), false);
    expect(skipping.report).toBe(everywhere.report);
    expect(skipping.checks).toBeLessThanOrEqual(everywhere.checks);
  });

  it('the generated fleet (three products) skips rule checks', () => {
    const [, options] = trees[trees.length - 1]!;
    const everywhere = run(options(), true);
    const skipping = run(options(), false);
    expect(skipping.checks).toBeLessThan(everywhere.checks * 0.8);
  });
});
