import { ownEndpoint } from '../../derive/derive';
import { placeOf } from '../../handshake/links';
import { defineRule } from '../types';
import { withSources } from '../_lib/sources';
import { said } from '../../core/phrase';
import { hasPlaceholder } from '../../model/mq-chlauth';

export default defineRule({
  meta: {
    id: 'tls/cipher-unknown-to-runtime',
    description: 'Catch configured cipher-suite names that no TLS runtime knows (typos, made-up names)',
    severity: 'error',
    messages: {
      unknown:
        "{{component}} lists '{{name}}', which is not a cipher suite {{runtime}} knows (IANA, OpenSSL, IBM or MQ spelling). JSSE rejects the list (Unsupported CipherSuite) or ignores the name; OpenSSL ignores it",
    },
    defaultOptions: {},
    symptoms: ['Unsupported CipherSuite', 'no cipher match'],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      const suites = component.tls?.cipherSuites;
      if (!suites || suites.from.kind !== 'file') continue;
      const endpoint = ownEndpoint(ctx.deployment, component);
      if (!endpoint) continue;
      for (const name of endpoint.unknownSuites) {
        // OpenSSL cipher-string keywords (HIGH, !aNULL, @STRENGTH…) are the nginx rules' business.
        if (/^[!+\-@]|^[A-Z0-9]+$/.test(name) && !name.includes('_')) continue;
        // A template value (`SSLCIPH('${SSLCIPH}')` in a shell heredoc, `{{ .Values.cipher }}`) is unknown, not wrong.
        if (hasPlaceholder(name)) continue;
        ctx.report({
          messageId: 'unknown',
          data: { component: component.name, name, runtime: component.tls?.implementation ?? 'the runtime' },
          location: placeOf(component, suites.from),
          // The variables that produced the list (Liberty `${…}`) and the file that includes the list's file decide it too.
          related: withSources(
            placeOf(component, suites.from),
            suites.from.kind === 'file' ? (suites.from.via ?? []) : [],
            [{ ...component.location, message: said`${component.name} is defined here` }],
          ),
          fingerprint: [component.id, name],
        });
      }
    }
  },
});
