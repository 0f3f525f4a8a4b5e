import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';

/** The trust examples: broken reports the link with both ends, the alert and the log texts; fixed reports no error. */
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const MINE =
  /^(tls\/(untrusted-server-certificate|incomplete-chain|client-certificate-required|certificate-trust-unknown)|cert\/(wrong-key-usage|expired))$/;

function run(name: string) {
  const root = path.join(EXAMPLES, name);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const at = (l: { file: string; range?: { start: { line: number } } }) =>
    `${rel(l.file)}:${(l.range?.start.line ?? 0) + 1}`;
  return { result, at, mine: result.findings.filter((f) => MINE.test(f.ruleId)) };
}

describe('examples/java-untrusted-server-*', () => {
  it('broken: the client trusts only the old root: tls/untrusted-server-certificate on its trust store setting', () => {
    const { mine, at, result } = run('java-untrusted-server-broken');
    expect(mine.map((f) => `${f.ruleId} ${f.severity} ${at(f.location)}`)).toEqual([
      'tls/untrusted-server-certificate error orders-client/jvm.options:2',
    ]);
    const [finding] = mine;
    for (const part of [
      'Example Corp Root CA 2016',
      'api.example.internal ← Example Corp Issuing CA G2',
      'PKIX path building failed',
      'Received fatal alert: certificate_unknown',
    ])
      expect(finding.message).toContain(part);
    expect(finding.related!.map(at)).toEqual(
      expect.arrayContaining([
        'orders-client/security/truststore.jks:1',
        'api/conf/server.xml:6',
        'api/conf/api.p12:1',
        'orders-client/config/application.yml:4',
      ]),
    );
    // The store password never reaches any output.
    expect(JSON.stringify(result.findings)).not.toContain('changeit');
  });

  it('fixed: the G2 root in the trust store: no error', () => {
    const { result, mine } = run('java-untrusted-server-fixed');
    expect(result.deployments[0].derived.trust.map((t) => t.serverCertificate?.verdict.kind)).toEqual(['trusted']);
    expect(mine).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('examples/nginx-mtls-*', () => {
  it("broken: the client's certificate is from a CA nginx does not list: JSSE sends none, nginx answers 400", () => {
    const { mine, at, result } = run('nginx-mtls-broken');
    expect(mine.map((f) => `${f.ruleId} ${f.severity} ${at(f.location)}`)).toEqual([
      'tls/client-certificate-required error gateway/nginx/nginx.conf:10',
    ]);
    const [finding] = mine;
    for (const part of [
      'Partner Services CA',
      'Example Corp Clients CA',
      'sends no certificate',
      'No required SSL certificate was sent',
      'client sent no required SSL certificate',
    ])
      expect(finding.message).toContain(part);
    expect(finding.related!.map(at)).toEqual(
      expect.arrayContaining([
        'gateway/nginx/ssl/clients-ca.crt:1',
        'billing-client/jvm.options:3',
        'billing-client/security/billing.p12:1',
      ]),
    );
    expect(JSON.stringify(result.findings)).not.toContain('changeit');
  });

  it('fixed: a certificate from the Clients CA: accepted, no error', () => {
    const { result, mine } = run('nginx-mtls-fixed');
    expect(
      result.deployments[0].derived.trust.map((t) => [
        t.serverCertificate?.verdict.kind,
        t.clientCertificate?.verdict.kind,
      ]),
    ).toEqual([['trusted', 'trusted']]);
    expect(mine).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
