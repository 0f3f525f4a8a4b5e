/**
 * The knowledge base against real Java ClientHellos: every Java entry of testssl.sh's client simulation
 * data (test/fixtures/testssl, with origin and licence) is decoded and compared with the profile of that
 * JDK: the protocols offered, the TLS 1.3 suites, and the other suites in wire order. A recording that is
 * not a stock build is listed below with the evidence and the exact difference it explains.
 */
import * as fs from 'fs';
import * as path from 'path';
import { explainJdk } from '../../src/knowledge';
import type { JdkVendorFamily } from '../../src/model/types';
import {
  decodeClientHello,
  isTls13,
  predictedHello,
  readClientSimulation,
  type DecodedClientHello,
} from '../helpers/client-hello';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'testssl', 'client-simulation-java.txt');
const DSA_SIGNATURE_SCHEMES = [0x0402, 0x0302, 0x0202]; // dsa_sha256, dsa_sha224, dsa_sha1

interface Exception {
  /** Suites the stock profile offers and the recording lacks. */
  profileOnly: RegExp;
  /** Suites the recording offers and no stock build of that version has. */
  recordingOnly?: RegExp;
  /** Why, with something the test can check in the recording itself. */
  evidence: string;
  check: (hello: DecodedClientHello) => void;
}

const CRYPTO_POLICY_DSA: Exception['check'] = (hello) => {
  // Stock SunJSSE sends the DSA signature schemes (captured live: 17.0.15 and 25.0.3 do); a system
  // crypto policy that disables DSA (RHEL/Fedora crypto-policies java.config) removes them and DHE_DSS.
  for (const scheme of DSA_SIGNATURE_SCHEMES) expect(hello.signatureAlgorithms).not.toContain(scheme);
};

const CASES: { name: string; vendor: JdkVendorFamily; version: string; exception?: Exception }[] = [
  { name: 'Java 6u45', vendor: 'oracle', version: '1.6.0_45' },
  { name: 'Java 7u25', vendor: 'oracle', version: '1.7.0_25' },
  { name: 'Java 8b132', vendor: 'oracle', version: '1.8.0' },
  { name: 'Java 8u31', vendor: 'oracle', version: '1.8.0_31' },
  { name: 'Java 8u111', vendor: 'oracle', version: '1.8.0_111' },
  { name: 'Java 8u161', vendor: 'oracle', version: '1.8.0_161' },
  { name: 'Java 9.0.4', vendor: 'oracle', version: '9.0.4' },
  { name: 'Java 11.0.2 (OpenJDK)', vendor: 'openjdk', version: '11.0.2' },
  { name: 'Java 12.0.1 (OpenJDK)', vendor: 'openjdk', version: '12.0.1' },
  {
    name: 'Java 8u442 (OpenJDK)',
    vendor: 'openjdk',
    version: '1.8.0_442',
    exception: {
      profileOnly: /^TLS_DHE_DSS_/,
      recordingOnly: /CHACHA20/,
      evidence:
        'not a stock OpenJDK 8u ClientHello: its cipher list and JA3 equal the 17.0.3/21.0.6 entry, it offers ChaCha20 suites ' +
        '(absent from jdk8u-dev CipherSuite.java) and the x25519 group (XDH is JDK 11+, JEP 324); no DSA signature scheme (crypto policy)',
      check: (hello) => {
        CRYPTO_POLICY_DSA(hello);
        expect(hello.supportedGroups).toContain(0x001d); // x25519
      },
    },
  },
  {
    name: 'Java 17.0.3/21.0.6 (OpenJDK)',
    vendor: 'openjdk',
    version: '17.0.3',
    exception: {
      profileOnly: /^TLS_(DHE_DSS|ECDH_(ECDSA|RSA))_/,
      evidence:
        "17.0.3 java.security disables neither ECDH (JDK-8279164 came in 17.0.13) nor DSA; this machine's 17.0.15 run with the 17.0.3 value offers both. " +
        'The recording lacks the DSA signature schemes: a system crypto policy, not the stock java.security',
      check: CRYPTO_POLICY_DSA,
    },
  },
  {
    name: 'Java 21.0.6 (OpenJDK)',
    vendor: 'openjdk',
    version: '21.0.6',
    exception: {
      profileOnly: /^TLS_DHE_DSS_/,
      evidence: 'DSA signature schemes absent: a system crypto policy (see 17.0.3)',
      check: CRYPTO_POLICY_DSA,
    },
  },
];

const recordings = new Map(
  readClientSimulation(fs.readFileSync(FIXTURE, 'utf8')).map((e) => [e.name, e.handshakeBytes]),
);

describe('recorded Java ClientHellos (testssl.sh) agree with the JDK profiles', () => {
  it('covers every Java entry of the fixture', () => {
    expect([...recordings.keys()].sort()).toEqual(CASES.map((c) => c.name).sort());
  });

  for (const c of CASES) {
    describe(`${c.name} as ${c.vendor} ${c.version}`, () => {
      const hello = decodeClientHello(recordings.get(c.name) ?? '');
      const { effective, protocols, ssl2Format } = predictedHello(c.vendor, c.version);
      const drop = (names: readonly string[], pattern?: RegExp) =>
        pattern ? names.filter((n) => !pattern.test(n)) : names;
      const predicted = drop(effective.clientCipherSuites.value, c.exception?.profileOnly);
      const recorded = drop(hello.suites, c.exception?.recordingOnly);

      it('offers the protocols of the profile', () => {
        expect(hello.format === 'ssl2').toBe(ssl2Format);
        if (hello.supportedVersions) expect(hello.supportedVersions).toEqual(protocols);
        else expect(hello.legacyVersion).toBe(protocols[0]);
      });
      it('offers the TLS 1.3 suites of the profile, in order', () => {
        expect(recorded.filter(isTls13)).toEqual(predicted.filter(isTls13));
      });
      it('offers the other suites of the profile, in wire order', () => {
        expect(recorded.filter((n) => !isTls13(n))).toEqual(predicted.filter((n) => !isTls13(n)));
      });
      if (c.exception) {
        const exception = c.exception;
        it(`is a documented exception: ${exception.evidence}`, () => {
          exception.check(hello);
          // The exception must explain a real difference, not hide an agreement.
          const differs =
            effective.clientCipherSuites.value.some((n) => exception.profileOnly.test(n)) ||
            hello.suites.some((n) => exception.recordingOnly?.test(n));
          expect(differs).toBe(true);
        });
      }
    });
  }

  it('--explain-jdk prints the client suites in wire order', () => {
    const text = explainJdk('8u31', 'oracle');
    const line = text.split('\n').find((l) => l.includes('wire order')) ?? '';
    const wire = decodeClientHello(recordings.get('Java 8u31') ?? '').suites;
    expect(line).toContain(wire.join(', '));
    expect(text).toMatch(/crypto policy: limited/);
  });
});
