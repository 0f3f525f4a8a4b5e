/**
 * Kibana's `kibana.yml` and the Beats' `filebeat.yml`, `metricbeat.yml`, `heartbeat.yml`… (kinds `kibana.config`,
 * `beats.config`): YAML, read with each key's and value's place. Both products read a dotted key and the same key
 * nested as one setting (Kibana: "Settings can also be nested or flattened", https://www.elastic.co/guide/en/kibana/current/settings.html;
 * Beats' go-ucfg alike, https://www.elastic.co/guide/en/beats/libbeat/current/config-file-format.html), which the
 * flattening gives: `output.elasticsearch.ssl.verification_mode` either way. A `${VAR}` value is the environment's at
 * run time (both expand it): it stays as written, and readers take it as unknown.
 * Recognised by the name the product reads and a key it has, never a Kubernetes object or a Compose file named so
 * (`filebeat-compose.yml`, a chart's `kibana-deployment.yaml`) nor a CI job file (`…+integration-filebeat.yml`).
 */
import { lastPathSegment } from '../core/path-name';
import { parseSpringYaml } from './spring';
import type { FormatHandler, ParsedDocument } from './types';

export const KIBANA_CONFIG_KIND = 'kibana.config';
export const BEATS_CONFIG_KIND = 'beats.config';

/** The Beats Elastic ships (each reads `<name>.yml` from its home's config directory). */
const BEATS = [
  'filebeat',
  'metricbeat',
  'heartbeat',
  'packetbeat',
  'auditbeat',
  'winlogbeat',
  'functionbeat',
  'journalbeat',
];
const BEAT_NAME = new RegExp(`^(${BEATS.join('|')})([-._][\\w.-]*)?\\.ya?ml$`);
const KIBANA_NAME = /^kibana([-._][\w.-]*)?\.ya?ml$/;

/** A Kubernetes object (`apiVersion:` and `kind:`), a Compose file (`services:`) or a CI job list (`- job:`). */
const OTHER_YAML = /^(apiVersion|kind|services|version|volumes|networks):|^- (job|name|hosts|project):/m;
/** A top-level key of Kibana's settings, flat or nested. */
const KIBANA_KEY =
  /^(server|elasticsearch|xpack|kibana|logging|i18n|monitoring|telemetry|map|csp|path|pid|ops|savedObjects|status|newsfeed|console|uiSettings)[.:]/m;

export interface ElasticConfigData {
  /** `kibana`, or the Beat the file configures (`filebeat`). */
  product: string;
}

export const kibanaBeatsFormat: FormatHandler<ElasticConfigData> = {
  id: 'kibana-beats',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    const beat = BEAT_NAME.exec(name);
    if (!beat && !KIBANA_NAME.test(name)) return undefined;
    // The name alone says nothing (asked with no head): other products' files take these names (a Grafana datasource
    // `provisioning/datasources/filebeat.yml`, a ConfigMap `filebeat-configmap.yml`), and a `.yml` is read anyway.
    if (head === '' || OTHER_YAML.test(head)) return undefined;
    if (beat) {
      const key = new RegExp(
        `^(${beat[1]}|output|setup|processors|logging|monitoring|name|tags|fields|http|queue)[.:]`,
        'm',
      );
      return key.test(head) ? BEATS_CONFIG_KIND : undefined;
    }
    return KIBANA_KEY.test(head) ? KIBANA_CONFIG_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<ElasticConfigData> {
    const name = lastPathSegment(file.path);
    const product = kind === KIBANA_CONFIG_KIND ? 'kibana' : (BEAT_NAME.exec(name)?.[1] ?? 'beat');
    const { parts, comments, problems } = parseSpringYaml(file.text, true, 'core');
    return { file, kind, entries: parts.flatMap((p) => p.entries), comments, problems, data: { product } };
  },
};
