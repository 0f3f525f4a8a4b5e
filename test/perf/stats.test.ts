import { RunStats } from '../../src/engine/performance/stats';

/** Burns CPU for about `ms` milliseconds (a CPU-time column must see it). */
const spin = (ms: number) => {
  const until = process.cpuUsage().user + ms * 1000;
  let x = 0;
  while (process.cpuUsage().user < until) x++;
  return x;
};

describe('RunStats', () => {
  it('without cpu: wall time per stage only, no CPU column', () => {
    const stats = new RunStats();
    stats.time('parse', () => spin(5));
    expect(stats.cpuMs).toBeUndefined();
    expect(stats.ms.parse).toBeGreaterThan(0);
    expect(stats.format().split('\n')[0]).not.toMatch(/CPU/);
  });

  it('with cpu: the process CPU time of each stage, in its own column', () => {
    const stats = new RunStats(true);
    stats.time('rules', () => spin(30));
    stats.time('model', () => undefined);
    expect(stats.cpuMs?.rules).toBeGreaterThanOrEqual(25);
    expect(stats.cpuMs?.model).toBeLessThan(stats.cpuMs?.rules ?? 0);
    const table = stats.format();
    expect(table.split('\n')[0]).toMatch(/Time\s+Share\s+CPU\s+Share$/);
    expect(table).toMatch(/^rules \(\+ suppressions, redaction\)\s+[\d.]+ ms\s+[\d.]+%\s+[\d.]+ ms\s+[\d.]+%$/m);
  });

  it('a stage that throws still counts its time', () => {
    const stats = new RunStats(true);
    expect(() =>
      stats.time('discover', () => {
        spin(5);
        throw new Error('usage');
      }),
    ).toThrow('usage');
    expect(stats.cpuMs?.discover).toBeGreaterThan(0);
  });
});
