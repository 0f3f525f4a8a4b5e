/**
 * An Elasticsearch or OpenSearch node's settings as it reads them: its configuration file's (../parse/search-node.ts:
 * flattened, a list as `key[0]`, `key[1]`) and, for a node its official image runs, the Compose service's environment
 * variables the image's entrypoint passes as `-E<name>=<value>` (a lower-case dotted name; an empty value is skipped:
 * knowledge search-nodes.json environmentSettings). A setting given on the command line replaces the file's
 * (https://www.elastic.co/guide/en/elasticsearch/reference/8.15/settings.html: "-E" overrides elasticsearch.yml). A value
 * with `${…}` is filled in at start: unknown.
 */
import type { ServiceVariables } from '../parse/compose-service-variables';
import { variableAt } from '../parse/compose-service-variables';
import { listItems } from '../parse/spring';
import type { ParsedDocument } from '../parse/types';
import type { SearchProductFacts } from '../knowledge/search-nodes';
import type { SearchSetting } from './search-node-types';

/** `${NAME}`, `${NAME:default}`: the node's (or Compose's) substitution at start. */
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_]/;

/** The settings a configuration file writes, by name; a list's items gathered under the list's name. */
export function fileSettings(doc: ParsedDocument): Map<string, SearchSetting> {
  const settings = new Map<string, SearchSetting>();
  for (const entry of doc.entries) {
    const list = /^(.*)\[(\d+)\]$/.exec(entry.key);
    const key = list ? list[1]! : entry.key;
    const known = list ? settings.get(key) : undefined;
    if (known) {
      known.items.push(entry.value.trim());
      known.value = known.items.join(',');
      known.placeholder ||= PLACEHOLDER.test(entry.value);
      continue;
    }
    settings.set(key, {
      key,
      value: entry.value.trim(),
      items: list ? [entry.value.trim()] : listItems(entry.value),
      at: { file: doc.file.path, range: entry.valueRange },
      source: 'file',
      placeholder: PLACEHOLDER.test(entry.value),
    });
  }
  return settings;
}

/** The settings a service's environment gives the node through its image's entrypoint. */
export function environmentSettings(
  variables: ServiceVariables,
  facts: SearchProductFacts,
): Map<string, SearchSetting> {
  const settings = new Map<string, SearchSetting>();
  for (const variable of variables.variables.values()) {
    if (!facts.environmentSettings.test(variable.name) || variable.value === '') continue;
    const value = variable.value?.trim();
    settings.set(variable.name, {
      key: variable.name,
      value: value ?? '',
      items: value === undefined ? [] : listItems(value),
      at: variableAt(variable, variable.value === undefined ? 'key' : 'value'),
      source: 'environment',
      // `- NAME` takes the shell's value when Compose runs: only the run knows it.
      placeholder: value === undefined || PLACEHOLDER.test(value),
    });
  }
  return settings;
}

/** Whether a setting's value is boolean true / false as the node parses it; undefined for anything else or a placeholder. */
export function settingBoolean(setting: SearchSetting | undefined): boolean | undefined {
  if (!setting || setting.placeholder) return undefined;
  const value = setting.value.toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
