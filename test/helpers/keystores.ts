/**
 * Key stores made the way Java deployments have them, with this machine's OpenSSL and JDK keytool, in
 * a temp directory: a CA, a leaf it signs (with SAN), and that key and chain in JKS, JCEKS and PKCS#12
 * (keytool's and OpenSSL's, modern and legacy RC2-40), plus trust stores holding the CA.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BuiltStores {
  dir: string;
  /** Store file name → bytes. */
  bytes: (name: string) => Buffer;
  /** The store password of every keytool-made store and of the OpenSSL-made ones unless said otherwise. */
  password: string;
}

const PASSWORD = 'Pk12-planted-Zq9';

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'pipe', timeout: 60_000 });
}

/**
 * Builds the stores (about five keytool runs). `days` is the leaf's validity; the CA's is ten years.
 * Files: ca.crt, leaf.crt, leaf.key, chain.p12 (OpenSSL 3, AES, password), legacy.p12 (OpenSSL -legacy,
 * RC2-40, password `changeit`), plain.p12 (certificates unencrypted), key.jks / key.jceks / key.p12
 * (keytool, alias `server`), trust.jks / trust.p12 (keytool, trusted alias `rootca`).
 */
export function buildStores(days = 365): BuiltStores {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-stores-'));
  const ssl = (...args: string[]) => run('openssl', args, dir);
  const keytool = (...args: string[]) => run('keytool', args, dir);
  fs.writeFileSync(
    path.join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  fs.writeFileSync(
    path.join(dir, 'leaf.ext'),
    'basicConstraints=CA:FALSE\nsubjectAltName=DNS:app.example.com\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/O=Stores/CN=Test Root CA',
    '-days',
    '3650',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  ssl(
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/O=Stores/CN=app.example.com',
  );
  ssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.crt',
    '-days',
    String(days),
    '-extfile',
    'leaf.ext',
  );
  ssl(
    'pkcs12',
    '-export',
    '-in',
    'leaf.crt',
    '-inkey',
    'leaf.key',
    '-certfile',
    'ca.crt',
    '-name',
    'server',
    '-out',
    'chain.p12',
    '-passout',
    `pass:${PASSWORD}`,
  );
  ssl(
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    'leaf.crt',
    '-inkey',
    'leaf.key',
    '-certfile',
    'ca.crt',
    '-name',
    'server',
    '-out',
    'legacy.p12',
    '-passout',
    'pass:changeit',
  );
  ssl(
    'pkcs12',
    '-export',
    '-certpbe',
    'NONE',
    '-in',
    'leaf.crt',
    '-inkey',
    'leaf.key',
    '-certfile',
    'ca.crt',
    '-name',
    'server',
    '-out',
    'plain.p12',
    '-passout',
    `pass:${PASSWORD}`,
  );
  const fromChain = (dest: string, type: string) =>
    keytool(
      '-importkeystore',
      '-noprompt',
      '-srckeystore',
      'chain.p12',
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass',
      PASSWORD,
      '-destkeystore',
      dest,
      '-deststoretype',
      type,
      '-deststorepass',
      PASSWORD,
      '-destkeypass',
      PASSWORD,
    );
  fromChain('key.jks', 'JKS');
  fromChain('key.jceks', 'JCEKS');
  fromChain('key.p12', 'PKCS12');
  keytool(
    '-importcert',
    '-noprompt',
    '-alias',
    'rootca',
    '-file',
    'ca.crt',
    '-keystore',
    'trust.jks',
    '-storetype',
    'JKS',
    '-storepass',
    PASSWORD,
  );
  keytool(
    '-importcert',
    '-noprompt',
    '-alias',
    'rootca',
    '-file',
    'ca.crt',
    '-keystore',
    'trust.p12',
    '-storetype',
    'PKCS12',
    '-storepass',
    PASSWORD,
  );
  return { dir, bytes: (name) => fs.readFileSync(path.join(dir, name)), password: PASSWORD };
}
