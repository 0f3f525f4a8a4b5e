import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/volume-store-unknown';
import { ruleTester } from '../../helpers/rule-tester';
import { keycloakDeployment } from '../../helpers/kubernetes-manifests';

/**
 * Keycloak's certificate file from a Kubernetes Secret or ConfigMap volume (src/model/kubernetes-sources.ts): when the
 * tree holds the manifest with the certificate, nothing is said here (the cert/* rules read it); when the Secret is not
 * in the tree or its key is a placeholder, an info names the Secret and the mount, and the tree's tls.pem is not taken
 * for it. Shapes after 1123/confluent-kubernetes-examples@2102700 security/oauth/idp_with_certs/keycloak_deploy.yaml.
 */
const CERT = fs.readFileSync(path.resolve(__dirname, '../../fixtures/certs/api-san.crt'), 'utf8');

const deployment = (volume: string) =>
  keycloakDeployment({
    env: ['            - name: KC_HTTPS_CERTIFICATE_FILE', '              value: /etc/certs/tls.pem'],
    volume: [volume],
  });
const SECRET_VOLUME = '          secret: { secretName: keycloak-tls }';
const secret = (value: string) =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: keycloak-tls',
    'stringData:',
    `  tls.pem: ${value}`,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'the Secret with the certificate is in the tree',
      files: {
        'kc.yaml': deployment(SECRET_VOLUME),
        'secret.yaml': secret(`|\n${CERT.trim().replace(/^/gm, '    ')}`),
      },
    },
    {
      name: 'no volume at the path: the path is read as written, as before',
      files: { 'kc.yaml': deployment(SECRET_VOLUME).replace('/etc/certs/tls.pem', '/opt/tls/tls.pem') },
    },
  ],
  invalid: [
    {
      name: 'the Secret is not in the tree (a tls.pem of the tree is not taken for it)',
      files: { 'kc.yaml': deployment(SECRET_VOLUME), 'tls.pem': CERT },
      errors: [
        {
          messageId: 'unknown',
          file: 'kc.yaml',
          line: 14,
          severity: 'info',
          related: [{ file: 'kc.yaml', line: 17 }],
          // The key to declare, as the volume's items map it to the path.
          messageIncludes: ['is not in the tree; declare it with key tls.pem (the file at /etc/certs/tls.pem)'],
        },
      ],
    },
    {
      name: "the Secret is not in the tree, its volume's items map key server.crt to tls.pem: that key is named",
      files: {
        'kc.yaml': deployment(
          '          secret: { secretName: keycloak-tls, items: [{ key: server.crt, path: tls.pem }] }',
        ),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'kc.yaml',
          line: 14,
          severity: 'info',
          messageIncludes: ['declare it with key server.crt (the file at /etc/certs/tls.pem)'],
        },
      ],
    },
    {
      name: "the Secret's key is a Helm placeholder",
      files: { 'kc.yaml': deployment(SECRET_VOLUME), 'secret.yaml': secret('"{{ .Values.tls.cert }}"') },
      errors: [{ messageId: 'unknown', file: 'kc.yaml', line: 14, severity: 'info' }],
    },
  ],
});
