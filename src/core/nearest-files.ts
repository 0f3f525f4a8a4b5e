/**
 * Of several things of one name in a tree (a store named by a path any server could hold, an nginx include's installed
 * path, a queue manager or Kafka cluster of one name per sample), the one a file means is the one whose file shares the
 * most leading directories with it: its own project's copy, not a sibling lab's.
 */
import * as path from 'node:path';

/** How many leading directories the directories of two files share. */
function sharedDirectories(dirs: readonly string[], other: string): number {
  const parts = path.dirname(other).split(path.sep);
  let n = 0;
  while (n < dirs.length && n < parts.length && dirs[n] === parts[n]) n++;
  return n;
}

/** Of `items`, those whose file (`fileOf`) shares the most directories with `file`: all of them on a tie, none of none. */
export function nearestAll<T>(file: string, items: readonly T[], fileOf: (item: T) => string): T[] {
  const dirs = path.dirname(file).split(path.sep);
  const depths = items.map((item) => sharedDirectories(dirs, fileOf(item)));
  const best = Math.max(...depths);
  return items.filter((_, i) => depths[i] === best);
}

/**
 * The one of `items` whose file shares the most directories with `file`; undefined when several share that many (which
 * one it means is unknown) or there is none.
 */
export function nearestUnlessTied<T>(file: string, items: readonly T[], fileOf: (item: T) => string): T | undefined {
  const nearest = nearestAll(file, items, fileOf);
  return nearest.length === 1 ? nearest[0] : undefined;
}
