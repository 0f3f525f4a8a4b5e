import type { RuntimeUse } from '../../model/types';
import * as fs from 'node:fs';
import type * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CACHE_FILE } from '../../core/config';
import { nodeCrypto } from '../../core/node-crypto';
import type { Finding, Severity, TreeLink } from '../../core/types';
import { UsageError } from '../../core/types';
import { readRegularFile, writeFileAtomic } from '../../core/safe-fs';
import { MAX_FILE_BYTES } from '../run/read-followed';

/**
 * `--cache` (ESLint-style): a deployment whose files did not change since the last run is not
 * parsed or checked again; its findings come from the cache file. The whole cache is keyed by
 * tool version + configuration + rule set (`cacheKey`); a cache written under another key, or one
 * that does not parse or has the wrong shape, is ignored (and rewritten), never trusted.
 * Each entry is keyed by the content hash of its deployment and signed with a key kept outside the
 * tree (`cacheSigningKey`): a cache file committed to the linted tree cannot forge an entry, and an
 * entry that does not verify or has a damaged shape is a miss (recomputed), never a crash.
 */
export const CACHE_FORMAT = 'lint-deploy-cache/1';

/** `content`: SHA-256 of every file's bytes (default; survives git checkouts). `metadata`: size + mtime (faster, can miss edits that keep both). */
export type CacheStrategy = 'content' | 'metadata';

export interface CachedDeployment {
  /** Hash of the deployment's file list and contents (or metadata). */
  hash: string;
  fileCount: number;
  /** Findings after severities, suppressions and redaction; before `--focus` filtering. */
  findings: Finding[];
  /** Which JDK runs which components (JSON report `runtimes`). */
  runtimes?: RuntimeUse[];
}

/** An entry as stored: `mac` signs it (HMAC-SHA-256 under a key kept outside the tree). */
type SignedEntry = CachedDeployment & { mac?: string };

interface CacheFile {
  format: string;
  key: string;
  strategy: CacheStrategy;
  entries: Record<string, SignedEntry>;
}

/** Signs entries when no key is given: a cache then verifies only within this process (made on first use). */
let processSigningKey: string | undefined;

/** What a cache file linked to /dev/zero (or grown without bound) can cost at most. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Why a cache file on disk was not used (for `--debug`/tests); undefined when it was. */
export type CacheRejection = 'missing' | 'unreadable' | 'corrupt' | 'stale';

export class LintCache {
  private entries: Record<string, SignedEntry> = Object.create(null) as Record<string, SignedEntry>;
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;
  readonly rejected?: CacheRejection;

  constructor(
    readonly file: string,
    readonly key: string,
    readonly strategy: CacheStrategy = 'content',
    /** Secret that signs entries (`cacheSigningKey`); never stored in the cache file. */
    private readonly signingKey: string = (processSigningKey ??= nodeCrypto().randomBytes(32).toString('hex')),
    /** The user named the cache path (`--cache-location`): a symbolic link there is followed. */
    private readonly explicit = false,
  ) {
    this.rejected = this.load();
  }

  private load(): CacheRejection | undefined {
    const read = readRegularFile(this.file, MAX_CACHE_BYTES, { noFollow: !this.explicit });
    if (!read.ok) return read.reason === 'missing' ? 'missing' : 'unreadable';
    let data: unknown;
    try {
      data = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      return 'corrupt';
    }
    if (!isRecord(data) || data.format !== CACHE_FORMAT || !isRecord(data.entries) || typeof data.key !== 'string')
      return 'corrupt';
    if (data.key !== this.key || data.strategy !== this.strategy) return 'stale';
    this.entries = Object.assign(
      Object.create(null) as Record<string, SignedEntry>,
      data.entries as Record<string, SignedEntry>,
    );
    return undefined;
  }

  /** HMAC of an entry under the signing key: a cache file written by anyone without the key never checks. */
  private mac(root: string, entry: CachedDeployment): string {
    return nodeCrypto()
      .createHmac('sha256', this.signingKey)
      .update(JSON.stringify([this.key, root, entry.hash, entry.fileCount, entry.findings]))
      .digest('hex');
  }

  /** The deployment's files minus the cache file itself (it would change every deployment that holds it). */
  withoutOwnFiles(files: string[]): string[] {
    const temporaryPrefix = path.join(path.dirname(this.file), `.${path.basename(this.file)}.`);
    const own = (f: string) =>
      f === this.file ||
      (f.startsWith(`${this.file}.`) && f.endsWith('.tmp')) ||
      (f.startsWith(temporaryPrefix) && f.endsWith('.tmp'));
    return files.some(own) ? files.filter((f) => !own(f)) : files;
  }

  /**
   * Hash of a deployment: its root, then each file's path and bytes (or size and mtime), in order, then the symbolic
   * links its walk met and where each leads (Deployment.treeLinks): a link moved to another file of the same bytes, or
   * one that enables an nginx site, changes what the model reads, not any file's bytes.
   */
  hashDeployment(root: string, files: readonly string[], links: readonly TreeLink[] = []): string {
    const hash = nodeCrypto().createHash('sha256');
    hash.update(`${root}\0${files.length}\0`);
    // No link, no words: a cache written before links counted stays valid for the trees that have none.
    for (const { link, target } of links)
      hash.update(`link\0${path.relative(root, link)}\0${target === undefined ? '!' : path.relative(root, target)}\0`);
    for (const file of files) {
      hash.update(`${path.relative(root, file)}\0`);
      try {
        const stat = fs.statSync(file);
        // A special file or one too large to be read is never opened here either (a FIFO would block).
        if (this.strategy === 'metadata' || !stat.isFile() || stat.size > MAX_FILE_BYTES) {
          hash.update(`${stat.isFile() ? 'f' : 'x'}${stat.size}:${stat.mtimeMs}`);
        } else {
          hash.update(fs.readFileSync(file));
        }
      } catch (error) {
        hash.update(`!${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      hash.update('\0');
    }
    return hash.digest('hex');
  }

  /** The cached result for this deployment when its hash matches and the entry is well-formed. */
  get(root: string, hash: string): CachedDeployment | undefined {
    const entry = this.entries[root];
    if (
      entry &&
      entry.hash === hash &&
      isValidEntry(entry) &&
      typeof entry.mac === 'string' &&
      macEquals(entry.mac, this.mac(root, entry))
    ) {
      this.hits++;
      this.used.add(root);
      return entry;
    }
    this.misses++;
    return undefined;
  }

  set(root: string, entry: CachedDeployment): void {
    this.entries[root] = { ...entry, mac: this.mac(root, entry) };
    this.used.add(root);
  }

  /**
   * Writes the cache atomically (temporary file + rename). Entries of deployments this run did
   * not visit are kept (another shard or path may need them). Never throws: a cache that cannot be
   * written only costs time next run.
   */
  save(): boolean {
    const data: CacheFile = { format: CACHE_FORMAT, key: this.key, strategy: this.strategy, entries: this.entries };
    try {
      writeFileAtomic(this.file, JSON.stringify(data), { explicit: this.explicit, what: 'cache' });
      return true;
    } catch (error) {
      this.saveError = error instanceof UsageError ? error.message : String(error);
      return false;
    }
  }

  /** Why the last save() failed (one line). */
  saveError?: string;
}

/**
 * The key that invalidates the whole cache: tool version, the resolved config, CLI overrides and
 * every rule's id, severity and default options, plus size+mtime of local plugin modules.
 */
export function cacheKey(parts: {
  toolVersion: string;
  config: unknown;
  ruleOverrides?: unknown;
  java?: unknown;
  rules: { id: string; severity: string; defaultOptions?: unknown }[];
  plugins?: string[];
  extra?: unknown;
}): string {
  const plugins = (parts.plugins ?? []).map((p) => {
    if (!path.isAbsolute(p)) return p;
    try {
      const stat = fs.statSync(p);
      return `${p}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return `${p}:missing`;
    }
  });
  const text = JSON.stringify([
    CACHE_FORMAT,
    parts.toolVersion,
    parts.config,
    parts.ruleOverrides ?? null,
    parts.java ?? null,
    parts.rules,
    plugins,
    parts.extra ?? null,
  ]);
  return nodeCrypto().createHash('sha256').update(text).digest('hex');
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) that gets `.lint-deploy-cache`. */
export function resolveCacheFile(location: string | undefined, cwd: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(absolute, DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(absolute).isDirectory()) return path.join(absolute, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file name
  }
  return absolute;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValidEntry(entry: unknown): entry is CachedDeployment {
  if (
    !isRecord(entry) ||
    typeof entry.hash !== 'string' ||
    !Number.isInteger(entry.fileCount) ||
    (entry.fileCount as number) < 0 ||
    !Array.isArray(entry.findings)
  )
    return false;
  return entry.findings.every(
    (f: unknown) =>
      isRecord(f) &&
      typeof f.ruleId === 'string' &&
      typeof f.message === 'string' &&
      SEVERITIES.includes(f.severity as Severity) &&
      isLocation(f.location) &&
      (f.related === undefined ||
        (Array.isArray(f.related) &&
          f.related.every((r: unknown) => isLocation(r) && typeof r.message === 'string'))) &&
      (f.fingerprint === undefined || typeof f.fingerprint === 'string') &&
      (f.suppressed === undefined ||
        (isRecord(f.suppressed) && typeof f.suppressed.kind === 'string' && typeof f.suppressed.reason === 'string')),
  );
}

/** A file and, when present, a range of whole non-negative numbers: what every formatter reads. */
function isLocation(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || typeof value.file !== 'string') return false;
  if (value.range === undefined) return true;
  const position = (p: unknown) =>
    isRecord(p) &&
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    (p.line as number) >= 0 &&
    (p.character as number) >= 0;
  return isRecord(value.range) && position(value.range.start) && position(value.range.end);
}

function macEquals(a: string, b: string): boolean {
  return a.length === b.length && nodeCrypto().timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The secret that signs cache entries: `LINT_DEPLOY_CACHE_KEY` from the environment (trusted; set it
 * to share a cache between CI runs), else a random key kept in the user's cache directory
 * (`$XDG_CACHE_HOME/lint-deploy/cache-key`, mode 0600, created on first use), else one for this run only.
 */
export function cacheSigningKey(env: Record<string, string | undefined>): string {
  if (env.LINT_DEPLOY_CACHE_KEY) return env.LINT_DEPLOY_CACHE_KEY;
  const home = env.HOME || (require('node:os') as typeof os).homedir();
  const dir = path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'lint-deploy');
  const file = path.join(dir, 'cache-key');
  const read = readRegularFile(file, 1024, { noFollow: true });
  if (read.ok && read.bytes.length >= 32) return read.bytes.toString('utf8').trim();
  const key = nodeCrypto().randomBytes(32).toString('hex');
  if (!read.ok && read.reason === 'missing') {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileAtomic(file, key, { explicit: false, exclusive: true, what: 'cache key', mode: 0o600 });
      return key;
    } catch {
      // read-only home, or another process made it first: read it again below
    }
    const again = readRegularFile(file, 1024, { noFollow: true });
    if (again.ok && again.bytes.length >= 32) return again.bytes.toString('utf8').trim();
  }
  return key;
}
