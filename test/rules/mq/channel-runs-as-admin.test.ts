import rule from '../../../src/rules/mq/channel-runs-as-admin';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

const OPEN = "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\n";

/** The `asserted` warning on QM1.mqsc line 1 for a channel where CONNAUTH checks the administrator's password. */
const assertedWithPassword = (result: string) => ({
  messageId: 'asserted',
  file: 'QM1.mqsc',
  line: 1,
  severity: 'warning' as const,
  messageIncludes: ["a client that says it is mqm and gives that user's password gets full control", result],
});

const RCVR = 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n';
/** The IBM MQ Operator's QueueManager mainmqm applying ConfigMap mainmqm-mqsc (prichelle/cp4i-flux@1704840 shape, no licence file). */
const operatorTree = (mqsc: string) => ({
  'mq/mq-conf.yaml': `kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: mainmqm-mqsc\ndata:\n  mainmqm.mqsc: |\n${mqsc
    .split('\n')
    .filter(Boolean)
    .map((l) => `    ${l}`)
    .join('\n')}\n`,
  'mq/manager.yaml':
    'apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: mainmqm\nspec:\n  queueManager:\n    name: mainmqm\n    mqsc:\n      - configMap:\n          items:\n            - mainmqm.mqsc\n          name: mainmqm-mqsc\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'defaults: *MQADMIN refuses administrators asserting their id',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n' },
    },
    {
      // jbride/mq-container@936b1e5a (branch 9.2.5) 10-dev.mqsc.tpl, "Allow privileged users on all channels": without
      // ACTION the SET CHLAUTH ADDs 'nobody' to the default list, which keeps *MQADMIN (IBM MQ SET CHLAUTH, ACTION).
      name: "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') without ACTION adds to *MQADMIN: administrators stay refused",
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') DESCR('Allow privileged users on all channels')\n",
      },
    },
    {
      name: 'MCAUSER set to an application user',
      files: { 'QM1.mqsc': OPEN + "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\n" },
    },
    {
      name: 'MCAUSER(mqm) is refused by the default *MQADMIN rule (AMQ9776), not admitted',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('mqm')\n" },
    },
    {
      name: 'USERSRC(NOACCESS) for every address',
      files: {
        'QM1.mqsc':
          OPEN.replace('CHLAUTH(DISABLED) ', '') +
          "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\nSET CHLAUTH('QM2.TO.QM1') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'security exit on a channel that would refuse administrators anyway',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app') SCYEXIT('blockip2(BlockExit)')\n" },
    },
    {
      name: 'ALTER only: MCAUSER is set where the channel is defined',
      files: { 'QM1.mqsc': OPEN + 'ALTER CHANNEL(APP) CHLTYPE(SVRCONN) DESCR(x)\n' },
    },
    {
      name: 'TLS channel requiring a certificate belongs to mq/tls-channel-without-mcauser',
      files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n' },
    },
    {
      name: 'QMGRMAP maps every partner queue manager to a low-privilege user',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED)\nDEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\nSET CHLAUTH('QM2.TO.QM1') TYPE(QMGRMAP) QMNAME('*') USERSRC(MAP) MCAUSER('mqput')\n",
      },
    },
    {
      name: 'dmpmqcfg dump with AMQPCAP(NO): the AMQP channel it re-defines cannot run',
      files: {
        'QM1.mqsc':
          "ALTER QMGR +\n*  AMQPCAP(NO) +\n   CHLAUTH(DISABLED) +\n   CONNAUTH(' ') +\n   FORCE\nDEFINE CHANNEL('SYSTEM.DEF.AMQP') +\n   CHLTYPE(AMQP) +\n   MCAUSER(' ') +\n   PORT(5672) +\n   SSLCIPH(' ') +\n   REPLACE\n",
      },
    },
  ],
  invalid: [
    {
      // romankhar/IBM-MQ-Docker-performance source/mq/server/mq.sh: an ALTER of the shipped object that names SHARECNV only.
      name: 'ALTER of SYSTEM.DEF.SVRCONN that changes nothing about identity keeps the shipped blank MCAUSER',
      files: {
        'QM1.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\nALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) SHARECNV(1)\n',
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: [
            'client-asserted user',
            'the attributes the ALTER of SYSTEM.DEF.SVRCONN does not name as shipped',
          ],
        },
      ],
    },
    {
      name: "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE) drops *MQADMIN: administrators get in",
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\n",
      },
      errors: [{ messageId: 'asserted', file: 'QM1.mqsc', line: 2, severity: 'error' }],
    },
    {
      name: 'ACTION(REMOVE) of *MQADMIN from the default list: administrators get in',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\n",
      },
      errors: [{ messageId: 'asserted', file: 'QM1.mqsc', line: 2, severity: 'error' }],
    },
    {
      // ibm-cloudintegration/mqoncp4i-2025@f45ab428425a MQonCP4I/unicluster/deploy/unicluster.yaml_template: with
      // CHLAUTH(DISABLED) no record matches a channel by name, so whatever TO_$UNICLUS becomes, mqm gets in.
      name: 'CHLAUTH(DISABLED) and a templated channel name: the name is context, the error stands',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(TO_$UNICLUS) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')\n",
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc.template',
          line: 2,
          severity: 'error',
          messageExcludes: ['depends on template value'],
        },
      ],
    },
    {
      // CHLAUTH(ENABLED): the default SET CHLAUTH('SYSTEM.*') ADDRESSMAP USERSRC(NOACCESS) refuses a SYSTEM.* name.
      name: 'CHLAUTH(ENABLED) and a name the template may make SYSTEM.*: unknown until rendered',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CONNAUTH(' ')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\nDEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc.template',
          line: 3,
          severity: 'info',
          messageIncludes: ['depends on template value $CHANNEL', "unless SET CHLAUTH('SYSTEM.*') ADDRESSMAP matches"],
        },
      ],
    },
    {
      // jjodl/mqoncp4i@b67913a3 unicluster.yaml_template names its channels $CHANNELa, $CHANNELb (envsubst).
      name: 'the same with a mixed-case envsubst name ($CHANNELa): unknown until rendered',
      files: {
        'QM1.mqsc_template':
          "ALTER QMGR CONNAUTH(' ')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\nDEFINE CHANNEL($CHANNELa) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc_template',
          line: 3,
          severity: 'info',
          messageIncludes: ['depends on template value $CHANNELa'],
        },
      ],
    },
    {
      // The fixed TO_ cannot begin SYSTEM.: no record the name can match changes the decision.
      name: 'CHLAUTH(ENABLED) and a templated name no specific profile can match: the error stands',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\nDEFINE CHANNEL(TO_$CLUSTER) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc.template',
          line: 3,
          severity: 'error',
          messageExcludes: ['depends on template value', 'unless'],
        },
      ],
    },
    {
      // A record whose profile is templated may match APP: USERSRC(NOACCESS) would refuse everyone.
      name: 'a SET CHLAUTH with a templated profile that may refuse the channel: unknown until rendered',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nALTER QMGR CHLAUTH(ENABLED)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH($CHANNEL) TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc.template',
          line: 4,
          severity: 'info',
          messageIncludes: [
            'depends on template value $CHANNEL',
            "unless SET CHLAUTH('$CHANNEL') ADDRESSMAP matches APP",
          ],
        },
      ],
    },
    {
      name: 'security exit: the outcome is unknown, said as an info',
      files: { 'QM1.mqsc': OPEN + "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SCYEXIT('blockip2(BlockExit)')\n" },
      errors: [
        {
          messageId: 'exitUnknown',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'info',
          messageIncludes: [
            'blockip2(BlockExit)',
            'client-asserted user, administrator (mqm) possible, password not checked',
          ],
        },
      ],
    },
    {
      name: 'open uniform cluster: CHLAUTH and CONNAUTH off, SVRCONN without MCAUSER',
      files: { 'QM1.mqsc': OPEN + 'DEFINE CHANNEL(UNI.SVRCONN) CHLTYPE(SVRCONN)\n' },
      errors: [
        {
          messageId: 'asserted',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'error',
          messageIncludes: ['without a certificate or password', 'administrator (mqm) possible, password not checked'],
          related: [
            { file: 'QM1.mqsc', line: 1 },
            { file: 'QM1.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'RCVR without MCAUSER while CHLAUTH is disabled runs as mqm',
      files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n' },
      errors: [
        {
          messageId: 'messageChannel',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'error',
          related: [{ file: 'QM1.mqsc', line: 1 }],
        },
      ],
    },
    {
      name: 'RCVR without MCAUSER on default CHLAUTH: warning, the records may live elsewhere',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n' },
      errors: [
        {
          messageId: 'messageChannel',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['assuming CHLAUTH(ENABLED)'],
        },
      ],
    },
    {
      // fvelasar/RTVS-MQ@78d82d8: its Dockerfile sets the password `default` (chpasswd), a word of this message.
      name: "the assumed defaults are said in full when a password of the tree is the word 'default'",
      files: {
        'QM1.mqsc': 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n',
        Dockerfile: 'FROM ibmcom/mq:9.1.0.0\nRUN echo mqadm:default | chpasswd\n',
      },
      errors: [
        {
          messageId: 'messageChannel',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: [
            "assuming CHLAUTH(ENABLED) and no channel authentication record but the defaults and the tree's",
          ],
          messageExcludes: ['***'],
        },
      ],
    },
    {
      name: '*MQADMIN removed by a channel-specific BLOCKUSER, CONNAUTH default: password checked for admins',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(ADMIN.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH('ADMIN.SVRCONN') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      },
      errors: [assertedWithPassword('password checked for administrators')],
    },
    {
      // petergdoyle/estreaming@02b5dfb mq/conf/config_clauth_on.mqsc: an admin channel that checks every password.
      name: 'an administrators channel that checks every password (ADDRESSMAP CHCKCLNT(REQUIRED)) says a password is needed',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(PASSWORD.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH(PASSWORD.SVRCONN) TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\nSET CHLAUTH(PASSWORD.SVRCONN) TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED)\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) ADOPTCTX(YES)\n",
      },
      errors: [assertedWithPassword('password checked')],
    },
    {
      name: 'a specific USERMAP maps a client user id to mqm after *MQADMIN was replaced',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('ops') USERSRC(MAP) MCAUSER('mqm')\n",
      },
      errors: [
        {
          messageId: 'mapped',
          file: 'QM1.mqsc',
          line: 4,
          severity: 'warning',
          messageIncludes: ["asserting the client user id 'ops'"],
        },
      ],
    },
    {
      // ibm-messaging/mq-container@def9638 (Apache-2.0) 10-dev.mqsc.tpl shape: DEV.AUTHINFO CHCKCLNT(REQDADM), and
      // `admin` mapped to mqm on the admin channel. REQDADM asks the asserted id for a password only when it is
      // privileged, which the host decides: the message says so instead of reading as no password at all.
      name: 'a USERMAP of a client user id to mqm under CHCKCLNT(REQDADM) says the password depends on the asserted id',
      files: {
        'QM1.mqsc':
          "DEFINE AUTHINFO(DEV.AUTHINFO) AUTHTYPE(IDPWOS) CHCKCLNT(REQDADM) ADOPTCTX(YES)\nALTER QMGR CONNAUTH(DEV.AUTHINFO)\nDEFINE CHANNEL(ADMIN) CHLTYPE(SVRCONN)\nSET CHLAUTH('ADMIN') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('ADMIN') TYPE(USERMAP) CLNTUSER('admin') USERSRC(MAP) MCAUSER('mqm')\n",
      },
      errors: [
        {
          messageId: 'mapped',
          file: 'QM1.mqsc',
          line: 5,
          severity: 'warning',
          messageIncludes: [
            'runs as the administrative user mqm when the client asserts admin; whether it must also give',
            'CHCKCLNT(REQDADM) asks for one only when the asserted id is privileged',
          ],
        },
      ],
    },
    {
      // bpaskin/IBMMQ@85f64f4 (no licence file) MQIRequestReplyPattern/setup.sh shape: crtmqm, then runmqsc of the file. A new queue manager has
      // the default records only, and none of them refuses a RCVR not named SYSTEM.*: the same verdict as CHLAUTH(DISABLED).
      name: 'a RCVR on a queue manager the script creates (crtmqm before runmqsc): no back-stop can exist, an error',
      files: { 'QM1.mqsc': RCVR, 'setup.sh': 'crtmqm QM1\nstrmqm QM1\nrunmqsc QM1 < QM1.mqsc\n' },
      errors: [
        {
          messageId: 'messageChannel',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'error',
          messageExcludes: ['assuming'],
          related: [{ file: 'setup.sh', line: 1 }],
        },
      ],
    },
    {
      name: 'a RCVR the script runs on a queue manager it does not create: a back-stop may exist, a warning that says so',
      files: { 'QM1.mqsc': RCVR, 'setup.sh': 'strmqm QM1\nrunmqsc QM1 < QM1.mqsc\n' },
      errors: [
        {
          messageId: 'messageChannel',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['a queue manager the tree does not create may hold others, a back-stop among them'],
        },
      ],
    },
    {
      // prichelle/cp4i-flux@1704840 kustomize/instances/mq: the operator creates mainmqm and applies the ConfigMap's MQSC.
      name: "MCAUSER('mqm'), CHCKCLNT(NONE), *MQADMIN removed, on the queue manager a QueueManager resource creates: an error",
      files: operatorTree(
        "DEF CHANNEL (CL.DEMO) CHLTYPE(SVRCONN) MCAUSER('mqm')\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(NONE) CHCKLOCL(NONE)\nSET CHLAUTH(*) TYPE(BLOCKUSER) USERLIST(*MQADMIN) ACTION(REMOVE)\n",
      ),
      errors: [
        { messageId: 'mapped', file: 'mq/mq-conf.yaml', line: 7, severity: 'error', messageExcludes: ['assuming'] },
      ],
    },
    {
      // Without the OAM no authority is checked: a low-privilege MCAUSER would change nothing by itself.
      name: 'MQSNOAUT: a RCVR without MCAUSER, the advice starts with removing MQSNOAUT',
      files: withoutOam(RCVR),
      errors: [
        {
          messageId: 'messageChannelWithoutOam',
          file: 'mq/cm.yaml',
          line: 7,
          severity: 'error',
          messageIncludes: ['an MCAUSER would change nothing: remove MQSNOAUT and recreate the queue manager'],
        },
      ],
    },
    {
      // Under MQSNOAUT every channel gives full control, which mq/oam-disabled reports once (an error) for the queue
      // manager. Each channel is judged as it stays once MQSNOAUT is removed: CONNAUTH's CHCKCLNT (REQDADM as shipped)
      // checks the password of a client asserting mqm again, so a warning here, not a second error for the same cause
      // (jjodl/mqoncp4i@b67913a: 17 errors of this rule beside the oam-disabled ones).
      name: 'MQSNOAUT: a client asserting any id gets full control; once MQSNOAUT is removed administrators need a password: a warning',
      files: withoutOam('ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP)\n'),
      errors: [
        {
          messageId: 'assertedWithoutOam',
          file: 'mq/cm.yaml',
          line: 8,
          severity: 'warning',
          messageIncludes: [
            'whether it says it is mqm or any other user',
            'With the object authority manager (MQSNOAUT removed): client-asserted user, administrator (mqm) possible, password checked for administrators',
            'remove MQSNOAUT and recreate the queue manager',
          ],
        },
      ],
    },
    {
      // CHCKCLNT(OPTIONAL) checks no password of a client that sends none: the defect survives removing MQSNOAUT.
      name: 'MQSNOAUT and CHCKCLNT(OPTIONAL): an administrator still gets in without a secret once MQSNOAUT is removed, an error',
      files: withoutOam(
        'ALTER QMGR CHLAUTH(DISABLED)\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP)\n',
      ),
      errors: [
        {
          messageId: 'assertedWithoutOam',
          file: 'mq/cm.yaml',
          line: 9,
          severity: 'error',
          messageIncludes: [
            'With the object authority manager (MQSNOAUT removed): client-asserted user, administrator (mqm) possible, password not checked',
          ],
        },
      ],
    },
    {
      name: "MQSNOAUT: MCAUSER('mqm') with *MQADMIN removed; any other user id would have the same authority (a warning)",
      files: withoutOam(
        "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\n",
      ),
      errors: [
        {
          messageId: 'mappedWithoutOam',
          file: 'mq/cm.yaml',
          line: 7,
          // Once MQSNOAUT is removed the channel still runs as mqm, on CHCKCLNT as shipped, which the tree does not
          // show: a warning, as the same script gets without MQSNOAUT.
          severity: 'warning',
          messageIncludes: ['every other user id has the same authority'],
        },
      ],
    },
    {
      name: 'WARN(YES) records only log: the channel stays open to administrators',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(' ') CHLAUTH(ENABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') WARN(YES)\n",
      },
      errors: [{ messageId: 'asserted', file: 'QM1.mqsc', line: 2, severity: 'error' }],
    },
  ],
});
