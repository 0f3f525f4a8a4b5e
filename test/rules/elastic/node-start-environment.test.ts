import elasticRule from '../../../src/rules/elastic/node-ssl-without-key';
import openSearchRule from '../../../src/rules/opensearch/ssl-without-key';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Compose `command:` that replaces the official image's start (src/model/search-node-start.ts): the node takes the
 * environment's settings only where its release passes them on that start (knowledge search-nodes.json
 * environmentStart). Our own trees, in the shape of the docker-elk forks of Elasticsearch 7.x (elasticsearch.yml turning
 * HTTP TLS on, the key and certificate in the service's environment).
 */
const YML = 'elasticsearch/config/elasticsearch.yml';
const FILE = ['cluster.name: c', 'xpack.security.enabled: true', 'xpack.security.http.ssl.enabled: true', ''].join(
  '\n',
);
const KEY = ['xpack.security.http.ssl.key=certs/es.key', 'xpack.security.http.ssl.certificate=certs/es.crt'];
const compose = (image: string, command: string[], environment: string[], mount = true) =>
  [
    'services:',
    '  es01:',
    `    image: ${image}`,
    ...command.map((line) => `    ${line}`),
    ...(mount ? ['    volumes:', `      - ./${YML}:/usr/share/elasticsearch/config/elasticsearch.yml:ro`] : []),
    '    environment:',
    ...environment.map((e) => `      - ${e}`),
    '',
  ].join('\n');
const es = (tag: string, ...command: string[]) => ({
  [YML]: FILE,
  'docker-compose.yml': compose(`docker.elastic.co/elasticsearch/elasticsearch${tag}`, command, KEY),
});

ruleTester(elasticRule, {
  valid: [
    { name: '7.4, no command: the entrypoint passes the key', files: es(':7.4.2') },
    { name: '7.4, command eswrapper (the image CMD): passed', files: es(':7.4.2', 'command: eswrapper') },
    { name: '7.6 on: bin/elasticsearch reads them itself', files: es(':7.6.0', 'command: bin/elasticsearch') },
    { name: '8.x: any start of the node reads them', files: es(':8.11.4', 'command: ["bin/elasticsearch"]') },
    { name: 'release unknown, a command of its own: unknown, silent', files: es('', 'command: bin/elasticsearch') },
    {
      name: 'a shell command that may run the entrypoint: unknown, silent',
      files: es(':7.4.2', 'command: ["bash", "-c", "sleep 5 && /usr/local/bin/docker-entrypoint.sh eswrapper"]'),
    },
    { name: 'an entrypoint of its own: unknown, silent', files: es(':7.4.2', 'entrypoint: /start.sh') },
  ],
  invalid: [
    {
      name: '7.4, command bin/elasticsearch: the key in the environment never reaches the node',
      files: es(':7.4.2', 'command: bin/elasticsearch'),
      errors: [{ messageId: 'noKey', file: YML, line: 3, severity: 'error' }],
    },
    {
      name: '7.4, a list command starting elasticsearch: the same',
      files: es(':7.4.2', 'command: ["elasticsearch", "-Ecluster.name=c"]'),
      errors: [{ messageId: 'noKeyUnlessStart', file: YML, line: 3, messageIncludes: ['passes settings with -E'] }],
    },
    {
      name: 'release unknown, command eswrapper: every release passes them (TLS turned on there, no key)',
      files: {
        'docker-compose.yml': compose(
          'elasticsearch',
          ['command: eswrapper'],
          ['xpack.security.enabled=true', 'xpack.security.http.ssl.enabled=true'],
          false,
        ),
      },
      errors: [{ messageId: 'noKey', file: 'docker-compose.yml', line: 7 }],
    },
  ],
});

const OS_YML = 'config/opensearch.yml';
const OS_FILE = [
  'plugins.security.ssl.transport.pemcert_filepath: node.pem',
  'plugins.security.ssl.transport.pemkey_filepath: node-key.pem',
  'plugins.security.ssl.http.enabled: true',
  '',
].join('\n');
const os = (...command: string[]) => ({
  [OS_YML]: OS_FILE,
  'docker-compose.yml': [
    'services:',
    '  node1:',
    '    image: opensearchproject/opensearch:latest',
    ...command.map((line) => `    ${line}`),
    '    volumes:',
    `      - ./${OS_YML}:/usr/share/opensearch/config/opensearch.yml`,
    '    environment:',
    '      - plugins.security.ssl.http.pemcert_filepath=node.pem',
    '      - plugins.security.ssl.http.pemkey_filepath=node-key.pem',
    '',
  ].join('\n'),
});

ruleTester(openSearchRule, {
  valid: [
    { name: 'no command: the entrypoint passes the HTTP key', files: os() },
    { name: 'command opensearch (every release: the entrypoint start)', files: os('command: opensearch') },
    {
      name: 'a first argument starting with -: the entrypoint prepends opensearch',
      files: os('command: ["-Ediscovery.type=single-node"]'),
    },
    { name: 'an entrypoint of its own: unknown', files: os('entrypoint: ["/bin/sh", "-c", "./run.sh"]') },
  ],
  invalid: [
    {
      name: 'command ./bin/opensearch: exec’d without the environment, HTTP TLS on with no key',
      files: os('command: ./bin/opensearch'),
      errors: [{ messageId: 'noKey', file: OS_YML, line: 3, severity: 'error' }],
    },
  ],
});
