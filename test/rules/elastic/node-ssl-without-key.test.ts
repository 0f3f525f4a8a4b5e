import rule from '../../../src/rules/elastic/node-ssl-without-key';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Elasticsearch nodes (src/model/search-node.ts) with a TLS layer on and no key: SSLService refuses to start the node.
 * The trees are our own, in the layout of the docker-elk forks the session-64 sweep found (a Compose service of the
 * official image bind-mounting elasticsearch.yml at /usr/share/elasticsearch/config).
 */
const YML = 'elasticsearch/config/elasticsearch.yml';
const yml = (...lines: string[]) => ['cluster.name: docker-cluster', 'network.host: 0.0.0.0', ...lines, ''].join('\n');
const compose = (...environment: string[]) =>
  [
    'services:',
    '  es01:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.11.4',
    '    volumes:',
    `      - ./${YML}:/usr/share/elasticsearch/config/elasticsearch.yml:ro`,
    '      - ./certs:/usr/share/elasticsearch/config/certs:ro',
    ...(environment.length > 0 ? ['    environment:', ...environment.map((e) => `      - ${e}`)] : []),
    '',
  ].join('\n');
const run = (config: string, ...environment: string[]) => ({
  [YML]: config,
  'docker-compose.yml': compose(...environment),
});

ruleTester(rule, {
  valid: [
    {
      name: 'PEM key and certificate on both layers',
      files: run(
        yml(
          'xpack.security.enabled: true',
          'xpack.security.http.ssl.enabled: true',
          'xpack.security.http.ssl.key: certs/es01.key',
          'xpack.security.http.ssl.certificate: certs/es01.crt',
          'xpack.security.transport.ssl.enabled: true',
          'xpack.security.transport.ssl.keystore.path: certs/es01.p12',
        ),
      ),
    },
    {
      name: 'nested maps name the key store: the same settings',
      files: run(
        yml(
          'xpack:',
          '  security:',
          '    http:',
          '      ssl:',
          '        enabled: true',
          '        keystore.path: certs/http.p12',
        ),
      ),
    },
    {
      name: 'the key comes from the Compose environment, which the image passes as -E settings',
      files: run(
        yml('xpack.security.http.ssl.enabled: true'),
        'xpack.security.http.ssl.key=certs/es01.key',
        'xpack.security.http.ssl.certificate=certs/es01.crt',
      ),
    },
    {
      name: 'a key path written with a placeholder: unknown, silent',
      files: run(
        yml('xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.keystore.path: ${HTTP_KEYSTORE}'),
      ),
    },
    {
      name: 'enabled written with a placeholder: unknown, silent',
      files: run(yml('xpack.security.http.ssl.enabled: ${HTTP_TLS}')),
    },
    {
      name: 'TLS off on the layer',
      files: run(yml('xpack.security.http.ssl.enabled: false')),
    },
    {
      name: 'security turned off: the TLS settings are not in effect, unknown',
      files: run(yml('xpack.security.enabled: false', 'xpack.security.http.ssl.enabled: true')),
    },
    {
      name: 'no security setting at all (the image may auto-configure TLS at first start): silent',
      files: run(yml()),
    },
  ],
  invalid: [
    {
      name: 'http TLS on with only certificate_authorities: the node does not start',
      files: run(
        yml(
          'xpack.security.http.ssl.enabled: true',
          'xpack.security.http.ssl.certificate_authorities: [certs/ca.crt]',
          'xpack.security.transport.ssl.enabled: true',
          'xpack.security.transport.ssl.keystore.path: certs/es01.p12',
        ),
      ),
      errors: [
        {
          messageId: 'noKey',
          file: YML,
          line: 3,
          severity: 'error',
          messageIncludes: [
            'Elasticsearch node (elasticsearch/config/elasticsearch.yml, Compose service es01)',
            'invalid SSL configuration for xpack.security.http.ssl - server ssl configuration requires a key and certificate',
          ],
        },
      ],
    },
    {
      name: 'a certificate without its key is not enough (both are needed)',
      files: run(
        yml('xpack.security.transport.ssl.enabled: true', 'xpack.security.transport.ssl.certificate: certs/es01.crt'),
      ),
      errors: [{ messageId: 'noKey', file: YML, line: 3, messageIncludes: ['transport layer'] }],
    },
    {
      name: 'turned on from the Compose environment, no key anywhere: at the variable',
      files: run(yml('xpack.security.enabled: true'), 'xpack.security.http.ssl.enabled=true'),
      errors: [{ messageId: 'noKey', file: 'docker-compose.yml', line: 8 }],
    },
    {
      name: 'a file no Compose service runs: its start may set the key, a warning',
      files: { 'config/elasticsearch.yml': yml('xpack.security.http.ssl.enabled: true') },
      errors: [
        {
          messageId: 'noKeyUnlessStart',
          file: 'config/elasticsearch.yml',
          line: 3,
          severity: 'warning',
          messageIncludes: ['the tree does not show how the node is started'],
        },
      ],
    },
  ],
});
