import { describe as describeLine, ProgressLine, progressWanted } from '../../src/engine/performance/progress';

describe('the progress line', () => {
  it('stays silent for the first second, then redraws at most every 100 ms and clears at the end', () => {
    let now = 0;
    const out: string[] = [];
    const line = new ProgressLine(
      (t) => out.push(t),
      () => now,
    );
    const update = (done: number) =>
      line.update({ filesRead: done * 12, deploymentsDone: done, deploymentsTotal: 100 });
    now = 900;
    update(10);
    expect(out).toEqual([]);
    now = 1000;
    update(11);
    now = 1050;
    update(12); // too soon
    now = 1200;
    update(20);
    expect(out).toHaveLength(2);
    expect(out[1]).toBe('\r\u001b[Klint-deploy: 240 files read, 20/100 deployments checked, ETA 5s');
    line.done();
    expect(out[2]).toBe('\r\u001b[K');
  });

  it('a short run never draws, so there is nothing to clear', () => {
    const out: string[] = [];
    const line = new ProgressLine(
      (t) => out.push(t),
      () => 5,
    );
    line.update({ filesRead: 1, deploymentsDone: 1, deploymentsTotal: 1 });
    line.done();
    expect(out).toEqual([]);
  });

  it('ETA in minutes for long runs', () => {
    expect(describeLine({ filesRead: 5, deploymentsDone: 1, deploymentsTotal: 100 }, 2000)).toMatch(/ETA 3m18s$/);
    expect(describeLine({ filesRead: 0, deploymentsDone: 0, deploymentsTotal: 9 }, 2000)).not.toMatch(/ETA/);
  });

  it.each([
    [{ stderrIsTTY: true, env: {}, quiet: false }, true],
    [{ stderrIsTTY: false, env: {}, quiet: false }, false],
    [{ stderrIsTTY: true, env: { CI: 'true' }, quiet: false }, false],
    [{ stderrIsTTY: true, env: { CI: '1' }, quiet: false }, false],
    [{ stderrIsTTY: true, env: { CI: 'false' }, quiet: false }, true],
    [{ stderrIsTTY: true, env: {}, quiet: true }, false],
    [{ stderrIsTTY: true, env: { TERM: 'dumb' }, quiet: false }, false],
  ])('wanted for %o: %s', (environment, wanted) => {
    expect(progressWanted(environment)).toBe(wanted);
  });
});
