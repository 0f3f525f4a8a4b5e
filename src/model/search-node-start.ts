/**
 * How a Compose service's `command:` and `entrypoint:` start the Elasticsearch/OpenSearch node (or Beat) of its image:
 * whether they pass settings with `-E` the tree's settings do not show, and whether the node takes the settings of the
 * service's environment. The official images turn dotted environment variables into `-E` options either in the node's
 * own launcher (any start of the node takes them) or in the image's entrypoint, only when the container's first
 * argument is the image's own start (knowledge search-nodes.json environmentStart, by release). A `command:` that
 * replaces it (`bin/elasticsearch` on Elasticsearch 7.0 to 7.5, `./bin/opensearch`) starts a node that never sees them.
 * A release the image tag does not name, an `entrypoint:` of the service's own or a command that may call the image's
 * entrypoint script: unknown.
 */
import type { Location } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { Entry, ParsedDocument } from '../parse/types';
import { environmentKeptBy, type EnvironmentKeptBy, type SearchProductFacts } from '../knowledge/search-nodes';

/** Whether the node takes the service's environment settings, and the start line that decides it when not `applied`. */
export type EnvironmentApplied = { state: 'applied' } | { state: 'not applied' | 'unknown'; at: Location; why: string };

/** A service's `command:` / `entrypoint:` entries (a string, or a list's items in order). */
function startEntries(compose: ParsedDocument<ComposeData>, service: ComposeService, key: 'command' | 'entrypoint') {
  const prefix = `services.${service.name}.${key}`;
  return compose.entries.filter(
    (e) => e.key === prefix || (e.key.startsWith(prefix) && /^\[\d+\]$/.test(e.key.slice(prefix.length))),
  );
}

/** Whether the service's `command:` or `entrypoint:` passes settings with `-E` (Elasticsearch's, the Beats' flag). */
export function passesSettings(compose: ParsedDocument<ComposeData>, service: ComposeService): boolean {
  return [...startEntries(compose, service, 'command'), ...startEntries(compose, service, 'entrypoint')].some((e) =>
    /(?:^|\s)-E(?:\s|[a-z])/.test(e.value),
  );
}

/** The container's first argument: a list's first item, a string's first word (unquoted). */
function firstArgument(entries: readonly Entry[]): string {
  const [first] = entries;
  if (!first) return '';
  const text =
    entries.length === 1 && first.key.endsWith('command') ? first.value.trim().split(/\s+/)[0]! : first.value;
  return text.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function keeps(keptBy: EnvironmentKeptBy, argument: string): boolean {
  return (
    keptBy === 'anyStart' || keptBy.firstArguments.includes(argument) || (keptBy.flagFirst && argument.startsWith('-'))
  );
}

/** Whether the node of a service of the product's image takes the settings of the service's environment. */
export function environmentApplied(
  facts: SearchProductFacts,
  compose: ParsedDocument<ComposeData>,
  service: ComposeService,
): EnvironmentApplied {
  const command = startEntries(compose, service, 'command');
  const entrypoint = startEntries(compose, service, 'entrypoint');
  const keptBy = environmentKeptBy(facts.environmentStart, service.image);
  if (keptBy === 'anyStart' || command.length + entrypoint.length === 0) return { state: 'applied' };
  const where = (e: Entry) => ({ file: compose.file.path, range: e.valueRange });
  if (entrypoint.length > 0)
    return {
      state: 'unknown',
      at: where(entrypoint[0]!),
      why: `its entrypoint: replaces the image's, which passes the environment's settings to the node`,
    };
  const argument = firstArgument(command);
  const every = facts.environmentStart.byRelease.map((r) => r.keptBy);
  if (keptBy === 'unknown' ? every.every((k) => keeps(k, argument)) : keeps(keptBy, argument))
    return { state: 'applied' };
  const at = where(command[0]!);
  // A shell command may still run the image's entrypoint script, or a placeholder may name its start.
  if (keptBy === 'unknown' || argument.includes('$') || command.some((e) => /docker-entrypoint/.test(e.value)))
    return {
      state: 'unknown',
      at,
      why:
        keptBy === 'unknown'
          ? `its command: ${argument} may replace the image's start, which passes the environment's settings to the node in some releases, and its image tag names no release`
          : `its command: may or may not run the image's entrypoint, which passes the environment's settings to the node`,
    };
  return {
    state: 'not applied',
    at,
    why: `its command: ${argument} replaces the image's start, the only one that passes the environment's settings to the node`,
  };
}
