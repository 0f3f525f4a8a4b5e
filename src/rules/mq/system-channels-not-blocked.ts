import type { RuleRelated } from '../types';
import type { MqscParam } from '../../parse/mqsc';
import { chlauthProfileMatches, paramLocation } from '../../model/mq-chlauth';
import { removesRecord } from '../../model/mq-chlauth-records';
import { mqDefaultChlauthRecords } from '../../knowledge';
import { mqscScriptsOf } from '../../model/mq-scripts';
import type { Location } from '../../core/types';
import { defineRule } from '../types';
import { chlauthDisabled, chlauthFor, isBlockingMcauser, userSource } from './_lib/chlauth';
import { said } from '../../core/phrase';

const SYSTEM_CHANNELS = ['SYSTEM.DEF.SVRCONN', 'SYSTEM.AUTO.SVRCONN'];

export default defineRule({
  meta: {
    id: 'mq/system-channels-not-blocked',
    description:
      'Require SYSTEM.DEF.* / SYSTEM.AUTO.* channels to stay blocked (CHLAUTH enabled and not overridden, or a non-existent MCAUSER)',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      opened:
        "SET CHLAUTH('{{profile}}') USERSRC({{usersrc}}) opens {{channels}}, which IBM MQ blocks by default: unused default channels become an entry point. Remove the rule or set MCAUSER('no!body') / USERSRC(NOACCESS) for them",
      removed:
        "SET CHLAUTH('{{profile}}') ACTION({{action}}) removes the default rule that blocks SYSTEM.* channels ({{channels}}). Keep it, or block them with MCAUSER('no!body')",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      const { objects, commands } = mqsc.data;
      const open = SYSTEM_CHANNELS.filter(
        (name) => !isBlockingMcauser(objects.channels.get(name)?.attributes.get('MCAUSER')?.value),
      );
      if (open.length === 0) continue;
      const loc = (p: MqscParam): Location => paramLocation(mqsc.file.path, p);
      const rel: RuleRelated[] = open.flatMap((n) => {
        const ch = objects.channels.get(n);
        return ch ? [{ ...loc(ch.nameParam), message: said`${n} defined here without a blocking MCAUSER` }] : [];
      });
      // ALTER QMGR CHLAUTH(DISABLED) is reported by mq/chlauth-disabled, with every channel it opens.
      if (chlauthDisabled(objects)) continue;
      for (const name of open) {
        const first = chlauthFor(objects, name).find((r) => r.profile !== '*');
        const src = first ? (userSource(first) ?? 'MAP') : undefined;
        if (
          first &&
          (src === 'CHANNEL' || src === 'MAP') &&
          first.type !== 'BLOCKUSER' &&
          first.type !== 'BLOCKADDR' &&
          first.profile.startsWith('SYSTEM.')
        ) {
          ctx.report({
            messageId: 'opened',
            data: { profile: first.profile, usersrc: src, channels: name },
            location: loc(first.profileParam),
            related: rel,
            fingerprint: [mqsc.file.path, first.profile, name],
          });
        }
      }
      // Only a removal of a default record that refuses these channels: one of profile '*' (the *MQADMIN block) keeps
      // the SYSTEM.* record, which is kept under its own profile.
      const blockers = mqDefaultChlauthRecords().filter((r) => r.attributes.USERSRC?.toUpperCase() === 'NOACCESS');
      for (const command of commands) {
        const removed = blockers.filter((r) => removesRecord(command, r));
        const channels = open.filter((name) => removed.some((r) => chlauthProfileMatches(r.profile, name)));
        if (!command.name || channels.length === 0) continue;
        const action = command.params.find((p) => p.keyword === 'ACTION')?.value?.toUpperCase() ?? 'REMOVE';
        ctx.report({
          messageId: 'removed',
          data: { profile: command.name.value ?? '', action, channels: channels.join(', ') },
          location: loc(command.name),
          fingerprint: [mqsc.file.path, command.name.value ?? '', action],
        });
      }
    }
  },
});
