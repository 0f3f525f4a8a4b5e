/**
 * `items.map(each)`, built by push. The optimizing compiler inlines `Array.prototype.map` and its array comes out with
 * holey elements where the interpreter's builtin returns packed ones, so a function that spreads, filters or reads
 * the result is deoptimized and compiled again once its `map` is optimized (docs/performance.md, sessions 55–57).
 * Pushed, the list has one hidden class whichever code built it.
 */
export function pushed<T, U>(items: Iterable<T>, each: (item: T) => U): U[] {
  const out: U[] = [];
  for (const item of items) out.push(each(item));
  return out;
}
