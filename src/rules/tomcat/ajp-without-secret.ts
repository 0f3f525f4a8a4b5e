import type { RuleRelated } from '../types';
import { TOMCAT_AJP_SECRET as AJP, TOMCAT_AJP_SECRET_SINCE as SINCE } from '../../knowledge/tomcat';

import type { AjpFrontLink, TomcatAjpWithoutSecret } from '../../model/types';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/** Where the connector listens, in words, and the place that says it. */
function listening(ajp: TomcatAjpWithoutSecret): string {
  const address = ajp.address;
  if (!address) return 'every address';
  if (address.loopback === true) return `${address.value} only (address=)`;
  return address.loopback === false
    ? `${address.value} (address=)`
    : `address ${address.value}, which the tree does not settle`;
}

/** The vendors whose packages keep or patch the default, in words. */
const vendors = (secretRequired: boolean) =>
  AJP.vendors
    .filter((v) => v.secretRequiredDefault === secretRequired)
    .map((v) => v.vendor)
    .join(' and ');

/** The fronts the tree ties to the connector (model/ajp-fronts.ts), and whether each sends a secret. */
const frontsReaching = (ajp: TomcatAjpWithoutSecret, links: readonly AjpFrontLink[]): RuleRelated[] =>
  links
    .filter((l) => l.connector.at.file === ajp.at.file && l.connector.at.range?.start.line === ajp.at.range?.start.line)
    .map(({ front }) => ({
      ...front.at,
      message: front.unread
        ? said`${front.name} may reach this connector: no httpd configuration of the tree names its workers file`
        : front.secret.state === 'set'
          ? said`${front.name} reaches this connector and sends a secret: set the same secret="\u2026" on the connector`
          : front.secret.state === 'none'
            ? said`${front.name} reaches this connector and sends no secret`
            : said`${front.name} reaches this connector (its secret is unknown)`,
    }));

const related = (ajp: TomcatAjpWithoutSecret, fronts: RuleRelated[], releaseMessage?: string): RuleRelated[] => [
  ...('at' in ajp.release && releaseMessage ? [{ ...ajp.release.at, message: releaseMessage }] : []),
  ...('via' in ajp.release && releaseMessage
    ? (ajp.release.via ?? []).map((at) => ({
        ...at,
        message:
          at.writesTo !== undefined
            ? said`the role's task writes this file to ${at.writesTo}`
            : ours('ties the image that runs this server.xml to the Dockerfile that installs its Tomcat'),
      }))
    : []),
  ...(ajp.emptySecret ? [{ ...ajp.emptySecret.at, message: said`${ajp.emptySecret.name}="": no secret` }] : []),
  ...(ajp.address ? [{ ...ajp.address.at, message: said`listens on ${listening(ajp)}` }] : []),
  ...(ajp.portAt ? [{ ...ajp.portAt, message: said`port="${ajp.port ?? ''}"` }] : []),
  ...fronts,
];

/**
 * The connector's start tag is where the finding is, not what decides it: a template value in another attribute
 * (`maxThreads="{{ tomcat_maxThreads_ajp }}"`, jeduoliveira/ansible-role-tomcat@(real-trees)) changes nothing, so it
 * does not make the finding an info. What decides it (port, address, secretRequired, the secret left empty) are its
 * related places, where a template value still does; a connector whose attributes a template writes itself is not
 * modelled (model/tomcat.ts).
 */
const atTag = { locationRole: 'context' as const };

/**
 * A Tomcat AJP `<Connector>` with no `secret` (nor `requiredSecret`, its older name) that does not turn secretRequired
 * off, or does on an address that is no loopback one (a warning whatever the release: it starts) (model/tomcat-ajp.ts), against the release the tree names (model/tomcat-release.ts) and data/tomcat.json
 * ajpSecret. Apache Tomcat 9.0.31, 8.5.51, 7.0.100 and every 10.x and 11.x do not start it (measured with Tomcat
 * 10.1.60: the rest of Tomcat starts): an error, the tree names a release that refuses it. An older release starts it on
 * every address with no secret (Ghostcat, CVE-2020-1938): a warning, unless `address` keeps it on loopback. No release
 * named, or the official image's floating tag: a warning saying both outcomes (openSUSE and SUSE packages patch the
 * default back to false), never an error. secretRequired turned off on every address of Compose services that publish
 * no port (model/tomcat-ajp-network.ts): an info, the port being their networks' alone. Tomcat 11 and later no longer read `requiredSecret`: a connector that sets
 * only that has no secret there (an error, saying to rename it).
 */
export default defineRule({
  meta: {
    id: 'tomcat/ajp-without-secret',
    description:
      'Report a Tomcat AJP <Connector> without a secret: the releases since February 2020 do not start it, older ones expose it to anyone who reaches the port (Ghostcat)',
    severity: 'warning',
    // Tomcat's log line is part of the message, not data: data is masked, and a deployment whose password is
    // `secret` would read "the *** attribute" (shared/corpus).
    messages: {
      refused: `{{server}} has no secret, and Tomcat {{release}} requires one (secretRequired defaults to true from {{since}} and in every 10.x and 11.x): the connector does not start ('${AJP.failure}'){{address}}, so port {{port}} accepts connections but answers none (the web server in front times out, its users get a 503); the rest of Tomcat starts. Set secret="…" on the <Connector> and the same secret in the proxy (mod_jk's worker secret, mod_proxy_ajp's secret= parameter)`,
      exposed:
        '{{server}} has no secret, and Tomcat {{release}} predates the AJP hardening of {{since}}: it starts the connector on {{where}} and serves any client that reaches port {{port}} (Ghostcat, {{cve}}: an AJP request reads any file of the web applications, WEB-INF included). Upgrade, and set secret="…" (requiredSecret="…" before those releases) with the same secret in the proxy, or address="127.0.0.1" when the proxy runs on this host',
      floating: `{{server}} has no secret, and {{image}} names no Tomcat release: the release the tag points to when pulled decides. The official image's releases since February 2020 ({{since}}, every 10.x and 11.x) require one and do not start the connector ('${AJP.failure}'); older ones (an image pulled before, or a tag last updated before) start it on {{where}} without a secret (Ghostcat, {{cve}}). Set secret="…" on the <Connector> and the same secret in the proxy, and name the release in the tag`,
      optedOut:
        '{{server}} turns secretRequired off and has no secret, and listens on {{where}}: Tomcat starts it and serves any client that reaches port {{port}}, taking what AJP carries on trust (the client address, the user the proxy authenticated where tomcatAuthentication="false", the TLS client certificate and cipher), and releases before {{since}} also let an AJP request read any file of the web applications (Ghostcat, {{cve}}). Set secret="…" on the <Connector> and the same secret in the proxy (mod_jk\'s worker secret, mod_proxy_ajp\'s secret= parameter), or keep the port to the proxy alone (address="127.0.0.1" when the proxy runs on the same host or in the same container; a proxy in another container reaches it over a network only the two share, with no published port)',
      optedOutUnpublished:
        '{{server}} turns secretRequired off and has no secret, and listens on {{where}} in Compose service {{services}}, which publishes no port on the host: only containers on its Compose networks reach port {{port}} (the proxy in front, and any other service of those networks), and Tomcat takes what AJP carries from each on trust (the client address, the user the proxy authenticated where tomcatAuthentication="false", the TLS client certificate and cipher). Keep the proxy the only other service on those networks, or set secret="…" on the <Connector> and the same secret in the proxy (mod_jk\'s worker secret, mod_proxy_ajp\'s secret= parameter)',
      requiredSecretUnread: `{{server}} sets its secret with requiredSecret, which Tomcat {{release}} no longer reads (removed in Tomcat {{removedIn}}: it logs '${AJP.requiredSecretRemoved.log} …' and goes on without it): the connector has no secret, and secretRequired defaults to true, so it does not start ('${AJP.failure}'){{address}}; port {{port}} accepts connections but answers none (the web server in front times out, its users get a 503). Rename requiredSecret to secret`,
      releaseUnknown: `{{server}} has no secret, and {{why}}. Apache Tomcat {{since}} and later (and every 10.x and 11.x; {{keeping}} packages keep that default) do not start it ('${AJP.failure}'); {{patching}} packages patch secretRequired back to false and start it on {{whereNew}}; releases before start it on {{where}} without a secret (Ghostcat, {{cve}}). Name the release (a Dockerfile FROM tomcat:<tag> that copies this server.xml), and set secret="…" on the <Connector> with the same secret in the proxy`,
    },
    defaultOptions: {},
    appliesTo: { documents: ['tomcat.server-xml'] },
    symptoms: [AJP.failure, AJP.connectorLog, AJP.requiredSecretRemoved.log],
  },
  check(ctx) {
    const common = { cve: AJP.cve, since: SINCE };
    for (const ajp of ctx.deployment.tomcatAjpWithoutSecret ?? []) {
      const port = ajp.port ?? '(none)';
      const release = ajp.release;
      const where = listening(ajp);
      const fronts = frontsReaching(ajp, ctx.deployment.ajpFrontLinks ?? []);
      // secretRequired turned off on an address others reach: it starts, whatever the release (model/tomcat-ajp.ts).
      if (ajp.optedOut) {
        // In Compose services that publish nothing, the port is the proxy's network's alone: what the advice asks.
        const services = ajp.unpublishedIn;
        ctx.report({
          messageId: services ? 'optedOutUnpublished' : 'optedOut',
          data: { ...common, server: ajp.server, where, port, services: services?.map((s) => s.name).join(', ') ?? '' },
          location: ajp.at,
          ...atTag,
          related: [
            { ...ajp.optedOut, message: ours('secretRequired off: no secret is asked for') },
            ...related(ajp, fronts),
            ...(services ?? []).map((s) => ({
              ...s.at,
              message: said`Compose service ${s.name} runs this server.xml and publishes no port`,
            })),
          ],
          fingerprint: [ajp.server, services ? 'optedOutUnpublished' : 'optedOut'],
          ...(services ? { severity: 'info' as const } : {}),
        });
        continue;
      }
      if (release.kind === 'named') {
        const named = `${release.release} (${release.text}${release.branchOnly ? ': the tag names the branch, read as its newest release' : ''})`;
        // An older release on loopback: no exposure, and nothing requires the secret.
        if (!release.requiresSecret && ajp.address?.loopback === true) continue;
        const address = ajp.address?.loopback
          ? `; address="${ajp.address.value}" keeps it on this host, but the secret is still required`
          : '';
        const messageId = ajp.unreadLegacySecret
          ? 'requiredSecretUnread'
          : release.requiresSecret
            ? 'refused'
            : 'exposed';
        const unread = ajp.unreadLegacySecret
          ? [
              {
                ...ajp.unreadLegacySecret,
                message: said`requiredSecret="\u2026": not read by Tomcat ${release.release}`,
              },
            ]
          : [];
        ctx.report({
          messageId,
          data: {
            ...common,
            server: ajp.server,
            release: named,
            address,
            where,
            port,
            removedIn: AJP.requiredSecretRemoved.fromMajor,
          },
          location: ajp.at,
          ...atTag,
          related: [...unread, ...related(ajp, fronts, `Tomcat ${release.release} runs this server.xml`)],
          fingerprint: [ajp.server, messageId],
          severity: release.requiresSecret ? 'error' : undefined,
        });
        continue;
      }
      if (release.kind === 'current') {
        ctx.report({
          messageId: 'floating',
          data: { ...common, server: ajp.server, image: release.text, where },
          location: ajp.at,
          ...atTag,
          related: related(ajp, fronts, 'the official image, at whichever release the tag names when pulled'),
          fingerprint: [ajp.server, 'floating'],
        });
        continue;
      }
      ctx.report({
        messageId: 'releaseUnknown',
        data: {
          ...common,
          server: ajp.server,
          why: release.why,
          keeping: vendors(true),
          patching: vendors(false),
          whereNew: ajp.address ? where : ours('the loopback address only'),
          where,
        },
        location: ajp.at,
        ...atTag,
        related: related(ajp, fronts),
        fingerprint: [ajp.server, 'releaseUnknown'],
      });
    }
  },
});
