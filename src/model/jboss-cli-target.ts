/**
 * Which server configuration file a jboss-cli script edits, so that its operations apply on that server
 * (./jboss-cli-configuration.ts) instead of making a second one. In this order:
 * 1. the script's `embed-server --server-config=<file>` (`-c <file>`; a bare `embed-server`: standalone.xml, the
 *    server's default, knowledge: wildfly.json defaultServerConfig) names the file;
 * 2. a script with no `embed-server` that one other script of the tree runs (`run-batch --file=<its name>`) edits
 *    that script's file;
 * 3. a Dockerfile `RUN` that runs it (`jboss-cli.sh … --file=<the script's path in the image>`) runs it in that image:
 *    on the file of that name (else the `-c`/`--server-config` of the same `RUN`, else standalone.xml) that the image
 *    holds in its server configuration directory (`…/configuration/`), copied from the tree. An image that holds no
 *    such file from the tree runs it on its own file: unknown;
 * 4. otherwise the file of that name beside the script: in its directory or below it, else the nearest directory
 *    above it (up to the deployment's root) that holds one.
 * Two candidates at the same distance, several `embed-server` files, or none in the tree leave the target unknown: the
 * script is then read alone, as before, and its listeners say why (java/jboss-cli-target-unknown).
 */
import * as path from 'node:path';
import { JBOSS_CONFIG_DIR, JBOSS_DEFAULT_SERVER_CONFIG, JBOSS_HISTORY_DIRECTORIES } from '../knowledge/wildfly';
import type { ImageFiles } from '../parse/image-files';
import type { DockerfileData } from '../parse/dockerfile';
import { heldCommands } from '../parse/dockerfile-stages';
import type { JbossCliData } from '../parse/jboss-cli';
import type { ParsedDocument } from '../parse/types';
import type { XmlData } from '../parse/xml';
import { relativePosix } from '../core/posix-path';

/** The configuration file a script edits, or why the tree does not say. */
type CliTarget = { file: ParsedDocument<XmlData> } | { unknown: string };

/** Whether a file is a copy in the server's configuration history (standalone_xml_history/…): written, not run. */
export const inHistory = (file: string): boolean =>
  path
    .dirname(file)
    .split(path.sep)
    .some((d) => JBOSS_HISTORY_DIRECTORIES.includes(d));

/** What the target is looked for in. */
export interface CliTargetInputs {
  root: string;
  /** The tree's server configuration files, history copies left out. */
  configurations: readonly ParsedDocument<XmlData>[];
  /** The tree's jboss-cli scripts: one may run another (`run-batch --file=`). */
  scripts: readonly ParsedDocument<JbossCliData>[];
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  images: ImageFiles | undefined;
}

/** `--file=<path>` (or `--file <path>`) of a `jboss-cli` run, and the server configuration the same RUN names. */
const CLI_FILE = /jboss-cli(?:\.sh|\.bat)?\b[^;&|\n]*?\s--file(?:=|\s+)["']?([^\s"';&|]+)/g;
const RUN_SERVER_CONFIG = /\s(?:--server-config|-c)(?:=|\s+)["']?([^\s"';&|]+\.xml)/;

/** The Dockerfiles whose image runs the script, each with the configuration name its RUN gives (if any). */
function runningImages(script: string, inputs: CliTargetInputs): { dockerfile: string; serverConfig?: string }[] {
  const held = inputs.images?.holding(script) ?? [];
  const found: { dockerfile: string; serverConfig?: string }[] = [];
  for (const doc of inputs.dockerfiles) {
    const places = held.filter((h) => h.dockerfile === doc.file.path).map((h) => h.containerPath);
    if (places.length === 0) continue;
    for (const command of heldCommands(doc.data)) {
      if (command.instruction !== 'RUN') continue;
      const runs = [...command.joined.matchAll(CLI_FILE)].some((m) =>
        places.some((p) => p === m[1] || path.posix.basename(p) === path.posix.basename(m[1]!)),
      );
      if (!runs) continue;
      const serverConfig = RUN_SERVER_CONFIG.exec(command.joined)?.[1];
      found.push({
        dockerfile: doc.file.path,
        ...(serverConfig && { serverConfig: path.posix.basename(serverConfig) }),
      });
      break;
    }
  }
  return found;
}

/** The tree files named `name` an image holds in a server configuration directory. */
function inImageConfigDir(name: string, dockerfile: string, inputs: CliTargetInputs): ParsedDocument<XmlData>[] {
  return inputs.configurations.filter((doc) =>
    (inputs.images?.holding(doc.file.path) ?? []).some(
      (h) =>
        h.dockerfile === dockerfile &&
        path.posix.basename(h.containerPath) === name &&
        path.posix.basename(path.posix.dirname(h.containerPath)) === JBOSS_CONFIG_DIR.directory,
    ),
  );
}

/** The file named `name` nearest the script: in its directory tree, else the nearest one above holding one. */
function besideScript(script: string, name: string, inputs: CliTargetInputs): CliTarget {
  const named = inputs.configurations.filter((d) => path.basename(d.file.path) === name);
  for (let dir = path.dirname(script); ; dir = path.dirname(dir)) {
    const below = named.filter((d) => d.file.path.startsWith(dir + path.sep));
    const [only, ...more] = below;
    if (only && more.length === 0) return { file: only };
    if (only)
      return {
        unknown: `several ${name} files could be the one it edits (${below.map((d) => relativePosix(inputs.root, d.file.path)).join(', ')})`,
      };
    if (dir === inputs.root || !dir.startsWith(inputs.root) || path.dirname(dir) === dir) break;
  }
  return { unknown: `the tree holds no ${name} beside it` };
}

/** The one script of the tree that runs `script` (`run-batch --file=…`, `run-batch --file …`), matched by file name. */
function callerOf(
  script: ParsedDocument<JbossCliData>,
  inputs: CliTargetInputs,
): ParsedDocument<JbossCliData> | undefined {
  const name = path.basename(script.file.path);
  const callers = inputs.scripts.filter(
    (s) =>
      s !== script &&
      s.data.operations.some(
        (o) => o.resource === 'run-batch' && path.posix.basename(o.params.get('file') ?? '') === name,
      ),
  );
  const [only, ...more] = callers;
  return more.length === 0 ? only : undefined;
}

/** The configuration file a script edits (see the file comment). */
export function cliTargetOf(script: ParsedDocument<JbossCliData>, inputs: CliTargetInputs, called = false): CliTarget {
  // A script another one runs (after its embed-server) edits that one's file.
  const caller = script.data.embeds.length === 0 && !called ? callerOf(script, inputs) : undefined;
  if (caller) return cliTargetOf(caller, inputs, true);
  const embedded = new Set(
    script.data.embeds.map((e) => path.posix.basename(e.serverConfig ?? JBOSS_DEFAULT_SERVER_CONFIG)),
  );
  if (embedded.size > 1) return { unknown: `it embeds several configurations (${[...embedded].join(', ')})` };
  const [embeddedName] = embedded;
  const images = runningImages(script.file.path, inputs);
  if (images.length > 1)
    return {
      unknown: `several images run it (${images.map((i) => relativePosix(inputs.root, i.dockerfile)).join(', ')})`,
    };
  const [image] = images;
  if (image) {
    const name = embeddedName ?? image.serverConfig ?? JBOSS_DEFAULT_SERVER_CONFIG;
    const held = inImageConfigDir(name, image.dockerfile, inputs);
    const dockerfile = relativePosix(inputs.root, image.dockerfile);
    const [only, ...more] = held;
    if (only && more.length === 0) return { file: only };
    return {
      unknown: only
        ? `the image of ${dockerfile} holds several ${name} files`
        : `the image of ${dockerfile} runs it on its own ${name}, which the tree does not hold`,
    };
  }
  const target = besideScript(script.file.path, embeddedName ?? JBOSS_DEFAULT_SERVER_CONFIG, inputs);
  if ('file' in target) return target;
  if (embeddedName)
    return {
      unknown: `its embed-server edits ${embeddedName}, and ${target.unknown.replace(/^the tree holds no \S+ beside it$/, 'the tree holds none beside it')}`,
    };
  return { unknown: `it names no configuration file (no embed-server, no Dockerfile RUN) and ${target.unknown}` };
}
