import { describePaths } from '../../model/mq-access-words';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  assumption,
  confidentAdminWithoutSecret,
  developerSeverity,
  inboundAccess,
  nameRole,
  relatedFor,
  resultText,
  tlsRuleOwns,
  withoutAuthorityManager,
  withPlace,
} from './_lib/access';
import { ours, said } from '../../core/phrase';

const WITHOUT_SECRET = ours(' without a certificate or password');
const GIVES_PASSWORD = ours(" and gives that user's password");
/**
 * What CONNAUTH asks of a client a record maps to an administrator (IBM MQ DEFINE AUTHINFO CHCKCLNT, "REQDADM: Privileged
 * users must supply a valid user ID and password, but non-privileged users are treated as with the OPTIONAL setting";
 * REQUIRED: "All client applications must provide a valid user ID and password";
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-define-authinfo). Whether the id a client asserts is privileged
 * is decided on the queue manager's host.
 */
const MAPPED_PASSWORD = {
  all: ours(', once the client gives a valid user id and password (CHCKCLNT(REQUIRED))'),
  admin: ours(
    ', once the client gives the password of the user id it asserts when that id is privileged (CHCKCLNT(REQDADM): privileged users must give a valid password, others only one they send is checked)',
  ),
};

export default defineRule({
  meta: {
    id: 'mq/channel-runs-as-admin',
    description:
      'Report inbound channels (SVRCONN, RCVR, RQSTR, CLUSRCVR, AMQP) through which an administrative identity (mqm) can connect',
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      asserted:
        "{{chltype}} channel {{channel}} runs with the user id the client asserts and nothing refuses administrators: a client that says it is mqm{{password}} gets full control of the queue manager{{secret}}. Result: {{result}}{{assumed}}. Set MCAUSER to a low-privilege user or map clients with CHLAUTH, and keep the default SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN')",
      messageChannel:
        "{{chltype}} channel {{channel}} has no MCAUSER, so its MCA runs as the queue manager's own user (mqm): any partner that connects{{secret}} can put to every queue, SYSTEM.ADMIN.COMMAND.QUEUE included. Result: {{result}}{{assumed}}. Set MCAUSER to a user with only the put authority the partner needs, or map partners with SET CHLAUTH TYPE(QMGRMAP|SSLPEERMAP) USERSRC(MAP)",
      exitUnknown:
        '{{chltype}} channel {{channel}} names the security exit {{exit}}: the exit decides who connects and as whom, which the tree does not show, so lint-deploy cannot tell whether administrators get in. Without it the channel would admit: {{result}}. If the exit maps every peer to a low-privilege user, set that user as MCAUSER too so the definition says so',
      mapped:
        '{{chltype}} channel {{channel}} runs as the administrative user {{user}}{{secret}}{{password}}. Result: {{result}}{{assumed}}. Map the channel to a low-privilege user',
      // Without the object authority manager (MQSNOAUT) no authority is checked: a low-privilege user id has every
      // authority too, so MCAUSER alone changes nothing (mq/oam-disabled reports the queue manager).
      assertedWithoutOam:
        "{{chltype}} channel {{channel}} runs with the user id the client asserts, on a queue manager created without the object authority manager (MQSNOAUT): no authority is ever checked, so a client that connects{{secret}} gets full control of the queue manager, whether it says it is mqm or any other user. Result: {{result}}{{assumed}}. With the object authority manager (MQSNOAUT removed): {{after}}. A low-privilege MCAUSER or CHLAUTH mapping changes nothing while no authority is checked: remove MQSNOAUT and recreate the queue manager (see mq/oam-disabled), then set MCAUSER to a low-privilege user or map clients with CHLAUTH, and keep the default SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN')",
      messageChannelWithoutOam:
        "{{chltype}} channel {{channel}} has no MCAUSER, so its MCA runs as the queue manager's own user (mqm): any partner that connects{{secret}} can put to every queue, SYSTEM.ADMIN.COMMAND.QUEUE included. Result: {{result}}{{assumed}}. With the object authority manager (MQSNOAUT removed): {{after}}. The queue manager is created without the object authority manager (MQSNOAUT), so no authority is ever checked and an MCAUSER would change nothing: remove MQSNOAUT and recreate the queue manager (see mq/oam-disabled), then set MCAUSER to a user with only the put authority the partner needs, or map partners with SET CHLAUTH TYPE(QMGRMAP|SSLPEERMAP) USERSRC(MAP)",
      mappedWithoutOam:
        '{{chltype}} channel {{channel}} runs as the administrative user {{user}}{{secret}}. Result: {{result}}{{assumed}}. With the object authority manager (MQSNOAUT removed): {{after}}. The queue manager is created without the object authority manager (MQSNOAUT), so every other user id has the same authority: remove MQSNOAUT and recreate the queue manager (see mq/oam-disabled), then map the channel to a low-privilege user',
    },
    defaultOptions: {},
    symptoms: ['AMQ9776', 'AMQ9777', 'MQRC_NOT_AUTHORIZED', 'RC=2035', 'Channel was blocked'],
    // Words of the messages built here: a tree's password that is the word `password` is not masked inside them.
  },
  check(ctx) {
    for (const { channel, access, doc, input } of inboundAccess(ctx.deployment)) {
      if (access.exit && !access.tls.unknown && access.paths.some((p) => p.admin && p.identity.kind !== 'blocked')) {
        ctx.report({
          messageId: 'exitUnknown',
          data: {
            chltype: access.chltype,
            channel: access.channel,
            exit: access.exit.value,
            result: describePaths(access).join('; '),
          },
          location: access.exit.from.kind === 'file' ? access.exit.from.location : channel.nameLocation,
          related: [{ ...channel.nameLocation, message: said`${access.chltype} channel ${access.channel}` }],
          severity: 'info',
          fingerprint: [access.channel, access.chltype, 'exit'],
        });
        continue;
      }
      if (access.exit || access.tls.unknown || tlsRuleOwns(access)) continue;
      const path = access.paths.find((p) => p.admin && p.identity.kind !== 'blocked');
      if (!path) continue;
      const secret = access.adminWithoutSecret
        ? WITHOUT_SECRET
        : access.tls.certificateRequired
          ? ours(' with a trusted certificate')
          : '';
      // CONNAUTH checks the asserted administrator's password on this way in: claiming mqm is not enough, knowing its password is.
      const password =
        !access.adminWithoutSecret &&
        !access.tls.certificateRequired &&
        (path.password === 'all' || path.password === 'admin')
          ? GIVES_PASSWORD
          : '';
      const mappedPassword =
        path.identity.kind === 'fixed' &&
        !access.tls.certificateRequired &&
        (path.password === 'all' || path.password === 'admin')
          ? MAPPED_PASSWORD[path.password]
          : path.identity.kind === 'fixed' &&
              path.password === 'unknown' &&
              path.record?.type === 'USERMAP' &&
              access.connauth.chckclnt?.value.trim().toUpperCase() === 'REQDADM'
            ? said` when the client asserts ${path.record.attributes.CLNTUSER ?? ''}; whether it must also give that user's password is unknown: CHCKCLNT(REQDADM) asks for one only when the asserted id is privileged on the queue manager's host`
            : '';
      const data = {
        password: path.identity.kind === 'fixed' ? mappedPassword : password,
        chltype: access.chltype,
        channel: access.channel,
        result: resultText(access),
        assumed: assumption(access),
        secret,
        user: path.identity.user ?? '',
      };
      const location =
        path.identity.kind === 'fixed' && path.identity.from?.kind === 'file'
          ? path.identity.from.location
          : channel.nameLocation;
      const kind =
        path.identity.kind === 'mca' ? 'messageChannel' : path.identity.kind === 'fixed' ? 'mapped' : 'asserted';
      const withoutOam = withoutAuthorityManager(ctx.deployment, doc);
      // Without the OAM every channel gives full control, which mq/oam-disabled reports once for the queue manager: the
      // severity is the one this channel keeps once MQSNOAUT is removed (its CONNAUTH checks passwords again), so an
      // error stays only where an administrator still gets in without a secret.
      const judged = withoutOam ? accessWithAuthorityManager(ctx.deployment, doc, input) : access;
      const stillAdmin = judged?.paths.some((p) => p.admin && p.identity.kind !== 'blocked');
      // On the developer image (development only) an administrator let in is a developer's queue manager left open.
      const judgedSeverity = developerSeverity(
        ctx.deployment,
        doc,
        !judged || !stillAdmin ? 'info' : confidentAdminWithoutSecret(judged) ? 'error' : 'warning',
        withoutOam ? withPlace(relatedFor(access, location), withoutOam) : relatedFor(access, location),
      );
      ctx.report({
        messageId: withoutOam ? `${kind}WithoutOam` : kind,
        data: withoutOam ? { ...data, after: judged ? resultText(judged) : 'unknown' } : data,
        location,
        ...(location === channel.nameLocation ? nameRole(access, channel) : {}),
        ...judgedSeverity,
        fingerprint: [access.channel, access.chltype, 'admin'],
      });
    }
  },
});
