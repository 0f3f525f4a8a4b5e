import type { RuleRelated } from '../types';
import { defineRule } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';
import { TOMCAT_AJP_FRONTS as FRONTS, TOMCAT_AJP_SECRET_SINCE as SINCE } from '../../knowledge/tomcat';
import type { AjpFrontLink } from '../../model/types';

/** Where a front sends its secret from, and what ties its host to the connector. */
function frontRelated(link: AjpFrontLink): RuleRelated[] {
  const { front, tie } = link;
  const secret = front.secret;
  return [
    ...(secret.state !== 'none'
      ? [
          {
            ...secret.at,
            message:
              secret.state === 'set' && secret.via
                ? said`the secret ${front.name} takes from its load balancer`
                : said`the secret ${front.name} sends`,
          },
        ]
      : []),
    ...(front.hostAt ? [{ ...front.hostAt, message: said`${front.name} connects to ${front.host}` }] : []),
    ...(front.portAt ? [{ ...front.portAt, message: said`port ${front.port}` }] : []),
    ...tie.map((t) => ({ ...t, message: t.message })),
    ...(front.readBy ?? []).map((r) => ({ ...r, message: r.message })),
  ];
}

/** Why the connector ignores a secret sent, in words, and the place that says it; undefined when it does not. */
function ignoring(link: AjpFrontLink): { why: Phrase; related: RuleRelated[] } | undefined {
  const { connector } = link;
  if (connector.secret.state !== 'none') return undefined;
  const release = connector.release.kind === 'named' ? connector.release : undefined;
  if (connector.ignoredSecretAt && release)
    return {
      why: said`Tomcat ${release.release} has no secret attribute (only requiredSecret, before ${ours(SINCE)}): it ignores secret="\u2026" and asks for no secret`,
      related: [
        { ...connector.ignoredSecretAt, message: said`secret="\u2026": not read by Tomcat ${release.release}` },
        { ...release.at, message: said`Tomcat ${release.release} runs this server.xml` },
      ],
    };
  if (connector.optedOut)
    return {
      why: ours('it has no secret and turns secretRequired off: it asks for none'),
      related: [{ ...connector.optedOut, message: ours('secretRequired off') }],
    };
  if (release && !release.requiresSecret)
    return {
      why: said`it has no secret, and Tomcat ${release.release} predates ${ours(SINCE)}: it asks for none`,
      related: [{ ...release.at, message: said`Tomcat ${release.release} runs this server.xml` }],
    };
  return undefined;
}

/**
 * An httpd front (a mod_jk ajp13 worker, a mod_proxy_ajp `ajp://` pass: model/ajp-fronts.ts) and the Tomcat AJP
 * connector the tree ties it to, whose secrets do not agree. A connector with a secret answers 403 to every request
 * that carries no secret or another one (data/tomcat.json ajpFronts): an error. A front that sends a secret the
 * connector does not ask for (secretRequired off, a release before the 2020 hardening, or `secret=` on a release that
 * knows only `requiredSecret`): Tomcat ignores it, the connector takes any AJP client — an info. A connector that
 * requires a secret and has none does not start: tomcat/ajp-without-secret says so, naming the fronts. A secret the
 * tree does not settle (a `${…}` property, mod_jk's `$(…)` from the environment) compares with nothing: an info. A
 * mod_jk worker of a workers file no httpd configuration of the tree names (no JkWorkersFile, the tree's httpd reads
 * another, or none is in the tree) may not be what any httpd runs: a mismatch is an info, an ignored secret nothing.
 */
export default defineRule({
  meta: {
    id: 'tomcat/ajp-secret-mismatch',
    description:
      'Report an httpd mod_jk worker or mod_proxy_ajp pass whose AJP secret is not the secret of the Tomcat connector it reaches: Tomcat answers every request with 403',
    severity: 'error',
    messages: {
      notSent:
        "{{front}} sends no secret to {{server}}, which has one: Tomcat answers every request it forwards with {{status}} (the web server logs the backend's 403, its users get it). Set the same secret in the front ({{how}})",
      different:
        '{{front}} sends a secret that is not the secret of {{server}}: Tomcat answers every request it forwards with {{status}}. Make the two the same (the connector\'s secret="…", the front\'s {{how}})',
      ignored:
        '{{front}} sends a secret, but {{server}} ignores it: {{why}}. The connector serves any AJP client that reaches it, with or without the secret. Set secret="…" on the <Connector> (requiredSecret="…" before {{since}}) to the front\'s secret',
      unread:
        '{{front}} {{verdict}} — but no httpd configuration of the tree names its workers file (JkWorkersFile, or JkWorkerProperty lines): whether an httpd reads it, and so whether Tomcat answers the requests it forwards with {{status}}, is not known from the tree. Name the file in the JkWorkersFile of the httpd configuration that uses it',
      unknown:
        '{{front}} and {{server}} are tied, but {{which}}: whether Tomcat accepts its requests (or answers {{status}}) is not known from the tree',
    },
    defaultOptions: {},
    appliesTo: { documents: ['tomcat.server-xml'] },
    symptoms: [],
  },
  check(ctx) {
    for (const link of ctx.deployment.ajpFrontLinks ?? []) {
      const { front, connector } = link;
      const how =
        front.module === 'mod_jk' ? ours('worker.<name>.secret=') : ours('secret= on the ProxyPass or BalancerMember');
      const common = { front: front.name, server: connector.server, status: FRONTS.rejection, how, since: SINCE };
      const connectorAt = [{ ...connector.at, message: said`${connector.server}` }];
      const base = { location: front.at, fingerprint: [front.name, connector.server] };
      const known = (s: typeof front.secret) => s.state !== 'unknown';
      if (!known(front.secret) || !known(connector.secret)) {
        // A connector that asks for no secret: whatever the front sends is ignored (said only for a known secret).
        // Both from outside the tree (a property, the environment): what the page recommends, nothing to say.
        if (connector.secret.state === 'none' || (!known(front.secret) && !known(connector.secret))) continue;
        const which =
          connector.secret.state === 'unknown'
            ? said`the connector's secret is unknown (${connector.secret.why})`
            : front.secret.state === 'unknown'
              ? said`the secret ${front.name} sends is unknown (${front.secret.why})`
              : undefined;
        ctx.report({
          ...base,
          messageId: 'unknown',
          data: { ...common, which: which! },
          related: [...connectorAt, ...frontRelated(link)],
          severity: 'info',
        });
        continue;
      }
      if (connector.secret.state === 'set') {
        const connectorSecret = { ...connector.secret.at, message: ours("the connector's secret") };
        const messageId =
          front.secret.state === 'none'
            ? 'notSent'
            : front.secret.state === 'set' && front.secret.digest !== connector.secret.digest
              ? 'different'
              : undefined;
        if (!messageId) continue;
        const related = [...connectorAt, connectorSecret, ...frontRelated(link)];
        // A workers file no httpd of the tree names: the same facts, no verdict on what runs.
        if (front.unread)
          ctx.report({
            ...base,
            messageId: 'unread',
            data: {
              ...common,
              verdict:
                messageId === 'notSent'
                  ? said`sends no secret to ${connector.server}, which has one`
                  : said`sends a secret that is not the secret of ${connector.server}`,
            },
            related,
            severity: 'info',
          });
        else ctx.report({ ...base, messageId, data: common, related });
        continue;
      }
      // tomcat/ajp-without-secret already reports a connector with no secret, naming this front and its secret.
      const reported = (ctx.deployment.tomcatAjpWithoutSecret ?? []).some(
        (a) => a.at.file === connector.at.file && a.at.range?.start.line === connector.at.range?.start.line,
      );
      const ignored = front.secret.state === 'set' && !reported && !front.unread ? ignoring(link) : undefined;
      if (ignored)
        ctx.report({
          ...base,
          messageId: 'ignored',
          data: { ...common, why: ignored.why },
          related: [...connectorAt, ...ignored.related, ...frontRelated(link)],
          severity: 'warning',
        });
    }
  },
});
