import rule from '../../../src/rules/mq/tls-channel-without-mcauser';
import { ruleTester } from '../../helpers/rule-tester';
import { svrconn } from './trees';

ruleTester(rule, {
  valid: [
    { name: 'MCAUSER set', files: { 'QM1.mqsc': svrconn('APP', "SSLCIPH(ANY_TLS12) MCAUSER('app')") } },
    { name: 'SSLPEERMAP maps the certificate', files: { 'QM1.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS12)') + "SET CHLAUTH('APP') TYPE(SSLPEERMAP) SSLPEER('CN=app1') USERSRC(MAP) MCAUSER('app1')\n" } },
    { name: 'generic NOACCESS rule', files: { 'QM1.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS12)') + "SET CHLAUTH('AP*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n" } },
    { name: 'ALTER only: the DEFINE lives elsewhere', files: { 'QM1.mqsc': "ALTER CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n" } },
    { name: 'no TLS (mq/channel-without-tls territory)', files: { 'QM1.mqsc': svrconn('APP', "DESCR('x')") } },
  ],
  invalid: [
    { name: 'TLS channel without MCAUSER', files: { 'QM1.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS12) SSLCAUTH(REQUIRED)') }, errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 1, related: [{ file: 'QM1.mqsc', line: 2 }] }] },
    { name: 'USERSRC(CHANNEL) does not set an identity', files: { 'QM1.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS12)') + "SET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n" }, errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 1 }] },
  ],
});
