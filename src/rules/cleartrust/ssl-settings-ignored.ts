import { defineRule } from '../types';
import { SSL_SETTINGS, settingsOf, valueLocation } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/ssl-settings-ignored',
    description: 'Point out SSL settings that have no effect because the SSL mode is clear',
    severity: 'info',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      ignored: "{{key}} is set but {{modeKey}} is 'clear', so it is ignored",
    },
    defaultOptions: {},
  },
  check(ctx) {
    for (const { kinds, modeKey, prefix } of SSL_SETTINGS) {
      for (const mode of settingsOf(ctx.deployment, kinds, modeKey)) {
        if (mode.normalized !== 'clear') continue;
        for (const entry of mode.doc.entries) {
          // Empty values are the shipped template's placeholders, not settings.
          if (!entry.key.startsWith(prefix) || entry.key === modeKey || entry.value.trim() === '') continue;
          ctx.report({
            messageId: 'ignored',
            data: { key: entry.key, modeKey },
            location: valueLocation({ ...mode, entry }),
            fingerprint: [mode.component?.id ?? mode.doc.kind, entry.key],
          });
        }
      }
    }
  },
});
