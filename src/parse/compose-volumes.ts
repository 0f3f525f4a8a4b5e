/**
 * The bind mounts of Docker Compose services (`volumes:`): which host path each container sees at which path.
 * Short syntax `SOURCE:TARGET[:MODE]` and long syntax (`type: bind`, `source:`, `target:`, `read_only:`);
 * https://docs.docker.com/reference/compose-file/services/#volumes. Named and anonymous volumes are no host files
 * and are left out. Sources stay as written (`./certs`, `${PYTEST_MODULE_PATH}/certs`): the model resolves them.
 */
import type { Range } from '../core/types';
import type { Entry } from './types';
import { scalarOffsets } from './java/spring-environment';
import type { LineIndex } from './text';

/**
 * Where a container path comes from among a container's bind mounts: the mount whose target holds it (the longest
 * target, as Compose nests them; the first written among equals) and the path's parts below that target.
 */
export function mountHolding<M>(
  mounts: readonly M[],
  targetOf: (mount: M) => string,
  containerPath: string,
): { mount: M; below: string[] } | undefined {
  let holding: { mount: M; target: string } | undefined;
  for (const mount of mounts) {
    const target = targetOf(mount).replace(/\/+$/, '');
    const holds = containerPath === target || containerPath.startsWith(`${target}/`);
    if (holds && (!holding || target.length > holding.target.length)) holding = { mount, target };
  }
  return holding && { mount: holding.mount, below: containerPath.slice(holding.target.length).split('/') };
}

export interface ComposeMount {
  /**
   * The service whose container gets it; undefined for a list under an `x-` extension field, which YAML anchors
   * may bring into any service of the file.
   */
  service?: string;
  /** The host path as written. */
  source: string;
  /** The path inside the container. */
  target: string;
  readOnly: boolean;
  /** Where the source is written. */
  range: Range;
}

/** `services.<name>.volumes[i]`, `…volumes[i].source` (long syntax), and the same under `x-…` extension fields. */
const VOLUME_KEY = /^(?:services\.([^[\]]+?)|x-[^[\]]*?)\.volumes\[(\d+)\](?:\.(type|source|target|read_only))?$/;

/** A short-syntax source that is a host path (not a volume name): `.`/`..` relative, absolute, `~`, a variable or a drive. */
const HOST_PATH = /^([./~$]|[A-Za-z]:[\\/])/;

interface LongMount {
  service?: string;
  type?: string;
  source?: { value: string; range: Range };
  target?: string;
  readOnly: boolean;
}

export function composeMounts(entries: Entry[], text: string, index: LineIndex): ComposeMount[] {
  const mounts: ComposeMount[] = [];
  const long = new Map<string, LongMount>();
  for (const entry of entries) {
    const m = VOLUME_KEY.exec(entry.key);
    if (!m) continue;
    const service = m[1];
    const field = m[3];
    if (field === undefined) {
      const short = shortMount(entry, text, index);
      if (short) mounts.push({ ...(service !== undefined && { service }), ...short });
      continue;
    }
    const key = entry.key.slice(0, entry.key.length - field.length - 1);
    const item = long.get(key) ?? { ...(service !== undefined && { service }), readOnly: false };
    long.set(key, item);
    if (field === 'type') item.type = entry.value;
    else if (field === 'target') item.target = entry.value;
    else if (field === 'read_only') item.readOnly = entry.value === 'true';
    else item.source = { value: entry.value, range: entry.valueRange };
  }
  for (const item of long.values()) {
    if (item.type !== 'bind' || !item.source || item.target === undefined) continue;
    const { service, source, target, readOnly } = item;
    mounts.push({
      ...(service !== undefined && { service }),
      source: source.value,
      target,
      readOnly,
      range: source.range,
    });
  }
  return mounts;
}

/** `SOURCE:TARGET[:MODE]`: a bind mount when SOURCE is a host path. */
function shortMount(entry: Entry, text: string, index: LineIndex): Omit<ComposeMount, 'service'> | undefined {
  const parts = splitShort(entry.value);
  const [source, target, mode] = parts;
  if (parts.length < 2 || parts.length > 3 || !source || !target || !HOST_PATH.test(source)) return undefined;
  const [start] = scalarOffsets(text, index, entry);
  return {
    source,
    target,
    readOnly: (mode ?? '').split(',').includes('ro'),
    range: index.rangeAt(start, start + source.length),
  };
}

/** Split at `:` outside `${…}` (`${DIR:-./certs}`), keeping a Windows drive's `C:` with its path. */
function splitShort(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch === '$' && value.charAt(i + 1) === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0) {
      // A drive is a letter: `.:/etc/kafka/secrets` mounts the Compose file's directory (keeeshore/kafka-ssl-compose).
      const drive =
        parts.length === 0 &&
        i - from === 1 &&
        /[A-Za-z]/.test(value.charAt(from)) &&
        /[\\/]/.test(value.charAt(i + 1));
      if (drive) continue;
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

/** A key only a Compose service has (a Spring or CI file with a `services:` map has none of them). */
const SERVICE_ONLY_KEY =
  /^(image|build|volumes|container_name|expose|depends_on|ports|healthcheck|restart|networks)\s*:/;

/**
 * A Compose file under a name of its own (`docker compose -f nodefault.yml`; nginx-proxy/nginx-proxy's
 * test/test_fallback/test_fallback.data/nodefault.yml): a top-level `services:` mapping whose first service holds
 * a key only a Compose service has, in a file that is no Kubernetes manifest and whose every line at the margin is a
 * top-level key. A CI file's `services:` list is not it.
 */
export function composeHead(head: string): boolean {
  if (/^(apiVersion|kind):/m.test(head)) return false;
  const lines = head.split(/\r?\n/);
  // Every line at the margin is a top-level key, a comment or a document marker: a line a script fills in
  // (zowe/zowe-install-packaging's redis.yml.template, `{LINUX_SETTING}        network_mode: "host"`) is not YAML yet.
  if (lines.some((l) => /^[^\s#]/.test(l) && !/^([\w.-]+:(\s|$)|---|\.\.\.)/.test(l))) return false;
  const start = lines.findIndex((l) => /^services:\s*(#.*)?$/.test(l));
  if (start < 0) return false;
  let serviceIndent: number | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (serviceIndent === undefined) {
      if (indent === 0 || !/^[\w.-]+:\s*(#.*)?$/.test(line.trim())) return false;
      serviceIndent = indent;
    } else if (indent <= serviceIndent) return false;
    else if (SERVICE_ONLY_KEY.test(line.trim())) return true;
  }
  return false;
}
