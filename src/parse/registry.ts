import type { FormatHandler } from './types';
import { cleartrustServerFormat, webagentFormat } from './cleartrust';
import { javaSecurityFormat, jdkReleaseFormat } from './jdk';

/**
 * Every format lint-deploy reads, most specific first: the first handler
 * whose `classify` returns a kind owns the file.
 */
export const FORMAT_HANDLERS: readonly FormatHandler[] = [
  webagentFormat,
  cleartrustServerFormat,
  jdkReleaseFormat,
  javaSecurityFormat,
];

export interface Classification {
  kind: string;
  handler: FormatHandler;
}

export function classifyFile(path: string, head: string): Classification | undefined {
  for (const handler of FORMAT_HANDLERS) {
    const kind = handler.classify(path, head);
    if (kind) return { kind, handler };
  }
  return undefined;
}
