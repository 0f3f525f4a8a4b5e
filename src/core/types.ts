/**
 * Types shared by every pipeline stage: positions, locations, findings.
 *
 * Positions are ZERO-based inside the tool (line and character, as in LSP);
 * formatters convert to one-based at the edge. Files are absolute paths inside
 * the tool; formatters relativise them against `ReportContext.cwd`.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type SeveritySetting = Severity | 'off';

/** Zero-based line and character (UTF-16 code unit) offset. */
export interface Position {
  line: number;
  character: number;
}

/** Half-open range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

/** A place in a file. `range` is absent only when the finding is about a whole file. */
export interface Location {
  /** Absolute path. */
  file: string;
  range?: Range;
}

/**
 * A symbolic link the walk met (src/discover/walk.ts): where it is, and the tree path it leads to, as the walk names
 * that file or directory; undefined when it dangles, loops or leaves the tree.
 */
export interface TreeLink {
  link: string;
  target?: string;
}

export interface RelatedLocation extends Location {
  message: string;
  /**
   * `context`: a place named for the reader only (an example of what a setting admits, where else a value appears):
   * no other value there could make the finding false. A template value there (`$CHANNEL`, `{{ .Values.x }}`) then
   * leaves the finding as it is. Absent: the place decides the finding, and a template value there defers it to an
   * info. Set it only where that holds; the rule tester changes each such place and expects the finding to stay.
   * Not part of the report (json, sarif): a reader sees a related place either way.
   */
  role?: 'context';
}

export interface Suppression {
  kind: 'inSource' | 'baseline';
  reason: string;
}

/** One problem found by a rule (or by a parser, with a `parse/...` rule id). */
export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is (tests and baselines use it; formatters need not). */
  messageId?: string;
  severity: Severity;
  message: string;
  location: Location;
  /**
   * `context`: the finding's own place is named for the reader (a channel the finding is about, whose name no record
   * matches to change it); a template value there defers nothing, as for a related place of that role. Not reported.
   */
  locationRole?: 'context';
  related?: RelatedLocation[];
  /** Deployment root (absolute), when the finding belongs to one. */
  deployment?: string;
  /** Stable identity for baselines: rule + component + key + value, never a line number. */
  fingerprint?: string;
  suppressed?: Suppression;
  /** Link findings: the link's handshake outcome (`fails` for an error, `unknown` for an info naming what to declare). */
  outcome?: 'negotiates' | 'fails' | 'unknown';
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: pos(startLine, startChar), end: pos(endLine, endChar) };
}

/** Whether two locations start at the same place of the same file. */
/** Whether `inner` lies inside `outer` (both zero-based, ends exclusive). */
export function within(inner: Range, outer: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function sameStart(a: Location, b: Location): boolean {
  return (
    a.file === b.file &&
    a.range?.start.line === b.range?.start.line &&
    a.range?.start.character === b.range?.start.character
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.location.file, b.location.file) ||
    (a.location.range?.start.line ?? -1) - (b.location.range?.start.line ?? -1) ||
    (a.location.range?.start.character ?? -1) - (b.location.range?.start.character ?? -1) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An error the user must fix before the run can happen (bad usage, bad config): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
