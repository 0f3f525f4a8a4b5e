import { presentedCertificates } from '../../derive/derive';
import { placeOf, relatedOf } from '../../handshake/links';
import { linkSources, withSources } from '../_lib/sources';
import type { ResolvedLink } from '../../derive/types';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'tls/link-outcome-unknown',
    description: "Say which links' handshake outcome the tree does not decide, and what to declare so it can be predicted",
    severity: 'info',
    messages: {
      unknown: '{{client}} → {{server}}: handshake outcome unknown: the tree does not say {{missing}}',
      unconfirmed: '{{client}} → {{server}}: not judged, the link itself is unknown: the tree does not say {{missing}}',
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
    // One finding per client: its unconfirmed links share one reason (the candidates are the related places).
    const byClient = new Map<string, ResolvedLink[]>();
    for (const resolved of ctx.deployment.derived.unconfirmed) byClient.set(resolved.link.client, [...(byClient.get(resolved.link.client) ?? []), resolved]);
    for (const group of byClient.values()) {
      const { link, client, server } = group[0] as ResolvedLink;
      const location = link.location ?? client.location;
      ctx.report({
        messageId: 'unconfirmed',
        data: { client: client.name, server: group.length > 1 ? `${server.name} (${group.length} definitions)` : server.name, missing: link.unconfirmed ?? '' },
        location,
        related: withSources(location, group.map((g) => ({ ...g.server.location, message: `${g.server.name} is defined here` }))),
        fingerprint: [link.client, ...group.map((g) => g.link.server), 'unconfirmed'],
        outcome: 'unknown',
      });
    }
  },
});
