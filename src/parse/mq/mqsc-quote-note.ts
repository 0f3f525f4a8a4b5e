/**
 * A quoted MQSC value left open by a typographic quote (`USERLIST('nobody','*MQADMIN’)`, typed or pasted from a word
 * processor): runmqsc ends a quoted value at an ASCII apostrophe only, so the value runs on and the command fails.
 * tongyy/ibm-mq-spring-boot-jms@c017b99 mq_create.mqsc (no licence) line 19 has one; the bare parse error did not say so.
 */
import type { Position } from '../../core/types';

const LOOKALIKES = /[\u2018\u2019\u201A\u201B\u2032]/;

/** `; ’ (U+2019) at line 19, column 45 is …`, for the first lookalike from `from` on; '' when there is none. */
export function typographicQuoteNote(chars: readonly { ch: string; at: Position }[], from: number): string {
  const found = chars.slice(from).find((c) => LOOKALIKES.test(c.ch));
  if (!found) return '';
  const code = found.ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `; ${found.ch} (U+${code}) at line ${found.at.line + 1}, column ${found.at.character + 1} is a typographic quote, which runmqsc does not take for the ' that ends a quoted value: type ' there`;
}
