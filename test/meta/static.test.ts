import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

// jest transpiles with swc and does not type-check: these make `npm test` fail on type or lint errors.
describe('static checks', () => {
  // tsconfig.json (src, scripts, bench: strict + noUncheckedIndexedAccess) and test/tsconfig.json (without it).
  it.each(['.', 'test'])('TypeScript: tsc --noEmit -p %s has no errors', (project) => {
    const result = spawnSync(bin('tsc'), ['--noEmit', '-p', project], { cwd: repo, encoding: 'utf8', timeout: 180000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // Typed linting (strict-type-checked on src) builds the TypeScript program: about twice the time of recommended alone.
  it('ESLint (typescript-eslint recommended; strict-type-checked on src) has no errors', () => {
    const result = spawnSync(bin('eslint'), ['--quiet', 'src', 'test', 'scripts', 'bench'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 360000,
    });
    expect(result.stdout + result.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
  });

  it('Prettier: src, test, scripts and bench are formatted (npx prettier --write src test scripts bench)', () => {
    const result = spawnSync(bin('prettier'), ['--list-different', 'src', 'test', 'scripts', 'bench'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 180000,
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
