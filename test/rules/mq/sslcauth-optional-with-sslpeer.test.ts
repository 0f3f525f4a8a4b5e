import rule from '../../../src/rules/mq/sslcauth-optional-with-sslpeer';
import { ruleTester } from '../../helpers/rule-tester';
import { svrconn } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'REQUIRED with SSLPEER',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLCAUTH(REQUIRED) SSLPEER('CN=app')") },
    },
    { name: 'default SSLCAUTH', files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLPEER('CN=app')") } },
    { name: 'OPTIONAL without SSLPEER', files: { 'QM1.mqsc': svrconn('A', 'SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL)') } },
  ],
  invalid: [
    {
      name: 'SSLCAUTH(OPTIONAL) set by a later MQSC file of the queue manager: reported there, with where the channel is defined',
      files: {
        'qm1/10-app.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) SSLPEER('CN=app') REPLACE\n",
        'qm1/20-tls.mqsc': 'ALTER CHANNEL(APP) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)\n',
      },
      errors: [
        {
          messageId: 'optional',
          file: 'qm1/20-tls.mqsc',
          line: 1,
          related: [
            { file: 'qm1/10-app.mqsc', line: 1 },
            { file: 'qm1/10-app.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'OPTIONAL with SSLPEER',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL) SSLPEER('CN=app')") },
      errors: [{ messageId: 'optional', file: 'QM1.mqsc', line: 2 }],
    },
  ],
});
