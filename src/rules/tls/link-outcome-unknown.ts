import { placeOf, relatedOf } from '../../handshake/links';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'tls/link-outcome-unknown',
    description: "Say which links' handshake outcome the tree does not decide, and what to declare so it can be predicted",
    severity: 'info',
    messages: {
      unknown: '{{client}} → {{server}}: handshake outcome unknown: the tree does not say {{missing}}',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { link, client, server, outcome } of ctx.deployment.derived.predictions) {
      if (outcome.kind !== 'unknown') continue;
      ctx.report({
        messageId: 'unknown',
        data: { client: client.component.name, server: server.component.name, missing: outcome.missing.join('; nor ') },
        location: link.location ?? placeOf(client.component),
        related: [relatedOf(server.component, undefined, `${server.component.name}`)],
        fingerprint: [link.client, link.server, ...outcome.missing],
        outcome: 'unknown',
      });
    }
  },
});
