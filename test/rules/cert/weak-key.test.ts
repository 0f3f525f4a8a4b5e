import rule from '../../../src/rules/cert/weak-key';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';

ruleTester(rule, {
  valid: [
    { name: 'RSA 2048', files: { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/qm.crt': cert('qmprod1.crt') } },
  ],
  invalid: [
    {
      name: 'RSA 1024',
      files: { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/weak.pem': cert('weak-rsa1024.crt') },
      errors: [{ messageId: 'weak', file: 'qm/weak.pem', line: 1, messageIncludes: ['1024-bit RSA'] }],
    },
  ],
});
