import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Finding } from '../../src/core/types';
import { range } from '../../src/core/types';
import { formatterNames, getFormatter } from '../../src/report';
import { compact } from '../../src/report/compact';
import { escapeData, escapeProperty, github } from '../../src/report/github';
import { cdata, junit } from '../../src/report/junit';
import { sarif, toSarif } from '../../src/report/sarif';
import { skippedSummary, type ReportContext } from '../../src/report/types';
import { ALL_RULES } from '../../src/rules';

const cwd = path.join(os.tmpdir(), 'lint-deploy-report');
const at = (file: string) => path.join(cwd, file);
const context: ReportContext = {
  cwd,
  toolName: 'lint-deploy',
  toolVersion: '0.1.0',
  rules: ALL_RULES.map((r) => r.meta),
  deployments: [],
  fileCount: 3,
  color: false,
};

const FINDINGS: Finding[] = [
  {
    ruleId: 'cleartrust/ssl-mode-mismatch',
    messageId: 'mismatch',
    severity: 'error',
    message:
      "cleartrust.net.ssl.use is 'anon' here but 'auth' in eserver.conf; 100% sure]]> and ]]> again\nsecond line\r",
    location: { file: at('envs/prod,eu:1/dispatcher.conf'), range: range(11, 0, 11, 27) },
    related: [{ file: at('envs/prod,eu:1/eserver.conf'), range: range(39, 0, 39, 27), message: "'auth' set here" }],
    deployment: at('envs/prod,eu:1'),
    fingerprint: '0123456789abcdef0123',
  },
  {
    ruleId: 'cleartrust/ssl-settings-ignored',
    severity: 'info',
    message: 'cleartrust.net.ssl.keystore has no effect: the SSL mode is clear',
    location: { file: at('a b/aserver.conf'), range: range(2, 4, 2, 30) },
    fingerprint: 'ffff',
  },
  {
    ruleId: 'cleartrust/auth-without-keystore',
    severity: 'warning',
    message: 'no keystore <& "quoted">',
    location: { file: at('a b/aserver.conf') },
    fingerprint: 'eeee',
    suppressed: { kind: 'inSource', reason: 'keystore is injected at deploy time' },
  },
  {
    ruleId: 'parse/bad-line',
    severity: 'error',
    message: 'cannot parse',
    location: { file: at('a b/aserver.conf'), range: range(0, 0, 0, 3) },
    suppressed: { kind: 'baseline', reason: 'recorded in the baseline' },
  },
];

describe('formatter registry', () => {
  it('has every documented format', () => {
    expect(formatterNames()).toEqual(
      expect.arrayContaining(['compact', 'github', 'json', 'junit', 'sarif', 'stylish']),
    );
    expect(() => getFormatter('checkstyle')).toThrow("Unknown format 'checkstyle'");
  });
});

describe('compact', () => {
  it('prints file:line:col: severity message [rule], one line per unsuppressed finding', () => {
    expect(compact(FINDINGS, context)).toBe(
      "envs/prod,eu:1/dispatcher.conf:12:1: error cleartrust.net.ssl.use is 'anon' here but 'auth' in eserver.conf; 100% sure]]> and ]]> again\\nsecond line\\r [cleartrust/ssl-mode-mismatch]\n" +
        'a b/aserver.conf:3:5: info cleartrust.net.ssl.keystore has no effect: the SSL mode is clear [cleartrust/ssl-settings-ignored]\n',
    );
  });
});

describe('skippedSummary', () => {
  const skipped = (count: number): Finding[] =>
    Array.from({ length: count }, (_, i) => ({
      ruleId: 'parse/symlink-outside-deployment',
      severity: 'info' as const,
      message: 'Symbolic link points outside the deployment',
      location: { file: at(`alternatives/tool${i + 1}`) },
    }));
  const names = (count: number) => Array.from({ length: count }, (_, i) => `alternatives/tool${i + 1}`).join(', ');
  it.each([
    [1, `1 file not checked (link out of the deployment): ${names(1)}`],
    [6, `6 files not checked (link out of the deployment): ${names(6)}`],
    // A tree of links into /etc (anandjbangad/kafka_kerberose@680519a) gave one line of 106 paths.
    [7, `7 files not checked (link out of the deployment): ${names(5)} and 2 more, each named above`],
    [106, `106 files not checked (link out of the deployment): ${names(5)} and 101 more, each named above`],
  ])('%i files → %s', (count, line) => expect(skippedSummary(skipped(count), cwd)).toEqual([line]));
});

describe('github', () => {
  it('escapes data like @actions/core: % \\r \\n', () => {
    expect(escapeData('100%\r\nx')).toBe('100%25%0D%0Ax');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes one workflow command per finding, escaping : and , in properties (paths) and % \\r \\n in the message', () => {
    const lines = github(FINDINGS, context).split('\n');
    expect(lines[0]).toBe(
      '::error file=envs/prod%2Ceu%3A1/dispatcher.conf,line=12,col=1,endLine=12,endColumn=28,title=cleartrust/ssl-mode-mismatch::' +
        "cleartrust.net.ssl.use is 'anon' here but 'auth' in eserver.conf; 100%25 sure]]> and ]]> again%0Asecond line%0D%0A↳ envs/prod,eu:1/eserver.conf:40:1 'auth' set here",
    );
    expect(lines[1]).toBe(
      '::notice file=a b/aserver.conf,line=3,col=5,endLine=3,endColumn=31,title=cleartrust/ssl-settings-ignored::cleartrust.net.ssl.keystore has no effect: the SSL mode is clear',
    );
    expect(lines).toHaveLength(3); // suppressed findings are not annotated; trailing newline
  });
});

describe('junit', () => {
  it('splits every ]]> so no CDATA section ends early', () => {
    expect(cdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
    const inner = (s: string) => s.replace(/<!\[CDATA\[|\]\]>/g, '');
    expect(inner(cdata('x]]>y]]>]]>z'))).toBe('x]]>y]]>]]>z');
  });

  it('has one testcase per rule × file; failures, skipped for suppressed, escaped attributes', () => {
    const xml = junit(FINDINGS, context);
    const files = 2;
    const rules = new Set([...ALL_RULES.map((r) => r.meta.id), 'parse/bad-line']).size;
    expect(xml.match(/<testcase /g)).toHaveLength(files * rules);
    expect(xml).toContain(`<testsuite name="envs/prod,eu:1/dispatcher.conf" tests="${rules}" failures="1" errors="0">`);
    expect(xml).toContain(
      '<testcase name="cleartrust/auth-without-keystore" classname="a b/aserver.conf" file="a b/aserver.conf">\n      <skipped message="suppressed (inSource: keystore is injected at deploy time)"/>',
    );
    expect(xml).toContain(
      'message="cleartrust.net.ssl.use is &apos;anon&apos; here but &apos;auth&apos; in eserver.conf; 100% sure]]&gt; and ]]&gt; again&#10;second line&#13;"',
    );
    // Every CDATA section closes where it should: strip them and no stray ]]> remains inside text.
    const body = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    expect(body).not.toContain(']]>');
    expect(xml).toContain('<system-out><![CDATA[a b/aserver.conf:3:5 info cleartrust.net.ssl.keystore');
  });
});

describe('sarif', () => {
  const log = toSarif(FINDINGS, context) as {
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: Record<string, unknown>[] }[];
  };
  const run = log.runs[0];

  it('lists every rule with a helpUri to its docs page', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    for (const rule of ALL_RULES) expect(ids).toContain(rule.meta.id);
    expect(ids).toContain('parse/bad-line');
    const mismatch = run.tool.driver.rules.find((r) => r.id === 'cleartrust/ssl-mode-mismatch')!;
    expect(mismatch.helpUri).toMatch(/\/docs\/rules\/cleartrust\/ssl-mode-mismatch\.md$/);
  });

  it('has locations, relatedLocations, partialFingerprints and suppressions', () => {
    expect(run.results[0]).toMatchObject({
      ruleId: 'cleartrust/ssl-mode-mismatch',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'envs/prod%2Ceu%3A1/dispatcher.conf', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 1, endLine: 12, endColumn: 28 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          physicalLocation: { artifactLocation: { uri: 'envs/prod%2Ceu%3A1/eserver.conf' }, region: { startLine: 40 } },
          message: { text: "'auth' set here" },
        },
      ],
      partialFingerprints: { 'lintDeployFingerprint/v1': '0123456789abcdef0123' },
    });
    expect(run.results[1]).toMatchObject({ level: 'note' });
    expect(run.results[2]).toMatchObject({
      suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'keystore is injected at deploy time' }],
    });
    expect(run.results[2].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'a%20b/aserver.conf', uriBaseId: '%SRCROOT%' } } },
    ]);
    expect(run.results[3]).toMatchObject({
      suppressions: [{ kind: 'external', justification: 'recorded in the baseline' }],
    });
  });

  it('validates against the SARIF 2.1.0 JSON schema (ajv)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(sarif(FINDINGS, context))) ? [] : validate.errors).toEqual([]);
    expect(validate(JSON.parse(sarif([], context))) ? [] : validate.errors).toEqual([]);
  });

  // Microsoft's validator takes ~10 s to start, so one run checks our log and a broken one: its results name the
  // file they are about, and the broken log's results show the validator can fail.
  type Validation = { runs: { results?: ValidatorResult[] }[] };
  type ValidatorResult = {
    ruleId: string;
    message: { text?: string; arguments?: string[] };
    locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
  };
  let validatorStatus: number | null = null;
  let validatorError: Error | undefined;
  const resultsFor = new Map<string, string[]>();
  beforeAll(() => {
    const multitool = require('@microsoft/sarif-multitool') as string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-sarif-'));
    try {
      const output = path.join(dir, 'validation.sarif');
      fs.writeFileSync(path.join(dir, 'report.sarif'), sarif(FINDINGS, context));
      const broken = toSarif(FINDINGS, context) as { runs: { results: { ruleIndex: number }[] }[] };
      broken.runs[0].results[0].ruleIndex = 999;
      fs.writeFileSync(path.join(dir, 'bad.sarif'), JSON.stringify(broken));
      const inputs = ['report.sarif', 'bad.sarif'].map((name) => path.join(dir, name));
      const result = spawnSync(multitool, ['validate', '--level', 'Error', '--output', output, ...inputs], {
        encoding: 'utf8',
        timeout: 120000,
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      });
      validatorStatus = result.status;
      validatorError = result.error;
      const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as Validation;
      for (const r of validation.runs[0].results ?? []) {
        const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '(no file)';
        const file = path.basename(uri);
        resultsFor.set(file, [...(resultsFor.get(file) ?? []), `${r.ruleId} ${JSON.stringify(r.message)}`]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150000);

  it("passes Microsoft's SARIF validator (Sarif.Multitool validate --level Error)", () => {
    expect(validatorError).toBeUndefined();
    expect(resultsFor.get('report.sarif') ?? []).toEqual([]);
    expect(resultsFor.get('(no file)') ?? []).toEqual([]);
    expect(validatorStatus).toBe(0);
  });

  it('the validator does reject a broken log (so the test above can fail)', () => {
    expect(resultsFor.get('bad.sarif')?.length ?? 0).toBeGreaterThan(0);
  });
});
