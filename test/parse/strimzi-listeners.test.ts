import { kubernetesFormat } from '../../src/parse/kubernetes';
import { mappingKeys } from '../../src/parse/yaml-mapping-keys';

const parse = (text: string) =>
  kubernetesFormat.parse({ path: '/t/kafka.yaml', text, hadBom: false }, 'kubernetes').data;

/** A Kafka resource in the listener format before Strimzi 0.20, with these lines under `listeners:`. */
const oldFormat = (listeners: string[]) =>
  [
    'apiVersion: kafka.strimzi.io/v1beta1',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    'spec:',
    '  kafka:',
    '    listeners:',
    ...listeners.map((l) => `      ${l}`),
    '',
  ].join('\n');

describe('listeners of the format before Strimzi 0.20, as ListenersConvertor (0.21.0) converted them', () => {
  const cases: Array<{
    name: string;
    listeners: string[];
    expected: Array<[string, string, string, string | undefined]>;
  }> = [
    {
      name: 'plain and tls written as empty mappings',
      listeners: ['plain: {}', 'tls: {}'],
      expected: [
        ['plain', '9092', 'internal', 'false'],
        ['tls', '9093', 'internal', 'true'],
      ],
    },
    {
      name: 'tls with an authentication, plain left out',
      listeners: ['tls:', '  authentication:', '    type: tls'],
      expected: [['tls', '9093', 'internal', 'true']],
    },
    {
      name: 'an external route: TLS always',
      listeners: ['external:', '  type: route'],
      expected: [['external', '9094', 'route', 'true']],
    },
    {
      name: 'an external load balancer with tls: false',
      listeners: ['external:', '  type: loadbalancer', '  tls: false'],
      expected: [['external', '9094', 'loadbalancer', 'false']],
    },
    {
      name: "an external node port without tls: (the old format's default is true)",
      listeners: ['external:', '  type: nodeport'],
      expected: [['external', '9094', 'nodeport', 'true']],
    },
    {
      name: 'an external listener whose type is not written: its TLS is unknown',
      listeners: ['external:', '  authentication:', '    type: tls'],
      expected: [['external', '9094', 'unknown', undefined]],
    },
  ];
  it.each(cases)('$name', ({ listeners, expected }) => {
    const [kafka] = parse(oldFormat(listeners)).strimziKafkas;
    expect(kafka?.listeners.map((l) => [l.name, l.port?.value, l.type, l.tls?.value])).toEqual(expected);
  });

  it('places each listener at its own key', () => {
    const [kafka] = parse(oldFormat(['plain: {}', 'tls:', '  authentication:', '    type: tls'])).strimziKafkas;
    expect(kafka?.listeners.map((l) => [l.name, l.range.start.line, l.tls?.range.start.line])).toEqual([
      ['plain', 7, 7],
      ['tls', 8, 8],
    ]);
  });
});

describe('mappingKeys', () => {
  it('gives the keys whose value is a mapping, with their paths, and leaves sequence items out', () => {
    const text = ['a:', '  b: {}', '  c:', '    d: 1', '  list:', '    - e: {}', '  f: { }  # empty', 'g: x', ''].join(
      '\n',
    );
    expect(mappingKeys(text, 0, 100).map((k) => [k.path, k.range.start.line, k.empty])).toEqual([
      ['a', 0, false],
      ['a.b', 1, true],
      ['a.c', 2, false],
      ['a.list', 4, false],
      ['a.f', 6, true],
    ]);
  });
});
