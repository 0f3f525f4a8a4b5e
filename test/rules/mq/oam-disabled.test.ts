import rule from '../../../src/rules/mq/oam-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const configMap = (mqsc: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm1-mqsc\ndata:\n  qm1.mqsc: |\n${mqsc
    .split('\n')
    .filter(Boolean)
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
const queueManager = (env: string, container = 'qmgr') =>
  `apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: qm1\nspec:\n  queueManager:\n    name: QM1\n    mqsc:\n      - configMap:\n          name: qm1-mqsc\n          items:\n            - qm1.mqsc\n  template:\n    pod:\n      containers:\n        - env:\n${env}          name: ${container}\n`;
const snoaut = (value: string) => `            - name: MQSNOAUT\n              value: ${value}\n`;
const appChannel = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app')\n";

ruleTester(rule, {
  valid: [
    {
      name: 'no MQSNOAUT in the qmgr container',
      files: {
        'mq/qm.yaml': queueManager('            - name: MQ_ENABLE_METRICS\n              value: "true"\n'),
        'mq/cm.yaml': configMap(appChannel),
      },
    },
    {
      name: 'MQSNOAUT=no is not read as set',
      files: { 'mq/qm.yaml': queueManager(snoaut("'no'")), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'a templated value is unknown, not set',
      files: { 'mq/qm.yaml': queueManager(snoaut("'{{ .Values.noauth }}'")), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'in another container than qmgr',
      files: { 'mq/qm.yaml': queueManager(snoaut("'yes'"), 'sidecar'), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'a QueueManager that applies another ConfigMap',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")).replace('name: qm1-mqsc', 'name: other-mqsc'),
        'mq/cm.yaml': configMap(appChannel),
      },
    },
  ],
  invalid: [
    {
      name: 'QueueManager CR beside the ConfigMap (jackyng88/external-mq-ocp-connection shape): MCAUSER app, CONNAUTH as shipped',
      files: { 'mq/qm.yaml': queueManager(snoaut("'yes'")), 'mq/cm.yaml': configMap(appChannel) },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          messageIncludes: ['MQSNOAUT=yes', 'APP.SVRCONN'],
          related: [{ file: 'mq/cm.yaml', line: 7 }],
        },
      ],
    },
    {
      name: 'with CONNAUTH off and CHLAUTH off anyone administers the queue manager: error',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")),
        'mq/cm.yaml': configMap(`ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\n${appChannel}`),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          severity: 'error',
          messageIncludes: ['without a certificate or a password'],
          related: [{ file: 'mq/cm.yaml', line: 8 }],
        },
      ],
    },
    {
      name: 'Compose service that mounts the MQSC into /etc/mqm',
      files: {
        'compose.yaml':
          'services:\n  qm:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    environment:\n      LICENSE: accept\n      MQ_QMGR_NAME: QM1\n      MQSNOAUT: "yes"\n    volumes:\n      - ./mq/20-config.mqsc:/etc/mqm/20-config.mqsc\n',
        'mq/20-config.mqsc': appChannel,
      },
      errors: [
        { messageId: 'disabled', file: 'compose.yaml', line: 7, related: [{ file: 'mq/20-config.mqsc', line: 1 }] },
      ],
    },
  ],
});
