/**
 * Real handshakes for the certificate-trust slices: a lab JVM (TrustLab.java: real JSSE key and trust
 * managers over key stores on disk, the JDK's cacerts by default, keytool run in-process) and
 * `openssl s_server` run as nginx runs OpenSSL (verification never fails the handshake; the verify result
 * and whether a client certificate came are read afterwards, as nginx answers 400 for them).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findLabSource, JavaLab } from './stacks';

/** One side's view of a handshake and what followed it. */
export interface TrustRealSide {
  ok: boolean;
  /** Exception text (JSSE) or OpenSSL error lines. */
  error?: string;
  protocol?: string;
}

export interface TrustRealOutcome {
  client: TrustRealSide;
  server: TrustRealSide;
  /** How many certificates the client sent (JSSE client only). */
  clientSent?: number;
  /** OpenSSL server (nginx semantics): the verify error it logged for the client's chain, e.g. `20:unable to get local issuer certificate`. */
  serverVerifyError?: string;
  /** OpenSSL server: it got no client certificate. */
  serverSawNoCertificate?: boolean;
}

export interface JsseEnd {
  keystore?: string;
  truststore?: string;
  clientAuth?: 'none' | 'optional' | 'required';
}

export interface OpensslServerEnd {
  /** The leaf, then the file's further certificates (sent in file order, as nginx sends ssl_certificate). */
  certFile: string;
  keyFile: string;
  /** ssl_client_certificate: the CAs verified against and listed in the CertificateRequest. */
  caFile?: string;
  clientAuth: 'none' | 'optional' | 'required';
  verifyDepth: number;
}

export interface TrustLab {
  dir: string;
  keytool(args: string[]): Promise<void>;
  jsse(client: JsseEnd, server: JsseEnd, protocol: string): Promise<TrustRealOutcome>;
  jsseToOpenssl(client: JsseEnd, server: OpensslServerEnd, protocol: string): Promise<TrustRealOutcome>;
  /** A JSSE client against a server already listening on the loopback `port` (httpd, started by the test). */
  jsseConnect(client: JsseEnd, port: number, protocol: string): Promise<TrustRealSide>;
  close(): Promise<void>;
}

const OPENS = ['--add-opens', 'java.base/sun.security.tools.keytool=ALL-UNNAMED'];

export async function startTrustLab(): Promise<TrustLab> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-trust-lab-'));
  // TrustLab shares TlsLab's line-protocol loop: both are compiled together.
  execFileSync('javac', ['-d', dir, findLabSource('TlsLab.java'), findLabSource('TrustLab.java')], { timeout: 60_000 });
  const jvm = await JavaLab.start(dir, OPENS, 'TrustLab');
  let runs = 0;
  const spec = (end: JsseEnd, protocol: string): string =>
    [
      `protocols=${protocol}`,
      end.keystore ? `keystore=${end.keystore}` : '',
      end.truststore ? `truststore=${end.truststore}` : '',
      `clientAuth=${end.clientAuth === 'required' ? 'need' : end.clientAuth === 'optional' ? 'want' : 'none'}`,
    ]
      .filter(Boolean)
      .join(';');
  return {
    dir,
    async keytool(args) {
      const r = await jvm.request(['keytool', ...args]);
      if (r[0] !== 'OK') throw new Error(`keytool ${args.join(' ')}: ${r.slice(1).join(' ')}`);
    },
    async jsse(client, server, protocol) {
      const r = await jvm.request(['pair', spec(client, protocol), spec(server, protocol)]);
      const bar = r.indexOf('|');
      return {
        server: fromJava(r.slice(0, bar)),
        client: fromJava(r.slice(bar + 1)),
        clientSent: sentCount(r.slice(bar + 1)),
      };
    },
    async jsseToOpenssl(client, server, protocol) {
      // nginx sends the whole ssl_certificate file in file order; s_server sends -cert's first certificate, then -cert_chain.
      const blocks =
        fs
          .readFileSync(server.certFile, 'utf8')
          .match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
      const run = `${server.certFile}.${++runs}`;
      const leafFile = `${run}.leaf`;
      fs.writeFileSync(leafFile, blocks[0] ?? '');
      const args = [
        '-accept',
        '127.0.0.1:0',
        '-naccept',
        '1',
        '-www',
        '-cert',
        leafFile,
        '-key',
        server.keyFile,
        protocol === 'TLSv1.3' ? '-tls1_3' : '-tls1_2',
      ];
      if (blocks.length > 1) {
        fs.writeFileSync(`${run}.chain`, blocks.slice(1).join(''));
        args.push('-cert_chain', `${run}.chain`);
      }
      if (server.caFile) args.push('-CAfile', server.caFile);
      // nginx verifies with SSL_VERIFY_PEER and a callback that never fails the handshake: s_server -verify does the same.
      if (server.clientAuth !== 'none') args.push('-verify', '100', '-verify_depth', String(server.verifyDepth));
      // The lab JVM starts s_server (see TrustLab.java: a large Node process forks slowly) and runs the client.
      const r = await jvm.request(['openssl', spec(client, protocol), ...args]);
      const bar = r.indexOf('|');
      const [stdout, stderr] = r.slice(bar + 1).map((b) => Buffer.from(b, 'base64').toString('utf8'));
      const clientFields = r.slice(0, bar);
      if (clientFields[1] === 'server did not start')
        return { client: { ok: false, error: 'server did not start' }, server: { ok: false, error: stderr } };
      const text = stdout + stderr;
      const verifyError = /verify error:num=(\d+:[^\n]*)/.exec(text)?.[1]?.trim();
      const serverErrors = text.split('\n').filter((l) => /:error:|alert/i.test(l));
      return {
        client: fromJava(clientFields),
        server: serverErrors.length > 0 ? { ok: false, error: serverErrors.join('\n') } : { ok: true },
        clientSent: sentCount(clientFields),
        serverVerifyError: verifyError,
        serverSawNoCertificate: clientFields[0] === 'OK' ? clientFields[3] === 'no-client-certificate' : undefined,
      };
    },
    async jsseConnect(client, port, protocol) {
      return fromJava(await jvm.request(['connect', String(port), spec(client, protocol)]));
    },
    async close() {
      await jvm.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fromJava(fields: string[]): TrustRealSide {
  if (fields[0] === 'OK') return { ok: true, protocol: fields[1] };
  return { ok: false, error: fields.slice(1).join(' ') };
}

function sentCount(fields: string[]): number | undefined {
  return fields[0] === 'OK' ? Number(fields[2]) : undefined;
}
