import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import { range } from '../../src/core/types';
import { applyBaseline, createBaseline, readBaseline, writeBaseline } from '../../src/engine/run/baseline';
import { lintTree } from './lint-helper';

const finding = (fingerprint: string, line = 0, file = '/w/a.conf'): Finding => ({
  ruleId: 'custom/x',
  severity: 'error',
  message: `m ${fingerprint}`,
  location: { file, range: range(line, 0, line, 5) },
  fingerprint,
});

describe('baseline', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-baseline-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips: recorded findings are suppressed with kind baseline, new ones are not', () => {
    const file = path.join(dir, 'lint-deploy.baseline.json');
    writeBaseline(file, createBaseline([finding('aaa'), finding('bbb', 3)], file), true);
    const baseline = readBaseline(file);
    expect(baseline.findings.map((e) => e.fingerprint)).toEqual(['aaa', 'bbb']);
    expect(baseline.findings[0].file).toBe(path.relative(dir, '/w/a.conf').split(path.sep).join('/'));
    const after = applyBaseline([finding('aaa', 40), finding('ccc', 1)], baseline);
    expect(after.map((f) => f.suppressed)).toEqual([
      { kind: 'baseline', reason: 'recorded in the baseline' },
      undefined,
    ]);
  });

  it('counts: a fingerprint recorded once absorbs one finding', () => {
    const after = applyBaseline([finding('aaa'), finding('aaa', 9)], {
      version: 1,
      tool: 'lint-deploy',
      findings: [{ fingerprint: 'aaa', ruleId: 'custom/x', file: 'a.conf', message: 'm' }],
    });
    expect(after.filter((f) => f.suppressed)).toHaveLength(1);
  });

  it('does not record findings suppressed in the source, and keeps their suppression', () => {
    const inSource: Finding = { ...finding('ddd'), suppressed: { kind: 'inSource', reason: 'ok' } };
    expect(createBaseline([inSource], path.join(dir, 'b.json')).findings).toEqual([]);
    expect(
      applyBaseline([inSource], {
        version: 1,
        tool: 'lint-deploy',
        findings: [{ fingerprint: 'ddd', ruleId: 'custom/x', file: '', message: '' }],
      })[0].suppressed?.kind,
    ).toBe('inSource');
  });

  it('rejects a missing or foreign file with a usage error', () => {
    expect(() => readBaseline(path.join(dir, 'none.json'))).toThrow(
      'does not exist (create it with --update-baseline)',
    );
    fs.writeFileSync(path.join(dir, 'eslint.json'), '{"a": 1}');
    expect(() => readBaseline(path.join(dir, 'eslint.json'))).toThrow('is not a lint-deploy baseline');
  });

  it('fingerprints survive edits that move lines (rule + component + key + value, no line numbers)', () => {
    const spec = {
      id: 'custom/mode',
      type: 'same-value' as const,
      kinds: ['cleartrust.*'],
      key: 'cleartrust.net.ssl.use',
    };
    const before = lintTree(
      {
        'a/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
        'b/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'c/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      { custom: [spec] },
    );
    const moved = lintTree(
      {
        'a/aserver.conf': '# a new comment\n\ncleartrust.port=5608\ncleartrust.net.ssl.use=anon\n',
        'b/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'c/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      { custom: [spec] },
    );
    expect(before.findings).toHaveLength(1);
    expect(moved.findings[0].location.range?.start.line).toBe(3);
    expect(moved.findings[0].fingerprint).toBe(before.findings[0].fingerprint);
    const changed = lintTree(
      {
        'a/aserver.conf': 'cleartrust.net.ssl.use=clear\n',
        'b/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'c/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      { custom: [spec] },
    );
    expect(changed.findings[0].fingerprint).not.toBe(before.findings[0].fingerprint);
  });
});
