import { oneEditApart } from '../../core/edit-distance';
import { mqInboundChannelType } from '../../knowledge';
import {
  chlauthProfileMatches,
  chlauthState,
  hasPlaceholder,
  MAPPING_TYPES,
  matchesEveryAddress,
  paramLocation,
} from '../../model/mq-chlauth';
import { mqscScriptsOf } from '../../model/mq-scripts';
import type { MqscChannel, MqscChlauthRecord } from '../../parse/mqsc';
import { said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';
import { defineRule } from '../types';
import { definedInScript } from './_lib/chlauth';

/** IBM MQ reserves SYSTEM.* names for the objects every queue manager ships: a profile naming one names a channel. */
const SHIPPED = /^SYSTEM\./i;

export default defineRule({
  meta: {
    id: 'mq/chlauth-profile-matches-no-channel',
    description:
      'Report a channel authentication record whose exact profile names no channel of the MQSC script that defines its channels, when exactly one channel it defines differs from the profile by one letter: the records never apply to that channel',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      nearMiss:
        'CHLAUTH profile {{profile}} ({{records}}) names no channel this script defines, and {{channel}}, which it defines ({{where}}), differs from it by one letter: if the records are meant for {{channel}}, they never apply to it, and the channel gets only the records of generic profiles that match it. Correct the profile or the channel name',
      nearMissBlocked:
        'CHLAUTH profile {{profile}} ({{records}}) names no channel this script defines, and {{channel}}, which it defines ({{where}}), differs from it by one letter: if the records are meant for {{channel}}, they never apply to it, and the back-stop {{backstop}} refuses every connection to {{channel}} (AMQ9777, the client gets MQRC_NOT_AUTHORIZED 2035). Correct the profile or the channel name',
    },
    defaultOptions: {},
    symptoms: ['AMQ9777', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
  },
  check(ctx) {
    for (const script of mqscScriptsOf(ctx.deployment)) {
      const channels = [...script.data.objects.channels.values()].filter((c) => !c.deleted);
      const defined = channels.filter(definedInScript);
      // Channels the script only alters, or whose names are template values, come from elsewhere: unknown.
      const elsewhere = channels.some((c) => (!definedInScript(c) && !SHIPPED.test(c.name)) || hasPlaceholder(c.name));
      if (defined.length === 0 || elsewhere) continue;
      const byProfile = new Map<string, MqscChlauthRecord[]>();
      for (const record of script.data.objects.chlauth) {
        const profile = record.profile;
        if (!record.type || record.profileParam.templated || hasPlaceholder(profile)) continue;
        if (profile.includes('*') || SHIPPED.test(profile)) continue;
        byProfile.set(profile.toUpperCase(), [...(byProfile.get(profile.toUpperCase()) ?? []), record]);
      }
      for (const [upper, records] of byProfile) {
        if (channels.some((c) => c.name.toUpperCase() === upper)) continue;
        // CHLAUTH records apply to the channels a partner starts (SVRCONN, RCVR, RQSTR, CLUSRCVR).
        const near = defined.filter(
          (c) => c.chltype && mqInboundChannelType(c.chltype) && oneEditApart(c.name.toUpperCase(), upper),
        );
        if (near.length !== 1) continue;
        const channel = near[0]!.name;
        const enabled = chlauthState(script.data.objects, script.file.path).value === 'ENABLED';
        // Only where nothing else lets the channel in: no other mapping record of the script matches it.
        const mappings = script.data.objects.chlauth.filter(
          (r) => MAPPING_TYPES.includes(r.type ?? '') && chlauthProfileMatches(r.profile, channel),
        );
        const templated = script.data.objects.chlauth.some(
          (r) => r.profileParam.templated || hasPlaceholder(r.profile),
        );
        const backstop =
          enabled && !templated && mappings.every((r) => refusesEveryone(r, channel)) ? mappings[0] : undefined;
        report(script.file.path, records, near[0]!, backstop);
      }
    }

    function report(
      file: string,
      records: MqscChlauthRecord[],
      channel: MqscChannel,
      backstop: MqscChlauthRecord | undefined,
    ): void {
      const [first] = records;
      if (!first) return;
      const location = paramLocation(file, first.profileParam);
      const channelAt = paramLocation(file, channel.nameParam);
      ctx.report({
        messageId: backstop ? 'nearMissBlocked' : 'nearMiss',
        data: {
          profile: first.profile,
          records: records.map((r) => `TYPE(${r.type ?? ''})`).join(', '),
          channel: channel.name,
          where: `${relativePosix(ctx.deployment.root, channelAt.file)}:${(channelAt.range?.start.line ?? 0) + 1}`,
          ...(backstop
            ? { backstop: said`SET CHLAUTH('${backstop.profile}') TYPE(ADDRESSMAP) USERSRC(NOACCESS)` }
            : {}),
        },
        location,
        related: [
          { ...channelAt, message: said`DEFINE CHANNEL(${channel.name})` },
          ...(backstop
            ? [{ ...paramLocation(file, backstop.profileParam), message: said`back-stop ${backstop.profile}` }]
            : []),
          ...records
            .slice(1)
            .map((r) => ({ ...paramLocation(file, r.profileParam), message: said`TYPE(${r.type ?? ''})` })),
        ],
        fingerprint: [relativePosix(ctx.deployment.root, location.file), first.profile.toUpperCase(), channel.name],
      });
    }
  },
});

/** A generic ADDRESSMAP USERSRC(NOACCESS) record for every address whose profile matches the channel. */
function refusesEveryone(record: MqscChlauthRecord, channel: string): boolean {
  const attribute = (k: string) => record.attributes.get(k)?.value?.toUpperCase();
  return (
    record.type === 'ADDRESSMAP' &&
    record.profile.includes('*') &&
    attribute('USERSRC') === 'NOACCESS' &&
    matchesEveryAddress(record.attributes.get('ADDRESS')?.value) &&
    chlauthProfileMatches(record.profile, channel)
  );
}
