import { composeFormat, serviceBuild } from '../../src/parse/compose';

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
  /** The Spring settings of the first service (name, value, one-based line), the file read without a problem. */
  const readWithoutProblems = (text: string) => {
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.problems).toEqual([]);
    return doc.data.services[0]?.springEnvironment.map((e) => [e.name, e.value, e.valueRange.start.line + 1]);
  };

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
    expect(readWithoutProblems(text)).toEqual([['server.ssl.key-store', '/certs/a.p12', 9]]);
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

  // spring-projects/spring-boot@c329ffa module/spring-boot-elasticsearch src/dockerTest/resources/…/elasticsearch-ssl-compose.yaml:
  // a healthcheck's second flow-sequence item continued under `test:` with `\` line ends (PyYAML and SnakeYAML read it).
  it('a quoted flow-sequence item continued no deeper than its key is read, and what follows it', () => {
    const text = [
      'services:',
      '  elasticsearch:',
      '    image: elasticsearch:8.17.1',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "curl -fk --cert /ssl/client.crt \\',
      '      --key /ssl/client.key https://localhost:9200/ || exit 1"]',
      '      interval: 5s',
      '    environment:',
      '      SERVER_SSL_KEY_STORE: /certs/a.p12',
      '',
    ].join('\n');
    expect(readWithoutProblems(text)).toEqual([['server.ssl.key-store', '/certs/a.p12', 9]]);
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
  // swimlane/elk-tls-docker@19f0baa (MIT) docker-compose.setup.yml: a top-level volume named secrets.
  it('a top-level volume or network named for secrets is a name; a volume driver’s password option is a secret', () => {
    const text =
      'services:\n  certs:\n    image: es\n    volumes:\n      - ./secrets:/secrets/\nvolumes:\n  secrets:\n    driver: local\n' +
      '  db-passwords:\n    driver: local\n    driver_opts:\n      type: none\n      device: ./passwords\n      o: bind\n' +
      '  share:\n    driver: vieux/sshfs\n    driver_opts:\n      sshcmd: me@host:/data\n      password: hunter2\n' +
      'networks:\n  secret-net:\n    driver: bridge\n';
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual(['volumes.share.driver_opts.password']);
  });

  // neo4j/docker-neo4j@9df98ef (Apache-2.0) src/test/resources/dockersecrets/container-compose-with-secrets-override.yml.
  it('a service named for secrets is a name: its settings are judged by their own keys', () => {
    const text =
      'services:\n  secretsoverridecontainer:\n    image: neo4j\n    environment:\n      - NEO4J_ACCEPT_LICENSE_AGREEMENT=yes\n' +
      '      - NEO4J_dbms_memory_pagecache_size_FILE=/run/secrets/size\n      - NEO4J_AUTH=neo4j/secretsoverridecontainerpassword\n' +
      '      - NEO4J_PASSWORD=hunter2\n    volumes:\n      - ./data:/data\n    secrets:\n      - size\n' +
      '  vault.secret:\n    image: vault\n    environment:\n      VAULT_ADDR: http://vault:8200\n      VAULT_TOKEN: s.abc\n';
    const doc = composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose');
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual([
      'services.vault.secret.environment.VAULT_TOKEN',
      'services.secretsoverridecontainer.environment.NEO4J_PASSWORD',
    ]);
  });
});

// Compose file format version 1: services at the root, no `version:`/`services:` (remiq/nginx-ssl-client@c0ea118).
describe('Compose version 1 files', () => {
  const V1 = [
    'nginx:',
    '  image: nginx:1.9',
    '  container_name: web',
    '  ports:',
    '    - "8443:443"',
    '  volumes:',
    '    - ./nginx:/etc/nginx/conf.d',
    '    - certs:/etc/nginx/certs',
    'app:',
    '  build: ./app',
    '  environment:',
    '    - SERVER_SSL_KEY_STORE_PASSWORD=changeit',
    '',
  ].join('\n');

  it.each<[string, string, { services: string[]; mounts: string[] }]>([
    [
      'services at the root, each with image/build and another service key: the same services and bind mounts',
      V1,
      { services: ['nginx nginx:1.9 web', 'app ./app'], mounts: ['nginx ./nginx:/etc/nginx/conf.d'] },
    ],
    [
      'a root key that is no service (a Spring file with a `server:` map) makes it no version 1 file',
      `${V1}server:\n  port: 8443\n`,
      { services: [], mounts: [] },
    ],
    [
      'an image alone is no service shape (a map that happens to hold `image:`)',
      'logo:\n  image: logo.png\n',
      {
        services: [],
        mounts: [],
      },
    ],
    [
      '`version:` at the root: not version 1 (and no `services:`, so no services)',
      `version: '2'\n${V1}`,
      {
        services: [],
        mounts: [],
      },
    ],
    [
      'a version 2 file is read as before',
      'services:\n  nginx:\n    image: nginx:1.25\n    volumes:\n      - ./nginx:/etc/nginx/conf.d\n',
      { services: ['nginx nginx:1.25'], mounts: ['nginx ./nginx:/etc/nginx/conf.d'] },
    ],
  ])('%s', (_name, text, expected) => {
    const data = parse(text);
    expect({
      services: data.services.map((s) =>
        [s.name, s.image ?? s.build, s.containerName?.value].filter((x) => x !== undefined).join(' '),
      ),
      mounts: data.mounts.map((m) => `${m.service} ${m.source}:${m.target}`),
    }).toEqual(expected);
  });

  it('keeps the keys as written, and the secrets of a listed environment under them', () => {
    const doc = composeFormat.parse({ path: '/t/docker-compose.yml', text: V1, hadBom: false }, 'compose');
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual([
      'app.environment.SERVER_SSL_KEY_STORE_PASSWORD',
    ]);
    expect(doc.data.services[0]!.imageRange?.start).toEqual({ line: 1, character: 9 });
  });
});

describe('serviceBuild: the context and Dockerfile of the tree a service builds', () => {
  const built = (build: string) => {
    const [service] = parse(`services:\n  app:\n    image: app:1\n    build:\n${build}`).services;
    const found = serviceBuild('/t/compose.yaml', service!);
    return found && [found.context, found.dockerfile];
  };
  it.each([
    ['a context', '      context: ./app\n', ['/t/app', '/t/app/Dockerfile']],
    [
      'a context and a Dockerfile in it',
      '      context: app\n      dockerfile: Dockerfile.jvm\n',
      ['/t/app', '/t/app/Dockerfile.jvm'],
    ],
    // The context defaults to the Compose file's directory (https://docs.docker.com/reference/compose-file/build/#context).
    ['a Dockerfile alone: the context is the directory', '      dockerfile: DockerfileMQ\n', ['/t', '/t/DockerfileMQ']],
    // Which file the run builds is unknown: no file of the tree, and not the service's image.
    ['a Dockerfile the run names', '      context: .\n      dockerfile: Dockerfile.${MODE:-jvm}\n', undefined],
    ['a context the run names', '      context: ${APP_DIR}\n', undefined],
    ['a remote context', '      context: https://github.com/o/r.git#main\n', undefined],
    ['a Dockerfile written inline', '      dockerfile_inline: |\n        FROM tomcat:9\n', undefined],
  ])('%s', (_, build, expected) => {
    expect(built(build)).toEqual(expected);
  });

  it('a service that only names an image builds nothing', () => {
    const [service] = parse('services:\n  db:\n    image: postgres:16\n').services;
    expect(serviceBuild('/t/compose.yaml', service!)).toBeUndefined();
  });
});
