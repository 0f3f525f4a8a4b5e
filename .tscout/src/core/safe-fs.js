"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeReadFailure = describeReadFailure;
exports.formatBytes = formatBytes;
exports.readRegularFile = readRegularFile;
exports.isInside = isInside;
exports.realPathResolver = realPathResolver;
exports.lexists = lexists;
exports.writeFileAtomic = writeFileAtomic;
/**
 * File access for a tree that may be hostile (docs/security.md): reads that never block on a FIFO,
 * never run away on /dev/zero and can refuse symbolic links; writes that are atomic (temporary file
 * in the same directory + rename) and never go through a symbolic link unless the user named the path.
 */
const node_crypto_1 = require("./node-crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const types_1 = require("./types");
/** What a failed read means, for one-line messages ("is a symbolic link", "is over 1 MB"…). */
function describeReadFailure(failure, maxBytes) {
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
function formatBytes(bytes) {
    return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;
}
/**
 * Reads a regular file of at most `maxBytes`. Opened non-blocking (a FIFO cannot hang the run),
 * checked with fstat on the open descriptor (no race between check and read), read in a bounded
 * loop (a file that grows, or a device reporting size 0, stops at the limit). `noFollow`: a symbolic
 * link at the path itself is refused.
 */
function readRegularFile(file, maxBytes, options = {}) {
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (options.noFollow ? fs.constants.O_NOFOLLOW : 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { ok: false, reason: 'missing', code };
        if (code === 'ELOOP' && options.noFollow)
            return { ok: false, reason: 'symlink', code };
        if (code === 'ENXIO')
            return { ok: false, reason: 'not-a-regular-file', code }; // a socket
        return { ok: false, reason: 'unreadable', code };
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile())
            return { ok: false, reason: 'not-a-regular-file' };
        if (stat.size > maxBytes)
            return { ok: false, reason: 'too-large', size: stat.size };
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
            const read = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0)
                break;
            chunks.push(chunk.subarray(0, read));
            total += read;
            if (total > maxBytes)
                return { ok: false, reason: 'too-large', size: total };
        }
        return { ok: true, bytes: Buffer.concat(chunks, total) };
    }
    catch (error) {
        return { ok: false, reason: 'unreadable', code: error.code };
    }
    finally {
        fs.closeSync(fd);
    }
}
/** Whether `file` (made real) lies in `dir` (real). */
function isInside(file, dir, realpath = fs.realpathSync) {
    let real;
    try {
        real = realpath(file);
    }
    catch {
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
function realPathResolver() {
    const known = new Map();
    const resolve = (file) => {
        const absolute = path.resolve(file);
        let real = known.get(absolute);
        if (real !== undefined)
            return real;
        const parent = path.dirname(absolute);
        if (parent === absolute || fs.lstatSync(absolute).isSymbolicLink())
            real = fs.realpathSync(absolute);
        else
            real = path.join(resolve(parent), path.basename(absolute));
        known.set(absolute, real);
        return real;
    };
    return resolve;
}
/** Whether anything (a file, a directory, a link, dangling or not) has this name. */
function lexists(file) {
    try {
        fs.lstatSync(file);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Writes `data` to `file` atomically: a temporary file in the same directory (created O_EXCL, so
 * never through a link), flushed, then renamed over the target. A failed write (disk full, file
 * size limit) leaves the previous content whole. A symbolic link at `file` is refused with a
 * UsageError unless `explicit`; then its target is written (atomically when it is a regular file;
 * directly when it is a device or pipe such as /dev/stdout, which cannot be renamed over).
 */
function writeFileAtomic(file, data, options) {
    let target = file;
    let existing;
    try {
        existing = fs.lstatSync(file);
    }
    catch {
        existing = undefined;
    }
    if (existing && options.exclusive)
        throw new types_1.UsageError(`${file} already exists; not overwriting it`);
    if (existing?.isSymbolicLink()) {
        if (!options.explicit)
            throw new types_1.UsageError(`Refusing to write the ${options.what} to ${file}: it is a symbolic link (name the path with its option to write through it)`);
        target = resolveLink(file);
        try {
            existing = fs.statSync(target);
        }
        catch {
            existing = undefined;
        }
    }
    if (existing?.isDirectory())
        throw writeError(file, 'EISDIR');
    if (existing && !existing.isFile()) {
        if (!options.explicit)
            throw new types_1.UsageError(`Refusing to write the ${options.what} to ${file}: it is not a regular file`);
        try {
            fs.writeFileSync(target, data);
            return;
        }
        catch (error) {
            throw writeError(file, error.code);
        }
    }
    const dir = path.dirname(target);
    const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${(0, node_crypto_1.nodeCrypto)().randomBytes(6).toString('hex')}.tmp`);
    let fd;
    try {
        fs.mkdirSync(dir, { recursive: true });
        fd = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, existing ? existing.mode & 0o7777 : (options.mode ?? 0o666));
        const buffer = typeof data === 'string' ? Buffer.from(data) : data;
        for (let offset = 0; offset < buffer.length;)
            offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = undefined;
        if (options.exclusive) {
            // link() fails when the name exists (as a file or a link): no window in which it is replaced.
            fs.linkSync(temporary, target);
            fs.unlinkSync(temporary);
        }
        else {
            fs.renameSync(temporary, target);
        }
    }
    catch (error) {
        if (fd !== undefined)
            fs.closeSync(fd);
        removeQuietly(temporary);
        const code = error.code;
        if (code === 'EEXIST' && options.exclusive)
            throw new types_1.UsageError(`${file} already exists; not overwriting it`);
        throw writeError(file, code);
    }
}
function removeQuietly(file) {
    try {
        fs.rmSync(file, { force: true });
    }
    catch {
        // the directory is gone or not one: nothing was left there
    }
}
function writeError(file, code) {
    return new types_1.UsageError(`Cannot write ${file}: ${code ?? 'error'}`);
}
/** The final target of a symbolic link, following a chain (a dangling link names a file still to create). */
function resolveLink(link) {
    let current = link;
    for (let hops = 0; hops < 40; hops++) {
        let stat;
        try {
            stat = fs.lstatSync(current);
        }
        catch {
            return current;
        }
        if (!stat.isSymbolicLink())
            return current;
        current = path.resolve(path.dirname(current), fs.readlinkSync(current));
    }
    throw new types_1.UsageError(`Cannot write ${link}: ELOOP`);
}
