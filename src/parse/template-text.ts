/** UTF-16 code-unit helpers of the template scan: set syntax aside in place, keep offsets, find line ends by hand. */

/** Whether only blanks stand between the tag and its line's ends (walked by hand: a tag per line of a large file). */
export function aloneOnLine(text: string, start: number, end: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (!isBlank(c)) return false;
  }
  return blankToLineEnd(text, end);
}

/** Whether only blanks follow `from` up to the end of its line. */
export function blankToLineEnd(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

/** What String.prototype.trim() removes, but line breaks (the callers stop at those). */
function isBlank(c: number): boolean {
  if (c === 32 || c === 9) return true;
  return c < 128 ? c === 11 || c === 12 : /\s/.test(String.fromCharCode(c));
}

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;

/**
 * The text's UTF-16 code units, to set template syntax aside in place: a typed array, not `split('')` (a string per
 * character: generator-jhipster@b622d1a's 1,575 EJS templates, 5 MB, spent a third of the run there).
 */
export function codeUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
  return out;
}

/** String.fromCharCode over an array-like of code units, without copying it to an array first. */
function fromCodes(codes: ArrayLike<number>): string {
  const text: unknown = Reflect.apply(String.fromCharCode, null, codes);
  return typeof text === 'string' ? text : '';
}

/** The text of code units, in chunks (an argument list has a limit); a lone surrogate stays as it is. */
export function textOf(chars: Uint16Array): string {
  let out = '';
  for (let k = 0; k < chars.length; k += 8192) out += fromCodes(chars.subarray(k, k + 8192));
  return out;
}

/** `replacement` written over `chars` from `start` (same length as what it replaces: offsets stay true). */
export function overwrite(chars: Uint16Array, start: number, replacement: string): void {
  for (let k = 0; k < replacement.length; k++) chars[start + k] = replacement.charCodeAt(k);
}
