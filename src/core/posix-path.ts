import * as path from 'node:path';

/** A path segment `.` or `..`, or an empty one (`a//b`): the fast path below needs a normalised path. */
const UNNORMALISED = /(^|[\\/])\.{1,2}([\\/]|$)|[\\/][\\/]/;

/** A path with `/` separators, as reports, globs and messages show paths on every platform. */
export function posixPath(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

/**
 * `path.relative(from, to)` with `/` separators. Model code asks this for every file of every
 * deployment; when `to` lies inside `from` and is already normalised (the walk's paths are) the answer
 * is a slice, without resolving both paths against the working directory as `path.relative` does.
 */
export function relativePosix(from: string, to: string): string {
  if (
    from.length > 0 &&
    to.length > from.length + 1 &&
    to.startsWith(from) &&
    to[from.length] === path.sep &&
    !from.endsWith(path.sep)
  ) {
    const rest = to.slice(from.length + 1);
    if (!UNNORMALISED.test(rest) && !UNNORMALISED.test(from)) return posixPath(rest);
  }
  return posixPath(path.relative(from, to));
}

/** A file as a message names it: its path below `root` with `/` separators, or its base name when it is `root` itself. */
export function shownRelative(root: string, file: string): string {
  return relativePosix(root, file) || path.basename(file);
}
