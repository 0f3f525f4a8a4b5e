import rule from '../../../src/rules/mq/cipherspec-deprecated';
import { ruleTester } from '../../helpers/rule-tester';
import { svrconn } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'current TLS 1.2 spec',
      files: { 'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)') },
    },
    { name: 'alias', files: { 'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(ANY_TLS12_OR_HIGHER)') } },
  ],
  invalid: [
    {
      name: 'TLS 1.0 spec, not re-enabled',
      files: { 'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA)') },
      errors: [{ messageId: 'disabled', file: 'QM1/QM1.mqsc', line: 2, severity: 'error' }],
    },
    {
      // Shape of MbqIIB/isgFirstPro@3ccaf3e iFrend/Linux-Batch MQ scripts/*/…Qmgr.in: sender channels with an SSL 3.0 spec.
      name: 'sender channel (SDR) with an SSL 3.0 spec',
      files: {
        'QM1/QM1.mqsc':
          "define qlocal(APP_Q) usage(xmitq)\ndefine channel(QM1_TO_QM2) chltype(sdr) conname('10.10.10.15(1444)') xmitq(APP_Q) trptype(tcp) SSLCIPH(RC4_MD5_US)\n",
      },
      errors: [{ messageId: 'disabled', file: 'QM1/QM1.mqsc', line: 2, messageIncludes: ['QM1_TO_QM2', 'RC4_MD5_US'] }],
    },
    {
      name: 'cluster-sender channel (CLUSSDR) with a TLS 1.0 spec re-enabled by AllowWeakCipherSpec',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL(TO.FR2) CHLTYPE(CLUSSDR) TRPTYPE(TCP) CONNAME('fr2(1414)') CLUSTER(C1) +\n  SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA)\n",
        'QM1/qm.ini': 'SSL:\n  AllowWeakCipherSpec=Yes\n',
      },
      errors: [
        {
          messageId: 'reenabled',
          file: 'QM1/QM1.mqsc',
          line: 2,
          severity: 'warning',
          related: [{ file: 'QM1/qm.ini', line: 2 }],
        },
      ],
    },
    {
      name: 'server channel (SVR) with a deprecated spec',
      files: {
        'QM1/QM1.mqsc':
          'DEFINE CHANNEL(TO.QM2) CHLTYPE(SVR) TRPTYPE(TCP) XMITQ(QM2) SSLCIPH(TLS_RSA_WITH_DES_CBC_SHA)\n',
      },
      errors: [{ messageId: 'disabled', file: 'QM1/QM1.mqsc', line: 1 }],
    },
    {
      name: 'weak spec re-enabled by AllowWeakCipherSpec',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/qm.ini': 'SSL:\n  AllowWeakCipherSpec=Yes\n',
      },
      errors: [
        {
          messageId: 'reenabled',
          file: 'QM1/QM1.mqsc',
          line: 2,
          messageIncludes: ['AllowWeakCipherSpec'],
          related: [{ file: 'QM1/qm.ini', line: 2 }],
        },
      ],
    },
  ],
});
