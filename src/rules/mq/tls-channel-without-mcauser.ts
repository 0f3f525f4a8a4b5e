import type { MqscData } from '../../parse/mqsc';
import { defineRule } from '../types';
import { serverChannels } from './shared';
import { definedInScript, identityRecord } from './chlauth';

export default defineRule({
  meta: {
    id: 'mq/tls-channel-without-mcauser',
    description: 'Warn when a TLS server channel runs with the client-asserted user id: no MCAUSER and no CHLAUTH mapping',
    severity: 'warning',
    messages: {
      noMcauser:
        "Channel {{channel}} authenticates clients with TLS (SSLCIPH({{ciph}})) but sets no MCAUSER and no CHLAUTH rule maps the certificate to a user: the channel runs with the user id the client asserts, which can be an administrator (mqm). Set MCAUSER to a low-privilege user, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('appuser')",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { component: c, channel: a } of serverChannels(ctx.deployment)) {
      if (a.chltype !== 'SVRCONN' || !a.mqscChannel || !definedInScript(a.mqscChannel)) continue;
      if (!a.sslciph?.value.trim() || a.sslciph.templated) continue;
      if (a.mcauser && (a.mcauser.value.trim() || a.mcauser.templated)) continue;
      const objects = (a.qmgr!.mqsc.data as MqscData).objects;
      if (identityRecord(objects, a.channelName)) continue;
      ctx.report({
        messageId: 'noMcauser',
        data: { channel: a.channelName, ciph: a.sslciph.value },
        location: a.nameLocation,
        related: [{ ...a.sslciph.location, message: 'TLS enabled here' }],
        fingerprint: [c.id, 'no-mcauser'],
      });
    }
  },
});
