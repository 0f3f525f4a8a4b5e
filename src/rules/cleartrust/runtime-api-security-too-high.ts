import { said } from '../../core/phrase';
import { defineRule } from '../types';
import { lastEntry, modeRank, relatedTo, settingsOf, valueLocation } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/runtime-api-security-too-high',
    description: 'Require cleartrust.runtime_api.security to be at most cleartrust.net.ssl.use (clear < anon < auth)',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      tooHigh:
        "cleartrust.runtime_api.security is '{{value}}', above this server's cleartrust.net.ssl.use '{{mode}}': clients (agents included) can no longer create SSO tokens. Set it to '{{mode}}' or lower",
    },
    defaultOptions: {},
  },
  check(ctx) {
    for (const security of settingsOf(ctx.deployment, ['cleartrust.aserver'], 'cleartrust.runtime_api.security')) {
      const modeEntry = lastEntry(security.doc, 'cleartrust.net.ssl.use');
      if (!modeEntry) continue;
      const mode = modeEntry.value.trim().toLowerCase();
      if (modeRank(security.normalized) < 0 || modeRank(mode) < 0 || modeRank(security.normalized) <= modeRank(mode))
        continue;
      ctx.report({
        messageId: 'tooHigh',
        data: { value: security.normalized, mode },
        location: valueLocation(security),
        related: [
          relatedTo(
            { ...security, entry: modeEntry, normalized: mode },
            said`cleartrust.net.ssl.use is '${mode}' here`,
          ),
        ],
        fingerprint: [security.component?.id ?? 'aserver', security.normalized, mode],
      });
    }
  },
});
