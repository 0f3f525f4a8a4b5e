import rule from '../../../src/rules/kafka/librdkafka-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

// ermineaweb/kafka-tls1.3@d81137c kcat/ssl.conf, the file kcat -F reads in its image.
const KCAT = 'security.protocol=ssl\nenable.ssl.certificate.verification=false\nssl.ca.location=/app/cer/ca-cert\n';

ruleTester(rule, {
  valid: [
    { name: 'verification left on', files: { 'kcat/ssl.conf': 'security.protocol=ssl\nssl.ca.location=/c.pem\n' } },
    {
      name: 'no TLS: the switch is inert under the default plaintext',
      files: { 'kcat/nossl.conf': 'bootstrap.servers=k:9092\nenable.ssl.certificate.verification=false\n' },
    },
    {
      name: 'the last value wins: set false, then true',
      files: { 'kcat/ssl.conf': `${KCAT}enable.ssl.certificate.verification=true\n` },
    },
  ],
  invalid: [
    {
      name: "kcat's ssl.conf with verification off",
      files: { 'kcat/ssl.conf': KCAT },
      errors: [
        {
          messageId: 'disabled',
          severity: 'warning',
          file: 'kcat/ssl.conf',
          line: 2,
          messageIncludes: [
            'accepts whatever certificate the broker presents',
            'against the CA certificates ssl.ca.location names (/app/cer/ca-cert)',
          ],
          related: [{ file: 'kcat/ssl.conf', line: 1 }],
        },
      ],
    },
    {
      name: "librdkafka's other false spellings, under SASL_SSL in capitals",
      files: {
        'client.properties':
          'bootstrap.servers=k:9093\nsecurity.protocol=SASL_SSL\nssl.certificate.location=/c.pem\nenable.ssl.certificate.verification=F\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'client.properties',
          line: 4,
          messageIncludes: ['and set ssl.ca.location to the CA certificates'],
        },
      ],
    },
  ],
});
