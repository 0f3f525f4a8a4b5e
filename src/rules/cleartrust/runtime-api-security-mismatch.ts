import { defineRule } from '../types';
import { relatedTo, reportDisagreements, settingsOf, valueLocation } from './shared';

export default defineRule({
  meta: {
    id: 'cleartrust/runtime-api-security-mismatch',
    description: 'Require the same cleartrust.runtime_api.security on every Authorization Server',
    severity: 'error',
    messages: {
      mismatch: "cleartrust.runtime_api.security is '{{value}}' here but '{{expected}}' in {{other}}; it must be the same on every Authorization Server",
    },
    defaultOptions: {},
  },
  check(ctx) {
    const settings = settingsOf(ctx.deployment, ['cleartrust.aserver'], 'cleartrust.runtime_api.security');
    reportDisagreements(ctx.deployment, settings, ({ setting, reference, data }) =>
      ctx.report({
        messageId: 'mismatch',
        data,
        location: valueLocation(setting),
        related: [relatedTo(reference, `'${reference.entry.value.trim()}' set here`)],
        fingerprint: [setting.component?.id ?? 'aserver', setting.normalized, reference.normalized],
      }),
    );
  },
});
