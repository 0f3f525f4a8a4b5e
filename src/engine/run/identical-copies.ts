import type { Finding } from '../../core/types';
import { relativePosix } from '../../core/posix-path';

/**
 * A rule's findings with those of a byte-identical copy of a queue manager's MQSC file (src/derive/mq-identical-copies.ts)
 * folded: a copy's finding that says the same at the same line as one of the first file's is a related place of it.
 * A finding only the copy has (another message, another line) stays its own.
 */
export function foldIdenticalCopies(
  produced: readonly Finding[],
  copies: ReadonlyMap<string, string>,
  root: string,
): readonly Finding[] {
  if (copies.size === 0) return produced;
  const key = (f: Finding, file: string) =>
    JSON.stringify([file, f.location.range?.start, f.location.range?.end, f.severity, f.message]);
  const own = new Map<string, Finding>();
  for (const f of produced) if (!copies.has(f.location.file)) own.set(key(f, f.location.file), f);
  const kept: Finding[] = [];
  for (const f of produced) {
    const first = copies.get(f.location.file);
    const original = first === undefined ? undefined : own.get(key(f, first));
    if (!original) {
      kept.push(f);
      continue;
    }
    original.related = [
      ...(original.related ?? []),
      {
        file: f.location.file,
        ...(f.location.range && { range: f.location.range }),
        message: `the same line of a byte-identical copy of ${relativePosix(root, first!)}, the same queue manager's definitions`,
      },
    ];
  }
  return kept;
}
