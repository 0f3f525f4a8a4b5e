import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CACHE_FILE } from '../core/config';
import type { Finding, Severity } from '../core/types';

/**
 * `--cache` (ESLint-style): a deployment whose files did not change since the last run is not
 * parsed or checked again; its findings come from the cache file. The whole cache is keyed by
 * tool version + configuration + rule set (`cacheKey`); a cache written under another key, or one
 * that does not parse or has the wrong shape, is ignored (and rewritten), never trusted.
 * Entries are validated again when used: a damaged entry is a miss, not a crash.
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
}

interface CacheFile {
  format: string;
  key: string;
  strategy: CacheStrategy;
  entries: Record<string, CachedDeployment>;
}

/** Why a cache file on disk was not used (for `--debug`/tests); undefined when it was. */
export type CacheRejection = 'missing' | 'unreadable' | 'corrupt' | 'stale';

export class LintCache {
  private entries: Record<string, CachedDeployment> = Object.create(null) as Record<string, CachedDeployment>;
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;
  readonly rejected?: CacheRejection;

  constructor(
    readonly file: string,
    readonly key: string,
    readonly strategy: CacheStrategy = 'content',
  ) {
    this.rejected = this.load();
  }

  private load(): CacheRejection | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return 'corrupt';
    }
    if (!isRecord(data) || data.format !== CACHE_FORMAT || !isRecord(data.entries) || typeof data.key !== 'string') return 'corrupt';
    if (data.key !== this.key || data.strategy !== this.strategy) return 'stale';
    this.entries = Object.assign(Object.create(null) as Record<string, CachedDeployment>, data.entries as Record<string, CachedDeployment>);
    return undefined;
  }

  /** The deployment's files minus the cache file itself (it would change every deployment that holds it). */
  withoutOwnFiles(files: string[]): string[] {
    const own = (f: string) => f === this.file || (f.startsWith(`${this.file}.`) && f.endsWith('.tmp'));
    return files.some(own) ? files.filter((f) => !own(f)) : files;
  }

  /** Hash of a deployment: its root, then each file's path and bytes (or size and mtime), in order. */
  hashDeployment(root: string, files: readonly string[]): string {
    const hash = createHash('sha256');
    hash.update(`${root}\0${files.length}\0`);
    for (const file of files) {
      hash.update(`${path.relative(root, file)}\0`);
      try {
        if (this.strategy === 'metadata') {
          const stat = fs.statSync(file);
          hash.update(`${stat.size}:${stat.mtimeMs}`);
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
    if (entry && entry.hash === hash && isValidEntry(entry)) {
      this.hits++;
      this.used.add(root);
      return entry;
    }
    this.misses++;
    return undefined;
  }

  set(root: string, entry: CachedDeployment): void {
    this.entries[root] = entry;
    this.used.add(root);
  }

  /**
   * Writes the cache atomically (temporary file + rename). Entries of deployments this run did
   * not visit are kept (another shard or path may need them). Never throws: a cache that cannot be
   * written only costs time next run.
   */
  save(): boolean {
    const data: CacheFile = { format: CACHE_FORMAT, key: this.key, strategy: this.strategy, entries: this.entries };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(data));
      fs.renameSync(temporary, this.file);
      return true;
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // nothing to clean up
      }
      return false;
    }
  }
}

/**
 * The key that invalidates the whole cache: tool version, the resolved config, CLI overrides and
 * every rule's id, severity and default options, plus size+mtime of local plugin modules.
 */
export function cacheKey(parts: { toolVersion: string; config: unknown; ruleOverrides?: unknown; java?: unknown; rules: { id: string; severity: string; defaultOptions?: unknown }[]; plugins?: string[]; extra?: unknown }): string {
  const plugins = (parts.plugins ?? []).map((p) => {
    if (!path.isAbsolute(p)) return p;
    try {
      const stat = fs.statSync(p);
      return `${p}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return `${p}:missing`;
    }
  });
  const text = JSON.stringify([CACHE_FORMAT, parts.toolVersion, parts.config, parts.ruleOverrides ?? null, parts.java ?? null, parts.rules, plugins, parts.extra ?? null]);
  return createHash('sha256').update(text).digest('hex');
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
  if (!isRecord(entry) || typeof entry.hash !== 'string' || !Number.isInteger(entry.fileCount) || (entry.fileCount as number) < 0 || !Array.isArray(entry.findings)) return false;
  return entry.findings.every(
    (f: unknown) =>
      isRecord(f) &&
      typeof f.ruleId === 'string' &&
      typeof f.message === 'string' &&
      SEVERITIES.includes(f.severity as Severity) &&
      isRecord(f.location) &&
      typeof f.location.file === 'string' &&
      (f.related === undefined || (Array.isArray(f.related) && f.related.every((r: unknown) => isRecord(r) && typeof r.file === 'string' && typeof r.message === 'string'))),
  );
}
