import * as path from 'node:path';
import { readRegularFile } from '../../core/safe-fs';
import {
  dotEnvVariables,
  renderComposeEnv,
  type ComposeEnvRendering,
  type DotEnvVariable,
} from '../../parse/compose-env';
import { envFileFormat } from '../../parse/env-file';
import { decodeFile } from '../../parse/text';
import type { ComposeData } from '../../parse/compose';
import { CONTAINER_RUNS_KIND, type ContainerRunsData } from '../../parse/container-runs';
import type { ParsedDocument } from '../../parse/types';

/** A `.env` above this size is not read (its variables then stay unknown). */
const MAX_ENV_BYTES = 1024 * 1024;

/**
 * The `.env` files of a run's Compose files: a Compose file gets the variables of the `.env` in its directory (the
 * project directory Compose uses by default). Each `.env` is read once; one that a Compose file takes a value from is
 * a document of the run (its secrets are then masked and judged where they are written), unless it is read already.
 */
export class ComposeEnvFiles {
  private readonly files = new Map<
    string,
    { text: string; hadBom: boolean; variables: DotEnvVariable[] } | undefined
  >();
  private readonly used = new Set<string>();

  /** The Compose file's text with the `.env` values put in, when some reference has one. A linked `.env` is not read. */
  render(file: string, source: string): ComposeEnvRendering | undefined {
    if (!source.includes('$')) return undefined;
    const envFile = path.join(path.dirname(file), '.env');
    const read = this.read(envFile);
    const rendering = read && renderComposeEnv(source, envFile, read.variables);
    if (rendering) this.used.add(envFile);
    return rendering;
  }

  /** The documents of the `.env` files values came from, but for those in `read` (already documents of the run). */
  documents(read: ReadonlySet<string>): ParsedDocument[] {
    return [...this.used]
      .filter((file) => !read.has(file))
      .map((file) => {
        const { text, hadBom } = this.files.get(file)!; // used only once read
        return envFileFormat.parse({ path: file, text, hadBom }, 'env-file');
      });
  }

  private read(file: string): { text: string; hadBom: boolean; variables: DotEnvVariable[] } | undefined {
    if (this.files.has(file)) return this.files.get(file);
    const bytes = readRegularFile(file, MAX_ENV_BYTES, { noFollow: true });
    const decoded = bytes.ok ? decodeFile(bytes.bytes) : undefined;
    const read = decoded?.ok
      ? { text: decoded.text, hadBom: decoded.hadBom, variables: dotEnvVariables(decoded.text) }
      : undefined;
    this.files.set(file, read);
    return read;
  }
}

/**
 * The `env_file:` files Compose services name, and the `--env-file` files of the containers scripts start (`docker run
 * --env-file qm.env`, read from where the script's commands run), that are files of the deployment (`listed`) and no document of
 * the run yet (`read`): read as env files, so the model reads a container's variables (a server's port, a password)
 * with the lines that set them. A path a variable names, or a file outside the tree, is not read: its variables stay
 * unknown.
 */
export function serviceEnvFileDocuments(
  documents: readonly ParsedDocument[],
  listed: ReadonlySet<string>,
  read: Set<string>,
): ParsedDocument[] {
  const named: [written: string, from: string][] = [];
  for (const doc of documents) {
    if (doc.kind === 'compose')
      for (const service of (doc.data as ComposeData).services)
        for (const envFile of service.envFiles) named.push([envFile.path, path.dirname(doc.file.path)]);
    if (doc.kind === CONTAINER_RUNS_KIND) {
      const { runs, directory } = doc.data as ContainerRunsData;
      if (directory !== undefined)
        for (const run of runs) for (const envFile of run.envFiles) named.push([envFile.path, directory]);
    }
  }
  const out: ParsedDocument[] = [];
  for (const [written, from] of named) {
    const file = path.resolve(from, written);
    if (written.includes('$') || !listed.has(file) || read.has(file)) continue;
    read.add(file);
    const bytes = readRegularFile(file, MAX_ENV_BYTES, { noFollow: true });
    const decoded = bytes.ok ? decodeFile(bytes.bytes) : undefined;
    if (decoded?.ok)
      out.push(envFileFormat.parse({ path: file, text: decoded.text, hadBom: decoded.hadBom }, 'env-file'));
  }
  return out;
}
