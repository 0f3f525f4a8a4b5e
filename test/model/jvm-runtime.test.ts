/**
 * The `-D` options a Java app's JVM runs with when its container's start gives them (src/model/jvm-runtime.ts):
 * JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS / JAVA_OPTS in a Compose service's `environment:` or a Kubernetes container's
 * `env:`, a `java` command, in the JVM's order (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, the command line), the
 * container's variable replacing the image's ENV, and several starts of one app as alternatives.
 */
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

const APP: Tree = {
  'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: orders\n',
  'app/build.gradle': "tasks.named('bootBuildImage') {\n  imageName = 'registry.example/orders'\n}\n",
};
const JDK17 = 'FROM eclipse-temurin:17.0.9_9-jre\n';
const JDK8 = 'FROM eclipse-temurin:8u392-b08-jre\n';
const EXEC_JAR = 'ENTRYPOINT ["java", "-jar", "/app.jar"]\n';

const compose = (lines: string[]) => ['services:', '  orders:', '    build: ./app', ...lines, ''].join('\n');
const deployment = (name: string, lines: string[]) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: orders',
    '          image: registry.example/orders:1.0',
    ...lines.map((l) => `          ${l}`),
    '',
  ].join('\n');

/** `name=value (file:line)`, `name unknown: why`, or `name not set`, for the app's JVM. */
function property(files: Tree, name: string): string {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.id === 'java.app:app');
  const runtime = app?.runtime;
  const set = runtime?.systemProperties[name];
  const where = (file: string, line: number) => `${path.relative(root, file).split(path.sep).join('/')}:${line + 1}`;
  if (set)
    return `${name}=${set.value}${set.from.kind === 'file' ? ` (${where(set.from.location.file, set.from.location.range?.start.line ?? 0)})` : ''}`;
  const unknown = runtime?.unknownSystemProperties?.[name];
  if (unknown)
    return `${name} unknown: ${unknown.why} [${unknown.at.map((a) => where(a.file, a.range?.start.line ?? 0)).join(', ')}]`;
  return `${name} not set`;
}

const PROTOCOLS = 'jdk.tls.client.protocols';

describe('JVM options of a container start', () => {
  test.each<[string, Tree, string]>([
    [
      'Compose JAVA_TOOL_OPTIONS',
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'compose.yaml': compose(['    environment:', `      JAVA_TOOL_OPTIONS: -D${PROTOCOLS}=TLSv1.3 -Xmx512m`]),
      },
      `${PROTOCOLS}=TLSv1.3 (compose.yaml:5)`,
    ],
    [
      "the image's ENTRYPOINT command line wins over the container's JAVA_TOOL_OPTIONS",
      {
        ...APP,
        'app/Dockerfile': JDK17 + `ENTRYPOINT ["java", "-D${PROTOCOLS}=TLSv1.2", "-jar", "/app.jar"]\n`,
        'compose.yaml': compose(['    environment:', `      - JAVA_TOOL_OPTIONS=-D${PROTOCOLS}=TLSv1.3`]),
      },
      `${PROTOCOLS}=TLSv1.2 (app/Dockerfile:2)`,
    ],
    [
      "the container's JAVA_TOOL_OPTIONS replaces the image's ENV of that name",
      {
        ...APP,
        'app/Dockerfile': JDK17 + `ENV JAVA_TOOL_OPTIONS="-D${PROTOCOLS}=TLSv1.2"\n` + EXEC_JAR,
        'compose.yaml': compose(['    environment:', '      JAVA_TOOL_OPTIONS: -Xmx512m']),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      'JDK_JAVA_OPTIONS is applied after JAVA_TOOL_OPTIONS by the java launcher of JDK 17',
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'compose.yaml': compose([
          '    environment:',
          `      JDK_JAVA_OPTIONS: -D${PROTOCOLS}=TLSv1.2`,
          `      JAVA_TOOL_OPTIONS: -D${PROTOCOLS}=TLSv1.3`,
        ]),
      },
      `${PROTOCOLS}=TLSv1.2 (compose.yaml:5)`,
    ],
    [
      "JDK_JAVA_OPTIONS is not read by JDK 8's launcher",
      {
        ...APP,
        'app/Dockerfile': JDK8 + EXEC_JAR,
        'compose.yaml': compose(['    environment:', `      JDK_JAVA_OPTIONS: -D${PROTOCOLS}=TLSv1.2`]),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      "JDK_JAVA_OPTIONS when the JDK's version is unknown",
      {
        ...APP,
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\n' + EXEC_JAR,
        'compose.yaml': compose(['    environment:', `      JDK_JAVA_OPTIONS: -D${PROTOCOLS}=TLSv1.2`]),
      },
      `${PROTOCOLS} unknown: JDK_JAVA_OPTIONS sets it, which only the java launcher of JDK 9 and later reads, and the JDK's version is unknown [compose.yaml:5]`,
    ],
    [
      'JAVA_OPTS is not read by an exec-form java ENTRYPOINT',
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'compose.yaml': compose(['    environment:', `      JAVA_OPTS: -D${PROTOCOLS}=TLSv1.3`]),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      'JAVA_OPTS is read when the ENTRYPOINT expands it',
      {
        ...APP,
        'app/Dockerfile': JDK17 + 'ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar /app.jar"]\n',
        'compose.yaml': compose(['    environment:', `      JAVA_OPTS: -D${PROTOCOLS}=TLSv1.3`]),
      },
      `${PROTOCOLS}=TLSv1.3 (compose.yaml:5)`,
    ],
    [
      "a Compose command running java replaces the image's ENTRYPOINT options",
      {
        ...APP,
        'app/Dockerfile': JDK17 + `ENTRYPOINT ["java", "-D${PROTOCOLS}=TLSv1.2", "-jar", "/app.jar"]\n`,
        'compose.yaml': compose([`    entrypoint: java -D${PROTOCOLS}=TLSv1.3 -jar /app.jar`]),
      },
      `${PROTOCOLS}=TLSv1.3 (compose.yaml:4)`,
    ],
    [
      'a value from the shell is unknown, never the default',
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'compose.yaml': compose(['    environment:', `      JAVA_TOOL_OPTIONS: -D${PROTOCOLS}=\${PROTOCOLS}`]),
      },
      `${PROTOCOLS} unknown: its value is given at run time [compose.yaml:5]`,
    ],
    [
      "a Compose service's env_file",
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'jvm.env': `JAVA_TOOL_OPTIONS="-D${PROTOCOLS}=TLSv1.3"\n`,
        'compose.yaml': compose(['    env_file: jvm.env']),
      },
      `${PROTOCOLS}=TLSv1.3 (jvm.env:1)`,
    ],
    [
      "the service's environment replaces its env_file's variable whole",
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'jvm.env': `JAVA_TOOL_OPTIONS="-D${PROTOCOLS}=TLSv1.3"\n`,
        'compose.yaml': compose(['    env_file: jvm.env', '    environment:', '      JAVA_TOOL_OPTIONS: -Xmx1g']),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      'an env file no service names is not the container start of an app in another directory',
      {
        ...APP,
        'app/Dockerfile': JDK17 + EXEC_JAR,
        'other/jvm.env': `JAVA_TOOL_OPTIONS="-D${PROTOCOLS}=TLSv1.3"\n`,
        'compose.yaml': compose([]),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      "a container's env: replaces the variable its envFrom: ConfigMap sets",
      {
        ...APP,
        'deploy/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  JAVA_TOOL_OPTIONS: -D${PROTOCOLS}=TLSv1.3\n`,
        'deploy/orders.yaml': deployment('orders', [
          'envFrom:',
          '  - configMapRef:',
          '      name: jvm',
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          '    value: -Xmx1g',
        ]),
      },
      `${PROTOCOLS} not set`,
    ],
    [
      "a container's envFrom: ConfigMap",
      {
        ...APP,
        'deploy/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  JAVA_TOOL_OPTIONS: -D${PROTOCOLS}=TLSv1.3\n`,
        'deploy/orders.yaml': deployment('orders', ['envFrom:', '  - configMapRef:', '      name: jvm']),
      },
      `${PROTOCOLS}=TLSv1.3 (deploy/jvm.yaml:6)`,
    ],
    [
      'Kubernetes env of a container whose image bootBuildImage builds',
      {
        ...APP,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          `    value: "-D${PROTOCOLS}=TLSv1.3"`,
        ]),
      },
      `${PROTOCOLS}=TLSv1.3 (deploy/orders.yaml:13)`,
    ],
    [
      'a buildpack image appends JAVA_OPTS to JAVA_TOOL_OPTIONS: it wins over it',
      {
        ...APP,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_OPTS',
          `    value: "-D${PROTOCOLS}=TLSv1.2"`,
          '  - name: JAVA_TOOL_OPTIONS',
          `    value: "-D${PROTOCOLS}=TLSv1.3"`,
        ]),
      },
      `${PROTOCOLS}=TLSv1.2 (deploy/orders.yaml:13)`,
    ],
    [
      'a JAVA_TOOL_OPTIONS from configMapKeyRef: the ConfigMap key of the same directory',
      {
        ...APP,
        'deploy/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  java-opts: "-Xmx512m -D${PROTOCOLS}=TLSv1.3"\n`,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          '    valueFrom:',
          '      configMapKeyRef: { name: jvm, key: java-opts }',
        ]),
      },
      `${PROTOCOLS}=TLSv1.3 (deploy/jvm.yaml:6)`,
    ],
    [
      'a configMapKeyRef to a key the ConfigMap lacks (optional): the cluster gives it, unknown',
      {
        ...APP,
        'deploy/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  other: "-D${PROTOCOLS}=TLSv1.3"\n`,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          '    valueFrom:',
          '      configMapKeyRef: { name: jvm, key: java-opts, optional: true }',
        ]),
      },
      `${PROTOCOLS} unknown: JAVA_TOOL_OPTIONS of Deployment orders, container orders takes words from ConfigMap jvm key java-opts (ConfigMap jvm has no key java-opts here, and optional: the container may start without it), which may set it [deploy/orders.yaml:12]`,
    ],
    [
      'a configMapKeyRef to a ConfigMap two directories define alike: none chosen, unknown',
      {
        ...APP,
        'a/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  java-opts: "-D${PROTOCOLS}=TLSv1.3"\n`,
        'b/jvm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  java-opts: "-D${PROTOCOLS}=TLSv1.2"\n`,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          '    valueFrom:',
          '      configMapKeyRef: { name: jvm, key: java-opts }',
        ]),
      },
      `${PROTOCOLS} unknown: JAVA_TOOL_OPTIONS of Deployment orders, container orders takes words from ConfigMap jvm key java-opts (ConfigMap jvm is defined by several manifests of the tree, none nearer than the others), which may set it [deploy/orders.yaml:12]`,
    ],
    [
      'a JAVA_TOOL_OPTIONS from valueFrom may set any option',
      {
        ...APP,
        'deploy/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          '    valueFrom:',
          '      secretKeyRef: { name: jvm, key: options }',
        ]),
      },
      `${PROTOCOLS} unknown: JAVA_TOOL_OPTIONS of Deployment orders, container orders takes words from valueFrom, which may set it [deploy/orders.yaml:12]`,
    ],
    [
      'variant directories that disagree: unknown',
      {
        ...APP,
        'deploy/tls13/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          `    value: -D${PROTOCOLS}=TLSv1.3`,
        ]),
        'deploy/plain/orders.yaml': deployment('orders', []),
      },
      `${PROTOCOLS} unknown: the app's starts do not set it alike (Deployment orders, container orders: not set; Deployment orders, container orders: set), and one of them runs [deploy/tls13/orders.yaml:13]`,
    ],
    [
      'variant directories that agree',
      {
        ...APP,
        'deploy/a/orders.yaml': deployment('orders', ['command: ["java", "-Djdk.tls.client.protocols=TLSv1.3"]']),
        'deploy/b/orders.yaml': deployment('orders', [
          'env:',
          '  - name: JAVA_TOOL_OPTIONS',
          `    value: -D${PROTOCOLS}=TLSv1.3`,
        ]),
      },
      `${PROTOCOLS}=TLSv1.3 (deploy/a/orders.yaml:11)`,
    ],
  ])('%s', (_name, files, expected) => {
    expect(property(files, PROTOCOLS)).toBe(expected);
  });
});
