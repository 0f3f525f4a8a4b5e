import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';
import { ALL_RULES } from '../../../src/rules';
import { linkFailureOwner } from '../../../src/rules/_lib/link-owners';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

function run(name: string) {
  const root = path.join(EXAMPLES, name);
  return lint({ paths: [root], cwd: root, config: defaultConfig(root) });
}
const findings = (name: string) => run(name).findings;

describe('tls/* on the examples', () => {
  it('ibm-java-tls-broken: the link is reported once, by java/ibm-default-tls-v1 (it owns the IBM TLSv1 default)', () => {
    const errors = findings('ibm-java-tls-broken').filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toEqual(['java/ibm-default-tls-v1']);
  });

  it('mq-was-cipher-order-broken: one tls/weak-cipher-enabled finding per component and category', () => {
    const weak = findings('mq-was-cipher-order-broken').filter((f) => f.ruleId === 'tls/weak-cipher-enabled');
    expect(weak.map((f) => f.message.replace(/:.*/, ''))).toEqual([
      'SVRCONN channel WAS.TO.MQW1 enables 1 static-RSA suite',
      'JMS connection factory jms/MQW1CF (WebSphere) enables 12 CBC-with-SHA1 suites',
      'JMS connection factory jms/MQW1CF (WebSphere) enables 5 static-RSA suites',
    ]);
    expect(weak.every((f) => f.severity === 'info')).toBe(true);
    expect(weak[1].message).toContain('… (+9 more)');
  });

  it('cleartrust-anon-jdk8u202-broken: the anon links fail in the predictor and are owned by ClearTrust rules, not reported by tls/*', () => {
    const result = run('cleartrust-anon-jdk8u202-broken');
    const failing = result.deployments[0].derived.predictions.filter((l) => !l.prediction.ok);
    const owners = failing.map((l) => linkFailureOwner(ALL_RULES, l));
    expect(failing.length).toBeGreaterThan(0);
    expect(owners.every((owner) => owner?.startsWith('cleartrust/'))).toBe(true);
    expect(owners).toContain('cleartrust/anon-cipher-disabled');
    expect(result.findings.filter((f) => f.ruleId.startsWith('tls/'))).toEqual([]);
  });
});
