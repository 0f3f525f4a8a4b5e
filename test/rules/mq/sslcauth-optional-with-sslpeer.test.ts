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
      name: 'OPTIONAL with SSLPEER',
      files: { 'QM1.mqsc': svrconn('A', "SSLCIPH(ANY_TLS12) SSLCAUTH(OPTIONAL) SSLPEER('CN=app')") },
      errors: [{ messageId: 'optional', file: 'QM1.mqsc', line: 2 }],
    },
  ],
});
