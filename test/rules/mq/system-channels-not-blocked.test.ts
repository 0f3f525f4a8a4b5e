import rule from '../../../src/rules/mq/system-channels-not-blocked';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'defaults left alone',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) MCAUSER('app')\n" },
    },
    {
      name: 'CHLAUTH disabled but SYSTEM channels have a non-existent MCAUSER',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(DISABLED)\nALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\nALTER CHANNEL(SYSTEM.AUTO.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\n",
      },
    },
    {
      name: 'CHLAUTH disabled: reported by mq/chlauth-disabled',
      files: { 'QM1.mqsc': '* prod\nALTER QMGR CHLAUTH(DISABLED)\n' },
    },
    {
      name: 'back-stop rule only',
      files: { 'QM1.mqsc': "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n" },
    },
    {
      // ibm-cp4i-demo/ace-mq-tls@28ad736 mq/config.mqsc: removing the *MQADMIN record of profile '*' leaves the
      // SYSTEM.* record (its own profile) in place; a script's own back-stop record removed by profile '*' likewise.
      name: "SET CHLAUTH('*') … ACTION(REMOVE) of the *MQADMIN block or of the script's own '*' record",
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\nSET CHLAUTH(*) TYPE(BLOCKUSER) USERLIST(*MQADMIN) ACTION(REMOVE)\nSET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n",
      },
    },
  ],
  invalid: [
    {
      name: 'a rule opens SYSTEM.DEF.SVRCONN',
      files: { 'QM1.mqsc': "SET CHLAUTH('SYSTEM.DEF.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n" },
      errors: [{ messageId: 'opened', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'the default SYSTEM.* rule is removed',
      files: { 'QM1.mqsc': "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n" },
      errors: [{ messageId: 'removed', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'every SYSTEM.* ADDRESSMAP record removed (REMOVEALL), after a removal that keeps it',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\nSET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ACTION(REMOVEALL)\n",
      },
      errors: [{ messageId: 'removed', file: 'QM1.mqsc', line: 2 }],
    },
  ],
});
