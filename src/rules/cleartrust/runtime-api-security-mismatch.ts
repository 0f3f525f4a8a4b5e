import { defineRule } from '../types';
import { reportMismatches, settingsOf } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/runtime-api-security-mismatch',
    description: 'Require the same cleartrust.runtime_api.security on every Authorization Server',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      mismatch:
        "cleartrust.runtime_api.security is '{{value}}' here but '{{expected}}' in {{other}}; it must be the same on every Authorization Server",
    },
    defaultOptions: {},
  },
  check(ctx) {
    reportMismatches(ctx, settingsOf(ctx.deployment, ['cleartrust.aserver'], 'cleartrust.runtime_api.security'));
  },
});
