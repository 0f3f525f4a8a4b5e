import { mqInboundChannelType } from '../../knowledge';
import { defineRule } from '../types';
import { channelStory, serverChannels } from './_lib/shared';
import { definedInScript } from './_lib/chlauth';
import { uncertainPlaces } from '../../model/mq-channel-access';
import { accessOf, inputOf, nameRole, refusedToEveryone, storyRole } from './_lib/access';

export default defineRule({
  meta: {
    id: 'mq/channel-without-tls',
    description:
      'Warn about inbound channels (SVRCONN, RCVR, RQSTR, CLUSRCVR, MQTT) defined without SSLCIPH: traffic and user ids flow in clear, passwords at best under MQCSP password protection (AMQP: mq/amqp-channel-without-tls)',
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      // Passwords: MQCSP password protection when both ends run MQ 8.0 or later (Java and JMS clients only in MQCSP
      // authentication mode), a scheme IBM calls simpler but not as secure as TLS; plaintext otherwise
      // (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.sec.doc/q118710_.html).
      plaintext:
        '{{chltype}} channel {{channel}} has no SSLCIPH: anyone who can reach the listener talks to it in plaintext, and messages and user ids flow unencrypted; passwords are at best obscured by MQCSP password protection (where both ends support it, Java clients only in MQCSP mode; not as secure as TLS, IBM says) and sent in plaintext otherwise. Set SSLCIPH (e.g. ANY_TLS12_OR_HIGHER) with a queue manager certificate, or block the channel with CHLAUTH',
      // MQTT's CONNECT packet carries the user name and password as written: MQCSP protection is MQI's alone.
      plaintextMqtt:
        '{{chltype}} channel {{channel}} has no SSLCIPH: anyone who can reach the listener talks to it in plaintext, and the user names and passwords of MQTT CONNECT flow unencrypted. Set SSLCIPH (e.g. ANY_TLS12_OR_HIGHER) with a queue manager certificate, or block the channel with CHLAUTH',
      // A queue manager channel carries no user id or password of a client (its MCA runs as the queue manager's user).
      plaintextQmgr:
        '{{chltype}} channel {{channel}} has no SSLCIPH: anyone who can reach the listener can start it as a partner queue manager and send messages, and the messages flow unencrypted. Set SSLCIPH (e.g. ANY_TLS12_OR_HIGHER) here and on the partner channel, with queue manager certificates, or block the channel with CHLAUTH',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { component: c, channel: a } of serverChannels(ctx.deployment)) {
      if (!a.mqscChannel || !definedInScript(a.mqscChannel) || a.channelName.startsWith('SYSTEM.')) continue;
      if (a.chltype === 'AMQP') continue; // mq/amqp-channel-without-tls
      const trptype = a.mqscChannel.attributes.get('TRPTYPE')?.value?.toUpperCase();
      if (trptype && trptype !== 'TCP') continue;
      if (a.sslciph && (a.sslciph.value.trim() || a.sslciph.templated)) continue;
      // Blocked with CHLAUTH, as the message advises: no peer gets to talk to it (AMQ9777 for every connection).
      const input = inputOf(a);
      const access = input && a.qmgr?.mqsc ? accessOf(ctx.deployment, a.qmgr.mqsc, input) : undefined;
      if (access && refusedToEveryone(access)) continue;
      const location = a.sslciph?.location ?? a.nameLocation;
      ctx.report({
        messageId:
          mqInboundChannelType(a.chltype)?.blankMcauser === 'mca'
            ? 'plaintextQmgr'
            : a.chltype === 'MQTT'
              ? 'plaintextMqtt'
              : 'plaintext',
        data: { chltype: a.chltype, channel: a.channelName },
        location,
        ...(location === a.nameLocation ? nameRole(access, a) : {}),
        // Where the channel is defined and last altered, and an ALTER that would have set SSLCIPH but fails.
        related: [
          ...storyRole(access, channelStory(a, location)),
          // A templated record refusing access (USERSRC(NOACCESS)) that may match the channel may block it after all.
          ...(access ? uncertainPlaces(access, (r) => r.attributes.USERSRC === 'NOACCESS') : []),
        ],
        fingerprint: [c.id, 'no-tls'],
      });
    }
  },
});
