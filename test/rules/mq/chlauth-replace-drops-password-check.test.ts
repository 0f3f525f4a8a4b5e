import rule from '../../../src/rules/mq/chlauth-replace-drops-password-check';
import { ruleTester } from '../../helpers/rule-tester';
import { composeRunningMqsc } from './trees';

/**
 * The developer image admits DEV.APP.SVRCONN with CHCKCLNT(REQUIRED) from 9.3.4.0
 * (ibm-messaging/mq-container@def9638590f490fe2d814a947aac7d8fab776349 incubating/mqadvanced-server-dev/10-dev.mqsc.tpl
 * line 41, cmd/runmqdevserver/mqsc.go): a record of the tree set later with ACTION(REPLACE) replaces it whole.
 */
/** One Compose service of `image` that mounts ./20-config.mqsc as /etc/mqm/20-config.mqsc, with `NAME=value` variables. */
const compose = (image: string, environment: string[] = []) =>
  composeRunningMqsc([image], './20-config.mqsc', [
    Object.fromEntries(
      ['LICENSE=accept', ...environment].map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    ),
  ]);
const DEV_IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r1';
const RECORD = "SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)";

ruleTester(rule, {
  valid: [
    {
      name: 'the replacing record keeps CHCKCLNT(REQUIRED)',
      files: {
        '20-config.mqsc': `${RECORD} CHCKCLNT(REQUIRED) ACTION(REPLACE)\n`,
        'docker-compose.yml': compose(DEV_IMAGE),
      },
    },
    {
      name: 'the replacing record writes CHCKCLNT(ASQMGR): a choice',
      files: {
        '20-config.mqsc': `${RECORD} CHCKCLNT(ASQMGR) ACTION(REPLACE)\n`,
        'docker-compose.yml': compose(DEV_IMAGE),
      },
    },
    {
      name: 'ACTION(ADD), the default, fails on the existing record and changes nothing',
      files: { '20-config.mqsc': `${RECORD}\n`, 'docker-compose.yml': compose(DEV_IMAGE) },
    },
    {
      name: 'CONNAUTH requires a password from everyone anyway',
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\nALTER AUTHINFO('DEV.AUTHINFO') AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)\n`,
        'docker-compose.yml': compose(DEV_IMAGE),
      },
    },
    {
      // Under MQSNOAUT no password is checked at all (mq/oam-disabled); judged with the object authority manager,
      // CONNAUTH's CHCKCLNT(REQUIRED) still asks every client for one: the REPLACE drops nothing.
      name: 'MQSNOAUT, CONNAUTH requires a password from everyone: judged with the object authority manager',
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\nALTER AUTHINFO('DEV.AUTHINFO') AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)\n`,
        'docker-compose.yml': compose(DEV_IMAGE, ['MQSNOAUT=yes']),
      },
    },
    {
      name: "the tree's file sorts before the image's 10-dev.mqsc: the image's record replaces it",
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\n`,
        'docker-compose.yml': compose(DEV_IMAGE).replace('/etc/mqm/20-config.mqsc', '/etc/mqm/05-config.mqsc'),
      },
    },
    {
      name: "`latest` without MQ_APP_PASSWORD: the image's CHCKCLNT is not known",
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\n`,
        'docker-compose.yml': compose('icr.io/ibm-messaging/mq:latest'),
      },
    },
    {
      name: 'a release before 9.3.4.0 without MQ_APP_PASSWORD: the image wrote ASQMGR',
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\n`,
        'docker-compose.yml': compose('icr.io/ibm-messaging/mq:9.3.2.0-r1'),
      },
    },
    {
      name: 'another address: another record, the image one stays',
      files: {
        '20-config.mqsc':
          "SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.*') USERSRC(CHANNEL) ACTION(REPLACE)\n",
        'docker-compose.yml': compose(DEV_IMAGE),
      },
    },
  ],
  invalid: [
    {
      name: 'ACTION(REPLACE) without CHCKCLNT: the app channel takes clients without a password',
      files: {
        '20-config.mqsc': `DEFINE QLOCAL('ORDERS') REPLACE\n${RECORD} DESCR('app') ACTION(REPLACE)\n`,
        'docker-compose.yml': compose(DEV_IMAGE),
      },
      errors: [
        {
          messageId: 'dropped',
          file: '20-config.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: [
            "replaces SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) of icr.io/ibm-messaging/mq:9.4.0.0-r1's /etc/mqm/10-dev.mqsc",
            'line 41',
            'becomes the default ASQMGR',
            'clients of DEV.APP.SVRCONN connect without a password',
          ],
        },
      ],
    },
    {
      name: 'a release before 9.3.4.0 with MQ_APP_PASSWORD set: the image required a password',
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\n`,
        'docker-compose.yml': compose('icr.io/ibm-messaging/mq:9.3.2.0-r1', ['MQ_APP_PASSWORD=${APP_PASSWORD}']),
      },
      errors: [{ messageId: 'dropped', file: '20-config.mqsc', line: 1 }],
    },
    {
      // The REPLACE still drops the check the image's record makes once MQSNOAUT is removed: MQSNOAUT is named as context.
      name: 'MQSNOAUT: the record is judged with the object authority manager and MQSNOAUT named beside it',
      files: {
        '20-config.mqsc': `${RECORD} ACTION(REPLACE)\n`,
        'docker-compose.yml': compose(DEV_IMAGE, ['MQSNOAUT=yes']),
      },
      errors: [
        {
          messageId: 'dropped',
          file: '20-config.mqsc',
          line: 1,
          severity: 'warning',
          messageIncludes: ['Result: runs as app, password checked only when the client asserts an administrator id'],
          // The image's record at the mount, MQSNOAUT in the service's environment, and the image's objects (engine).
          related: [
            { file: 'docker-compose.yml', line: 8 },
            { file: 'docker-compose.yml', line: 6 },
            { file: 'docker-compose.yml', line: 8 },
          ],
        },
      ],
    },
  ],
});
