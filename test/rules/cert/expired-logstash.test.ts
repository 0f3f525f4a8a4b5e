import rule from '../../../src/rules/cert/expired';
import { ca, daysFromNow, leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Logstash pipeline's TLS ends hand the files they name to the certificate rules (src/model/logstash-ends.ts): a beats
 * input's ssl_certificate is the certificate it presents, an elasticsearch output's cacert its trust anchor. An input
 * with TLS off reads none of them. Trees written for this test.
 */
const expired = { notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) };
const root = ca('elastic-ca');
const server = leaf('logstash', root, expired);
const oldCa = ca('old-ca', undefined, expired);
const PIPELINE = 'logstash/pipeline/logstash.conf';

const beats = (ssl: string) => ({
  'logstash/certs/logstash.crt': server.pem,
  [PIPELINE]: `input {\n  beats {\n    port => 5044\n    ssl => ${ssl}\n    ssl_certificate => "certs/logstash.crt"\n    ssl_key => "certs/logstash.key"\n  }\n}\n`,
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "the same input with TLS off: the certificate is no end's, so not an error",
      files: beats('false'),
      errors: [{ file: 'logstash/certs/logstash.crt', line: 1, messageId: 'expiredUnnamed', severity: 'info' }],
    },
    {
      name: 'a beats input with TLS on presents an expired certificate',
      files: beats('true'),
      errors: [
        {
          file: 'logstash/certs/logstash.crt',
          line: 1,
          messageId: 'expired',
          severity: 'error',
          messageIncludes: ['logstash'],
        },
      ],
    },
    {
      name: 'an elasticsearch output over https trusts an expired CA file',
      files: {
        'logstash/config/ca.crt': oldCa.pem,
        [PIPELINE]:
          'output {\n  elasticsearch {\n    hosts => ["https://es01:9200"]\n    cacert => "config/ca.crt"\n  }\n}\n',
      },
      errors: [
        { file: 'logstash/config/ca.crt', line: 1, messageId: 'expiredTrustedOnly', messageIncludes: ['old-ca'] },
      ],
    },
  ],
});
