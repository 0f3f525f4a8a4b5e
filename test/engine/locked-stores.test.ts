/**
 * Locked key stores no component names are told once per directory (src/engine/run/locked-stores.ts); a store some
 * component names keeps its own finding. Shaped like xipki/xipki@10c3450 (Apache-2.0), whose 1,238 test stores under
 * qa/p12/<algorithm>/ each gave an info.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type LintConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

// Encrypted with a password no default opens (test/fixtures/keystores/MANIFEST.tsv).
const locked = fs.readFileSync(path.resolve(__dirname, '../fixtures/keystores/generated/key.p12'));

const LOCKED = 'parse/keystore-locked';
// The store password of the generated stores (test/fixtures/keystores/MANIFEST.tsv).
const RIGHT = 'Pk12-planted-Zq9';

function lockedFindings(files: Record<string, string | Buffer>, rules: LintConfig['rules'] = {}, ruleId = LOCKED) {
  const root = writeTree(files);
  try {
    return lint({ paths: [root], cwd: root, config: { ...defaultConfig(root), rules } })
      .findings.filter((f) => f.ruleId === ruleId)
      .map((f) => ({
        file: path.relative(root, f.location.file).split(path.sep).join('/'),
        related: (f.related ?? []).map((r) => path.relative(root, r.file).split(path.sep).join('/')),
        message: f.message,
        severity: f.severity,
      }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('locked key stores no component names', () => {
  it('are one info per directory, naming the others', () => {
    const found = lockedFindings({
      'qa/p12/RSA2048/cross1.p12': locked,
      'qa/p12/RSA2048/ee1.p12': locked,
      'qa/p12/RSA2048/ee2.p12': locked,
      'qa/p12/P256/ee1.p12': locked,
    });
    expect(found).toEqual([
      expect.objectContaining({ file: 'qa/p12/P256/ee1.p12', related: [], severity: 'info' }),
      {
        file: 'qa/p12/RSA2048/cross1.p12',
        related: ['qa/p12/RSA2048/ee1.p12', 'qa/p12/RSA2048/ee2.p12'],
        severity: 'info',
        message: expect.stringContaining('3 key stores in qa/p12/RSA2048 (cross1.p12, ee1.p12, ee2.p12)'),
      },
    ]);
    // A lone store keeps the message that says what to declare.
    expect(found[0]!.message).toContain('PKCS#12 store ee1.p12');
  });

  it('keep their own finding when a component names them', () => {
    const found = lockedFindings({
      'app/jvm.options': '-Djavax.net.ssl.keyStore=keys/server.p12\n-Djavax.net.ssl.keyStorePassword=${KS_PW}\n',
      'app/keys/server.p12': locked,
      'app/keys/old1.p12': locked,
      'app/keys/old2.p12': locked,
    });
    expect(found.map((f) => [f.file, f.related.length])).toEqual([
      ['app/keys/old1.p12', 1],
      ['app/keys/server.p12', 0],
    ]);
    expect(found[1]!.message).toContain('PKCS#12 store server.p12');
  });
});

describe('a locked store whose own configured password cert/store-password-wrong reports', () => {
  // Jetty's ssl module: the start file gives key.p12 the OBF form of "wrong" (the model pairs them, no setting name does).
  const jetty = {
    Dockerfile: 'FROM jetty:12-jdk21\n',
    'start.d/ssl.ini':
      '--module=ssl\njetty.sslContext.keyStorePath=etc/key.p12\njetty.sslContext.keyStorePassword=OBF:1x1r1xfn1x1b1xff1x0v\n',
    'etc/key.p12': locked,
  };
  it('is told by that warning alone', () => {
    expect(lockedFindings(jetty, {}, 'cert/store-password-wrong').map((f) => f.file)).toEqual(['start.d/ssl.ini']);
    expect(lockedFindings(jetty)).toEqual([]);
  });
  it('keeps its locked finding when the rule is off', () =>
    expect(lockedFindings(jetty, { 'cert/store-password-wrong': 'off' }).map((f) => f.file)).toEqual(['etc/key.p12']));
});

describe("a locked store whose own setting's wrong password a start overrides", () => {
  // Spring Boot binds a Compose service's SERVER_SSL_KEY_STORE_PASSWORD over the file's server.ssl.key-store-password
  // (src/parse/java/spring-environment.ts): the store is loaded with the start's password, not the file's.
  const spring = (password: string) => ({
    'app/src/main/resources/application.properties':
      'server.port=8443\nserver.ssl.key-store=classpath:key.p12\nserver.ssl.key-store-password=not-the-password\n',
    'app/src/main/resources/key.p12': locked,
    'app/pom.xml': '<project><artifactId>app</artifactId></project>\n',
    'docker-compose.yml': `services:\n  app:\n    build: ./app\n    environment:\n      SERVER_SSL_KEY_STORE_PASSWORD: "${password}"\n`,
  });
  const { 'docker-compose.yml': _compose, ...fileOnly } = spring('');
  it("without a start, the file's wrong password is the warning, and no locked info beside it", () => {
    expect(lockedFindings(fileOnly, {}, 'cert/store-password-wrong').map((f) => f.file)).toEqual([
      'app/src/main/resources/application.properties',
    ]);
    expect(lockedFindings(fileOnly)).toEqual([]);
  });
  it("the start's right password: no warning, the store read with it", () => {
    expect(lockedFindings(spring(RIGHT), {}, 'cert/store-password-wrong')).toEqual([]);
    expect(lockedFindings(spring(RIGHT))).toEqual([]);
  });
  it("the start's wrong password: the warning at the variable, named as written", () => {
    const found = lockedFindings(spring('also-wrong'), {}, 'cert/store-password-wrong');
    expect(found.map((f) => f.file)).toEqual(['docker-compose.yml']);
    expect(found[0]!.message).toMatch(/^SERVER_SSL_KEY_STORE_PASSWORD gives a password that does not open/);
    expect(found[0]!.message).not.toContain('also-wrong');
  });
  it('a start that sets it at run time (${KS_PW}): no warning; the store is said to be locked', () => {
    expect(lockedFindings(spring('${KS_PW}'), {}, 'cert/store-password-wrong')).toEqual([]);
    expect(lockedFindings(spring('${KS_PW}')).map((f) => f.file)).toEqual(['app/src/main/resources/key.p12']);
  });
});
