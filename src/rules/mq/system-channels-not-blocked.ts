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
import { withoutAuthorityManager, withPlace } from './_lib/access';

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
      openedWithoutOam:
        "SET CHLAUTH('{{profile}}') USERSRC({{usersrc}}) opens {{channels}}, which IBM MQ blocks by default: unused default channels become an entry point, and on this queue manager, created without the object authority manager (MQSNOAUT), whoever uses them may do anything. An MCAUSER('no!body') blocks nothing there (no authority is checked): remove the rule or block them with USERSRC(NOACCESS)",
      removedWithoutOam:
        "SET CHLAUTH('{{profile}}') ACTION({{action}}) removes the default rule that blocks SYSTEM.* channels ({{channels}}) on a queue manager created without the object authority manager (MQSNOAUT), where an MCAUSER('no!body') blocks nothing (no authority is checked): keep the rule, or block them with SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)",
      // The channels carry MCAUSER('no!body'), which shuts them once MQSNOAUT is removed: MQSNOAUT alone opens them,
      // and mq/oam-disabled reports that cause once for the queue manager.
      openedOnlyWithoutOam:
        "SET CHLAUTH('{{profile}}') USERSRC({{usersrc}}) opens {{channels}}, whose MCAUSER('no!body') keeps it shut only with the object authority manager; this queue manager is created without it (MQSNOAUT, see mq/oam-disabled), so no authority is checked and the channel runs open. Removing MQSNOAUT (and recreating the queue manager) shuts it again; to block it whatever the authority manager, use USERSRC(NOACCESS)",
      removedOnlyWithoutOam:
        "SET CHLAUTH('{{profile}}') ACTION({{action}}) removes the default rule that blocks SYSTEM.* channels ({{channels}}); their MCAUSER('no!body') keeps them shut only with the object authority manager, and this queue manager is created without it (MQSNOAUT, see mq/oam-disabled), so they run open. Removing MQSNOAUT (and recreating the queue manager) shuts them again; to block them whatever the authority manager, keep the rule",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      const { objects, commands } = mqsc.data;
      // MCAUSER('no!body') blocks only because the object authority manager finds no such user to authorise; a queue
      // manager created without it (MQSNOAUT) checks no authority, so the channel runs open. CHLAUTH records still
      // block there: the queue manager applies them when the channel starts (AMQ9777, MQRC_CHANNEL_BLOCKED), before
      // and apart from any authority check.
      const noOam = withoutAuthorityManager(ctx.deployment, mqsc);
      const noBody = (name: string) => isBlockingMcauser(objects.channels.get(name)?.attributes.get('MCAUSER')?.value);
      const open = SYSTEM_CHANNELS.filter((name) => noOam || !noBody(name));
      if (open.length === 0) continue;
      // Judged as with the object authority manager: a channel MCAUSER('no!body') shuts there is open only because of
      // MQSNOAUT (mq/oam-disabled's finding), said at a lower severity with that reason; MQSNOAUT is then what decides,
      // and where the channels stay open without it, it is context.
      const onlyWithoutOam = (names: string[]) => !!noOam && names.every(noBody);
      const loc = (p: MqscParam): Location => paramLocation(mqsc.file.path, p);
      const placesOf = (names: string[], judgedNames = names): RuleRelated[] => {
        const channelPlaces = names.flatMap((n) => {
          const ch = objects.channels.get(n);
          const mcauser = ch?.attributes.get('MCAUSER')?.value;
          if (!ch) return [];
          const message =
            noOam && isBlockingMcauser(mcauser)
              ? said`${n} defined here with MCAUSER(${mcauser ?? ''}), which blocks nothing without the object authority manager`
              : said`${n} defined here without a blocking MCAUSER`;
          return [{ ...loc(ch.nameParam), message }];
        });
        if (!noOam) return channelPlaces;
        return withPlace(channelPlaces, onlyWithoutOam(judgedNames) ? noOam : { ...noOam, role: 'context' });
      };
      const judged = (names: string[], kind: 'opened' | 'removed') =>
        !noOam
          ? { messageId: kind }
          : onlyWithoutOam(names)
            ? { messageId: `${kind}OnlyWithoutOam` as const, severity: 'info' as const }
            : { messageId: `${kind}WithoutOam` as const };
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
            ...judged([name], 'opened'),
            data: { profile: first.profile, usersrc: src, channels: name },
            location: loc(first.profileParam),
            related: placesOf(open, [name]),
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
          ...judged(channels, 'removed'),
          data: { profile: command.name.value ?? '', action, channels: channels.join(', ') },
          location: loc(command.name),
          ...(noOam && { related: placesOf(open, channels) }),
          fingerprint: [mqsc.file.path, command.name.value ?? '', action],
        });
      }
    }
  },
});
