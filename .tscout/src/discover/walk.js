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
exports.walk = walk;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const registry_1 = require("../parse/registry");
const ALWAYS_IGNORED_DIRS = new Set(['node_modules', '.git']);
/**
 * Build output a build writes beside its build file and sources: Maven's `target/` (pom.xml), Gradle's `build/`
 * (build.gradle[.kts]). What it holds is a copy of the sources (`target/classes/application.yml` of
 * `src/main/resources/application.yml`), rebuilt with every package: read twice, every finding would be reported twice.
 */
const BUILD_OUTPUT_DIRS = {
    target: ['pom.xml'],
    build: ['build.gradle', 'build.gradle.kts'],
};
function isBuildOutput(name, siblings) {
    const buildFiles = BUILD_OUTPUT_DIRS[name];
    return (!!buildFiles &&
        siblings.some((e) => e.isDirectory() && e.name === 'src') &&
        siblings.some((e) => e.isFile() && buildFiles.includes(e.name)));
}
function note(file, code, severity, message) {
    return {
        ruleId: `parse/${code}`,
        severity,
        message,
        location: { file },
        fingerprint: `parse/${code}|${path.basename(file)}`,
    };
}
/**
 * Where a dangling link points, as a path: a Windows drive path (`C:/Certbot/…`, written by git on Windows) as
 * written, any other target resolved from the link's real directory.
 */
function danglingTarget(link) {
    const target = fs.readlinkSync(link);
    if (/^[A-Za-z]:[\\/]/.test(target))
        return target;
    return path.resolve(fs.realpathSync(path.dirname(link)), target);
}
const KIND_OF_ENTRY = [
    [(d) => d.isFIFO(), 'a named pipe (FIFO)'],
    [(d) => d.isSocket(), 'a socket'],
    [(d) => d.isCharacterDevice() || d.isBlockDevice(), 'a device'],
];
/**
 * Every file under `root` that lint-deploy should read: a plain readdirSync walk (on 24,000 files it
 * costs a fraction of a glob engine; docs/performance.md). node_modules/.git, a build's output beside its build
 * file and `src/` (Maven `target/`, Gradle `build/`) and directories in `skipRoots` (other deployments) are not entered. Symbolic links are followed only when they stay
 * inside the root, each real directory once (no loops); a link that leaves the root, a dangling or
 * looping link, an unreadable directory and a FIFO/socket/device become findings instead.
 */
function walk(root, isIgnored, skipRoots = new Set(), realpath = fs.realpathSync) {
    const files = [];
    const notes = [];
    let stat;
    try {
        stat = fs.statSync(root);
    }
    catch {
        return { files, notes };
    }
    if (!stat.isDirectory())
        return { files: [root], notes };
    const realRoot = realpath(root);
    const inside = (real) => real === realRoot || real.startsWith(realRoot + path.sep);
    const visitedDirs = new Set([realRoot]);
    const base = path.resolve(root);
    // The real path of a directory found by the walk; when the root is no link (the usual case) and so
    // `full` is already `base` + separator + names, it is `full` itself: no path.relative + path.join.
    const realPathOf = (full) => base === realRoot && !base.endsWith(path.sep) ? full : path.join(realRoot, path.relative(base, full));
    /** Links to directories wait until the real tree is walked, so a real path is always preferred. */
    const linkedDirs = [];
    const linkedFiles = [];
    // An explicit stack, not recursion: trees 10,000 directories deep must not overflow the call stack.
    const pending = [];
    const visit = (start) => {
        pending.push(start);
        while (pending.length)
            readDirectory(pending.pop());
    };
    const readDirectory = (dir) => {
        let entries;
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        }
        catch (error) {
            const code = error.code ?? 'EIO';
            notes.push(note(dir, 'unreadable-directory', 'warning', `Cannot read this directory (${code}): the files in it are not checked`));
            return;
        }
        for (const entry of entries) {
            const full = dir + path.sep + entry.name;
            if (entry.isDirectory()) {
                if (!ALWAYS_IGNORED_DIRS.has(entry.name) && !skipRoots.has(full) && !isBuildOutput(entry.name, entries)) {
                    visitedDirs.add(realPathOf(full));
                    pending.push(full);
                }
            }
            else if (entry.isFile()) {
                if (!isIgnored(full))
                    files.push(full);
            }
            else if (entry.isSymbolicLink()) {
                if (!isIgnored(full))
                    followLink(full);
            }
            else if (!isIgnored(full)) {
                const what = KIND_OF_ENTRY.find(([test]) => test(entry))?.[1] ?? 'not a regular file';
                notes.push(note(full, 'not-a-regular-file', 'info', `This is ${what}, not a file: it is never opened`));
            }
        }
    };
    const followLink = (link) => {
        let real;
        let target;
        try {
            real = fs.realpathSync(link);
            target = fs.statSync(real);
        }
        catch (error) {
            // A dangling link lint-deploy would never read whatever it held (a Makefile or `ci` linked into a submodule
            // that is not checked out, terraform-ibm-modules/terraform-ibm-websphere-liberty-operator): nothing to say.
            if (!(0, registry_1.mayBeRead)(link))
                return;
            // A target outside the tree (`/etc/ssl/ca.pem`, `C:/Certbot/live/…/fullchain.pem`, `../../shared/x`) is a file
            // of the machine the tree is deployed on, not of this checkout: its absence here says nothing about there.
            if (!inside(danglingTarget(link))) {
                notes.push(note(link, 'symlink-outside-deployment', 'info', 'Symbolic link points outside the deployment, to a path absent here: not followed, and whether it exists where the tree is deployed is unknown'));
                return;
            }
            const code = error.code;
            const why = code === 'ELOOP' ? 'it loops' : code === 'ENOENT' ? 'its target does not exist' : (code ?? 'error');
            notes.push(note(link, 'broken-symlink', 'warning', `Symbolic link cannot be followed (${why}): a program reading this path fails too`));
            return;
        }
        if (!inside(real)) {
            notes.push(note(link, 'symlink-outside-deployment', 'info', 'Symbolic link points outside the deployment: not followed (lint the target where it lives)'));
            return;
        }
        if (target.isDirectory())
            linkedDirs.push({ link, real });
        else if (target.isFile())
            linkedFiles.push({ link, real });
        else {
            const what = target.isFIFO() ? 'a named pipe (FIFO)' : target.isSocket() ? 'a socket' : 'a device';
            notes.push(note(link, 'not-a-regular-file', 'info', `Symbolic link to ${what}, not a file: it is never opened`));
        }
    };
    visit(base);
    while (linkedDirs.length) {
        const { link, real } = linkedDirs.shift();
        if (visitedDirs.has(real) || skipRoots.has(link))
            continue; // walked already through another path
        visitedDirs.add(real);
        visit(link);
    }
    // A link to a file that the walk lists anyway would be read twice: keep the file, drop the link.
    const listed = new Set(files);
    for (const { link, real } of linkedFiles) {
        if (!listed.has(path.join(base, path.relative(realRoot, real))))
            files.push(link);
    }
    return { files: files.sort(), notes };
}
