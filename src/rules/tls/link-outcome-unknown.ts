import { pushed } from '../../core/pushed';
import { presentedCertificates } from '../../derive/derive';
import { placeOf, relatedOf } from '../../handshake/links';
import { linkSources, withSources } from '../_lib/sources';
import { JSSE_LIST_PROPERTIES } from '../../knowledge';
import type { ResolvedLink } from '../../derive/types';
import type { LinkPrediction } from '../../handshake/links';
import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { linkFailsWithoutAnchors } from '../_lib/verify-without-anchors';
import { listedOf, nameList } from '../_lib/names';

/**
 * An end configured for plaintext (an MQ channel with a blank SSLCIPH): whichever server a name coincidence pairs it
 * with, no handshake happens (ibm-messaging/mq-uniform-clusters: 37 infos on links no side of which uses TLS).
 */
const plaintext = (c: ResolvedLink['client']): boolean => c.tls?.enabled?.value === false;

export default defineRule({
  meta: {
    id: 'tls/link-outcome-unknown',
    description:
      "Say which links' handshake outcome the tree does not decide, and what to declare so it can be predicted",
    severity: 'info',
    messages: {
      unknown: '{{client}} → {{server}}: handshake outcome unknown: the tree does not say {{missing}}',
      unconfirmed: '{{client}} → {{server}}: not judged, the link itself is unknown: the tree does not say {{missing}}',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    // A client whose own inputs are missing (its JDK, its native library's suites) is unknown with every server
    // it calls: one finding for that client, naming the servers, instead of one per link.
    const groups = new Map<string, LinkPrediction[]>();
    // An end that verifies with no CA file fails for certain (nginx and HAProxy do not start, httpd fails every
    // proxied request): its product's rule says so, and the handshake's outcome is not unknown.
    const failsWithoutAnchors = linkFailsWithoutAnchors(ctx.deployment);
    for (const lp of ctx.deployment.derived.predictions) {
      if (lp.outcome.kind !== 'unknown' || failsWithoutAnchors(lp.client.component, lp.server.component)) continue;
      const clientOnly =
        lp.outcome.missing.length === lp.client.missing.length &&
        lp.outcome.missing.every((m, i) => m === lp.client.missing[i]);
      const key = clientOnly ? `${lp.link.client}\0${lp.outcome.missing.join('\0')}` : lp.link.id;
      const group = groups.get(key);
      if (group) group.push(lp);
      else groups.set(key, [lp]);
    }
    for (const group of groups.values()) {
      const { link, client, outcome } = group[0] as LinkPrediction;
      if (outcome.kind !== 'unknown') continue;
      const location = link.location ?? placeOf(client.component);
      // The servers the message names are the ones its related places show.
      const shown = listedOf(group);
      const servers = shown.map((lp) => lp.server.component);
      ctx.report({
        messageId: 'unknown',
        data: {
          client: client.component.name,
          server: nameList(pushed(group, (lp) => lp.server.component.name)),
          missing: outcome.missing.join('; nor '),
        },
        location,
        related: withSources(
          location,
          servers.map((s) => relatedOf(s, undefined, s.name)),
          ...shown.map((lp) => linkSources(lp.link, client.component, lp.server.component)),
          ...servers.map((s) => presentedCertificates(ctx.deployment, s)),
          // Where the placeholders or settings that leave an end unknown are written.
          [client.component, ...servers].flatMap((c) => c.tls?.unknownAt ?? []),
          // And the JVM options only the run decides (`-Djdk.tls.client.protocols=$X`, starts that disagree).
          [client.component, ...servers].flatMap((c) =>
            JSSE_LIST_PROPERTIES.flatMap((name) => c.runtime?.unknownSystemProperties?.[name]?.at ?? []),
          ),
          // And the java.security edits it cannot follow (an image's sed).
          [client.component, ...servers].flatMap((c) =>
            Object.values(c.runtime?.unknownSecurityProperties ?? {}).flatMap((u) => u.at),
          ),
        ),
        fingerprint: [link.client, ...group.map((lp) => lp.link.server), ...outcome.missing],
        outcome: 'unknown',
      });
    }
    // One finding per client: its unconfirmed links share one reason (the candidates are the related places).
    const byClient = new Map<string, ResolvedLink[]>();
    for (const resolved of ctx.deployment.derived.unconfirmed) {
      const group = byClient.get(resolved.link.client);
      if (group) group.push(resolved);
      else byClient.set(resolved.link.client, [resolved]);
    }
    for (const group of byClient.values()) {
      // A client and candidate servers all configured for plaintext: no TLS outcome hangs on the pairing.
      if (group.every((g) => plaintext(g.client) && plaintext(g.server))) continue;
      const { link, client, server } = group[0] as ResolvedLink;
      const location = link.location ?? client.location;
      ctx.report({
        messageId: 'unconfirmed',
        data: {
          client: client.name,
          server: group.length > 1 ? said`${server.name} (${group.length} definitions)` : server.name,
          missing: link.unconfirmed ?? '',
        },
        location,
        related: withSources(location, [
          ...listedOf(group).map((g) => ({ ...g.server.location, message: said`${g.server.name} is defined here` })),
          ...(link.unconfirmedBy ?? []),
        ]),
        fingerprint: [link.client, ...group.map((g) => g.link.server), 'unconfirmed'],
        outcome: 'unknown',
      });
    }
  },
});
