import rule from '../../../src/rules/mq/address-map-allows-all';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      // fvelasar/rtvs-openshif@aad64ee shape (no licence file): the record requires a password; MQSNOAUT leaves no OAM to check it, which is
      // mq/oam-disabled's finding, not this record's (its advice, CHCKCLNT(REQUIRED), is already written).
      name: 'every address with CHCKCLNT(REQUIRED) on a queue manager created with MQSNOAUT',
      files: {
        'compose.yaml':
          'services:\n  qm:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    environment:\n      - LICENSE=accept\n      - MQ_QMGR_NAME=QM1\n      - MQSNOAUT=yes\n    volumes:\n      - ./mq/20-config.mqsc:/etc/mqm/20-config.mqsc\n',
        'mq/20-config.mqsc':
          "DEFINE CHANNEL(PASSWORD.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH(PASSWORD.SVRCONN) TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED)\n",
      },
    },
    {
      name: 'every address, but the channel runs as app',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
    },
    {
      name: 'every address with CHCKCLNT(REQUIRED) (mq-container developer config)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) REPLACE\nSET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) DESCR('Allows connection via APP channel') ACTION(REPLACE)\n",
      },
    },
    {
      name: 'a network, not every address',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('10.1.*') USERSRC(CHANNEL)\n",
      },
    },
    {
      name: 'NOACCESS for every address',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'mutual TLS: the peer presents a certificate',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(REQUIRED)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
    },
    {
      name: "'*' profile: SYSTEM.* NOACCESS stays more specific",
      files: { 'QM1.mqsc': "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(MAP) MCAUSER('app')\n" },
    },
  ],
  invalid: [
    {
      name: 'SET CHLAUTH in a later file of the queue manager admits every address to the channel an earlier file defines',
      files: {
        'qm1/10-dev.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n',
        'qm1/20-sec.mqsc': "SET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
      errors: [
        {
          messageId: 'allowsAll',
          file: 'qm1/20-sec.mqsc',
          line: 1,
          related: [{ file: 'qm1/10-dev.mqsc', line: 1 }],
        },
      ],
    },
    {
      name: 'SYSTEM.DEF.AMQP opened to every address with the client-asserted user',
      files: { 'QM1.mqsc': "SET CHLAUTH('SYSTEM.DEF.AMQP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n" },
      errors: [
        {
          messageId: 'allowsAll',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['SYSTEM.DEF.AMQP (AMQP, as shipped: client-asserted user'],
        },
      ],
    },
    {
      name: 'admin channel: every address, BLOCKUSER override, CONNAUTH off',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL(ADMIN.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH('ADMIN.SVRCONN') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
      errors: [
        {
          messageId: 'allowsAll',
          file: 'QM1.mqsc',
          line: 4,
          severity: 'error',
          related: [{ file: 'QM1.mqsc', line: 2 }],
        },
      ],
    },
    {
      name: 'RCVR admitted from every address runs as mqm',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\nSET CHLAUTH('QM2.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
      errors: [{ messageId: 'allowsAll', file: 'QM1.mqsc', line: 2, severity: 'warning' }],
    },
  ],
});
