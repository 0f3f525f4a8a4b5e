import { UsageError } from '../core/types';
import type { Formatter } from './types';

/** Formatters by name (add one line per format); loaded on first use so a run pays only for what it prints. */
const LOADERS: Record<string, () => Formatter> = {
  stylish: () => (require('./stylish') as typeof import('./stylish')).stylish,
  json: () => (require('./json') as typeof import('./json')).json,
  html: () => (require('./html') as typeof import('./html')).html,
  dot: () => (require('./dot') as typeof import('./dot')).dot,
  mermaid: () => (require('./mermaid') as typeof import('./mermaid')).mermaid,
  compact: () => (require('./compact') as typeof import('./compact')).compact,
  sarif: () => (require('./sarif') as typeof import('./sarif')).sarif,
  github: () => (require('./github') as typeof import('./github')).github,
  junit: () => (require('./junit') as typeof import('./junit')).junit,
};

export function formatterNames(): string[] {
  return Object.keys(LOADERS).sort();
}

export function getFormatter(name: string): Formatter {
  const load = LOADERS[name];
  if (!load) throw new UsageError(`Unknown format '${name}' (use one of: ${formatterNames().join(', ')})`);
  return load();
}
