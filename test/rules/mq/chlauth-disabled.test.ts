import rule from '../../../src/rules/mq/chlauth-disabled';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'a later file of the queue manager enables CHLAUTH again',
      files: {
        'qm1/10-dev.mqsc': "ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL('APP') CHLTYPE(SVRCONN) REPLACE\n",
        'qm1/20-sec.mqsc': 'ALTER QMGR CHLAUTH(ENABLED)\n',
      },
    },
    {
      name: 'CHLAUTH enabled',
      files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH(ENABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n' },
    },
    {
      name: 'CHLAUTH not mentioned (default ENABLED)',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n' },
    },
    { name: 'templated value', files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH({{ .Chlauth }})\n' } },
  ],
  invalid: [
    {
      // Under MQSNOAUT no password is checked (mq/oam-disabled's error): judged with the object authority manager, a
      // client asserting mqm on APP must give its password (CHCKCLNT(REQDADM) of a new queue manager), a warning.
      name: 'MQSNOAUT: CHLAUTH(DISABLED) opens APP to asserted administrators, who must give a password once it is removed',
      files: withoutOam("ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL('APP') CHLTYPE(SVRCONN) TRPTYPE(TCP) REPLACE\n"),
      errors: [{ messageId: 'disabled', file: 'mq/cm.yaml', line: 7, severity: 'warning', messageIncludes: ['APP'] }],
    },
    {
      name: 'MQSNOAUT with CHCKCLNT(OPTIONAL): an administrator gets in without a password either way, the error stands',
      files: withoutOam(
        "ALTER QMGR CHLAUTH(DISABLED)\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\nDEFINE CHANNEL('APP') CHLTYPE(SVRCONN) TRPTYPE(TCP) REPLACE\n",
      ),
      errors: [{ messageId: 'disabled', file: 'mq/cm.yaml', line: 7, severity: 'error' }],
    },
    {
      // dmpmqcfg -a writes AMQPCAP, a display-only attribute, as a comment: this queue manager has no AMQP channel.
      name: 'dmpmqcfg dump with AMQPCAP(NO): the AMQP channel it re-defines is not listed as opened',
      files: {
        'QM1.mqsc':
          "ALTER QMGR +\n*  AMQPCAP(NO) +\n   CHLAUTH(DISABLED) +\n   CONNAUTH(' ') +\n   FORCE\nDEFINE CHANNEL('SYSTEM.DEF.AMQP') +\n   CHLTYPE(AMQP) +\n   MCAUSER(' ') +\n   PORT(5672) +\n   SSLCIPH(' ') +\n   REPLACE\n",
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc',
          line: 3,
          messageIncludes: ['SYSTEM.DEF.SVRCONN'],
          messageExcludes: ['SYSTEM.DEF.AMQP'],
        },
      ],
    },
    {
      name: 'CHLAUTH(DISABLED) in a later file opens the channel an earlier file of the queue manager defines',
      files: {
        'qm1/10-dev.mqsc': "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) REPLACE\n",
        'qm1/20-sec.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\n',
      },
      errors: [
        { messageId: 'disabled', file: 'qm1/20-sec.mqsc', line: 1, messageIncludes: ['APP (SVRCONN: client-asserted'] },
      ],
    },
    {
      name: 'disabled with CONNAUTH off: the SVRCONN admits mqm without a password',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(' ')\nALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(UNI.SVRCONN) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'error',
          messageIncludes: [
            'UNI.SVRCONN (SVRCONN: client-asserted user, administrator (mqm) possible, password not checked)',
            'SYSTEM.DEF.SVRCONN (SVRCONN, as shipped',
          ],
        },
      ],
    },
    {
      name: 'disabled alone: the shipped SYSTEM.* channels open, administrators still need a password (CONNAUTH default)',
      files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\n' },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['SYSTEM.DEF.SVRCONN', 'SYSTEM.DEF.RECEIVER'],
        },
      ],
    },
    {
      name: 'written with a blank before the parenthesis (mq-gitops-samples static.mqsc)',
      files: {
        'static.mqsc':
          "DEFINE CHANNEL('IBM.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY) SSLCAUTH(OPTIONAL) SHARECNV(10) HBINT(3) REPLACE\nALTER QMGR CHLAUTH (DISABLED)\n",
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'static.mqsc',
          line: 2,
          severity: 'warning',
          related: [{ file: 'static.mqsc', line: 1 }],
        },
      ],
    },
    {
      // The shipped SYSTEM.DEF.* channels open whatever the deploy script calls its own channel: that one is an example.
      name: 'a templated channel name beside the shipped channels: the warning stands',
      files: { 'QM1.mqsc.template': 'ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN)\n' },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'warning',
          messageIncludes: ['$CHANNEL (SVRCONN'],
          messageExcludes: ['depends on template value'],
        },
      ],
    },
    {
      // ibm-cloudintegration/mqoncp4i-2025@f45ab428425a streamq.yaml_template / unicluster.yaml_template shape: no SET
      // CHLAUTH of its own, so only the default SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') kept mqm out, of
      // every channel whatever its name.
      name: 'no record of its own: a templated channel that lets administrators in decides the error whatever its name',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(TO_$UNICLUS) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')\n",
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'error',
          messageExcludes: ['depends on template value'],
          related: [{ file: 'QM1.mqsc.template', line: 2 }],
        },
      ],
    },
    {
      // A record of the script's own for APP.* lifts the '*' BLOCKUSER for the channels it matches: whether the
      // channel was open to administrators before depends on the name the template gives it.
      name: 'a record of its own: the templated channel name decides the error, unknown until rendered',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nSET CHLAUTH('APP.*') TYPE(BLOCKUSER) USERLIST('nobody')\nDEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'info',
          messageIncludes: ['depends on template value $CHANNEL'],
        },
      ],
    },
  ],
});
