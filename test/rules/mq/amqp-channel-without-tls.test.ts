import rule from '../../../src/rules/mq/amqp-channel-without-tls';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'AMQP channel with TLS (mq-dev-patterns add-tls-amqp.mqsc)',
      files: {
        'QM1.mqsc':
          "STOP CHANNEL(SYSTEM.DEF.AMQP)\nALTER CHANNEL(SYSTEM.DEF.AMQP) CHLTYPE(AMQP) MCAUSER('app') SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(OPTIONAL)\nSTART CHANNEL(SYSTEM.DEF.AMQP)\n",
      },
    },
    {
      name: 'SYSTEM.DEF.AMQP untouched: the default SYSTEM.* record refuses it',
      files: { 'QM1.mqsc': 'DEFINE QLOCAL(Q1)\n' },
    },
    {
      name: 'AMQP channel refused for every address',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672)\nSET CHLAUTH('MY.AMQP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'templated SSLCIPH',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672) SSLCIPH({{ .Cipher }})\n' },
    },
    {
      // sujatha-sureshkmr/CP4I-Messaging mq_ace_lab.mqsc: dmpmqcfg comments out AMQPCAP, the queue manager's value.
      name: 'dmpmqcfg -a dump of a queue manager without AMQP capability (AMQPCAP(NO) as a comment)',
      files: {
        'QM1.mqsc':
          "ALTER QMGR +\n*  AMQPCAP(NO) +\n   CHLAUTH(DISABLED) +\n   CONNAUTH(' ') +\n   FORCE\nDEFINE CHANNEL('SYSTEM.DEF.AMQP') +\n   CHLTYPE(AMQP) +\n   MCAUSER(' ') +\n   PORT(5672) +\n   SSLCIPH(' ') +\n   REPLACE\n",
      },
    },
  ],
  invalid: [
    {
      // The *MQADMIN block replaced: a client asserting mqm gets in. Under MQSNOAUT without a password (mq/oam-disabled's
      // error); judged with the object authority manager it must give one (CHCKCLNT(REQDADM) of a new queue manager):
      // the plaintext channel keeps its warning.
      name: 'MQSNOAUT: an AMQP channel without SSLCIPH admitting asserted administrators, judged with the OAM (warning)',
      files: withoutOam(
        "DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\nSTART CHANNEL(MY.AMQP)\n",
      ),
      errors: [{ messageId: 'plaintext', file: 'mq/cm.yaml', line: 7, severity: 'warning' }],
    },
    {
      name: 'SYSTEM.DEF.AMQP admitted from every address without SSLCIPH',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('SYSTEM.DEF.AMQP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\nSTART SERVICE(SYSTEM.AMQP.SERVICE)\n",
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['SYSTEM.DEF.AMQP', 'client-asserted user'],
        },
      ],
    },
    {
      name: 'own AMQP channel, CHLAUTH and CONNAUTH off',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672)\nSTART CHANNEL(MY.AMQP)\n",
      },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 2, severity: 'error', messageExcludes: ['assuming'] }],
    },
    {
      name: 'own AMQP channel, CHLAUTH and CONNAUTH off, never started in the tree: hedged',
      files: {
        'QM1.mqsc': "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672)\n",
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: ['assuming the AMQP service runs with MY.AMQP started, which the tree does not show'],
        },
      ],
    },
    {
      name: 'own AMQP channel with MCAUSER app, defaults otherwise',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672) MCAUSER('app')\n" },
      errors: [
        { messageId: 'plaintext', file: 'QM1.mqsc', line: 1, severity: 'warning', messageIncludes: ['runs as app'] },
      ],
    },
  ],
});
