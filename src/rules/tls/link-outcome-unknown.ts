import { presentedCertificates } from '../../derive/derive';
import { placeOf, relatedOf } from '../../handshake/links';
import { linkSources, withSources } from '../_lib/sources';
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
      const location = link.location ?? placeOf(client.component);
      ctx.report({
        messageId: 'unknown',
        data: { client: client.component.name, server: server.component.name, missing: outcome.missing.join('; nor ') },
        location,
        related: withSources(location, [relatedOf(server.component, undefined, `${server.component.name}`)], linkSources(link, client.component, server.component), presentedCertificates(ctx.deployment, server.component)),
        fingerprint: [link.client, link.server, ...outcome.missing],
        outcome: 'unknown',
      });
    }
  },
});
