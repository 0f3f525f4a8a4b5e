import { ownEndpoint } from '../../derive/derive';
import { placeOf } from '../../handshake/links';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';
import { ours } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'tls/cipher-disabled-by-runtime',
    description: "Warn when a configured cipher suite is removed by the Java runtime's jdk.tls.disabledAlgorithms",
    severity: 'warning',
    messages: {
      disabled:
        "{{component}} lists {{name}}, but the runtime's jdk.tls.disabledAlgorithms entry '{{entry}}' disables it: it is silently dropped{{consequence}}",
    },
    defaultOptions: {},
    symptoms: ['No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      const suites = component.tls?.cipherSuites;
      // ClearTrust's anon mode is cleartrust/anon-cipher-disabled.
      if (!suites || suites.from.kind !== 'file' || component.type.startsWith('cleartrust.')) continue;
      const endpoint = ownEndpoint(ctx.deployment, component);
      if (!endpoint) continue;
      const nothingLeft = endpoint.side.cipherSuites.length === 0;
      for (const { name, entry } of endpoint.disabledSuites) {
        ctx.report({
          messageId: 'disabled',
          data: {
            component: component.name,
            name,
            entry: entry ?? '',
            consequence: nothingLeft
              ? ours(
                  '; no suite is left, so every handshake fails with "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"',
                )
              : '',
          },
          location: placeOf(component, suites.from),
          related: withSources(
            placeOf(component, suites.from),
            [],
            runtimeSources(endpoint.component.runtime ?? ctx.deployment.runtime, component.name, [
              'jdk.tls.disabledAlgorithms',
            ]),
          ),
          severity: nothingLeft ? 'error' : undefined,
          fingerprint: [component.id, name],
        });
      }
    }
  },
});
