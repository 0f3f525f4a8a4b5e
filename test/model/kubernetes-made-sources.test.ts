/**
 * The Secret a Kubernetes volume mounts, when the tree does not write it as a plain manifest
 * (src/model/kubernetes-made-sources.ts, src/parse/helm-object-names.ts): a Helm chart's Secret whose templated name
 * the workload writes alike (`{{ include "kc.fullname" . }}-tls`), a kustomization's `secretGenerator:` and a script's
 * `kubectl create secret generic --from-file` / `oc create secret` / `kubectl create secret tls`, whose keys are tree
 * files. Read through Keycloak's HTTPS certificate file, mounted at /etc/certs. Names a template renders differently
 * in another template, variables and files the tree does not show stay unknown. Shapes after
 * keycloak/keycloak-benchmark@… provision/minikube/init-database.sh (`--from-file=tls.crt=crdb/tls.crt`) and
 * apache/dolphinscheduler deploy/kubernetes/dolphinscheduler/templates (`{{ include "….fullname" . }}-configs`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';
import { keycloakDeployment } from '../helpers/kubernetes-manifests';

const CERT = fs.readFileSync(path.resolve(__dirname, '../fixtures/certs/api-san.crt'), 'utf8');
const CERT_ENV = ['            - name: KC_HTTPS_CERTIFICATE_FILE', '              value: /etc/certs/tls.pem'];
const indented = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** Keycloak mounting Secret `name` (as written) at /etc/certs. */
const mounting = (name: string, items: string[] = []) =>
  keycloakDeployment({ env: CERT_ENV, volume: ['          secret:', `            secretName: ${name}`, ...items] });
const secret = (name: string, key = 'tls.pem') =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${name}`,
    'stringData:',
    `  ${key}: |`,
    indented(CERT),
    '',
  ].join('\n');
const CHART = { 'chart/Chart.yaml': 'apiVersion: v2\nname: kc\nversion: 0.1.0\n' };
const kustomization = (generator: string[]) =>
  ['resources:', '  - kc.yaml', 'secretGenerator:', ...generator, ''].join('\n');

/** The Keycloak server's certificate file (and its document's line), else why it is unknown. */
function certificate(c: Component): string {
  const key = c.tls?.trust?.keyStore;
  if (key?.volumeUnknown) return `unknown: ${key.volumeUnknown}`;
  // The path below the tree's root (a temporary directory).
  const file = key?.file?.replace(/\\/g, '/').replace(/^.*\/lint-deploy-test-[^/]+\//, '');
  return file ? `${file}${key?.embeddedAt ? ' (embedded)' : ''}` : '?';
}

const servers = (files: Tree): string[] =>
  modelOf(files)
    .components.filter((c) => c.type === 'keycloak.server')
    .map(certificate);

describe('Secrets a chart names alike, a generator or a script makes of files', () => {
  it.each<[string, Tree, string]>([
    [
      'a chart: the Secret and the volume write one name alike (white space inside the braces aside)',
      {
        ...CHART,
        'chart/templates/kc.yaml': mounting('{{ include "kc.fullname" . }}-tls'),
        'chart/templates/secret.yaml': secret('{{include "kc.fullname"   .}}-tls'),
      },
      'chart/templates/secret.yaml (embedded)',
    ],
    [
      "a chart: Go's trim markers render alike too",
      {
        ...CHART,
        'chart/templates/kc.yaml': mounting('kc-{{- .Release.Name }}-tls'),
        'chart/templates/secret.yaml': secret('kc-{{ .Release.Name -}}-tls'),
      },
      'chart/templates/secret.yaml (embedded)',
    ],
    [
      'a chart: another suffix is another Secret (unknown, as before)',
      {
        ...CHART,
        'chart/templates/kc.yaml': mounting('{{ .Release.Name }}-tls'),
        'chart/templates/secret.yaml': secret('{{ .Release.Name }}-certs'),
      },
      'unknown: the Secret ${_Release_Name___}-tls is named by a template value, decided when it is rendered; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      "a chart: a template's own variable may differ from file to file",
      {
        ...CHART,
        'chart/templates/kc.yaml': mounting('{{ $name }}-tls'),
        'chart/templates/secret.yaml': secret('{{ $name }}-tls'),
      },
      'unknown: the Secret ${_name___}-tls is named by a template value, decided when it is rendered; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      'a chart: a Secret inside a range, whose `.` is each item',
      {
        ...CHART,
        'chart/templates/kc.yaml': mounting('{{ .Values.name }}-tls'),
        'chart/templates/secret.yaml': `{{- range .Values.tenants }}\n---\n${secret('{{ .Values.name }}-tls')}{{- end }}\n`,
      },
      'unknown: the Secret ${_Values_name___}-tls is named by a template value, decided when it is rendered; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      'two charts: the same text in another chart is not tied',
      {
        ...CHART,
        'other/Chart.yaml': 'apiVersion: v2\nname: other\nversion: 0.1.0\n',
        'chart/templates/kc.yaml': mounting('{{ .Release.Name }}-tls'),
        'other/templates/secret.yaml': secret('{{ .Release.Name }}-tls'),
      },
      'unknown: the Secret ${_Release_Name___}-tls is named by a template value, decided when it is rendered; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      "a kustomization's secretGenerator: its file is the key",
      {
        'kc.yaml': mounting('kc-tls'),
        'kustomization.yaml': kustomization(['  - name: kc-tls', '    files:', '      - tls.pem']),
        'tls.pem': CERT,
      },
      'tls.pem',
    ],
    [
      "a kustomization's secretGenerator: key=path, the path relative to the kustomization",
      {
        'kc.yaml': mounting('kc-tls'),
        'kustomization.yaml': kustomization(['  - name: kc-tls', '    files:', '      - tls.pem=certs/server.crt']),
        'certs/server.crt': CERT,
      },
      'certs/server.crt',
    ],
    [
      "a kustomization's secretGenerator: a file it names that the tree lacks",
      {
        'kc.yaml': mounting('kc-tls'),
        'kustomization.yaml': kustomization(['  - name: kc-tls', '    files:', '      - tls.pem=certs/server.crt']),
      },
      "unknown: the Secret kc-tls key tls.pem is made by the secretGenerator kc-tls in kustomization.yaml:6 from certs/server.crt, no file lint-deploy reads in the kustomization's directory",
    ],
    [
      'a secretGenerator that merges into a base generator: its keys are not all known (not in the tree, as before)',
      {
        'kc.yaml': mounting('kc-tls'),
        'kustomization.yaml': kustomization([
          '  - name: kc-tls',
          '    behavior: merge',
          '    files:',
          '      - tls.pem',
        ]),
        'tls.pem': CERT,
      },
      'unknown: the Secret kc-tls is not in the tree; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      'a script: kubectl create secret generic --from-file=key=path, the path relative to the script',
      {
        'kc.yaml': mounting('kc-tls'),
        'deploy/secrets.sh':
          '#!/bin/sh\nkubectl create secret generic kc-tls -n keycloak --from-file=tls.pem=certs/server.crt --dry-run=client -o yaml | kubectl apply -f -\n',
        'deploy/certs/server.crt': CERT,
      },
      'deploy/certs/server.crt',
    ],
    [
      "a script: oc create secret tls puts --cert at tls.crt, which the volume's items map to tls.pem",
      {
        'kc.yaml': mounting('kc-tls', [
          '            items:',
          '              - key: tls.crt',
          '                path: tls.pem',
        ]),
        'secrets.sh': '#!/bin/sh\noc create secret tls kc-tls --cert server.crt --key server.key\n',
        'server.crt': CERT,
      },
      'server.crt',
    ],
    [
      'a manifest of the Secret wins over a script that makes it of files the tree lacks (viniciusfcf/rhbk-101 shape)',
      {
        'image/statefulset.yaml': mounting('kc-tls'),
        'kc/tls-secret.yaml': secret('kc-tls'),
        'prereq/create.sh': '#!/bin/sh\noc create secret tls kc-tls --cert certificate.pem --key key.pem\n',
      },
      'kc/tls-secret.yaml (embedded)',
    ],
    [
      'a script: a name that is a variable makes no Secret the tree shows',
      {
        'kc.yaml': mounting('kc-tls'),
        'secrets.sh': '#!/bin/sh\nkubectl create secret generic "$NAME" --from-file=tls.pem\n',
        'tls.pem': CERT,
      },
      'unknown: the Secret kc-tls is not in the tree; declare it with key tls.pem (the file at /etc/certs/tls.pem)',
    ],
    [
      "a script: a path that is a variable's",
      {
        'kc.yaml': mounting('kc-tls'),
        'secrets.sh': '#!/bin/sh\nkubectl create secret generic kc-tls --from-file=tls.pem=$CERTS/server.crt\n',
      },
      'unknown: the Secret kc-tls key tls.pem is made by `kubectl create secret generic kc-tls …` in secrets.sh:2 from $CERTS/server.crt, a path decided when the command runs',
    ],
  ])('%s', (_name, files, expected) => {
    expect(servers(files)).toEqual([expected]);
  });
});
