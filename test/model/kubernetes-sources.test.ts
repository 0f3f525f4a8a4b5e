/**
 * ConfigMaps and Secrets as a Kubernetes container sees them (src/model/kubernetes-sources.ts): a `configMap:`/`secret:`
 * volume puts each key as a file at its `mountPath` (`subPath`, `items:`), an `envFrom:` source gives its keys as
 * variables, each within the container's namespace. Read through Keycloak's HTTPS server, whose certificate file and
 * KC_HTTPS_* variables they decide. Shapes after 1123/confluent-kubernetes-examples@2102700
 * security/oauth/idp_with_certs/keycloak_deploy.yaml (a ConfigMap keycloak-certs mounted at /etc/certs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';
import { keycloakDeployment } from '../helpers/kubernetes-manifests';

const CERT = fs.readFileSync(path.resolve(__dirname, '../fixtures/certs/api-san.crt'), 'utf8');
const OTHER = fs.readFileSync(path.resolve(__dirname, '../fixtures/certs/www-san.crt'), 'utf8');
const indented = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

const CERT_ENV = ['            - name: KC_HTTPS_CERTIFICATE_FILE', '              value: /etc/certs/tls.pem'];
const configMap = (name: string, keys: string[], namespace?: string) =>
  [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'data:',
    ...keys,
    '',
  ].join('\n');
const pemKey = (key: string, pem: string) => `  ${key}: |\n${indented(pem)}`;

function summary(c: Component): string {
  const tls = c.tls;
  const key = tls?.trust?.keyStore;
  const file = key?.file ? path.basename(key.file) : '?';
  return [
    `key=${file}${key?.mountedAt ? `@${key.mountedAt.range?.start.line ?? '?'}` : ''}`,
    `unknown=${key?.volumeUnknown ?? '-'}`,
    // The certificate presented is the mounted key's document, not every certificate of its manifest.
    ...(key?.embeddedAt
      ? [JSON.stringify(tls?.certificate?.embeddedAt) === JSON.stringify(key.embeddedAt) ? 'cert=key' : 'cert=manifest']
      : []),
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}@${tls?.protocols?.from.kind === 'file' ? `${path.basename(tls.protocols.from.location.file)}:${tls.protocols.from.location.range?.start.line}` : '-'}`,
  ].join(' ');
}

const servers = (files: Tree): string[] =>
  modelOf(files)
    .components.filter((c) => c.type === 'keycloak.server')
    .map(summary);

describe('Kubernetes ConfigMap and Secret volumes and envFrom sources', () => {
  it.each<[string, Tree, string[]]>([
    [
      'a ConfigMap volume in the same manifest: its tls.pem key is the certificate file, mounted at the mountPath (confluent shape)',
      {
        'kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          configMap:', '            name: keycloak-certs'] }) +
          configMap('keycloak-certs', [pemKey('tls.pem', CERT)]),
      },
      ['key=kc.yaml@16 unknown=- cert=key protocols=TLSv1.3,TLSv1.2@-'],
    ],
    [
      'a Secret in another file, its stringData key mapped by items: to another path',
      {
        'kc.yaml': keycloakDeployment({
          env: CERT_ENV,
          volume: [
            '          secret:',
            '            secretName: kc-tls',
            '            items:',
            '              - key: tls.crt',
            '                path: tls.pem',
          ],
        }),
        'secret.yaml': [
          'apiVersion: v1',
          'kind: Secret',
          'metadata:',
          '  name: kc-tls',
          'stringData:',
          pemKey('tls.crt', CERT),
          '',
        ].join('\n'),
      },
      ['key=secret.yaml@16 unknown=- cert=key protocols=TLSv1.3,TLSv1.2@-'],
    ],
    [
      'a subPath mount puts one key at the mountPath itself',
      {
        'kc.yaml':
          keycloakDeployment({
            env: CERT_ENV,
            mount: ['              mountPath: /etc/certs/tls.pem', '              subPath: server.pem'],
            volume: ['          configMap:', '            name: keycloak-certs'],
          }) + configMap('keycloak-certs', [pemKey('server.pem', CERT)]),
      },
      ['key=kc.yaml@16 unknown=- cert=key protocols=TLSv1.3,TLSv1.2@-'],
    ],
    [
      'the Secret is not in the tree: unknown, and the tree file of that name is not taken for it',
      {
        'kc.yaml': keycloakDeployment({
          env: CERT_ENV,
          volume: ['          secret:', '            secretName: kc-tls'],
        }),
        'tls.pem': CERT,
      },
      [
        'key=? unknown=the Secret kc-tls is not in the tree; declare it with key tls.pem (the file at /etc/certs/tls.pem) protocols=TLSv1.3,TLSv1.2@-',
      ],
    ],
    [
      'a Helm placeholder, an empty key, base64 data: unknown',
      {
        'a/kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          configMap:', '            name: keycloak-certs'] }) +
          configMap('keycloak-certs', ['  tls.pem: "{{ .Values.tls.cert }}"']),
        'b/kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          configMap:', '            name: keycloak-certs'] }) +
          configMap('keycloak-certs', ['  tls.pem: ""']),
        'c/kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          secret:', '            secretName: kc'] }) +
          '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kc\ndata:\n  tls.pem: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n',
      },
      [
        'key=? unknown=the ConfigMap keycloak-certs key tls.pem is a placeholder, filled when it is applied protocols=TLSv1.3,TLSv1.2@-',
        "key=? unknown=the ConfigMap keycloak-certs key tls.pem is empty here (the cluster's is set elsewhere) protocols=TLSv1.3,TLSv1.2@-",
        'key=? unknown=the Secret kc key tls.pem is base64 data that is no PEM file or key store lint-deploy reads protocols=TLSv1.3,TLSv1.2@-',
      ],
    ],
    [
      // trevor-dolby-at-ibm-com/ace-mq-tls-examples@e824598 (MIT) openshift/mqserver-tls-secret-template.yaml: its script
      // seds the base64 in for TLSCRTBASE64; was "base64 data that is no PEM file". A short base64 value is still data.
      "a script's upper-case token in a Secret's data where the certificate goes: a placeholder",
      {
        'a/kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          secret:', '            secretName: kc'] }) +
          '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kc\ndata:\n  tls.pem: TLSCRTBASE64\n',
        'b/kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          secret:', '            secretName: kc'] }) +
          '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kc\ndata:\n  tls.pem: QUJDREVGR0hJSktM\n',
      },
      [
        'key=? unknown=the Secret kc key tls.pem is a placeholder, filled when it is applied protocols=TLSv1.3,TLSv1.2@-',
        'key=? unknown=the Secret kc key tls.pem is base64 data that is no PEM file or key store lint-deploy reads protocols=TLSv1.3,TLSv1.2@-',
      ],
    ],
    [
      "a Secret's base64 data key that is a PEM certificate (kubectl create secret tls): decoded, the certificate file",
      {
        'kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          secret:', '            secretName: kc'] }) +
          `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kc\ndata:\n  tls.pem: ${Buffer.from(CERT).toString('base64')}\n`,
      },
      ['key=kc.yaml@16 unknown=- cert=key protocols=TLSv1.3,TLSv1.2@-'],
    ],
    [
      'namespaces: the ConfigMap of the same name in another namespace is not the one mounted',
      {
        'kc.yaml':
          keycloakDeployment({
            env: CERT_ENV,
            namespace: 'iam',
            volume: ['          configMap:', '            name: keycloak-certs'],
          }) + configMap('keycloak-certs', [pemKey('tls.pem', CERT)], 'other'),
      },
      [
        'key=? unknown=the ConfigMap keycloak-certs is not in the tree; declare it with key tls.pem (the file at /etc/certs/tls.pem) protocols=TLSv1.3,TLSv1.2@-',
      ],
    ],
    [
      "a manifest holding two certificate files: the mounted key's is the certificate (was: not told apart, unknown)",
      {
        'kc.yaml':
          keycloakDeployment({ env: CERT_ENV, volume: ['          configMap:', '            name: keycloak-certs'] }) +
          configMap('keycloak-certs', [pemKey('ca.pem', OTHER), pemKey('tls.pem', CERT)]),
      },
      ['key=kc.yaml@16 unknown=- cert=key protocols=TLSv1.3,TLSv1.2@-'],
    ],
    [
      "envFrom: a ConfigMap's KC_ keys are the container's variables (env: wins), at the ConfigMap's lines; one of another namespace is not read",
      {
        'kc.yaml': keycloakDeployment({
          namespace: 'iam',
          envFrom: ['            - configMapRef:', '                name: kc-env'],
          volume: ['          configMap:', '            name: keycloak-certs'],
        }),
        'env.yaml':
          configMap(
            'kc-env',
            ['  KC_HTTPS_CERTIFICATE_FILE: /etc/certs/tls.pem', '  KC_HTTPS_PROTOCOLS: TLSv1.2'],
            'iam',
          ) +
          configMap('kc-env', ['  KC_HTTPS_PROTOCOLS: TLSv1.1'], 'other') +
          configMap('keycloak-certs', [pemKey('tls.pem', CERT)], 'iam'),
      },
      ['key=env.yaml@17 unknown=- cert=key protocols=TLSv1.2@env.yaml:8'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(servers(files)).toEqual(expected);
  });
});
