import rule from '../../../src/rules/mq/mqsc-command-fails';
import { ruleTester } from '../../helpers/rule-tester';
import { composeRunningMqsc } from './trees';

const DEV = "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
const TLS = "ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12_OR_HIGHER')\n";
/** A mapping record; SET CHLAUTH's ACTION is ADD when the command leaves it out (MQRCCF_CHLAUTH_ALREADY_EXISTS when it exists). */
const APP_MAP = "SET CHLAUTH('APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.0.0.*') USERSRC(CHANNEL)";
/** The developer image (icr.io/ibm-messaging/mq) runs its 10-dev.mqsc with the mounted 20-config.mqsc, in name order. */
const DEV_COMPOSE = composeRunningMqsc(['icr.io/ibm-messaging/mq:9.4.0.0-r1'], './20-config.mqsc', [
  { LICENSE: 'accept' },
]);
const DEV_APP_MAP = "SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)";

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
      name: 'SET CHLAUTH ADD, then REPLACE of the same record',
      files: { 'QM1.mqsc': `${APP_MAP}\n${APP_MAP} ACTION(REPLACE)\n` },
    },
    {
      name: 'SET CHLAUTH ADD of records of another address, user or type',
      files: {
        'QM1.mqsc': `${APP_MAP}\n${APP_MAP.replace('10.0.0.*', '10.0.1.*')}\n${APP_MAP.replace("ADDRESSMAP) ADDRESS('10.0.0.*')", "USERMAP) CLNTUSER('app')")}\n`,
      },
    },
    {
      name: 'BLOCKUSER ADD twice: a list, which ADD extends',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('APP.*') TYPE(BLOCKUSER) USERLIST('a')\nSET CHLAUTH('APP.*') TYPE(BLOCKUSER) USERLIST('b')\n",
      },
    },
    {
      name: 'ADD of a default record the script removed first',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\nSET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'a templated address: whether the record exists is not known',
      files: { 'QM1.mqsc': `${APP_MAP}\n${APP_MAP.replace('10.0.0.*', '${APP_NET}')}\n` },
    },
    {
      name: "the tree's file runs before the image's 10-dev.mqsc (05-config): the image's REPLACE wins, nothing refused",
      files: {
        '20-config.mqsc': `${DEV_APP_MAP}\n`,
        'docker-compose.yml': DEV_COMPOSE.replace('/etc/mqm/20-config.mqsc', '/etc/mqm/05-config.mqsc'),
      },
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
      name: 'SET CHLAUTH twice with the default ACTION(ADD): the first record stays',
      files: { 'QM1.mqsc': `${APP_MAP}\n${APP_MAP.replace('CHANNEL', 'NOACCESS')}\n` },
      errors: [
        {
          messageId: 'chlauthExists',
          file: 'QM1.mqsc',
          line: 2,
          related: [{ file: 'QM1.mqsc', line: 1 }],
          messageIncludes: [
            'MQ refuses this (3337)',
            'the record of line 1 stays',
            'ACTION(ADD), the default',
            'ACTION(REPLACE)',
          ],
        },
      ],
    },
    {
      name: 'ACTION(ADD) written, in a later file of the queue manager',
      files: { 'qm1/10-a.mqsc': `${APP_MAP}\n`, 'qm1/20-b.mqsc': `\n${APP_MAP} ACTION(ADD)\n` },
      errors: [
        {
          messageId: 'chlauthExists',
          file: 'qm1/20-b.mqsc',
          line: 2,
          related: [{ file: 'qm1/10-a.mqsc', line: 1 }],
          messageIncludes: ['the record of qm1/10-a.mqsc:1 stays'],
        },
      ],
    },
    {
      name: 'ADD of a record every new queue manager holds (SYSTEM.ADMIN.SVRCONN from any address)',
      files: {
        'QM1.mqsc': "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
      errors: [{ messageId: 'chlauthExists', file: 'QM1.mqsc', line: 1, messageIncludes: ['every new queue manager'] }],
    },
    {
      name: "ADD over the developer image's record of DEV.APP.SVRCONN: the image's record stays",
      files: { '20-config.mqsc': `${DEV_APP_MAP} CHCKCLNT(REQUIRED)\n`, 'docker-compose.yml': DEV_COMPOSE },
      errors: [
        {
          messageId: 'chlauthExists',
          file: '20-config.mqsc',
          line: 1,
          // The record that stays, and the engine's note naming the image's records at the mount.
          related: [
            { file: 'docker-compose.yml', line: 7 },
            { file: 'docker-compose.yml', line: 7 },
          ],
          messageIncludes: ["the record of line 41 of icr.io/ibm-messaging/mq:9.4.0.0-r1's /etc/mqm/10-dev.mqsc"],
        },
      ],
    },
    {
      name: 'ALTER after DELETE',
      files: { 'QM1.mqsc': `${DEV}DELETE CHANNEL('DEV.APP.SVRCONN')\n${TLS}` },
      errors: [{ messageId: 'deleted', file: 'QM1.mqsc', line: 3, related: [{ file: 'QM1.mqsc', line: 2 }] }],
    },
  ],
});
