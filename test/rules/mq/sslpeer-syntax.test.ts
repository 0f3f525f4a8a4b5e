import rule from '../../../src/rules/mq/sslpeer-syntax';
import { ruleTester } from '../../helpers/rule-tester';
import { ccdt, svrconn } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'plain DN with two OUs',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLPEER('CN=QMGR.*, OU=IBM, OU=WEBSPHERE')") },
    },
    {
      name: 'quoted value with a comma',
      files: { 'c/ccdt.json': ccdt('A', 'QM1', { certificatePeerName: 'CN="Smith, John",O=Example' }) },
    },
    {
      name: 'CHLAUTH SSLPEERMAP ok',
      files: {
        'QM1.mqsc': "SET CHLAUTH('A') TYPE(SSLPEERMAP) SSLPEER('CN=app1,OU=app team1') USERSRC(MAP) MCAUSER('app1')\n",
      },
    },
  ],
  invalid: [
    {
      name: 'lower-case attribute type',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLPEER('cn=app')") },
      errors: [{ messageId: 'invalid', file: 'QM1.mqsc', line: 2, messageIncludes: ['upper case'] }],
    },
    {
      name: 'wildcard in the middle',
      files: { 'c/ccdt.json': ccdt('A', 'QM1', { certificatePeerName: 'CN=app*prod' }) },
      errors: [{ messageId: 'invalid', file: 'c/ccdt.json', line: 15, messageIncludes: ['middle'] }],
    },
    {
      name: 'unknown attribute',
      files: { 'QM1.mqsc': "SET CHLAUTH('A') TYPE(SSLPEERMAP) SSLPEER('CN=a,XX=b') USERSRC(MAP) MCAUSER('a')\n" },
      errors: [{ messageId: 'invalid', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'sender channel (SDR) checking its receiver',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('qm2(1414)') XMITQ(QM2) +\n  SSLCIPH(ANY_TLS12) SSLPEER('cn=qm2')\n",
      },
      errors: [{ messageId: 'invalid', file: 'QM1.mqsc', line: 2, messageIncludes: ['SDR QM1.TO.QM2', 'upper case'] }],
    },
    {
      name: 'CN twice',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLPEER('CN=a,CN=b')") },
      errors: [{ messageId: 'invalid', file: 'QM1.mqsc', line: 2, messageIncludes: ['more than once'] }],
    },
  ],
});
