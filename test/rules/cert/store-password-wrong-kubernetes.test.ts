/**
 * cert/store-password-wrong on a Spring Boot server's key store whose password a Kubernetes container takes from a
 * Secret the tree holds: a `SERVER_SSL_KEY_STORE_PASSWORD` of an `envFrom:` Secret or an `env:` `secretKeyRef`, and a
 * `${KEYSTORE_PASSWORD}` of the store's own setting that every container running the app sets from one. The store is
 * the Secret volume's keystore.p12 (test/fixtures/keystores/generated/key.p12, keytool-made; `keytool -list -storepass`
 * with another password says "keystore password was incorrect"). A Secret the tree does not hold judges nothing; a
 * chart's Secret is the one whose templated name the reference writes alike (src/parse/helm-object-names.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';
import { writeTree, type Tree } from '../../helpers/rule-tester';
import { fromSecret, ordersDeployment, secretManifest } from '../../helpers/kubernetes-manifests';

const STORE = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'));
const RIGHT = 'Pk12-planted-Zq9';
const WRONG = 'Pk12-planted-Zq8';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** The app, built by Skaffold into the image the Deployment runs; `password`: its key-store-password value. */
const app = (password?: string, keyStore = '/etc/tls/keystore.p12'): Tree => ({
  'app/src/main/resources/application.yml': `server:\n  port: 8443\n  ssl:\n    key-store: ${keyStore}\n    key-store-type: PKCS12\n${password ? `    key-store-password: ${password}\n` : ''}`,
  'app/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
  'skaffold.yaml':
    'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: registry.example.com/orders\n    context: app\n',
});

/** The Deployment mounting Secret orders-tls at /etc/tls; `env`: more lines of its container. */
const deployment = (env: string[]) => ordersDeployment(['secret:', '  secretName: orders-tls'], env);
const secret = (name: string, keys: Record<string, string>) => `---\n${secretManifest(name, keys)}`;
const TLS = secret('orders-tls', { 'keystore.p12': b64(STORE) });

const envFrom = ['envFrom:', '- secretRef:', '    name: orders-env'];
const secretKeyRef = (variable: string) => fromSecret(variable, 'orders-pw', 'password');

/** A chart's templated Secret names (https://helm.sh/docs/chart_best_practices/templates/#names-of-defined-templates). */
const PW_NAME = '{{ include "orders.fullname" . }}-pw';

/**
 * The app deployed by a Helm chart whose Deployment's container has `env` (naming `named` where it says orders-pw) and
 * whose Secret template holds orders-tls and, named `secretName`, the wrong password (as key `password` and as
 * SERVER_SSL_KEY_STORE_PASSWORD).
 */
const chart = (env: string[], named: string, secretName: string): Tree => ({
  ...app(),
  'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  'chart/templates/deployment.yaml': deployment(env.map((l) => l.replace('orders-pw', named))),
  'chart/templates/secret.yaml':
    TLS + secret(secretName, { password: b64(WRONG), SERVER_SSL_KEY_STORE_PASSWORD: b64(WRONG) }),
});

/** `ruleId file:line` of the store findings, and of each related place. */
function findings(files: Tree): string[] {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const report = JSON.stringify(result.findings);
  if (report.includes(RIGHT) || report.includes(WRONG)) throw new Error('a store password was printed');
  const at = (l: { file?: string; range?: { start: { line: number } } }) =>
    `${path.relative(root, l.file ?? '')}:${(l.range?.start.line ?? -1) + 1}`;
  return result.findings
    .filter((f) => /^(cert\/store-password-wrong|parse\/keystore-locked)$/.test(f.ruleId))
    .map((f) => `${f.ruleId} ${at(f.location)}${(f.related ?? []).map((r) => ` ${at(r)}`).join('')}`);
}

/** The findings of one rule. */
function reported(ruleId: string, files: Tree) {
  const root = writeTree(files);
  return lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings.filter((f) => f.ruleId === ruleId);
}

describe('cert/store-password-wrong: store passwords from Kubernetes Secrets', () => {
  test.each<[string, Tree, string[]]>([
    [
      'an envFrom Secret whose SERVER_SSL_KEY_STORE_PASSWORD does not open the store',
      {
        ...app(),
        'k8s/deployment.yaml': deployment(envFrom),
        'k8s/secret.yaml': TLS + secret('orders-env', { SERVER_SSL_KEY_STORE_PASSWORD: b64(WRONG) }),
      },
      ['cert/store-password-wrong k8s/secret.yaml:14 k8s/secret.yaml:7 k8s/deployment.yaml:13'],
    ],
    [
      'an envFrom Secret whose SERVER_SSL_KEY_STORE_PASSWORD opens it',
      {
        ...app(),
        'k8s/deployment.yaml': deployment(envFrom),
        'k8s/secret.yaml': TLS + secret('orders-env', { SERVER_SSL_KEY_STORE_PASSWORD: b64(RIGHT) }),
      },
      [],
    ],
    [
      "a secretKeyRef SERVER_SSL_KEY_STORE_PASSWORD over the file's right password",
      {
        ...app(RIGHT),
        'k8s/deployment.yaml': deployment(secretKeyRef('SERVER_SSL_KEY_STORE_PASSWORD')),
        'k8s/secret.yaml': TLS + secret('orders-pw', { password: b64(WRONG) }),
      },
      ['cert/store-password-wrong k8s/secret.yaml:14 k8s/secret.yaml:7 k8s/deployment.yaml:12'],
    ],
    [
      "a secretKeyRef that opens it over the file's wrong password: the file's is not the one loaded",
      {
        ...app(WRONG),
        'k8s/deployment.yaml': deployment(secretKeyRef('SERVER_SSL_KEY_STORE_PASSWORD')),
        'k8s/secret.yaml': TLS + secret('orders-pw', { password: b64(RIGHT) }),
      },
      [],
    ],
    [
      'a secretKeyRef to a Secret the tree does not hold: nothing judged, the store locked',
      {
        ...app(),
        'k8s/deployment.yaml': deployment(secretKeyRef('SERVER_SSL_KEY_STORE_PASSWORD')),
        'k8s/secret.yaml': TLS,
      },
      ['parse/keystore-locked k8s/secret.yaml:7'],
    ],
    [
      '${KEYSTORE_PASSWORD} of the setting, which the container sets from a Secret that does not open the store',
      {
        ...app('${KEYSTORE_PASSWORD}'),
        'k8s/deployment.yaml': deployment(secretKeyRef('KEYSTORE_PASSWORD')),
        'k8s/secret.yaml': TLS + secret('orders-pw', { password: b64(WRONG) }),
      },
      [
        'cert/store-password-wrong k8s/secret.yaml:14 k8s/secret.yaml:7 app/src/main/resources/application.yml:6 k8s/deployment.yaml:12',
      ],
    ],
    [
      '${KEYSTORE_PASSWORD} of a store packaged with the app, set from a Secret that does not open it',
      {
        ...app('${KEYSTORE_PASSWORD}', 'classpath:keystore.p12'),
        'app/src/main/resources/keystore.p12': STORE,
        'k8s/deployment.yaml':
          deployment(secretKeyRef('KEYSTORE_PASSWORD')) + secret('orders-pw', { password: b64(WRONG) }),
      },
      [
        'cert/store-password-wrong k8s/deployment.yaml:30 app/src/main/resources/keystore.p12:1 app/src/main/resources/application.yml:6 k8s/deployment.yaml:12',
      ],
    ],
    [
      '${KEYSTORE_PASSWORD} of a store packaged with the app, set from a Secret that opens it',
      {
        ...app('${KEYSTORE_PASSWORD}', 'classpath:keystore.p12'),
        'app/src/main/resources/keystore.p12': STORE,
        'k8s/deployment.yaml':
          deployment(secretKeyRef('KEYSTORE_PASSWORD')) + secret('orders-pw', { password: b64(RIGHT) }),
      },
      [],
    ],
    [
      '${KEYSTORE_PASSWORD} of a packaged store, set from a Secret of passwords alone in its own file',
      {
        ...app('${KEYSTORE_PASSWORD}', 'classpath:keystore.p12'),
        'app/src/main/resources/keystore.p12': STORE,
        'k8s/deployment.yaml': deployment(secretKeyRef('KEYSTORE_PASSWORD')),
        'k8s/secret-pw.yaml': secretManifest('orders-pw', { password: b64(WRONG) }),
      },
      [
        'cert/store-password-wrong k8s/secret-pw.yaml:6 app/src/main/resources/keystore.p12:1 app/src/main/resources/application.yml:6 k8s/deployment.yaml:12',
      ],
    ],
    [
      "a chart's secretKeyRef naming its Secret as the Secret's template writes it: that Secret",
      chart(secretKeyRef('SERVER_SSL_KEY_STORE_PASSWORD'), PW_NAME, PW_NAME),
      [
        'cert/store-password-wrong chart/templates/secret.yaml:14 chart/templates/secret.yaml:7 chart/templates/deployment.yaml:12',
      ],
    ],
    [
      "a chart's envFrom naming its Secret as the Secret's template writes it: that Secret",
      chart(['envFrom:', '- secretRef:', `    name: ${PW_NAME}`], PW_NAME, PW_NAME),
      [
        // The Secret's SERVER_SSL_KEY_STORE_PASSWORD; related: the store, the envFrom, its template value.
        'cert/store-password-wrong chart/templates/secret.yaml:15 chart/templates/secret.yaml:7 chart/templates/deployment.yaml:13 chart/templates/deployment.yaml:13',
      ],
    ],
    [
      "a chart's secretKeyRef naming a Secret written otherwise ({{ .Release.Name }}-pw): unknown, the store locked",
      chart(secretKeyRef('SERVER_SSL_KEY_STORE_PASSWORD'), '{{ .Release.Name }}-pw', PW_NAME),
      ['parse/keystore-locked chart/templates/secret.yaml:7'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(findings(files)).toEqual(expected);
  });

  it('names the variable, the store by its key, and what brings the password in', () => {
    const [finding] = reported('cert/store-password-wrong', {
      ...app('${KEYSTORE_PASSWORD:changeit}'),
      'k8s/deployment.yaml': deployment(secretKeyRef('KEYSTORE_PASSWORD')),
      'k8s/secret.yaml': TLS + secret('orders-pw', { password: b64(WRONG) }),
    });
    expect(finding?.message).toMatch(
      /^KEYSTORE_PASSWORD gives a password that does not open PKCS12 store keystore\.p12 /,
    );
    expect(finding?.related?.map((r) => r.message)).toEqual([
      'the store keystore.p12',
      'server.ssl.key-store-password reads the variable KEYSTORE_PASSWORD',
      'KEYSTORE_PASSWORD of Deployment orders, container orders takes Secret orders-pw key password',
    ]);
  });

  it("a locked store's info names the Secret its own password variable needs, not another app's", () => {
    const locked = reported('parse/keystore-locked', {
      ...app('${KEYSTORE_PASSWORD}'),
      // Another workload's store password from a Secret the tree lacks too (first in path order).
      'k8s/a-other.yaml': deployment(secretKeyRef('SERVER_SSL_TRUST_STORE_PASSWORD'))
        .replace(/orders/g, 'billing')
        .replace('orders-pw', 'billing-pw'),
      'k8s/deployment.yaml': deployment(secretKeyRef('KEYSTORE_PASSWORD')),
      'k8s/secret.yaml': TLS,
    });
    expect(locked.map((f) => /sets (\S+) from the Secret (\S+) key (\S+),/.exec(f.message)?.slice(1))).toEqual([
      ['KEYSTORE_PASSWORD', 'orders-pw', 'password'],
    ]);
  });

  it('a Docker Compose service that starts the app too may set the variable otherwise: not judged', () => {
    expect(
      findings({
        ...app('${KEYSTORE_PASSWORD}'),
        'compose.yaml': 'services:\n  orders:\n    build: app\n    image: registry.example.com/orders:dev\n',
        'k8s/deployment.yaml': deployment(secretKeyRef('KEYSTORE_PASSWORD')),
        'k8s/secret.yaml': TLS + secret('orders-pw', { password: b64(WRONG) }),
      }),
    ).toEqual(['parse/keystore-locked k8s/secret.yaml:7']);
  });
});
