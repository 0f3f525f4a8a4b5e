import { classifyFile } from '../../src/parse/registry';
import { classicConfigEntries } from '../../src/parse/rabbitmq-config-term';

/**
 * RabbitMQ's configuration files (src/parse/rabbitmq-conf.ts): recognised by their names; the classic Erlang term is
 * read for its TLS settings as the entries rabbitmq.conf names them by, each at its place (zero-based inside).
 */
describe('rabbitmq configuration files', () => {
  test.each([
    ['etc/rabbitmq/rabbitmq.conf', 'rabbitmq.conf'],
    ['conf/rabbitmq.config', 'rabbitmq.config'],
    ['conf/advanced.config', 'rabbitmq.config'],
  ])('%s is %s', (file, kind) => {
    expect(classifyFile(file, '')?.kind).toBe(kind);
  });

  // vdesabou/kafka-docker-playground@95b2d38 connect/connect-rabbitmq-sink/ssl/rabbitmq.conf, mounted as advanced.config:
  // read as key = value lines, its list items were 7 false duplicate-key warnings.
  test.each([
    ['%% list allowed ciphers\n[\n {rabbit, [{ssl_listeners, [5671]}]}\n].\n', 'rabbitmq.config'],
    ['\n  [{rabbit, []}].\n', 'rabbitmq.config'],
    ['# TLS\nlisteners.ssl.default = 5671\n', 'rabbitmq.conf'],
    ['# TLS, and a path\nlisteners.ssl.default = 5671\nssl_options.cacertfile = /etc/ca.pem\n', 'rabbitmq.conf'],
    // magenx/Magento-nginx-config@8c63aa8 magento2/services/rabbitmq.conf: an nginx location proxying to RabbitMQ, read
    // as key = value lines its three add_header lines were 2 false duplicate-key warnings.
    [
      '## RabbitMQ\nlocation ~ ^/${PATH}/(.*)$ {\n  include ipset/allow.conf;\n  add_header Pragma "no-cache" always;\n}\n',
      'nginx.conf',
    ],
  ])('rabbitmq.conf holding %j is %s', (text, kind) => {
    expect(classifyFile('etc/rabbitmq/rabbitmq.conf', text)?.kind).toBe(kind);
  });

  test('the classic term: listeners, ssl_options (lists numbered from 1) and the management listener', () => {
    const text = [
      '[',
      " {ssl, [{versions, ['tlsv1.2']}]},",
      ' {rabbit, [',
      '   {ssl_listeners, [5671]},',
      '   %% a comment, {verify, verify_none}',
      '   {ssl_options, [{cacertfile, "/certs/ca.pem"},',
      '                  {verify, verify_peer}, {fail_if_no_peer_cert, true},',
      "                  {versions, ['tlsv1.2', 'tlsv1.1']}, {password, <<\"s3cret\">>}]}",
      ' ]},',
      ' {rabbitmq_management, [{listener, [{port, 15671}, {ssl, true},',
      '   {ssl_opts, [{certfile, "/certs/server.pem"}]}]}]}',
      '].',
    ].join('\n');
    const entries = classicConfigEntries(text);
    expect(entries.map((e) => `${e.key}=${e.value}`)).toEqual([
      'listeners.ssl.1=5671',
      'ssl_options.cacertfile=/certs/ca.pem',
      'ssl_options.verify=verify_peer',
      'ssl_options.fail_if_no_peer_cert=true',
      'ssl_options.versions.1=tlsv1.2',
      'ssl_options.versions.2=tlsv1.1',
      'ssl_options.password=s3cret',
      'management.ssl.port=15671',
      'management.ssl.certfile=/certs/server.pem',
    ]);
    const verify = entries.find((e) => e.key === 'ssl_options.verify')!;
    expect(verify.valueRange).toEqual({ start: { line: 6, character: 27 }, end: { line: 6, character: 38 } });
    expect(entries.find((e) => e.key === 'ssl_options.password')!.secret).toBe(true);
  });

  test.each([
    ['a template', '[{rabbit, [{ssl_listeners, [{{ port }}]}]}].'],
    ['no closing dot', '[{rabbit, [{ssl_listeners, [5671]}]}]'],
    ['unbalanced', '[{rabbit, [{ssl_listeners, [5671]}]].'],
  ])('%s gives no entries (its broker is unknown)', (_name, text) => {
    expect(classicConfigEntries(text)).toEqual([]);
  });
});
