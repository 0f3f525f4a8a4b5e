import { defineRule } from '../types';
import { reportVerificationNone } from './_lib/kibana-beats-verification';

/**
 * logstash.yml's `xpack.monitoring.elasticsearch.ssl.verification_mode: none` (or `xpack.management.…`) on a feature
 * written enabled whose hosts are https://: Logstash then accepts any certificate for the connection that ships its
 * metrics or fetches its pipelines (https://www.elastic.co/guide/en/logstash/8.15/monitoring-internal-collection-legacy.html#monitoring-settings-legacy:
 * "To disable, set to none. Disabling this severely compromises security"). Before Logstash 7.9.1 the setting was not
 * honoured (elastic/logstash#9716, fixed by elastic/logstash#12162): the message says so. A host without a scheme, a
 * placeholder or a feature not written enabled: TLS or the connection is not certain, nothing is said. Read from
 * model/logstash-settings.ts.
 */
export default defineRule({
  meta: {
    id: 'elastic/logstash-settings-verification-disabled',
    description:
      "Warn when logstash.yml's monitoring or pipeline management connects to Elasticsearch over TLS with verification_mode none",
    severity: 'warning',
    messages: {
      disabled:
        "{{setting}} is none for {{client}}: Logstash (from 7.9.1; earlier releases ignored the setting) accepts any certificate the {{target}} address answers with, so anyone on the path can stand in for {{target}} and read the credentials Logstash logs in with. Remove the setting (full is the default) and name the CA that signed the nodes' certificates in the same prefix's ssl.certificate_authority",
    },
    defaultOptions: {},
    appliesTo: { documents: ['logstash.'] },
    symptoms: [],
  },
  check(ctx) {
    reportVerificationNone(ctx, 'logstash', 'disabled');
  },
});
