/**
 * Here-documents of shell scripts as bash reads them (bash(1) "Here Documents": "all lines are read up to a line
 * containing only delimiter (with no trailing blanks) … If the redirection operator is <<-, then all leading tab
 * characters are stripped from input lines and the line containing delimiter"). One reading for every part that
 * skips or reads a here-document's body (./script-regions.ts, ./shell-loops.ts, ../model/mq-resources.ts).
 *
 * What ends `cat <<EOF` (or `cat <<-EOF`), as GNU bash 5.2.15 decided it when checked by hand:
 *
 * | line after the opening            | ends it? |
 * | --------------------------------- | -------- |
 * | `EOF`                             | yes      |
 * | `EOF ` (a blank after it)         | no: text |
 * | `<TAB>EOF` after `<<EOF`          | no: text |
 * | `<TAB>EOF` after `<<-EOF`         | yes      |
 * | `  EOF` (spaces) after `<<-EOF`   | no: text |
 *
 * and `cat <<<EOF` is a here-string (the word EOF as input): no here-document, no body.
 */

/** The opening of a here-document on a line: `<<` or `<<-`, then its delimiter word, bare or quoted. */
export interface HereDocumentOpening {
  /** Where `<<` is on the line. */
  index: number;
  /** `<<-`: leading TABs are stripped from the body's lines and from the line that ends it. */
  stripTabs: boolean;
  /** The delimiter is quoted (`<<'EOF'`, `<<"EOF"`): the body is not expanded. */
  quoted: boolean;
  delimiter: string;
}

// Not a here-string `<<<`: neither a third `<` after the two nor one before them.
const OPENING = /(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_]\w*)\2/;

/** The first here-document a line opens, when it opens one. */
export function hereDocumentOpening(line: string): HereDocumentOpening | undefined {
  const m = OPENING.exec(line);
  return m ? { index: m.index, stripTabs: m[1] === '-', quoted: m[2] !== '', delimiter: m[3]! } : undefined;
}

/** A body line as the here-document gives it: without its leading TABs after `<<-`, else as written. */
export function hereDocumentText(raw: string, opening: HereDocumentOpening): string {
  return opening.stripTabs ? raw.replace(/^\t+/, '') : raw;
}

/** Whether a line ends the here-document: the delimiter alone, not a blank around it (but the TABs `<<-` strips). */
export function endsHereDocument(raw: string, opening: HereDocumentOpening): boolean {
  return hereDocumentText(raw, opening) === opening.delimiter;
}

/** The line that ends the here-document opened at line `at`; `lines.length` when none does (it runs to the end). */
export function hereDocumentEnd(lines: readonly string[], at: number, opening: HereDocumentOpening): number {
  let end = at + 1;
  while (end < lines.length && !endsHereDocument(lines[end]!, opening)) end++;
  return end;
}
