import { defineRule } from '../types';
import { SERVER_KINDS, SSL_MODES, failingAnonLink, reportMismatches, settingsOf } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/ssl-mode-mismatch',
    description: 'Require one SSL mode (clear, anon or auth) on every ClearTrust server and web agent',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      mismatch:
        "{{key}} is '{{value}}' here but '{{expected}}' in {{other}}; servers and agents must all use the same SSL mode or their connections fail",
    },
    defaultOptions: {},
    symptoms: [
      'Fatal Alert received: Handshake Failure',
      'handshake_failure',
      'Unrecognized SSL message, plaintext connection?',
      'Remote host terminated the handshake',
    ],
    ownsLinkFailure: (lp) => failingAnonLink(lp, false),
  },
  check(ctx) {
    const { deployment } = ctx;
    const settings = [
      ...settingsOf(deployment, SERVER_KINDS, 'cleartrust.net.ssl.use'),
      ...settingsOf(deployment, ['cleartrust.webagent'], 'cleartrust.agent.ssl.use'),
    ].filter((s) => (SSL_MODES as readonly string[]).includes(s.normalized));
    reportMismatches(ctx, settings);
  },
});
