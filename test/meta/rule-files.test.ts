import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/rules';

const repo = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('every rule has its three files (ESLint-style checkRuleFiles)', () => {
  const testSources = filesUnder(path.join(repo, 'test'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => fs.readFileSync(f, 'utf8'));

  it.each(ALL_RULES.map((r) => [r.meta.id]))(
    '%s: source file named by its id, a test that imports it, a docs page',
    (id) => {
      expect(fs.existsSync(path.join(repo, 'src/rules', `${id}.ts`))).toBe(true);
      const imported = testSources.some((text) => text.includes(`src/rules/${id}'`));
      expect({ id, imported }).toEqual({ id, imported: true });
      expect(fs.existsSync(path.join(repo, 'docs/rules', `${id}.md`))).toBe(true);
    },
  );

  it('every .ts file of an area folder is a rule; helper modules are in _lib/ folders', () => {
    const areas = fs
      .readdirSync(path.join(repo, 'src/rules'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('_'));
    const files = areas.flatMap((area) =>
      fs
        .readdirSync(path.join(repo, 'src/rules', area.name))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${area.name}/${f.slice(0, -3)}`),
    );
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    expect(files.filter((f) => !ids.has(f))).toEqual([]);
    const misplacedHelpers = fs
      .readdirSync(path.join(repo, 'src/rules'))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'options.ts'].includes(f));
    expect(misplacedHelpers).toEqual([]);
  });

  it('rule ids are unique and well-formed', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('every message placeholder is a word and every rule has a description and severity', () => {
    for (const rule of ALL_RULES) {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
      for (const template of Object.values(rule.meta.messages)) expect(template).not.toMatch(/\{\{\s*\}\}/);
    }
  });
});

describe('every parse/* finding is named on the page reports link it to (docs/rules/parse.md)', () => {
  const page = fs.readFileSync(path.join(repo, 'docs/rules/parse.md'), 'utf8');
  const sources = filesUnder(path.join(repo, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(f, 'utf8'));
  // A ParseProblem's `code: '…'` and the engine's own `parse/…` ids (read.ts, locked stores, unused PEM files).
  const ids = new Set(
    sources.flatMap((text) => [
      ...[...text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)].map((m) => `parse/${m[1]}`),
      ...[...text.matchAll(/'parse\/([a-z][a-z0-9-]*)'/g)].map((m) => `parse/${m[1]}`),
    ]),
  );

  it('finds the ids (the scan still works)', () => expect(ids.size).toBeGreaterThan(30));
  it.each([...ids].sort().map((id) => [id]))('%s', (id) => expect(page).toContain(`\`${id}\``));
});
