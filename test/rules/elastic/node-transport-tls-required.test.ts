import rule from '../../../src/rules/elastic/node-transport-tls-required';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Elasticsearch nodes (src/model/search-node.ts) with security on and transport TLS off: the start-up check refuses
 * them in production mode. Our own trees, in the layout of the single-file Compose setups the real trees show (the
 * official image, its elasticsearch.yml bind-mounted or its settings in the environment).
 */
const YML = 'es/elasticsearch.yml';
const yml = (...lines: string[]) => ['cluster.name: demo', ...lines, ''].join('\n');
const compose = (image: string, mounted: boolean, ...environment: string[]) =>
  [
    'services:',
    '  es01:',
    `    image: ${image}`,
    ...(mounted ? ['    volumes:', `      - ./${YML}:/usr/share/elasticsearch/config/elasticsearch.yml:ro`] : []),
    ...(environment.length > 0 ? ['    environment:', ...environment.map((e) => `      - ${e}`)] : []),
    '',
  ].join('\n');
const ES8 = 'docker.elastic.co/elasticsearch/elasticsearch:8.11.4';
const ES7 = 'elasticsearch:7.17.10';
const mountedRun = (config: string, image = ES8, ...environment: string[]) => ({
  [YML]: config,
  'docker-compose.yml': compose(image, true, ...environment),
});
const envRun = (image: string, ...environment: string[]) => ({
  'docker-compose.yml': compose(image, false, ...environment),
});

ruleTester(rule, {
  valid: [
    {
      name: 'transport TLS on',
      files: mountedRun(
        yml(
          'network.host: 0.0.0.0',
          'xpack.security.enabled: true',
          'xpack.security.transport.ssl.enabled: true',
          'xpack.security.transport.ssl.keystore.path: certs/es01.p12',
        ),
      ),
    },
    {
      name: 'single-node discovery skips the bootstrap checks',
      files: envRun(ES8, 'discovery.type=single-node', 'xpack.security.enabled=true'),
    },
    {
      name: 'the tree file binds no address: loopback, development mode (a warning in the log only)',
      files: mountedRun(yml('xpack.security.enabled: true')),
    },
    {
      name: 'bound to localhost explicitly',
      files: mountedRun(yml('network.host: [localhost, 127.0.0.1]', 'xpack.security.enabled: true')),
    },
    {
      name: 'security enabled by a placeholder: unknown',
      files: envRun(ES8, 'xpack.security.enabled=${SECURITY}'),
    },
    {
      name: 'security not written (8.x auto-configuration decides): silent',
      files: envRun(ES8, 'node.name=es01'),
    },
    {
      name: 'security off',
      files: envRun(ES8, 'xpack.security.enabled=false'),
    },
    {
      name: 'a 6.x image: the check of these releases needs a production licence, silent',
      files: envRun('elasticsearch:6.8.23', 'xpack.security.enabled=true'),
    },
    {
      name: '7.x on a self-generated trial licence: the 7.x check does not require transport TLS',
      files: envRun(ES7, 'xpack.security.enabled=true', 'xpack.license.self_generated.type=trial'),
    },
    {
      name: 'a file no Compose service runs: its start is unknown, silent',
      files: { 'config/elasticsearch.yml': yml('network.host: 0.0.0.0', 'xpack.security.enabled: true') },
    },
    {
      name: 'the transport bound by a placeholder: unknown',
      files: mountedRun(yml('network.host: ${HOST}', 'xpack.security.enabled: true')),
    },
  ],
  invalid: [
    {
      name: '8.x, the image binds 0.0.0.0, security on from the environment, no transport TLS: does not start',
      files: envRun(ES8, 'xpack.security.enabled=true', 'ELASTIC_PASSWORD=changeme'),
      errors: [
        {
          messageId: 'always',
          file: 'docker-compose.yml',
          line: 5,
          severity: 'error',
          messageIncludes: [
            'Transport SSL must be enabled if security is enabled. Please set [xpack.security.transport.ssl.enabled]',
            "its image's own elasticsearch.yml binds it to 0.0.0.0",
            'xpack.security.transport.ssl.enabled is not set',
          ],
        },
      ],
    },
    {
      name: '8.x, the tree file binds 0.0.0.0 and turns transport TLS off',
      files: mountedRun(
        yml('network.host: 0.0.0.0', 'xpack.security.enabled: true', 'xpack.security.transport.ssl.enabled: false'),
      ),
      errors: [
        { messageId: 'always', file: YML, line: 3, messageIncludes: ['xpack.security.transport.ssl.enabled is false'] },
      ],
    },
    {
      name: 'a discovery type other than single-node does not skip it',
      files: envRun(ES8, 'discovery.type=multi-node', 'xpack.security.enabled=true'),
      errors: [{ messageId: 'always', file: 'docker-compose.yml', line: 6 }],
    },
    {
      name: '7.x: refused once the cluster holds a basic licence, a warning',
      files: envRun(ES7, 'xpack.security.enabled=true'),
      errors: [
        {
          messageId: 'licensed',
          file: 'docker-compose.yml',
          line: 5,
          severity: 'warning',
          messageIncludes: ['on a [basic] license', 'starts it once with an empty data directory'],
        },
      ],
    },
    {
      name: 'the release unknown (a tag with a variable): a warning saying so, a trial licence does not exempt 8.x',
      files: envRun(
        'docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION}',
        'xpack.security.enabled=true',
        'xpack.license.self_generated.type=trial',
      ),
      errors: [
        {
          messageId: 'releaseUnknown',
          file: 'docker-compose.yml',
          line: 5,
          severity: 'warning',
          messageIncludes: ['its release is unknown'],
        },
      ],
    },
  ],
});
