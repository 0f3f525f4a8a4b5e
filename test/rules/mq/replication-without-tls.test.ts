import rule from '../../../src/rules/mq/replication-without-tls';
import { ruleTester } from '../../helpers/rule-tester';

const INSTANCES =
  'NativeHAInstance:\n  Name=node-1\n  ReplicationAddress=mq-node-1(4444)\nNativeHAInstance:\n  Name=node-2\n  ReplicationAddress=mq-node-2(4444)\nNativeHAInstance:\n  Name=node-3\n  ReplicationAddress=mq-node-3(4444)\n';

ruleTester(rule, {
  valid: [
    {
      name: 'KeyRepository set (IBM "Adding TLS encryption")',
      files: {
        'qm/qm.ini':
          'NativeHALocalInstance:\n  Name=node-1\n  CipherSpec=ANY_TLS12\n  CertificateLabel=selfsigned\n  KeyRepository=/var/mqm/qmgrs/MYQMGR/ssl/keystore\n' +
          INSTANCES,
      },
    },
    {
      name: 'TLS in a sibling fragment',
      files: {
        'qm/10-ha.ini': 'NativeHALocalInstance:\n  Name=node-1\n' + INSTANCES,
        'qm/20-tls.ini': 'NativeHALocalInstance:\n  KeyRepository=/run/runmqserver/ha/tls/key\n',
      },
    },
    {
      name: 'fixtures of alternatives in one directory: TLS in a sibling, CipherSpec=NULL in another (unknown)',
      files: {
        'fx/tls-full.ini': 'NativeHALocalInstance:\n  CipherSpec=some-cipher\n' + INSTANCES,
        'fx/plain.ini': 'NativeHALocalInstance:\n  CipherSpec=NULL\n' + INSTANCES,
      },
    },
    {
      name: 'no replication partners (mq-container keystore fixture)',
      files: { 'qm/ha-group.ini': 'NativeHALocalInstance:\n  CertificateLabel=baseTLS\n' },
    },
    {
      name: 'Go template decides at deploy time',
      files: {
        'qm/native-ha.ini.tpl':
          'NativeHALocalInstance:\n  Name={{ .Name }}\n  {{ if .CertificateLabel }}\n  KeyRepository={{ .KeyRepository }}\n  {{- end }}\n' +
          INSTANCES,
      },
    },
  ],
  invalid: [
    {
      name: 'three instances, no key repository (mq-dev-patterns native HA sample shape)',
      files: {
        'mq-native-ha/config/qm-node1.ini':
          'NativeHALocalInstance:\n  Name=node-1\n  GroupName=HA-GROUP-1\n\n' + INSTANCES,
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'mq-native-ha/config/qm-node1.ini',
          line: 1,
          related: [
            { file: 'mq-native-ha/config/qm-node1.ini', line: 5 },
            { file: 'mq-native-ha/config/qm-node1.ini', line: 8 },
            { file: 'mq-native-ha/config/qm-node1.ini', line: 11 },
          ],
        },
      ],
    },
    {
      name: 'CipherSpec=NULL: plain Native HA with TLS only for the recovery group (mq-container group-live-plain-ha.ini shape)',
      files: {
        'ha/plain-ha.ini':
          'NativeHALocalInstance:\n  CipherSpec=NULL\n  GroupName=alpha\n  GroupCipherSpec=ANY_TLS\n  KeyRepository=/run/ha/key\n' +
          INSTANCES,
      },
      errors: [{ messageId: 'nullCipher', file: 'ha/plain-ha.ini', line: 2 }],
    },
    {
      name: 'instances only, no local stanza in the tree',
      files: { 'etc/20-nativeha.ini': INSTANCES },
      errors: [
        {
          messageId: 'plaintext',
          file: 'etc/20-nativeha.ini',
          line: 1,
          messageIncludes: ['mq-node-1(4444), mq-node-2(4444), mq-node-3(4444)'],
        },
      ],
    },
  ],
});
