/**
 * Readers that give knowledge JSON its declared types by checking it, where TypeScript infers a wider type
 * from the file (`string` for an enum, optional keys in a record). The
 * schemas in schemas/knowledge say the same; a value outside them is a bug in the data, thrown at load.
 */

/** `value` when it is one of `allowed`. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`knowledge ${where}: '${value}' is not one of ${allowed.join(', ')}`);
  return found;
}

/** A JSON object of strings (TypeScript types the keys other rows have as optional). */
export function stringRecord(value: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out;
}
