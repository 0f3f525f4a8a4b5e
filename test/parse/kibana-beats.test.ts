import { classifyFile } from '../../src/parse/registry';
import { kibanaBeatsFormat } from '../../src/parse/kibana-beats';

/**
 * Kibana's and the Beats' YAML (src/parse/kibana-beats.ts): recognised by name and a key the product has, never a
 * Kubernetes object, a Compose file or a CI job named like one; a dotted key and the same key nested are one setting.
 */
describe('kibana.yml and <beat>.yml', () => {
  test.each([
    ['kibana/config/kibana.yml', '---\nserver.name: kibana\nelasticsearch.hosts: [https://es:9200]\n', 'kibana.config'],
    ['config/kibana-stage.yml', 'server:\n  port: 5601\n', 'kibana.config'],
    [
      'filebeat/filebeat.yml',
      'filebeat.inputs:\n  - type: log\noutput.logstash:\n  hosts: [ls:5044]\n',
      'beats.config',
    ],
    ['beats/metricbeat.docker.yml', '## comment\nmetricbeat.config:\n  modules: {}\n', 'beats.config'],
    ['heartbeat/config/heartbeat.yml', 'name: heartbeat\n', 'beats.config'],
    // Named like them, but another product's: a Compose file, a ConfigMap, a Jenkins job list, a Traefik route.
    ['extensions/filebeat/filebeat-compose.yml', 'services:\n  filebeat:\n    image: x\n', 'compose'],
    ['logging/filebeat-configmap.yml', 'apiVersion: v1\nkind: ConfigMap\n', undefined],
    ['.ci/jobs/elastic+helm-charts+main+integration-filebeat.yml', '---\n- job:\n    name: x\n', undefined],
    ['traefik/kibana-config.yml', 'http:\n  routers: {}\n', undefined],
    ['provisioning/datasources/filebeat.yml', 'apiVersion: 1\ndatasources: []\n', undefined],
  ])('%s is %s', (file, text, kind) => {
    expect(classifyFile(file, text)?.kind).toBe(kind);
  });

  it('reads nested and dotted keys alike, each at its place, and keeps a ${VAR} as written', () => {
    const text = [
      'output.logstash:',
      '  hosts: ["${LOGSTASH_HOST}"]',
      '  ssl:',
      '    verification_mode: none',
      'output.elasticsearch.ssl.certificate_authorities: [/certs/ca.crt]',
      '',
    ].join('\n');
    const doc = kibanaBeatsFormat.parse({ path: '/t/filebeat.yml', text, hadBom: false }, 'beats.config');
    expect(doc.problems).toEqual([]);
    expect(doc.data.product).toBe('filebeat');
    const byKey = new Map(doc.entries.map((e) => [e.key, e]));
    expect(byKey.get('output.logstash.hosts[0]')?.value).toBe('${LOGSTASH_HOST}');
    expect(byKey.get('output.logstash.ssl.verification_mode')?.valueRange.start).toEqual({ line: 3, character: 23 });
    expect(byKey.get('output.elasticsearch.ssl.certificate_authorities[0]')?.value).toBe('/certs/ca.crt');
  });
});
