/**
 * Real TLS stacks for the differential tests: OpenSSL (`openssl s_server` / `s_client`) and JDK JSSE
 * (a long-running lab JVM compiled from TlsLab.java). Loopback only; every process has a time bound
 * and is killed by its pid.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

export type LabImplementation = 'openssl' | 'jsse';
/** Which lab JVM: the JDK's own java.security, or one with TLS 1.0/1.1, anon, NULL and ECDH re-enabled. */
export type JvmProfile = 'default' | 'legacy';

export const LEGACY_DISABLED_ALGORITHMS =
  'SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC';

export interface LabSide {
  impl: LabImplementation;
  jvm?: JvmProfile;
  /** Configured protocols (before the runtime's disables). */
  protocols: string[];
  /** Configured suites, IANA names, TLS 1.3 and <= 1.2 mixed, in order. */
  suites: string[];
  serverPref?: boolean;
  /** The server's certificate: RSA, ECDSA P-256, or both (OpenSSL `-cert`+`-dcert`, a JSSE key store with two keys). */
  cert?: 'rsa' | 'ec' | 'dual';
  clientAuth?: 'none' | 'optional' | 'required';
  hasClientCert?: boolean;
  /** OpenSSL: 'build' runs at the build's own default security level; absent: @SECLEVEL=0 (TLS 1.0/1.1 and NULL work). */
  securityLevel?: 'build';
}

export interface RealSideOutcome {
  ok: boolean;
  protocol?: string;
  suite?: string;
  /** Raw error text (exception message or OpenSSL error lines). */
  error?: string;
}

export interface RealOutcome {
  client: RealSideOutcome;
  server: RealSideOutcome;
}

export interface Lab {
  dir: string;
  /** OpenSSL name → IANA name for this OpenSSL build. */
  opensslToIana: Map<string, string>;
  ianaToOpenssl: Map<string, string>;
  jvmDisabled: Record<JvmProfile, string>;
  run(client: LabSide, server: LabSide): Promise<RealOutcome>;
  close(): Promise<void>;
}

const PROCESS_TIMEOUT_MS = 15_000;

/** True when `cmd args` runs (a tool is on PATH). */
export function installed(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** True when openssl and a JDK (javac) are installed: the differential tests are skipped otherwise. */
export function stacksInstalled(): boolean {
  return installed('openssl', ['version']) && installed('javac', ['-version']);
}
const OPENSSL_PROTOCOL_FLAG: Record<string, string> = {
  TLSv1: '-no_tls1',
  'TLSv1.1': '-no_tls1_1',
  'TLSv1.2': '-no_tls1_2',
  'TLSv1.3': '-no_tls1_3',
};

export async function startLab(): Promise<Lab> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-interop-'));
  makeCertificates(dir);
  execFileSync('javac', ['-d', dir, findLabSource()], { timeout: 60_000 });
  fs.writeFileSync(path.join(dir, 'legacy.security'), `jdk.tls.disabledAlgorithms=${LEGACY_DISABLED_ALGORITHMS}\n`);
  const table = execFileSync('openssl', ['ciphers', '-V', '-stdname', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], {
    encoding: 'utf8',
  });
  const opensslToIana = new Map<string, string>();
  const ianaToOpenssl = new Map<string, string>();
  for (const line of table.split('\n')) {
    const m = /^\s*0x\S+ - (\S+)\s+- (\S+)\s/.exec(line);
    if (m) {
      opensslToIana.set(m[2], m[1]);
      ianaToOpenssl.set(m[1], m[2]);
    }
  }
  const jvms = {
    default: await JavaLab.start(dir, []),
    legacy: await JavaLab.start(dir, [`-Djava.security.properties=${path.join(dir, 'legacy.security')}`]),
  };
  const lab: Lab = {
    dir,
    opensslToIana,
    ianaToOpenssl,
    jvmDisabled: { default: jvms.default.disabledAlgorithms, legacy: jvms.legacy.disabledAlgorithms },
    run: (client, server) => runPair(lab, jvms, client, server),
    close: async () => {
      await Promise.all([jvms.default.close(), jvms.legacy.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return lab;
}

/** TlsLab.java, found from this module's directory upward (works from test/ and from a bundle in dist/). */
export function findLabSource(name = 'TlsLab.java'): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, name), path.join(dir, 'test', 'interop', name)]) {
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) throw new Error(`${name} not found`);
  }
}

function makeCertificates(dir: string): void {
  const req = (name: string, keyArgs: string[]): void => {
    const key = path.join(dir, `${name}.key`);
    const crt = path.join(dir, `${name}.crt`);
    execFileSync(
      'openssl',
      ['req', '-x509', ...keyArgs, '-nodes', '-keyout', key, '-out', crt, '-subj', `/CN=${name}.test`, '-days', '2'],
      { stdio: 'ignore', timeout: 30_000 },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-in',
        crt,
        '-inkey',
        key,
        '-out',
        path.join(dir, `${name}.p12`),
        '-passout',
        'pass:changeit',
        '-name',
        name,
      ],
      { stdio: 'ignore', timeout: 30_000 },
    );
  };
  req('rsa', ['-newkey', 'rsa:2048']);
  req('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
  req('client', ['-newkey', 'rsa:2048']);
  // Both server keys in one PKCS#12 store: JSSE's key manager picks the one the suite needs.
  execFileSync(
    'keytool',
    [
      '-importkeystore',
      '-srckeystore',
      path.join(dir, 'rsa.p12'),
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass',
      'changeit',
      '-destkeystore',
      path.join(dir, 'dual.p12'),
      '-deststoretype',
      'PKCS12',
      '-deststorepass',
      'changeit',
      '-noprompt',
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
  execFileSync(
    'keytool',
    [
      '-importkeystore',
      '-srckeystore',
      path.join(dir, 'ec.p12'),
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass',
      'changeit',
      '-destkeystore',
      path.join(dir, 'dual.p12'),
      '-deststoretype',
      'PKCS12',
      '-deststorepass',
      'changeit',
      '-noprompt',
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
}

interface PendingRequest {
  onListening?: (port: number) => void;
  resolve: (fields: string[]) => void;
}

/**
 * Starts a lab JVM (`mainClass` on `classpath`) that prints `ready <java.version> <jdk.tls.disabledAlgorithms>`
 * and then one tab-separated answer per line, each handed to `onLine`.
 */
export function spawnLabJvm(
  mainClass: string,
  classpath: string,
  jvmArgs: string[],
  onLine: (fields: string[]) => void,
): Promise<{ child: ChildProcess; disabledAlgorithms: string }> {
  const child = spawn('java', ['-Xshare:auto', '-XX:TieredStopAtLevel=1', ...jvmArgs, '-cp', classpath, mainClass], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr?.resume();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mainClass} JVM did not start`)), 30_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('ready ')) {
        clearTimeout(timer);
        resolve({ child, disabledAlgorithms: line.split(' ').slice(2).join(' ') });
        return;
      }
      onLine(line.split('\t'));
    });
    child.on('error', reject);
  });
}

/** A lab JVM speaking the line protocol of TlsLab.java (and TrustLab.java): one request per line, one result per request. */
export class JavaLab {
  private next = 0;
  disabledAlgorithms = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly pending: Map<string, PendingRequest>,
  ) {}

  static async start(dir: string, jvmArgs: string[], mainClass = 'TlsLab'): Promise<JavaLab> {
    const pending = new Map<string, PendingRequest>();
    const started = await spawnLabJvm(mainClass, dir, jvmArgs, (fields) => {
      const request = pending.get(fields[0]);
      if (!request) return;
      if (fields[1] === 'listening') request.onListening?.(Number(fields[2]));
      else {
        pending.delete(fields[0]);
        request.resolve(fields.slice(3));
      }
    });
    const lab = new JavaLab(started.child, pending);
    lab.disabledAlgorithms = started.disabledAlgorithms;
    return lab;
  }

  request(fields: string[], onListening?: (port: number) => void): Promise<string[]> {
    const id = String(++this.next);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(['ERR', 'harness timeout']);
      }, PROCESS_TIMEOUT_MS * 2);
      this.pending.set(id, {
        onListening,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      this.child.stdin!.write([id, ...fields].join('\t') + '\n');
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        if (this.child.pid) process.kill(this.child.pid, 'SIGKILL');
      }, 20_000);
      this.child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin!.end();
    });
  }
}

function javaSpec(lab: Lab, side: LabSide, role: 'client' | 'server'): string {
  const parts = [`protocols=${side.protocols.join(',')}`, `suites=${side.suites.map(jsseName).join(',')}`];
  if (role === 'server') {
    parts.push(`keystore=${path.join(lab.dir, `${side.cert ?? 'rsa'}.p12`)}`);
    parts.push(`pref=${side.serverPref ? 1 : 0}`);
    parts.push(
      `clientAuth=${side.clientAuth === 'required' ? 'need' : side.clientAuth === 'optional' ? 'want' : 'none'}`,
    );
  } else if (side.hasClientCert) {
    parts.push(`keystore=${path.join(lab.dir, 'client.p12')}`);
  }
  return parts.join(';');
}

/** JSSE spells a few legacy suites with SSL_. */
function jsseName(iana: string): string {
  return /^TLS_(RSA|DHE_RSA|DHE_DSS|DH_anon)_WITH_(3DES_EDE_CBC_SHA|DES_CBC_SHA|RC4_128_SHA|RC4_128_MD5|NULL_SHA|NULL_MD5)$/.test(
    iana,
  ) || /^TLS_(DH_anon)_WITH_(RC4_128_MD5)$/.test(iana)
    ? iana.replace(/^TLS_/, 'SSL_')
    : iana;
}

function fromJava(fields: string[]): RealSideOutcome {
  if (fields[0] === 'OK') return { ok: true, protocol: fields[1], suite: fields[2].replace(/^SSL_/, 'TLS_') };
  return { ok: false, error: fields.slice(1).join(' ') };
}

function opensslArgs(lab: Lab, side: LabSide, role: 'client' | 'server'): string[] {
  const args: string[] = [];
  for (const [protocol, flag] of Object.entries(OPENSSL_PROTOCOL_FLAG))
    if (!side.protocols.includes(protocol)) args.push(flag);
  const tls13 = side.suites.filter((s) => isTls13Name(s));
  const legacy = side.suites.filter((s) => !isTls13Name(s)).map((s) => lab.ianaToOpenssl.get(s) ?? s);
  // An empty -cipher string is an error in OpenSSL: "eNULL:!eNULL" selects nothing but parses.
  const level = side.securityLevel === 'build' ? '' : ':@SECLEVEL=0';
  args.push('-cipher', `${legacy.length ? legacy.join(':') : 'eNULL:!eNULL'}${level}`);
  args.push('-ciphersuites', tls13.join(':'));
  if (role === 'server') {
    const cert = side.cert === 'dual' ? 'rsa' : (side.cert ?? 'rsa');
    args.push('-cert', path.join(lab.dir, `${cert}.crt`), '-key', path.join(lab.dir, `${cert}.key`));
    if (side.cert === 'dual') args.push('-dcert', path.join(lab.dir, 'ec.crt'), '-dkey', path.join(lab.dir, 'ec.key'));
    if (side.serverPref) args.push('-serverpref');
    if (side.clientAuth === 'required') args.push('-Verify', '1');
    else if (side.clientAuth === 'optional') args.push('-verify', '1');
  } else if (side.hasClientCert) {
    args.push('-cert', path.join(lab.dir, 'client.crt'), '-key', path.join(lab.dir, 'client.key'));
  }
  return args;
}

function isTls13Name(name: string): boolean {
  return /^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256|AES_128_CCM_SHA256|AES_128_CCM_8_SHA256)$/.test(
    name,
  );
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
}

export function spawnBounded(
  args: string[],
  input: string | undefined,
  onStdout?: (text: string, child: ChildProcess) => void,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }, PROCESS_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr: stderr + 'spawn error' });
    });
    // openssl may exit (failed handshake) before it reads its input: EPIPE then is expected, not an error.
    child.stdin.on('error', () => undefined);
    if (input !== undefined) child.stdin.end(input);
  });
}

function startOpensslServer(lab: Lab, side: LabSide): { port: Promise<number>; done: Promise<ProcessResult> } {
  let setPort: (p: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => {
    setPort = resolve;
  });
  // Not -brief: it would also silence the ACCEPT line that carries the port.
  const args = ['s_server', '-accept', '127.0.0.1:0', '-naccept', '1', '-www', ...opensslArgs(lab, side, 'server')];
  const done = spawnBounded(args, undefined, (text) => {
    const m = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(text);
    if (m) setPort(Number(m[1]));
  });
  done.then(() => setPort(-1));
  return { port, done };
}

function runOpensslClient(lab: Lab, side: LabSide, port: number): Promise<ProcessResult> {
  const args = ['s_client', '-connect', `127.0.0.1:${port}`, '-brief', '-ign_eof', ...opensslArgs(lab, side, 'client')];
  return spawnBounded(args, 'GET / HTTP/1.0\r\n\r\n');
}

function opensslErrors(text: string): string[] {
  return text.split('\n').filter((l) => /:error:|errno|alert|unexpected eof|no shared|unsupported|not return/i.test(l));
}

function fromOpensslClient(lab: Lab, result: ProcessResult): RealSideOutcome {
  const text = result.stdout + result.stderr;
  const protocol = /Protocol version: (\S+)/.exec(text)?.[1];
  const cipher = /Ciphersuite: (\S+)/.exec(text)?.[1];
  // The client has succeeded only when the server's page arrived.
  if (/HTTP\/1\.0 200/.test(result.stdout) && protocol && cipher)
    return { ok: true, protocol, suite: lab.opensslToIana.get(cipher) ?? cipher };
  return { ok: false, error: opensslErrors(text).join('\n') || text.trim().split('\n').slice(-3).join('\n') };
}

/** s_server -www reports its own view of the session in the page it sends: "New, TLSv1.3, Cipher is X". */
function fromOpensslServer(lab: Lab, result: ProcessResult, clientStdout: string): RealSideOutcome {
  const text = result.stdout + result.stderr;
  const errors = opensslErrors(text);
  const page = /New, (\S+), Cipher is (\S+)/.exec(clientStdout);
  if (/1 server accepts that finished/.test(text) && errors.length === 0) {
    return { ok: true, protocol: page?.[1], suite: page ? (lab.opensslToIana.get(page[2]) ?? page[2]) : undefined };
  }
  return { ok: false, error: errors.join('\n') || text.trim().split('\n').slice(-3).join('\n') };
}

async function runPair(
  lab: Lab,
  jvms: Record<JvmProfile, JavaLab>,
  client: LabSide,
  server: LabSide,
): Promise<RealOutcome> {
  if (client.impl === 'jsse' && server.impl === 'jsse') {
    if ((client.jvm ?? 'default') !== (server.jvm ?? 'default')) throw new Error('jsse pairs share one lab JVM');
    const r = await jvms[client.jvm ?? 'default'].request([
      'pair',
      javaSpec(lab, client, 'client'),
      javaSpec(lab, server, 'server'),
    ]);
    const serverFields = r[0] === 'OK' ? 3 : 2;
    return { server: fromJava(r.slice(0, serverFields)), client: fromJava(r.slice(serverFields)) };
  }
  if (server.impl === 'jsse') {
    let started: (port: number) => void = () => undefined;
    const listening = new Promise<number>((resolve) => {
      started = resolve;
    });
    const serverDone = jvms[server.jvm ?? 'default'].request(['serve', javaSpec(lab, server, 'server')], started);
    const port = await Promise.race([listening, serverDone.then(() => -1)]);
    const clientResult =
      port > 0 ? await runOpensslClient(lab, client, port) : { stdout: '', stderr: 'server did not listen' };
    return { server: fromJava(await serverDone), client: fromOpensslClient(lab, clientResult) };
  }
  const srv = startOpensslServer(lab, server);
  const port = await srv.port;
  if (port < 0)
    return { server: fromOpensslServer(lab, await srv.done, ''), client: { ok: false, error: 'server did not start' } };
  if (client.impl === 'jsse') {
    const clientOutcome = fromJava(
      await jvms[client.jvm ?? 'default'].request(['connect', String(port), javaSpec(lab, client, 'client')]),
    );
    const serverOutcome = fromOpensslServer(lab, await srv.done, '');
    // The JSSE client does not show us the page; the session it reports is the server's too.
    if (serverOutcome.ok && clientOutcome.ok)
      Object.assign(serverOutcome, { protocol: clientOutcome.protocol, suite: clientOutcome.suite });
    return { client: clientOutcome, server: serverOutcome };
  }
  const clientResult = await runOpensslClient(lab, client, port);
  const clientOutcome = fromOpensslClient(lab, clientResult);
  const serverOutcome = fromOpensslServer(lab, await srv.done, clientResult.stdout);
  // The page's "New, TLSv1.0, Cipher is X" names the cipher's minimum version, not the session's.
  if (serverOutcome.ok) serverOutcome.protocol = clientOutcome.protocol;
  return { client: clientOutcome, server: serverOutcome };
}
