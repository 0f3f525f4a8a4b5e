/**
 * The sources of a Dockerfile `COPY`/`ADD` that are no plain tree paths: an earlier stage's files (`COPY --from=build`)
 * and patterns (Go's filepath.Match), for ./image-files.ts.
 */
import * as path from 'node:path';
import type { DockerCopy } from './dockerfile-copies';
import type { DockerfileData } from './dockerfile';

/** A source with a pattern character: `*`, `?` or a `[…]` class. */
export const WILDCARD = /[*?[]/;

/** `COPY --from=<earlier stage>`: the tree files that stage holds at the source paths; an image's are not the tree's. */
export function fromStage(
  copy: DockerCopy,
  data: DockerfileData,
  stageFiles: Map<string, { file: string }>[],
): { files: { file: string; under?: string }[]; wildcard: boolean } | undefined {
  const from = copy.from!.toLowerCase();
  const index = /^\d+$/.test(from) ? Number(from) : data.stages.findIndex((s) => s.alias?.toLowerCase() === from);
  const files = index >= 0 ? stageFiles[index] : undefined;
  if (!files) return undefined;
  const out: { file: string; under?: string }[] = [];
  let wildcard = false;
  for (const source of copy.sources) {
    const root = path.posix.resolve('/', source).replace(/\/+$/, '') || '/';
    if (WILDCARD.test(source)) wildcard = true;
    const pattern = WILDCARD.test(source) ? globPattern(root, '/') : undefined;
    for (const [at, placed] of files) {
      if (pattern ? pattern.test(at) : at === root) out.push({ file: placed.file });
      else if (!pattern && at.startsWith(root === '/' ? '/' : root + '/'))
        out.push({ file: placed.file, under: path.posix.relative(root, at) });
    }
  }
  return { files: out, wildcard };
}

/** A COPY source pattern (Go filepath.Match: `*` and `?` within one path segment, `[…]` classes) as a RegExp. */
export function globPattern(pattern: string, separator = path.sep): RegExp {
  const notSep = separator === '\\' ? '[^\\\\]' : '[^/]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += `${notSep}*`;
    else if (c === '?') out += notSep;
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
