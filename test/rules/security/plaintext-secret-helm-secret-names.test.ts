import rule from '../../../src/rules/security/plaintext-secret';
import * as path from 'node:path';
import { ruleTester, runRule, type TreeCase } from '../../helpers/rule-tester';

/**
 * A Helm value that names a Kubernetes Secret is no secret (src/rules/security/_lib/helm-secret-names.ts). The first
 * tree has IBM/charts@951c317 entitled/ibm-cloud-appmgmt-prod's shape (no licence file): `clientSecret:
 * "icam-ingress-client"` under a values.yaml comment saying it is a Secret's name, rendered into a Job's env item
 * `client_secret` that a script reads.
 */
const CHART = 'apiVersion: v2\nname: monitor\nversion: 1.0.0\n';
const job = (env: string[]) =>
  [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: certs',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: certs',
    '          image: registry.example/certs:1.0',
    '          env:',
    ...env.map((l) => `            ${l}`),
    '',
  ].join('\n');
const CLIENT_ENV = ['- name: client_secret', '  value: {{ .Values.ingress.clientSecret }}'];

ruleTester(rule, {
  valid: [
    {
      name: "the values.yaml comment says the value is a Secret's name",
      files: {
        'monitor/Chart.yaml': CHART,
        'monitor/values.yaml': [
          'ingress:',
          '  # Secret name containing client authorization data for the proxy ingress.',
          '  clientSecret: "monitor-ingress-client"',
          '',
        ].join('\n'),
        'monitor/templates/job.yaml': job(CLIENT_ENV),
      },
    },
    {
      name: 'another template of the chart mounts the Secret the value names (secretName:)',
      files: {
        'monitor/Chart.yaml': CHART,
        'monitor/values.yaml': 'ingress:\n  clientSecret: monitor-ingress-client\n',
        'monitor/templates/job.yaml': job(CLIENT_ENV),
        'monitor/templates/deployment.yaml': [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: proxy',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: proxy',
          '          image: registry.example/proxy:1.0',
          '      volumes:',
          '        - name: client',
          '          secret:',
          '            secretName: {{ .Values.ingress.clientSecret }}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'the chart takes a key of the Secret the value names (secretKeyRef name:)',
      files: {
        'monitor/Chart.yaml': CHART,
        'monitor/values.yaml': 'ingress:\n  clientSecret: monitor-ingress-client\n',
        'monitor/templates/job.yaml': job([
          ...CLIENT_ENV,
          '- name: CLIENT_KEY',
          '  valueFrom:',
          '    secretKeyRef:',
          '      name: {{ .Values.ingress.clientSecret }}',
          '      key: client.key',
        ]),
      },
    },
  ],
  invalid: [],
});

// Still a secret: the chart writes the value nowhere a Secret's name goes (a plain table, as the Chart.yaml that makes
// the directory a chart decides the rendering and no finding names it).
describe('a Helm value the chart does not use as a Secret name stays a secret', () => {
  test.each<[string, TreeCase['files']]>([
    [
      'the same value used only as the variable, its comment no Secret name',
      {
        'monitor/Chart.yaml': CHART,
        'monitor/values.yaml': 'ingress:\n  # The client secret.\n  clientSecret: monitor-ingress-client\n',
        'monitor/templates/job.yaml': job(CLIENT_ENV),
      },
    ],
    [
      'another value is the Secret name',
      {
        'monitor/Chart.yaml': CHART,
        'monitor/values.yaml': 'ingress:\n  clientSecret: s3cr3t-Value\n  clientSecretName: monitor-client\n',
        'monitor/templates/job.yaml': job([
          ...CLIENT_ENV,
          '- name: CLIENT_KEY',
          '  valueFrom:',
          '    secretKeyRef:',
          '      name: {{ .Values.ingress.clientSecretName }}',
          '      key: client.key',
        ]),
      },
    ],
  ])('%s', (_name, files) => {
    const { findings, root } = runRule(rule, { name: _name, files });
    expect(
      findings.map(
        (f) =>
          `${path.relative(root, f.location.file).split(path.sep).join('/')}:${(f.location.range?.start.line ?? 0) + 1}`,
      ),
    ).toEqual(['monitor/templates/job.yaml:13']);
  });
});

// helmforgedev/charts@dd8d969 (Apache-2.0) charts/wordpress: a values file for `helm install -f` sets the chart's
// `admin.existingSecret`, the name of a Secret the release takes the admin password from (values.yaml: "Use an existing
// secret for admin credentials"); its ci/bootstrap-values.yaml is what chart-testing installs in CI. Written anew.
describe("a chart's existingSecret names a Secret; its ci/ values are chart-testing's", () => {
  it('is no plaintext secret; a password beside it still is, a password of the ci/ values is a fixture', () => {
    const { findings, root } = runRule(rule, {
      name: 'existingSecret',
      files: {
        'wordpress/Chart.yaml': 'apiVersion: v2\nname: wordpress\nversion: 1.0.0\n',
        'wordpress/values.yaml': 'admin:\n  existingSecret: ""\n  existingSecretPasswordKey: admin-password\n',
        // chart-testing's values for CI installs: a test fixture's (info).
        'wordpress/ci/bootstrap-values.yaml': 'wordpress:\n  adminPassword: Ci-admin-pw-7\n',
        // A `ci/` directory of no chart is no chart-testing's.
        'tools/ci/application.properties': 'spring.datasource.password=Tools-db-pw-8\n',
        'wordpress/examples/bootstrap.yaml':
          'admin:\n  existingSecret: wordpress-admin\nmysql:\n  auth:\n    existingSecret: db-credentials\n    password: Vq8-site-db-pw\n',
      },
    });
    expect(
      findings.map(
        (f) =>
          `${path.relative(root, f.location.file).split(path.sep).join('/')}:${(f.location.range?.start.line ?? 0) + 1} ${f.severity}`,
      ),
    ).toEqual([
      'tools/ci/application.properties:1 warning',
      'wordpress/ci/bootstrap-values.yaml:2 info',
      'wordpress/examples/bootstrap.yaml:6 warning',
    ]);
  });
});
