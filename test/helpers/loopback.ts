/** A server process under test on loopback: a free port to give it, and waiting until it accepts connections. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Whether something accepts connections on the port within about five seconds; false as soon as `alive` (the server
 * process still running) says no.
 */
export async function waitListening(port: number, alive: () => boolean = () => true): Promise<boolean> {
  for (let i = 0; i < 100 && alive(); i++) {
    if (await listening(port)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** openssl s_client's switch for each protocol version. */
export const S_CLIENT = { TLSv1: '-tls1', 'TLSv1.1': '-tls1_1', 'TLSv1.2': '-tls1_2', 'TLSv1.3': '-tls1_3' } as const;
export type Protocol = keyof typeof S_CLIENT;

/**
 * The protocols a server on the loopback port completes a handshake with, tried one by one with `openssl s_client`
 * offering every suite at @SECLEVEL=0 (`-brief` prints the version once the handshake is done).
 */
export function acceptedProtocols(port: number): Protocol[] {
  return (Object.keys(S_CLIENT) as Protocol[]).filter((protocol) => {
    const out = spawnSync(
      'openssl',
      ['s_client', '-brief', '-connect', `127.0.0.1:${port}`, S_CLIENT[protocol], '-cipher', 'ALL:@SECLEVEL=0'],
      { input: '', encoding: 'utf8', timeout: 20_000 },
    );
    return new RegExp(`Protocol version: ${protocol.replace('.', '\\.')}$`, 'm').test(out.stderr);
  });
}

/**
 * Serves each case with a real server on loopback and compares what it completes handshakes with to the pipeline's
 * prediction for the same tree: one row per case (`name: real … / predicted …`), and the rows whose sides differ.
 * Every server is stopped by its pid before the next starts.
 */
export async function servedRows<C extends { name: string }>(
  cases: readonly C[],
  serve: {
    /** The prefix of the temporary directory that holds every case (removed at the end). */
    prefix: string;
    /** Writes what every case shares (certificates) into that directory. */
    setup(root: string): void;
    /** Writes the case's files into its directory for a server on `port`; the command that starts it there. */
    prepare(c: C, caseDir: string, port: number, root: string): { command: string; args: string[] };
    real(port: number): string[];
    predicted(caseDir: string): string[];
  },
): Promise<{ rows: string[]; disagreements: string[] }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), serve.prefix));
  try {
    serve.setup(root);
    return await servedEach(cases, root, serve);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function servedEach<C extends { name: string }>(
  cases: readonly C[],
  root: string,
  serve: Parameters<typeof servedRows<C>>[1],
): Promise<{ rows: string[]; disagreements: string[] }> {
  const rows: string[] = [];
  const disagreements: string[] = [];
  for (const c of cases) {
    const caseDir = fs.mkdtempSync(path.join(root, 'case-'));
    const port = await freePort();
    const { command, args } = serve.prepare(c, caseDir, port, root);
    let server: ChildProcess | undefined;
    try {
      server = spawn(command, args, { stdio: 'ignore' });
      if (!(await waitListening(port))) throw new Error(`${c.name}: ${command} did not listen on ${port}`);
      const real = serve.real(port).join(' ');
      const predicted = serve.predicted(caseDir).join(' ');
      const row = `${c.name}: real ${real} / predicted ${predicted}`;
      rows.push(row);
      if (real !== predicted) disagreements.push(row);
    } finally {
      server?.kill('SIGTERM');
    }
  }
  return { rows, disagreements };
}
