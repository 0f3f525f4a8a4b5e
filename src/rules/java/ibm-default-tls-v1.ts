import { pushed } from '../../core/pushed';
import type { RuleRelated } from '../types';
import type { RunMemo } from '../../core/run-memo';

import type { Endpoint } from '../../handshake/endpoint';
import type { LinkPrediction } from '../../handshake/links';
import { effectiveJdkTls, normaliseProtocol } from '../../knowledge';
import type { Component, Deployment, JavaRuntime, Traced } from '../../model/types';
import { defineRule } from '../types';
import { componentById, jvmOptionsLocation, locationOf, relatedFrom } from './_lib/shared';
import { ours, said } from '../../core/phrase';

/**
 * The protocols a linked server accepts, when the tree says: explicit settings, or the
 * server JDK's effective server protocols for a JSSE server.
 */
function serverProtocols(server: Component, memo: RunMemo): Traced<readonly string[]> | undefined {
  if (server.tls?.protocols) return server.tls.protocols;
  if (
    server.runtime?.version.value &&
    (server.tls?.implementation === 'jsse' || server.tls?.implementation === 'ibmjsse2')
  ) {
    return effectiveJdkTls(server.runtime, memo).serverProtocols;
  }
  return undefined;
}

function tlsV1Only(protocols: readonly string[]): boolean {
  const [only, ...others] = protocols;
  return only !== undefined && others.length === 0 && normaliseProtocol(only) === 'TLSv1';
}

const PROTOCOL_FAILURES = new Set(['no-common-protocol', 'protocol-rejected-by-client', 'no-protocol-enabled']);

/** IBM Java whose IBMJSSE2 SSLContext "TLS" default gives only TLSv1 (no overrideDefaultTLS, no explicit protocols). */
function ibmDefaultTlsV1(endpoint: Endpoint): boolean {
  const { component } = endpoint;
  const runtime = component.runtime;
  if (endpoint.side.implementation !== 'ibmjsse2' || !runtime || component.tls?.protocols) return false;
  if (runtime.systemProperties['jdk.tls.client.protocols']) return false;
  return tlsV1Only(effectiveJdkTls(runtime).clientProtocols.value);
}

/** A protocol failure of a link whose client is such an IBM Java: this rule reports it with both ends. */
function ownsLinkFailure(lp: LinkPrediction): boolean {
  return !lp.prediction.ok && PROTOCOL_FAILURES.has(lp.prediction.reason) && ibmDefaultTlsV1(lp.client);
}

function linksOf(deployment: Deployment, client: Component) {
  return deployment.links
    .filter((l) => l.client === client.id)
    .map((link) => ({ link, server: componentById(deployment, link.server) }))
    .filter((x): x is { link: typeof x.link; server: Component } => !!x.server);
}

export default defineRule({
  meta: {
    id: 'java/ibm-default-tls-v1',
    description:
      'Catch IBM Java clients whose SSLContext "TLS" enables only TLSv1 (no com.ibm.jsse2.overrideDefaultTLS=true)',
    severity: 'warning',
    messages: {
      tlsV1Only:
        '{{client}} runs on {{jdk}}, whose IBMJSSE2 SSLContext "TLS" enables only TLSv1 without com.ibm.jsse2.overrideDefaultTLS=true: servers that require TLSv1.2 will refuse it. Fix: add -Dcom.ibm.jsse2.overrideDefaultTLS=true to the JVM options (or set the protocols explicitly, or move to a newer IBM Java)',
      linkedServerRefuses:
        "{{client}} runs on {{jdk}}, whose IBMJSSE2 SSLContext \"TLS\" offers only TLSv1, but it calls {{server}}, which accepts only {{serverProtocols}}: the handshake fails — the client logs 'Received fatal alert: handshake_failure' (or protocol_version, depending on the server). Fix: add -Dcom.ibm.jsse2.overrideDefaultTLS=true to this component's JVM options",
    },
    defaultOptions: {},
    symptoms: [
      'Received fatal alert: handshake_failure',
      'Received fatal alert: protocol_version',
      'Default protocols (JDK): [TLSv1]',
    ],
    ownsLinkFailure,
  },
  check(ctx) {
    for (const client of ctx.deployment.components) {
      if ((client.role !== 'client' && client.role !== 'both') || !client.runtime || client.tls?.protocols) continue;
      const runtime: JavaRuntime = client.runtime;
      const tls = effectiveJdkTls(runtime, ctx.memo);
      if (tls.implementation !== 'ibmjsse2' || !tlsV1Only(tls.clientProtocols.value)) continue;
      // An explicit jdk.tls.client.protocols=TLSv1 is a choice, not the IBM default.
      if (runtime.systemProperties['jdk.tls.client.protocols']) continue;
      const related: RuleRelated[] = [
        ...relatedFrom(runtime.version.from, said`${tls.label} runs ${client.name}`),
        ...relatedFrom(tls.clientProtocols.from, ours('TLSv1 is set here')),
      ];
      const fixAt = jvmOptionsLocation(client);
      const failing = pushed(linksOf(ctx.deployment, client), ({ link, server }) => ({
        link,
        server,
        protocols: serverProtocols(server, ctx.memo),
      })).filter(
        (x) =>
          x.protocols &&
          x.protocols.value.length > 0 &&
          !x.protocols.value.some((p) => normaliseProtocol(p) === 'TLSv1'),
      );
      if (failing.length === 0) {
        ctx.report({
          messageId: 'tlsV1Only',
          data: { client: client.name, jdk: tls.label },
          location: fixAt,
          related,
          fingerprint: [client.id, 'tlsv1-only'],
        });
        continue;
      }
      for (const { link, server, protocols } of failing) {
        const serverAt = locationOf(protocols!);
        ctx.report({
          messageId: 'linkedServerRefuses',
          severity: 'error',
          data: {
            client: client.name,
            jdk: tls.label,
            server: server.name,
            serverProtocols: protocols!.value.join(', '),
          },
          location: link.location ?? fixAt,
          related: [
            ...related,
            ...(serverAt
              ? [{ ...serverAt, message: said`${server.name} accepts only ${protocols!.value.join(', ')}` }]
              : [{ ...server.location, message: server.name }]),
            ...(link.location
              ? [{ ...fixAt, message: ours('add -Dcom.ibm.jsse2.overrideDefaultTLS=true to these JVM options') }]
              : []),
          ],
          fingerprint: [client.id, server.id, 'tlsv1-only'],
        });
      }
    }
  },
});
