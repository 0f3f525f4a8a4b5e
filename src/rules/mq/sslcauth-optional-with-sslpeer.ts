import { defineRule } from '../types';
import { channelStory, serverChannels } from './_lib/shared';
import { ours } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'mq/sslcauth-optional-with-sslpeer',
    description:
      'Warn when a server channel sets SSLPEER but lets clients connect without a certificate (SSLCAUTH(OPTIONAL))',
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      optional:
        "Channel {{channel}} sets SSLPEER('{{peer}}') but SSLCAUTH(OPTIONAL): a client that sends no certificate is not asked for one, so SSLPEER does not authenticate every client. Set SSLCAUTH(REQUIRED) (the default) for mutual TLS",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { component: c, channel: a } of serverChannels(ctx.deployment)) {
      if (!a.sslpeer?.value.trim() || a.sslpeer.templated || !a.sslciph?.value.trim()) continue;
      if ((a.sslcauth?.value ?? 'REQUIRED').toUpperCase() !== 'OPTIONAL') continue;
      ctx.report({
        messageId: 'optional',
        data: { channel: a.channelName, peer: a.sslpeer.value },
        location: a.sslcauth!.location,
        related: [
          { ...a.sslpeer.location, message: ours('SSLPEER set here') },
          ...channelStory(a, a.sslcauth!.location),
        ],
        fingerprint: [c.id, 'OPTIONAL'],
      });
    }
  },
});
