import { isMqChannel } from '../../model/types';
import type { MqQueueManagerFacts } from '../../model/attributes';
import { defineRule } from '../types';
import {
  accessOf,
  channelList,
  channelRelated,
  developerSeverity,
  documentChannels,
  nameDecidesAccess,
} from './_lib/access';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

const ANYONE = ours(', and a client gets in without a certificate or a password');

export default defineRule({
  meta: {
    id: 'mq/oam-disabled',
    description:
      'Report a queue manager created with MQSNOAUT set (IBM MQ container environment): no object authority manager, so every user id a channel runs as may do anything',
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      disabled:
        'MQSNOAUT={{value}}: a queue manager created with it runs without the object authority manager, so no authority check is ever made: every user id a channel runs as may put, get and delete on every queue and administer the queue manager (SYSTEM.ADMIN.COMMAND.QUEUE){{anyone}}. Client channels: {{channels}}. Remove MQSNOAUT (it only applies when the queue manager is created: recreate it) and grant each application only what it needs with SET AUTHREC',
    },
    defaultOptions: {},
    symptoms: [],
    // Words of the message built here: a tree's password that is the word `password` is not masked inside them.
  },
  check(ctx) {
    const seen = new Set<MqQueueManagerFacts>();
    for (const component of ctx.deployment.components) {
      if (!isMqChannel(component)) continue;
      const qmgr = component.attributes.qmgr;
      if (!qmgr?.oamSwitchedOff || seen.has(qmgr)) continue;
      seen.add(qmgr);
      const mqsc = qmgr.mqsc;
      const clients = documentChannels(mqsc)
        .filter((input) => input.attributes && (input.chltype === 'SVRCONN' || input.chltype === 'AMQP'))
        .flatMap((input) => {
          const access = accessOf(ctx.deployment, mqsc, input);
          return access && !access.exit && !access.blockAll && access.paths.some((p) => p.identity.kind !== 'blocked')
            ? [{ input, access }]
            : [];
        });
      // A way in that needs neither a certificate nor a password, from what the tree states: anyone who reaches the
      // listener gets every authority. Not where a record may match a templated name (`unless SET CHLAUTH('SYSTEM.*')
      // … matches $CHANNEL`): MQSNOAUT alone then makes the warning.
      const opensToAnyone = ({ access }: (typeof clients)[number]) =>
        access.assumed.length === 0 &&
        access.uncertain.length === 0 &&
        access.paths.some(
          (p) =>
            p.identity.kind !== 'blocked' &&
            !p.needsCertificate &&
            (p.password === 'none' || (p.password === 'admin' && !p.admin)),
        );
      const anyone = clients.some(opensToAnyone);
      ctx.report({
        messageId: 'disabled',
        data: {
          value: qmgr.oamSwitchedOff.value,
          anyone: anyone ? ANYONE : '',
          channels: clients.length ? channelList(clients) : ours('none admitted in the tree'),
        },
        location: qmgr.oamSwitchedOff.location,
        // MQSNOAUT alone makes the warning: the channels are examples of who gets every authority, and no other name
        // of theirs could give the queue manager its authority checks back. Only a channel that lets anyone in decides
        // (the error), and its name only where CHLAUTH records match it by name.
        ...developerSeverity(ctx.deployment, mqsc, anyone ? 'error' : 'warning', [
          ...(clients.length
            ? channelRelated(clients, (client) => opensToAnyone(client) && nameDecidesAccess(client.access))
            : [
                {
                  ...component.attributes.nameLocation,
                  message: said`channel ${component.attributes.channelName} of this queue manager`,
                  role: 'context' as const,
                },
              ]),
          // How the variable reaches this queue manager, when a script elsewhere runs the MQSC in the container.
          ...(qmgr.oamSwitchedOff.tiedBy ? [qmgr.oamSwitchedOff.tiedBy] : []),
          // The Compose service's env_file item, when the variable is written in that env file.
          ...(qmgr.oamSwitchedOff.readBy ? [qmgr.oamSwitchedOff.readBy] : []),
        ]),
        fingerprint: [relativePosix(ctx.deployment.root, qmgr.oamSwitchedOff.location.file), 'MQSNOAUT'],
      });
    }
  },
});
