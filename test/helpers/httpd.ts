/**
 * The real Apache httpd (Debian's apache2, installed by .ci/run) as an oracle: a configuration text is checked with
 * `apache2 -t` or served in the foreground (`-X`) on a free loopback port from a temporary directory that holds its
 * pid, lock and log files. No root needed; as root the worker runs as nobody, as Debian's package does as www-data.
 *
 * Without apache2 and mod_ssl the tests skip with a note — unless CI is set: then they fail, so that a CI image that
 * lost the package cannot pass by skipping.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, waitListening } from './loopback';

const BINARIES = ['apache2', '/usr/sbin/apache2', 'httpd', '/usr/sbin/httpd', '/usr/local/apache2/bin/httpd'];
// Debian/Ubuntu, RHEL/Fedora (64-bit and not), the httpd:2.4 image.
const MODULE_DIRS = [
  '/usr/lib/apache2/modules',
  '/usr/lib64/httpd/modules',
  '/usr/lib/httpd/modules',
  '/usr/local/apache2/modules',
];
// mod_proxy_balancer needs a balancing method and shared memory slots.
const MODULES = [
  'mpm_event',
  'authz_core',
  'ssl',
  'proxy',
  'proxy_http',
  'proxy_balancer',
  'lbmethod_byrequests',
  'slotmem_shm',
  'rewrite',
];

interface Apache2 {
  binary: string;
  modules: string;
}

function findApache2(): Apache2 | undefined {
  const binary = BINARIES.find((b) => spawnSync(b, ['-v'], { stdio: 'ignore', timeout: 20_000 }).status === 0);
  const modules = MODULE_DIRS.find((d) => fs.existsSync(path.join(d, 'mod_ssl.so')));
  return binary && modules ? { binary, modules } : undefined;
}

const apache2 = findApache2();

/**
 * `describe` when apache2 is installed or CI is set (a missing binary then fails the suite in its first test),
 * `describe.skip` with a note otherwise.
 */
export const describeWithHttpd = apache2 || process.env.CI ? describe : describe.skip;
if (!apache2 && !process.env.CI) console.warn('httpd tests skipped: apache2 with mod_ssl (apt-get install apache2)');

function requireApache2(): Apache2 {
  if (!apache2) throw new Error('apache2 with mod_ssl is not installed (apt-get install apache2), and CI is set');
  return apache2;
}

/**
 * The directives every configuration starts with: modules, and every file the server writes kept in `dir`.
 * `Listen` is the caller's (a free port is given to it as `@PORT@`).
 */
function preamble(dir: string, modules: string): string {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    `ServerRoot "${dir}"`,
    `DefaultRuntimeDir "${dir}"`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    'LogLevel info',
    'ServerName localhost',
    ...MODULES.map((m) => `LoadModule ${m}_module "${modules}/mod_${m}.so"`),
    // As root, httpd drops to this user once the keys are read; the default (#-1) would not start.
    ...(root ? ['User nobody', 'Group #65534'] : []),
    '',
  ].join('\n');
}

export interface HttpdSite {
  /** httpd.conf after the preamble; `@PORT@` is the port, `@DIR@` the directory that holds `files`. */
  config: string;
  /** Files written into that directory first, by name (`@PORT@` and `@DIR@` replaced there too). */
  files?: Record<string, string>;
}

function writeSite(site: HttpdSite, port: number): { dir: string; conf: string } {
  const { modules } = requireApache2();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-httpd-'));
  // Readable by the worker once it runs as nobody (as root).
  fs.chmodSync(dir, 0o755);
  const placed = (text: string) => text.replaceAll('@PORT@', String(port)).replaceAll('@DIR@', dir);
  // An included configuration file names the port and directory as httpd.conf does.
  for (const [name, text] of Object.entries(site.files ?? {})) {
    // A name may hold a directory (`sites.d/a.conf`: an `Include` of a directory).
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), placed(text));
  }
  const conf = path.join(dir, 'httpd.conf');
  fs.writeFileSync(conf, preamble(dir, modules) + placed(site.config));
  return { dir, conf };
}

/** `apache2 -t` on the site: its exit status and what it printed (stdout and stderr). */
export function configTest(site: HttpdSite): { status: number | null; output: string } {
  const { binary } = requireApache2();
  const { dir, conf } = writeSite(site, 1);
  try {
    const result = spawnSync(binary, ['-t', '-f', conf], { encoding: 'utf8', timeout: 20_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RunningHttpd {
  port: number;
  dir: string;
  /** The error log so far (mod_ssl's AH… lines of each request). */
  errorLog(): string;
  /** Stops the server by its pid and removes its directory. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Stops a server by its pid: SIGTERM, then SIGKILL after five seconds. `apache2 -X` stopped right after its start
 * sometimes stays in sigtimedwait with the SIGTERM unanswered (seen twice in a few hundred starts, 2.4.71); one process
 * holds nothing a SIGKILL leaves behind.
 */
async function terminate(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

/**
 * Whether the server wrote its pid file within ten seconds: the MPM does that once every module (mod_ssl) accepted
 * its configuration, which a listening socket alone does not say (the port is bound before).
 */
async function running(pidFile: string, alive: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200 && alive(); i++) {
    if (fs.existsSync(pidFile)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Serves the site in the foreground on a free loopback port and resolves once it accepts connections. When it does
 * not start, rejects with its error log (mod_ssl's start-up errors, AH02231, AH01898…), and leaves nothing running.
 */
export async function startHttpd(site: HttpdSite): Promise<RunningHttpd> {
  const { binary } = requireApache2();
  const port = await freePort();
  const { dir, conf } = writeSite(site, port);
  const child = spawn(binary, ['-X', '-f', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const log = path.join(dir, 'error.log');
  const alive = () => child.exitCode === null && child.signalCode === null;
  const started = (await running(path.join(dir, 'httpd.pid'), alive)) && (await waitListening(port, alive));
  const stop = async () => {
    if (alive()) await terminate(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const errorLog = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
  if (!started) {
    const text = errorLog();
    await stop();
    throw new Error(`apache2 did not start on ${port}:\n${output}${text}`);
  }
  return { port, dir, errorLog, stop };
}

/**
 * A TLS backend for the proxy side: `openssl s_server -www` on a free loopback port with the certificate and key
 * (PEM texts) and any further s_server options (`-tls1_2`, `-Verify 1`…).
 */
export async function startTlsBackend(
  certificate: string,
  key: string,
  options: string[] = [],
): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-backend-'));
  fs.writeFileSync(path.join(dir, 'backend.crt'), certificate);
  fs.writeFileSync(path.join(dir, 'backend.key'), key);
  const child = spawn(
    'openssl',
    ['s_server', '-accept', String(port), '-www', '-cert', 'backend.crt', '-key', 'backend.key', ...options],
    { cwd: dir, stdio: 'ignore' },
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (alive()) await terminate(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!(await waitListening(port, alive))) {
    await stop();
    throw new Error(`openssl s_server did not listen on ${port}`);
  }
  return { port, stop };
}

/** The HTTP status of a GET of `urlPath` on the loopback port (the proxy's answer), with a Host header if given. */
export function statusOf(port: number, urlPath: string, hostHeader?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = hostHeader ? { host: hostHeader } : {};
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers, timeout: 20_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${urlPath} on ${port} timed out`)));
    request.on('error', reject);
  });
}
