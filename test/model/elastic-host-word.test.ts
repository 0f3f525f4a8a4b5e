import { hostWordOf, type HostWord } from '../../src/model/elastic-host-word';

// One reading of a host word for every Elastic client (Kibana, Logstash settings and outputs, Beats): Logstash's
// outputs kept an IPv6 literal's brackets (`[::1]`) where Kibana's did not, so the same host read two ways.
describe('hostWordOf', () => {
  it.each<[string, string, HostWord | undefined]>([
    ['scheme, host and port', 'https://ES01:9200', { host: 'es01', scheme: 'https', port: 9200 }],
    ['a path after the port', 'http://es01:9200/prefix', { host: 'es01', scheme: 'http', port: 9200 }],
    [
      'user information is no host',
      'https://elastic:changeme@es01:9200',
      { host: 'es01', scheme: 'https', port: 9200 },
    ],
    ['user information without a scheme', 'elastic:pw@es01', { host: 'es01' }],
    ['no scheme', 'es01:9200', { host: 'es01', port: 9200 }],
    ['no port', 'https://es01', { host: 'es01', scheme: 'https' }],
    ['neither', 'es01', { host: 'es01' }],
    ['blanks around it', '  es01:9200 ', { host: 'es01', port: 9200 }],
    ['an IPv6 literal loses its brackets', 'https://[::1]:9200', { host: '::1', scheme: 'https', port: 9200 }],
    ['an IPv6 literal without a port', '[FE80::1]', { host: 'fe80::1' }],
    ['an IPv4 address', '127.0.0.1:9200', { host: '127.0.0.1', port: 9200 }],
    ['another scheme is kept as written', 'HTTPS://es01', { host: 'es01', scheme: 'https' }],
    ['a whole placeholder', '${ES_HOST}', undefined],
    ['a placeholder for the host', 'https://${ES_HOST}:9200', undefined],
    ['a placeholder for the port', 'https://es01:${ES_PORT}', undefined],
    ['a shell variable', '$ES_HOST', undefined],
    ["a template's value", 'https://{{ .Values.es.host }}:9200', undefined],
    ['a scheme with no host', 'https://', undefined],
    ['an empty word', '', undefined],
  ])('%s: %s', (_name, written, expected) => {
    expect(hostWordOf(written)).toEqual(expected);
  });
});
