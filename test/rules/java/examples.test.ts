import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';

/** The seed story (shared/seeds/001): broken reports the link with both ends; fixed reports nothing from these rules. */
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const MINE = /^(java\/|tls\/server-allows-legacy-protocols$)/;

function run(name: string) {
  const root = path.join(EXAMPLES, name);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  return { result, root, rel: (file: string) => path.relative(root, file).split(path.sep).join('/') };
}

describe('examples/ibm-java-tls-*', () => {
  it('broken: java/ibm-default-tls-v1 is an error on the link, naming both ends and the alert', () => {
    const { result, rel } = run('ibm-java-tls-broken');
    const deployment = result.deployments[0];
    expect(deployment.links.map((l) => `${l.client} -> ${l.server}`)).toEqual([
      'java.app:orders-client -> nginx.server:api-gateway/nginx/conf.d/api.conf:api.example.internal:8443',
    ]);
    const findings = result.findings.filter((f) => MINE.test(f.ruleId));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ ruleId: 'java/ibm-default-tls-v1', severity: 'error' });
    expect(`${rel(finding.location.file)}:${finding.location.range!.start.line + 1}`).toBe(
      'orders-client/config/application.yml:10',
    );
    expect(finding.message).toContain('Received fatal alert: handshake_failure');
    expect(finding.message).toContain('Java application orders-client');
    expect(finding.message).toContain('nginx server api.example.internal:8443');
    expect(finding.related!.map((r) => `${rel(r.file)}:${r.range!.start.line + 1}`)).toEqual([
      'orders-client/ibm-java/release:1',
      'api-gateway/nginx/conf.d/api.conf:8',
      'orders-client/wlp/usr/servers/orders/jvm.options:1',
    ]);
    // The trust-store password in jvm.options never reaches any output.
    expect(JSON.stringify(result.findings)).not.toContain('orders-trust-2019');
  });

  it('fixed: overrideDefaultTLS=true in jvm.options silences it', () => {
    const { result } = run('ibm-java-tls-fixed');
    expect(result.deployments[0].links).toHaveLength(1);
    expect(result.findings.filter((f) => MINE.test(f.ruleId))).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the client runtime carries the -D properties with their file locations', () => {
    const { result, rel } = run('ibm-java-tls-fixed');
    const client = result.deployments[0].components.find((c) => c.type === 'java.app')!;
    const override = client.runtime!.systemProperties['com.ibm.jsse2.overrideDefaultTLS'];
    expect(override.value).toBe('true');
    expect(
      override.from.kind === 'file' &&
        `${rel(override.from.location.file)}:${override.from.location.range!.start.line + 1}`,
    ).toBe('orders-client/wlp/usr/servers/orders/jvm.options:9');
  });
});
