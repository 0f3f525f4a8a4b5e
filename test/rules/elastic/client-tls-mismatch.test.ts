import rule from '../../../src/rules/elastic/client-tls-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Kibana, Beats and Logstash outputs linked to the node or beats input of their Compose project
 * (src/model/elastic-links.ts), one side speaking TLS and the other not. Our own trees, as docker-elk-style stacks write
 * them: an Elasticsearch service configured by its environment or a mounted elasticsearch.yml, Kibana by its
 * environment or kibana.yml, Filebeat and Logstash by mounted files.
 */
const COMPOSE = 'docker-compose.yml';
const ES_TLS = [
  '      - xpack.security.enabled=true',
  '      - xpack.security.http.ssl.enabled=true',
  '      - xpack.security.http.ssl.keystore.path=certs/http.p12',
];
const ES_PLAIN = ['      - xpack.security.enabled=false'];
const es = (env: string[], name = 'es01', extra: string[] = []) => [
  `  ${name}:`,
  '    image: docker.elastic.co/elasticsearch/elasticsearch:8.13.0',
  ...extra,
  '    environment:',
  '      - discovery.type=single-node',
  ...env,
];
const kibana = (hosts: string, extra: string[] = []) => [
  '  kibana:',
  '    image: docker.elastic.co/kibana/kibana:8.13.0',
  ...extra,
  '    environment:',
  `      - ELASTICSEARCH_HOSTS=${hosts}`,
];
const compose = (...services: string[][]) => ['services:', ...services.flat(), ''].join('\n');

const FILEBEAT = 'filebeat/filebeat.yml';
const filebeatService = [
  '  filebeat:',
  '    image: docker.elastic.co/beats/filebeat:8.13.0',
  '    volumes:',
  '      - ./filebeat/filebeat.yml:/usr/share/filebeat/filebeat.yml:ro',
];
const PIPELINE = 'logstash/pipeline/logstash.conf';
const logstashService = [
  '  logstash:',
  '    image: docker.elastic.co/logstash/logstash:8.13.0',
  '    volumes:',
  '      - ./logstash/pipeline:/usr/share/logstash/pipeline:ro',
];
const pipeline = (input: string, output: string) =>
  ['input {', `  beats { port => 5044 ${input} }`, '}', 'output {', `  elasticsearch { ${output} }`, '}', ''].join(
    '\n',
  );

ruleTester(rule, {
  valid: [
    {
      name: 'Kibana calls https:// a node whose HTTP layer speaks TLS',
      files: { [COMPOSE]: compose(es(ES_TLS), kibana('https://es01:9200')) },
    },
    {
      name: 'Kibana calls http:// a node with security off',
      files: { [COMPOSE]: compose(es(ES_PLAIN), kibana('http://es01:9200')) },
    },
    {
      name: 'an Elasticsearch 8 node with no xpack.security setting configures HTTPS at first start: unknown',
      files: { [COMPOSE]: compose(es([]), kibana('http://es01:9200')) },
    },
    {
      name: 'another port than the node serves: no link',
      files: { [COMPOSE]: compose(es(ES_TLS), kibana('http://es01:9201')) },
    },
    {
      name: 'a placeholder host: no link',
      files: { [COMPOSE]: compose(es(ES_TLS), kibana('http://${ES_HOST}:9200')) },
    },
    {
      name: 'a host no service answers to: no link',
      files: { [COMPOSE]: compose(es(ES_TLS), kibana('http://elasticsearch:9200')) },
    },
    {
      name: "an env_file the run does not hold may set the node's TLS: unknown",
      files: { [COMPOSE]: compose(es(ES_PLAIN, 'es01', ['    env_file: es.env']), kibana('https://es01:9200')) },
    },
    {
      name: "settings the node's command passes with -E are not read: no link",
      files: {
        [COMPOSE]: compose(
          es(ES_PLAIN, 'es01', ['    command: elasticsearch -Expack.security.http.ssl.enabled=true']),
          kibana('http://es01:9200'),
        ),
      },
    },
    {
      name: "OpenSearch's DISABLE_SECURITY_PLUGIN, which the image's entrypoint passes as a setting: no link",
      files: {
        [COMPOSE]: compose(
          [
            '  opensearch:',
            '    image: opensearchproject/opensearch:2.11.0',
            '    environment:',
            '      - plugins.security.ssl.http.enabled=true',
            '      - DISABLE_SECURITY_PLUGIN=true',
            '    volumes:',
            '      - ./opensearch.yml:/usr/share/opensearch/config/opensearch.yml',
          ],
          logstashService,
        ),
        'opensearch.yml':
          'plugins.security.ssl.http.enabled: true\nplugins.security.ssl.http.pemcert_filepath: node.pem\n',
        [PIPELINE]: pipeline('', 'hosts => ["http://opensearch:9200"]'),
      },
    },
    {
      name: "an override file of the project writes the node's service too: its merged settings are not read",
      files: {
        [COMPOSE]: compose(es(ES_PLAIN), kibana('https://es01:9200')),
        'docker-compose.override.yml': compose(['  es01:', '    environment:', '      - xpack.security.enabled=true']),
      },
    },
    {
      name: 'two projects each run es01: each Kibana calls its own',
      files: {
        'plain/docker-compose.yml': compose(es(ES_PLAIN), kibana('http://es01:9200')),
        'secure/docker-compose.yml': compose(es(ES_TLS), kibana('https://es01:9200')),
      },
    },
    {
      name: "a kibana.yml whose service's ELASTICSEARCH_HOSTS replaces its hosts",
      files: {
        [COMPOSE]: compose(
          es(ES_TLS),
          kibana('https://es01:9200', [
            '    volumes:',
            '      - ./kibana/kibana.yml:/usr/share/kibana/config/kibana.yml:ro',
          ]),
        ),
        'kibana/kibana.yml': 'server.host: 0.0.0.0\nelasticsearch.hosts: ["http://es01:9200"]\n',
      },
    },
    {
      name: 'Filebeat with ssl settings calls a beats input with TLS on',
      files: {
        [COMPOSE]: compose(logstashService, filebeatService),
        [FILEBEAT]: 'output.logstash:\n  hosts: ["logstash:5044"]\n  ssl.certificate_authorities: ["/certs/ca.crt"]\n',
        [PIPELINE]: pipeline(
          'ssl_enabled => true ssl_certificate => "a.crt" ssl_key => "a.key"',
          'hosts => "http://es01:9200"',
        ),
      },
    },
    {
      name: "Filebeat's TLS from a placeholder: unknown",
      files: {
        [COMPOSE]: compose(logstashService, filebeatService),
        [FILEBEAT]: 'output.logstash:\n  hosts: ["logstash:5044"]\n  ssl.enabled: ${BEATS_TLS}\n',
        [PIPELINE]: pipeline('', 'hosts => "http://es01:9200"'),
      },
    },
    {
      name: "Kibana's https:// host without a port calls 443 (the URL's default), not the node's 9200: no link",
      files: { [COMPOSE]: compose(es(ES_PLAIN), kibana('https://es01')) },
    },
    {
      name: "a Logstash output's host without a port after one with another port calls that port: no link",
      files: {
        [COMPOSE]: compose(es(ES_TLS), logstashService),
        [PIPELINE]: pipeline('', 'hosts => ["http://other:9201", "http://es01"]'),
      },
    },
    {
      name: "a Logstash opensearch output's default port is not assumed: no link",
      files: {
        [COMPOSE]: compose(es(ES_TLS), logstashService),
        [PIPELINE]: pipeline('', 'hosts => ["http://es01"]').replace('elasticsearch {', 'opensearch {'),
      },
    },
  ],
  invalid: [
    {
      name: 'Kibana calls http:// a node whose HTTP layer speaks TLS',
      files: { [COMPOSE]: compose(es(ES_TLS), kibana('http://es01:9200')) },
      errors: [
        {
          messageId: 'plainToTls',
          file: COMPOSE,
          line: 12,
          messageIncludes: [
            'Kibana (docker-compose.yml, Compose service kibana) calls es01:9200 without TLS',
            'docker-compose.yml:7',
            'received plaintext http traffic on an https channel',
            'Call https://es01:9200',
          ],
          related: [
            { file: COMPOSE, line: 7 },
            { file: COMPOSE, line: 3 },
          ],
        },
      ],
    },
    {
      name: 'Kibana calls https:// a node with security off',
      files: { [COMPOSE]: compose(es(ES_PLAIN), kibana('https://es01:9200')) },
      errors: [{ messageId: 'tlsToPlain', file: COMPOSE, line: 10, messageIncludes: ['wrong version number'] }],
    },
    {
      name: "Kibana reaches its own project's es01, not the other project's",
      files: {
        'plain/docker-compose.yml': compose(es(ES_PLAIN), kibana('https://es01:9200')),
        'secure/docker-compose.yml': compose(es(ES_TLS)),
      },
      errors: [{ messageId: 'tlsToPlain', file: 'plain/docker-compose.yml', line: 10 }],
    },
    {
      name: 'a kibana.yml mounted into a Kibana service that sets no ELASTICSEARCH_HOSTS',
      files: {
        [COMPOSE]: compose(es(ES_TLS), [
          '  kibana:',
          '    image: docker.elastic.co/kibana/kibana:8.13.0',
          '    volumes:',
          '      - ./kibana/kibana.yml:/usr/share/kibana/config/kibana.yml:ro',
        ]),
        'kibana/kibana.yml': 'server.host: 0.0.0.0\nelasticsearch.hosts: ["http://es01:9200"]\n',
      },
      errors: [{ messageId: 'plainToTls', file: 'kibana/kibana.yml', line: 2 }],
    },
    {
      name: 'Filebeat calls https:// a node through its container name with security off',
      files: {
        [COMPOSE]: compose(es(ES_PLAIN, 'elasticsearch', ['    container_name: es']), filebeatService),
        [FILEBEAT]: 'output.elasticsearch:\n  hosts: ["https://es:9200"]\n',
      },
      errors: [
        {
          messageId: 'tlsToPlain',
          file: FILEBEAT,
          line: 2,
          messageIncludes: ['Filebeat output.elasticsearch (filebeat/filebeat.yml)', 'server gave HTTP response'],
        },
      ],
    },
    {
      name: 'Filebeat without ssl settings calls a beats input with TLS on (default port 5044)',
      files: {
        [COMPOSE]: compose(logstashService, filebeatService),
        [FILEBEAT]: 'output.logstash:\n  hosts: ["logstash"]\n',
        [PIPELINE]: pipeline(
          'ssl_enabled => true ssl_certificate => "a.crt" ssl_key => "a.key"',
          'hosts => "http://es01:9200"',
        ),
      },
      errors: [{ messageId: 'plainToTls', file: FILEBEAT, line: 2, messageIncludes: ['NotSslRecordException'] }],
    },
    {
      name: 'Filebeat with ssl settings calls a plain beats input',
      files: {
        [COMPOSE]: compose(logstashService, filebeatService),
        [FILEBEAT]: 'output.logstash:\n  hosts: ["logstash:5044"]\n  ssl.certificate_authorities: ["/certs/ca.crt"]\n',
        [PIPELINE]: pipeline('', 'hosts => "http://es01:9200"'),
      },
      errors: [
        {
          messageId: 'tlsToPlain',
          file: FILEBEAT,
          line: 3,
          messageIncludes: ['Invalid version of beats protocol: 22'],
        },
      ],
    },
    {
      name: 'a Logstash output calls http:// a node whose elasticsearch.yml turns HTTP TLS on',
      files: {
        [COMPOSE]: compose(
          es([], 'es01', [
            '    volumes:',
            '      - ./es/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml',
          ]),
          logstashService,
        ),
        'es/elasticsearch.yml':
          'xpack.security.enabled: true\nxpack.security.http.ssl.enabled: true\nxpack.security.http.ssl.keystore.path: http.p12\n',
        [PIPELINE]: pipeline('', 'hosts => ["http://es01:9200"]'),
      },
      errors: [
        {
          messageId: 'plainToTls',
          file: PIPELINE,
          line: 5,
          messageIncludes: [
            'Logstash elasticsearch output (logstash/pipeline/logstash.conf)',
            'es/elasticsearch.yml:2',
          ],
        },
      ],
    },
    {
      name: "Kibana's http:// host without a port calls 80, the URL's default: a node whose http.port is 80 answers",
      files: {
        [COMPOSE]: compose(es([...ES_TLS, '      - http.port=80']), kibana('http://es01')),
      },
      errors: [{ messageId: 'plainToTls', file: COMPOSE, line: 13, messageIncludes: ['calls es01:80 without TLS'] }],
    },
    {
      name: "a Logstash elasticsearch output's host without a port calls 9200 (the plugin's default)",
      files: {
        [COMPOSE]: compose(es(ES_TLS), logstashService),
        [PIPELINE]: pipeline('', 'hosts => ["es01"]'),
      },
      errors: [{ messageId: 'plainToTls', file: PIPELINE, line: 5, messageIncludes: ['calls es01:9200 without TLS'] }],
    },
  ],
});
