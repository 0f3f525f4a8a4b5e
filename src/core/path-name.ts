/**
 * The last segment of a path split on `/` and `\` (what `path.split(/[\\/]/).pop()` gives), without the
 * regular expression and the array: classification asks it of every file once per format handler. Walked back by hand
 * to the nearest separator: two `lastIndexOf` calls (a runtime call each, and the `\` one scans the whole path on
 * POSIX) cost ~0.6 µs, 0.6 s of CPU on eugenp/tutorials' 35,000 files.
 */
export function lastPathSegment(filePath: string): string {
  let k = filePath.length - 1;
  for (; k >= 0; k--) {
    const c = filePath.charCodeAt(k);
    if (c === 47 /* / */ || c === 92 /* \ */) break;
  }
  return filePath.slice(k + 1);
}

/**
 * An example of a configuration file, named after it (`server.xml.example`, `application.properties.sample`,
 * `config.yml.dist`): what a user copies and fills in; the product reads the file without the suffix, never this one.
 */
export const EXAMPLE_SUFFIX = /\.(example|sample|dist)$/i;

/** Whether a file is an example of a configuration file by its name (EXAMPLE_SUFFIX). */
export function isExampleFile(filePath: string): boolean {
  return EXAMPLE_SUFFIX.test(lastPathSegment(filePath));
}

/**
 * A file name of source code, a document or data (`.py`, `.sh`, `.md`, `.json`, `.sql`, a patch): never a file a program
 * reads as its own configuration by name alone, even when a directive or a script names it (an nginx include glob, a
 * runmqsc input).
 */
const SOURCE_OR_DATA_NAME =
  /\.([cm]?[jt]sx?|py|rb|go|java|kts?|groovy|scala|php|cs|rs|[ch]|cc|cpp|hpp|swift|lua|pl|sh|bash|zsh|ps1|bat|cmd|md|markdown|rst|adoc|json|ya?ml|toml|xml|css|scss|less|svg|sql|patch|diff|orig|rej)$/i;

/** Whether a file name is one of source code, a document or data ({@link SOURCE_OR_DATA_NAME}). */
export function namedSourceOrData(base: string): boolean {
  return SOURCE_OR_DATA_NAME.test(base);
}
