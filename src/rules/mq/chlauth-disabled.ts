import { mqscScriptsOf } from '../../model/mq-scripts';
import { chlauthState } from '../../model/mq-chlauth';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  channelList,
  confidentAdminWithoutSecret,
  developerSeverity,
  openedBy,
  channelRelated,
  withoutAuthorityManager,
} from './_lib/access';
import { relativePosix } from '../../core/posix-path';

export default defineRule({
  meta: {
    id: 'mq/chlauth-disabled',
    description:
      'Report ALTER QMGR CHLAUTH(DISABLED): every channel authentication record stops applying, the default blocks of SYSTEM.* channels and of administrators included',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      disabled:
        "ALTER QMGR CHLAUTH(DISABLED) switches off every channel authentication record, including the defaults that refuse SYSTEM.* channels and administrators (*MQADMIN). Opened: {{channels}}. Keep CHLAUTH(ENABLED) and admit what you need with specific records (SET CHLAUTH('APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.1.*') USERSRC(CHANNEL))",
    },
    defaultOptions: {},
    symptoms: ['AMQ9776', 'AMQ9777', 'MQRC_NOT_AUTHORIZED', 'RC=2035', 'Channel was blocked'],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      const state = chlauthState(mqsc.data.objects, mqsc.file.path);
      if (state.value !== 'DISABLED' || state.from.kind !== 'file') continue;
      const opened = openedBy(ctx.deployment, mqsc, { chlauthDefault: true });
      if (opened.length === 0) continue;
      const location = state.from.location;
      // Under MQSNOAUT no password is checked on any channel, which mq/oam-disabled reports once: the error is judged
      // as the queue manager decides with its object authority manager (CONNAUTH checks passwords again), and the
      // MQSNOAUT setting is named as context.
      const noOam = withoutAuthorityManager(ctx.deployment, mqsc);
      const supportsError = ({ input, access }: (typeof opened)[number]) => {
        const judged = noOam ? accessWithAuthorityManager(ctx.deployment, mqsc, input) : access;
        return Boolean(input.attributes) && !!judged && confidentAdminWithoutSecret(judged);
      };
      // A shipped SYSTEM.DEF.* channel the script never touches is opened whatever the script's channels are called:
      // then those only decide the error. With no SET CHLAUTH of the script's own, CHLAUTH(ENABLED) would apply IBM's
      // default records only, whose SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') keeps administrators out of
      // every channel whatever its name: a channel that lets an administrator in now is opened whatever a template
      // calls it. Any other channel is opened for its name (SYSTEM.* is refused by default): the name decides.
      const shippedOpened = opened.some(({ input }) => !input.attributes);
      const ownRecords = mqsc.data.commands.some((c) => c.verb === 'SET' && c.noun === 'CHLAUTH');
      const nameDecides = ({ access }: (typeof opened)[number]) =>
        ownRecords ||
        !access.paths.some((p) => p.admin && (p.identity.kind === 'client' || p.identity.kind === 'fixed'));
      const error = opened.some(supportsError);
      const related = channelRelated(opened, (item) =>
        (error && supportsError(item)) || !shippedOpened ? nameDecides(item) : false,
      );
      ctx.report({
        messageId: 'disabled',
        data: { channels: channelList(opened) },
        location,
        ...developerSeverity(
          ctx.deployment,
          mqsc,
          error ? 'error' : 'warning',
          noOam ? [...related, { ...noOam, role: 'context' as const }] : related,
        ),
        // The file relative to the deployment: a baseline recorded in one checkout matches in another.
        fingerprint: [relativePosix(ctx.deployment.root, mqsc.file.path), 'CHLAUTH(DISABLED)'],
      });
    }
  },
});
