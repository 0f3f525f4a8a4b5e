/**
 * The real nginx for interop tests (Debian's nginx-light, installed by .ci/run), started on a configuration until it
 * listens on its port (./loopback.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { waitListening } from './loopback';

export { freePort } from './loopback';

/** nginx on `<dir>/nginx.conf` (prefix `dir`), once it accepts connections on `port` (5 s at most); kill it when done. */
export async function startNginx(dir: string, port: number): Promise<{ nginx: ChildProcess; up: boolean }> {
  const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  return { nginx, up: await waitListening(port) };
}
