import rule from '../../../src/rules/opensearch/ssl-without-key';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * OpenSearch nodes (src/model/search-node.ts) whose security plugin speaks TLS on a layer with no key store or PEM
 * certificate: the plugin fails to load. Our own trees, in the layout of the opensearch demo repositories the session-64
 * sweep found (config/opensearch.yml mounted into opensearchproject/opensearch).
 */
const YML = 'config/opensearch.yml';
const yml = (...lines: string[]) => ['cluster.name: docker-cluster', 'network.host: 0.0.0.0', ...lines, ''].join('\n');
const compose = [
  'services:',
  '  node1:',
  '    image: opensearchproject/opensearch:2.19.1',
  '    volumes:',
  `      - ./${YML}:/usr/share/opensearch/config/opensearch.yml`,
  '',
].join('\n');
const run = (config: string) => ({ [YML]: config, 'docker-compose.yml': compose });
const TRANSPORT_PEM = [
  'plugins.security.ssl.transport.pemcert_filepath: node.pem',
  'plugins.security.ssl.transport.pemkey_filepath: node-key.pem',
  'plugins.security.ssl.transport.pemtrustedcas_filepath: root-ca.pem',
];

ruleTester(rule, {
  valid: [
    {
      name: 'PEM files on both layers',
      files: run(
        yml(
          ...TRANSPORT_PEM,
          'plugins.security.ssl.http.enabled: true',
          'plugins.security.ssl.http.pemcert_filepath: node.pem',
          'plugins.security.ssl.http.pemkey_filepath: node-key.pem',
        ),
      ),
    },
    {
      name: 'transport from a key store, http off (its default)',
      files: run(
        yml(
          'plugins.security.ssl.transport.keystore_filepath: node.jks',
          'plugins.security.ssl.transport.truststore_filepath: trust.jks',
        ),
      ),
    },
    {
      name: 'no plugins.security setting at all: the demo configuration installer adds its own, unknown',
      files: run(yml()),
    },
    {
      // The security plugin's opensearch.yml.example kept in a tree: security settings, no TLS of its own.
      name: 'a file with security settings but no TLS setting: the installer may complete it, unknown',
      files: run(yml('plugins.security.allow_default_init_securityindex: true')),
    },
    {
      // The environment does not stop the image's demo configuration installer, which writes the image's own file.
      name: 'a Compose node configured only by its environment: the demo configuration supplies the keys, unknown',
      files: {
        'docker-compose.yml':
          'services:\n  node1:\n    image: opensearchproject/opensearch:latest\n    environment:\n      - plugins.security.ssl.http.enabled=false\n',
      },
    },
    {
      name: 'the security plugin disabled',
      files: run(yml('plugins.security.disabled: true', 'plugins.security.ssl.http.enabled: true')),
    },
  ],
  invalid: [
    {
      name: 'http TLS on, no key store or PEM certificate for it',
      files: run(yml(...TRANSPORT_PEM, 'plugins.security.ssl.http.enabled: true')),
      errors: [
        {
          messageId: 'noKey',
          file: YML,
          line: 6,
          severity: 'error',
          messageIncludes: [
            'OpenSearch node (config/opensearch.yml, Compose service node1)',
            'plugins.security.ssl.http.keystore_filepath or plugins.security.ssl.http.pemkey_filepath must be set if http ssl is requested.',
          ],
        },
      ],
    },
    {
      name: 'HTTP configured, transport not: transport TLS is on by default',
      files: run(
        yml(
          'plugins.security.ssl.http.enabled: true',
          'plugins.security.ssl.http.pemcert_filepath: node.pem',
          'plugins.security.ssl.http.pemkey_filepath: node-key.pem',
        ),
      ),
      errors: [
        {
          messageId: 'noKey',
          file: YML,
          line: 1,
          messageIncludes: [
            'plugins.security.ssl.transport.enabled defaults to true',
            'must be set if transport ssl is requested',
          ],
        },
      ],
    },
    {
      name: 'a file no Compose service runs: its start may set the key, a warning',
      files: { 'opensearch/opensearch.yml': yml(...TRANSPORT_PEM, 'plugins.security.ssl.http.enabled: true') },
      errors: [
        {
          messageId: 'noKeyUnlessStart',
          file: 'opensearch/opensearch.yml',
          line: 6,
          severity: 'warning',
          messageIncludes: ['the tree does not show how the node is started'],
        },
      ],
    },
  ],
});
