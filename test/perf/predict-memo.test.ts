import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { deriveDeployment } from '../../src/derive/derive';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';

/**
 * deriveDeployment predicts a handshake once a run per distinct pair of sides, under stand-in names, and gives
 * each link its own ends' names afterwards (src/derive/derive.ts). Every prediction of a run must equal the one
 * made for that link alone, without the run's memo: a generated fleet (the same kinds of ends in every
 * environment, under names that differ) and the examples (other names, other sides) in one run each.
 */
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function predictionsMatch(cwd: string, config: ReturnType<typeof loadConfig>): number {
  const { deployments } = lint({ paths: [], cwd, config });
  let compared = 0;
  for (const deployment of deployments) {
    const alone = deriveDeployment(deployment);
    expect(deployment.derived.predictions.map((p) => p.prediction)).toEqual(
      alone.derived.predictions.map((p) => p.prediction),
    );
    compared += alone.derived.predictions.length;
  }
  return compared;
}

describe('handshake predictions shared by a run', () => {
  it('a fleet whose environments link the same kinds of ends: each link predicted as alone, with its own names', () => {
    const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-predict-memo-'));
    generateFleet(fleet, { count: 12, seed: 5, defectRate: 0.5 });
    const config = loadConfig(path.join(fleet, 'lint-deploy.config.json'), fleet);
    let deployments: ReturnType<typeof lint>['deployments'];
    try {
      expect(predictionsMatch(fleet, config)).toBeGreaterThan(12);
      deployments = lint({ paths: [], cwd: fleet, config }).deployments;
    } finally {
      fs.rmSync(fleet, { recursive: true, force: true });
    }
    const texts = JSON.stringify(deployments.map((d) => d.derived.predictions.map((p) => p.prediction)));
    // Every environment's ends are named after it (queue managers QM00001, QM00002 …): each keeps its names.
    expect(texts).toMatch(/QM00001[^Q]*QM00001/);
    expect(texts).toMatch(/QM00002[^Q]*QM00002/);
    expect(texts).not.toContain('\\u0000');
  });

  it('the examples, linted in one run', () => {
    const config = loadConfig(undefined, EXAMPLES);
    expect(predictionsMatch(EXAMPLES, config)).toBeGreaterThan(0);
  });
});
