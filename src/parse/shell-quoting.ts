/**
 * The quoted parts of a shell word as bash(1) QUOTING reads them, for ./shell-commands.ts: where a quote or an
 * expansion (`$(…)`, `${…}`, `` `…` ``) closes, the text of `"…"` and of `$'…'` (ANSI-C escapes applied).
 */

/** The escapes of `$'…'` that stand for one character (bash(1) QUOTING); `\xHH` and octal are read apart. */
const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
};

/** The offset of the unescaped `quote` closing a quoted part that starts at `from` (`end` when unclosed). */
export function closing(text: string, from: number, end: number, quote: string): number {
  for (let k = from; k < end; k++) {
    if (text[k] === quote) return k;
    if (quote !== "'" && text[k] === '\\') k++;
  }
  return end;
}

/** The offset just past the `close` that ends an expansion opened before `from`, quotes and nesting included. */
export function nestedEnd(text: string, from: number, end: number, close: string): number {
  const open = close === ')' ? '(' : '{';
  let depth = 1;
  for (let k = from; k < end; k++) {
    const c = text[k]!;
    if (c === '\\') k++;
    else if (c === "'" || c === '"' || c === '`') k = closing(text, k + 1, end, c);
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return k + 1;
  }
  return end;
}

/**
 * Reads `"…"` from after its opening quote; returns the offset past the closing one. Marks the word's backslashes and
 * backquotes.
 */
export function readDoubleQuoted(
  text: string,
  from: number,
  end: number,
  add: (c: string, at: number) => void,
  word: { escapes: boolean; backquotes: boolean },
): number {
  let k = from;
  while (k < end && text[k] !== '"') {
    const c = text[k]!;
    word.escapes ||= c === '\\';
    word.backquotes ||= c === '`';
    if (c === '\\' && text[k + 1] === '\n') k += 2;
    else if (c === '\\' && /["\\$`]/.test(text[k + 1] ?? '')) {
      add(text[k + 1]!, k + 1);
      k += 2;
    } else if ((c === '$' && (text[k + 1] === '(' || text[k + 1] === '{')) || c === '`') {
      const close =
        c === '`' ? closing(text, k + 1, end, '`') + 1 : nestedEnd(text, k + 2, end, text[k + 1] === '(' ? ')' : '}');
      for (; k < Math.min(close, end); k++) add(text[k]!, k);
    } else add(c, k++);
  }
  return k + 1;
}

/** Reads `$'…'` from after its opening quote (escapes applied, each at its backslash); returns the offset past it. */
export function readAnsiC(text: string, from: number, end: number, add: (c: string, at: number) => void): number {
  let k = from;
  while (k < end && text[k] !== "'") {
    if (text[k] !== '\\' || k + 1 >= end) {
      add(text[k]!, k++);
      continue;
    }
    const e = text[k + 1]!;
    const hex = /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(k + 1, k + 4));
    const octal = /^[0-7]{1,3}/.exec(text.slice(k + 1, k + 4));
    if (hex) {
      add(String.fromCharCode(parseInt(hex[1]!, 16)), k);
      k += 1 + hex[0].length;
    } else if (octal) {
      add(String.fromCharCode(parseInt(octal[0], 8)), k);
      k += 1 + octal[0].length;
    } else {
      add(ANSI_C[e] ?? e, k);
      k += 2;
    }
  }
  return k + 1;
}
