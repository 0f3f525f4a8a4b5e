/**
 * The text of an embedded region as the reader gets it, and the way back from its positions to the enclosing file's.
 * A folded YAML value (`key: >`) joins a line to the next with a space (EmbeddedLine.joinsNext): those lines are one
 * line of the value, and each position on it goes back to the line it was written on.
 */
import type { Position } from '../core/types';
import { visitPositions } from './rendered';
import type { ParsedDocument } from './types';
import type { EmbeddedLine } from './yaml-blocks';

/** The text a region's value is: its lines, each after the one before on a line of its own or, joined by YAML, after a space. */
export function valueText(lines: readonly EmbeddedLine[], textOf: (line: EmbeddedLine) => string): string {
  let text = '';
  let joined = false;
  for (const [k, line] of lines.entries()) {
    text += (k === 0 ? '' : joined ? ' ' : '\n') + textOf(line);
    joined = line.joinsNext === true;
  }
  return text;
}

/** Moves every position of a document parsed from a region to where it sits in the enclosing file. */
export function remapRanges(doc: ParsedDocument, lines: readonly EmbeddedLine[]): void {
  // Each line of the value: the region's lines it is made of, and where each starts on it.
  const valueLines: { from: number; at: EmbeddedLine }[][] = [];
  let current: { from: number; at: EmbeddedLine }[] = [];
  let from = 0;
  for (const at of lines) {
    current.push({ from, at });
    from += at.text.length + 1;
    if (at.joinsNext) continue;
    valueLines.push(current);
    current = [];
    from = 0;
  }
  if (current.length > 0) valueLines.push(current);
  visitPositions(doc, (p: Position) => {
    const parts = valueLines[Math.min(p.line, valueLines.length - 1)];
    if (!parts) return;
    let part = parts[0];
    for (const x of parts) if (x.from <= p.character) part = x;
    if (!part) return;
    const character = p.character - part.from;
    p.character = part.at.column + (part.at.written ? part.at.written(character) : character);
    p.line = part.at.line;
  });
}
