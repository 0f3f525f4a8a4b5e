import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const findings = (name: string) => {
  const root = path.join(EXAMPLES, name);
  return lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
};

describe('examples/mq-uniform-cluster-open-*', () => {
  it('broken: the open cluster is reported channel by channel, with the QMGR lines that open it', () => {
    const errors = findings('mq-uniform-cluster-open-broken')
      .filter((f) => f.severity === 'error')
      .map((f) => `${path.basename(f.location.file)}:${(f.location.range?.start.line ?? 0) + 1} ${f.ruleId}`);
    expect(errors).toEqual([
      'uniclus.mqsc:3 mq/channel-runs-as-admin',
      'uniclus.mqsc:7 mq/channel-runs-as-admin',
      'uniclus.mqsc:11 mq/chlauth-disabled',
      'uniclus.mqsc:11 mq/connauth-disabled',
    ]);
  });

  it('fixed: no error and no access finding', () => {
    const all = findings('mq-uniform-cluster-open-fixed');
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    expect(
      all.filter((f) =>
        /^mq\/(channel-runs-as-admin|chlauth-disabled|connauth-disabled|address-map-allows-all|blockuser-override|tls-channel-without-mcauser|channel-without-tls)/.test(
          f.ruleId,
        ),
      ),
    ).toEqual([]);
  });
});
