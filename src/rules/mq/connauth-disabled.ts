import { mqscScriptsOf } from '../../model/mq-scripts';
import type { Location } from '../../core/types';
import { paramLocation } from '../../model/mq-chlauth';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  channelList,
  confidentAdminWithoutSecret,
  developerSeverity,
  documentChannels,
  channelRelated,
  nameDecidesAccess,
} from './_lib/access';
import { ours } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

export default defineRule({
  meta: {
    id: 'mq/connauth-disabled',
    description:
      'Report connection authentication switched off (CONNAUTH blank) or weakened (CHCKCLNT NONE/OPTIONAL) on a queue manager that client channels connect to',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      off: "ALTER QMGR CONNAUTH(' ') switches off connection authentication: no client password is ever checked{{admins}}. Clients without a certificate: {{channels}}. Point CONNAUTH at an AUTHINFO with CHCKCLNT(REQUIRED) (or at least REQDADM) and ADOPTCTX(YES), then REFRESH SECURITY TYPE(CONNAUTH)",
      weak: "AUTHINFO {{authinfo}} (the queue manager's CONNAUTH) has CHCKCLNT({{chckclnt}}): a client that sends no password is admitted{{admins}}. Clients without a certificate: {{channels}}. Use CHCKCLNT(REQUIRED), or REQDADM so that at least administrators must prove who they are",
    },
    defaultOptions: {},
    symptoms: ['MQRC_NOT_AUTHORIZED', 'RC=2035', 'AMQ5534', 'AMQ5541'],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      const { objects } = mqsc.data;
      const connauth = objects.qmgr.get('CONNAUTH');
      if (connauth?.templated) continue;
      const name =
        connauth?.value !== undefined ? connauth.value.trim().toUpperCase() : 'SYSTEM.DEFAULT.AUTHINFO.IDPWOS';
      const chckclnt = name ? objects.authinfo.get(name)?.attributes.get('CHCKCLNT') : undefined;
      const weak =
        chckclnt && !chckclnt.templated && ['NONE', 'OPTIONAL'].includes((chckclnt.value ?? '').toUpperCase());
      if (!(connauth && !name) && !weak) continue;
      const clients = documentChannels(mqsc)
        .filter((input) => input.attributes && (input.chltype === 'SVRCONN' || input.chltype === 'AMQP'))
        .map((input) => ({ input, access: accessWithAuthorityManager(ctx.deployment, mqsc, input)! }))
        // Paths that need a certificate are authenticated by it (mutual TLS): only the others depend on a password.
        .filter(
          ({ access }) =>
            access &&
            !access.exit &&
            !access.blockAll &&
            access.paths.some((p) => p.identity.kind !== 'blocked' && !p.needsCertificate),
        );
      if (clients.length === 0) continue;
      const location: Location = paramLocation(mqsc.file.path, connauth && !name ? connauth : chckclnt!);
      const opened = clients.filter(({ input }) => {
        const before = accessWithAuthorityManager(ctx.deployment, mqsc, input, { connauthDefault: true });
        return before && !before.adminWithoutSecret;
      });
      ctx.report({
        messageId: connauth && !name ? 'off' : 'weak',
        data: {
          channels: channelList(clients),
          authinfo: name,
          chckclnt: (chckclnt?.value ?? '').toUpperCase(),
          admins: clients.some(({ access }) => access.paths.some((p) => p.admin && !p.needsCertificate))
            ? ours(', and administrators get in as whatever user id they assert or are mapped to')
            : '',
        },
        location,
        // A client's name decides whether it gets in without a certificate only through the CHLAUTH records that
        // match it: with CHLAUTH(DISABLED) in the tree it is an example, and a templated name defers nothing.
        ...developerSeverity(
          ctx.deployment,
          mqsc,
          opened.some(({ access }) => confidentAdminWithoutSecret(access)) ? 'error' : 'warning',
          channelRelated(clients, ({ access }) => nameDecidesAccess(access)),
        ),
        // The file relative to the deployment: a baseline recorded in one checkout matches in another.
        fingerprint: [relativePosix(ctx.deployment.root, mqsc.file.path), 'CONNAUTH', name],
      });
    }
  },
});
