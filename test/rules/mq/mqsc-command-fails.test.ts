import rule from '../../../src/rules/mq/mqsc-command-fails';
import { ruleTester } from '../../helpers/rule-tester';

const DEV = "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
const TLS = "ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12_OR_HIGHER')\n";

ruleTester(rule, {
  valid: [
    { name: 'ALTER in a later file of the queue manager', files: { 'qm1/10-dev.mqsc': DEV, 'qm1/20-tls.mqsc': TLS } },
    { name: 'ALTER of a channel defined outside the tree', files: { 'qm1/20-tls.mqsc': TLS } },
    {
      name: 'ALTER of a shipped SYSTEM.* object before its DEFINE REPLACE (it exists on every queue manager)',
      files: {
        'QM1.mqsc':
          "ALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('nobody')\nDEFINE CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('nobody') REPLACE\n",
      },
    },
    {
      name: 'DEFINE REPLACE twice',
      files: { 'qm1/10-dev.mqsc': DEV, 'qm1/20-dev.mqsc': DEV },
    },
    {
      name: 'DELETE then DEFINE again',
      files: { 'QM1.mqsc': `${DEV}DELETE CHANNEL('DEV.APP.SVRCONN')\n${DEV.replace(' REPLACE', '')}` },
    },
    {
      name: 'unnumbered files of one directory are not one script',
      files: { 'qm1/tls.mqsc': TLS, 'qm1/dev.mqsc': DEV },
    },
  ],
  invalid: [
    {
      name: 'the ALTER runs first (05-tls before 10-dev): channel not found',
      files: { 'qm1/10-dev.mqsc': DEV, 'qm1/05-tls.mqsc': TLS },
      errors: [
        {
          messageId: 'notFound',
          file: 'qm1/05-tls.mqsc',
          line: 1,
          related: [{ file: 'qm1/10-dev.mqsc', line: 1 }],
          messageIncludes: ['AMQ8147E', 'qm1/10-dev.mqsc:1'],
        },
      ],
    },
    {
      name: 'ALTER before DEFINE in one file',
      files: { 'QM1.mqsc': TLS + DEV },
      errors: [{ messageId: 'notFound', file: 'QM1.mqsc', line: 1, related: [{ file: 'QM1.mqsc', line: 2 }] }],
    },
    {
      name: 'DEFINE without REPLACE in a later file: the first definition stays',
      files: {
        'qm1/10-dev.mqsc': DEV,
        'qm1/20-tls.mqsc': "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13)\n",
      },
      errors: [
        {
          messageId: 'exists',
          file: 'qm1/20-tls.mqsc',
          line: 1,
          related: [{ file: 'qm1/10-dev.mqsc', line: 1 }],
          messageIncludes: ['AMQ8150E'],
        },
      ],
    },
    {
      name: 'DEFINE NOREPLACE of an AUTHINFO the script defined',
      files: {
        'qm1/10-a.mqsc': 'DEFINE AUTHINFO(USE.OS) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)\n',
        'qm1/20-b.mqsc': 'DEFINE AUTHINFO(USE.OS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL) NOREPLACE\n',
      },
      errors: [{ messageId: 'exists', file: 'qm1/20-b.mqsc', line: 1, related: [{ file: 'qm1/10-a.mqsc', line: 1 }] }],
    },
    {
      name: 'ALTER after DELETE',
      files: { 'QM1.mqsc': `${DEV}DELETE CHANNEL('DEV.APP.SVRCONN')\n${TLS}` },
      errors: [{ messageId: 'deleted', file: 'QM1.mqsc', line: 3, related: [{ file: 'QM1.mqsc', line: 2 }] }],
    },
  ],
});
