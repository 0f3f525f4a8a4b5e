import { pushed } from '../../core/pushed';
import { defineRule } from '../types';
import { SSL_MODES, settingsOf, valueLocation } from './_lib/shared';

const MODE_KEYS = [
  'cleartrust.net.ssl.use',
  'cleartrust.agent.ssl.use',
  'cleartrust.runtime_api.security',
  'cleartrust.admingui.admin_api.use_ssl',
  'cleartrust.eserver.api_port.use_ssl',
];

export default defineRule({
  meta: {
    id: 'cleartrust/ssl-mode-invalid',
    description: 'Allow only clear, anon or auth as a ClearTrust SSL mode',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      invalid: "{{key}} is '{{value}}', which is not an SSL mode: use clear, anon or auth",
    },
    defaultOptions: {},
  },
  check(ctx) {
    const kinds = [
      ...new Set(pushed(ctx.deployment.documents, (d) => d.kind).filter((k) => k.startsWith('cleartrust.'))),
    ];
    for (const key of MODE_KEYS) {
      for (const setting of settingsOf(ctx.deployment, kinds, key)) {
        if ((SSL_MODES as readonly string[]).includes(setting.normalized)) continue;
        ctx.report({
          messageId: 'invalid',
          data: { key, value: setting.entry.value.trim() },
          location: valueLocation(setting),
          fingerprint: [setting.component?.id ?? setting.doc.kind, key, setting.normalized],
        });
      }
    }
  },
});
