/**
 * A Spring Boot app's stores that its Kubernetes containers read from Secret volumes (src/model/kubernetes-app-stores.ts):
 * a `server.ssl.key-store`/`trust-store` or `spring.ssl.bundle.*` path below a `secret:` (or `projected:`) volume's
 * mountPath is that key of the Secret, a binary PKCS#12/JKS in base64 `data:` read as the store it is
 * (src/parse/kubernetes-secret-files.ts), opened with the Secret's own password key. A Secret the tree does not hold
 * leaves the store unknown, saying which. Shapes after the usual `kubectl create secret generic --from-file=keystore.p12`
 * Deployments of Spring Boot apps built by Skaffold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { StoreRef } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { buildStores, type BuiltStores } from '../helpers/keystores';
import { daysFromNow, leaf } from '../helpers/pki';
import { ordersDeployment as deployment, fromSecret, secretManifest as secret } from '../helpers/kubernetes-manifests';

let stores: BuiltStores;
beforeAll(() => {
  stores = buildStores();
});
afterAll(() => fs.rmSync(stores.dir, { recursive: true, force: true }));

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const other = leaf('other.example.com');
const expired = leaf('legacy.example.com', undefined, { notAfter: daysFromNow(-10), notBefore: daysFromNow(-400) });

/** The app: its Spring settings, built by Skaffold into the image the Deployment runs. */
const app = (yaml: string): Tree => ({
  'app/src/main/resources/application.yml': yaml,
  'app/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
  'skaffold.yaml':
    'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: registry.example.com/orders\n    context: app\n',
});

const SERVER_KEY_STORE =
  'server:\n  port: 8443\n  ssl:\n    key-store: /etc/tls/keystore.p12\n    key-store-type: PKCS12\n    key-store-password: ${KEYSTORE_PASSWORD}\n';

const PEM_BUNDLE =
  'server:\n  port: 8443\n  ssl:\n    bundle: web\nspring:\n  ssl:\n    bundle:\n      pem:\n        web:\n          keystore:\n            certificate: /etc/tls/tls.crt\n            private-key: /etc/tls/tls.key\n';

/** `key=<file> <how>` and `trust=…` of the Spring server, plus the parse and certificate findings' rule ids. */
function summary(files: Tree): string[] {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const store = (s: StoreRef | undefined) =>
    !s
      ? '-'
      : [
          s.file ? path.relative(root, s.file) : 'outside',
          s.embeddedAt ? 'embedded' : '',
          s.mountedAt ? 'mounted' : '',
          s.type ? s.type.value : '',
          s.volumeUnknown ? `(${s.volumeUnknown})` : '',
        ]
          .filter(Boolean)
          .join(' ');
  const servers = result.deployments.flatMap((d) =>
    d.components
      .filter((c) => c.type === 'spring.server')
      .map((c) => {
        const presents = (d.derived?.presented.get(c.id) ?? [])
          .flatMap((p) => p.certificates.slice(0, 1))
          .map((t) => t.cert.subjectText);
        const said = presents.length ? ` presents ${presents.join(',')}` : '';
        return `key=${store(c.tls?.trust?.keyStore)} trust=${store(c.tls?.trust?.trustStore)}${said}`;
      }),
  );
  const report = JSON.stringify(result.findings);
  // The Secret's password is never printed.
  if (report.includes(stores.password)) throw new Error('the store password was printed');
  const findings = result.findings
    .filter((f) => /^(parse\/keystore|cert\/)/.test(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId}${f.ruleId === 'cert/expired' ? ` ${f.severity}` : ''} ${f.location.file ? path.relative(root, f.location.file) : ''}` +
        (/the Secret (\S+) key ([^\s,]+)/
          .exec(f.message)
          ?.slice(1, 3)
          .reduce((a, b) => ` (Secret ${a} key ${b})`) ?? ''),
    );
  return [...servers, ...findings];
}

describe("Spring Boot stores from a Kubernetes container's Secret volumes", () => {
  it.each<[string, () => Tree, string[]]>([
    [
      'a PKCS#12 in base64 data, its password another key of the Secret: the key store is that key, read and opened',
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml': secret('orders-tls', {
          'keystore.p12': b64(stores.bytes('chain.p12')),
          'keystore-password': b64(stores.password),
        }),
      }),
      ['key=k8s/secret.yaml embedded mounted PKCS12 trust=- presents CN=app.example.com,O=Stores'],
    ],
    [
      "a PEM bundle's tls.crt beside a key store in one Secret (cert-manager's keystores shape): tls.crt is presented",
      () => ({
        ...app(PEM_BUNDLE),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml': secret('orders-tls', {
          'tls.crt': b64(other.pem),
          'tls.key': b64(other.keyPem),
          'keystore.p12': b64(stores.bytes('chain.p12')),
          'keystore-password': b64(stores.password),
        }),
      }),
      ['key=k8s/secret.yaml embedded mounted PEM trust=- presents CN=other.example.com'],
    ],
    [
      "another Secret of the manifest holds an expired certificate no container mounts: it is not the app's (cert/expired stays an info)",
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml':
          secret('orders-tls', {
            'keystore.p12': b64(stores.bytes('chain.p12')),
            'keystore-password': b64(stores.password),
          }) +
          '---\n' +
          secret('legacy-tls', { 'tls.crt': b64(expired.pem), 'tls.key': b64(expired.keyPem) }),
      }),
      [
        'key=k8s/secret.yaml embedded mounted PKCS12 trust=- presents CN=app.example.com,O=Stores',
        'cert/expired info k8s/secret.yaml',
      ],
    ],
    [
      'the Secret is not in the tree: unknown, naming it (was: a path outside the tree)',
      () => ({ ...app(SERVER_KEY_STORE), 'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']) }),
      [
        'key=outside PKCS12 (the Secret orders-tls is not in the tree; declare it with key keystore.p12 (the file at /etc/tls/keystore.p12)) trust=-',
        'cert/volume-store-unknown app/src/main/resources/application.yml',
      ],
    ],
    [
      "the PKCS#12's password is in no key of its Secret: the store is the Secret's key, its certificates locked (said there)",
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml': secret('orders-tls', { 'keystore.p12': b64(stores.bytes('chain.p12')) }),
      }),
      ['key=k8s/secret.yaml embedded mounted PKCS12 trust=-', 'parse/keystore-locked k8s/secret.yaml'],
    ],
    [
      'a JKS trust store mapped by items: to another path, beside the key store: both read',
      () => ({
        ...app(`${SERVER_KEY_STORE}    trust-store: /etc/tls/trust/ca.jks\n    trust-store-password: \${TRUST_PW}\n`),
        'k8s/deployment.yaml': deployment([
          'secret:',
          '  secretName: orders-tls',
          '  items:',
          '  - key: keystore.p12',
          '    path: keystore.p12',
          '  - key: truststore.jks',
          '    path: trust/ca.jks',
        ]),
        'k8s/secret.yaml': secret('orders-tls', {
          'keystore.p12': b64(stores.bytes('key.p12')),
          'truststore.jks': b64(stores.bytes('trust.jks')),
          password: b64(stores.password),
        }),
      }),
      [
        'key=k8s/secret.yaml embedded mounted PKCS12 trust=k8s/secret.yaml embedded mounted JKS presents CN=app.example.com,O=Stores',
      ],
    ],
    [
      'a projected volume of two Secrets: each file from the source that holds it',
      () => ({
        ...app(`${SERVER_KEY_STORE}    trust-store: /etc/tls/truststore.jks\n`),
        'k8s/deployment.yaml': deployment([
          'projected:',
          '  sources:',
          '  - secret:',
          '      name: orders-key',
          '  - secret:',
          '      name: orders-trust',
        ]),
        'k8s/secret.yaml':
          secret('orders-key', { 'keystore.p12': b64(stores.bytes('key.p12')), pw: b64(stores.password) }) +
          '---\n' +
          secret('orders-trust', { 'truststore.jks': b64(stores.bytes('trust.jks')) }),
      }),
      [
        'key=k8s/secret.yaml embedded mounted PKCS12 trust=k8s/secret.yaml embedded mounted JKS presents CN=app.example.com,O=Stores',
      ],
    ],
    [
      'a PEM SSL bundle from a kubernetes.io/tls Secret (tls.crt, tls.key)',
      () => ({
        ...app(PEM_BUNDLE),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml': secret('orders-tls', {
          'tls.crt': b64(fs.readFileSync(path.join(stores.dir, 'leaf.crt'))),
          'tls.key': b64(fs.readFileSync(path.join(stores.dir, 'leaf.key'))),
        }),
      }),
      ['key=k8s/secret.yaml embedded mounted PEM trust=- presents CN=app.example.com,O=Stores'],
    ],
    [
      "a cert-manager Secret (tls.crt, tls.key, ca.crt): the key each setting names decides, tls.crt presented and ca.crt trusted (was: 'several certificate files', unknown)",
      () => ({
        ...app(
          PEM_BUNDLE.replace(
            '            private-key: /etc/tls/tls.key\n',
            '$&          truststore:\n            certificate: /etc/tls/ca.crt\n',
          ),
        ),
        'k8s/deployment.yaml': deployment(['secret:', '  secretName: orders-tls']),
        'k8s/secret.yaml': secret('orders-tls', {
          'tls.crt': b64(fs.readFileSync(path.join(stores.dir, 'leaf.crt'))),
          'tls.key': b64(fs.readFileSync(path.join(stores.dir, 'leaf.key'))),
          'ca.crt': b64(other.pem),
        }),
      }),
      [
        'key=k8s/secret.yaml embedded mounted PEM trust=k8s/secret.yaml embedded mounted PEM presents CN=app.example.com,O=Stores',
      ],
    ],
    [
      'the store password a container variable takes from another Secret (secretKeyRef): followed, the store opened',
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(
          ['secret:', '  secretName: orders-tls'],
          fromSecret('KEYSTORE_PASSWORD', 'orders-pw', 'pw'),
        ),
        'k8s/secret.yaml':
          secret('orders-tls', { 'keystore.p12': b64(stores.bytes('chain.p12')) }) +
          '---\n' +
          secret('orders-pw', { pw: b64(stores.password) }),
      }),
      ['key=k8s/secret.yaml embedded mounted PKCS12 trust=- presents CN=app.example.com,O=Stores'],
    ],
    [
      "SERVER_SSL_KEY_STORE_PASSWORD from a Secret's stringData (no password setting in application.yml): the store opened",
      () => ({
        ...app(SERVER_KEY_STORE.replace(/ {4}key-store-password:.*\n/, '')),
        'k8s/deployment.yaml': deployment(
          ['secret:', '  secretName: orders-tls'],
          fromSecret('SERVER_SSL_KEY_STORE_PASSWORD', 'orders-pw', 'store-pass'),
        ),
        'k8s/secret.yaml':
          secret('orders-tls', { 'keystore.p12': b64(stores.bytes('chain.p12')) }) +
          '---\n' +
          ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: orders-pw', 'stringData:'].join('\n') +
          `\n  store-pass: "${stores.password}"\n`,
      }),
      ['key=k8s/secret.yaml embedded mounted PKCS12 trust=- presents CN=app.example.com,O=Stores'],
    ],
    [
      // The envFrom Secret is in the tree: its keys are the variables it sets, and the server is known.
      'the store password variable from an envFrom Secret: followed, the store opened (no locked info)',
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(
          ['secret:', '  secretName: orders-tls'],
          ['envFrom:', '- secretRef:', '    name: orders-env'],
        ),
        'k8s/secret.yaml':
          secret('orders-tls', { 'keystore.p12': b64(stores.bytes('chain.p12')) }) +
          '---\n' +
          secret('orders-env', { KEYSTORE_PASSWORD: b64(stores.password) }),
      }),
      ['key=k8s/secret.yaml embedded mounted PKCS12 trust=- presents CN=app.example.com,O=Stores'],
    ],
    [
      "the password's Secret is not in the tree: the store stays locked, its info naming the Secret and key to add",
      () => ({
        ...app(SERVER_KEY_STORE),
        'k8s/deployment.yaml': deployment(
          ['secret:', '  secretName: orders-tls'],
          fromSecret('KEYSTORE_PASSWORD', 'orders-pw', 'pw'),
        ),
        'k8s/secret.yaml': secret('orders-tls', { 'keystore.p12': b64(stores.bytes('chain.p12')) }),
      }),
      [
        'key=k8s/secret.yaml embedded mounted PKCS12 trust=-',
        'parse/keystore-locked k8s/secret.yaml (Secret orders-pw key pw)',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(summary(files())).toEqual(expected);
  });
});
