/**
 * Named cases with the real outcome recorded from OpenSSL 3.0.19 and JDK 17.0.15 (test/interop/record-cases.ts).
 * Regressions in the predictor show here without running the stacks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compare, predictPair } from '../interop/generate';
import type { JvmProfile, LabSide, RealOutcome } from '../interop/stacks';

interface NamedCase {
  name: string;
  client: LabSide;
  server: LabSide;
  real: RealOutcome;
}
const file = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases.json'), 'utf8')) as {
  jvmDisabled: Record<JvmProfile, string>;
  cases: NamedCase[];
};

describe('named handshake cases (recorded real outcomes)', () => {
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const prediction = predictPair({ id: 0, client: c.client, server: c.server }, file.jvmDisabled);
    expect(compare(prediction, c.real)).toEqual([]);
  });

  it('seed 000: the server order negotiates TLS_RSA_WITH_AES_256_GCM_SHA384, not the channel CipherSpec', () => {
    const c = file.cases.find((x) => x.name.startsWith('seed-000'))!;
    const p = predictPair({ id: 0, client: c.client, server: c.server }, file.jvmDisabled);
    expect(p).toMatchObject({ ok: true, cipherSuite: 'TLS_RSA_WITH_AES_256_GCM_SHA384', decidedBy: 'server-order' });
  });

  it('seed 003: anon on a JDK that disables anon fails locally with the JDK message', () => {
    const c = file.cases.find((x) => x.name.startsWith('seed-003 ClearTrust'))!;
    const p = predictPair({ id: 0, client: c.client, server: c.server }, file.jvmDisabled);
    expect(p).toMatchObject({
      ok: false,
      failingSide: 'client',
      messages: { client: 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)' },
    });
  });
});
