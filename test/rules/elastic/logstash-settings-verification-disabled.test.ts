import rule from '../../../src/rules/elastic/logstash-settings-verification-disabled';
import mismatch from '../../../src/rules/elastic/client-tls-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * logstash.yml's monitoring and pipeline management connections (src/model/logstash-settings.ts), as docker-elk-style
 * stacks write them: our own small trees.
 */
const SETTINGS = 'logstash/config/logstash.yml';
const settings = (...lines: string[]) => ({
  [SETTINGS]: ['---', 'http.host: 0.0.0.0', ...lines, ''].join('\n'),
});
const MONITORING = [
  'xpack.monitoring.enabled: true',
  'xpack.monitoring.elasticsearch.hosts: ["https://elasticsearch:9200"]',
];
const NONE = 'xpack.monitoring.elasticsearch.ssl.verification_mode: none';
const compose = (...environment: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  logstash:',
    '    image: docker.elastic.co/logstash/logstash:8.13.0',
    '    volumes:',
    '      - ./logstash/config/logstash.yml:/usr/share/logstash/config/logstash.yml:ro',
    ...(environment.length > 0 ? ['    environment:', ...environment.map((e) => `      - ${e}`)] : []),
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    { name: 'full, the default', files: settings(...MONITORING) },
    {
      name: 'plain http hosts: no certificate to check',
      files: settings('xpack.monitoring.enabled: true', 'xpack.monitoring.elasticsearch.hosts: http://es:9200', NONE),
    },
    {
      name: 'a host without a scheme is called over http',
      files: settings('xpack.monitoring.enabled: true', 'xpack.monitoring.elasticsearch.hosts: es:9200', NONE),
    },
    {
      name: 'monitoring not written enabled: whether it runs is not certain',
      files: settings('xpack.monitoring.elasticsearch.hosts: ["https://elasticsearch:9200"]', NONE),
    },
    {
      name: 'monitoring written disabled',
      files: settings('xpack.monitoring.enabled: false', MONITORING[1]!, NONE),
    },
    {
      name: 'hosts from the environment: TLS unknown',
      files: settings('xpack.monitoring.enabled: true', 'xpack.monitoring.elasticsearch.hosts: ${ES_HOSTS}', NONE),
    },
    {
      name: "the Compose service sets the feature's settings by environment: the image writes them over the file",
      files: {
        ...settings(...MONITORING, NONE),
        ...compose('XPACK_MONITORING_ELASTICSEARCH_SSL_VERIFICATION_MODE=full'),
      },
    },
    {
      name: 'a logstash.yml that is a Kubernetes object is not Logstash settings',
      files: {
        'logging/logstash.yml': ['apiVersion: apps/v1', 'kind: StatefulSet', ...MONITORING, NONE, ''].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'monitoring over https with verification_mode none (flat keys)',
      files: settings(...MONITORING, NONE),
      errors: [
        {
          messageId: 'disabled',
          file: SETTINGS,
          line: 5,
          messageIncludes: ['Logstash monitoring (logstash/config/logstash.yml)', 'from 7.9.1'],
          related: [{ file: SETTINGS, line: 4 }],
        },
      ],
    },
    {
      name: 'pipeline management, nested keys',
      files: settings(
        'xpack:',
        '  management:',
        '    enabled: true',
        '    elasticsearch:',
        '      hosts:',
        '        - https://es01:9200',
        '      ssl.verification_mode: none',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: SETTINGS,
          line: 9,
          messageIncludes: ['Logstash pipeline management (logstash/config/logstash.yml)'],
        },
      ],
    },
  ],
});

ruleTester(mismatch, {
  valid: [],
  invalid: [
    {
      name: "logstash.yml's monitoring calls http:// a node whose HTTP layer speaks TLS (port from the first host, 9200)",
      files: {
        ...settings('xpack.monitoring.enabled: true', 'xpack.monitoring.elasticsearch.hosts: [http://es01]'),
        'docker-compose.yml': [
          'services:',
          '  es01:',
          '    image: docker.elastic.co/elasticsearch/elasticsearch:8.13.0',
          '    environment:',
          '      - discovery.type=single-node',
          '      - xpack.security.enabled=true',
          '      - xpack.security.http.ssl.enabled=true',
          '      - xpack.security.http.ssl.keystore.path=certs/http.p12',
          compose()['docker-compose.yml'].replace('services:\n', ''),
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plainToTls',
          file: SETTINGS,
          line: 4,
          messageIncludes: ['Logstash monitoring (logstash/config/logstash.yml) calls es01:9200 without TLS'],
        },
      ],
    },
  ],
});
