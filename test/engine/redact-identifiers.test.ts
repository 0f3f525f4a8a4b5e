import type { Location } from '../../src/core/types';
import { secretMasker } from '../../src/engine/run/redact';
import { parseProperties } from '../../src/parse/properties';
import type { ParsedDocument } from '../../src/parse/types';
import { kubernetesFormat } from '../../src/parse/kubernetes';
import { ordersContainerDeployment } from '../helpers/kubernetes-manifests';
import { lintTree } from './lint-helper';

// A password the tree also writes as a name (thomasdarimont/keycloak-project-example and
// mys1erious/packt-keycloak-identity: a database password `keycloak` and an HAProxy `backend keycloak`) was masked in
// every message: `(backend ***, haproxy.cfg)` garbled the message and told the password to whoever opened haproxy.cfg.
// A message about a file that writes the name in clear now keeps it; one about the secret's own line still masks it.

const doc = (path: string, text: string) =>
  ({ ...parseProperties(text), file: { path, text, hadBom: false }, kind: 'x', data: undefined }) as ParsedDocument;
const at = (file: string, line?: number): Location => ({
  file,
  ...(line !== undefined && { range: { start: { line, character: 0 }, end: { line, character: 5 } } }),
});

describe('secretMasker: a secret the files a message is about write as a name', () => {
  const mask = secretMasker([
    doc('/t/idp/keycloak.conf', 'db-username=identity\ndb-password=identity\n'),
    doc('/t/lb/haproxy.cfg', 'backend=identity\nserver=idp-identity-01:8443\n'),
    doc('/t/other.properties', 'mode=http\n'),
  ]);
  const haproxy = at('/t/lb/haproxy.cfg', 0);

  it.each<[string, Location[] | undefined, string, string]>([
    ['a backend name, in a message about the file that names it', [haproxy], 'backend identity', 'backend identity'],
    ['a host name holding it, there', [haproxy], 'server idp-identity-01:8443', 'server idp-identity-01:8443'],
    ['a message whose places are not said', undefined, 'backend identity', 'backend ***'],
    [
      'a message about a file that does not write it',
      [at('/t/other.properties', 0)],
      'backend identity',
      'backend ***',
    ],
    ['a word the file does not write around it', [haproxy], 'identity-provider', '***-provider'],
    ["a message about the secret's own line", [at('/t/idp/keycloak.conf', 1)], 'user identity', 'user ***'],
    ['one of whose places is that line', [haproxy, at('/t/idp/keycloak.conf', 1)], 'backend identity', 'backend ***'],
    ['a message about the whole file of the secret', [at('/t/idp/keycloak.conf')], 'user identity', 'user ***'],
    [
      'a message about another line of it that names the user',
      [at('/t/idp/keycloak.conf', 0)],
      'user identity',
      'user identity',
    ],
  ])('%s', (_name, where, text, expected) => {
    expect((where ? mask.about!(where) : mask)(text)).toBe(expected);
  });

  it('a secret whose place the tree does not say (a ConfigMap key a DB_PASSWORD takes) is masked everywhere', () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-db\ndata:\n  db: identity\n  backend: identity\n---',
      ordersContainerDeployment('orders:1.0', [
        'env:',
        '- name: DB_PASSWORD',
        '  valueFrom:',
        '    configMapKeyRef: { name: orders-db, key: db }',
      ]),
    ].join('\n');
    const manifest = kubernetesFormat.parse({ path: '/t/k8s/orders.yaml', text, hadBom: false }, 'kubernetes');
    const unplaced = secretMasker([manifest]);
    expect(unplaced.about!([at('/t/k8s/orders.yaml', 6)])('backend identity')).toBe('backend ***');
  });
});

describe('a tree whose passwords are a backend name, a word of a path and part of a host name', () => {
  const { findings } = lintTree(
    {
      'lb/haproxy.cfg': [
        'defaults',
        '    mode http',
        '',
        'frontend web',
        '    bind *:443 ssl crt /etc/ssl/site.pem',
        '    use_backend identity',
        '',
        'backend identity',
        '    server kc1 idp-identity-01:8443 ssl verify none',
        '',
      ].join('\n'),
      'idp/conf/keycloak.conf':
        'db=postgres\ndb-username=identity\ndb-password=identity\nhttps-key-store-password=private\n',
      'k8s/idp.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: idp',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: idp',
        '          image: quay.io/keycloak/keycloak:24.0',
        '          args: ["start"]',
        '          env:',
        '            - name: KC_HTTPS_CERTIFICATE_FILE',
        '              value: /etc/private/tls.crt',
        '            - name: KC_HTTPS_CERTIFICATE_KEY_FILE',
        '              value: /etc/private/tls.key',
        '          volumeMounts:',
        '            - name: certs',
        '              mountPath: /etc/private',
        '      volumes:',
        '        - name: certs',
        '          secret:',
        '            secretName: idp-tls',
        '',
      ].join('\n'),
      // A user whose password is the user's name: the message about that line keeps both masked.
      'broker/etc/artemis-users.properties': 'identity = identity\n',
    },
    { builtIn: ['haproxy/server-verify-disabled', 'cert/volume-store-unknown', 'security/plaintext-secret'] },
  );
  const message = (ruleId: string, file: string) =>
    findings.find((f) => f.ruleId === ruleId && f.location.file.endsWith(file))?.message ?? '';

  it.each<[string, string, string, string]>([
    ['the backend name', 'haproxy/server-verify-disabled', 'lb/haproxy.cfg', '(backend identity, lb/haproxy.cfg)'],
    ['the host name holding the password', 'haproxy/server-verify-disabled', 'lb/haproxy.cfg', 'idp-identity-01:8443'],
    [
      'the path whose word is a password',
      'cert/volume-store-unknown',
      'k8s/idp.yaml',
      'certificate /etc/private/tls.crt',
    ],
    [
      "the user on a password's own line, masked",
      'security/plaintext-secret',
      'artemis-users.properties',
      'the password of user *** in artemis-users.properties',
    ],
  ])('keeps %s', (_name, ruleId, file, expected) => {
    expect(message(ruleId, file)).toContain(expected);
  });

  it('never quotes a password as one', () => {
    const secrets = findings.filter((f) => f.ruleId === 'security/plaintext-secret');
    expect(secrets).toHaveLength(3);
    for (const finding of secrets) expect(finding.message).not.toMatch(/identity|private/);
    expect(JSON.stringify(findings)).not.toMatch(/=\s*(identity|private)\b|'(identity|private)'/);
  });
});
