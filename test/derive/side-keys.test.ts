import { RunMemo } from '../../src/core/run-memo';
import { pairKey, patchedSide, sideKey } from '../../src/derive/side-keys';
import type { HandshakeSide } from '../../src/handshake/types';

const side = (over: Partial<HandshakeSide> = {}): HandshakeSide => ({
  implementation: 'jsse',
  protocols: ['TLSv1.3', 'TLSv1.2'],
  cipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  ...over,
});

describe('RunMemo.keyOf', () => {
  it('serialises a value once and numbers each distinct serialisation once', () => {
    const memo = new RunMemo();
    let serialised = 0;
    const count = (v: object) => (serialised++, JSON.stringify(v));
    const a = { x: [1, 2] };
    expect(memo.keyOf(a, count)).toBe(memo.keyOf(a, count));
    expect(serialised).toBe(1);
    expect(memo.keyOf({ x: [1, 2] }, count)).toBe(memo.keyOf(a, count));
    expect(memo.keyOf({ x: [2, 1] }, count)).not.toBe(memo.keyOf(a, count));
  });

  it('never gives one key to two contents, even after its numbering starts afresh', () => {
    const memo = new RunMemo();
    const first = memo.keyOf({ n: -1 });
    for (let n = 0; n <= RunMemo.TABLE_LIMIT; n++) memo.keyOf({ n });
    expect(memo.keyOf({ n: 'other' })).not.toBe(first);
    expect(memo.keyOf({ n: -1 })).not.toBe(memo.keyOf({ n: 0 }));
  });
});

describe('handshake side keys', () => {
  it('key a side by its lists, whatever its name, but tell a named side from a nameless one', () => {
    const memo = new RunMemo();
    expect(sideKey(side({ label: 'env-1/app' }), memo)).toBe(sideKey(side({ label: 'env-2/app' }), memo));
    expect(sideKey(side({ label: 'env-1/app' }), memo)).not.toBe(sideKey(side(), memo));
    expect(sideKey(side({ protocols: ['TLSv1.2'] }), memo)).not.toBe(sideKey(side(), memo));
  });

  it('key a patched side from its parts: equal patches of equal sides share a key, the side is the spread', () => {
    const memo = new RunMemo();
    const base = side();
    const ec = patchedSide(base, { certificate: { keyType: 'EC', bits: 256 } }, memo);
    expect(ec).toEqual({ ...base, certificate: { keyType: 'EC', bits: 256 } });
    expect(sideKey(ec, memo)).toBe(
      sideKey(patchedSide(side(), { certificate: { keyType: 'EC', bits: 256 } }, memo), memo),
    );
    expect(sideKey(ec, memo)).not.toBe(
      sideKey(patchedSide(base, { certificate: { keyType: 'RSA', bits: 2048 } }, memo), memo),
    );
    expect(patchedSide(base, {}, memo)).toBe(base);
  });

  it('key a fresh patch by the lists in it: a list shared by every link is serialised once a run', () => {
    const memo = new RunMemo();
    const base = side();
    // An end's candidate lists, combined into a new patch object for every link that asks (outcome.ts variantsOf).
    const cipherSuites = Array.from({ length: 40 }, (_, i) => `TLS_SUITE_${i}`);
    const stringify = jest.spyOn(JSON, 'stringify');
    const keys = new Set<string>();
    for (let link = 0; link < 50; link++)
      keys.add(sideKey(patchedSide(base, { protocols: ['TLSv1.2'], cipherSuites }, memo), memo));
    const serialised = stringify.mock.calls.map(([value]) => value);
    stringify.mockRestore();
    expect(keys.size).toBe(1);
    // The patched side itself is serialised once (its key), the list once: not once per link.
    expect(serialised.filter((value) => JSON.stringify(value)?.includes('TLS_SUITE_39')).length).toBeLessThanOrEqual(2);
    expect(
      sideKey(patchedSide(base, { protocols: ['TLSv1.2'], cipherSuites: [...cipherSuites] }, memo), memo),
    ).not.toBe(sideKey(patchedSide(base, { protocols: ['TLSv1.3'], cipherSuites }, memo), memo));
  });

  it('key a pair by both sides in order', () => {
    const memo = new RunMemo();
    const [a, b] = [side(), side({ protocols: ['TLSv1.2'] })];
    expect(pairKey(a, b, memo)).not.toBe(pairKey(b, a, memo));
    expect(pairKey(a, b, memo)).toBe(pairKey(side(), side({ protocols: ['TLSv1.2'] }), memo));
  });
});
