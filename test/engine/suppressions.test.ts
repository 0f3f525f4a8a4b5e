import type { CustomRuleSpec } from '../../src/engine/custom-rules/compile';
import { parseDirective } from '../../src/engine/run/suppressions';
import { range } from '../../src/core/types';
import { lintTree } from './lint-helper';

/** A rule that fires on every entry whose value is `bad`, in every format. */
const BAD: CustomRuleSpec = { id: 'custom/no-bad', type: 'forbidden-value', key: '*', values: ['bad'] };
const lintBad = (files: Record<string, string>, reportUnused = false) =>
  lintTree(files, { custom: [BAD], reportUnused }).lines;

describe('parseDirective', () => {
  const at = (text: string) => parseDirective({ text, range: range(4, 0, 4, text.length) }, '/x/f.conf');

  it('reads rule lists, the reason and the target line', () => {
    expect(at(' lint-deploy-disable-next-line custom/a, custom/b -- accepted by ops (TICKET-1)')).toEqual({
      directive: expect.objectContaining({
        kind: 'disable-next-line',
        rules: ['custom/a', 'custom/b'],
        reason: 'accepted by ops (TICKET-1)',
        line: 5,
      }),
    });
    expect(at('lint-deploy-disable-line custom/a -- why')?.directive).toMatchObject({ kind: 'disable-line', line: 4 });
    expect(at('lint-deploy-disable custom/* -- legacy tree')?.directive).toMatchObject({
      kind: 'disable',
      rules: ['custom/*'],
      line: undefined,
    });
  });

  it('ignores ordinary comments', () => {
    expect(at(' Specifies the SSL mode')).toBeUndefined();
    expect(at(' see lint-deploy docs')).toBeUndefined();
  });

  it('turns a directive without a reason, or without a rule, into a problem', () => {
    expect(at('lint-deploy-disable-next-line custom/a')?.problem?.ruleId).toBe('lint-deploy/directive-without-reason');
    expect(at('lint-deploy-disable-next-line custom/a --')?.problem?.ruleId).toBe(
      'lint-deploy/directive-without-reason',
    );
    expect(at('lint-deploy-disable-next-line -- because')?.problem?.ruleId).toBe('lint-deploy/invalid-directive');
    expect(at('lint-deploy-disable-line SSL_MODE -- because')?.problem?.message).toContain(
      "'SSL_MODE' is not a rule id",
    );
  });
});

describe('inline directives in every comment syntax', () => {
  it('# in ClearTrust .conf (next line and file level)', () => {
    expect(
      lintBad({
        'aserver.conf':
          '# lint-deploy-disable-next-line custom/no-bad -- lab only\ncleartrust.net.ssl.use=bad\ncleartrust.runtime_api.security=bad\n',
      }),
    ).toEqual(['aserver.conf:2 custom/no-bad (suppressed: inSource lab only)', 'aserver.conf:3 custom/no-bad']);
    expect(
      lintBad({ 'eserver.conf': 'a=bad\n# lint-deploy-disable custom/no-bad -- whole file is a template\nb=bad\n' }),
    ).toEqual([
      'eserver.conf:1 custom/no-bad (suppressed: inSource whole file is a template)',
      'eserver.conf:3 custom/no-bad (suppressed: inSource whole file is a template)',
    ]);
  });

  it('! in .properties', () => {
    expect(
      lintBad({
        'ssl.client.props':
          '! lint-deploy-disable-next-line custom/no-bad -- vendor default\ncom.ibm.ssl.protocol=bad\n',
      }),
    ).toEqual(['ssl.client.props:2 custom/no-bad (suppressed: inSource vendor default)']);
  });

  it('* in MQSC', () => {
    expect(
      lintBad({
        'qm.mqsc':
          '* lint-deploy-disable-next-line custom/* -- test queue manager\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(bad)\n',
      }),
    ).toEqual(['qm.mqsc:2 custom/no-bad (suppressed: inSource test queue manager)']);
  });

  it('<!-- --> in XML, on its own line and on the same line', () => {
    expect(
      lintBad({
        'server.xml':
          '<server>\n  <!-- lint-deploy-disable-next-line custom/no-bad - migrating in Q3 -->\n  <ssl id="a" sslProtocol="bad"/>\n' +
          '  <ssl id="b" sslProtocol="bad"/> <!-- lint-deploy-disable-line custom/no-bad - same line -->\n  <ssl id="c" sslProtocol="bad"/>\n</server>\n',
      }),
    ).toEqual([
      'server.xml:3 custom/no-bad (suppressed: inSource migrating in Q3)',
      'server.xml:4 custom/no-bad (suppressed: inSource same line)',
      'server.xml:5 custom/no-bad',
    ]);
  });

  it('XML: `--` is not allowed inside a comment, so ` - ` separates the reason', () => {
    expect(
      lintBad({
        'server.xml':
          '<server>\n  <!-- lint-deploy-disable-next-line custom/no-bad -- x -->\n  <ssl id="a" sslProtocol="bad"/>\n</server>\n',
      }),
    ).toEqual(['server.xml:2 lint-deploy/directive-without-reason', 'server.xml:3 custom/no-bad']);
  });

  it('a directive without a reason suppresses nothing and is reported', () => {
    expect(
      lintBad({ 'aserver.conf': '# lint-deploy-disable-next-line custom/no-bad\ncleartrust.net.ssl.use=bad\n' }),
    ).toEqual(['aserver.conf:1 lint-deploy/directive-without-reason', 'aserver.conf:2 custom/no-bad']);
  });

  it('a directive naming an unknown rule is reported', () => {
    expect(lintBad({ 'aserver.conf': '# lint-deploy-disable-next-line custom/no-such -- typo\nx=ok\n' })).toEqual([
      'aserver.conf:1 lint-deploy/invalid-directive',
    ]);
  });

  it('--report-unused-disable-directives reports directives that suppress nothing', () => {
    const files = {
      'aserver.conf':
        '# lint-deploy-disable-next-line custom/no-bad -- stale\ncleartrust.net.ssl.use=good\n# lint-deploy-disable-next-line custom/no-bad -- used\nx=bad\n',
    };
    expect(lintBad(files)).toEqual(['aserver.conf:4 custom/no-bad (suppressed: inSource used)']);
    expect(lintBad(files, true)).toEqual([
      'aserver.conf:1 lint-deploy/unused-disable-directive',
      'aserver.conf:4 custom/no-bad (suppressed: inSource used)',
    ]);
  });

  it('disable-line in a format without same-line comments matches nothing (reported as unused)', () => {
    // In ClearTrust .conf a `#` after a value is part of the value, so the directive is not a comment at all.
    const onlyGood: CustomRuleSpec = { id: 'custom/only-good', type: 'allowed-values', key: '*', values: ['good'] };
    const { lines } = lintTree(
      { 'aserver.conf': 'cleartrust.net.ssl.use=good # lint-deploy-disable-line custom/only-good -- x\n' },
      { custom: [onlyGood], reportUnused: true },
    );
    expect(lines).toEqual(['aserver.conf:1 custom/only-good']);
  });
});
