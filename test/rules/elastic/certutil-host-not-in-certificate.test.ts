import rule from '../../../src/rules/elastic/certutil-host-not-in-certificate';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Clients calling a node by a host its certutil-made certificate will not hold. Our own trees, after the docker-elk
 * layout (a setup service runs `elasticsearch-certutil cert --in tls/instances.yml` into tls/certs) and the named
 * volume layout of Elastic's Compose example.
 */
const instances = (...dns: string[]) =>
  [
    'instances:',
    '  - name: elasticsearch',
    '    dns:',
    ...dns.map((d) => `      - ${d}`),
    '    ip:',
    '      - 127.0.0.1',
    '',
  ].join('\n');
const NODE_YML = [
  'cluster.name: docker-cluster',
  'network.host: 0.0.0.0',
  'xpack.security.enabled: true',
  'xpack.security.http.ssl.enabled: true',
  'xpack.security.http.ssl.certificate: elasticsearch.crt',
  'xpack.security.http.ssl.key: elasticsearch.key',
  'xpack.security.http.ssl.certificate_authorities: [ca.crt]',
  'xpack.security.transport.ssl.enabled: true',
  'xpack.security.transport.ssl.certificate: elasticsearch.crt',
  'xpack.security.transport.ssl.key: elasticsearch.key',
  '',
].join('\n');
const compose = (certs = './tls/certs/elasticsearch') =>
  [
    'services:',
    '  tls:',
    '    build: tls/',
    '    volumes:',
    '      - ./tls/instances.yml:/usr/share/elasticsearch/tls/instances.yml:ro',
    '      - ./tls/certs:/usr/share/elasticsearch/tls/certs',
    '  elasticsearch:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    '    volumes:',
    '      - ./elasticsearch/config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro',
    `      - ${certs}/elasticsearch.crt:/usr/share/elasticsearch/config/elasticsearch.crt:ro`,
    `      - ${certs}/elasticsearch.key:/usr/share/elasticsearch/config/elasticsearch.key:ro`,
    '      - ./tls/certs/ca/ca.crt:/usr/share/elasticsearch/config/ca.crt:ro',
    '  kibana:',
    '    image: docker.elastic.co/kibana/kibana:8.15.0',
    '    volumes:',
    '      - ./kibana/config/kibana.yml:/usr/share/kibana/config/kibana.yml:ro',
    '',
  ].join('\n');
const kibana = (...more: string[]) =>
  ['server.host: 0.0.0.0', 'elasticsearch.hosts: [ "https://elasticsearch:9200" ]', ...more, ''].join('\n');
const tree = (dns: string[], kibanaYml = kibana(), composeYml = compose()) => ({
  'docker-compose.yml': composeYml,
  'elasticsearch/config/elasticsearch.yml': NODE_YML,
  'kibana/config/kibana.yml': kibanaYml,
  'tls/instances.yml': instances(...dns),
});

ruleTester(rule, {
  valid: [
    { name: 'the host Kibana calls is a dns name of the instance', files: tree(['elasticsearch', 'localhost']) },
    {
      name: 'Kibana checks the certificate but not the host name (certificate)',
      files: tree(['es', 'localhost'], kibana('elasticsearch.ssl.verificationMode: certificate')),
    },
    {
      name: 'a dns entry a script fills in: unknown',
      files: tree(['${ES_HOST}', 'localhost']),
    },
    {
      name: 'no dns name at all: the subject CN may be checked, not judged',
      files: tree([]),
    },
    {
      name: 'a wildcard name covers the host (the service answers to its hostname)',
      files: tree(
        ["'*.example.com'"],
        kibana().replace('https://elasticsearch:9200', 'https://es.example.com:9200'),
        compose().replace('  elasticsearch:\n', '  elasticsearch:\n    hostname: es.example.com\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'a wildcard names one label only',
      files: tree(
        ["'*.example.com'"],
        kibana().replace('https://elasticsearch:9200', 'https://es.eu.example.com:9200'),
        compose().replace('  elasticsearch:\n', '  elasticsearch:\n    hostname: es.eu.example.com\n'),
      ),
      errors: [{ messageId: 'missing', file: 'kibana/config/kibana.yml', line: 2 }],
    },
    {
      name: 'docker-elk layout: the instance lists other names, the certificate is generated under the instances file',
      files: tree(['elasticsearch1', 'localhost']),
      errors: [
        {
          messageId: 'missing',
          file: 'kibana/config/kibana.yml',
          line: 2,
          severity: 'error',
          messageIncludes: [
            'elasticsearch1, localhost, 127.0.0.1',
            'tls/certs/elasticsearch/elasticsearch.crt',
            'altnames',
          ],
          related: [
            { file: 'tls/instances.yml', line: 2 },
            { file: 'elasticsearch/config/elasticsearch.yml', line: 5 },
            { file: 'docker-compose.yml', line: 10 },
          ],
        },
      ],
    },
    {
      name: 'the certificate comes from another directory than the instances file: only the name ties them',
      files: tree(['es01'], kibana(), compose('./generated/elasticsearch')),
      errors: [
        {
          messageId: 'missing',
          file: 'kibana/config/kibana.yml',
          line: 2,
          severity: 'warning',
          messageIncludes: ["Only the file's name"],
        },
      ],
    },
  ],
});
