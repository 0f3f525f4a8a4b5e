/**
 * What a script's piece of configuration says beyond its text, once read (./embedded.ts): the shell's expansions as
 * template values, the script's blocks that write some of its pieces as branches, a start the tree does not show, and
 * lines that look like a here-document's end but are not.
 */
import type { ParsedDocument, ParseProblem } from './types';
import * as path from 'node:path';
import type { Range } from '../core/types';
import type { TemplateBranch, TemplateInfo, TemplateSpan } from './template';
import type { EmbeddedRegion } from './yaml-blocks';
import { whenWritten } from './embedded-pieces';

/**
 * A problem on a line that looks like the here-document's end but is not (blanks around the delimiter) says why the
 * command reads that line: uma-ibmmq's backupqmgr.sh ends its last `runmqsc QM1 <<EOF` with `EOF  `, so runmqsc gets
 * `EOF` as a command (bash: "here-document at line 53 delimited by end-of-file (wanted `EOF')").
 */
export function explainNearEnds(doc: ParsedDocument, unterminated: NonNullable<EmbeddedRegion['unterminated']>): void {
  const { delimiter, nearEnds } = unterminated;
  for (const problem of doc.problems) {
    if (!nearEnds.includes(problem.range.start.line)) continue;
    const why = (written: string) =>
      `This line does not end the here-document: the shell ends it only at a line that is exactly '${written}', without blanks around it, so the here-document runs to the end of the file and this line is part of it. ${problem.message}`;
    // A message that is a template (ParseProblem.data, .lines) takes the delimiter as a value; a plain one as text.
    if (problem.data || problem.lines) {
      problem.message = why('{{delimiter}}');
      problem.data = { ...problem.data, delimiter };
    } else problem.message = why(delimiter);
  }
}

/**
 * A file a script only appends to (`cat <<EOF >> /etc/nginx/nginx.conf`, no earlier `>`) starts with what the image or
 * another step wrote, which the tree does not show: that start may open the block a `}` here closes, or set what this
 * text sets again. Its parse problems are infos that say so, never errors.
 */
export function withUnknownStart(problem: ParseProblem, region: EmbeddedRegion): ParseProblem {
  return {
    ...problem,
    severity: 'info',
    message: `${problem.message} (the script appends this text with >> to a file whose start the tree does not show: ${startOf(region)} may open or set what this text closes or sets again)`,
  };
}

/** What a headless file starts with, said: the piece the script writes first, or the image's file. */
function startOf(region: EmbeddedRegion): string {
  if (region.unknownStart) return `its start, which the script writes first (${region.unknownStart}),`;
  return `the ${region.container.replace(/^heredoc to /, '')} of the image or of an earlier step`;
}

/**
 * The pieces of a file that a script writes only when some of its blocks run, as template branches: a finding on one
 * says when it holds (`only when the script runs `if [ -f "$DHPARAM_PATH" ]` (line 196)`), with that line as a related
 * place. A finding on a file of the tree the script copies in (`cat /etc/nginx/part2.cfg >> …`: every line of it sits
 * at that word) names the file, with the file as a related place.
 */
export function withPieceBranches(
  template: TemplateInfo | undefined,
  region: EmbeddedRegion,
  body: string,
): TemplateInfo | undefined {
  if (!region.branches && !region.copied) return template;
  const lastColumn = new Map(region.lines.map((l) => [l.line, l.column + l.text.length]));
  const lineRange = (line: number, from: number, to: number): Range => ({
    start: { line, character: from },
    end: { line, character: to },
  });
  const branches: TemplateBranch[] = (region.branches ?? []).map(({ first, last, blocks }) => {
    const innermost = blocks.at(-1)!; // a piece is a branch only when some block is around it
    const clause = whenWritten(blocks);
    return {
      condition: innermost.said,
      range: { start: { line: first, character: 0 }, end: { line: last, character: lastColumn.get(last) ?? 0 } },
      clause,
      related: {
        range: lineRange(innermost.line, 0, innermost.length),
        message: `this piece of the file is written ${clause}`,
      },
    };
  });
  const copied: TemplateBranch[] = [];
  for (const { file, line, column } of region.copied ?? []) {
    const within = branches.find((b) => b.range.start.line <= line && line <= b.range.end.line);
    const name = path.basename(file);
    copied.push({
      condition: name,
      range: lineRange(line, column, column),
      clause: `in ${name}, which the script copies into the file here${within ? `, ${within.clause}` : ''}`,
      related: { file, range: lineRange(0, 0, 0), message: `the text the script copies (${name})` },
    });
  }
  const base = template ?? { engines: [], spans: [], masked: body, branches: [] };
  return { ...base, branches: [...base.branches, ...branches], ...(copied.length > 0 && { copied }) };
}

/** `$VAR`, `${VAR…}`, `$(…)` and backquotes: what a shell expands in a heredoc or a double-quoted string. */
const SHELL_EXPANSION = /\$\{[^}\n]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\([^)\n]*\)|`[^`\n]*`/g;

/**
 * The shell expansions of a region as template values at their place in the enclosing file: a finding that rests
 * on one (`SSLCIPH('${SSLCIPH}')`) is about a value the script decides when it runs (src/engine/run/template-values.ts).
 */
export function shellExpansions(region: EmbeddedRegion, body: string): TemplateInfo | undefined {
  const spans: TemplateSpan[] = [];
  let offset = 0;
  for (const line of region.lines) {
    const written = (character: number) => line.column + (line.written ? line.written(character) : character);
    for (const m of line.text.matchAll(SHELL_EXPANSION)) {
      const at = m.index ?? 0;
      spans.push({
        kind: 'value',
        engine: 'env',
        text: m[0],
        start: offset + at,
        end: offset + at + m[0].length,
        range: {
          start: { line: line.line, character: written(at) },
          end: { line: line.line, character: written(at + m[0].length) },
        },
        unknownBecause: `a shell expansion in the ${region.container}, put in when the script runs`,
      });
    }
    offset += line.text.length + 1;
  }
  return spans.length > 0 ? { engines: ['env'], spans, masked: body, branches: [] } : undefined;
}
