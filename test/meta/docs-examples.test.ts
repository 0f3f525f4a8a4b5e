import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintConfig } from '../../src/core/config';
import { ALL_RULES } from '../../src/rules';
import { docsExample, type DocsExample } from '../helpers/docs-examples';
import { runRule, type TreeCase } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');

/**
 * Pages whose examples are still prose fragments, not `file=` trees (test/helpers/docs-examples.ts).
 * This list only shrinks: a page converted must leave it, and a new rule's page must have trees.
 */
const NOT_YET_CONVERTED = new Set<string>([
  'cert/expired',
  'cert/expires-soon',
  'cert/hostname-mismatch',
  'cert/shared-private-key',
  'cert/signature-disabled-by-runtime',
  'cert/weak-key',
  'cleartrust/anon-cipher-disabled',
  'java/cipher-name-unsupported',
  'java/ibm-default-tls-v1',
  'java/protocol-disabled-by-runtime',
  'mq/channel-without-tls',
  'mq/cipher-name-for-wrong-jre',
  'mq/cipherspec-deprecated',
  'mq/cipherspec-mismatch',
  'mq/cipherspec-not-negotiated',
  'mq/sslcauth-optional-with-sslpeer',
  'mq/sslpeer-no-match',
  'mq/sslpeer-syntax',
  'mq/system-channels-not-blocked',
  'mq/tls-channel-without-mcauser',
  'security/plaintext-secret',
  'tls/cipher-disabled-by-runtime',
  'tls/cipher-unknown-to-runtime',
  'tls/negotiates-unexpected-cipher',
  'tls/no-common-cipher',
  'tls/no-common-protocol',
  'tls/server-allows-legacy-protocols',
  'tls/weak-cipher-enabled',
  'tls/weak-protocol-enabled',
]);

/** The run of one example tree: config and options from its lint-deploy.config.json block. */
function caseOf(name: string, ruleId: string, files: Record<string, string>): TreeCase {
  const { 'lint-deploy.config.json': configText, ...tree } = files;
  if (configText === undefined) return { name, files: tree };
  const raw = JSON.parse(configText) as Partial<LintConfig> & { rules?: Record<string, unknown> };
  const setting = raw.rules?.[ruleId];
  const config: Partial<LintConfig> = {};
  for (const key of ['java', 'components', 'links', 'agentVersion'] as const) if (raw[key] !== undefined) Object.assign(config, { [key]: raw[key] });
  return { name, files: tree, config, options: Array.isArray(setting) ? (setting[1] as Record<string, unknown>) : undefined };
}

const pages = ALL_RULES.map((rule) => {
  const file = path.join(repo, 'docs', 'rules', `${rule.meta.id}.md`);
  const example = fs.existsSync(file) ? docsExample(fs.readFileSync(file, 'utf8')) : undefined;
  return { rule, example };
});

describe('docs examples (fenced file trees) are linted', () => {
  it('every rule page has example trees, except the listed ones, and the list is current', () => {
    const missing = pages.filter((p) => !p.example && !NOT_YET_CONVERTED.has(p.rule.meta.id)).map((p) => p.rule.meta.id);
    const converted = pages.filter((p) => p.example && NOT_YET_CONVERTED.has(p.rule.meta.id)).map((p) => p.rule.meta.id);
    expect({ missing, converted }).toEqual({ missing: [], converted: [] });
  });

  const converted = pages.filter((p): p is { rule: (typeof pages)[number]['rule']; example: DocsExample } => !!p.example);
  describe.each(converted.map((p) => [p.rule.meta.id, p] as const))('%s', (id, { rule, example }) => {
    it('the problematic configuration reports the rule', () => {
      expect(Object.keys(example.problematic).length).toBeGreaterThan(0);
      const { findings } = runRule(rule, caseOf('problematic', id, example.problematic));
      expect(findings.filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    });
    it('the corrected configuration does not', () => {
      expect(example.correctedFiles.length).toBeGreaterThan(0);
      const { findings } = runRule(rule, caseOf('corrected', id, example.corrected));
      expect(findings.map((f) => f.message)).toEqual([]);
    });
  });
});
