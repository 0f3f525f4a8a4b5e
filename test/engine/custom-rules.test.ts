import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import type { CustomRuleSpec } from '../../src/engine/custom-rules/compile';
import { compileCustomRules } from '../../src/engine/custom-rules/compile';
import { validateAgainst } from '../../src/engine/config/validate';
import type { Tree } from '../helpers/rule-tester';
import { lintTree } from './lint-helper';

/** `file:line` of each finding with its related `file:line`s: what a user sees, without rule ids or wording. */
function places(findings: Finding[], root: string): string[] {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  return findings
    .filter((f) => !f.ruleId.startsWith('parse/'))
    .map(
      (f) =>
        `${rel(f.location.file)}:${(f.location.range?.start.line ?? 0) + 1}${(f.related ?? []).map((r) => ` ↳ ${rel(r.file)}:${(r.range?.start.line ?? 0) + 1}`).join('')}`,
    );
}

function expectEquivalent(builtIn: string, custom: CustomRuleSpec, trees: Tree[]): void {
  expect(validateAgainst({ customRules: [custom] })).toEqual([]);
  let reported = 0;
  for (const files of trees) {
    const a = lintTree(files, { builtIn: [builtIn] });
    const b = lintTree(files, { custom: [custom] });
    expect(places(b.findings, b.root)).toEqual(places(a.findings, a.root));
    reported += a.findings.length;
  }
  expect(reported).toBeGreaterThan(0); // the trees do exercise the rule
}

describe('the built-in ClearTrust consistency rules, expressed as declarative rules', () => {
  it('cleartrust/keyserver-ssl-mode-mismatch = same-value', () => {
    const ks = (mode: string) => `# Key Server\ncleartrust.net.ssl.use=${mode}\n`;
    expectEquivalent(
      'cleartrust/keyserver-ssl-mode-mismatch',
      {
        id: 'custom/keyserver-mode',
        type: 'same-value',
        kinds: ['cleartrust.keyserver'],
        key: 'cleartrust.net.ssl.use',
      },
      [
        {
          'k1/keyserver.conf': ks('auth'),
          'k2/keyserver.conf': ks('auth'),
          'eserver.conf': 'cleartrust.net.ssl.use=clear\n',
        },
        { 'k1/keyserver.conf': ks('auth'), 'k2/keyserver.conf': ks('clear') },
        { 'k1/keyserver.conf': ks('auth'), 'k2/keyserver.conf': ks('Clear'), 'k3/keyserver.conf': ks('clear') },
      ],
    );
  });

  it('cleartrust/runtime-api-security-mismatch = same-value', () => {
    const as = (sec: string) => `cleartrust.net.ssl.use=auth\ncleartrust.runtime_api.security=${sec}\n`;
    expectEquivalent(
      'cleartrust/runtime-api-security-mismatch',
      {
        id: 'custom/runtime-api-same',
        type: 'same-value',
        kinds: ['cleartrust.aserver'],
        key: 'cleartrust.runtime_api.security',
      },
      [
        { 'a1/aserver.conf': as('auth'), 'a2/aserver.conf': as('anon') },
        { 'a1/aserver.conf': as('auth'), 'a2/aserver.conf': as('auth') },
      ],
    );
  });

  it('cleartrust/runtime-api-security-too-high = value-order (clear < anon < auth)', () => {
    expectEquivalent(
      'cleartrust/runtime-api-security-too-high',
      {
        id: 'custom/runtime-api-order',
        type: 'value-order',
        kinds: ['cleartrust.aserver'],
        key: 'cleartrust.runtime_api.security',
        order: ['clear', 'anon', 'auth'],
        notAbove: { key: 'cleartrust.net.ssl.use' },
      },
      [
        { 'aserver.conf': 'cleartrust.net.ssl.use=anon\ncleartrust.runtime_api.security=auth\n' },
        { 'aserver.conf': 'cleartrust.net.ssl.use=auth\ncleartrust.runtime_api.security=anon\n' },
        {
          'a1/aserver.conf': 'cleartrust.net.ssl.use=clear\ncleartrust.runtime_api.security=anon\n',
          'a2/aserver.conf': 'cleartrust.net.ssl.use=auth\ncleartrust.runtime_api.security=auth\n',
        },
      ],
    );
  });

  it('cleartrust/ssl-mode-invalid (for cleartrust.net.ssl.use) = allowed-values', () => {
    expectEquivalent(
      'cleartrust/ssl-mode-invalid',
      {
        id: 'custom/ssl-mode-values',
        type: 'allowed-values',
        kinds: ['cleartrust.*'],
        key: 'cleartrust.net.ssl.use',
        values: ['clear', 'anon', 'auth'],
      },
      [{ 'aserver.conf': 'cleartrust.net.ssl.use=true\n', 'eserver.conf': 'cleartrust.net.ssl.use=Auth\n' }],
    );
  });
});

describe('declarative rule types', () => {
  it('same-value reports the minority at the value, with the majority as related, and a stable message', () => {
    const { lines, findings } = lintTree(
      {
        'a/dispatcher.conf': 'cleartrust.net.ssl.use=anon\n',
        'b/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'c/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      { custom: [{ id: 'custom/mode', type: 'same-value', kinds: ['cleartrust.*'], key: 'cleartrust.net.ssl.use' }] },
    );
    expect(lines).toEqual(['a/dispatcher.conf:1 custom/mode']);
    expect(findings[0].message).toBe(
      "cleartrust.net.ssl.use is 'anon' here but 'auth' in b/aserver.conf; they must be the same",
    );
    expect(findings[0].fingerprint).toMatch(/^[0-9a-f]{20}$/);
  });

  it('allowed-values and forbidden-value, with a key pattern over MQSC channels', () => {
    const mqsc =
      'DEFINE CHANNEL(A.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)\nDEFINE CHANNEL(B.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13)\n';
    const allowed = lintTree(
      { 'qm.mqsc': mqsc },
      {
        custom: [
          {
            id: 'custom/mq-ciphers',
            type: 'allowed-values',
            kinds: ['mq.mqsc'],
            key: 'CHANNEL(*).SSLCIPH',
            values: ['ANY_TLS13', 'ANY_TLS12_OR_HIGHER'],
            caseSensitive: true,
          },
        ],
      },
    );
    expect(allowed.lines).toEqual(['qm.mqsc:1 custom/mq-ciphers']);
    expect(allowed.findings[0].message).toBe(
      "CHANNEL(A.SVRCONN).SSLCIPH is 'TLS_RSA_WITH_AES_128_CBC_SHA256'; allowed: ANY_TLS13, ANY_TLS12_OR_HIGHER",
    );
    const forbidden = lintTree(
      { 'qm.mqsc': mqsc },
      {
        custom: [
          {
            id: 'custom/no-static-rsa',
            type: 'forbidden-value',
            key: 'CHANNEL(*).SSLCIPH',
            values: ['tls_rsa_with_aes_128_cbc_sha256'],
            severity: 'warning',
            message: 'static RSA on {{key}}',
          },
        ],
      },
    );
    expect(forbidden.lines).toEqual(['qm.mqsc:1 custom/no-static-rsa']);
    expect(forbidden.findings[0]).toMatchObject({
      severity: 'warning',
      message: 'static RSA on CHANNEL(A.SVRCONN).SSLCIPH',
    });
  });

  it('required-key reports the whole file that lacks the key; `files` narrows by glob', () => {
    const rule: CustomRuleSpec = {
      id: 'custom/need-keystore',
      type: 'required-key',
      kinds: ['cleartrust.aserver'],
      files: 'prod/**',
      key: 'cleartrust.net.ssl.keystore',
    };
    const { lines } = lintTree(
      { 'prod/aserver.conf': 'cleartrust.net.ssl.use=auth\n', 'dev/aserver.conf': 'cleartrust.net.ssl.use=auth\n' },
      { custom: [rule] },
    );
    expect(lines).toEqual(['prod/aserver.conf:1 custom/need-keystore']);
  });

  it('value-order across kinds compares with every file of the named kinds', () => {
    const rule: CustomRuleSpec = {
      id: 'custom/agent-not-above-dispatcher',
      type: 'value-order',
      kinds: ['cleartrust.webagent'],
      key: 'cleartrust.agent.ssl.use',
      order: ['clear', 'anon', 'auth'],
      notAbove: { key: 'cleartrust.net.ssl.use', kinds: ['cleartrust.dispatcher'] },
    };
    const { lines, findings } = lintTree(
      { 'dispatcher.conf': 'cleartrust.net.ssl.use=anon\n', 'webagent.conf': 'cleartrust.agent.ssl.use=auth\n' },
      { custom: [rule] },
    );
    expect(lines).toEqual(['webagent.conf:1 custom/agent-not-above-dispatcher']);
    expect(findings[0].related?.[0].message).toBe("cleartrust.net.ssl.use is 'anon' here");
  });

  it('never prints a secret value', () => {
    const { findings } = lintTree(
      { 'aserver.conf': 'cleartrust.net.ssl.keystore_password=hunter2\n' },
      { custom: [{ id: 'custom/pw', type: 'forbidden-value', key: '*password', values: ['hunter2'] }] },
    );
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  it('rejects ids of built-in rules and duplicates', () => {
    const spec = { id: 'cleartrust/ssl-mode-mismatch', type: 'same-value', key: 'k' };
    expect(() => compileCustomRules([spec], new Set(['cleartrust/ssl-mode-mismatch']))).toThrow(
      /built-in rule id.*custom\/ssl-mode-mismatch/,
    );
    expect(() =>
      compileCustomRules(
        [
          { ...spec, id: 'custom/x' },
          { ...spec, id: 'custom/x' },
        ],
        new Set(),
      ),
    ).toThrow(/used twice/);
  });

  it('the config schema checks each type needs its fields', () => {
    expect(
      validateAgainst({ customRules: [{ id: 'custom/x', type: 'allowed-values', key: 'k' }] }).map((e) => e.message),
    ).toContain("must have required property 'values'");
    expect(
      validateAgainst({ customRules: [{ id: 'custom/x', type: 'value-order', key: 'k', order: ['a', 'b'] }] }).map(
        (e) => e.message,
      ),
    ).toContain("must have required property 'notAbove'");
  });
});
