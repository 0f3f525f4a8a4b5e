import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunMemo } from '../../src/core/run-memo';
import { realPathResolver } from '../../src/core/safe-fs';

describe('RunMemo', () => {
  it('computes each key of a table once and keeps tables apart', () => {
    const memo = new RunMemo();
    let calls = 0;
    const square = (n: number) => memo.get('square', String(n), () => (calls++, n * n));
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9]);
    expect(calls).toBe(2);
    expect(memo.get('other', '3', () => 'x')).toBe('x');
  });

  it('remembers undefined answers too', () => {
    const memo = new RunMemo();
    let calls = 0;
    memo.get('t', 'k', () => (calls++, undefined));
    memo.get('t', 'k', () => (calls++, undefined));
    expect(calls).toBe(1);
  });

  it('starts a full table afresh instead of growing without bound', () => {
    const memo = new RunMemo();
    for (let i = 0; i <= RunMemo.TABLE_LIMIT; i++) memo.get('t', String(i), () => i);
    let recomputed = false;
    memo.get('t', '0', () => ((recomputed = true), 0));
    expect(recomputed).toBe(true);
  });

  it('two runs never share answers', () => {
    expect(new RunMemo().get('t', 'k', () => 1)).toBe(1);
    expect(new RunMemo().get('t', 'k', () => 2)).toBe(2);
  });
});

describe('realPathResolver', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-realpath-')));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('answers what fs.realpathSync answers, links in the last or an inner segment included', () => {
    fs.mkdirSync(path.join(tmp, 'real', 'envs', 'a'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'real', 'envs', 'b'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'elsewhere'));
    fs.symlinkSync(path.join(tmp, 'real'), path.join(tmp, 'linked'));
    fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(tmp, 'real', 'envs', 'c'));
    const resolve = realPathResolver();
    for (const p of ['real/envs/a', 'real/envs/b', 'linked/envs/a', 'real/envs/c', 'linked/envs/c', 'real/./envs/a'])
      expect(resolve(path.join(tmp, p))).toBe(fs.realpathSync(path.join(tmp, p)));
  });

  it('throws for a missing path as fs.realpathSync does', () => {
    expect(() => realPathResolver()(path.join(tmp, 'missing', 'x'))).toThrow(/ENOENT/);
  });
});
