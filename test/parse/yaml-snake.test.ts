import { snakeYamlPlain } from '../../src/parse/yaml-snake';
import { springFormat } from '../../src/parse/spring';

/**
 * Plain scalars as Spring Boot binds them: what SnakeYAML 1.33 constructs with Spring Boot's resolver (no timestamps)
 * and Java's String.valueOf prints, run on this machine (Debian libyaml-snake-java 1.33, OpenJDK 17).
 */
const SNAKEYAML: Array<[string, string]> = [
  ['on', 'true'],
  ['off', 'false'],
  ['On', 'true'],
  ['OFF', 'false'],
  ['yes', 'true'],
  ['NO', 'false'],
  ['y', 'y'],
  ['N', 'N'],
  ['True', 'true'],
  ['0123', '83'],
  ['0777', '511'],
  ['08', '08'],
  ['00', '0'],
  ['-0', '0'],
  ['+12', '12'],
  ['012_3', '83'],
  ['1_000', '1000'],
  ['1__0', '10'],
  ['1_', '1'],
  ['0_', '0_'],
  ['_1', '_1'],
  ['0b101', '5'],
  ['-0b11', '-3'],
  ['0x1F', '31'],
  ['0x_1f', '31'],
  ['-0x1f', '-31'],
  ['0o17', '0o17'],
  ['1:30', '90'],
  ['1:30:00', '5400'],
  ['-1:30', '-90'],
  ['2147483648', '2147483648'],
  ['123456789012345678901234567890', '123456789012345678901234567890'],
  ['1.0', '1.0'],
  ['1.10', '1.1'],
  ['1e3', '1000.0'],
  ['1.0e+3', '1000.0'],
  ['1.5E-4', '1.5E-4'],
  ['0.0001', '1.0E-4'],
  ['1e-3', '0.001'],
  ['12345678.9', '1.23456789E7'],
  ['1.0e7', '1.0E7'],
  ['100000000000000000000.0', '1.0E20'],
  ['1_000.5', '1000.5'],
  ['.5', '0.5'],
  ['-.5', '-0.5'],
  ['1.', '1.0'],
  ['00.5', '0.5'],
  ['1e', '1e'],
  ['1:30.5', '90.5'],
  ['.inf', 'Infinity'],
  ['-.inf', '-Infinity'],
  ['.nan', 'NaN'],
  ['2024-01-01', '2024-01-01'],
  ['~', ''],
  ['Null', ''],
  ['nULL', 'nULL'],
  ['changeit', 'changeit'],
];

describe('snakeYamlPlain: a plain scalar as SnakeYAML types it and Spring binds it', () => {
  it.each(SNAKEYAML)('%s → %s', (source, bound) => expect(snakeYamlPlain(source)).toBe(bound));
});

function springYaml(text: string): Record<string, string> {
  const doc = springFormat.parse(
    { path: 'app/src/main/resources/application.yml', text, hadBom: false },
    'spring.yaml',
  );
  return Object.fromEntries(doc.entries.map((e) => [e.key, e.value]));
}

describe('Spring Boot application.yml values are YAML 1.1 values', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    [
      'block mappings (the simple reader)',
      'server:\n  ssl:\n    enabled: off\n    key-store-password: 0123\n    key-alias: "on"\n',
      { 'server.ssl.enabled': 'false', 'server.ssl.key-store-password': '83', 'server.ssl.key-alias': 'on' },
    ],
    [
      'a flow mapping (the yaml library)',
      "server:\n  ssl: {enabled: Yes, key-store-password: 1_000, key-alias: 'off'}\n",
      { 'server.ssl.enabled': 'true', 'server.ssl.key-store-password': '1000', 'server.ssl.key-alias': 'off' },
    ],
    [
      'a sequence item and a float',
      'server:\n  ssl:\n    enabled-protocols:\n      - TLSv1.2\n    key-password: 1.0\n',
      { 'server.ssl.enabled-protocols[0]': 'TLSv1.2', 'server.ssl.key-password': '1.0' },
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => expect(springYaml(text)).toMatchObject(expected));
});

describe('Spring Boot refuses a key set twice in one mapping (DuplicateKeyException)', () => {
  const problems = (text: string) =>
    springFormat
      .parse({ path: 'app/src/main/resources/application.yml', text, hadBom: false }, 'spring.yaml')
      .problems.map((p) => `${p.code} ${p.severity} ${p.range.start.line + 1}:${p.range.start.character + 1}`);
  const cases: Array<[string, string, string[]]> = [
    // kafbat/kafka-ui#1085: `activeDirectory: true` then `activeDirectory:` with a map under it.
    [
      'a key set again with a map (block mappings)',
      'auth:\n  ldap:\n    activeDirectory: true\n    activeDirectory:\n      domain: corp.local\n',
      ['duplicate-key error 4:5'],
    ],
    [
      'a top-level key written twice',
      'server:\n  port: 8443\nspring:\n  application:\n    name: app\nserver:\n  ssl:\n    enabled: true\n',
      ['duplicate-key error 6:1'],
    ],
    ['in a flow mapping', 'server: {port: 8443, port: 8080}\n', ['duplicate-key error 1:22']],
    ['the same path written with dots and nested is no YAML duplicate', 'a.b: 1\na:\n  b: 2\n', []],
    ['the same key in two documents', 'server:\n  port: 1\n---\nserver:\n  port: 2\n', []],
  ];
  it.each(cases)('%s', (_name, text, expected) => expect(problems(text)).toEqual(expected));
});

// OpenConext/OpenConext-deploy@ea5c8ea (Apache-2.0) roles/mujina-idp/templates/application.yml.j2: `attributes:` keyed by
// flow sequences (`[urn:mace:dir:attribute-def:uid]: "john.doe"`) was a false parse/invalid-yaml error ("Map comment with
// trailing content", the yaml library's IMPOSSIBLE check: eemeli/yaml#646, #647). SnakeYAML 2.2 and PyYAML 6.0.3 load it.
describe('a block map keyed by flow sequences is YAML Spring Boot loads', () => {
  const read = (text: string) =>
    springFormat.parse({ path: 'idp/application.yml', text, hadBom: false }, 'spring.yaml');
  // The keys that are scalars are read around the block (Spring binds a sequence key under its own name).
  const cases: Array<[string, string]> = [
    [
      'nested, as in the Mujina IdP template',
      'idp:\n  attributes:\n    [urn:mace:dir:attribute-def:uid]: "john.doe"\n    [urn:mace:dir:attribute-def:cn]: "John Doe"\n    [urn:oasis:names:tc:SAML:attribute:subject-id]: "j.doe@example.com"\nserver:\n  port: 8080\n',
    ],
    ['two keys, then a blank line', 'a:\n  [p]: 1\n\n  [q]: 2\nserver:\n  port: 8080\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    const doc = read(text);
    expect(doc.problems).toEqual([]);
    expect(doc.entries.map((e) => `${e.key}=${e.value}`)).toContain('server.port=8080');
  });
  it('still reports YAML the library refuses', () =>
    expect(read('a:\n  [p: 1\n').problems.map((p) => p.code)).toEqual(['invalid-yaml']));
});
