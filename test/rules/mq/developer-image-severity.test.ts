import channelRunsAsAdmin from '../../../src/rules/mq/channel-runs-as-admin';
import chlauthDisabled from '../../../src/rules/mq/chlauth-disabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * An administrator let in without a secret on IBM MQ Advanced for Developers (its developer configuration applied:
 * MQ_DEV=true, the image's default), licensed for development by a single user only, is a warning; the same MQSC on
 * IBM's production image stays an error. After WASdev/sample.docker.mq's mq/ (a Dockerfile FROM ibmcom/mq copying a
 * config.mqsc that disables CHLAUTH and maps the admin channel to mqm); written for this test.
 */
const MQSC =
  "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm') REPLACE\n" +
  'ALTER QMGR CHLAUTH(DISABLED)\n' +
  "ALTER QMGR CONNAUTH(' ')\n";
const onImage = (image: string, environment = ''): Record<string, string> => ({
  'mq/config.mqsc': MQSC,
  'mq/Dockerfile': `FROM ${image}\n${environment}COPY config.mqsc /etc/mqm/\n`,
});
const DEVELOPER = 'ibmcom/mq:9.3.0.0-r1';
const PRODUCTION = 'cp.icr.io/cp/ibm-mqadvanced-server:9.3.0.0-r1';
/** The COPY into /etc/mqm: where the image's own scripts join the tree's (one related place), and its licence (another). */
const COPY = { file: 'mq/Dockerfile', line: 2 };

ruleTester(channelRunsAsAdmin, {
  valid: [],
  invalid: [
    {
      name: 'developer image: the admin channel open to anyone is a warning, the licence named',
      files: onImage(DEVELOPER),
      errors: [
        {
          messageId: 'mapped',
          file: 'mq/config.mqsc',
          line: 1,
          severity: 'warning',
          related: [
            { file: 'mq/config.mqsc', line: 1 },
            { file: 'mq/config.mqsc', line: 2 },
            { file: 'mq/config.mqsc', line: 3 },
            COPY,
            COPY,
          ],
        },
      ],
    },
    {
      name: "IBM's production image: the same channel is an error",
      files: onImage(PRODUCTION),
      errors: [{ messageId: 'mapped', file: 'mq/config.mqsc', line: 1, severity: 'error' }],
    },
    {
      // MQ_DEV=false: the image applies none of its developer configuration, and the tree says nothing more.
      name: 'developer image with MQ_DEV=false: judged as written, an error',
      files: onImage(DEVELOPER, 'ENV MQ_DEV=false\n'),
      errors: [{ messageId: 'mapped', file: 'mq/config.mqsc', line: 1, severity: 'error' }],
    },
  ],
});

ruleTester(chlauthDisabled, {
  valid: [],
  invalid: [
    {
      name: 'developer image: CHLAUTH(DISABLED) opening an administrator channel is a warning',
      files: onImage(DEVELOPER),
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/config.mqsc',
          line: 2,
          severity: 'warning',
          related: [{ file: 'mq/config.mqsc', line: 1 }, COPY, COPY],
        },
      ],
    },
    {
      name: "IBM's production image: an error",
      files: onImage(PRODUCTION),
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/config.mqsc',
          line: 2,
          severity: 'error',
          related: [{ file: 'mq/config.mqsc', line: 1 }],
        },
      ],
    },
  ],
});
