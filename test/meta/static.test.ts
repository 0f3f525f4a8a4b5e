import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');

// jest transpiles with swc and does not type-check: these make `npm test` fail on type, lint or format errors.
// scripts/static-check.mjs runs the four checks in one process (ESLint's typed rules reuse the program tsc
// checked; Prettier keeps a content-keyed cache), with the verdicts of the commands named below.
describe('static checks', () => {
  let checks: Record<string, string> = {};
  let failure = '';
  beforeAll(() => {
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/static-check.mjs')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 600000,
    });
    try {
      checks = JSON.parse(result.stdout) as Record<string, string>;
    } catch {
      failure = `scripts/static-check.mjs printed no verdict (exit ${result.status}): ${result.stdout}${result.stderr}`;
    }
  }, 600000);

  const verdict = (check: string) => (failure !== '' ? failure : (checks[check] ?? `${check}: no verdict`));

  // tsconfig.json (src, scripts, bench: strict + noUncheckedIndexedAccess) and test/tsconfig.json (without it).
  it.each(['.', 'test'])('TypeScript: tsc --noEmit -p %s has no errors', (project) => {
    expect(verdict(`tsc -p ${project}`)).toBe('');
  });

  // Typed linting (strict-type-checked on src) reads the TypeScript program of tsconfig.json.
  it('ESLint (typescript-eslint recommended; strict-type-checked on src) has no errors', () => {
    expect(verdict('eslint')).toBe('');
  });

  it('Prettier: src, test, scripts and bench are formatted (npx prettier --write src test scripts bench)', () => {
    expect(verdict('prettier')).toBe('');
  });
});
