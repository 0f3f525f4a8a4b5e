import rule from '../../../src/rules/mq/channel-without-tls';
import { ruleTester } from '../../helpers/rule-tester';

// One queue manager's MQSC split over files applied in name order (mq-container /etc/mqm, AutoConfig MQSCConfig).
const DEV =
  "DEFINE QLOCAL('DEV.QUEUE.1') REPLACE\nDEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
const TLS = "ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12_OR_HIGHER') SSLCAUTH(OPTIONAL)\n";

ruleTester(rule, {
  valid: [
    { name: 'TLS channel', files: { 'QM1.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n' } },
    { name: 'client channel', files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(CLNTCONN) CONNAME('h(1414)')\n" } },
    {
      name: 'SYSTEM channel (see system-channels-not-blocked)',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN)\n' },
    },
    {
      name: 'AMQP channel (mq/amqp-channel-without-tls)',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5672)\n' },
    },
    {
      name: 'templated SSLCIPH',
      files: { 'QM1.mqsc.tpl': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH({{ .Cipher }})\n' },
    },
    {
      name: 'a later numbered file of the queue manager ALTERs the channel to TLS',
      files: { 'qm1/10-dev.mqsc': DEV, 'qm1/20-tls.mqsc': TLS },
    },
    {
      name: 'a later file DEFINEs the channel again with REPLACE and TLS',
      files: {
        'qm1/10-dev.mqsc': DEV,
        'qm1/20-tls.mqsc': "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13) REPLACE\n",
      },
    },
    {
      name: 'a later file of the queue manager DELETEs the channel',
      files: { 'qm1/10-dev.mqsc': DEV, 'qm1/20-clean.mqsc': "DELETE CHANNEL('DEV.APP.SVRCONN')\n" },
    },
    {
      name: 'the files of the AutoConfig MQSCConfig directory of qm.ini',
      files: {
        'qm1/qm.ini': 'AutoConfig:\n   MQSCConfig=/var/mqm/autocfg\n',
        'qm1/autocfg/app.mqsc': DEV,
        'qm1/autocfg/tls.mqsc': TLS,
      },
    },
    {
      // ibm-cp4i-demo/ace-mq-tls@28ad736 mq/config.mqsc: QMLDAP_SVRCONN has no record of its own that admits anyone,
      // so the back-stop ADDRESSMAP refuses every connection (AMQ9777); a BLOCKADDR of every address, an MCAUSER that
      // its BLOCKUSER list names, likewise.
      name: 'a channel CHLAUTH refuses to everyone: the back-stop record, a BLOCKADDR of every address, a blocked MCAUSER',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\nDEFINE CHANNEL(QMLDAP_SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP)\nSET CHLAUTH(QMLDAP_SVRCONN) TYPE(BLOCKUSER) ACTION(REPLACE) USERLIST('nobody')\n",
        'QM2.mqsc':
          "SET CHLAUTH('*') TYPE(BLOCKADDR) ADDRLIST('*')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\n",
        'QM3.mqsc':
          "DEFINE CHANNEL(PARKED) CHLTYPE(SVRCONN) MCAUSER('parked')\nSET CHLAUTH(PARKED) TYPE(BLOCKUSER) USERLIST('parked')\n",
      },
    },
  ],
  invalid: [
    {
      name: 'the numbered file without the ALTER',
      files: { 'qm1/10-dev.mqsc': DEV },
      // cah-binix-john/mis-mq-test-qmgrs@41e5f5a docker/cah-config-app-qmgr.sh: a SVRCONN channel whose CHLAUTH asks
      // for a password (CHCKCLNT(REQUIRED)) without SSLCIPH. MQ 8.0+ clients protect the password with MQCSP password
      // protection (ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.sec.doc/q118710_.html): it was said to flow unencrypted.
      errors: [
        {
          messageId: 'plaintext',
          file: 'qm1/10-dev.mqsc',
          line: 2,
          related: [],
          messageIncludes: ['messages and user ids flow unencrypted', 'MQCSP password protection'],
          messageExcludes: ['user ids/passwords flow unencrypted'],
        },
      ],
    },
    {
      name: 'the ALTER in a file applied first (05-tls) fails: channel not found, so no TLS',
      files: { 'qm1/10-dev.mqsc': DEV, 'qm1/05-tls.mqsc': TLS },
      errors: [
        {
          messageId: 'plaintext',
          file: 'qm1/10-dev.mqsc',
          line: 2,
          related: [{ file: 'qm1/05-tls.mqsc', line: 1 }],
        },
      ],
    },
    {
      name: 'a later DEFINE NOREPLACE with TLS fails: the first definition stays',
      files: {
        'qm1/10-dev.mqsc': DEV,
        'qm1/20-tls.mqsc': "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13) NOREPLACE\n",
      },
      errors: [
        { messageId: 'plaintext', file: 'qm1/10-dev.mqsc', line: 2, related: [{ file: 'qm1/20-tls.mqsc', line: 1 }] },
      ],
    },
    {
      name: "a later file's ALTER blanks SSLCIPH: reported at the ALTER, with where the channel is defined",
      files: {
        'qm1/10-dev.mqsc': "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13) REPLACE\n",
        'qm1/20-plain.mqsc': "ALTER CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH(' ')\n",
      },
      errors: [
        { messageId: 'plaintext', file: 'qm1/20-plain.mqsc', line: 1, related: [{ file: 'qm1/10-dev.mqsc', line: 1 }] },
      ],
    },
    {
      name: 'a channel defined over several lines: no related location inside its own DEFINE',
      files: {
        'QM1.mqsc': "DEFINE CHANNEL('APP') +\n  CHLTYPE(SVRCONN) +\n  SSLCIPH('') REPLACE\n",
      },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 3, related: [] }],
    },
    {
      name: 'unnumbered files of one directory are separate scripts: the ALTER elsewhere is not applied',
      files: { 'qm1/dev.mqsc': DEV, 'qm1/tls.mqsc': TLS },
      errors: [{ messageId: 'plaintext', file: 'qm1/dev.mqsc', line: 2 }],
    },
    {
      // The back-stop refuses the rest, but the channel's own record admits clients (mq-dev-config's DEV.APP.SVRCONN);
      // a record that admits only some (a user map) still opens the channel; so does CHLAUTH(DISABLED).
      name: 'a channel some record admits despite the back-stop record, or with CHLAUTH disabled',
      files: {
        'QM1.mqsc':
          "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\nSET CHLAUTH(APP) TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\nDEFINE CHANNEL(ACE) CHLTYPE(SVRCONN)\nSET CHLAUTH(ACE) TYPE(USERMAP) CLNTUSER('aceapp') USERSRC(MAP) MCAUSER('aceapp')\n",
        'QM2.mqsc':
          "ALTER QMGR CHLAUTH(DISABLED)\nSET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\nDEFINE CHANNEL(OFF) CHLTYPE(SVRCONN) MCAUSER('app')\n",
      },
      errors: [
        { messageId: 'plaintext', file: 'QM1.mqsc', line: 2 },
        { messageId: 'plaintext', file: 'QM1.mqsc', line: 4 },
        { messageId: 'plaintext', file: 'QM2.mqsc', line: 3 },
      ],
    },
    {
      name: 'SVRCONN without SSLCIPH',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app')\n" },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'RCVR without SSLCIPH',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n' },
      // A queue manager channel: no client's user id or password on it, messages from any partner queue manager.
      errors: [
        {
          messageId: 'plaintextQmgr',
          file: 'QM1.mqsc',
          line: 1,
          messageIncludes: ['RCVR channel QM2.TO.QM1', 'as a partner queue manager'],
        },
      ],
    },
    {
      name: 'MQTT telemetry channel without SSLCIPH',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(MQTT.PLAIN) CHLTYPE(MQTT) TRPTYPE(TCP) PORT(1883) MCAUSER('mqttuser')\n" },
      errors: [
        {
          messageId: 'plaintextMqtt',
          file: 'QM1.mqsc',
          line: 1,
          messageIncludes: ['MQTT channel MQTT.PLAIN', 'passwords of MQTT CONNECT flow unencrypted'],
          messageExcludes: ['MQCSP'],
        },
      ],
    },
    {
      name: "explicit SSLCIPH('') in YAML",
      files: { 'cm.yaml': "data:\n  dev.mqsc: |\n    DEFINE CHANNEL('X') CHLTYPE(SVRCONN) SSLCIPH('')\n" },
      errors: [{ messageId: 'plaintext', file: 'cm.yaml', line: 3, column: 50 }],
    },
  ],
});
