/**
 * File access for a tree that may be hostile (docs/security.md): reads that never block on a FIFO,
 * never run away on /dev/zero and can refuse symbolic links; writes that are atomic (temporary file
 * in the same directory + rename) and never go through a symbolic link unless the user named the path.
 */
import { nodeCrypto } from './node-crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './types';

export type SafeReadFailure = 'missing' | 'symlink' | 'not-a-regular-file' | 'too-large' | 'unreadable';

export type SafeRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: SafeReadFailure; code?: string; size?: number };

/** What a failed read means, for one-line messages ("is a symbolic link", "is over 1 MB"…). */
export function describeReadFailure(failure: Extract<SafeRead, { ok: false }>, maxBytes: number): string {
  switch (failure.reason) {
    case 'missing':
      return 'does not exist';
    case 'symlink':
      return 'is a symbolic link (not followed)';
    case 'not-a-regular-file':
      return 'is not a regular file (a FIFO, device or directory is never read)';
    case 'too-large':
      return `is over the ${formatBytes(maxBytes)} limit`;
    case 'unreadable':
      return `cannot be read (${failure.code ?? 'EIO'})`;
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads a regular file of at most `maxBytes`. Opened non-blocking (a FIFO cannot hang the run),
 * checked with fstat on the open descriptor (no race between check and read), read in a bounded
 * loop (a file that grows, or a device reporting size 0, stops at the limit). `noFollow`: a symbolic
 * link at the path itself is refused.
 */
export function readRegularFile(file: string, maxBytes: number, options: { noFollow?: boolean } = {}): SafeRead {
  let fd: number;
  try {
    fd = fs.openSync(
      file,
      fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (options.noFollow ? fs.constants.O_NOFOLLOW : 0),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', code };
    if (code === 'ELOOP' && options.noFollow) return { ok: false, reason: 'symlink', code };
    if (code === 'ENXIO') return { ok: false, reason: 'not-a-regular-file', code }; // a socket
    return { ok: false, reason: 'unreadable', code };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-regular-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, reason: 'too-large', size: total };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: (error as NodeJS.ErrnoException).code };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `file` (made real) lies in `dir` (real). */
export function isInside(file: string, dir: string, realpath: (file: string) => string = fs.realpathSync): boolean {
  let real: string;
  try {
    real = realpath(file);
  } catch {
    real = path.resolve(file);
  }
  return real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * `fs.realpathSync` for many paths under the same directories (2,000 deployment roots of a fleet): the
 * real path of each directory is remembered, so a path costs one `lstat` of its last segment instead of
 * one per segment. A link anywhere is resolved by `fs.realpathSync` itself. For absolute paths; throws as
 * `fs.realpathSync` does (ENOENT).
 */
export function realPathResolver(): (file: string) => string {
  const known = new Map<string, string>();
  const resolve = (file: string): string => {
    const absolute = path.resolve(file);
    let real = known.get(absolute);
    if (real !== undefined) return real;
    const parent = path.dirname(absolute);
    if (parent === absolute || fs.lstatSync(absolute).isSymbolicLink()) real = fs.realpathSync(absolute);
    else real = path.join(resolve(parent), path.basename(absolute));
    known.set(absolute, real);
    return real;
  };
  return resolve;
}

/** Whether anything (a file, a directory, a link, dangling or not) has this name. */
export function lexists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export interface AtomicWriteOptions {
  /** The user named this path on the command line: a symbolic link there is followed (its target is replaced). */
  explicit: boolean;
  /** What is written, for the one-line refusal ("SARIF report", "baseline", "cache"). */
  what: string;
  /** Never replace an existing file or link (`--init`). */
  exclusive?: boolean;
  /** Permissions of a new file (default 0666 less the umask). */
  mode?: number;
}

/**
 * Writes `data` to `file` atomically: a temporary file in the same directory (created O_EXCL, so
 * never through a link), flushed, then renamed over the target. A failed write (disk full, file
 * size limit) leaves the previous content whole. A symbolic link at `file` is refused with a
 * UsageError unless `explicit`; then its target is written (atomically when it is a regular file;
 * directly when it is a device or pipe such as /dev/stdout, which cannot be renamed over).
 */
export function writeFileAtomic(file: string, data: string | Buffer, options: AtomicWriteOptions): void {
  let target = file;
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(file);
  } catch {
    existing = undefined;
  }
  if (existing && options.exclusive) throw new UsageError(`${file} already exists; not overwriting it`);
  if (existing?.isSymbolicLink()) {
    if (!options.explicit)
      throw new UsageError(
        `Refusing to write the ${options.what} to ${file}: it is a symbolic link (name the path with its option to write through it)`,
      );
    target = resolveLink(file);
    try {
      existing = fs.statSync(target);
    } catch {
      existing = undefined;
    }
  }
  if (existing?.isDirectory()) throw writeError(file, 'EISDIR');
  if (existing && !existing.isFile()) {
    if (!options.explicit)
      throw new UsageError(`Refusing to write the ${options.what} to ${file}: it is not a regular file`);
    try {
      fs.writeFileSync(target, data);
      return;
    } catch (error) {
      throw writeError(file, (error as NodeJS.ErrnoException).code);
    }
  }
  const dir = path.dirname(target);
  const temporary = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fd = fs.openSync(
      temporary,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW,
      existing ? existing.mode & 0o7777 : (options.mode ?? 0o666),
    );
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    for (let offset = 0; offset < buffer.length; ) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (options.exclusive) {
      // link() fails when the name exists (as a file or a link): no window in which it is replaced.
      fs.linkSync(temporary, target);
      fs.unlinkSync(temporary);
    } else {
      fs.renameSync(temporary, target);
    }
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && options.exclusive) throw new UsageError(`${file} already exists; not overwriting it`);
    throw writeError(file, code);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the directory is gone or not one: nothing was left there
  }
}

function writeError(file: string, code: string | undefined): UsageError {
  return new UsageError(`Cannot write ${file}: ${code ?? 'error'}`);
}

/** The final target of a symbolic link, following a chain (a dangling link names a file still to create). */
function resolveLink(link: string): string {
  let current = link;
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new UsageError(`Cannot write ${link}: ELOOP`);
}
