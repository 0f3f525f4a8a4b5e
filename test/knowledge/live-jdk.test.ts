import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  disabledEntryFor,
  effectiveJdkTls,
  findCipherSuite,
  jdkProfile,
  parseJavaVersion,
  splitAlgorithmList,
} from '../../src/knowledge';
import type { JavaRuntime, Traced } from '../../src/model/types';
import { parseProperties } from '../../src/parse/properties';

const SCSV = 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV';
const fixture = path.join(__dirname, 'fixtures', 'JsseProbe.java');

function hasJavac(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const available = hasJavac();
if (!available) console.warn('skipping live JDK test: `javac` not on PATH');

type Probe = Record<string, string[]>;

function runProbe(dir: string, securityOverride?: string): Probe {
  const args = securityOverride ? [`-Djava.security.properties=${securityOverride}`] : [];
  const out = execFileSync('java', [...args, '-cp', dir, 'JsseProbe'], { encoding: 'utf8', timeout: 15_000 });
  const probe: Probe = {};
  for (const line of out.split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    probe[line.slice(0, at)] = line
      .slice(at + 1)
      .split(',')
      .filter((s) => s && s !== SCSV);
  }
  return probe;
}

const iana = (names: string[]) => names.map((n) => findCipherSuite(n)?.iana ?? `unregistered:${n}`);
const fileTraced = (value: string): Traced<string> => ({
  value,
  from: { kind: 'file', location: { file: 'java.security' } },
});

(available ? describe : describe.skip)('knowledge agrees with the JDK on this machine', () => {
  let dir = '';
  let plain: Probe;
  let emptied: Probe;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsse-probe-'));
    execFileSync('javac', ['-d', dir, fixture], { timeout: 15_000 });
    plain = runProbe(dir);
    const override = path.join(dir, 'empty.security');
    fs.writeFileSync(override, 'jdk.tls.disabledAlgorithms=\n');
    emptied = runProbe(dir, override);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runtimeFor = (disabled?: string): JavaRuntime => ({
    vendor: { value: 'openjdk', from: { kind: 'config', origin: 'test' } },
    version: { value: plain['java.version'][0], from: { kind: 'config', origin: 'test' } },
    securityProperties: disabled === undefined ? {} : { 'jdk.tls.disabledAlgorithms': fileTraced(disabled) },
    systemProperties: {},
  });

  test("the dataset value equals this JDK's own java.security", () => {
    const text = fs.readFileSync(path.join(plain['java.home'][0], 'conf', 'security', 'java.security'), 'utf8');
    const entry = parseProperties(text)
      .entries.filter((e) => e.key === 'jdk.tls.disabledAlgorithms')
      .pop();
    const profile = jdkProfile('openjdk', parseJavaVersion(plain['java.version'][0])!);
    expect(profile).toBeDefined();
    expect(profile!.tlsDisabledAlgorithms.value).toEqual(splitAlgorithmList(entry!.value));
    expect(profile!.defaultClientProtocols.value).toEqual(plain.clientProtocols);
    expect(profile!.defaultServerProtocols.value).toEqual(plain.serverProtocols);
    expect(profile!.supportedProtocols.value).toEqual(plain.supportedProtocols);
    expect(String(profile!.serverCipherOrderByDefault.value)).toBe(plain.serverCipherOrder[0]);
  });

  test('default enabled suites and protocols (version default)', () => {
    const effective = effectiveJdkTls(runtimeFor());
    expect(effective.clientProtocols.value).toEqual(plain.clientProtocols);
    expect(effective.serverProtocols.value).toEqual(plain.serverProtocols);
    expect(effective.clientCipherSuites.value).toEqual(iana(plain.clientCipherSuites));
    expect(effective.serverCipherSuites.value).toEqual(iana(plain.serverCipherSuites));
  });

  test('with jdk.tls.disabledAlgorithms emptied: every supported suite, in JSSE order', () => {
    const effective = effectiveJdkTls(runtimeFor(''));
    expect(effective.disabledAlgorithms.value).toEqual([]);
    expect(effective.clientProtocols.value).toEqual(emptied.clientProtocols);
    expect(effective.clientCipherSuites.value).toEqual(iana(emptied.clientCipherSuites));
    const all = [
      ...effective.clientCipherSuites.value,
      ...iana(emptied.supportedCipherSuites).filter((n) => !effective.clientCipherSuites.value.includes(n)),
    ];
    expect(iana(emptied.supportedCipherSuites)).toEqual(all);
  });

  test('a suite is missing from getSupportedCipherSuites exactly when disabledEntryFor names an entry', () => {
    const disabled = jdkProfile('openjdk', parseJavaVersion(plain['java.version'][0])!)!.tlsDisabledAlgorithms.value;
    const supportedNow = new Set(iana(plain.supportedCipherSuites));
    const verdicts = iana(emptied.supportedCipherSuites).map((name) => [
      name,
      supportedNow.has(name),
      disabledEntryFor(name, disabled) === undefined,
    ]);
    expect(verdicts.filter(([, live, ours]) => live !== ours)).toEqual([]);
  });
});
