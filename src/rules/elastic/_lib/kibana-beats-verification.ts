import type { RuleContext } from '../../types';
import { said } from '../../../core/phrase';

/**
 * Reports each connection of one product (Kibana, the Beats, or logstash.yml's) whose certificate check is `none` and that speaks TLS:
 * Deployment.elasticClients, read by ../kibana-verification-disabled.ts and ../beats-verification-disabled.ts. Plain
 * HTTP never reads the setting, and TLS only the run decides (a placeholder host, `ssl.enabled: ${BEATS_SSL:false}`)
 * is unknown: nothing is said.
 */
export function reportVerificationNone<MessageId extends string>(
  ctx: RuleContext<unknown, MessageId>,
  product: 'kibana' | 'beats' | 'logstash',
  messageId: MessageId,
): void {
  for (const client of ctx.deployment.elasticClients ?? []) {
    const verification = client.verification;
    if (client.product !== product || verification?.mode !== 'none' || client.tls !== true) continue;
    ctx.report({
      messageId,
      data: {
        client: client.name,
        setting: verification.setting,
        target: client.target === 'logstash' ? 'Logstash' : 'Elasticsearch',
      },
      location: verification.at,
      related: client.tlsAt ? [{ ...client.tlsAt, message: said`it connects with TLS: set here` }] : [],
      fingerprint: [client.name, verification.setting],
    });
  }
}
