/**
 * An Elasticsearch or OpenSearch node's configuration file, `elasticsearch.yml` / `opensearch.yml` (and variants such as
 * `elasticsearch-stage.yml`) with node settings at the top level. The node loads it as YAML and flattens it: nested maps
 * and dotted keys name the same setting (`xpack: {security: {http: {ssl: {enabled: true}}}}` is
 * `xpack.security.http.ssl.enabled: true`; https://www.elastic.co/guide/en/elasticsearch/reference/8.15/settings.html
 * "Config file format": "Settings can also be flattened"), so entries are the flattened keys with the ranges of each key
 * and value (./spring.ts's YAML reader, YAML 1.2 scalars). A list is `key[0]`, `key[1]`. `${NAME}` is replaced by the
 * environment variable at start (same page, "Environment variable substitution"): the model keeps it as written and
 * treats it as unknown. Classified by its name and by a top-level node setting in its head, so that an Ansible variables
 * file, a Helm values file or a Kubernetes manifest of the same name is not read as one.
 */
import { lastPathSegment } from '../core/path-name';
import { parseSpringYaml } from './spring';
import type { FormatHandler, ParsedDocument } from './types';

export const ELASTICSEARCH_CONFIG_KIND = 'elasticsearch.config';
export const OPENSEARCH_CONFIG_KIND = 'opensearch.config';

/** `elasticsearch.yml`, `elasticsearch-stage.yml`, `opensearch.yaml`; not `opensearch_dashboards.yml` (Dashboards'). */
const NODE_CONFIG_NAME = /^(elasticsearch|opensearch)(?:[-.][\w.-]*)?\.ya?ml$/;

/** A node setting's namespace at a line start: `cluster.name:`, `xpack.security…`, or a nested `network:`. */
const NODE_SETTING =
  /^(?:cluster|node|network|path|discovery|xpack|plugins|opendistro_security|bootstrap|http|transport|gateway|indices|action|compatibility)(?:\.[\w.-]+[^\S\n]*:|:[^\S\n]*(?:#.*)?$)/m;

/** Ansible variables and role directories, chart templates: their YAML of the same name is no node's file. */
const NOT_NODE_DIRECTORY = /(^|[\\/])(group_vars|host_vars|defaults|vars|templates)[\\/]/;

const isKubernetesObject = (head: string): boolean =>
  /^apiVersion:[ \t]*\S/m.test(head) && /^kind:[ \t]*\S/m.test(head);

export const searchNodeFormat: FormatHandler = {
  id: 'search-node',
  classify(filePath, head) {
    const product = NODE_CONFIG_NAME.exec(lastPathSegment(filePath))?.[1];
    if (!product || NOT_NODE_DIRECTORY.test(filePath) || isKubernetesObject(head) || !NODE_SETTING.test(head))
      return undefined;
    return product === 'elasticsearch' ? ELASTICSEARCH_CONFIG_KIND : OPENSEARCH_CONFIG_KIND;
  },
  parse(file, kind): ParsedDocument {
    const { parts, comments, problems } = parseSpringYaml(file.text, true, 'core');
    return { file, kind, entries: parts.flatMap((p) => p.entries), comments, problems, data: undefined };
  },
};
