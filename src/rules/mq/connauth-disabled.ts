import { mqscScriptsOf } from '../../model/mq-scripts';
import type { Location } from '../../core/types';
import type { MqscData } from '../../parse/mqsc';
import type { MqscParam } from '../../parse/mq/mqsc-syntax';
import type { ParsedDocument } from '../../parse/types';
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
      ineffective:
        "AUTHINFO {{authinfo}} gets CHCKCLNT({{chckclnt}}) here, but the queue manager's CONNAUTH is {{connauth}} ({{connauthWhere}}), whose CHCKCLNT({{used}}) decides which clients must give a password: this line changes nothing. Alter {{connauth}} to change the password check, or remove this line",
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
      if (connauth && name)
        for (const found of ineffectiveWeakenings(mqsc, name, connauth))
          ctx.report({
            messageId: 'ineffective',
            severity: 'info',
            ...found,
            fingerprint: [relativePosix(ctx.deployment.root, mqsc.file.path), ...found.fingerprint],
          });
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

const weakening = (p: MqscParam): boolean =>
  !p.templated && ['NONE', 'OPTIONAL'].includes((p.value ?? '').toUpperCase());

/**
 * A CHCKCLNT(NONE|OPTIONAL) the tree writes on an AUTHINFO that is not the queue manager's CONNAUTH, whose own CHCKCLNT
 * the script shows: it checks no connection (IBM MQ ALTER QMGR CONNAUTH: the one AUTHINFO used), so it changes nothing.
 * The developer image's queue manager uses DEV.AUTHINFO (10-dev.mqsc `ALTER QMGR CONNAUTH('DEV.AUTHINFO')`), so an
 * `ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) … CHCKCLNT(OPTIONAL)` copied beside it does not do what it says.
 */
function ineffectiveWeakenings(mqsc: ParsedDocument<MqscData>, name: string, connauth: MqscParam) {
  if (connauth.templated) return [];
  const { objects, commands } = mqsc.data;
  const used = objects.authinfo.get(name);
  const usedCheck = used && !used.deleted ? used.attributes.get('CHCKCLNT') : undefined;
  if (!usedCheck || usedCheck.templated || weakening(usedCheck)) return [];
  const setBy = commands.find((c) => c.params.includes(connauth));
  return [...objects.authinfo].flatMap(([key, info]) => {
    const check = info.attributes.get('CHCKCLNT');
    // The image's own records are not the tree's to fix.
    if (!check || key === name || info.deleted || !weakening(check)) return [];
    if (commands.find((c) => c.params.includes(check))?.origin) return [];
    return {
      data: {
        authinfo: info.name,
        chckclnt: (check.value ?? '').toUpperCase(),
        connauth: name,
        connauthWhere: setBy?.origin ? `set by ${setBy.origin.script}` : 'set by ALTER QMGR CONNAUTH',
        used: (usedCheck.value ?? '').toUpperCase(),
      },
      location: paramLocation(mqsc.file.path, check),
      related: [
        {
          ...paramLocation(mqsc.file.path, connauth),
          message: setBy?.origin
            ? `ALTER QMGR CONNAUTH('${name}'), line ${setBy.origin.line} of ${setBy.origin.source}`
            : `the queue manager's CONNAUTH: ${name}`,
        },
      ],
      fingerprint: ['CONNAUTH', name, 'ineffective', key],
    };
  });
}
