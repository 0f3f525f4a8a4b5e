import { parseSpringYaml } from '../../src/parse/spring';
import { composeFormat } from '../../src/parse/compose';

/** key = value @ one-based line of the value, `*` when read through an alias or a merge key. */
const settings = (text: string) =>
  parseSpringYaml(text, true, 'snakeyaml').parts.flatMap((p) =>
    p.entries.map((e) => `${e.key}=${e.value}@${e.valueRange.start.line + 1}${e.throughAlias ? '*' : ''}`),
  );

describe('YAML aliases and merge keys, as SnakeYAML and go-yaml read them', () => {
  it('a merge key adds the anchored map, its own keys winning; the values keep their place', () => {
    const text = [
      'defaults: &defaults',
      '  port: 8443',
      '  ssl:',
      '    enabled-protocols: TLSv1',
      'server:',
      '  <<: *defaults',
      '  port: 9443',
      '',
    ].join('\n');
    expect(settings(text)).toEqual([
      'defaults.port=8443@2',
      'defaults.ssl.enabled-protocols=TLSv1@4',
      'server.port=9443@7',
      'server.ssl.enabled-protocols=TLSv1@4*',
    ]);
  });

  it('of several merged maps the first wins; an alias stands for its scalar', () => {
    const text = 'a: &a {x: 1}\nb: &b {x: 2, y: 3}\npw: &pw s3cret\nc:\n  <<: [*a, *b]\n  password: *pw\n';
    expect(settings(text)).toEqual([
      'a.x=1@1',
      'b.x=2@2',
      'b.y=3@2',
      'pw=s3cret@3',
      'c.password=s3cret@3*',
      'c.x=1@1*',
      'c.y=3@2*',
    ]);
  });

  it('a merge key may name a map written in place', () => {
    expect(settings('server:\n  <<: {port: 8443}\n  address: 0.0.0.0\n')).toEqual([
      'server.address=0.0.0.0@3',
      'server.port=8443@2',
    ]);
  });

  it('an alias inside the node it names is not followed again', () => {
    expect(settings('a: &x\n  b: 1\n  c: *x\n')).toEqual(['a.b=1@2', 'a.c.b=1@2*']);
  });

  it('aliases that grow exponentially stop at a budget, with a problem, in bounded time', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const parsed = parseSpringYaml(`${lines.join('\n')}\n`, true, 'snakeyaml');
    expect(parsed.problems.map((p) => p.code)).toEqual(['yaml-alias-budget']);
    expect(parsed.parts[0]!.entries.length).toBeLessThan(25_000);
  });

  it("a Compose service's environment merged from an extension field is the service's", () => {
    const text =
      'x-env: &env\n  SERVER_SSL_ENABLED_PROTOCOLS: TLSv1\nservices:\n  app:\n    build: .\n    environment:\n      <<: *env\n      SERVER_PORT: "8443"\n';
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.data.services[0]?.springEnvironment.map((e) => [e.name, e.value])).toEqual([
      ['server.port', '8443'],
      ['server.ssl.enabled-protocols', 'TLSv1'],
    ]);
  });
});
