/**
 * Kubernetes workloads as the start of a Spring app (src/parse/kubernetes.ts, src/model/container-starts.ts): a
 * container's `env:`, `envFrom:` ConfigMaps and `args:` set the app's Spring settings as a Docker Compose service
 * does, once the tree says which directory builds the container's image; several workloads of one app are
 * alternatives, whose disagreement leaves a setting unknown.
 */
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { composeServiceBuilds } from '../../src/model/compose-builds';
import { containerStarts, imageRepository } from '../../src/model/container-starts';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** books-server of scottfrederick/spring-boot-ssl-demo@bef7fcd (Apache-2.0), cut down: TLS only in its ssl profile. */
const BOOKS_SERVER: Tree = {
  'books-server/src/main/resources/application.yml':
    'server:\n  port: 8081\n---\nspring:\n  config:\n    activate:\n      on-profile: "ssl"\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:server.p12\n    client-auth: NEED\n',
  'books-server/build.gradle':
    "plugins {\n  id 'org.springframework.boot' version '3.2.0'\n}\nversion = '0.0.1-SNAPSHOT'\n\ntasks.named(\"bootBuildImage\") {\n  imageName = \"localhost:5001/${project.name}:${project.version}\"\n}\n",
};

const deployment = (env: string, image = 'localhost:5001/books-server:0.0.1-SNAPSHOT', extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: books-server\nspec:\n  template:\n    spec:\n      containers:\n      - image: ${image}\n        name: books-server\n${env}${extra}`;
const SSL_ENV = '        env:\n          - name: "SPRING_PROFILES_ACTIVE"\n            value: "ssl"\n';

const SECRET = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: books-env\ndata:\n${data}`;
/** The app's own file activates the ssl profile. */
const PROFILE_IN_FILE =
  'spring:\n  profiles:\n    active: ssl\n---\nspring:\n  config:\n    activate:\n      on-profile: "ssl"\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:server.p12\n    client-auth: NEED\n';

/** Each Spring HTTPS server of the tree: `port client-auth (line that decides it)`, or `no server`. */
function servers(files: Tree): string[] {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const found = result.deployments
    .flatMap((d) => d.components)
    .filter((c) => c.type === 'spring.server')
    .map((c) => {
      const auth = c.tls?.clientAuth;
      const via = auth?.from.kind === 'file' ? auth.from.via?.[0] : undefined;
      const where = via
        ? ` (profile via ${path.relative(root, via.file).split(path.sep).join('/')}:${(via.range?.start.line ?? 0) + 1})`
        : '';
      return `${c.id.split(':').pop()} ${auth?.value ?? '-'}${where}`;
    });
  return found.length ? found : ['no server'];
}

describe('Kubernetes workloads start Spring apps', () => {
  test.each<[string, Tree, string[]]>([
    [
      'env SPRING_PROFILES_ACTIVE of a Deployment whose image the Gradle bootBuildImage imageName builds',
      { ...BOOKS_SERVER, 'deploy/books-server.yaml': deployment(SSL_ENV) },
      ['8443 required (profile via deploy/books-server.yaml:13)'],
    ],
    [
      'an image no build of the tree names binds nothing',
      { ...BOOKS_SERVER, 'deploy/books-server.yaml': deployment(SSL_ENV, 'ghcr.io/other/books-server:1') },
      ['no server'],
    ],
    [
      'variant directories that disagree (ssl/ sets the profile, default/ does not): the profile is unknown',
      {
        ...BOOKS_SERVER,
        'deploy/ssl/books-server.yaml': deployment(SSL_ENV),
        'deploy/default/books-server.yaml': deployment(''),
      },
      ['no server'],
    ],
    [
      'variant directories that agree',
      {
        ...BOOKS_SERVER,
        'deploy/ssl/books-server.yaml': deployment(SSL_ENV),
        'deploy/prod/books-server.yaml': deployment(SSL_ENV),
      },
      ['8443 required (profile via deploy/prod/books-server.yaml:13)'],
    ],
    [
      'valueFrom: the cluster gives the value at run time',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        env:\n          - name: SPRING_PROFILES_ACTIVE\n            valueFrom:\n              configMapKeyRef:\n                name: profiles\n                key: active\n',
        ),
      },
      ['no server'],
    ],
    [
      'envFrom a ConfigMap of the tree',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - configMapRef:\n              name: books-env\n',
          undefined,
          '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-env\ndata:\n  SPRING_PROFILES_ACTIVE: ssl\n',
        ),
      },
      ['8443 required (profile via deploy/books-server.yaml:21)'],
    ],
    [
      'envFrom a ConfigMap of another namespace: not the one the container reads, which the tree does not hold',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - configMapRef:\n              name: books-env\n',
          undefined,
          '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-env\n  namespace: staging\ndata:\n  SPRING_PROFILES_ACTIVE: ssl\n',
        ).replace('  name: books-server\n', '  name: books-server\n  namespace: prod\n'),
      },
      ['no server'],
    ],
    [
      'envFrom a Secret may set the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - secretRef:\n              name: books-env\n',
        ),
        'books-server/src/main/resources/application.yml':
          'spring:\n  profiles:\n    active: ssl\n---\nspring:\n  config:\n    activate:\n      on-profile: "ssl"\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:server.p12\n    client-auth: NEED\n',
      },
      ['no server'],
    ],
    [
      'envFrom a Secret of the tree: its base64 data sets the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - secretRef:\n              name: books-env\n',
        ),
        'deploy/books-env.yaml': SECRET('  SPRING_PROFILES_ACTIVE: c3Ns\n'),
      },
      ['8443 required (profile via deploy/books-env.yaml:6)'],
    ],
    [
      'envFrom a Secret of the tree that sets no variable Spring reads: the files decide the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - secretRef:\n              name: books-env\n',
          undefined,
          `\n---\n${SECRET('  DB_PASSWORD: eA==\n')}`,
        ),
        'books-server/src/main/resources/application.yml': PROFILE_IN_FILE,
      },
      ['8443 required (profile via books-server/src/main/resources/application.yml:3)'],
    ],
    [
      'envFrom a Secret whose keys a Helm range writes: it may set the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - secretRef:\n              name: books-env\n',
          undefined,
          `\n---\n${SECRET('  {{- range $k, $v := .Values.env }}\n  {{ $k }}: {{ $v | b64enc }}\n  {{- end }}\n  DB_PASSWORD: eA==\n')}`,
        ),
        'books-server/src/main/resources/application.yml': PROFILE_IN_FILE,
      },
      ['no server'],
    ],
    [
      'envFrom a Secret with a prefix that makes one of its keys a variable Spring reads: it may set the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        envFrom:\n          - secretRef:\n              name: books-env\n            prefix: SPRING_\n',
          undefined,
          `\n---\n${SECRET('  PROFILES_ACTIVE: ZGV2\n')}`,
        ),
        'books-server/src/main/resources/application.yml': PROFILE_IN_FILE,
      },
      ['no server'],
    ],
    [
      'a secretKeyRef to a Secret of the tree sets the profile',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        env:\n          - name: SPRING_PROFILES_ACTIVE\n            valueFrom:\n              secretKeyRef:\n                name: books-env\n                key: profile\n',
          undefined,
          `\n---\n${SECRET('  profile: c3Ns\n')}`,
        ),
      },
      ['8443 required (profile via deploy/books-server.yaml:24)'],
    ],
    [
      'a configMapKeyRef to a ConfigMap of its file sets the profile, placed at the key',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        env:\n          - name: SPRING_PROFILES_ACTIVE\n            valueFrom:\n              configMapKeyRef:\n                name: books-settings\n                key: profile\n',
          undefined,
          '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-settings\ndata:\n  profile: ssl\n',
        ),
      },
      ['8443 required (profile via deploy/books-server.yaml:24)'],
    ],
    [
      'a configMapKeyRef to a key the tree does not hold: the profile stays unknown',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          '        env:\n          - name: SPRING_PROFILES_ACTIVE\n            valueFrom:\n              configMapKeyRef:\n                name: books-settings\n                key: profile\n                optional: true\n',
          undefined,
          '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-settings\ndata:\n  other: ssl\n',
        ),
      },
      ['no server'],
    ],
    [
      'env wins over envFrom',
      {
        ...BOOKS_SERVER,
        'deploy/books-server.yaml': deployment(
          `        envFrom:\n          - configMapRef:\n              name: books-env\n${SSL_ENV}`,
          undefined,
          '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-env\ndata:\n  SPRING_PROFILES_ACTIVE: dev\n',
        ),
      },
      ['8443 required (profile via deploy/books-server.yaml:16)'],
    ],
    [
      'args --spring.profiles.active of a container whose image a Skaffold artifact builds from its context',
      {
        ...BOOKS_SERVER,
        'books-server/build.gradle': "plugins { id 'java' }\n",
        'skaffold.yaml':
          'apiVersion: skaffold/v4beta5\nkind: Config\nbuild:\n  artifacts:\n    - image: books-server\n      context: books-server\n',
        'k8s/books-server.yaml': deployment('        args: ["--spring.profiles.active=ssl"]\n', 'books-server'),
      },
      ['8443 required (profile via k8s/books-server.yaml:11)'],
    ],
    [
      'a Docker Compose service with build: and image: names the image its directory builds; both starts agree',
      {
        ...BOOKS_SERVER,
        'books-server/build.gradle': "plugins { id 'java' }\n",
        'compose.yaml':
          'services:\n  books:\n    build: books-server\n    image: example/books-server:dev\n    environment:\n      SPRING_PROFILES_ACTIVE: ssl\n',
        'k8s/books-server.yaml': deployment(SSL_ENV, 'docker.io/example/books-server:1.0'),
      },
      ['8443 required (profile via k8s/books-server.yaml:13)'],
    ],
    [
      'the Docker Compose service is a start of its own: where it does not set the profile, the profile is unknown',
      {
        ...BOOKS_SERVER,
        'books-server/build.gradle': "plugins { id 'java' }\n",
        'compose.yaml': 'services:\n  books:\n    build: books-server\n    image: example/books-server:dev\n',
        'k8s/books-server.yaml': deployment(SSL_ENV, 'docker.io/example/books-server:1.0'),
      },
      ['no server'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(servers(files)).toEqual(expected);
  });

  test.each<[string, string | undefined, string[]]>([
    // VExTdjE= is TLSv1.
    [
      'held: its value is the one the server runs with',
      SECRET('  SERVER_SSL_ENABLED_PROTOCOLS: VExTdjE=\n'),
      ['java/protocol-disabled-by-runtime deploy/books-env.yaml:6'],
    ],
    ['held, setting another variable: the files decide', SECRET('  DB_PASSWORD: eA==\n'), []],
    ['not in the tree: the profile is unknown', undefined, []],
  ])('an envFrom Secret setting SERVER_SSL_ENABLED_PROTOCOLS, %s', (_name, secret, expected) => {
    const root = writeTree({
      ...BOOKS_SERVER,
      'books-server/Dockerfile':
        'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
      'books-server/src/main/resources/application.yml': PROFILE_IN_FILE,
      'deploy/books-server.yaml': deployment(
        '        envFrom:\n          - secretRef:\n              name: books-env\n',
      ),
      ...(secret && { 'deploy/books-env.yaml': secret }),
    });
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    expect(
      result.findings.map(
        (f) => `${f.ruleId} ${path.relative(root, f.location.file ?? '')}:${(f.location.range?.start.line ?? -1) + 1}`,
      ),
    ).toEqual(expected);
  });

  test('image names compare without tag, digest or Docker Hub prefix; a templated name is no fact', () => {
    expect(imageRepository('docker.io/library/redis:7@sha256:abc')).toBe('redis');
    expect(imageRepository('localhost:5001/books-server:0.0.1')).toBe('localhost:5001/books-server');
    expect(imageRepository('localhost:5001/books-server')).toBe('localhost:5001/books-server');
    expect(imageRepository('${REGISTRY}/books-server:1')).toBeUndefined();
  });

  test('a container bound to no build says why (for --debug)', () => {
    const root = writeTree({ 'k8s/redis.yaml': deployment('', 'bitnami/redis:7') });
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root), keepModel: true });
    const d = result.deployments[0]!;
    expect(containerStarts(d.documents, d.root, composeServiceBuilds(d.documents)).map((s) => s.why)).toEqual([
      expect.stringContaining('no build of the tree names its image bitnami/redis'),
    ]);
  });
});
