import rule from '../../../src/rules/mq/system-channels-not-blocked';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

// withoutOam: a QueueManager created with MQSNOAUT, its MQSC from mq/cm.yaml line 7. No authority is checked there, so an
// MCAUSER no user can be blocks nothing; CHLAUTH records are applied as the channel starts.
const noBodyOnSystemChannels =
  "ALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\nALTER CHANNEL(SYSTEM.AUTO.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\n";
const appChannel = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) MCAUSER('app')\n";

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
    {
      name: 'no MQSNOAUT: the same MCAUSER(no!body) on both channels blocks them, the opening record is moot',
      files: {
        'QM1.mqsc':
          appChannel +
          noBodyOnSystemChannels +
          "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) ACTION(REPLACE)\n",
      },
    },
    {
      name: 'MQSNOAUT with the default SYSTEM.* NOACCESS record kept: CHLAUTH still blocks the channels',
      files: withoutOam(appChannel + noBodyOnSystemChannels),
    },
    {
      name: 'MQSNOAUT, the SYSTEM.* record replaced by another NOACCESS record: still blocked',
      files: withoutOam(
        appChannel + "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\n",
      ),
    },
  ],
  invalid: [
    {
      // Judged as with the object authority manager: MCAUSER('no!body') shuts both channels once MQSNOAUT is removed, so
      // MQSNOAUT alone opens them (mq/oam-disabled's error): an info naming that cause, MQSNOAUT a deciding place.
      name: "MQSNOAUT: MCAUSER('no!body') does not block; a record opening SYSTEM.* opens both channels (info)",
      files: withoutOam(
        appChannel +
          noBodyOnSystemChannels +
          "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) ACTION(REPLACE)\n",
      ),
      errors: [
        {
          messageId: 'openedOnlyWithoutOam',
          file: 'mq/cm.yaml',
          line: 10,
          severity: 'info',
          messageIncludes: ['SYSTEM.AUTO.SVRCONN', 'USERSRC(NOACCESS)', 'Removing MQSNOAUT'],
          related: [
            { file: 'mq/cm.yaml', line: 8 },
            { file: 'mq/cm.yaml', line: 9 },
            { file: 'mq/qm.yaml', line: 18 },
          ],
        },
        {
          messageId: 'openedOnlyWithoutOam',
          file: 'mq/cm.yaml',
          line: 10,
          severity: 'info',
          messageIncludes: ['SYSTEM.DEF.SVRCONN'],
        },
      ],
    },
    {
      name: "MQSNOAUT: the default SYSTEM.* record removed beside MCAUSER('no!body') on both channels (info)",
      files: withoutOam(
        appChannel + noBodyOnSystemChannels + "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n",
      ),
      errors: [
        {
          messageId: 'removedOnlyWithoutOam',
          file: 'mq/cm.yaml',
          line: 10,
          severity: 'info',
          messageIncludes: ['SYSTEM.DEF.SVRCONN, SYSTEM.AUTO.SVRCONN', 'keep the rule'],
          messageExcludes: ["Keep it, or block them with MCAUSER('no!body')"],
          related: [
            { file: 'mq/cm.yaml', line: 8 },
            { file: 'mq/cm.yaml', line: 9 },
            { file: 'mq/qm.yaml', line: 18 },
          ],
        },
      ],
    },
    {
      // Only SYSTEM.DEF.SVRCONN carries MCAUSER('no!body'): SYSTEM.AUTO.SVRCONN is open with the object authority
      // manager too, so the removal keeps its warning and MQSNOAUT is context.
      name: 'MQSNOAUT: the default SYSTEM.* record removed, one channel without a blocking MCAUSER (warning)',
      files: withoutOam(
        appChannel +
          "ALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\n" +
          "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n",
      ),
      errors: [
        {
          messageId: 'removedWithoutOam',
          file: 'mq/cm.yaml',
          line: 9,
          severity: 'warning',
          messageIncludes: ['SYSTEM.DEF.SVRCONN, SYSTEM.AUTO.SVRCONN'],
          related: [
            { file: 'mq/cm.yaml', line: 8 },
            { file: 'mq/qm.yaml', line: 18 },
          ],
        },
      ],
    },
    {
      name: 'MQSNOAUT: a record opens SYSTEM.DEF.SVRCONN as shipped (no MCAUSER): the warning stands',
      files: withoutOam(
        appChannel + "SET CHLAUTH('SYSTEM.DEF.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      ),
      errors: [
        {
          messageId: 'openedWithoutOam',
          file: 'mq/cm.yaml',
          line: 8,
          severity: 'warning',
          related: [{ file: 'mq/qm.yaml', line: 18 }],
        },
      ],
    },
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
