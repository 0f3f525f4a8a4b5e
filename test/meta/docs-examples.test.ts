import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintConfig } from '../../src/core/config';
import { ALL_RULES } from '../../src/rules';
import { docsExample, type DocsExample } from '../helpers/docs-examples';
import { runRule, type TreeCase } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');

/** The run of one example tree: config and options from its lint-deploy.config.json block. */
function caseOf(name: string, ruleId: string, files: Record<string, string | Buffer>): TreeCase {
  const { 'lint-deploy.config.json': configText, ...tree } = files;
  if (configText === undefined) return { name, files: tree };
  const raw = JSON.parse(configText.toString()) as Partial<LintConfig> & { rules?: Record<string, unknown> };
  const setting = raw.rules?.[ruleId];
  const config: Partial<LintConfig> = {};
  for (const key of ['java', 'components', 'links', 'agentVersion'] as const)
    if (raw[key] !== undefined) Object.assign(config, { [key]: raw[key] });
  return {
    name,
    files: tree,
    config,
    options: Array.isArray(setting) ? (setting[1] as Record<string, unknown>) : undefined,
  };
}

const pages = ALL_RULES.map((rule) => {
  const file = path.join(repo, 'docs', 'rules', `${rule.meta.id}.md`);
  const example = fs.existsSync(file) ? docsExample(fs.readFileSync(file, 'utf8')) : undefined;
  return { rule, example };
});

describe('docs examples (fenced file trees) are linted', () => {
  it('every rule page has example trees', () => {
    const missing = pages.filter((p) => !p.example).map((p) => p.rule.meta.id);
    expect(missing).toEqual([]);
  });

  const converted = pages.filter(
    (p): p is { rule: (typeof pages)[number]['rule']; example: DocsExample } => !!p.example,
  );
  describe.each(converted.map((p) => [p.rule.meta.id, p] as const))('%s', (id, { rule, example }) => {
    it('the problematic configuration reports the rule', () => {
      expect(Object.keys(example.problematic).length).toBeGreaterThan(0);
      const { findings } = runRule(rule, caseOf('problematic', id, example.problematic));
      expect(findings.filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    });
    it('the corrected configuration does not', () => {
      expect(example.correctedFiles.length).toBeGreaterThan(0);
      const { findings } = runRule(rule, caseOf('corrected', id, example.corrected));
      expect(findings.map((f) => f.message)).toEqual([]);
    });
  });
});
