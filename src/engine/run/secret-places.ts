import type { Location, Range } from '../../core/types';
import type { Entry, ParsedDocument } from '../../parse/types';
import type { SecretSearch } from './secret-search';

/** Characters of an identifier as a message quotes it: a name, a host, a path (`acme-keycloak-1`, `conf/app.xml`). */
const IDENTIFIER_CHAR = /[A-Za-z0-9._/\\-]/;
const SEGMENT_CHAR = /[A-Za-z0-9._-]/;

/** Lines [from, to] of a file, zero-based and inclusive. */
export interface Lines {
  file: string;
  from: number;
  to: number;
}

/** The last line a half-open range covers: one that ends at a line's first character ends on the line before. */
const lastLine = (range: Range) =>
  range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;

const linesOf = (file: string, range: Range | undefined): Lines | undefined =>
  range && { file, from: range.start.line, to: lastLine(range) };

/** The lines of a place; a whole file when its range is not said. */
export const placeLines = (at: Location): Lines =>
  linesOf(at.file, at.range) ?? { file: at.file, from: 0, to: Number.MAX_SAFE_INTEGER };

/** The lines an entry's key and value are written on, in its own file. */
export const entryLines = (doc: ParsedDocument, entry: Entry): Lines => ({
  file: entry.file ?? doc.file.path,
  from: Math.min(entry.keyRange.start.line, entry.valueRange.start.line),
  to: Math.max(lastLine(entry.keyRange), lastLine(entry.valueRange)),
});

/**
 * Where the tree writes each secret value as a secret (the entry flagged secret, the connection string or login
 * module holding it, a Secret's key), and where it also writes it as an identifier: a backend, service, Deployment or
 * user name, a host, a path (`backend keycloak` in haproxy.cfg when a database password is `keycloak`). Masking such an
 * identifier in a message about that file garbles it and tells the password to whoever opens the file
 * (thomasdarimont/keycloak-project-example: `(backend ***, haproxy.cfg)`); so there it is left, and a secret is still
 * masked in any message about one of its own places. A value the tree gives without its place (a ConfigMap key a
 * variable named like a secret takes) is masked everywhere, as is any secret in a message whose places are not said.
 */
export class SecretPlaces {
  private readonly places = new Map<string, Lines[]>();
  private readonly unplaced = new Set<string>();
  /** Per file, the words it writes around a secret away from that secret's places (`secret NUL word`). */
  private readonly fileWords = new Map<string, Set<string>>();

  constructor(private readonly documents: readonly ParsedDocument[]) {}

  /** Notes a secret value written at `lines` (undefined: the tree's place of it is not known). */
  add(value: string, lines: Lines | undefined): void {
    if (!lines) {
      this.unplaced.add(value);
      return;
    }
    const known = this.places.get(value);
    if (known) known.push(lines);
    else this.places.set(value, [lines]);
  }

  /**
   * Whether the occurrence [start, end) of a secret in `text`, a message about the places `where`, is an identifier
   * that a file of those places writes away from the secret's own places, in a message about none of them: then it is
   * left as written. The file the reader is sent to shows the name in clear; masked, it would tell the password.
   */
  isIdentifier(text: string, start: number, end: number, where: readonly Location[], search: SecretSearch): boolean {
    const secret = text.slice(start, end);
    if (where.length === 0 || this.unplaced.has(secret) || !this.places.has(secret)) return false;
    if (where.some((place) => this.writtenAt(secret, linesOf(place.file, place.range), place.file))) return false;
    const words = wordsAround(text, start, end).map((word) => `${secret}\0${word}`);
    return where.some((place) => {
      const written = this.wordsOf(place.file, search);
      return words.some((word) => written.has(word));
    });
  }

  /** Whether `secret` is written as a secret on any of `lines` (a whole file when they are not said). */
  private writtenAt(secret: string, lines: Lines | undefined, file: string): boolean {
    return (this.places.get(secret) ?? []).some(
      (place) => place.file === file && (!lines || (place.from <= lines.to && lines.from <= place.to)),
    );
  }

  /**
   * The words around each secret occurrence in a file's text, off that secret's own lines, as `secret NUL word`:
   * listed the first time a message about the file may quote one (most messages hold no secret). A file of the tree
   * read as text only: a key store's aliases are its own, not shown in clear.
   */
  private wordsOf(file: string, search: SecretSearch): Set<string> {
    const known = this.fileWords.get(file);
    if (known) return known;
    const words = new Set<string>();
    this.fileWords.set(file, words);
    const source = this.documents.find((doc) => doc.file.path === file && !doc.embedded)?.file;
    if (!source?.text) return words;
    const text = source.text;
    let line = 0;
    let lineEnd = text.indexOf('\n');
    search.matches(text, (start, end) => {
      // Matches come in the order they end: the line of each end advances with them (a secret spans no line break).
      while (lineEnd !== -1 && lineEnd < end - 1) {
        line++;
        lineEnd = text.indexOf('\n', lineEnd + 1);
      }
      const secret = text.slice(start, end);
      if (this.places.has(secret) && !this.writtenAt(secret, { file, from: line, to: line }, file))
        for (const word of wordsAround(text, start, end)) words.add(`${secret}\0${word}`);
      return false;
    });
    return words;
  }
}

/**
 * The identifier an occurrence stands in (`acme-keycloak-1` around `keycloak` in `acme-keycloak-1:8443`), and the
 * path segment it stands in (`conf` in `/opt/app/conf/key.jks`); none when the occurrence spans other characters.
 */
function wordsAround(text: string, start: number, end: number): string[] {
  for (let i = start; i < end; i++) if (!IDENTIFIER_CHAR.test(text[i]!)) return [];
  const around = (word: RegExp) => {
    let from = start;
    let to = end;
    while (from > 0 && word.test(text[from - 1]!)) from--;
    while (to < text.length && word.test(text[to]!)) to++;
    // A sentence's full stop is not part of the name before it.
    return text.slice(from, to).replace(/\.+$/, '');
  };
  return [around(IDENTIFIER_CHAR), around(SEGMENT_CHAR)];
}
