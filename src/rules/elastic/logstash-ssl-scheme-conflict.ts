import { defineRule } from '../types';
import { ours } from '../../core/phrase';

/**
 * An elasticsearch output whose `ssl`/`ssl_enabled` contradicts the scheme of its hosts. `true` with an `http://` host:
 * the plugin refuses to start, "Explicit value for 'scheme' was declared, but it is different in one of the URLs
 * given!" (logstash-plugins/logstash-output-elasticsearch@b134443f lib/logstash/outputs/elasticsearch/http_client.rb
 * `scheme` and `calculate_property`). `false` with an `https://` host: setup_ssl turns TLS on for any https host
 * (http_client_builder.rb, also in opensearch-project/logstash-output-opensearch@b3e84d60), so the setting is ignored
 * and the output speaks TLS: worth knowing (its verification settings apply), not an error.
 */
export default defineRule({
  meta: {
    id: 'elastic/logstash-ssl-scheme-conflict',
    description:
      "Report Logstash elasticsearch/opensearch outputs whose ssl setting contradicts their hosts' scheme (refused, or ignored)",
    severity: 'error',
    appliesTo: { documents: ['logstash.'] },
    messages: {
      refused:
        '{{end}} sets {{setting}} => true but calls {{host}} over http://: the plugin refuses to start ("Explicit value for \'scheme\' was declared, but it is different in one of the URLs given!"). Write the host with https://, or drop {{setting}}',
      ignored:
        '{{end}} sets {{setting}} => false but calls {{host}} over https://: the plugin turns TLS on for any https host, so this setting is ignored and the output speaks TLS, with its certificate verification settings. Remove {{setting}} => false, or call the host over http:// if TLS is not wanted',
    },
    options: {},
    symptoms: ["Explicit value for 'scheme' was declared, but it is different in one of the URLs given!"],
  },
  check(ctx) {
    for (const end of ctx.deployment.logstashEnds ?? []) {
      const ssl = end.sslSetting;
      if (end.role !== 'client' || !ssl || (end.plugin !== 'elasticsearch' && end.plugin !== 'opensearch')) continue;
      const https = end.hosts.find((h) => h.scheme === 'https');
      const http = end.hosts.find((h) => h.scheme === 'http');
      if (ssl.value === 'true' && http && end.plugin === 'elasticsearch') {
        ctx.report({
          messageId: 'refused',
          data: { end: end.name, setting: ssl.name, host: http.written },
          location: ssl.at,
          related: [{ ...http.at, message: ours('the http:// host') }],
          fingerprint: ['logstash-ssl-refused', end.name, http.written],
        });
      } else if (ssl.value === 'false' && https) {
        ctx.report({
          messageId: 'ignored',
          severity: 'info',
          data: { end: end.name, setting: ssl.name, host: https.written },
          location: ssl.at,
          related: [{ ...https.at, message: ours('the https:// host') }],
          fingerprint: ['logstash-ssl-ignored', end.name, https.written],
        });
      }
    }
  },
});
