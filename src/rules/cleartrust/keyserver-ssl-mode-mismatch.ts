import { defineRule } from '../types';
import { reportMismatches, settingsOf } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/keyserver-ssl-mode-mismatch',
    description:
      'Require the same cleartrust.net.ssl.use in every keyserver.conf (it need not match the other servers)',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      mismatch:
        "cleartrust.net.ssl.use is '{{value}}' here but '{{expected}}' in {{other}}; every Key Server must use the same SSL mode",
    },
    defaultOptions: {},
    symptoms: ['Fatal Alert received: Handshake Failure'],
  },
  check(ctx) {
    reportMismatches(ctx, settingsOf(ctx.deployment, ['cleartrust.keyserver'], 'cleartrust.net.ssl.use'));
  },
});
