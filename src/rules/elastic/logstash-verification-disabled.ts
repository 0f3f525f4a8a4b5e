import { defineRule } from '../types';
import { ours } from '../../core/phrase';

/**
 * A Logstash output that speaks TLS (an `https://` host, `cloud_id`, or `ssl`/`ssl_enabled => true`) with the server's
 * certificate unverified: `ssl_certificate_verification => false` or `ssl_verification_mode => none`. The plugin then
 * accepts any certificate, and logs "You have enabled encryption but DISABLED certificate verification"
 * (logstash-plugins/logstash-output-elasticsearch@b134443f lib/logstash/outputs/elasticsearch/http_client_builder.rb
 * setup_ssl; opensearch-project/logstash-output-opensearch@b3e84d60 http_client_builder.rb). An output whose hosts are
 * all `http://` does not speak TLS, so its setting does nothing: no finding.
 */
export default defineRule({
  meta: {
    id: 'elastic/logstash-verification-disabled',
    description:
      "Warn about Logstash elasticsearch, opensearch and http outputs that speak TLS without verifying the server's certificate",
    severity: 'warning',
    appliesTo: { documents: ['logstash.'] },
    messages: {
      disabled:
        "{{end}} does not verify the certificate of {{host}} ({{setting}} => {{value}}): anyone on the path can present any certificate and read the events and the credentials Logstash sends. Set ssl_verification_mode => full (ssl_certificate_verification => true before plugin 11.14) with ssl_certificate_authorities naming the CA that issued the server's certificate{{obsolete}}",
    },
    options: {},
    symptoms: [
      'You have enabled encryption but DISABLED certificate verification',
      'Detected UNSAFE options in elasticsearch output configuration!',
    ],
  },
  check(ctx) {
    for (const end of ctx.deployment.logstashEnds ?? []) {
      const off = end.verificationOff;
      if (end.role !== 'client' || end.tls.state !== 'on' || !off) continue;
      const because = end.tls.because;
      const hosts = end.hosts.filter((h) => h.scheme === 'https' || (end.tls.because !== h && !h.scheme));
      const names = [...new Set(hosts.map((h) => h.host ?? h.written))];
      const host = names.length > 0 ? names.join(', ') : 'its Elastic Cloud deployment';
      const obsolete =
        off.name === 'ssl_certificate_verification' && end.plugin === 'elasticsearch'
          ? ours(
              '. From plugin 12.0 ssl_certificate_verification is obsolete: the output refuses to start while it is written',
            )
          : ours('');
      ctx.report({
        messageId: 'disabled',
        data: { end: end.name, host, setting: off.name, value: off.value, obsolete },
        location: off.at,
        ...(because && {
          related: [
            {
              ...because.at,
              message: ours(
                'sslSetting' in end && because === end.sslSetting
                  ? 'TLS is on here'
                  : 'this host or cloud_id makes the output speak TLS',
              ),
            },
          ],
        }),
        fingerprint: ['logstash-verification-disabled', end.name, off.name, ...names],
      });
    }
  },
});
