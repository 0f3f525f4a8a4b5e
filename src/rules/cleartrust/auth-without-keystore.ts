import { defineRule } from '../types';
import { settingsOf, valueLocation } from './_lib/shared';

const MODES: [string[], string, [string, ...string[]]][] = [
  [
    [
      'cleartrust.eserver',
      'cleartrust.aserver',
      'cleartrust.dispatcher',
      'cleartrust.lserver',
      'cleartrust.iserver',
      'cleartrust.keyserver',
      'cleartrust.admingui',
    ],
    'cleartrust.net.ssl.use',
    ['cleartrust.net.ssl.keystore_file', 'cleartrust.net.ssl.keystore'],
  ],
  [['cleartrust.webagent'], 'cleartrust.agent.ssl.use', ['cleartrust.agent.ssl.keystore']],
];

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
    for (const [kinds, modeKey, keystoreKeys] of MODES) {
      for (const mode of settingsOf(ctx.deployment, kinds, modeKey)) {
        if (mode.normalized !== 'auth') continue;
        if (mode.doc.entries.some((e) => keystoreKeys.includes(e.key) && e.value.trim() !== '')) continue;
        ctx.report({
          messageId: 'missing',
          data: { modeKey, expected: keystoreKeys[0] },
          location: valueLocation(mode),
          fingerprint: [mode.component?.id ?? mode.doc.kind],
        });
      }
    }
  },
});
