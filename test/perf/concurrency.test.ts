import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { autoWorkerCount } from '../../src/cli/performance';
import { writeTree } from '../helpers/rule-tester';

const cli = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60000,
  });

describe('--concurrency: worker threads give the same report as one thread', () => {
  const files: Record<string, string> = { 'lint-deploy.config.json': JSON.stringify({ deployments: ['envs/*'] }) };
  for (let i = 0; i < 7; i++) {
    files[`envs/env${i}/jdk/release`] = `JAVA_VERSION="1.8.0_${190 + i * 3}"\n`;
    files[`envs/env${i}/aserver.conf`] =
      `cleartrust.net.ssl.use=${i % 2 ? 'anon' : 'auth'}\ncleartrust.runtime_api.security=auth\n`;
    files[`envs/env${i}/eserver.conf`] = 'cleartrust.net.ssl.use=auth\ncleartrust.eserver.api_port.use_ssl=clear\n';
  }
  const root = writeTree(files);

  // '8': more workers than the 7 deployments (and the most a 2-CPU machine allows: 4 per CPU).
  it.each([['2'], ['3'], ['auto'], ['8']])('--concurrency %s', (n) => {
    const single = run(['--format', 'json', '.'], root);
    const parallel = run(['--format', 'json', '--concurrency', n, '.'], root);
    expect(parallel.stderr).toBe('');
    expect(parallel.status).toBe(single.status);
    expect(JSON.parse(single.stdout).summary.deployments).toBe(7);
    expect(parallel.stdout).toBe(single.stdout);
  });

  it('refuses bad values and --shard together, with one line', () => {
    for (const args of [
      ['--concurrency', '0', '.'],
      ['--concurrency', 'many', '.'],
      ['--concurrency', '100000', '.'],
      ['--concurrency', '2', '--shard', '1/2', '.'],
    ]) {
      const result = run(args, root);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('--concurrency auto', () => {
  it('stays on one thread on 2 cores and for few deployments; one thread per 200 deployments up to the cores', () => {
    expect(autoWorkerCount(2000, 1)).toBe(1);
    expect(autoWorkerCount(2000, 2)).toBe(1);
    expect(autoWorkerCount(100, 8)).toBe(1);
    expect(autoWorkerCount(450, 8)).toBe(2);
    expect(autoWorkerCount(2000, 4)).toBe(4);
    expect(autoWorkerCount(2000, 16)).toBe(10);
  });
});
