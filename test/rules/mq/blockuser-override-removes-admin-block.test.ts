import rule from '../../../src/rules/mq/blockuser-override-removes-admin-block';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

/** jjodl/mqoncp4i@b67913a's channel (no licence; its shape only): the override of a Native HA queue manager's MQSC. */
const NATIVE_HA_CHANNEL =
  "DEFINE CHANNEL(NATIVEHACHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')\nset chlauth(NATIVEHACHL) TYPE(BLOCKUSER) USERLIST(NOBODY)\n";

ruleTester(rule, {
  valid: [
    {
      name: 'channel-specific list keeps *MQADMIN',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN','nobody')\n",
      },
    },
    {
      name: 'override, but the channel always runs as app (mq-helm PerformanceSniffTest)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(NOTLSCHL) CHLTYPE(SVRCONN) SHARECNV(1) TRPTYPE(TCP) MCAUSER('app')\nset chlauth(NOTLSCHL) TYPE(BLOCKUSER) USERLIST(NOBODY)\n",
      },
    },
    {
      name: "generic '*' BLOCKUSER replaced: no more specific record, nothing overridden",
      files: { 'QM1.mqsc': "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN','guest')\n" },
    },
    {
      name: "a channel list of *MQADMIN, then ADD of 'nobody': ADD extends the list, *MQADMIN stays",
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      },
    },
    {
      name: 'CHLAUTH disabled: mq/chlauth-disabled reports it',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      },
    },
    {
      name: 'override on a channel every address is refused',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
  ],
  invalid: [
    {
      // Under MQSNOAUT no password is checked and every user id has full control, which mq/oam-disabled reports once.
      // The override is judged as the queue manager decides once MQSNOAUT is removed: CHCKCLNT(REQDADM) as shipped
      // checks an administrator's password again, so administrators get in only with it: a warning, as without MQSNOAUT
      // (jjodl/mqoncp4i: an error each, beside the oam-disabled error of the same queue manager).
      name: 'MQSNOAUT: the override judged as with the object authority manager, administrators need a password: a warning',
      files: withoutOam(NATIVE_HA_CHANNEL),
      errors: [
        {
          messageId: 'override',
          file: 'mq/cm.yaml',
          line: 8,
          severity: 'warning',
          messageIncludes: ['password checked for administrators'],
          // The channel, with what it admits once MQSNOAUT is removed (mq/oam-disabled names MQSNOAUT).
          related: [{ file: 'mq/cm.yaml', line: 7 }],
        },
      ],
    },
    {
      // CHCKCLNT(OPTIONAL): an administrator gets in without a password even once MQSNOAUT is removed.
      name: 'MQSNOAUT and CHCKCLNT(OPTIONAL): the defect survives removing MQSNOAUT, an error',
      files: withoutOam(
        `ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\n${NATIVE_HA_CHANNEL}`,
      ),
      errors: [
        {
          messageId: 'override',
          file: 'mq/cm.yaml',
          line: 9,
          severity: 'error',
          messageIncludes: ['password not checked'],
        },
      ],
    },
    {
      name: '*MQADMIN removed by a channel-specific BLOCKUSER (mq-container DEV.ADMIN.SVRCONN shape: password still checked)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL('DEV.ADMIN.SVRCONN') CHLTYPE(SVRCONN) REPLACE\nSET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(BLOCKUSER) USERLIST('nobody') DESCR('Allows admins on ADMIN channel') ACTION(REPLACE)\nSET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(REPLACE)\n",
      },
      errors: [
        {
          messageId: 'override',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: ["only 'nobody' is blocked", 'password checked'],
        },
      ],
    },
    {
      name: 'override with CONNAUTH off: administrators connect without a password',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(ADMIN) CHLTYPE(SVRCONN)\nSET CHLAUTH('ADM*') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      },
      errors: [
        {
          messageId: 'override',
          file: 'QM1.mqsc',
          line: 3,
          severity: 'error',
          related: [{ file: 'QM1.mqsc', line: 2 }],
        },
      ],
    },
    {
      name: 'ACTION(REMOVE) of *MQADMIN from a channel list: the rest of the list stays and overrides the default',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN','nobody')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\n",
      },
      errors: [
        {
          messageId: 'override',
          file: 'QM1.mqsc',
          line: 3,
          severity: 'error',
          messageIncludes: ["only 'nobody' is blocked"],
        },
      ],
    },
    {
      name: 'WARN(YES) on the channel list only logs *MQADMIN',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') WARN(YES)\n",
      },
      errors: [{ messageId: 'override', file: 'QM1.mqsc', line: 2, severity: 'warning' }],
    },
  ],
});
