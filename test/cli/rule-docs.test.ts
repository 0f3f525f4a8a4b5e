import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/rules';
import { renderMarkdownForTerminal } from '../../src/cli/markdown';

/**
 * Every rule has docs/rules/<area>/<name>.md in ShellCheck's shape (CONTRIBUTING.md "One rule = three files").
 * When this fails, the message lists each page and what it lacks: fix your own rules' pages.
 */
const repo = path.resolve(__dirname, '../..');
export const REQUIRED_SECTIONS = [
  'What it catches',
  'Run-time symptom',
  'Problematic configuration',
  'Corrected configuration',
  'Rationale',
  'When to disable',
];

function problemsOf(ruleId: string): string[] {
  const file = path.join(repo, 'docs/rules', `${ruleId}.md`);
  if (!fs.existsSync(file)) return [`docs/rules/${ruleId}.md is missing (npm run generate creates it with its header)`];
  const text = fs.readFileSync(file, 'utf8');
  const problems: string[] = [];
  if (!text.includes('<!-- begin generated -->') || !text.includes('<!-- end generated -->'))
    problems.push('no generated header (run npm run generate)');
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
  const missing = REQUIRED_SECTIONS.filter((s) => !headings.includes(s));
  if (missing.length) problems.push(`missing sections: ${missing.map((s) => `"## ${s}"`).join(', ')}`);
  const order = REQUIRED_SECTIONS.filter((s) => headings.includes(s));
  const seen = headings.filter((h) => REQUIRED_SECTIONS.includes(h));
  if (!missing.length && seen.join('|') !== order.join('|'))
    problems.push(`sections out of order: expected ${REQUIRED_SECTIONS.join(' → ')}`);
  for (const section of REQUIRED_SECTIONS) {
    const m = new RegExp(`^## ${section}\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(text);
    if (m && (/^\s*TODO\b/m.test(m[1]) || !m[1].trim())) problems.push(`"## ${section}" is empty or TODO`);
  }
  return problems.map((p) => `docs/rules/${ruleId}.md: ${p}`);
}

describe('rule documentation', () => {
  it('every rule has a page with the ShellCheck-shaped sections, filled in', () => {
    const problems = ALL_RULES.flatMap((r) => problemsOf(r.meta.id));
    if (problems.length) {
      throw new Error(
        `${problems.length} rule docs problem(s) — sections required, in order: ${REQUIRED_SECTIONS.join(' → ')}\n  ${problems.join('\n  ')}`,
      );
    }
  });

  it('the ClearTrust pages are complete', () => {
    expect(ALL_RULES.filter((r) => r.meta.id.startsWith('cleartrust/')).flatMap((r) => problemsOf(r.meta.id))).toEqual(
      [],
    );
  });

  it('lint-deploy --explain <rule> prints the page, rendered for a terminal', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(repo, 'dist/cli.js'), '--explain', 'cleartrust/ssl-mode-mismatch'],
      { encoding: 'utf8', timeout: 30000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      renderMarkdownForTerminal(
        fs.readFileSync(path.join(repo, 'docs/rules/cleartrust/ssl-mode-mismatch.md'), 'utf8'),
        false,
      ),
    );
    const unknown = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), '--explain', 'cleartrust/nope'], {
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(unknown.status).toBe(2);
  });
});
