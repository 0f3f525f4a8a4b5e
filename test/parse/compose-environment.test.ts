import { composeFormat, serviceBuild } from '../../src/parse/compose';

/** The environment of service `s` of a Compose text: each variable as name=value (`<shell>` when Compose asks the shell) and where each part is written. */
function environment(yaml: string) {
  const doc = composeFormat.parse({ path: '/t/compose.yaml', text: yaml, hadBom: false }, 'compose');
  const service = doc.data.services.find((s) => s.name === 's')!;
  const at = (r: { start: { line: number; character: number }; end: { character: number } }) =>
    `${r.start.line + 1}:${r.start.character + 1}-${r.end.character + 1}`;
  return {
    values: service.environment.map((v) => `${v.name}=${v.value ?? '<shell>'}`),
    places: service.environment.map((v) => `${at(v.nameRange)} ${at(v.valueRange)}`),
    service,
  };
}

describe("a Compose service's environment, one reader for every caller", () => {
  // compose-go types/mapping.go (MappingWithEquals) and go-yaml's resolver (./yaml-go.ts).
  it.each([
    ['map, plain', 'services:\n  s:\n    environment:\n      A: x\n', ['A=x'], ['4:7-8 4:10-11']],
    ['map, go-yaml octal', 'services:\n  s:\n    environment:\n      A: 0123\n', ['A=83'], ['4:7-8 4:10-14']],
    ['map, quoted keeps text', "services:\n  s:\n    environment:\n      A: '0123'\n", ['A=0123'], ['4:7-8 4:11-15']],
    [
      'map, null from the shell',
      'services:\n  s:\n    environment:\n      A: ~\n      B:\n',
      ['A=<shell>', 'B=<shell>'],
      null,
    ],
    ['list, first = splits', 'services:\n  s:\n    environment:\n      - A=b=c\n', ['A=b=c'], ['4:9-10 4:11-14']],
    ['list, empty value', 'services:\n  s:\n    environment:\n      - A=\n', ['A='], ['4:9-10 4:11-11']],
    [
      'list, name alone from the shell',
      'services:\n  s:\n    environment:\n      - A\n',
      ['A=<shell>'],
      ['4:9-10 4:10-10'],
    ],
    ['list, quoted item', 'services:\n  s:\n    environment:\n      - "A=x y"\n', ['A=x y'], ['4:10-11 4:12-15']],
    ['list, no name', 'services:\n  s:\n    environment:\n      - =x\n', [], []],
  ])('%s', (_name, yaml, values, places) => {
    const read = environment(yaml);
    expect(read.values).toEqual(values);
    if (places) expect(read.places).toEqual(places);
  });

  it('a secret written in list form is an entry named as the map form names it, its value masked by the secret flag', () => {
    const doc = composeFormat.parse(
      {
        path: '/t/compose.yaml',
        text: 'services:\n  s:\n    environment:\n      - MQ_SSL_PASS=passw0rd\n',
        hadBom: false,
      },
      'compose',
    );
    const secret = doc.entries.find((e) => e.key === 'services.s.environment.MQ_SSL_PASS');
    expect(secret).toMatchObject({ value: 'passw0rd', secret: true });
    expect(secret?.valueRange.start).toEqual({ line: 3, character: 20 });
  });
});

describe('a Dockerfile written inline (build.dockerfile_inline)', () => {
  it('is marked, and the build directory keeps its own Dockerfile out of it', () => {
    // yurpetr/nps@a7ee3c1 docker/compose.yaml (no licence; shape only): build.context . with dockerfile_inline FROM tomcat:10.
    const text =
      'services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM tomcat:10\n        COPY ROOT.war /usr/local/tomcat/webapps/\n';
    const doc = composeFormat.parse({ path: '/t/docker/compose.yaml', text, hadBom: false }, 'compose');
    const [service] = doc.data.services;
    expect(service).toMatchObject({ name: 'app', build: '.' });
    expect(service!.dockerfileInline?.start.line).toBe(4);
    expect(serviceBuild('/t/docker/compose.yaml', service!)).toBeUndefined();
    expect(serviceBuild('/t/docker/compose.yaml', { ...service!, dockerfileInline: undefined })?.dockerfile).toBe(
      '/t/docker/Dockerfile',
    );
  });
});
