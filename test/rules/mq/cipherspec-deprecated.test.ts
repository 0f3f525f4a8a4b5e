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
