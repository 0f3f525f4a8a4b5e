import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');

// jest transpiles with swc and does not type-check: these make `npm test` fail on type, lint or format errors.
// scripts/static-check.mjs runs the four checks in one process (ESLint's typed rules reuse the program tsc
// checked; tsc -p test, the untyped lint and Prettier keep content-keyed caches), with the verdicts of the commands
// named below.
describe('static checks', () => {
  let checks: Record<string, string> = {};
  let failure = '';
  // A bound against a hang, not a speed test: at load 14 on 2 cores the four checks took 562 s one by one
  // (land log of 2026-12-01), and a 600 s bound failed a landing.
  const bound = 1_200_000;
  beforeAll(() => {
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/static-check.mjs')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: bound,
    });
    try {
      checks = JSON.parse(result.stdout) as Record<string, string>;
    } catch {
      const ended = result.signal
        ? `killed by ${result.signal} after at most ${bound / 1000} s`
        : `exit ${result.status}`;
      failure = `scripts/static-check.mjs printed no verdict (${ended}): ${result.stdout}${result.stderr}`;
    }
  }, bound + 60_000);

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
