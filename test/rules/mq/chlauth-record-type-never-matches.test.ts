import rule from '../../../src/rules/mq/chlauth-record-type-never-matches';
import { ruleTester } from '../../helpers/rule-tester';

// fxnaranjo/wkspopular2@cadc26e config.mqsc
const ACE = [
  'DEFINE CHANNEL(FXNQMGRIIB.SVRCONN) CHLTYPE(SVRCONN)',
  'SET CHLAUTH(FXNQMGRIIB.SVRCONN) TYPE (QMGRMAP) QMNAME(QMPOPULAR) USERSRC(MAP) MCAUSER(aceuser)',
  '',
].join('\n');
const RCVR = "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) MCAUSER('mqapp')\n";

ruleTester(rule, {
  valid: [
    {
      name: 'QMGRMAP on a receiver channel',
      files: { 'QM1.mqsc': `${RCVR}SET CHLAUTH(QM2.TO.QM1) TYPE(QMGRMAP) QMNAME(QM2) USERSRC(MAP) MCAUSER('mqapp')\n` },
    },
    {
      name: 'BLOCKUSER on a server-connection channel',
      files: {
        'QM1.mqsc': `${ACE.split('\n')[0]!}\nSET CHLAUTH(FXNQMGRIIB.SVRCONN) TYPE(BLOCKUSER) USERLIST('nobody')\n`,
      },
    },
    {
      name: 'USERMAP on a server-connection channel',
      files: { 'QM1.mqsc': ACE.replace('TYPE (QMGRMAP) QMNAME(QMPOPULAR)', "TYPE(USERMAP) CLNTUSER('ace')") },
    },
    {
      name: 'a generic profile (it may match channels of other types)',
      files: { 'QM1.mqsc': ACE.replace('SET CHLAUTH(FXNQMGRIIB.SVRCONN)', "SET CHLAUTH('FXNQMGRIIB.*')") },
    },
    {
      name: 'the channel is not in the script: its type is unknown',
      files: { 'QM1.mqsc': ACE.split('\n')[1]! },
    },
    {
      name: 'a sender channel (CHLAUTH records apply to channels a partner starts)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) CONNAME('h') XMITQ(QM2)\nSET CHLAUTH(QM1.TO.QM2) TYPE(USERMAP) CLNTUSER('a') USERSRC(MAP) MCAUSER('b')\n",
      },
    },
  ],
  invalid: [
    {
      name: 'fxnaranjo/wkspopular2: QMGRMAP on a SVRCONN never matches',
      files: { 'config.mqsc': ACE },
      errors: [
        {
          messageId: 'neverMatches',
          file: 'config.mqsc',
          line: 2,
          related: [{ file: 'config.mqsc', line: 1 }],
          messageIncludes: ['TYPE(QMGRMAP)', 'SVRCONN', 'MCAUSER(ACEUSER)'],
        },
      ],
    },
    {
      name: 'USERMAP on a receiver channel never matches',
      files: { 'QM1.mqsc': `${RCVR}SET CHLAUTH(QM2.TO.QM1) TYPE(USERMAP) CLNTUSER('app') USERSRC(NOACCESS)\n` },
      errors: [
        { messageId: 'neverMatches', file: 'QM1.mqsc', line: 2, messageIncludes: ['USERSRC(NOACCESS)', 'RCVR'] },
      ],
    },
    {
      name: 'BLOCKUSER on a receiver channel: the list applies to SVRCONN channels only',
      files: { 'QM1.mqsc': `${RCVR}SET CHLAUTH(QM2.TO.QM1) TYPE(BLOCKUSER) USERLIST('mqm')\n` },
      errors: [{ messageId: 'neverMatches', file: 'QM1.mqsc', line: 2, messageIncludes: ['USERLIST(mqm)', 'RCVR'] }],
    },
    {
      name: 'the channel is defined in an earlier file of the same queue manager',
      files: { 'qm1/10-ace.mqsc': ACE.split('\n')[0]! + '\n', 'qm1/20-map.mqsc': ACE.split('\n')[1]! + '\n' },
      errors: [
        {
          messageId: 'neverMatches',
          file: 'qm1/20-map.mqsc',
          line: 1,
          related: [{ file: 'qm1/10-ace.mqsc', line: 1 }],
        },
      ],
    },
  ],
});
