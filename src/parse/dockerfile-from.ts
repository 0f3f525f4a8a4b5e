/**
 * A Dockerfile's `FROM` lines: its build stages, each with the image it starts from or the earlier stage it builds
 * on, and the chain of stages the running image holds.
 */
import type { Range } from '../core/types';
import type { LineIndex } from './text';

/** One build stage: its `FROM` line. */
export interface DockerStage {
  /** The image as written (`eclipse-temurin:${JDK_TAG}`). */
  written: string;
  /** The image with build arguments substituted; undefined when one has no default. */
  image?: string;
  /** Build arguments the image refers to that have no default (their value is given at build time). */
  unresolvedArgs: string[];
  /** `AS <name>`. */
  alias?: string;
  /** The earlier stage this one builds on (`FROM build`), by index. */
  fromStage?: number;
  /** Range of the image in the `FROM` line. */
  range: Range;
  /** One-based line of the `FROM` instruction (for labels such as `Dockerfile:3`). */
  line: number;
  /** The working directory its instructions leave (`WORKDIR`, inherited from the stage it builds on); undefined: the base image's. */
  workdir?: string;
}
/** `FROM [--platform=…] image [AS name]`, the image's build arguments substituted. */
export function parseFrom(
  rest: string,
  restStart: number,
  index: LineIndex,
  args: Record<string, string | undefined>,
  earlier: DockerStage[],
): DockerStage | undefined {
  const tokens = [...rest.matchAll(/\S+/g)].filter((t) => !t[0].startsWith('--'));
  const imageToken = tokens[0];
  if (!imageToken) return undefined;
  const written = imageToken[0];
  const unresolvedArgs: string[] = [];
  const image = written.replace(
    /\$\{([A-Za-z_]\w*)(?::([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (_, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const variable = (braced ?? bare) as string;
      const value = args[variable];
      if (op === '-') return value || (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      if (value === undefined) unresolvedArgs.push(variable);
      return value ?? '';
    },
  );
  const alias = tokens[1]?.[0].toUpperCase() === 'AS' ? tokens[2]?.[0] : undefined;
  const start = restStart + (imageToken.index ?? 0);
  const resolved = unresolvedArgs.length ? undefined : image;
  const fromStage =
    resolved === undefined
      ? undefined
      : findLastIndex(earlier, (s) => s.alias?.toLowerCase() === resolved.toLowerCase());
  return {
    written,
    image: resolved,
    unresolvedArgs,
    alias,
    fromStage: fromStage === -1 ? undefined : fromStage,
    range: index.rangeAt(start, start + written.length),
    line: index.positionAt(start).line + 1,
  };
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i; // 0 <= i < items.length
  return -1;
}

/** The stages whose instructions the running image holds: the last one and those it builds on, last first. */
export function stageChain(stages: readonly DockerStage[]): number[] {
  const chain: number[] = [];
  let index: number | undefined = stages.length - 1;
  while (index !== undefined && index >= 0 && !chain.includes(index)) {
    chain.push(index);
    index = stages[index]?.fromStage;
  }
  return chain;
}
