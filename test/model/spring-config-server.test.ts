/**
 * Spring Cloud Config native backends (src/model/spring-config-server.ts): the Spring files of a config server's search
 * locations configure the client apps that import it, with `classpath:` read on each client's classpath; they are not
 * the server's own configuration unless they sit where Spring Boot reads the server's files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));
const PASSWORD = 'Pk12-planted-Zq9';

/** Each Spring HTTPS server as `name key=<file>`, and where its key-store setting is. */
function springServers(files: Tree): string[] {
  const root = writeTree(files);
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments
      .flatMap((d) => d.components)
      .filter((c) => c.type === 'spring.server')
      .map((c) => {
        const key = c.tls?.trust?.keyStore;
        const from = key?.path.from.kind === 'file' ? `@${rel(key.path.from.location.file)}` : '';
        return `${c.name} key=${key?.file ? rel(key.file) : `?${key?.path.value ?? '-'}`}${from}`;
      })
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const SERVED_SSL = `server:\n  ssl:\n    key-store: classpath:cert/key.p12\n    key-store-password: ${PASSWORD}\n    key-store-type: PKCS12\n`;
const configServer = (locations: string, port = '8888') =>
  `server:\n  port: ${port}\nspring:\n  profiles:\n    active: native\n  cloud:\n    config:\n      server:\n        native:\n          search-locations: ${locations}\n`;
const client = (name: string, extra = '') =>
  `spring:\n  application:\n    name: ${name}\n  config:\n    import: 'configserver:'\n  cloud:\n    config:\n      profile: local\n${extra}server:\n  port: 8081\n`;
const keyStores = {
  'config/src/main/resources/cert/key.p12': store('key.p12'),
  'greet/src/main/resources/cert/key.p12': store('key.p12'),
};

describe('Spring Cloud Config: files a native config server serves configure its clients', () => {
  it.each<[string, Tree, string[]]>([
    [
      'a served application.yml outside the server’s own locations is each client’s, its classpath the client’s',
      {
        'config/src/main/resources/application.yml': configServer('classpath:config-{profile}'),
        'config/src/main/resources/config-local/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-local/application.yml',
      ],
    ],
    [
      'the composite backend’s native entry; the client names the server by its URL’s port',
      {
        'config/src/main/resources/application.yml': `server:\n  port: 7575\nspring:\n  cloud:\n    config:\n      server:\n        composite:\n          - type: git\n            uri: https://example.org/repo.git\n          - type: native\n            search-locations:\n            - classpath:shared\n`,
        'config/src/main/resources/shared/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client(
          'greet',
          '      uri: ${CONFIG_URI:https://localhost:7575}\n',
        ),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/shared/application.yml',
      ],
    ],
    [
      'a search location Spring Boot also reads for the server (classpath:/config): the server serves HTTPS with it too',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config/'),
        'config/src/main/resources/config/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (config/src/main/resources, port 8888) key=config/src/main/resources/cert/key.p12@config/src/main/resources/config/application.yml',
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config/application.yml',
      ],
    ],
    [
      'a client of another profile gets nothing from config-{profile}; nor is it the server’s own (Boot does not read it)',
      {
        'config/src/main/resources/application.yml': configServer('classpath:config-{profile}'),
        'config/src/main/resources/config-prod/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [],
    ],
    [
      'an app that imports no config server is no client',
      {
        'config/src/main/resources/application.yml': configServer('classpath:config-{profile}'),
        'config/src/main/resources/config-local/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': 'spring:\n  application:\n    name: greet\nserver:\n  port: 8081\n',
        ...keyStores,
      },
      [],
    ],
    [
      'a client whose URL names another port than the only config server’s is not paired',
      {
        'config/src/main/resources/application.yml': configServer('classpath:config-{profile}'),
        'config/src/main/resources/config-local/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet', '      uri: https://localhost:9999\n'),
        ...keyStores,
      },
      [],
    ],
    [
      'a client URL with user-info (`http://user:pass@host:9999`) names the port after the @: not the config server’s',
      {
        'config/src/main/resources/application.yml': configServer('classpath:config-{profile}'),
        'config/src/main/resources/config-local/application.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet', '      uri: http://root:s3cret@localhost:9999\n'),
        ...keyStores,
      },
      [],
    ],
    [
      'a file named after the client (config-repo/greet.yml) is served to it alone',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config-repo'),
        'config/src/main/resources/config-repo/greet.yml': SERVED_SSL,
        'config/src/main/resources/config-repo/hello.yml': SERVED_SSL.replace('cert/key.p12', 'cert/other.p12'),
        'greet/src/main/resources/application.yml': client('greet'),
        'hello/src/main/resources/application.yml': client('hello').replace('8081', '8082'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-repo/greet.yml',
        'Spring Boot HTTPS server (hello/src/main/resources, port 8082) key=?classpath:cert/other.p12@config/src/main/resources/config-repo/hello.yml',
      ],
    ],
    [
      '<name>-<profile> wins over <name> and application-<profile> for a client that asks for the profile; not for another',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config-repo'),
        'config/src/main/resources/config-repo/application-local.yml': SERVED_SSL.replace('cert/key.p12', 'cert/a.p12'),
        'config/src/main/resources/config-repo/greet-local.yml': SERVED_SSL,
        'config/src/main/resources/config-repo/greet.yml': SERVED_SSL.replace('cert/key.p12', 'cert/b.p12'),
        'config/src/main/resources/config-repo/greet-prod.yml': SERVED_SSL.replace('cert/key.p12', 'cert/c.p12'),
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-repo/greet-local.yml',
      ],
    ],
    [
      'a client that names no profile gets <name>-<profile> as settings of that profile: its own active profile applies it',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config-repo'),
        'config/src/main/resources/config-repo/greet-tls.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml':
          "spring:\n  application:\n    name: greet\n  config:\n    import: 'configserver:'\n  profiles:\n    active: tls\nserver:\n  port: 8081\n",
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-repo/greet-tls.yml',
      ],
    ],
    [
      'a server left on Spring Boot’s port 8080 is the one a client URL with :8080 names',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config-repo').replace(
          '  port: 8888\n',
          '  address: 0.0.0.0\n',
        ),
        'config/src/main/resources/config-repo/greet.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet', '      uri: http://localhost:8080\n'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-repo/greet.yml',
      ],
    ],
    [
      'a file named after an app outside the tree is no app’s here',
      {
        'config/src/main/resources/application.yml': configServer('classpath:/config-repo'),
        'config/src/main/resources/config-repo/greet.yml': SERVED_SSL,
        'config/src/main/resources/config-repo/orders.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config/src/main/resources/config-repo/greet.yml',
      ],
    ],
    [
      'file:./config-repo: the one directory from the server’s project up to the root that holds it',
      {
        'config/src/main/resources/application.yml': configServer('file:./config-repo'),
        'config-repo/greet.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config-repo/greet.yml',
      ],
    ],
    [
      'file:${PWD}/config-repo, and in profile docker file:/config-repo where Compose mounts it: one directory',
      {
        'config/src/main/resources/application.yml': `${configServer('file:${PWD}/config-repo')}---\nspring.config.activate.on-profile: docker\nspring.cloud.config.server.native.search-locations: file:/config-repo\n`,
        'docker-compose.yml':
          'services:\n  config:\n    build: config\n    volumes:\n      - $PWD/config-repo:/config-repo\n',
        'config-repo/greet.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config-repo/greet.yml',
      ],
    ],
    [
      'only the docker profile’s file:/config-repo resolves (a Windows path otherwise): its directory',
      {
        'config/src/main/resources/application.yml': `${configServer('file:/C:\\\\work\\\\config-repo')}---\nspring.config.activate.on-profile: docker\nspring.cloud.config.server.native.search-locations: file:/config-repo\n`,
        'docker-compose.yml':
          'services:\n  config:\n    build: config\n    volumes:\n      - ./config-repo:/config-repo\n',
        'config-repo/greet.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [
        'Spring Boot HTTPS server (greet/src/main/resources, port 8081) key=greet/src/main/resources/cert/key.p12@config-repo/greet.yml',
      ],
    ],
    [
      'unknown locations serve nothing: ${user.home}, an absolute path no mount shows, two directories that could be ./config-repo',
      {
        'config/src/main/resources/application.yml': configServer(
          '${user.home}/config-repo,file:/srv/config-repo,file:./config-repo',
        ).replace('${user.home}', 'file:${user.home}'),
        'config/config-repo/greet.yml': SERVED_SSL,
        'config-repo/greet.yml': SERVED_SSL,
        'greet/src/main/resources/application.yml': client('greet'),
        ...keyStores,
      },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(springServers(files)).toEqual(expected);
  });
});
