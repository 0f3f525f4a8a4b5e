/**
 * The planted-secret test for key stores (issue 16): PKCS#12 stores whose password is written in the
 * configuration (server.xml in clear, jvm.options {xor}-encoded) are opened with it, and neither the
 * password nor the store's content (its bytes, its certificates' DER) reaches any output format, the
 * --debug output, the cache file or the baseline.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatterNames } from '../../src/report';
import { writeTree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
/** The password of the generated stores (test/fixtures/keystores/MANIFEST.tsv). */
const PASSWORD = 'Pk12-planted-Zq9';
const xor = (s: string) => `{xor}${Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5f)).toString('base64')}`;

const keyP12 = fs.readFileSync(path.join(STORES, 'key.p12'));
const trustP12 = fs.readFileSync(path.join(STORES, 'trust.p12'));
const tree = {
  'wlp/server.xml': `<server>\n  <keyStore id="defaultKeyStore" location="key.p12" type="PKCS12" password="${PASSWORD}"/>\n  <ssl id="s" sslProtocol="TLSv1.2" keyStoreRef="defaultKeyStore" serverKeyAlias="server"/>\n</server>\n`,
  'wlp/key.p12': keyP12,
  'app/jvm.options': `-Djavax.net.ssl.trustStore=/opt/app/trust.p12\n-Djavax.net.ssl.trustStorePassword=${xor(PASSWORD)}\n`,
  'app/trust.p12': trustP12,
  // Liberty's generated default key store password (server.env, read as text).
  'wlp2/server.env': `keystore_password=${PASSWORD}\n`,
  'wlp2/server.xml':
    '<server>\n  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" sslProtocol="TLSv1.2"/>\n</server>\n',
  'wlp2/resources/security/key.p12': keyP12,
  // A store no setting names: it opens with the password of the deployment's other store settings, which must not
  // be printed either.
  'orphan/key.p12': keyP12,
  // A Confluent broker's store, opened with the password of its credentials file (read by itself, never printed).
  'kafka/docker-compose.yml':
    'services:\n  broker:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://broker:9093\n      KAFKA_SSL_KEYSTORE_FILENAME: broker.p12\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: broker_creds\n    volumes:\n      - ./secrets:/etc/kafka/secrets\n',
  'kafka/secrets/broker.p12': keyP12,
  'kafka/secrets/broker_creds': `${PASSWORD}\n`,
};

/** Pieces of content that must never be printed: the password (plain and {xor}), slices of the stores' bytes in base64 and hex. */
function forbidden(): string[] {
  const pieces = [PASSWORD, xor(PASSWORD), PASSWORD.slice(2, -2)];
  for (const bytes of [keyP12, trustP12]) {
    const b64 = bytes.toString('base64');
    const hex = bytes.toString('hex');
    for (let at = 64; at + 48 < b64.length; at += Math.floor(b64.length / 12)) pieces.push(b64.slice(at, at + 32));
    for (let at = 64; at + 48 < hex.length; at += Math.floor(hex.length / 12)) pieces.push(hex.slice(at, at + 32));
  }
  return pieces;
}

describe('no output prints a key store password or store content', () => {
  const root = writeTree(tree);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, '--no-config', ...args, root], { encoding: 'utf8', timeout: 60000, cwd: root });
  const leaks = (text: string) => forbidden().filter((piece) => text.includes(piece));

  it('the stores are opened with the configured passwords (their certificates are checked)', () => {
    const result = run('--format', 'json', '--rule', 'cert/expired:error', '--rule', 'cert/weak-key:error');
    const findings = JSON.parse(result.stdout).findings as {
      ruleId: string;
      message: string;
      location: { file?: string };
    }[];
    const locked = findings.filter((f) => f.ruleId === 'parse/keystore-locked').map((f) => f.message);
    expect(locked).toEqual([]);
  });

  it.each(formatterNames())('--format %s', (format) => {
    const result = run('--format', format);
    expect(result.status === 0 || result.status === 1).toBe(true);
    const output = result.stdout + result.stderr;
    expect(output.length).toBeGreaterThan(0);
    expect(leaks(output)).toEqual([]);
  });

  it('--debug output', () => {
    const result = run('--debug', '--format', 'json');
    expect(result.stderr.length).toBeGreaterThan(0);
    expect(leaks(result.stdout + result.stderr)).toEqual([]);
  });

  it('the cache file and the baseline', () => {
    const cache = path.join(root, '.cache-dir');
    const baseline = path.join(root, 'baseline.json');
    run('--cache', '--cache-location', cache, '--format', 'json');
    run('--cache', '--cache-location', cache, '--format', 'json');
    run('--baseline', baseline, '--update-baseline', '--format', 'json');
    const written = [cache, baseline].flatMap((p) =>
      fs.existsSync(p) ? (fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p]) : [],
    );
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const file of written)
      expect({ file: path.basename(file), leaks: leaks(fs.readFileSync(file, 'latin1')) }).toEqual({
        file: path.basename(file),
        leaks: [],
      });
  });
});
