/**
 * Where nginx reads files, in the words of the paths that scripts, mounts and manifests write: shared by what may enable
 * a file of a `*-available` directory (./nginx-enablers.ts, ./nginx-config-maps.ts).
 */
import type { RelatedLocation } from '../core/types';

/** What the tree shows may enable a file, and what it shows putting it elsewhere than where nginx reads. */
export interface Enablers {
  enabling: RelatedLocation[];
  elsewhere: RelatedLocation[];
}

/** `sites-available`, `conf-available`, `confs-available`, `streams-available`. */
export const AVAILABLE_DIR = /^[\w.]+-available$/;
/** Directories whose files the running configuration reads: the official image's conf.d, Debian's `*-enabled`. */
export const LOADED_DIR = /^(conf\.d|[\w.]+-enabled)$/;

export const segments = (written: string): string[] => written.split('/').filter(Boolean);

/**
 * A variable, command substitution, Ruby interpolation or Jinja/Go template expression decides it (`$f`, `${SITE}`,
 * `` `ls` ``, `#{node['nginx']['dir']}`, `{{ site }}`): unknown.
 */
export const unknownPath = (written: string): boolean => /[$`]|#\{|\{[{%]/.test(written);

/** Whether nginx reads a file a container sees at `seen`: nginx.conf, or a file under conf.d or a `*-enabled` directory. */
export function loadedAt(seen: string): boolean {
  const parts = segments(seen);
  const directories = parts.slice(0, -1);
  return (
    parts[parts.length - 1] === 'nginx.conf' ||
    (directories.some((s) => LOADED_DIR.test(s)) && !directories.some((s) => AVAILABLE_DIR.test(s)))
  );
}

/** Whether a shell or Helm glob (`*`, `*.conf`, `site?`) matches the name. */
export function globMatches(pattern: string, name: string): boolean {
  if (!/[*?[]/.test(pattern)) return false;
  const source = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  try {
    return new RegExp(`^${source}$`).test(name);
  } catch {
    return true;
  }
}
