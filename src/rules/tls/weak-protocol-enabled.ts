import { pushed } from '../../core/pushed';
import { ownEndpoint } from '../../derive/derive';
import { placeOf } from '../../handshake/links';
import { suiteFacts, suiteSupportsProtocol } from '../../handshake/suites';
import { parseProtocol, protocolRank, protocolRetirement, type ProtocolName } from '../../knowledge';
import { LEGACY_PROTOCOL_FAILURE } from '../../knowledge/openssl';
import type { Component } from '../../model/types';
import { defineRule, type RuleRelated } from '../types';
import { ours, said } from '../../core/phrase';

const WEAK = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);
/** nginx/httpd/Tomcat/Spring servers are tls/server-allows-legacy-protocols. */
const COVERED_ELSEWHERE = /^(nginx\.|httpd\.server$|tomcat\.|spring\.server$)/;

/**
 * What an OpenSSL client's security level does to the weak versions it enables (the model's `signatureFloor`): OpenSSL
 * 3 above level 0 accepts no signed TLS 1.0/1.1 key exchange, so over them only static-RSA suites connect
 * (openssl-servers.json legacyProtocolFailure, measured with HAProxy 2.6.12 on OpenSSL 3.0.19). `known` when the tree
 * names the OpenSSL; `open` when it names none and another series would connect; undefined otherwise.
 */
function clientFloor(component: Component, weak: string[]): { known: string } | { open: string } | undefined {
  const tls = component.tls;
  if (component.role !== 'client' || !tls) return undefined;
  const floor = tls.signatureFloor ?? tls.signatureFloorAlternative;
  const below = (value: string | undefined) =>
    value !== undefined && weak.every((p) => protocolRank(p) < protocolRank(value));
  if (tls.signatureFloorAlternative)
    return below(floor?.value) ? { open: tls.signatureFloorAlternative.what } : undefined;
  return tls.signatureFloor && below(tls.signatureFloor.value) ? { known: tls.signatureFloor.value } : undefined;
}

/** Where the tree names the OpenSSL an OpenSSL client runs (the image), for a finding that depends on it. */
function opensslNamedAt(component: Component): RuleRelated[] {
  const clientOfOpenssl =
    component.type === 'haproxy.server' || component.type === 'nginx.proxy' || component.type === 'httpd.proxy';
  const openssl = clientOfOpenssl ? component.attributes.openssl : undefined;
  return openssl?.at
    ? [
        {
          ...openssl.at,
          message: said`${openssl.via ?? 'this image'} runs OpenSSL ${openssl.release ?? 'of the image'}`,
        },
      ]
    : [];
}

/**
 * A RabbitMQ broker (Erlang/OTP's ssl) whose written suites hold none usable at `protocol`: it negotiates only versions
 * its suites serve (src/handshake/capability.ts), so a TLS 1.1 its versions list is never spoken
 * (vdesabou/kafka-docker-playground's rabbitmq.conf: tlsv1.1 beside GCM suites only).
 */
function erlangWithoutSuiteFor(component: Component, suites: readonly string[], protocol: ProtocolName): boolean {
  if (component.tls?.implementation !== 'erlang' || !component.tls.cipherSuites) return false;
  return !suites.some((name) => {
    const facts = suiteFacts(name);
    return facts !== undefined && suiteSupportsProtocol(facts, protocol);
  });
}

export default defineRule({
  meta: {
    id: 'tls/weak-protocol-enabled',
    description: 'Warn when a component explicitly enables SSLv3, TLS 1.0 or TLS 1.1 and its runtime still allows them',
    severity: 'warning',
    messages: {
      weak: '{{component}} enables {{weak}} ({{retiredBy}}). Fix: allow only TLSv1.2 and TLSv1.3',
      weakSignedRefused: `{{component}} enables {{weak}} ({{retiredBy}}), but its {{runtime}} accepts no signed TLS 1.0/1.1 key exchange above security level 0: over {{weak}} it connects only with a static-RSA suite (no forward secrecy), and a server that picks an ECDHE or DHE suite there fails the handshake (alert ${LEGACY_PROTOCOL_FAILURE.alert}, '${LEGACY_PROTOCOL_FAILURE.clientMessage}'). Fix: allow only TLSv1.2 and TLSv1.3`,
      weakOpensslOpen: `{{component}} enables {{weak}} ({{retiredBy}}); what they do depends on {{open}}. With OpenSSL 3 only a static-RSA suite (no forward secrecy) connects over them, and a server that picks an ECDHE or DHE suite there fails the handshake (alert ${LEGACY_PROTOCOL_FAILURE.alert}, '${LEGACY_PROTOCOL_FAILURE.clientMessage}'). Fix: allow only TLSv1.2 and TLSv1.3`,
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (!component.tls?.protocols || component.tls.protocols.from.kind !== 'file') continue;
      if (COVERED_ELSEWHERE.test(component.type) && component.role !== 'client') continue;
      const endpoint = ownEndpoint(ctx.deployment, component);
      if (!endpoint) continue;
      // Only what survives the runtime's disabled algorithms (disabled ones are java/protocol-disabled-by-runtime); on a
      // JDK named by its feature only, what some update of it leaves enabled (its side holds the latest update's).
      const enabled = endpoint.updates?.candidates.flatMap((c) => c.patch.protocols ?? []) ?? endpoint.side.protocols;
      const weak = pushed(new Set(enabled), (p) => parseProtocol(p))
        .filter((p): p is NonNullable<typeof p> => p !== undefined && WEAK.has(p))
        .filter((p) => !erlangWithoutSuiteFor(component, endpoint.side.cipherSuites, p));
      if (weak.length === 0) continue;
      const data = {
        component: component.name,
        weak: weak.join(', '),
        retiredBy: ours(protocolRetirement(weak) ?? ''),
      };
      const floor = clientFloor(component, weak);
      const runtime = ctx.deployment.derived.stacks.get(component.id)?.label ?? 'OpenSSL';
      const location = placeOf(component, component.tls.protocols.from);
      // Set outside the file that defines the component (a jboss-cli script editing standalone.xml): that file decides too.
      const defined: RuleRelated[] =
        location.file !== component.location.file
          ? [{ ...component.location, message: said`${component.name} is defined here` }]
          : [];
      const known = floor !== undefined && 'known' in floor;
      const related = [...defined, ...(known ? opensslNamedAt(component) : [])];
      ctx.report({
        ...(known
          ? { messageId: 'weakSignedRefused' as const, data: { ...data, runtime } }
          : floor && 'open' in floor
            ? { messageId: 'weakOpensslOpen' as const, data: { ...data, open: floor.open } }
            : { messageId: 'weak' as const, data }),
        ...((known || related.length > 0) && { related }),
        location,
        fingerprint: [component.id, weak.join(',')],
      });
    }
  },
});
