import expiresSoon from '../../src/rules/cert/expires-soon';
import sslModeMismatch from '../../src/rules/cleartrust/ssl-mode-mismatch';
import { defineRule } from '../../src/rules/types';
import { docsExample } from '../helpers/docs-examples';
import { checkCases } from '../helpers/rule-tester';

const MISMATCH = {
  'a/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
  'd/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
  'e/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
};

describe('the rule tester checks its tables', () => {
  it('accepts a sound table', () => {
    expect(
      checkCases(sslModeMismatch, {
        valid: [],
        invalid: [{ name: 'x', files: MISMATCH, errors: [{ messageId: 'mismatch', file: 'a/aserver.conf', line: 1 }] }],
      }),
    ).toEqual([]);
  });

  it('rejects options that do not match the schema', () => {
    const problems = checkCases(expiresSoon, {
      valid: [
        { name: 'bad days', files: {}, options: { days: 0 } },
        { name: 'unknown', files: {}, options: { dayz: 3 } },
      ],
      invalid: [
        { name: 'i', files: {}, errors: [{ messageId: 'soon', file: 'x', line: 1 }] },
        { name: 'j', files: {}, errors: [{ messageId: 'soonUnnamed', file: 'x', line: 1 }] },
        { name: 'k', files: {}, errors: [{ messageId: 'soonNotServed', file: 'x', line: 1 }] },
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining("test 'bad days': options"),
      expect.stringContaining("test 'unknown': options"),
    ]);
  });

  it('rejects an invalid case that expects no error', () => {
    expect(
      checkCases(sslModeMismatch, {
        valid: [],
        invalid: [
          { name: 'empty', files: MISMATCH, errors: [] },
          { name: 'x', files: MISMATCH, errors: [{ messageId: 'mismatch', file: 'a', line: 1 }] },
        ],
      }),
    ).toEqual(["invalid test 'empty' expects no finding: make it a valid case or list its errors"]);
  });

  it('fails when a message id is never exercised, counting every table of the file', () => {
    const rule = defineRule({
      meta: { id: 'x/y', description: 'd', severity: 'error', messages: { one: 'a', two: 'b' } },
      check() {},
    });
    const table = {
      valid: [],
      invalid: [{ name: 'only one', files: {}, errors: [{ messageId: 'one' as const, file: 'f', line: 1 }] }],
    };
    expect(checkCases(rule, table)).toEqual([
      "message id(s) 'two' of x/y are never exercised: add an invalid case that reports each",
    ]);
    expect(
      checkCases(rule, table, [{ name: 'other table', files: {}, errors: [{ messageId: 'two', file: 'f', line: 1 }] }]),
    ).toEqual([]);
  });

  it('fails on an option without a description (older optionsSchema form)', () => {
    const rule = defineRule({
      meta: {
        id: 'x/z',
        description: 'd',
        severity: 'error',
        messages: { m: 'a' },
        optionsSchema: { type: 'object', properties: { n: { type: 'integer' } } },
        defaultOptions: { n: 1 },
      },
      check() {},
    });
    expect(
      checkCases(rule, {
        valid: [],
        invalid: [{ name: 'i', files: {}, errors: [{ messageId: 'm', file: 'f', line: 1 }] }],
      }),
    ).toEqual([expect.stringContaining('option(s) n of x/z have no description')]);
  });
});

describe('defineRule', () => {
  it('derives the options schema and the defaults from meta.options', () => {
    expect(expiresSoon.meta.defaultOptions).toEqual({ days: 30 });
    expect(expiresSoon.meta.optionsSchema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { days: { default: 30, description: expect.any(String) } },
    });
  });
  it('keeps the older form as it is', () => {
    const rule = defineRule({
      meta: { id: 'x/w', description: 'd', severity: 'error', messages: { m: 'a' }, defaultOptions: {} },
      check() {},
    });
    expect(rule.meta.defaultOptions).toEqual({});
    expect(rule.meta.optionsSchema).toBeUndefined();
  });
});

describe('docs example trees', () => {
  it('reads file= blocks per section; the corrected files replace the problematic ones', () => {
    const page = [
      '## Problematic configuration',
      '',
      '```properties file=a/aserver.conf',
      'k=anon',
      '```',
      '',
      '```text',
      'not a file',
      '```',
      '',
      '```properties file=d/dispatcher.conf',
      'k=auth',
      '```',
      '',
      '## Corrected configuration',
      '',
      '```properties file=a/aserver.conf',
      'k=auth',
      '```',
      '',
      '## Rationale',
      '',
    ].join('\n');
    expect(docsExample(page)).toEqual({
      problematic: { 'a/aserver.conf': 'k=anon\n', 'd/dispatcher.conf': 'k=auth\n' },
      corrected: { 'a/aserver.conf': 'k=auth\n', 'd/dispatcher.conf': 'k=auth\n' },
      correctedFiles: ['a/aserver.conf'],
    });
  });
  it('a page without file= blocks has no example trees', () => {
    expect(docsExample('## Problematic configuration\n\n```properties\n# a.conf\nk=v\n```\n')).toBeUndefined();
  });
});
