/**
 * Logstash's settings file `logstash.yml` (kind `logstash.settings`): YAML, read with each key's and value's place.
 * Logstash reads a dotted key and the same key nested as one setting ("hierarchical form … or flat keys",
 * https://www.elastic.co/guide/en/logstash/8.15/logstash-settings-file.html), which the flattening gives. A `${VAR}`
 * value is the environment's (or the keystore's) at run time: it stays as written, and readers take it as unknown.
 * Recognised by its name and a key Logstash has, never a Kubernetes object, Compose file, Ansible task list or Grafana
 * datasource named so (`logging/logstash.yml` holding a StatefulSet, `provisioning/datasources/logstash.yml`).
 */
import { lastPathSegment } from '../core/path-name';
import { parseSpringYaml } from './spring';
import type { FormatHandler, ParsedDocument } from './types';

export const LOGSTASH_SETTINGS_KIND = 'logstash.settings';

const NAME = /^logstash\.ya?ml$/;
/** A Kubernetes object, a Compose file, a Grafana provisioning file, or a YAML list (Ansible tasks). */
const OTHER_YAML = /^(apiVersion|kind|services|version|volumes|networks|datasources):|^- /m;
/** A top-level key of Logstash's settings, flat or nested. */
const LOGSTASH_KEY =
  /^(node|path|pipeline|config|queue|dead_letter_queue|api|http|log|xpack|modules|cloud|allow_superuser)[.:]/m;

export const logstashSettingsFormat: FormatHandler<Record<string, never>> = {
  id: 'logstash-settings',
  classify(filePath, head) {
    if (!NAME.test(lastPathSegment(filePath)) || head === '' || OTHER_YAML.test(head)) return undefined;
    return LOGSTASH_KEY.test(head) ? LOGSTASH_SETTINGS_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<Record<string, never>> {
    const { parts, comments, problems } = parseSpringYaml(file.text, true, 'core');
    return { file, kind, entries: parts.flatMap((p) => p.entries), comments, problems, data: {} };
  },
};
