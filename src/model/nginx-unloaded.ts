/**
 * nginx files the tree shows nginx does not load: an optional snippet kept in a `*-available` directory (the Debian
 * idiom: sites-available, conf-available, pataquets/docker-nginx-ssl-proxy@eda70ee's confs-available) that no include
 * of the tree reaches, beside the directory the running configuration does read (conf.d, the official image's
 * `include /etc/nginx/conf.d/*.conf`, or a `*-enabled` directory) or an nginx.conf whose includes pass it over. What
 * stops nginx there stops it only once someone enables the file.
 *
 * Only what the tree positively shows: a file in any other directory may be included by what the tree does not hold (a
 * Helm ConfigMap, a volume) and stays judged as loaded. It stays so too when something could enable it: a symbolic link
 * to it (the walk lists a linked file once, by its real path, so an `include sites-enabled/*` would not show reaching
 * it), a Dockerfile command that names its directory or the file (`ln -s`, `cp`), or a COPY/ADD that puts it elsewhere
 * than a directory of the same name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import type { NginxUnloaded } from './deployment-records';

/** `sites-available`, `conf-available`, `confs-available`, `streams-available`. */
const AVAILABLE_DIR = /^[\w.]+-available$/;
/** Directories whose files the running configuration reads: the official image's conf.d, Debian's `*-enabled`. */
const LOADED_DIR = /^(conf\.d|[\w.]+-enabled)$/;

export function unloadedNginxFiles(
  docs: readonly ParsedDocument[],
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
): (file: string) => NginxUnloaded | undefined {
  // The tree's nginx files by the directory that holds them: where the running configuration is seen.
  const byDir = new Map<string, string>();
  for (const d of docs) if (!byDir.has(path.dirname(d.file.path))) byDir.set(path.dirname(d.file.path), d.file.path);
  return (file) => {
    const dir = path.dirname(file);
    const dirName = path.basename(dir);
    if (!AVAILABLE_DIR.test(dirName)) return undefined;
    const prefix = path.dirname(dir);
    const loading = loadingFile(prefix, byDir);
    if (!loading || linkedTo(file, prefix) || enabledByImage(file, dirName, dockerfiles)) return undefined;
    return { directory: dirName, loads: { file: loading } };
  };
}

/** A file of the running configuration beside the `*-available` directory: an nginx.conf, else conf.d's or `*-enabled`'s. */
function loadingFile(prefix: string, byDir: ReadonlyMap<string, string>): string | undefined {
  const main = [...byDir.values()].find((f) => f === path.join(prefix, 'nginx.conf'));
  if (main) return main;
  for (const [dir, file] of byDir) if (path.dirname(dir) === prefix && LOADED_DIR.test(path.basename(dir))) return file;
  return undefined;
}

/** Whether a symbolic link in a directory beside the file's leads to it (`sites-enabled/x -> ../sites-available/x`). */
function linkedTo(file: string, prefix: string): boolean {
  try {
    const real = fs.realpathSync(file);
    for (const dir of fs.readdirSync(prefix, { withFileTypes: true })) {
      if (!dir.isDirectory() && !dir.isSymbolicLink()) continue;
      const full = path.join(prefix, dir.name);
      if (dir.isSymbolicLink() && fs.realpathSync(full) === path.dirname(real)) return true;
      if (!dir.isDirectory()) continue;
      for (const entry of fs.readdirSync(full, { withFileTypes: true }))
        if (entry.isSymbolicLink() && fs.realpathSync(path.join(full, entry.name)) === real) return true;
    }
    return false;
  } catch {
    // What cannot be read is not shown unreachable.
    return true;
  }
}

/** Whether an image the tree builds may enable the file: a command that names it or its directory, a copy elsewhere. */
function enabledByImage(
  file: string,
  dirName: string,
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
): boolean {
  const name = path.basename(file);
  const names = (text: string) => text.includes(dirName) || text.includes(name);
  return dockerfiles.some(
    (d) =>
      d.data.commands.some((c) => c.instruction !== 'ENV' && names(c.text)) ||
      d.data.copies.some(
        (c) =>
          c.sources.some(names) &&
          !(c.destination ?? '').replace(/\/+$/, '').endsWith(`/${dirName}`) &&
          !(c.destination ?? '').replace(/\/+$/, '').endsWith(`/${dirName}/${name}`),
      ),
  );
}
