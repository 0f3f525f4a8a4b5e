import { UsageError } from '../../core/types';
import { relativePosix } from '../../core/posix-path';

/** `--shard k/n`: this run checks the k-th of n disjoint sets of deployments (k is 1-based). */
export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (
    !match ||
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(count) ||
    count < 1 ||
    index < 1 ||
    index > count
  ) {
    throw new UsageError(`--shard expects k/n with 1 ≤ k ≤ n (e.g. --shard 2/4), got '${text}'`);
  }
  return { index, count };
}

/** FNV-1a (32 bit) of a string's UTF-16 code units: tiny, stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The key a deployment is sharded by: its root relative to the config's directory, with `/`
 * separators, so every CI runner (whatever the checkout path or OS) puts it in the same shard.
 */
export function shardKey(root: string, baseDir: string): string {
  return relativePosix(baseDir, root) || '.';
}

/** 1-based shard a deployment belongs to. Whole deployments only: cross-file rules stay whole. */
export function shardOf(root: string, baseDir: string, count: number): number {
  return (fnv1a(shardKey(root, baseDir)) % count) + 1;
}

export function inShard(root: string, baseDir: string, shard: ShardSpec | undefined): boolean {
  return !shard || shardOf(root, baseDir, shard.count) === shard.index;
}
