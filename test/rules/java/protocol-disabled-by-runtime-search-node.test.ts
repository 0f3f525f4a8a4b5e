import rule from '../../../src/rules/java/protocol-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * An Elasticsearch node's `supported_protocols` (src/model/search-node.ts) is judged against the JDK the node runs: its
 * image's bundled JDK, which knowledge jdk-locations.json does not record per tag, so a protocol current JDKs disable
 * is an info saying the JDK is unknown, never an error on a guessed JDK.
 */
const tree = (protocols: string) => ({
  'docker-compose.yml': [
    'services:',
    '  es01:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.11.4',
    '    volumes:',
    '      - ./config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro',
    '',
  ].join('\n'),
  'config/elasticsearch.yml': [
    'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.keystore.path: certs/node.p12',
    `xpack.security.transport.ssl.supported_protocols: ${protocols}`,
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [{ name: 'TLSv1.2 and TLSv1.3 only', files: tree('[TLSv1.2, TLSv1.3]') }],
  invalid: [
    {
      name: "TLSv1.1 listed, the image's JDK unknown: an info naming what is unknown",
      files: tree('[TLSv1.1, TLSv1.2]'),
      errors: [
        {
          messageId: 'runtimeUnknown',
          file: 'config/elasticsearch.yml',
          line: 3,
          severity: 'info',
          messageIncludes: [
            'TLSv1.1',
            'Elasticsearch node (config/elasticsearch.yml, Compose service es01) transport layer',
          ],
        },
      ],
    },
  ],
});
