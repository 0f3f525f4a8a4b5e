/**
 * A value built on first use and kept: for tables a knowledge module derives from its data (patterns compiled, rows
 * checked). Module evaluation runs on every start of the command, and a tree that never asks builds none of them.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
