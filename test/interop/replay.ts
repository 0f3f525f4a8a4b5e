/**
 * JDK profiles other than this machine's 17, tested against real OpenSSL: the recorded ClientHellos of
 * testssl.sh (test/fixtures/testssl) are replayed byte for byte to `openssl s_server` configurations
 * (protocols, cipher string, @SECLEVEL 0/1/2, server preference, DH parameters or none as nginx without
 * ssl_dhparam), and the server's answer (ServerHello version and suite, or its alert) is compared with
 * predictHandshake for the same two sides. Loopback, port 0, one s_server per configuration, killed by pid.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findCipherSuite } from '../../src/knowledge';
import { expandCipherString } from '../../src/knowledge/openssl-cipher-string';
import { opensslSeriesOf, signatureFloor } from '../../src/knowledge/openssl';
import { predictHandshake } from '../../src/handshake/predict';
import type { HandshakePrediction, HandshakeSide } from '../../src/handshake/types';
import { decodeClientHello, readClientSimulation, type DecodedClientHello } from '../helpers/client-hello';

const FIXTURE_TAIL = path.join('fixtures', 'testssl', 'client-simulation-java.txt');
/** Found from test/interop (jest) or from dist/ (the bundled `npm run interop`). */
const fixture = () =>
  [
    path.join(__dirname, '..', FIXTURE_TAIL),
    path.join(__dirname, '..', 'test', FIXTURE_TAIL),
    path.join(process.cwd(), 'test', FIXTURE_TAIL),
  ].find((f) => fs.existsSync(f)) ?? FIXTURE_TAIL;
const PROTOCOL_FLAGS: Record<string, string> = {
  TLSv1: '-no_tls1',
  'TLSv1.1': '-no_tls1_1',
  'TLSv1.2': '-no_tls1_2',
  'TLSv1.3': '-no_tls1_3',
};
const ALL = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const TLS13_DEFAULT = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
const ALERTS: Record<number, string> = {
  40: 'handshake_failure',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  47: 'illegal_parameter',
  50: 'decode_error',
};
const VERSIONS: Record<number, string> = { 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

export interface ServerConfig {
  id: string;
  protocols: string[];
  cipherString: string;
  securityLevel: 0 | 1 | 2;
  serverPref: boolean;
  dhParameters: boolean;
}

export interface Recording {
  name: string;
  hello: DecodedClientHello;
  bytes: Buffer;
}

/** The server's answer: a ServerHello (version, suite) or an alert. */
export type ServerAnswer =
  | { kind: 'hello'; protocol: string; suite: string }
  | { kind: 'alert'; alert: string }
  | { kind: 'closed' };

export interface ReplayResult {
  recording: string;
  server: ServerConfig;
  real: ServerAnswer;
  predicted: ServerAnswer;
  agree: boolean;
  /** Which slice of the table it counts in. */
  slice: string;
}

export function recordings(): Recording[] {
  return readClientSimulation(fs.readFileSync(fixture(), 'utf8')).map((e) => ({
    name: e.name,
    hello: decodeClientHello(e.handshakeBytes),
    bytes: Buffer.from(e.handshakeBytes, 'hex'),
  }));
}

const CIPHER_STRINGS = [
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA',
  'AES256-SHA:AES128-SHA',
  'AES256-SHA256:AES256-SHA',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA:AES128-SHA',
  'ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES256-SHA384',
  'HIGH:!aNULL:!MD5',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
];
const PROTOCOL_SETS = [
  ['TLSv1.2'],
  ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
  ['TLSv1.2', 'TLSv1.3'],
  ['TLSv1.3'],
  ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  ['TLSv1'],
];

/**
 * Servers that still allow TLS 1.0/1.1, with cipher strings old clients share (SHA-1 CBC suites, DEFAULT, ALL, kRSA…),
 * at `@SECLEVEL=0` (the handshake negotiates TLSv1/1.1) and 1 (OpenSSL 3 aborts with internal_error): without them the
 * run has too few pairs of those two outcomes for the per-outcome table (issue 15).
 */
const LEGACY_CIPHER_STRINGS = [
  'AES128-SHA',
  'AES256-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-RSA-AES256-SHA:AES256-SHA',
  'DHE-RSA-AES128-SHA',
  'DHE-RSA-AES256-SHA:AES128-SHA',
  'ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA:AES128-SHA',
  'DEFAULT',
  'ALL:!aNULL',
  'MEDIUM:HIGH',
  'kRSA',
  'kEECDH:kEDH',
  'AES',
  'AES256',
  'AES128:!kRSA',
  'HIGH:!DH',
  'EECDH+AESGCM:EDH+AESGCM:AES128-SHA',
  'aRSA:!AESGCM',
  'SHA',
  'CAMELLIA:AES128-SHA',
  'SHA1:!kRSA',
  'ECDHE:!AESGCM',
  'AES128-SHA:AES256-SHA:!DHE',
  'RSA+AES',
  'EDH:!aNULL',
  'HIGH:!ECDHE',
];
const LEGACY_PROTOCOL_SETS = [['TLSv1', 'TLSv1.1'], ['TLSv1.1'], ['TLSv1'], ['TLSv1', 'TLSv1.1', 'TLSv1.2']];
/**
 * The long run's third family (issue 15: every configuration kind >= 2,000 pairs): TLS 1.2 and 1.2+1.3 servers with
 * cipher strings that old JDKs often do not share (ECDSA-only with an RSA certificate, AES-256-only against the limited
 * crypto policy, ChaCha20, CCM, ARIA/Camellia, PSK) and DHE-only strings (with and without DH parameters).
 */
const WIDE_CIPHER_STRINGS = [
  'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305',
  'aECDSA',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'AES256-GCM-SHA384:AES256-SHA256',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'AESCCM',
  'ARIA:CAMELLIA',
  'PSK',
  'AESGCM+kRSA',
  'ECDHE+AES128:!SHA1',
  'EECDH+AESGCM:EECDH+CHACHA20',
  'SHA384:!kRSA',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA256',
  'DHE-RSA-CHACHA20-POLY1305',
  'EDH+AESGCM:ECDHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA',
  'EDH+aRSA',
];
const WIDE_PROTOCOL_SETS = [['TLSv1.2'], ['TLSv1.2', 'TLSv1.3']];

/** Whether a cipher string can select a DHE suite (only then is "no DH parameters" a different server). */
const MAY_SELECT_DHE = /DHE-RSA|EDH|ALL|DEFAULT|MEDIUM|^HIGH:!aNULL:!MD5$/;

function configsOf(
  protocolSets: string[][],
  cipherStrings: string[],
  levels: readonly (0 | 1 | 2)[],
  out: ServerConfig[],
): void {
  for (const protocols of protocolSets)
    for (const cipherString of cipherStrings)
      for (const securityLevel of levels)
        for (const serverPref of [false, true])
          for (const dhParameters of [true, false]) {
            if (!dhParameters && !MAY_SELECT_DHE.test(cipherString)) continue;
            out.push({
              id: `${protocols.join('+')}|${cipherString}|L${securityLevel}|${serverPref ? 'pref' : 'client'}|${dhParameters ? 'dh' : 'nodh'}`,
              protocols,
              cipherString,
              securityLevel,
              serverPref,
              dhParameters,
            });
          }
}

/**
 * Every server configuration, in a fixed order (the fast tier takes a prefix of a seeded shuffle of the first family;
 * the OpenSSL 1.1.1/1.0.2 run samples `all`; the long run takes `wide`: `all`, the third family, and the legacy
 * protocol sets at `@SECLEVEL=2` with the first nine legacy cipher strings).
 */
export function serverConfigs(family: 'all' | 'base' | 'wide' = 'all'): ServerConfig[] {
  const out: ServerConfig[] = [];
  configsOf(PROTOCOL_SETS, CIPHER_STRINGS, [0, 1, 2], out);
  if (family === 'base') return out;
  configsOf(LEGACY_PROTOCOL_SETS, LEGACY_CIPHER_STRINGS, [0, 1], out);
  if (family === 'all') return out;
  configsOf(WIDE_PROTOCOL_SETS, WIDE_CIPHER_STRINGS, [1, 2], out);
  configsOf(LEGACY_PROTOCOL_SETS, LEGACY_CIPHER_STRINGS.slice(0, 9), [2], out);
  return out;
}

/** A deterministic shuffle (mulberry32) so a prefix is a fair sample. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The recorded client as the predictor sees it. */
export function recordedClient(rec: Recording): HandshakeSide {
  // Without supported_versions the hello says only the highest version: JSSE offers every version up to it.
  const offered = rec.hello.supportedVersions ?? ALL.slice(0, ALL.indexOf(rec.hello.legacyVersion) + 1);
  // An SSLv2-format hello: the client enables SSLv2Hello (JDK 6's default).
  const ssl2 = rec.hello.format === 'ssl2' ? ['SSLv2Hello'] : [];
  return {
    implementation: 'jsse',
    protocols: [...ssl2, ...offered.filter((p) => ALL.includes(p))],
    cipherSuites: rec.hello.suites,
    label: rec.name,
  };
}

/** The server's answer the predictor gives. */
export function answerOf(p: HandshakePrediction): ServerAnswer {
  if (p.ok) return { kind: 'hello', protocol: p.protocol, suite: p.cipherSuite };
  // Failures the client detects after the ServerHello: the server did answer with a hello.
  if (p.failingSide === 'client' && p.protocol)
    return { kind: 'hello', protocol: p.protocol, suite: '(not predicted)' };
  return p.alert === 'none' ? { kind: 'closed' } : { kind: 'alert', alert: p.alert };
}

/** What the predictor says the server answers to this recorded client. */
export function predictAnswer(rec: Recording, server: ServerConfig): ServerAnswer {
  const openssl = opensslSeriesOf('3')!;
  const client = recordedClient(rec);
  const expanded = expandCipherString(`${server.cipherString}:@SECLEVEL=${server.securityLevel}`, { series: openssl });
  const floor = signatureFloor(openssl, server.securityLevel);
  const side: HandshakeSide = {
    implementation: 'openssl',
    protocols: server.protocols,
    cipherSuites: [...TLS13_DEFAULT, ...expanded.ciphers.map((c) => c.iana)],
    serverOrderWins: server.serverPref,
    certificate: { keyType: 'RSA' },
    clientAuth: 'none',
    ...(floor ? { signatureFloor: floor } : {}),
    dheParameters: server.dhParameters,
    credentialSuites: expanded.credentialCiphers.map((c) => c.iana),
    label: server.id,
  };
  return answerOf(predictHandshake(client, side));
}

export function sliceOf(server: ServerConfig, real: ServerAnswer): string {
  if (server.protocols.some((p) => p === 'TLSv1' || p === 'TLSv1.1')) {
    const why =
      server.securityLevel === 1
        ? ' (`internal_error`: no suitable signature algorithm)'
        : server.securityLevel === 2
          ? " (Debian's default)"
          : '';
    return `OpenSSL: TLSv1/1.1 enabled, \`@SECLEVEL=${server.securityLevel}\`${why}`;
  }
  if (!server.dhParameters) return 'OpenSSL: DHE suites, no DH parameters (nginx without `ssl_dhparam`)';
  return real.kind === 'hello'
    ? 'OpenSSL: TLS 1.2/1.3 server, a version and suite are chosen'
    : 'OpenSSL: TLS 1.2/1.3 server, the handshake fails (alert)';
}

/** Reads the first answer record: a ServerHello (version via supported_versions for 1.3) or an alert. */
export function parseAnswer(data: Buffer): ServerAnswer {
  if (data.length < 7) return { kind: 'closed' };
  if (data[0] === 21) return { kind: 'alert', alert: ALERTS[data[6]] ?? `alert ${data[6]}` };
  if (data[0] !== 22 || data[5] !== 2) return { kind: 'closed' };
  let p = 9;
  let version = data.readUInt16BE(p);
  p += 2 + 32;
  p += 1 + data[p];
  const suite = `0x${data
    .subarray(p, p + 2)
    .toString('hex')
    .toUpperCase()
    .replace(/^(..)(..)$/, '$1,0x$2')}`;
  p += 3;
  if (p + 2 <= data.length) {
    const end = p + 2 + data.readUInt16BE(p);
    p += 2;
    while (p + 4 <= end && p + 4 <= data.length) {
      const type = data.readUInt16BE(p);
      const len = data.readUInt16BE(p + 2);
      if (type === 43 && len === 2) version = data.readUInt16BE(p + 4);
      p += 4 + len;
    }
  }
  return { kind: 'hello', protocol: VERSIONS[version] ?? String(version), suite };
}

export interface ReplayLab {
  run(server: ServerConfig, recs: Recording[]): Promise<ServerAnswer[]>;
  close(): void;
}

/** A self-signed RSA key and certificate for the replay servers, written into `dir`. */
export function selfSignedRsa(dir: string): { key: string; crt: string } {
  const key = path.join(dir, 'rsa.key');
  const crt = path.join(dir, 'rsa.crt');
  const args = [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    crt,
    '-subj',
    '/CN=replay.test',
  ];
  execFileSync('openssl', [...args, '-days', '2'], { stdio: 'ignore', timeout: 30_000 });
  return { key, crt };
}

export function startReplayLab(): ReplayLab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-replay-'));
  const { key, crt } = selfSignedRsa(dir);
  const children = new Set<ChildProcess>();
  return {
    async run(server, recs) {
      const flags = ALL.filter((p) => !server.protocols.includes(p)).map((p) => PROTOCOL_FLAGS[p]);
      const args = [
        's_server',
        '-accept',
        '127.0.0.1:0',
        '-cert',
        crt,
        '-key',
        key,
        '-cipher',
        `${server.cipherString}:@SECLEVEL=${server.securityLevel}`,
        ...flags,
        ...(server.serverPref ? ['-serverpref'] : []),
        ...(server.dhParameters ? [] : ['-no_dhe']),
      ];
      const answers: ServerAnswer[] = [];
      let current: { child: ChildProcess; port: number } | undefined;
      try {
        for (const rec of recs) {
          current ??= await startServer(args, children);
          const answer = await exchange(current.port, rec.bytes);
          answers.push(answer);
          // After a failed handshake s_server answers the next connections with a bare close
          // (a server process such as nginx answers each one alike): start a fresh one.
          if (answer.kind !== 'hello') {
            current.child.kill('SIGKILL');
            children.delete(current.child);
            current = undefined;
          }
        }
        return answers;
      } finally {
        if (current) {
          current.child.kill('SIGKILL');
          children.delete(current.child);
        }
      }
    },
    close() {
      for (const child of children) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startServer(
  args: string[],
  children: Set<ChildProcess>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.on('exit', () => clearTimeout(timer));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ACCEPT .*:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`s_server exited: ${args.join(' ')}`)));
  });
  return { child, port };
}

export function exchange(port: number, hello: Buffer): Promise<ServerAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    const done = () => {
      socket.destroy();
      resolve(parseAnswer(data));
    };
    socket.setTimeout(5_000, done);
    socket.on('connect', () => socket.write(hello));
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      if (data.length >= 5 && data.length >= 5 + data.readUInt16BE(3)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

/** Replays every recording against each configuration; `configs` are run `concurrency` at a time. */
export async function replay(
  configs: ServerConfig[],
  recs: Recording[],
  lab: ReplayLab,
  concurrency = 4,
): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < configs.length) {
      const server = configs[next++];
      const answers = await lab.run(server, recs);
      recs.forEach((rec, i) => {
        const real = answers[i];
        const predicted = predictAnswer(rec, server);
        const agree = sameAnswer(real, predicted);
        results.push({ recording: rec.name, server, real, predicted, agree, slice: sliceOf(server, real) });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export function sameAnswer(real: ServerAnswer, predicted: ServerAnswer): boolean {
  if (real.kind !== predicted.kind) return false;
  if (real.kind === 'hello' && predicted.kind === 'hello') {
    const name = findCipherSuite(real.suite)?.iana ?? real.suite;
    return real.protocol === predicted.protocol && (predicted.suite === '(not predicted)' || name === predicted.suite);
  }
  if (real.kind === 'alert' && predicted.kind === 'alert') return real.alert === predicted.alert;
  return true;
}
