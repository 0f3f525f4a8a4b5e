/**
 * The last segment of a path split on `/` and `\` (what `path.split(/[\\/]/).pop()` gives), without the
 * regular expression and the array: classification asks it of every file once per format handler.
 */
export function lastPathSegment(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}
