import type { Location } from '../../core/types';
import { effectiveJdkTls, protocolDisabledBy } from '../../knowledge';
import type { Component, JavaRuntime, Traced } from '../../model/types';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';
import { originText, rangeOfItem, relatedFrom } from './_lib/shared';

/** System properties that list the protocols a JSSE side enables. */
const PROTOCOL_PROPERTIES = ['jdk.tls.client.protocols', 'jdk.tls.server.protocols', 'https.protocols'];

interface ProtocolList {
  what: string;
  value: Traced<string[]>;
  /** The raw text, for locating each name inside it. */
  text: string;
}

function protocolLists(component: Component, runtime: JavaRuntime): ProtocolList[] {
  const lists: ProtocolList[] = [];
  for (const name of PROTOCOL_PROPERTIES) {
    const property = runtime.systemProperties[name];
    if (!property) continue;
    const value = property.value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    lists.push({ what: `-D${name}`, value: { value, from: property.from }, text: property.value });
  }
  // A JSSE server's own enabled protocols (Tomcat JSSE connector, Spring server.ssl.enabled-protocols).
  const tls = component.tls;
  if (
    tls?.protocols &&
    (tls.implementation === 'jsse' || tls.implementation === 'ibmjsse2') &&
    component.role !== 'client'
  ) {
    lists.push({ what: `${component.name} protocols`, value: tls.protocols, text: tls.protocols.value.join(',') });
  }
  return lists;
}

export default defineRule({
  meta: {
    id: 'java/protocol-disabled-by-runtime',
    description: "Catch TLS protocols a Java setting enables that the JDK's jdk.tls.disabledAlgorithms removes",
    severity: 'warning',
    messages: {
      someDisabled:
        "{{protocol}} in {{what}} is disabled on {{jdk}} ('{{entry}}' in jdk.tls.disabledAlgorithms, from {{origin}}): the JDK silently drops it and enables only {{remaining}}",
      allDisabled:
        "Every protocol in {{what}} ({{protocols}}) is disabled on {{jdk}} (jdk.tls.disabledAlgorithms, from {{origin}}): the handshake fails with 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'. Fix: enable TLSv1.2/TLSv1.3 here, or remove the entry from jdk.tls.disabledAlgorithms if the peer really needs an old protocol",
    },
    defaultOptions: {},
    symptoms: [
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'Remote host terminated the handshake',
    ],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      const runtime = component.runtime;
      if (!runtime || (!runtime.version.value && !runtime.securityProperties['jdk.tls.disabledAlgorithms'])) continue;
      const tls = effectiveJdkTls(runtime, ctx.memo);
      const disabled = tls.disabledAlgorithms.value;
      const origin = originText(tls.disabledAlgorithms.from);
      for (const list of protocolLists(component, runtime)) {
        const where = list.value.from.kind === 'file' ? list.value.from.location : undefined;
        if (!where) continue;
        const blocked = list.value.value.map((p) => ({ protocol: p, entry: protocolDisabledBy(p, disabled) }));
        const off = blocked.filter((b) => b.entry);
        if (off.length === 0) continue;
        const related = withSources(
          where,
          relatedFrom(tls.disabledAlgorithms.from, 'jdk.tls.disabledAlgorithms is set here'),
          runtimeSources(runtime, component.name, ['jdk.tls.disabledAlgorithms']),
        );
        if (off.length === blocked.length) {
          ctx.report({
            messageId: 'allDisabled',
            severity: 'error',
            data: { what: list.what, protocols: list.value.value.join(', '), jdk: tls.label, origin },
            location: where,
            related,
            fingerprint: [component.id, list.what, list.value.value.join(',')],
          });
          continue;
        }
        const remaining = blocked
          .filter((b) => !b.entry)
          .map((b) => b.protocol)
          .join(', ');
        for (const { protocol, entry } of off) {
          const location: Location = where.range
            ? { file: where.file, range: rangeOfItem(where.range, list.text, protocol) }
            : where;
          ctx.report({
            messageId: 'someDisabled',
            data: { protocol, what: list.what, jdk: tls.label, entry: entry!, origin, remaining },
            location,
            related,
            fingerprint: [component.id, list.what, protocol],
          });
        }
      }
    }
  },
});
