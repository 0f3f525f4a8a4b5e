import * as path from 'node:path';
import { defineRule } from '../types';
import type { RuleRelated } from '../types';
import type { ChannelAccess } from '../../model/mq-access';
import { adoptingConnauth } from '../../model/mq-access';
import { mqscScriptsOf } from '../../model/mq-scripts';
import { MAPPING_TYPES } from '../../model/mq-chlauth';
import { uncertainPlaces } from '../../model/mq-channel-access';
import {
  accessWithAuthorityManager,
  adoptsAuthenticatedUser,
  assumption,
  inboundAccess,
  nameRole,
  resultText,
  storyRole,
  tlsRuleOwns,
  withoutAuthorityManager,
} from './_lib/access';
import { channelStory } from './_lib/shared';
import { ours, said } from '../../core/phrase';

/** Where the tree writes the CONNAUTH settings that decide the channel's access (AUTHINFO name, CHCKCLNT, ADOPTCTX). */
function connauthPlaces(access: ChannelAccess): RuleRelated[] {
  const { authinfo, chckclnt, adoptctx } = access.connauth;
  return [
    { setting: authinfo, label: 'CONNAUTH' },
    { setting: chckclnt, label: 'CHCKCLNT' },
    { setting: adoptctx, label: 'ADOPTCTX' },
  ].flatMap(({ setting, label }) =>
    setting?.from.kind === 'file' ? [{ ...setting.from.location, message: said`${label}(${setting.value})` }] : [],
  );
}

export default defineRule({
  meta: {
    id: 'mq/tls-channel-without-mcauser',
    description:
      "Warn when a TLS inbound channel (SVRCONN, AMQP, RCVR, RQSTR, CLUSRCVR) runs as the client-asserted user or the queue manager's own user: no MCAUSER and no CHLAUTH mapping",
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      noMcauser:
        "Channel {{channel}} {{tls}} but sets no MCAUSER and {{mapping}}: the channel runs with the user id the client asserts, {{asserted}}{{unless}}. Set MCAUSER to a low-privilege user, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('appuser')",
      mcaUser:
        "{{chltype}} channel {{channel}} authenticates partners with TLS (SSLCIPH({{ciph}})) but sets no MCAUSER and no CHLAUTH rule maps them to a user: its MCA runs as the queue manager's own user (mqm), so any partner with a trusted certificate can put to every queue. Result: {{result}}{{assumed}}. Set MCAUSER to a user with only the put authority needed, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('mqput')",
      // Without the object authority manager (MQSNOAUT) every user id has every authority: MCAUSER alone changes nothing.
      noMcauserWithoutOam:
        "Channel {{channel}} {{tls}} but sets no MCAUSER and {{mapping}}: the channel runs with the user id the client asserts{{unless}}, on a queue manager created without the object authority manager (MQSNOAUT), where no authority is ever checked and any user id has full control. With the object authority manager (MQSNOAUT removed): {{after}}. A low-privilege MCAUSER or mapping changes nothing while no authority is checked: remove MQSNOAUT and recreate the queue manager (see mq/oam-disabled), then set MCAUSER to a low-privilege user, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('appuser')",
      mcaUserWithoutOam:
        "{{chltype}} channel {{channel}} authenticates partners with TLS (SSLCIPH({{ciph}})) but sets no MCAUSER and no CHLAUTH rule maps them to a user: its MCA runs as the queue manager's own user (mqm), so any partner with a trusted certificate can put to every queue. Result: {{result}}{{assumed}}. With the object authority manager (MQSNOAUT removed): {{after}}. The queue manager is created without the object authority manager (MQSNOAUT), so no authority is ever checked and an MCAUSER would change nothing: remove MQSNOAUT and recreate the queue manager (see mq/oam-disabled), then set MCAUSER to a user with only the put authority needed, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('mqput')",
      // CONNAUTH's CHCKCLNT(REQUIRED) ADOPTCTX(YES) runs every client as the user it authenticates, but the password is
      // checked by the object authority manager: MQSNOAUT alone makes the channel run as the asserted id.
      adoptedOnlyWithoutOam:
        'Channel {{channel}} {{tls}} and sets no MCAUSER: its CONNAUTH (CHCKCLNT(REQUIRED) ADOPTCTX(YES)) makes every client authenticate and run as the authenticated user, but the password is checked by the object authority manager, and this queue manager is created without it (MQSNOAUT, see mq/oam-disabled): no password is checked and the channel runs with the user id the client asserts. With the object authority manager (MQSNOAUT removed): {{after}}. MQSNOAUT is the cause: remove it and recreate the queue manager',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    // MQSCs that make every client authenticate as the user it then runs as: another file of the tree may configure
    // the queue manager that runs a channel's file (mq-container runs every /etc/mqm/*.mqsc on one queue manager).
    const adopting = mqscScriptsOf(ctx.deployment).flatMap((doc) => {
      const at = adoptingConnauth(doc);
      return at ? [{ doc, at }] : [];
    });
    for (const { channel: a, access, doc, input } of inboundAccess(ctx.deployment)) {
      if (!tlsRuleOwns(access) || !a.sslciph) continue;
      // Only when this file leaves CONNAUTH as shipped and the tree does not tie it to a named queue manager (or the
      // other file sits beside it): then which configuration applies is unknown, not the asserted id.
      const elsewhere =
        access.connauth.authinfo.from.kind === 'file'
          ? undefined
          : adopting.find(
              (o) =>
                o.doc !== doc &&
                (!a.qmgr?.namedBy.length || path.dirname(o.doc.file.path) === path.dirname(doc.file.path)),
            );
      const mca = access.paths.some((p) => p.identity.kind === 'mca');
      // A mapping whose user a BLOCKUSER record refuses maps no peer in (mq/mapping-to-blocked-user reports it). A
      // USERSRC(CHANNEL) record maps no user: its path runs as the asserted id, which BLOCKUSER may refuse for admins.
      const refused = access.paths.flatMap((p) =>
        p.record && MAPPING_TYPES.includes(p.record.type) && p.identity.kind === 'blocked' && p.blockUser
          ? [`SET CHLAUTH('${p.record.profile}') TYPE(${p.record.type}) maps to ${p.identity.user ?? 'a user'}`]
          : [],
      );
      const withoutOam = withoutAuthorityManager(ctx.deployment, doc);
      // Judged as the queue manager decides once MQSNOAUT is removed: a channel that then runs every client as the user
      // it authenticates runs as the asserted id only because of MQSNOAUT (mq/oam-disabled reports that cause once), an
      // info naming it; otherwise the warning stands and the MQSNOAUT setting is context.
      const judged = withoutOam && accessWithAuthorityManager(ctx.deployment, doc, input);
      const onlyWithoutOam =
        !!judged && !tlsRuleOwns(judged) && judged.paths.some((p) => adoptsAuthenticatedUser(judged, p));
      const kind = mca ? 'mcaUser' : 'noMcauser';
      ctx.report({
        messageId: onlyWithoutOam ? 'adoptedOnlyWithoutOam' : withoutOam ? `${kind}WithoutOam` : kind,
        data: {
          after: judged ? resultText(judged) : ours('unknown'),
          channel: a.channelName,
          chltype: a.chltype,
          ciph: a.sslciph.value,
          // SSLCAUTH(OPTIONAL) asks for no client certificate: the channel encrypts, it authenticates no one.
          tls:
            a.sslcauth?.value.toUpperCase() === 'OPTIONAL'
              ? said`uses TLS (SSLCIPH(${a.sslciph.value})) with client certificates optional (SSLCAUTH(OPTIONAL))`
              : said`authenticates clients with TLS (SSLCIPH(${a.sslciph.value}))`,
          mapping:
            refused.length === 0
              ? ours('no CHLAUTH rule maps the certificate to a user')
              : refused.length === 1
                ? said`its CHLAUTH mapping (${refused.join('')}) names a user that BLOCKUSER refuses`
                : said`its CHLAUTH mappings (${refused.join('; ')}) name users that BLOCKUSER refuses`,
          // The default BLOCKUSER('*MQADMIN') record refuses an asserted administrator: any other id still gets in.
          asserted: access.paths.some((p) => p.identity.kind === 'client' && p.admin)
            ? ours('which can be an administrator (mqm)')
            : ours('which can be any user but an administrator (BLOCKUSER refuses those)'),
          result: resultText(access),
          assumed: assumption(access),
          unless: elsewhere
            ? said`, unless the queue manager that runs it also runs ${path.basename(elsewhere.doc.file.path)}, whose CONNAUTH has CHCKCLNT(REQUIRED) ADOPTCTX(YES): every client then authenticates and the channel runs as the authenticated user. The tree does not say which queue manager runs each file`
            : '',
        },
        ...(elsewhere || onlyWithoutOam ? { severity: 'info' as const } : {}),
        location: a.nameLocation,
        ...nameRole(access, a),
        related: [
          { ...a.sslciph.location, message: ours('TLS enabled here') },
          ...(access.chlauth.from.kind === 'file'
            ? [{ ...access.chlauth.from.location, message: said`CHLAUTH(${access.chlauth.value})` }]
            : []),
          ...storyRole(access, channelStory(a, a.nameLocation)),
          // A templated SSLPEERMAP/USERMAP… that may match the channel may map its peers to a user after all.
          ...uncertainPlaces(access, (r) => MAPPING_TYPES.includes(r.type)),
          ...(elsewhere
            ? [{ ...elsewhere.at, message: ours('CONNAUTH with CHCKCLNT(REQUIRED) ADOPTCTX(YES) in another file') }]
            : []),
          // What makes every client authenticate once MQSNOAUT is removed: the CONNAUTH settings written in the tree.
          ...(onlyWithoutOam && judged ? connauthPlaces(judged) : []),
          ...(withoutOam ? [onlyWithoutOam ? withoutOam : { ...withoutOam, role: 'context' as const }] : []),
        ],
        fingerprint: [a.channelName, a.chltype, 'no-mcauser'],
      });
    }
  },
});
