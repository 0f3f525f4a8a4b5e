import rule from '../../../src/rules/mq/chlauth-profile-matches-no-channel';
import { ruleTester } from '../../helpers/rule-tester';

// vpnet/BAF@ca8d2dd config.mqsc: the channel is PASSWORD.SRVCONN, every record names PASSWORD.SVRCONN.
const BAF = [
  'DEFINE CHANNEL(PASSWORD.SRVCONN) CHLTYPE(SVRCONN)',
  "SET CHLAUTH(PASSWORD.SVRCONN) TYPE(BLOCKUSER) USERLIST('nobody')",
  "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) DESCR('BackStop rule')",
  "SET CHLAUTH(PASSWORD.SVRCONN) TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED)",
  '',
].join('\n');
const APP =
  "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH(APP.SVRCON) TYPE(BLOCKUSER) USERLIST('nobody')\n";

ruleTester(rule, {
  valid: [
    { name: 'the profile names the channel', files: { 'QM1.mqsc': BAF.replace('SRVCONN)', 'SVRCONN)') } },
    {
      name: 'the channel is only altered here (defined elsewhere): channels unknown',
      files: { 'QM1.mqsc': `ALTER CHANNEL(OTHER.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('app')\n${APP}` },
    },
    {
      name: 'the script defines no channel',
      files: { 'QM1.mqsc': "SET CHLAUTH(APP.SVRCON) TYPE(BLOCKUSER) USERLIST('nobody')\n" },
    },
    {
      name: 'two defined channels are one letter away: which one is meant is unknown',
      files: { 'QM1.mqsc': `DEFINE CHANNEL(APP.SVRCONX) CHLTYPE(SVRCONN)\n${APP}` },
    },
    {
      name: 'two letters away',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH(APP.SVRCO) TYPE(BLOCKUSER) USERLIST('x')\n",
      },
    },
    {
      name: 'a generic profile',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP.SVRCON*') TYPE(BLOCKUSER) USERLIST('x')\n",
      },
    },
    {
      name: 'a sender channel (CHLAUTH applies to channels a partner starts)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(QM1.QM2) CHLTYPE(SDR) CONNAME('h') XMITQ(Q)\nSET CHLAUTH(QM2.QM2) TYPE(BLOCKUSER) USERLIST('x')\n",
      },
    },
    {
      name: 'a shipped SYSTEM.* channel is named',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(SYSTEM.ADMIN.SVRCONX) CHLTYPE(SVRCONN)\nSET CHLAUTH(SYSTEM.ADMIN.SVRCONN) TYPE(BLOCKUSER) USERLIST('x')\n",
      },
    },
    {
      name: 'a templated channel name',
      files: { 'QM1.mqsc': `DEFINE CHANNEL({{ .Values.channel }}) CHLTYPE(SVRCONN)\n${APP}` },
    },
    {
      name: 'the channel is defined in an earlier file of the same queue manager',
      files: { 'qm1/10-dev.mqsc': 'DEFINE CHANNEL(APP.SVRCON) CHLTYPE(SVRCONN)\n', 'qm1/20-app.mqsc': APP },
    },
  ],
  invalid: [
    {
      name: 'vpnet/BAF: the back-stop refuses the only app channel',
      files: { 'config.mqsc': BAF },
      errors: [
        {
          messageId: 'nearMissBlocked',
          file: 'config.mqsc',
          line: 2,
          related: [
            { file: 'config.mqsc', line: 1 },
            { file: 'config.mqsc', line: 3 },
            { file: 'config.mqsc', line: 4 },
          ],
          messageIncludes: ['PASSWORD.SVRCONN', 'PASSWORD.SRVCONN', 'AMQ9777'],
        },
      ],
    },
    {
      name: 'a letter missing, no back-stop',
      files: { 'QM1.mqsc': APP },
      errors: [{ messageId: 'nearMiss', file: 'QM1.mqsc', line: 2, related: [{ file: 'QM1.mqsc', line: 1 }] }],
    },
    {
      name: 'the back-stop is not said where a more specific record lets the channel in',
      files: {
        'QM1.mqsc': `${APP}SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\nSET CHLAUTH('APP.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n`,
      },
      errors: [{ messageId: 'nearMiss', file: 'QM1.mqsc', line: 2 }],
    },
  ],
});
