import { mqscScriptsOf } from '../../model/mq-scripts';
import { defineRule } from '../types';
import {
  accessOf,
  accessWithAuthorityManager,
  assumption,
  confidentAdminWithoutSecret,
  documentChannels,
  relatedFor,
  resultText,
  withoutAuthorityManager,
} from './_lib/access';

export default defineRule({
  meta: {
    id: 'mq/amqp-channel-without-tls',
    description:
      'Report AMQP channels that admit clients without SSLCIPH: SASL PLAIN passwords and messages cross the network in clear',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      plaintext:
        "AMQP channel {{channel}} has no SSLCIPH and admits clients ({{result}}){{assumed}}: SASL PLAIN user ids and passwords and every message cross the network in clear. Set SSLCIPH(ANY_TLS12_OR_HIGHER) on the channel (the queue manager's key repository provides the certificate) and connect with amqps://",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      // The tree's AMQP channels, and the shipped SYSTEM.DEF.AMQP when the script talks about AMQP.
      for (const input of documentChannels(mqsc).filter((c) => c.chltype === 'AMQP')) {
        const access = accessOf(ctx.deployment, mqsc, input);
        if (!access || access.exit || access.tls.unknown || access.tls.enabled || access.blockAll) continue;
        const open = access.paths.filter((p) => p.identity.kind !== 'blocked');
        if (open.length === 0) continue;
        // A shipped SYSTEM.DEF.AMQP the tree never names matters only when a record of the tree admits it.
        const admittedBy = open.find((p) => p.record?.from.kind === 'file')?.record;
        if (!input.attributes && !admittedBy) continue;
        const location = input.location ?? (admittedBy!.from.kind === 'file' ? admittedBy!.from.location : undefined);
        if (!location) continue;
        // An administrator without a secret only because no password is checked under MQSNOAUT is mq/oam-disabled's
        // finding: the error is judged as with the object authority manager.
        const judged = withoutAuthorityManager(ctx.deployment, mqsc)
          ? accessWithAuthorityManager(ctx.deployment, mqsc, input)
          : access;
        ctx.report({
          messageId: 'plaintext',
          data: { channel: input.name, result: resultText(access), assumed: assumption(access) },
          location,
          related: relatedFor(access, location),
          severity: input.attributes && confidentAdminWithoutSecret(judged ?? access) ? 'error' : 'warning',
          fingerprint: [mqsc.file.path, input.name, 'amqp-plaintext'],
        });
      }
    }
  },
});
