import { defineRule } from '../types';
import { reportVerificationNone } from './_lib/kibana-beats-verification';

/**
 * A Beat's `output.elasticsearch.ssl.verification_mode: none` or `output.logstash.ssl.verification_mode: none` on an
 * output that uses TLS: the Beat accepts any certificate (https://www.elastic.co/guide/en/beats/filebeat/current/configuration-ssl.html:
 * "none: performs no verification of the server's certificate… Use only for testing"). `certificate` (the chain checked,
 * not the host name) is not said: the CA still decides who can stand in. Read from model/kibana-beats.ts.
 */
export default defineRule({
  meta: {
    id: 'elastic/beats-verification-disabled',
    description:
      "Warn when a Beat's Elasticsearch or Logstash output uses TLS with verification_mode none: it accepts any certificate",
    severity: 'warning',
    messages: {
      disabled:
        "{{setting}} is none for {{client}}: the Beat accepts any certificate the {{target}} address answers with, so anyone on the path can stand in for {{target}} and receive the events it ships (and the credentials it sends). Remove the setting (full is the default) and name the CA that signed {{target}}'s certificate in ssl.certificate_authorities",
    },
    defaultOptions: {},
    appliesTo: { documents: ['beats.'] },
    symptoms: [],
  },
  check(ctx) {
    reportVerificationNone(ctx, 'beats', 'disabled');
  },
});
