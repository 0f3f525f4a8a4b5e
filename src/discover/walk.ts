import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Severity, TreeLink } from '../core/types';
import { mayBeRead } from '../parse/registry';

const ALWAYS_IGNORED_DIRS = new Set(['node_modules', '.git']);
/**
 * Build output a build writes beside its build file and sources: Maven's `target/` (pom.xml), Gradle's `build/`
 * (build.gradle[.kts]). What it holds is a copy of the sources (`target/classes/application.yml` of
 * `src/main/resources/application.yml`), rebuilt with every package: read twice, every finding would be reported twice.
 */
const BUILD_OUTPUT_DIRS: Readonly<Record<string, readonly string[]>> = {
  target: ['pom.xml'],
  build: ['build.gradle', 'build.gradle.kts'],
};

function isBuildOutput(name: string, siblings: readonly fs.Dirent[]): boolean {
  const buildFiles = BUILD_OUTPUT_DIRS[name];
  return (
    !!buildFiles &&
    siblings.some((e) => e.isDirectory() && e.name === 'src') &&
    siblings.some((e) => e.isFile() && buildFiles.includes(e.name))
  );
}

/**
 * Files an editor or a patch tool leaves beside the file it edits, which no server loads by its own convention: Emacs
 * and Vim backups (`default.conf~`), Emacs auto-save and lock files (`#default.conf#`, `.#default.conf`), Vim swap
 * files (`.default.conf.swp`, `.swo`…), and the `.orig` and `.rej` files patch(1) and merge tools write. A `.bak` is
 * read: people make it by hand, keep it to swap back, and may name it in a mount or an include.
 */
const EDITOR_LEFTOVER = /~$|^#.*#$|^\.#|\.sw[a-p]$|\.(?:orig|rej)$/;

/** Whether a file's name is one an editor or a patch tool leaves ({@link EDITOR_LEFTOVER}). */
export function isEditorLeftover(file: string): boolean {
  return EDITOR_LEFTOVER.test(path.basename(file));
}

export interface WalkResult {
  /** Regular files (and symbolic links to files inside the root), sorted. */
  files: string[];
  /**
   * Editor and patch leftovers (isEditorLeftover), sorted: not configuration, read only when a file that is names one
   * (src/engine/lint.ts) or the command line does.
   */
  setAside: string[];
  /** What the walk could not or would not read, as file-level findings: never silently lost. */
  notes: Finding[];
  /**
   * The symbolic links it met, followed or not: what may enable a file nginx would not otherwise read (a
   * `sites-enabled/x -> ../sites-available/x`) is read from these, not from the file system again (src/model/nginx-enablers.ts).
   */
  links?: TreeLink[];
}

function note(file: string, code: string, severity: Severity, message: string): Finding {
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
function danglingTarget(link: string): string {
  const target = fs.readlinkSync(link);
  if (/^[A-Za-z]:[\\/]/.test(target)) return target;
  return path.resolve(fs.realpathSync(path.dirname(link)), target);
}

const KIND_OF_ENTRY: [(d: fs.Dirent) => boolean, string][] = [
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
export function walk(
  root: string,
  isIgnored: (file: string) => boolean,
  skipRoots: ReadonlySet<string> = new Set(),
  realpath: (file: string) => string = fs.realpathSync,
): WalkResult {
  const files: string[] = [];
  const setAside: string[] = [];
  const notes: Finding[] = [];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    return { files, setAside, notes };
  }
  if (!stat.isDirectory()) return { files: [root], setAside, notes };
  const realRoot = realpath(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  const visitedDirs = new Set<string>([realRoot]);

  const base = path.resolve(root);
  // The real path of a directory found by the walk; when the root is no link (the usual case) and so
  // `full` is already `base` + separator + names, it is `full` itself: no path.relative + path.join.
  const realPathOf = (full: string) =>
    base === realRoot && !base.endsWith(path.sep) ? full : path.join(realRoot, path.relative(base, full));
  /** Links to directories wait until the real tree is walked, so a real path is always preferred. */
  const linkedDirs: { link: string; real: string }[] = [];
  const linkedFiles: { link: string; real: string }[] = [];
  const links: TreeLink[] = [];

  // An explicit stack, not recursion: trees 10,000 directories deep must not overflow the call stack.
  const pending: string[] = [];
  const visit = (start: string) => {
    pending.push(start);
    while (pending.length) readDirectory(pending.pop() as string);
  };
  const readDirectory = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      notes.push(
        note(
          dir,
          'unreadable-directory',
          'warning',
          `Cannot read this directory (${code}): the files in it are not checked`,
        ),
      );
      return;
    }
    for (const entry of entries) {
      const full = dir + path.sep + entry.name;
      if (entry.isDirectory()) {
        if (!ALWAYS_IGNORED_DIRS.has(entry.name) && !skipRoots.has(full) && !isBuildOutput(entry.name, entries)) {
          visitedDirs.add(realPathOf(full));
          pending.push(full);
        }
      } else if (entry.isFile()) {
        if (!isIgnored(full)) (isEditorLeftover(entry.name) ? setAside : files).push(full);
      } else if (entry.isSymbolicLink()) {
        // An Emacs lock file (`.#default.conf`) is a link to `user@host.pid`: nothing to follow or to report.
        if (!isIgnored(full) && !isEditorLeftover(entry.name)) followLink(full);
      } else if (!isIgnored(full)) {
        const what = KIND_OF_ENTRY.find(([test]) => test(entry))?.[1] ?? 'not a regular file';
        notes.push(note(full, 'not-a-regular-file', 'info', `This is ${what}, not a file: it is never opened`));
      }
    }
  };

  const followLink = (link: string) => {
    let real: string;
    let target: fs.Stats;
    try {
      real = fs.realpathSync(link);
      target = fs.statSync(real);
    } catch (error) {
      links.push({ link });
      // A dangling link lint-deploy would never read whatever it held (a Makefile or `ci` linked into a submodule
      // that is not checked out, terraform-ibm-modules/terraform-ibm-websphere-liberty-operator): nothing to say.
      if (!mayBeRead(link)) return;
      // A target outside the tree (`/etc/ssl/ca.pem`, `C:/Certbot/live/…/fullchain.pem`, `../../shared/x`) is a file
      // of the machine the tree is deployed on, not of this checkout: its absence here says nothing about there.
      if (!inside(danglingTarget(link))) {
        notes.push(
          note(
            link,
            'symlink-outside-deployment',
            'info',
            'Symbolic link points outside the deployment, to a path absent here: not followed, and whether it exists where the tree is deployed is unknown',
          ),
        );
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ELOOP' ? 'it loops' : code === 'ENOENT' ? 'its target does not exist' : (code ?? 'error');
      notes.push(
        note(
          link,
          'broken-symlink',
          'warning',
          `Symbolic link cannot be followed (${why}): a program reading this path fails too`,
        ),
      );
      return;
    }
    if (!inside(real)) {
      links.push({ link });
      notes.push(
        note(
          link,
          'symlink-outside-deployment',
          'info',
          'Symbolic link points outside the deployment: not followed (lint the target where it lives)',
        ),
      );
      return;
    }
    links.push({ link, target: path.join(base, path.relative(realRoot, real)) });
    if (target.isDirectory()) linkedDirs.push({ link, real });
    else if (target.isFile()) linkedFiles.push({ link, real });
    else {
      const what = target.isFIFO() ? 'a named pipe (FIFO)' : target.isSocket() ? 'a socket' : 'a device';
      notes.push(note(link, 'not-a-regular-file', 'info', `Symbolic link to ${what}, not a file: it is never opened`));
    }
  };

  visit(base);
  while (linkedDirs.length) {
    const { link, real } = linkedDirs.shift() as { link: string; real: string };
    if (visitedDirs.has(real) || skipRoots.has(link)) continue; // walked already through another path
    visitedDirs.add(real);
    visit(link);
  }
  // A link to a file that the walk lists anyway would be read twice: keep the file, drop the link.
  const listed = new Set(files);
  for (const { link, real } of linkedFiles) {
    if (!listed.has(path.join(base, path.relative(realRoot, real)))) files.push(link);
  }
  return { files: files.sort(), setAside: setAside.sort(), notes, links };
}
