import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { classifyFile } from '../../src/parse/registry';

/**
 * Every real Tomcat server.xml and nginx file of the shared corpus parses without a crash and
 * without a false error, linted as a deployment with every rule on.
 */
const CORPUS = path.resolve(__dirname, '../fixtures/corpus'); // public files: origin, commit, licence in its MANIFEST.tsv

const MY_RULES = /^(java\/|tls\/server-allows-legacy-protocols$)/;

/** The true findings, each with its reason. Anything else from these rules is a false alarm. */
const TRUE_FINDINGS: Record<string, string[]> = {
  tomcat: [
    // sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2" on the live (uncommented) 8443 connector.
    'ESGF__esgf-installer__base__tomcat_conf__server.xml@ced93ca9:93 tls/server-allows-legacy-protocols',
    // Same connector, same protocols, in the other installer revision.
    'ESGF__esgf-installer__installer__tomcat_conf__server.xml@5809e78a:93 tls/server-allows-legacy-protocols',
    // (ESGF @9745feaa says TLSv1.2 only; the Apache and Unidata files keep their TLS connectors commented out.)
  ],
  nginx: [
    // h5bp's "deprecated" policy: ssl_protocols TLSv1 TLSv1.1 TLSv1.2, by design for legacy clients.
    'h5bp__server-configs-nginx__h5bp__ssl__policy_deprecated.conf@0af3052:25 tls/server-allows-legacy-protocols',
  ],
};

describe('Tomcat and nginx corpus', () => {
  for (const dir of ['tomcat', 'nginx'] as const) {
    const root = path.join(CORPUS, dir);
    const names = fs.readdirSync(root);

    it.each(names)(`${dir}/%s is classified and parses without problems`, (name) => {
      const file = path.join(root, name);
      const text = fs.readFileSync(file, 'utf8');
      const classified = classifyFile(file, text.slice(0, 4096));
      expect(classified?.kind).toBe(dir === 'tomcat' ? 'tomcat.server-xml' : 'nginx.conf');
      const doc = classified!.handler.parse({ path: file, text, hadBom: false }, classified!.kind);
      expect(doc.problems).toEqual([]);
      expect(doc.entries.length).toBeGreaterThan(0);
    });

    it(`${dir}: linting the directory gives no crash, no error and only the true findings`, () => {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      expect(result.internalError).toBe(false);
      expect(result.fileCount).toBe(names.length);
      const describe = (f: (typeof result.findings)[number]) =>
        `${path.basename(f.location.file)}:${(f.location.range?.start.line ?? -1) + 1} ${f.ruleId}`;
      expect(
        result.findings.filter((f) => f.ruleId.startsWith('parse/') || f.ruleId === 'internal-error').map(describe),
      ).toEqual([]);
      expect(result.findings.filter((f) => f.severity === 'error').map(describe)).toEqual([]);
      expect(result.findings.filter((f) => MY_RULES.test(f.ruleId)).map(describe)).toEqual(TRUE_FINDINGS[dir]);
      // Keystore passwords in these files (truststorePass="changeit") never reach a message.
      expect(result.findings.map((f) => f.message).join('\n')).not.toContain('changeit');
    });
  }
});
