import { defineRule } from '../types';
import { reportVerificationNone } from './_lib/kibana-beats-verification';

/**
 * Kibana's `elasticsearch.ssl.verificationMode: none` (or the image's ELASTICSEARCH_SSL_VERIFICATIONMODE) on a connection
 * to Elasticsearch that uses TLS: Kibana then accepts any certificate (https://www.elastic.co/guide/en/kibana/current/settings.html:
 * "none performs no verification of the server's certificate"). `certificate` (the chain checked, not the host name) is
 * not said: the CA still decides who can stand in. Read from model/kibana-beats.ts.
 */
export default defineRule({
  meta: {
    id: 'elastic/kibana-verification-disabled',
    description:
      "Warn when Kibana's connection to Elasticsearch uses TLS with verificationMode none: it accepts any certificate",
    severity: 'warning',
    messages: {
      disabled:
        "{{setting}} is none for {{client}}: Kibana accepts any certificate the {{target}} address answers with, so anyone on the path can stand in for {{target}} and read the credentials Kibana logs in with and every query it sends. Remove the setting (full is the default) and name the CA that signed the nodes' certificates in elasticsearch.ssl.certificateAuthorities",
    },
    defaultOptions: {},
    appliesTo: { documents: ['kibana.', 'compose'] },
    symptoms: [],
  },
  check(ctx) {
    reportVerificationNone(ctx, 'kibana', 'disabled');
  },
});
