import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { compareFindings } from '../../src/core/types';
import { discover } from '../../src/discover/discover';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { certFile, CLIENT_YML, nginxServer } from '../rules/cert/cert-files';

/**
 * Rules ask the run's `RunMemo` (RuleContext.memo) for answers that are the same in every environment of a
 * fleet (a JDK's default lists against one override). An answer that carried one deployment's file into
 * another's finding would be a wrong location: a fleet linted in one run must report exactly what linting
 * each deployment on its own reports.
 */
const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const STRICT = 'jdk.certpath.disabledAlgorithms=MD2, MD5, SHA1, \\\n    RSA keySize < 2048\n';
const WEAKENED = 'jdk.tls.disabledAlgorithms=RC4, DES\n';

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

const lintedAlone = (cwd: string, configFile: string) => {
  const config = loadConfig(configFile, cwd);
  const whole = lint({ paths: [], cwd, config, keepModel: false });
  const alone = discover({ paths: [], cwd, config }).flatMap(
    (deployment) => lint({ paths: [], cwd, config, keepModel: false, discovered: [deployment] }).findings,
  );
  return { whole: whole.findings, alone: alone.sort(compareFindings) };
};

describe('run-wide memo of rule answers', () => {
  it("two deployments with the same JDK and override: each finding names its own deployment's java.security", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-run-memo-'));
    for (const env of ['env-a', 'env-b'])
      write(path.join(dir, 'envs', env), {
        'client/jdk/release': TEMURIN17,
        'client/jdk/conf/security/java.security': STRICT + WEAKENED,
        'client/application.yml': CLIENT_YML('https://api.example.internal:8443/orders'),
        'api/nginx.conf': nginxServer('api.example.internal'),
        'api/ssl/api.crt': certFile('sha1-signed.crt'),
      });
    write(dir, { 'lint-deploy.config.json': '{ "deployments": ["envs/*"] }\n' });
    const { whole, alone } = lintedAlone(dir, path.join(dir, 'lint-deploy.config.json'));
    for (const ruleId of ['cert/signature-disabled-by-runtime', 'java/disabled-algorithms-weakened']) {
      const found = whole.filter((f) => f.ruleId === ruleId);
      expect(found.map((f) => path.relative(dir, f.deployment ?? ''))).toEqual(['envs/env-a', 'envs/env-b']);
      for (const finding of found) {
        const own = path.join(finding.deployment ?? '', 'client/jdk/conf/security/java.security');
        const other = own.includes('env-a') ? own.replace('env-a', 'env-b') : own.replace('env-b', 'env-a');
        const said = JSON.stringify([finding.message, finding.location, finding.related]);
        expect(said).toContain(ruleId.startsWith('cert/') ? path.relative(dir, own) : own);
        expect(said).not.toContain(path.relative(dir, other));
      }
    }
    expect(JSON.stringify(whole)).toBe(JSON.stringify(alone));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a generated fleet linted in one run reports what each deployment linted alone reports', () => {
    const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-run-memo-fleet-'));
    generateFleet(fleet, { count: 12, seed: 5, defectRate: 0.5 });
    const { whole, alone } = lintedAlone(fleet, path.join(fleet, 'lint-deploy.config.json'));
    expect(whole.length).toBeGreaterThan(12);
    expect(JSON.stringify(whole)).toBe(JSON.stringify(alone));
    fs.rmSync(fleet, { recursive: true, force: true });
  });
});
