import { said } from '../../core/phrase';
import { defineRule } from '../types';
import { relatedTo, settingsOf, shortName, valueLocation } from './_lib/shared';

export default defineRule({
  meta: {
    id: 'cleartrust/admin-api-ssl-mismatch',
    description: "Require the Admin Console's admin_api.use_ssl to match the Entitlements Server's api_port.use_ssl",
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      mismatch:
        "cleartrust.admingui.admin_api.use_ssl is '{{value}}' but the Entitlements Server's cleartrust.eserver.api_port.use_ssl is '{{expected}}' ({{other}}): the Administration Console cannot connect",
    },
    defaultOptions: {},
    symptoms: ['Cannot connect to the Entitlements Server', 'Fatal Alert received: Handshake Failure'],
  },
  check(ctx) {
    const servers = settingsOf(ctx.deployment, ['cleartrust.eserver'], 'cleartrust.eserver.api_port.use_ssl');
    if (servers.length === 0) return;
    for (const console of settingsOf(
      ctx.deployment,
      ['cleartrust.admingui'],
      'cleartrust.admingui.admin_api.use_ssl',
    )) {
      const server = servers.find((s) => s.normalized === console.normalized) ? undefined : servers[0];
      if (!server) continue;
      ctx.report({
        messageId: 'mismatch',
        data: {
          value: console.entry.value.trim(),
          expected: server.entry.value.trim(),
          other: shortName(ctx.deployment, server.doc.file.path),
        },
        location: valueLocation(console),
        related: [relatedTo(server, said`'${server.entry.value.trim()}' set here`)],
        fingerprint: [console.component?.id ?? 'admingui', console.normalized, server.normalized],
      });
    }
  },
});
