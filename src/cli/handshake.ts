/**
 * `lint-deploy handshake --client <file[#component]> --server <file[#component]>`: the predictor asked
 * directly: finds the two components in their files' deployment and prints the prediction as text or JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../core/types';
import { checkJavaVersionOption } from './args';
import { CONFIG_FILE_NAMES, defaultConfig } from '../core/config';
import { lint } from '../engine/lint';
import type { Component, Deployment } from '../model/types';
import { endpointFor } from '../handshake/endpoint';
import { predictHandshake } from '../handshake/predict';
import type { HandshakePrediction } from '../handshake/types';

export interface HandshakeReport {
  client: {
    component: string;
    side: ReturnType<typeof endpointFor> extends infer E ? (E extends { side: infer S } ? S : never) : never;
    notes: string[];
  };
  server: { component: string; side: HandshakeReport['client']['side']; notes: string[] };
  prediction: HandshakePrediction;
}

/**
 * Predicts the handshake between two components, each with its deployment's defaults (its JDK when the
 * component names none); throws when one has no usable TLS settings.
 */
export function handshakeReport(
  client: Component,
  server: Component,
  deployment?: Deployment,
  serverDeployment: Deployment | undefined = deployment,
): HandshakeReport {
  const c = endpointFor(client, 'client', deployment);
  const s = endpointFor(server, 'server', serverDeployment);
  if (!c) throw new Error(`${client.name} has no TLS settings with a known implementation`);
  if (!s) throw new Error(`${server.name} has no TLS settings with a known implementation`);
  return {
    client: { component: client.id, side: c.side, notes: c.notes },
    server: { component: server.id, side: s.side, notes: s.notes },
    prediction: predictHandshake(c.side, s.side),
  };
}

export function formatHandshakeReport(r: HandshakeReport, format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  const p = r.prediction;
  const head = p.ok
    ? `OK: ${p.protocol} ${p.cipherSuite}`
    : `FAILS (${p.reason}): the ${p.failingSide} aborts${p.alert !== 'none' ? ` with alert ${p.alert}` : ''}\n  client logs: ${p.messages.client}\n  server logs: ${p.messages.server}`;
  const notes = [...r.client.notes.map((n) => `client: ${n}`), ...r.server.notes.map((n) => `server: ${n}`)];
  return (
    [
      `${r.client.component} → ${r.server.component}: ${head}`,
      ...p.explanation.map((e) => `  - ${e}`),
      ...notes.map((n) => `  note: ${n}`),
    ].join('\n') + '\n'
  );
}

/** `lint-deploy handshake` usage (printed by --help and on usage errors). */
export const HANDSHAKE_USAGE = `Usage: lint-deploy handshake --client <file[#component]> --server <file[#component]> [--format text|json]
                            [--root <dir>] [--java-version <v>] [--java-vendor <v>]

Predicts the TLS handshake between two components of a deployment: the protocol and cipher suite,
or the failure, the side that aborts, its alert and the message each runtime logs, with the reasoning.
<file> is a configuration file of the component (application.yml, nginx.conf, server.xml, *.mqsc, ccdt.json,
aserver.conf…); #component picks one when the file defines several (its id, name, or part of its name).
The files' common directory is read as the deployment (JDK release files, jvm.options…), or --root <dir>;
files of two projects side by side (each with its .git or lint-deploy.config.json) are read project by project.
Exit status: 0 when the handshake succeeds, 1 when it fails, 2 on a usage error.`;

export interface HandshakeCommandIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface Selector {
  file: string;
  component?: string;
}

function parseSelector(raw: string, cwd: string): Selector {
  const hash = raw.indexOf('#');
  const given = path.resolve(cwd, hash >= 0 ? raw.slice(0, hash) : raw);
  const component = hash >= 0 ? raw.slice(hash + 1).trim() || undefined : undefined;
  if (!fs.existsSync(given)) throw new UsageError(`handshake: no such file: ${raw}`);
  // Never a device, FIFO or directory: /dev/zero would also make the common directory of the two files `/`.
  if (!fs.statSync(given).isFile()) throw new UsageError(`handshake: ${raw} is not a regular file`);
  // By its real path, as the lint reads the tree: a file named through a linked directory was otherwise found in no
  // component ("defines no TLS client component"), and with the other file named directly their common directory
  // was the link's parent.
  return { file: fs.realpathSync(given), component };
}

/** The deepest directory holding both files. */
function commonDirectory(a: string, b: string): string {
  const parts = (p: string) => path.dirname(p).split(path.sep);
  const x = parts(a);
  const y = parts(b);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(path.sep) || path.sep;
}

/** Entries (files and directories) a common directory may hold before the command asks for --root. */
const MAX_COMMON_ENTRIES = 20_000;

/**
 * The directories the two files' deployment is read from: --root when given (it must hold both); the two
 * projects when the files lie in different ones below their common directory (two repositories side by side);
 * else the common directory, unless it is the file system's root or holds more than MAX_COMMON_ENTRIES entries
 * (a temporary or home directory full of unrelated trees: reading all of it took minutes).
 */
function treesToRead(
  client: Selector,
  server: Selector,
  rootOption: string | undefined,
  cwd: string,
  files: string,
): string[] {
  if (rootOption !== undefined) {
    const given = path.resolve(cwd, rootOption);
    if (!fs.existsSync(given) || !fs.statSync(given).isDirectory())
      throw new UsageError(`handshake: --root ${rootOption} is not a directory`);
    const root = fs.realpathSync(given);
    if (!isInside(client.file, root) || !isInside(server.file, root))
      throw new UsageError(`handshake: --root ${rootOption} must hold both files`);
    return [root];
  }
  const common = commonDirectory(client.file, server.file);
  const projects = [projectRoot(client.file, common), projectRoot(server.file, common)];
  if (projects[0] && projects[1] && projects[0] !== projects[1]) return projects as string[];
  if (common === path.parse(common).root)
    throw new UsageError(
      `handshake: ${files} share no directory below ${common}: every file under it would be read (put them in one tree, or name it with --root <dir>)`,
    );
  if (entriesBeyond(common, MAX_COMMON_ENTRIES))
    throw new UsageError(
      `handshake: the common directory of ${files}, ${common}, holds more than ${MAX_COMMON_ENTRIES.toLocaleString('en')} files and directories: name the deployment's directory with --root <dir>`,
    );
  return [common];
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The nearest directory above a file, strictly below `common`, that starts a project (`.git`, a lint-deploy configuration). */
function projectRoot(file: string, common: string): string | undefined {
  for (let dir = path.dirname(file); dir !== common && isInside(dir, common); dir = path.dirname(dir)) {
    if (['.git', ...CONFIG_FILE_NAMES].some((name) => fs.existsSync(path.join(dir, name)))) return dir;
  }
  return undefined;
}

/** Whether a directory holds more than `limit` entries, counted without following links and stopping at the limit. */
function entriesBeyond(dir: string, limit: number): boolean {
  let count = 0;
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(next, { withFileTypes: true });
    } catch {
      continue; // an unreadable directory: the lint reports it
    }
    count += entries.length;
    if (count > limit) return true;
    for (const entry of entries) if (entry.isDirectory()) pending.push(path.join(next, entry.name));
  }
  return false;
}

function pick(
  deployments: Deployment[],
  selector: Selector,
  role: 'client' | 'server',
  raw: string,
): { component: Component; deployment: Deployment } {
  const fits = (c: Component) =>
    role === 'client' ? c.role === 'client' || c.role === 'both' : c.role === 'server' || c.role === 'both';
  const inFile = deployments.flatMap((deployment) =>
    deployment.components
      .filter(
        (c) => fits(c) && (c.location.file === selector.file || c.documents.some((d) => d.file.path === selector.file)),
      )
      .map((component) => ({ component, deployment })),
  );
  const wanted = selector.component;
  const chosen = wanted
    ? inFile.filter(
        ({ component: c }) => c.id === wanted || c.name === wanted || c.id.endsWith(wanted) || c.name.includes(wanted),
      )
    : inFile;
  const [only, ...others] = chosen;
  if (only && others.length === 0) return only;
  const candidates = inFile.map(({ component: c }) => `  ${c.id}  (${c.name})`).join('\n');
  if (inFile.length === 0) throw new UsageError(`handshake: ${raw} defines no TLS ${role} component lint-deploy knows`);
  if (chosen.length === 0)
    throw new UsageError(`handshake: no ${role} component matches '${wanted}' in ${raw}; it defines:\n${candidates}`);
  throw new UsageError(
    `handshake: ${raw} defines several ${role} components; add #<component> to pick one:\n${candidates}`,
  );
}

function parseHandshakeArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        client: { type: 'string' },
        server: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'text' },
        root: { type: 'string' },
        'java-version': { type: 'string' },
        'java-vendor': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`handshake: ${(error as Error).message}\n${HANDSHAKE_USAGE}`);
  }
}

/** Runs `lint-deploy handshake …` (argv without the word `handshake`); returns the exit code. Throws UsageError. */
export function runHandshakeCommand(argv: string[], io: HandshakeCommandIo): number {
  const { values } = parseHandshakeArgs(argv);
  if (values.help) {
    io.stdout(`${HANDSHAKE_USAGE}\n`);
    return 0;
  }
  if (!values.client || !values.server)
    throw new UsageError(`handshake needs --client and --server\n${HANDSHAKE_USAGE}`);
  const format = values.format;
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`handshake: --format must be text or json, not '${format}'`);
  const client = parseSelector(values.client, io.cwd);
  const server = parseSelector(values.server, io.cwd);
  const paths = treesToRead(client, server, values.root, io.cwd, `${values.client} and ${values.server}`);
  const javaVersion = values['java-version'];
  checkJavaVersionOption(javaVersion);
  const javaVendor = values['java-vendor'];
  const result = lint({
    paths,
    cwd: io.cwd,
    config: defaultConfig(paths[0]!),
    java: javaVersion || javaVendor ? { version: javaVersion, vendor: javaVendor } : undefined,
  });
  const c = pick(result.deployments, client, 'client', values.client);
  const s = pick(result.deployments, server, 'server', values.server);
  let report: HandshakeReport;
  try {
    report = handshakeReport(c.component, s.component, c.deployment, s.deployment);
  } catch (error) {
    throw new UsageError(`handshake: ${(error as Error).message}`);
  }
  io.stdout(formatHandshakeReport(report, format));
  return report.prediction.ok ? 0 : 1;
}
