import { defineRule } from '../types';
import { SSL_SETTINGS, settingsOf, valueLocation } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/auth-without-keystore',
    description: "Require a keystore when the SSL mode is 'auth'",
    severity: 'warning',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      missing:
        "{{modeKey}} is 'auth' but no keystore is configured ({{expected}} is missing or empty): the component has no certificate to authenticate with",
    },
    defaultOptions: {},
    symptoms: ['Fatal Alert received: Handshake Failure', 'no cipher suites in common'],
  },
  check(ctx) {
    for (const { kinds, modeKey, keyStoreKeys } of SSL_SETTINGS) {
      for (const mode of settingsOf(ctx.deployment, kinds, modeKey)) {
        if (mode.normalized !== 'auth') continue;
        if (mode.doc.entries.some((e) => keyStoreKeys.includes(e.key) && e.value.trim() !== '')) continue;
        ctx.report({
          messageId: 'missing',
          data: { modeKey, expected: keyStoreKeys[0]! },
          location: valueLocation(mode),
          fingerprint: [mode.component?.id ?? mode.doc.kind],
        });
      }
    }
  },
});
