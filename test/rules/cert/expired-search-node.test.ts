import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { ca, daysFromNow, leaf } from '../../helpers/pki';

/**
 * An Elasticsearch or OpenSearch node's TLS layer (src/model/search-node.ts) presents the certificate its settings name:
 * an expired one is in use, as any server's (Deployment.unlinkedEnds). Relative paths are the config directory's: in
 * the official image /usr/share/<product>/config, where the Compose bind mounts put the tree's files.
 */
const expired = { notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) };
const root = ca('Search CA', undefined, expired);
const node = leaf('es01', root, expired);

const esCompose = [
  'services:',
  '  es01:',
  '    image: docker.elastic.co/elasticsearch/elasticsearch:8.11.4',
  '    volumes:',
  '      - ./config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro',
  '      - ./certs:/usr/share/elasticsearch/config/certs:ro',
  '',
].join('\n');
const esYml = (enabled: string) =>
  [
    'cluster.name: c',
    `xpack.security.http.ssl.enabled: ${enabled}`,
    'xpack.security.http.ssl.key: certs/es01.key',
    'xpack.security.http.ssl.certificate: certs/es01.crt',
    '',
  ].join('\n');
const esTree = (enabled: string) => ({
  'docker-compose.yml': esCompose,
  'config/elasticsearch.yml': esYml(enabled),
  'certs/es01.crt': node.pem,
  'certs/es01.key': node.keyPem,
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'TLS off on the layer: no end reads the files, the certificate is used by nothing the tree shows',
      files: esTree('false'),
      errors: [{ messageId: 'expiredUnnamed', file: 'certs/es01.crt', line: 1, severity: 'info' }],
    },
    {
      name: "Elasticsearch's HTTP layer presents an expired certificate the bind mount puts in its config directory",
      files: esTree('true'),
      errors: [
        {
          messageId: 'expired',
          file: 'certs/es01.crt',
          line: 1,
          severity: 'error',
        },
      ],
    },
    {
      name: 'an OpenSearch node without Compose: the path beside its file',
      files: {
        'opensearch/opensearch.yml': [
          'plugins.security.ssl.transport.pemcert_filepath: node.pem',
          'plugins.security.ssl.transport.pemkey_filepath: node-key.pem',
          '',
        ].join('\n'),
        'opensearch/node.pem': node.pem,
        'opensearch/node-key.pem': node.keyPem,
      },
      errors: [
        {
          messageId: 'expired',
          file: 'opensearch/node.pem',
          line: 1,
          severity: 'error',
        },
      ],
    },
  ],
});
