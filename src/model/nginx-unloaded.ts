/**
 * nginx files the tree shows nginx does not load: an optional snippet kept in a `*-available` directory (the Debian
 * idiom: sites-available, conf-available, pataquets/docker-nginx-ssl-proxy@eda70ee's confs-available) that no include
 * of the tree reaches, beside the directory the running configuration does read (conf.d, the official image's
 * `include /etc/nginx/conf.d/*.conf`, or a `*-enabled` directory) or an nginx.conf whose includes pass it over. What
 * stops nginx there stops it only once someone enables the file.
 *
 * Only what the tree positively shows: a file in any other directory may be included by what the tree does not hold (a
 * Helm ConfigMap, a volume) and stays judged as loaded (no record). It stays so too, with a record of what was seen,
 * when something could enable it (./nginx-enablers.ts): a symbolic link to it (the walk lists a linked file once, by
 * its real path, so an `include sites-enabled/*` would not show reaching it), a Dockerfile command or a shell script
 * (an entrypoint's `ln -s`, `cp`, `envsubst … >`) that may put it where nginx reads.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { NginxLoading } from './attributes';
import { enablersOf, type EnablerSources } from './nginx-enablers';
import { AVAILABLE_DIR, LOADED_DIR } from './nginx-places';

export function nginxLoadingOf(
  docs: readonly ParsedDocument[],
  sources: EnablerSources,
): (file: string) => NginxLoading | undefined {
  // The tree's nginx files by the directory that holds them: where the running configuration is seen.
  const byDir = new Map<string, string>();
  for (const d of docs) if (!byDir.has(path.dirname(d.file.path))) byDir.set(path.dirname(d.file.path), d.file.path);
  return (file) => {
    const dir = path.dirname(file);
    const directory = path.basename(dir);
    if (!AVAILABLE_DIR.test(directory)) return undefined;
    const prefix = path.dirname(dir);
    const loading = loadingFile(prefix, byDir);
    if (!loading) return undefined;
    const by = enablersOf(file, prefix, sources);
    if (!by) return undefined;
    if (by.enabling.length > 0) return { kind: 'maybe-enabled', directory, by: by.enabling };
    return {
      kind: 'unloaded',
      directory,
      loads: { file: loading },
      ...(by.elsewhere.length > 0 && { elsewhere: by.elsewhere }),
    };
  };
}

/** A file of the running configuration beside the `*-available` directory: an nginx.conf, else conf.d's or `*-enabled`'s. */
function loadingFile(prefix: string, byDir: ReadonlyMap<string, string>): string | undefined {
  const main = [...byDir.values()].find((f) => f === path.join(prefix, 'nginx.conf'));
  if (main) return main;
  for (const [dir, file] of byDir) if (path.dirname(dir) === prefix && LOADED_DIR.test(path.basename(dir))) return file;
  return undefined;
}
