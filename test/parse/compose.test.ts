import { composeFormat } from '../../src/parse/compose';

const parse = (text: string) => composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose').data;

describe('Docker Compose files', () => {
  it.each([
    ['compose.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.prod.yml', 'compose'],
    ['compose.override.yaml', 'compose'],
    ['docker-compose.json', undefined],
    ['my-compose.yml', undefined],
  ])('%s is %s', (name, kind) => {
    expect(composeFormat.classify(`/t/${name}`, '')).toBe(kind);
  });

  it('services, their build directories and the Spring settings of their environment', () => {
    const text = [
      'services:',
      '  orders:',
      '    build:',
      '      context: ./orders',
      '    environment:',
      '      - SERVER_SSL_KEY_STORE=/certs/orders.p12',
      '      - "SPRING_PROFILES_ACTIVE=prod"',
      '      - JAVA_OPTS=-Xmx1g',
      '  api:',
      '    build: .',
      '    environment:',
      "      server.ssl.enabled-protocols: 'TLSv1.2,TLSv1.3'",
      '      IBM_MQ_CHANNEL: DEV.APP.SVRCONN',
      '  db:',
      '    image: postgres:16',
      '',
    ].join('\n');
    const services = parse(text).services.map((s) => ({
      name: s.name,
      build: s.build,
      image: s.image,
      env: s.springEnvironment.map((e) => [
        e.via,
        e.name,
        e.value,
        `${e.nameRange.start.line + 1}:${e.nameRange.start.character + 1}`,
        `${e.valueRange.start.line + 1}:${e.valueRange.start.character + 1}-${e.valueRange.end.character + 1}`,
      ]),
    }));
    expect(services).toEqual([
      {
        name: 'orders',
        build: './orders',
        image: undefined,
        env: [
          ['SERVER_SSL_KEY_STORE', 'server.ssl.key-store', '/certs/orders.p12', '6:9', '6:30-47'],
          ['SPRING_PROFILES_ACTIVE', 'spring.profiles.active', 'prod', '7:10', '7:33-37'],
        ],
      },
      {
        name: 'api',
        build: '.',
        image: undefined,
        env: [
          ['server.ssl.enabled-protocols', 'server.ssl.enabled-protocols', 'TLSv1.2,TLSv1.3', '12:7', '12:38-53'],
          ['IBM_MQ_CHANNEL', 'ibm.mq.channel', 'DEV.APP.SVRCONN', '13:7', '13:23-38'],
        ],
      },
      // The image it runs (with build:, the name of the image built there: src/model/container-starts.ts).
      { name: 'db', build: undefined, image: 'postgres:16', env: [] },
    ]);
  });
});

describe('Compose files as libyaml reads them', () => {
  // Alfresco/alfresco-docker-installer@f5dc7b7 generators/app/templates/*/docker-compose.yml close JAVA_OPTS' quote
  // under the key: libyaml (Compose's go-yaml, PyYAML) and SnakeYAML read it, the yaml library alone refuses it.
  it.each([
    ["'", "'"],
    ['"', '"'],
  ])('a %s-quoted value continued no deeper than its key is read, and what follows it', (open, close) => {
    const text = [
      'services:',
      '  alfresco:',
      '    image: alfresco',
      '    environment:',
      `      JAVA_OPTS: ${open}`,
      '        -Da=1',
      '        -Db=2',
      `      ${close}`,
      '      SERVER_SSL_KEY_STORE: /certs/a.p12',
      '',
    ].join('\n');
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.problems).toEqual([]);
    expect(doc.data.services[0]?.springEnvironment.map((e) => [e.name, e.value, e.valueRange.start.line + 1])).toEqual([
      ['server.ssl.key-store', '/certs/a.p12', 9],
    ]);
  });

  it.each<[string, string, string]>([
    // go-yaml (Compose's reader) types a plain `0123` as octal 83 and fmt.Sprint gives the container "83".
    ['plain 0123', 'SERVER_SSL_KEY_STORE_PASSWORD: 0123', '83'],
    ['quoted "0123"', 'SERVER_SSL_KEY_STORE_PASSWORD: "0123"', '0123'],
    ['plain 0b101', 'SERVER_SSL_KEY_STORE_PASSWORD: 0b101', '5'],
    ['plain 8443', 'SERVER_PORT: 8443', '8443'],
    ['plain on (a string in YAML 1.2)', 'SERVER_SSL_ENABLED: on', 'on'],
    ['a list item is one string', '- SERVER_SSL_KEY_STORE_PASSWORD=0123', '0123'],
  ])('an environment value written %s is what Compose passes on', (_name, line, value) => {
    const text = `services:\n  app:\n    build: .\n    environment:\n      ${line}\n`;
    expect(parse(text).services[0]?.springEnvironment.map((e) => e.value)).toEqual([value]);
  });

  // compose-spec/compose-go@e70e961 types/mapping.go: a null value (`~`, `null`, nothing) and an item without `=` are
  // nil, which Resolve takes from the shell's environment (the variable is left out when the shell lacks it).
  it.each<[string, string]>([
    ['~', 'SERVER_SSL_KEY_STORE: ~'],
    ['null', 'SERVER_SSL_KEY_STORE: null'],
    ['nothing', 'SERVER_SSL_KEY_STORE:'],
    ['a list item without =', '- SERVER_SSL_KEY_STORE'],
  ])('an environment variable written with %s takes its value from the shell: unknown', (_name, line) => {
    const text = `services:\n  app:\n    build: .\n    environment:\n      ${line}\n`;
    expect(parse(text).services[0]?.springEnvironment.map((e) => [e.name, e.value, e.unresolved])).toEqual([
      ['server.ssl.key-store', '${SERVER_SSL_KEY_STORE}', true],
    ]);
  });

  it.each<[string, string]>([
    ['quoted "~"', 'SERVER_SSL_KEY_STORE: "~"'],
    ['empty quotes', "SERVER_SSL_KEY_STORE: ''"],
    ['a list item with =', '- SERVER_SSL_KEY_STORE='],
  ])('an environment variable written %s is that text, not from the shell', (_name, line) => {
    const text = `services:\n  app:\n    build: .\n    environment:\n      ${line}\n`;
    expect(parse(text).services[0]?.springEnvironment.map((e) => e.unresolved)).toEqual([false]);
  });

  it('still reports a quote that is never closed', () => {
    const text = "services:\n  a:\n    environment:\n      JAVA_OPTS: '\n        -Da=1\n    image: x\n";
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.problems.map((p) => p.code)).toContain('invalid-yaml');
  });
});

describe('Compose secrets are references, not values', () => {
  it('a service’s secrets list and the top-level secrets name files and variables', () => {
    const text =
      'services:\n  mq:\n    secrets:\n      - mqAdminPassword\n    environment:\n      MQ_APP_PASSWORD: passw0rd\nsecrets:\n  mqAdminPassword:\n    file: ./admin.txt\n';
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual(['services.mq.environment.MQ_APP_PASSWORD']);
  });

  // DIGI-UW/OpenELIS-Global-2@568f324 (MPL-2.0) dev.docker-compose.yml: a service named oe.openelis.org.
  it('of a service whose name holds dots, which also keeps its build, image and environment', () => {
    const text =
      'services:\n  oe.openelis.org:\n    build: ./oe\n    image: itech/openelis-global-2\n    secrets:\n      - source: datasource.password\n    environment:\n      SPRING_PROFILES_ACTIVE: prod\n      DB_PASSWORD: passw0rd\n';
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual([
      'services.oe.openelis.org.environment.DB_PASSWORD',
    ]);
    const [service] = doc.data.services;
    expect(service).toMatchObject({ name: 'oe.openelis.org', build: './oe', image: 'itech/openelis-global-2' });
    expect(service!.springEnvironment.map((e) => e.name)).toEqual(['spring.profiles.active']);
  });
});
