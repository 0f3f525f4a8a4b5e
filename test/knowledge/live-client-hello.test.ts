/**
 * This machine's JDK, captured live: a default SSLSocket client connects to a loopback socket that records
 * its ClientHello (fixtures/CaptureClientHello.java); the bytes must match the profile of that JDK. Run
 * once more with the java.security value of 17.0.3, it must match the 17.0.3 profile: that is the stock
 * configuration the testssl.sh "17.0.3" recording departs from (client-hello.test.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jdkProfile, parseJavaVersion, vendorFromRelease } from '../../src/knowledge';
import { decodeClientHello, isTls13, predictedHello } from '../helpers/client-hello';

function javaHome(): string | undefined {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    return undefined;
  }
  // `java -version` and the settings go to stderr.
  const out = spawnSync('java', ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 10_000 });
  return /java\.home = (.*)/.exec(`${out.stdout}${out.stderr}`)?.[1]?.trim();
}

function releaseFields(home: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of fs.readFileSync(path.join(home, 'release'), 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}

const home = javaHome();
if (!home) console.warn('skipping live ClientHello test: no JDK (java + javac) on PATH');

(home ? describe : describe.skip)("this machine's JDK ClientHello agrees with its profile", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-hello-'));
    execFileSync('javac', ['-d', dir, path.join(__dirname, 'fixtures', 'CaptureClientHello.java')], {
      timeout: 60_000,
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const capture = (securityFile?: string) => {
    const args = securityFile ? [`-Djava.security.properties=${securityFile}`] : [];
    return decodeClientHello(
      execFileSync('java', [...args, '-cp', dir, 'CaptureClientHello'], { encoding: 'utf8', timeout: 30_000 }),
    );
  };
  const fields = home ? releaseFields(home) : {};
  const version = (fields.JAVA_VERSION ?? '').replace(/"/g, '');
  const vendor = vendorFromRelease(fields);

  it('the stock configuration', () => {
    expect(parseJavaVersion(version)).toBeDefined();
    const hello = capture();
    const predicted = predictedHello(vendor, version);
    expect(hello.supportedVersions).toEqual(predicted.protocols);
    expect(hello.suites.filter(isTls13)).toEqual(predicted.effective.clientCipherSuites.value.filter(isTls13));
    expect(hello.suites.filter((n) => !isTls13(n))).toEqual(
      predicted.effective.clientCipherSuites.value.filter((n) => !isTls13(n)),
    );
  }, 60_000);

  it('with the java.security TLS value of 17.0.3 it offers what the 17.0.3 profile offers (ECDH and DHE_DSS included)', () => {
    const profile = jdkProfile('openjdk', parseJavaVersion('17.0.3')!);
    const value = profile!.tlsDisabledAlgorithms.value.join(', ');
    const file = path.join(dir, '17.0.3.security');
    fs.writeFileSync(file, `jdk.tls.disabledAlgorithms=${value}\n`);
    const hello = capture(file);
    const predicted = predictedHello('openjdk', '17.0.3').effective.clientCipherSuites.value;
    expect(hello.suites).toEqual(predicted);
    expect(hello.suites.some((n) => n.startsWith('TLS_ECDH_RSA_'))).toBe(true);
    expect(hello.suites.some((n) => n.startsWith('TLS_DHE_DSS_'))).toBe(true);
  }, 60_000);
});
