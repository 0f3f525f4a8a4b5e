import channelRunsAsAdmin from '../../../src/rules/mq/channel-runs-as-admin';
import chlauthDisabled from '../../../src/rules/mq/chlauth-disabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * An administrator let in without a secret on IBM MQ Advanced for Developers (its developer configuration applied:
 * MQ_DEV=true, the image's default), licensed for development by a single user only, is a warning; the same MQSC on
 * IBM's production image stays an error. After WASdev/sample.docker.mq's mq/ (a Dockerfile FROM ibmcom/mq copying a
 * config.mqsc that disables CHLAUTH and maps the admin channel to mqm); written for this test.
 */
const MQSC =
  "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm') REPLACE\n" +
  'ALTER QMGR CHLAUTH(DISABLED)\n' +
  "ALTER QMGR CONNAUTH(' ')\n";
const onImage = (image: string, environment = ''): Record<string, string> => ({
  'mq/config.mqsc': MQSC,
  'mq/Dockerfile': `FROM ${image}\n${environment}COPY config.mqsc /etc/mqm/\n`,
});
const DEVELOPER = 'ibmcom/mq:9.3.0.0-r1';
const PRODUCTION = 'cp.icr.io/cp/ibm-mqadvanced-server:9.3.0.0-r1';
/**
 * A StatefulSet of the image whose ConfigMap key is mounted into /etc/mqm with subPath (after
 * jastiranjeeth-tech/ibm-mq-ha-dual-site-eks's k8s/mq-statefulset.yaml and mq-configmap.yaml); written for this test.
 */
const onKubernetes = (image: string, env: string[] = []): Record<string, string> => ({
  'k8s/configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: qm-config',
    'data:',
    '  config.mqsc: |',
    ...MQSC.trimEnd()
      .split('\n')
      .map((l) => `    ${l}`),
    '',
  ].join('\n'),
  'k8s/statefulset.yaml': [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: qm',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: mq',
    `          image: ${image}`,
    '          env:',
    '            - name: LICENSE',
    '              value: accept',
    ...env,
    '          volumeMounts:',
    '            - name: config',
    '              mountPath: /etc/mqm/20-config.mqsc',
    '              subPath: config.mqsc',
    '      volumes:',
    '        - name: config',
    '          configMap:',
    '            name: qm-config',
    '',
  ].join('\n'),
});
/** The tree with the StatefulSet's container also taking variables from a ConfigMap the tree does not hold. */
const withEnvFrom = (files: Record<string, string>): Record<string, string> => ({
  ...files,
  'k8s/statefulset.yaml': files['k8s/statefulset.yaml']!.replace(
    '          env:\n',
    '          envFrom:\n            - configMapRef:\n                name: qm-env\n          env:\n',
  ),
});
/** The subPath mount: where the image's scripts join the ConfigMap's MQSC, and its licence. */
const MOUNT = { file: 'k8s/statefulset.yaml', line: 16 };

/**
 * A QueueManager of the IBM MQ Operator applying the ConfigMap's MQSC, under the licence use given (after
 * ibm-messaging/mq-gitops-samples' queue manager manifests); written for this test. Line 18: `use:`.
 */
const onOperator = (use: string): Record<string, string> => ({
  'qm/qm.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: qm-mqsc',
    'data:',
    '  config.mqsc: |',
    ...MQSC.trimEnd()
      .split('\n')
      .map((l) => `    ${l}`),
    '---',
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    '  name: qm1',
    'spec:',
    '  license:',
    '    accept: true',
    `    use: ${use}`,
    '  version: 9.3.3.0-r1',
    '  queueManager:',
    '    mqsc:',
    '      - configMap:',
    '          name: qm-mqsc',
    '          items:',
    '            - config.mqsc',
    '',
  ].join('\n'),
});
const LICENCE_USE = { file: 'qm/qm.yaml', line: 18 };

/** The COPY into /etc/mqm: where the image's own scripts join the tree's (one related place), and its licence (another). */
const COPY = { file: 'mq/Dockerfile', line: 2 };

ruleTester(channelRunsAsAdmin, {
  valid: [],
  invalid: [
    {
      name: 'developer image: the admin channel open to anyone is a warning, the licence named',
      files: onImage(DEVELOPER),
      errors: [
        {
          messageId: 'mapped',
          file: 'mq/config.mqsc',
          line: 1,
          severity: 'warning',
          related: [
            { file: 'mq/config.mqsc', line: 1 },
            { file: 'mq/config.mqsc', line: 2 },
            { file: 'mq/config.mqsc', line: 3 },
            COPY,
            COPY,
          ],
        },
      ],
    },
    {
      name: "IBM's production image: the same channel is an error",
      files: onImage(PRODUCTION),
      errors: [{ messageId: 'mapped', file: 'mq/config.mqsc', line: 1, severity: 'error' }],
    },
    {
      // MQ_DEV=false: the image applies none of its developer configuration, and the tree says nothing more.
      name: 'developer image with MQ_DEV=false: judged as written, an error',
      files: onImage(DEVELOPER, 'ENV MQ_DEV=false\n'),
      errors: [{ messageId: 'mapped', file: 'mq/config.mqsc', line: 1, severity: 'error' }],
    },
    {
      name: "a QueueManager with spec.license.use: Development: a warning, the licence's place named",
      files: onOperator('Development'),
      errors: [
        {
          messageId: 'mapped',
          file: 'qm/qm.yaml',
          line: 7,
          severity: 'warning',
          related: [
            { file: 'qm/qm.yaml', line: 7 },
            { file: 'qm/qm.yaml', line: 8 },
            { file: 'qm/qm.yaml', line: 9 },
            LICENCE_USE,
          ],
        },
      ],
    },
    {
      // IBM MQ Advanced for Non-Production Environment: a shared test environment, still real.
      name: 'a QueueManager with spec.license.use: NonProduction: an error',
      files: onOperator('NonProduction'),
      errors: [{ messageId: 'mapped', file: 'qm/qm.yaml', line: 7, severity: 'error' }],
    },
    {
      name: 'developer image in a Kubernetes StatefulSet mounting the ConfigMap key into /etc/mqm: a warning',
      files: onKubernetes(DEVELOPER),
      errors: [
        {
          messageId: 'mapped',
          file: 'k8s/configmap.yaml',
          line: 7,
          severity: 'warning',
          related: [
            { file: 'k8s/configmap.yaml', line: 7 },
            { file: 'k8s/configmap.yaml', line: 8 },
            { file: 'k8s/configmap.yaml', line: 9 },
            MOUNT,
            MOUNT,
          ],
        },
        // The image's DEV.ADMIN.SVRCONN, which the tree's CHLAUTH(DISABLED) and CONNAUTH(' ') open: at the mount.
        { messageId: 'asserted', ...MOUNT, severity: 'warning' },
      ],
    },
    {
      name: "the same StatefulSet on IBM's production image: an error",
      files: onKubernetes(PRODUCTION),
      errors: [{ messageId: 'mapped', file: 'k8s/configmap.yaml', line: 7, severity: 'error' }],
    },
    {
      name: 'the StatefulSet with MQ_DEV=false: judged as written, an error',
      files: onKubernetes(DEVELOPER, ['            - name: MQ_DEV', '              value: "false"']),
      errors: [{ messageId: 'mapped', file: 'k8s/configmap.yaml', line: 7, severity: 'error' }],
    },
    {
      // An envFrom ConfigMap the tree does not hold may set MQ_DEV: what the image applies is unknown, not assumed.
      name: 'the StatefulSet with an envFrom the tree does not hold: MQ_DEV unknown, the MQSC judged as written',
      files: withEnvFrom(onKubernetes(DEVELOPER)),
      errors: [{ messageId: 'mapped', file: 'k8s/configmap.yaml', line: 7, severity: 'error' }],
    },
  ],
});

ruleTester(chlauthDisabled, {
  valid: [],
  invalid: [
    {
      name: 'developer image: CHLAUTH(DISABLED) opening an administrator channel is a warning',
      files: onImage(DEVELOPER),
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/config.mqsc',
          line: 2,
          severity: 'warning',
          related: [{ file: 'mq/config.mqsc', line: 1 }, COPY, COPY],
        },
      ],
    },
    {
      name: "IBM's production image: an error",
      files: onImage(PRODUCTION),
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/config.mqsc',
          line: 2,
          severity: 'error',
          related: [{ file: 'mq/config.mqsc', line: 1 }],
        },
      ],
    },
  ],
});
