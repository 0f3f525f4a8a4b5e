import { classifyFile } from '../../src/parse/registry';
import { searchNodeFormat } from '../../src/parse/search-node';

/**
 * Elasticsearch's and OpenSearch's node configuration files (src/parse/search-node.ts): recognised by their name and a
 * top-level node setting; flattened so that a nested map and a dotted key are the same setting, each at its place.
 */
describe('Elasticsearch and OpenSearch node configuration files', () => {
  test.each([
    ['config/elasticsearch.yml', 'cluster.name: docker-cluster\n', 'elasticsearch.config'],
    ['config/elasticsearch-stage.yml', 'xpack.security.enabled: true\n', 'elasticsearch.config'],
    ['es/elasticsearch.yaml', 'xpack:\n  security:\n    enabled: true\n', 'elasticsearch.config'],
    ['config/opensearch.yml', '---\nnetwork.host: 0.0.0.0\n', 'opensearch.config'],
  ])('%s holding %j is %s', (file, text, kind) => {
    expect(classifyFile(file, text)?.kind).toBe(kind);
  });

  test.each([
    // An Ansible inventory's variables for the hosts of group elasticsearch, not a node's file.
    ['inventory/group_vars/elasticsearch.yml', 'elasticsearch_version: 8.11.0\nxpack.security.enabled: true\n'],
    // OpenSearch Dashboards' file: no node's.
    ['config/opensearch_dashboards.yml', 'server.host: 0.0.0.0\nopensearch.hosts: [https://node:9200]\n'],
    // A Kubernetes manifest named after what it deploys.
    ['k8s/elasticsearch.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: es\n'],
    // A file of that name holding no node setting at the top.
    ['docs/elasticsearch.yml', 'title: Elasticsearch notes\n'],
  ])('%s is not read as a node file', (file, text) => {
    expect(classifyFile(file, text)?.handler).not.toBe(searchNodeFormat);
  });

  test('a nested map and a dotted key give the same setting, with its place; a list is key[0], key[1]', () => {
    const text = [
      'xpack.security.http.ssl.enabled: true',
      'xpack:',
      '  security:',
      '    transport:',
      '      ssl:',
      '        enabled: ${TRANSPORT_TLS}',
      '        supported_protocols: [TLSv1.2, TLSv1.3]',
      '',
    ].join('\n');
    const doc = searchNodeFormat.parse({ path: '/t/elasticsearch.yml', text, hadBom: false }, 'elasticsearch.config');
    expect(doc.problems).toEqual([]);
    expect(doc.entries.map((e) => [e.key, e.value, e.valueRange.start.line])).toEqual([
      ['xpack.security.http.ssl.enabled', 'true', 0],
      ['xpack.security.transport.ssl.enabled', '${TRANSPORT_TLS}', 5],
      ['xpack.security.transport.ssl.supported_protocols[0]', 'TLSv1.2', 6],
      ['xpack.security.transport.ssl.supported_protocols[1]', 'TLSv1.3', 6],
    ]);
  });

  test('not YAML: a parse problem with a place, no exception', () => {
    const doc = searchNodeFormat.parse(
      { path: '/t/elasticsearch.yml', text: 'cluster.name: [unclosed\n', hadBom: false },
      'elasticsearch.config',
    );
    expect(doc.problems.map((p) => p.code)).toEqual(['invalid-yaml']);
  });
});
