import { ours, said, Phrase } from '../../core/phrase';
import { chlauthState, matchesEveryAddress } from '../../model/mq-chlauth';
import { sameStart } from '../../core/types';
import { commandLocation, mqscScriptsOf } from '../../model/mq-scripts';
import type { MqscCommand, MqscData } from '../../parse/mqsc';
import type { ParsedDocument } from '../../parse/types';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  chlauthRecordsOf,
  documentChannels,
  resultText,
  withoutAuthorityManager,
} from './_lib/access';

const same = (a: string | undefined, b: string) => a !== undefined && a.toUpperCase() === b.toUpperCase();

/** A command of the tree's own MQSC (not one the image applies) on the channel or on CHLAUTH records of its name. */
const changedByTree = (script: ParsedDocument<MqscData>, channel: string): MqscCommand | undefined =>
  script.data.commands.find(
    (c) => !c.origin && (c.noun === 'CHANNEL' || c.noun === 'CHLAUTH') && same(c.name?.value, channel),
  );

/** TLS on an image channel in words: none, the image's 20-dev-tls.mqsc values, or unknown (a key may be mounted). */
function tlsOf(script: ParsedDocument<MqscData>, channel: string): Phrase {
  const sslciph = script.data.objects.channels.get(channel)?.attributes.get('SSLCIPH');
  if (sslciph?.templated)
    return ours('TLS only when a key is mounted in /etc/mqm/pki/keys, which the tree does not show');
  return sslciph?.value?.trim() ? said`TLS with SSLCIPH(${sslciph.value.trim()})` : ours('no TLS');
}

export default defineRule({
  meta: {
    id: 'mq/developer-image-channels',
    description:
      "Say once per queue manager what IBM MQ's developer image configures itself (its 10-dev.mqsc channels, CHLAUTH back-stop and CONNAUTH) when the tree runs its MQSC through that image, and what to do for anything but development",
    severity: 'info',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      developerConfiguration:
        "The developer image configures this queue manager itself ({{script}}): {{channels}}{{backstop}}{{noOam}}. That is meant for a developer's machine, and the tree writes none of it. For anything else, set MQ_DEV=false (the image then applies none of it) and define the channels, CHLAUTH records and CONNAUTH you need in your own MQSC{{changed}}",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const script of mqscScriptsOf(ctx.deployment)) {
      const image = script.data.commands.filter((c) => c.origin);
      const first = image[0];
      if (!first?.origin) continue;
      const place = commandLocation(script, first);
      const imageChannels = [...script.data.objects.channels.values()].filter((c) => !c.deleted && c.definedBy?.origin);
      const inputs = documentChannels(script);
      const described: Phrase[] = [];
      const changed: Phrase[] = [];
      for (const channel of imageChannels) {
        const input = inputs.find((i) => i.name === channel.name);
        // As the image configures them, with the object authority manager: under MQSNOAUT no password is checked
        // whatever its records say, which the note says once (and mq/oam-disabled reports), not per channel.
        const access = input && accessWithAuthorityManager(ctx.deployment, script, input);
        if (!input || !access) continue;
        // The tree's MQSC changes the channel, its records, or a setting its access rests on (CHLAUTH, CONNAUTH).
        if (changedByTree(script, channel.name) || access.deciding.some((l) => !sameStart(l, place))) {
          changed.push(said`${channel.name}`);
          continue;
        }
        described.push(said`${channel.name} (${tlsOf(script, channel.name)}; ${resultText(access)})`);
      }
      const enabled = chlauthState(script.data.objects, script.file.path).value === 'ENABLED';
      const backstop =
        enabled &&
        chlauthRecordsOf(ctx.deployment, script).find(
          (r) =>
            r.command?.origin &&
            r.profile.trim() === '*' &&
            r.type === 'ADDRESSMAP' &&
            r.attributes.USERSRC === 'NOACCESS' &&
            matchesEveryAddress(r.attributes.ADDRESS),
        );
      const noOam = withoutAuthorityManager(ctx.deployment, script);
      const list = (items: Phrase[]) => new Phrase(['', ...items.slice(1).map(() => ', '), ''], items);
      const members = script.data.members ?? [script];
      ctx.report({
        messageId: 'developerConfiguration',
        data: {
          script: first.origin.script,
          channels: described.length > 0 ? list(described) : ours('its DEV.* queues, channels and CONNAUTH'),
          backstop: backstop
            ? ours(
                "; its back-stop SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) refuses every other channel that no record of its own admits",
              )
            : '',
          noOam: noOam
            ? ours(
                '. MQSNOAUT: created without the object authority manager, this queue manager checks no password and no authority on any of them (mq/oam-disabled)',
              )
            : '',
          changed:
            changed.length > 0
              ? said`. The tree's MQSC changes ${list(changed)} or what decides their access: that is judged as written`
              : '',
        },
        location: place,
        related: [
          ...members.map((m) => ({
            file: m.file.path,
            message: ours("the tree's MQSC, which this queue manager runs with the image's own"),
          })),
          ...(noOam ? [noOam] : []),
        ],
        fingerprint: [script.file.path, 'developer-image'],
      });
    }
  },
});
