import rule from '../../../src/rules/mq/channel-blocked-by-image-backstop';
import { ruleTester } from '../../helpers/rule-tester';
import { composeRunningMqsc } from './trees';

/**
 * The developer image's 10-dev.mqsc sets SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)
 * (ibm-messaging/mq-container@def9638590f490fe2d814a947aac7d8fab776349 incubating/mqadvanced-server-dev/10-dev.mqsc.tpl
 * line 40): a channel of the tree without a record of its own that admits clients is refused (AMQ9777, RC 2035).
 */
/** One Compose service of `image` that mounts ./20-config.mqsc as /etc/mqm/20-config.mqsc, with `NAME=value` variables. */
const compose = (image: string, environment: string[]) =>
  composeRunningMqsc([image], './20-config.mqsc', [
    Object.fromEntries(
      ['LICENSE=accept', ...environment].map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    ),
  ]);
const DEV_IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r1';
const CHANNEL =
  "DEFINE QLOCAL('ORDERS') REPLACE\nDEFINE CHANNEL('ORDERS.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
const SPRING = 'ibm.mq.channel=ORDERS.SVRCONN\nibm.mq.connName=qm1(1414)\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a record of its own admits clients on the channel',
      files: {
        '20-config.mqsc':
          CHANNEL +
          "SET CHLAUTH('ORDERS.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(REPLACE)\n",
        'docker-compose.yml': compose(DEV_IMAGE, []),
      },
    },
    {
      name: 'a generic record of the tree admits ORDERS.* channels',
      files: {
        '20-config.mqsc':
          CHANNEL + "SET CHLAUTH('ORDERS.*') TYPE(USERMAP) CLNTUSER('app') USERSRC(CHANNEL) ACTION(REPLACE)\n",
        'docker-compose.yml': compose(DEV_IMAGE, []),
      },
    },
    {
      name: 'CHLAUTH(DISABLED) in the tree: no record applies',
      files: {
        '20-config.mqsc': CHANNEL + 'ALTER QMGR CHLAUTH(DISABLED)\n',
        'docker-compose.yml': compose(DEV_IMAGE, []),
      },
    },
    {
      name: 'MQ_DEV=false: the image sets no back-stop',
      files: { '20-config.mqsc': CHANNEL, 'docker-compose.yml': compose(DEV_IMAGE, ['MQ_DEV=false']) },
    },
    {
      name: 'MQ_DEV from the shell: whether the back-stop is set is unknown',
      files: { '20-config.mqsc': CHANNEL, 'docker-compose.yml': compose(DEV_IMAGE, ['MQ_DEV=${MQ_DEV}']) },
    },
    {
      name: 'not the developer image',
      files: {
        '20-config.mqsc': CHANNEL,
        'docker-compose.yml': compose('cp.icr.io/cp/ibm-mqadvanced-server:9.4.0.0-r1', []),
      },
    },
    {
      name: "the image's own DEV.APP.SVRCONN, altered by the tree",
      files: {
        '20-config.mqsc': "ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MAXMSGL(104857600)\n",
        'docker-compose.yml': compose(DEV_IMAGE, []),
      },
    },
    {
      // The user's own back-stop is the user's: mq/chlauth-profile-matches-no-channel covers its misspelt records.
      name: 'no image: a back-stop the tree writes itself',
      files: { 'QM1.mqsc': "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n" + CHANNEL },
    },
  ],
  invalid: [
    {
      name: 'a channel of the tree no record admits: nobody can use it, a warning',
      files: { '20-config.mqsc': CHANNEL, 'docker-compose.yml': compose(DEV_IMAGE, []) },
      errors: [
        {
          messageId: 'unusable',
          file: '20-config.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: [
            "the back-stop SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) of icr.io/ibm-messaging/mq:9.4.0.0-r1's /etc/mqm/10-dev.mqsc",
            'AMQ9777E',
            'MQRC_NOT_AUTHORIZED 2035',
          ],
          related: [
            { file: 'docker-compose.yml', line: 7 },
            { file: 'docker-compose.yml', line: 7 },
          ],
        },
      ],
    },
    {
      name: 'a Spring application connects through it: an error',
      files: {
        '20-config.mqsc': CHANNEL,
        'docker-compose.yml': compose(DEV_IMAGE, []),
        'app/src/main/resources/application.properties': SPRING,
      },
      errors: [
        {
          messageId: 'usedByClient',
          file: '20-config.mqsc',
          line: 2,
          severity: 'error',
          messageIncludes: ['connect through SVRCONN channel ORDERS.SVRCONN'],
        },
      ],
    },
    {
      // A block of one user does not admit anyone else: the back-stop still decides for every other client.
      name: 'a record of the channel that only refuses (USERMAP NOACCESS) admits nobody',
      files: {
        '20-config.mqsc':
          CHANNEL + "SET CHLAUTH('ORDERS.SVRCONN') TYPE(USERMAP) CLNTUSER('guest') USERSRC(NOACCESS) ACTION(REPLACE)\n",
        'docker-compose.yml': compose(DEV_IMAGE, []),
      },
      errors: [{ messageId: 'unusable', file: '20-config.mqsc', line: 2 }],
    },
    {
      name: 'a Dockerfile FROM ibmcom/mq copies the file: the back-stop applies whatever key is mounted',
      files: {
        '20-config.mqsc': CHANNEL,
        Dockerfile: 'FROM ibmcom/mq:9.3.0.0-r1\nCOPY 20-config.mqsc /etc/mqm/\n',
      },
      errors: [
        {
          messageId: 'unusable',
          file: '20-config.mqsc',
          line: 2,
          related: [
            { file: 'Dockerfile', line: 2 },
            { file: 'Dockerfile', line: 2 },
          ],
        },
      ],
    },
  ],
});
