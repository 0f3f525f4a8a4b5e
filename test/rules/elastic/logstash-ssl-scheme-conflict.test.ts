import rule from '../../../src/rules/elastic/logstash-ssl-scheme-conflict';
import { ruleTester } from '../../helpers/rule-tester';

const FILE = 'pipeline/logstash.conf';
const at = (line: number) => ({ file: FILE, line });
const output = (plugin: string, ...settings: string[]) => ({
  [FILE]: ['output {', `  ${plugin} {`, ...settings.map((s) => `    ${s}`), '  }', '}'].join('\n') + '\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'ssl => true with hosts without a scheme',
      files: output('elasticsearch', 'hosts => "es01:9200"', 'ssl => true'),
    },
    {
      name: 'ssl => false with http hosts',
      files: output('opensearch', 'hosts => ["http://os:9200"]', 'ssl => false'),
    },
    {
      name: 'https hosts, ssl_enabled => true',
      files: output('elasticsearch', 'hosts => ["https://es:9200"]', 'ssl_enabled => true'),
    },
    {
      // Only the elasticsearch plugin's refusal is read from its source.
      name: 'opensearch output with ssl => true and an http host: not judged',
      files: output('opensearch', 'hosts => ["http://os:9200"]', 'ssl => true'),
    },
  ],
  invalid: [
    {
      name: 'ssl_enabled => true with an http:// host: refused',
      files: output('elasticsearch', 'hosts => ["http://es01:9200"]', 'ssl_enabled => true'),
      errors: [
        { ...at(4), messageId: 'refused', severity: 'error', messageIncludes: ['http://es01:9200'], related: [at(3)] },
      ],
    },
    {
      name: 'ssl => false with an https:// host: ignored (info)',
      files: output('opensearch', 'ssl => false', 'hosts => ["https://opensearch-node1:9200"]'),
      errors: [{ ...at(3), messageId: 'ignored', severity: 'info', related: [at(4)] }],
    },
  ],
});
