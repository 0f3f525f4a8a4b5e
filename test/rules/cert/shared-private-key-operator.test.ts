/**
 * cert/shared-private-key on queue managers of the IBM MQ Operator, whose key is the Secret their QueueManager's
 * spec.pki names (src/model/mq-operator-pki.ts). Shapes after jjodl/mqoncp4i@b67913a (no licence; its layout only,
 * made anew here): nativeha-crr-poc/deploy holds x-1-live-active.yaml and x-2-recovery.yaml, the live and recovery
 * groups of one Native HA Cross-Region Replication queue manager (mq02ha), each file with a copy of its Secret, and
 * beside them mq02ha.crt and mq02ha.key, from which 1-live-deploy.sh writes that Secret.
 */
import rule from '../../../src/rules/cert/shared-private-key';
import { ruleTester } from '../../helpers/rule-tester';
import { leaf } from '../../helpers/pki';

const qmCert = leaf('mq02ha-qm');
/**
 * A certificate whose key the tree does not hold, put after a queue manager's own in its Secret's tls.crt
 * (bpaskin/CloudPak4Integration@7e92c65, no licence; its shape only: IBM's *.ibm.com certificate after CN=localhost).
 */
const thirdParty = leaf('*.example.com');
const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * One manifest file: the MQSC ConfigMap, the Secret holding the queue manager's certificate and key, and the
 * QueueManager named `qmName` applying the one with its key from the other; `role` adds a Native HA CRR group.
 */
function queueManagerFile(qmName: string, role?: 'Live' | 'Recovery', certificate = qmCert, chain = ''): string {
  const lower = qmName.toLowerCase();
  return [
    'kind: ConfigMap',
    'apiVersion: v1',
    'metadata:',
    `  name: ${lower}-mqsc`,
    'data:',
    `  ${lower}.mqsc: |-`,
    "    DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')",
    '---',
    'kind: Secret',
    'apiVersion: v1',
    'metadata:',
    `  name: ${lower}-qm-tls`,
    'data:',
    `  tls.crt: ${b64(certificate.pem + chain)}`,
    `  tls.key: ${b64(certificate.keyPem)}`,
    'type: Opaque',
    '---',
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    `  name: ${lower}`,
    'spec:',
    '  version: 9.4.2.0-r1',
    '  pki:',
    '    keys:',
    '    - name: default',
    '      secret:',
    `        secretName: ${lower}-qm-tls`,
    '        items:',
    '          - tls.key',
    '          - tls.crt',
    '  queueManager:',
    `    name: ${qmName}`,
    '    mqsc:',
    '      - configMap:',
    `          name: ${lower}-mqsc`,
    '          items:',
    `            - ${lower}.mqsc`,
    '    availability:',
    '      type: NativeHA',
    ...(role
      ? [
          '      nativeHAGroups:',
          '        local:',
          `          name: ${role.toLowerCase()}-group`,
          `          role: ${role}`,
        ]
      : []),
  ].join('\n');
}

/** Lines of queueManagerFile (one-based): the channel's DEFINE, the Secret's tls.crt, spec.pki's secretName. */
const CHANNEL_LINE = 7;
const TLS_CRT_LINE = 14;
const SECRET_NAME_LINE = 28;

ruleTester(rule, {
  valid: [
    {
      name: 'the live and the recovery group of one Native HA CRR queue manager, each with a copy of its Secret',
      files: {
        'deploy/x-1-live-active.yaml': queueManagerFile('mq02ha', 'Live'),
        'deploy/x-2-recovery.yaml': queueManagerFile('mq02ha', 'Recovery'),
      },
    },
    {
      name: "the same, beside the certificate and key files the Secret is written from (no queue manager's directory)",
      files: {
        'deploy/x-1-live-active.yaml': queueManagerFile('mq02ha', 'Live'),
        'deploy/x-2-recovery.yaml': queueManagerFile('mq02ha', 'Recovery'),
        'deploy/mq02ha.crt': qmCert.pem,
        'deploy/mq02ha.key': qmCert.keyPem,
      },
    },
    {
      name: "two queue managers' own keys, their tls.crt followed by one third party's certificate (a chain member)",
      files: {
        'deploy/qm1.yaml': queueManagerFile('QM1', undefined, leaf('qm1'), thirdParty.pem),
        'deploy/qm2.yaml': queueManagerFile('QM2', undefined, leaf('qm2'), thirdParty.pem),
      },
    },
  ],
  invalid: [
    {
      name: 'two queue managers of different names, each with a copy of one Secret',
      files: {
        'deploy/qm1.yaml': queueManagerFile('QM1'),
        'deploy/qm2.yaml': queueManagerFile('QM2'),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'deploy/qm2.yaml',
          line: TLS_CRT_LINE,
          related: [
            { file: 'deploy/qm1.yaml', line: TLS_CRT_LINE },
            // Each copy's channel, and the QueueManager's spec.pki entry that mounts the Secret.
            { file: 'deploy/qm2.yaml', line: CHANNEL_LINE },
            { file: 'deploy/qm2.yaml', line: SECRET_NAME_LINE },
            { file: 'deploy/qm1.yaml', line: CHANNEL_LINE },
            { file: 'deploy/qm1.yaml', line: SECRET_NAME_LINE },
          ],
        },
      ],
    },
    {
      name: "the files beside a queue manager's own MQSC file are still its, which may use them",
      files: {
        'deploy/x-1-live-active.yaml': queueManagerFile('mq02ha', 'Live'),
        'QM2/QM2.mqsc': "ALTER QMGR CERTLABL('qm2')\n",
        'QM2/qm2.crt': qmCert.pem,
        'QM2/qm2.key': qmCert.keyPem,
      },
      errors: [
        {
          messageId: 'shared',
          file: 'deploy/x-1-live-active.yaml',
          line: TLS_CRT_LINE,
          related: [
            { file: 'QM2/qm2.crt', line: 1 },
            { file: 'deploy/x-1-live-active.yaml', line: CHANNEL_LINE },
            { file: 'deploy/x-1-live-active.yaml', line: SECRET_NAME_LINE },
            { file: 'QM2/QM2.mqsc', line: 1 },
          ],
        },
      ],
    },
  ],
});
