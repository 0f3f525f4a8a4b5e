import * as path from 'node:path';
import type { Deployment } from '../../model/types';
import { relativePosix } from '../../core/posix-path';

/**
 * The value most items agree on, and the first item that holds it. Ties go to the value seen
 * first, so callers list their reference files first. Used by every same-value check
 * (built-in ClearTrust rules and declarative `same-value` rules).
 */
export function majority<T>(
  items: readonly T[],
  valueOf: (item: T) => string,
): { value: string; witness: T } | undefined {
  const counts = new Map<string, { n: number; witness: T }>();
  for (const item of items) {
    const value = valueOf(item);
    const count = counts.get(value);
    if (count) count.n++;
    else counts.set(value, { n: 1, witness: item });
  }
  let best: { value: string; n: number; witness: T } | undefined;
  for (const [value, { n, witness }] of counts) if (!best || n > best.n) best = { value, n, witness };
  return best && { value: best.value, witness: best.witness };
}

/** `aserver.conf` or `host2/aserver.conf`: a file's name inside its deployment, short and unambiguous. */
export function nameInDeployment(deployment: Deployment, file: string): string {
  return relativePosix(deployment.root, file) || path.basename(file);
}
