import rule from '../../../src/rules/elastic/logstash-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

/** Pipelines written for this test after the real cases (kingkongapps/opensearch-install's opensearch output). */
const FILE = 'logstash/pipeline/logstash.conf';
const at = (line: number) => ({ file: FILE, line });
const output = (plugin: string, ...settings: string[]) => ({
  [FILE]:
    [
      'input {',
      '  beats { port => 5044 }',
      '}',
      'output {',
      `  ${plugin} {`,
      ...settings.map((s) => `    ${s}`),
      '  }',
      '}',
    ].join('\n') + '\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'verification off towards http:// hosts only: no TLS, the setting does nothing',
      files: output(
        'opensearch',
        'hosts => ["http://opensearch:9200"]',
        'ssl => false',
        'ssl_certificate_verification => false',
      ),
    },
    {
      name: 'an https host with verification on (the default)',
      files: output('elasticsearch', 'hosts => ["https://es01:9200"]', 'cacert => "config/ca.crt"'),
    },
    {
      name: 'verification given by a placeholder: unknown',
      files: output('elasticsearch', 'hosts => ["https://es01:9200"]', 'ssl_verification_mode => "${VERIFY_MODE}"'),
    },
    {
      name: 'hosts from a placeholder and no ssl setting: whether TLS is on is unknown',
      files: output('elasticsearch', 'hosts => "${ES_HOSTS}"', 'ssl_certificate_verification => false'),
    },
    {
      name: 'an input is not judged by this rule',
      files: {
        [FILE]: 'input {\n  beats {\n    port => 5044\n    ssl => true\n    ssl_verify_mode => "none"\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'https host, ssl => false (ignored) and ssl_certificate_verification => false',
      files: output(
        'opensearch',
        'ssl_certificate_verification => false',
        'ssl      => false',
        'hosts    => ["https://opensearch-node1:9200"]',
      ),
      errors: [
        {
          ...at(6),
          messageId: 'disabled',
          messageIncludes: ['opensearch-node1', 'Logstash opensearch output'],
          related: [at(8)],
        },
      ],
    },
    {
      name: 'ssl => true with a host without scheme, the old setting on an elasticsearch output (obsolete from 12.0)',
      files: output(
        'elasticsearch',
        'hosts => "elasticsearch:9200"',
        'ssl => true',
        'ssl_certificate_verification => false',
      ),
      errors: [{ ...at(8), messageId: 'disabled', messageIncludes: ['elasticsearch', 'obsolete'], related: [at(7)] }],
    },
    {
      name: 'ssl_verification_mode => none inside a branch, two https hosts',
      files: {
        [FILE]:
          'output {\n  if [type] == "app" {\n    elasticsearch {\n      hosts => ["https://ES01:9200", "https://es02:9200"]\n      ssl_verification_mode => none\n    }\n  }\n}\n',
      },
      errors: [{ ...at(5), messageId: 'disabled', messageIncludes: ['es01, es02'] }],
    },
  ],
});
