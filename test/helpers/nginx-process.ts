/**
 * The real nginx for interop tests (Debian's nginx-light, installed by .ci/run): a free loopback port, and nginx
 * started on a configuration until it listens there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
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

/** nginx on `<dir>/nginx.conf` (prefix `dir`), once it accepts connections on `port` (5 s at most); kill it when done. */
export async function startNginx(dir: string, port: number): Promise<{ nginx: ChildProcess; up: boolean }> {
  const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    up = await listening(port);
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  return { nginx, up };
}
