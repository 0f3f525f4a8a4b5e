import rule from '../../../src/rules/mq/channel-without-tls';
import { ruleTester } from '../../helpers/rule-tester';

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
  ],
  invalid: [
    {
      name: 'SVRCONN without SSLCIPH',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app')\n" },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'RCVR without SSLCIPH',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)\n' },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 1, messageIncludes: ['RCVR channel QM2.TO.QM1'] }],
    },
    {
      name: 'MQTT telemetry channel without SSLCIPH',
      files: { 'QM1.mqsc': "DEFINE CHANNEL(MQTT.PLAIN) CHLTYPE(MQTT) TRPTYPE(TCP) PORT(1883) MCAUSER('mqttuser')\n" },
      errors: [{ messageId: 'plaintext', file: 'QM1.mqsc', line: 1, messageIncludes: ['MQTT channel MQTT.PLAIN'] }],
    },
    {
      name: "explicit SSLCIPH('') in YAML",
      files: { 'cm.yaml': "data:\n  dev.mqsc: |\n    DEFINE CHANNEL('X') CHLTYPE(SVRCONN) SSLCIPH('')\n" },
      errors: [{ messageId: 'plaintext', file: 'cm.yaml', line: 3, column: 50 }],
    },
  ],
});
