import type { RuleRelated } from '../../types';
import type { Location, Severity } from '../../../core/types';
import type { AccessPath, ChannelAccess, ChannelInput, AccessOverrides } from '../../../model/mq-access';
import { queueManagerEvaluation } from '../../../model/mq-access';
import { channelAccess } from '../../../model/mq-channel-access';
import type { ChlauthRecord } from '../../../model/mq-chlauth';
import { effectiveChlauthRecords } from '../../../model/mq-chlauth-records';
import type { MqscData } from '../../../parse/mqsc';
import type { ParsedDocument } from '../../../parse/types';
import type { DerivedDeployment } from '../../../derive/types';
import { channelAccessKey, definedInScript, documentChannels } from '../../../model/mq-channel-inputs';
import { serverChannels } from './shared';
import type { MqChannelAttributes } from '../../../model/attributes';
import { ours, Phrase, said } from '../../../core/phrase';

/**
 * The access decision for a channel of an MQSC document: as the derive stage decided it (once per deployment), or,
 * for a what-if with queue-manager settings at their defaults (`overrides`), decided here for the asking rule.
 */
export function accessOf(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
  input: ChannelInput,
  overrides?: AccessOverrides,
): ChannelAccess | undefined {
  const records = deployment.derived.chlauthRecords.get(doc);
  if (overrides) {
    const { scriptsWithoutAuthorityManager: withoutOam, scriptsOfCreatedQueueManagers: created } = deployment.derived;
    const evaluation = queueManagerEvaluation(withoutOam.get(doc), created.get(doc));
    return channelAccess(doc, input, { ...overrides, ...evaluation }, records);
  }
  return deployment.derived.channelAccess.get(channelAccessKey(doc, input)) ?? channelAccess(doc, input, {}, records);
}

/**
 * The access decision as the queue manager would make it with its object authority manager: for the rules about a
 * CONNAUTH or CHLAUTH setting, whose advice (CHCKCLNT(REQUIRED)) only works with it. Under MQSNOAUT no password is
 * checked whatever they say; mq/oam-disabled reports that.
 */
export function accessWithAuthorityManager(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
  input: ChannelInput,
  overrides?: AccessOverrides,
): ChannelAccess | undefined {
  if (!deployment.derived.scriptsWithoutAuthorityManager.has(doc)) return accessOf(deployment, doc, input, overrides);
  const evaluation = queueManagerEvaluation(undefined, deployment.derived.scriptsOfCreatedQueueManagers.get(doc));
  return channelAccess(doc, input, { ...overrides, ...evaluation }, deployment.derived.chlauthRecords.get(doc));
}

/**
 * Where the queue manager that runs a script is created without the object authority manager (MQSNOAUT), as a related
 * place: no authority is checked there, so advice to run a channel as a low-privilege user changes nothing by itself.
 */
export function withoutAuthorityManager(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
): RuleRelated | undefined {
  const at = deployment.derived.scriptsWithoutAuthorityManager.get(doc);
  return at && { ...at, message: ours('MQSNOAUT: the queue manager is created without the object authority manager') };
}

/**
 * Where the queue manager that runs a script is IBM MQ Advanced for Developers, as a related place: with its developer
 * configuration (the image's own scripts joined to the tree's: src/model/mq-image-scripts.ts), or as the IBM MQ
 * Operator's QueueManager selects it (`spec.license.use: Development`: src/model/mq-resources.ts). That licence is for
 * development only (mq.json imageScripts `licence`, operatorDeveloperLicence, with their sources), so an administrator
 * getting in without a secret there is a developer's queue manager left open, a warning, never an error. The image
 * with `MQ_DEV=false` is not counted: it applies nothing of its own, so whatever lets an administrator in is the
 * tree's own MQSC, which is judged as written (docs/mq-scripts.md).
 */
export function developerQueueManager(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
): RuleRelated | undefined {
  const operator = deployment.derived.scriptsOfDeveloperLicence.get(doc);
  if (operator) return operator;
  const command = doc.data.commands.find((c) => c.origin?.licence);
  const licence = command?.origin?.licence;
  if (!command || !licence) return undefined;
  return {
    file: command.file ?? doc.file.path,
    range: command.range,
    message: said`${licence}: this queue manager runs ${command.origin?.script ?? ''}`,
  };
}

/** An error made a warning on a developer's queue manager (developerQueueManager), with the place that says so. */
export function developerSeverity(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
  severity: Severity,
  related: RuleRelated[],
): { severity: Severity; related: RuleRelated[] } {
  const developer = severity === 'error' ? developerQueueManager(deployment, doc) : undefined;
  // Beside a place at the same COPY or mount: that one says what the image applies, this one why it is a warning.
  return developer ? { severity: 'warning', related: [...related, developer] } : { severity, related };
}

/** `related` with `place` added unless a place at the same position is there already. */
export function withPlace(related: RuleRelated[], place: RuleRelated): RuleRelated[] {
  return related.some((l) => samePlace(l, place)) ? related : [...related, place];
}

/** A script's effective channel authentication records: as the derive stage computed them (once per deployment), else here. */
export function chlauthRecordsOf(deployment: DerivedDeployment, script: ParsedDocument<MqscData>): ChlauthRecord[] {
  return (
    deployment.derived.chlauthRecords.get(script) ?? effectiveChlauthRecords(script.data.commands, script.file.path)
  );
}

export function inputOf(channel: MqChannelAttributes): ChannelInput | undefined {
  if (!channel.mqscChannel) return undefined;
  return {
    name: channel.channelName,
    chltype: channel.chltype,
    attributes: channel.mqscChannel.attributes,
    defined: definedInScript(channel.mqscChannel),
    location: channel.nameLocation,
  };
}

/** Inbound channels of the tree, each with its access decision. */
export function* inboundAccess(deployment: DerivedDeployment): Generator<{
  channel: MqChannelAttributes;
  doc: ParsedDocument<MqscData>;
  access: ChannelAccess;
  input: ChannelInput;
}> {
  for (const { channel } of serverChannels(deployment)) {
    const input = inputOf(channel);
    const doc = channel.qmgr?.mqsc;
    if (!input || !doc) continue;
    const access = accessOf(deployment, doc, input);
    if (access) yield { channel, doc, access, input };
  }
}

export { documentChannels };

/** The locations that decide a channel's access, minus the finding's own location; `message` replaces the first one's label. */
export function relatedFor(access: ChannelAccess, primary: Location, message?: string): RuleRelated[] {
  return access.deciding
    .filter((l) => !samePlace(l, primary))
    .map((l, i) => (i === 0 && message ? { ...l, message } : l));
}

/** Two locations that start at the same place of the same file. */
function samePlace(a: Location, b: Location): boolean {
  return (
    a.file === b.file &&
    a.range?.start.line === b.range?.start.line &&
    a.range?.start.character === b.range?.start.character
  );
}

/**
 * One related location per channel: where a channel of the tree is defined (its name), with its result. A channel for
 * which `decides` says no is named as context (`role: 'context'`): a template value in its name defers nothing.
 */
export function channelRelated<T extends { input: ChannelInput; access: ChannelAccess }>(
  items: T[],
  decides: (item: T) => boolean = () => true,
): RuleRelated[] {
  return items.flatMap((item) =>
    item.input.location
      ? [
          {
            ...item.input.location,
            message: said`${item.access.channel}: ${item.access.results.join('; ')}`,
            ...(decides(item) ? {} : { role: 'context' as const }),
          },
        ]
      : [],
  );
}

/**
 * Whether a channel's name decides its access. It does only through the channel authentication records that match it
 * by name: with CHLAUTH(DISABLED) written in the tree no record applies (IBM MQ ALTER QMGR CHLAUTH: "Channel
 * authentication records are not checked"), and where no record another name could match changes the decision (a
 * `TO_$CLUSTER` no `SYSTEM.*` profile can match), any other name — the value a deploy script fills in — gets the same
 * access (channelAccess decides it).
 */
export function nameDecidesAccess(access: ChannelAccess): boolean {
  return access.nameDecides;
}

/**
 * For a finding reported at the channel's name: the name is context where it cannot change the access decision. A
 * channel an image's script defines is named at the mount or COPY that joins that script, which decides that it exists.
 */
export function nameRole(
  access: ChannelAccess | undefined,
  channel?: MqChannelAttributes,
): { locationRole?: 'context' } {
  return !access || access.nameDecides || channel?.mqscChannel?.definedBy?.origin ? {} : { locationRole: 'context' };
}

/**
 * Where the channel is defined and altered (channelStory), as context where its name cannot change the access
 * decision: the settings that decide are named at their own places.
 */
export function storyRole(access: ChannelAccess | undefined, story: RuleRelated[]): RuleRelated[] {
  return !access || access.nameDecides ? story : story.map((l) => ({ ...l, role: 'context' as const }));
}

/** " (assuming …)" for messages, when the verdict rests on defaults of a new queue manager. */
export function assumption(access: ChannelAccess): Phrase | '' {
  if (access.assumed.length === 0) return '';
  const listed = new Phrase(['', ...access.assumed.slice(1).map(() => ', '), ''], access.assumed);
  return said` (assuming ${listed}, which the tree does not show)`;
}

export function resultText(access: ChannelAccess): string {
  return access.results.join('; ');
}

/**
 * One finding per channel identity problem: a TLS channel whose peers run as the asserted or MCA user belongs to
 * mq/tls-channel-without-mcauser unless an administrator gets in without certificate and password from what the
 * tree states, which mq/channel-runs-as-admin reports as an error.
 */
export function tlsRuleOwns(access: ChannelAccess): boolean {
  const open = access.paths.filter(
    (p) => (p.identity.kind === 'client' && !adoptsAuthenticatedUser(access, p)) || p.identity.kind === 'mca',
  );
  // A record that maps certificates (or users) to a user shows the identity is managed by CHLAUTH; the rest falls to mq/channel-runs-as-admin.
  const mapped = access.paths.some((p) => p.record && p.identity.kind === 'fixed');
  return (
    access.tls.enabled &&
    !access.exit &&
    !access.tls.unknown &&
    open.length > 0 &&
    !mapped &&
    !confidentAdminWithoutSecret(access)
  );
}

/**
 * A client path where every peer must authenticate (CHCKCLNT(REQUIRED)) and the queue manager adopts the authenticated
 * user (ADOPTCTX(YES) on the CONNAUTH AUTHINFO, written in the tree): the channel runs as that user, not as the id the
 * client asserts (IBM MQ "Determining which user is used for authorization": ADOPTCTX(YES) uses the authenticated user
 * for authorization, https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=objects-determining-which-user-is-used-authorization).
 * ADOPTCTX(NO) authenticates the password's user but authorizes the asserted one; under REQDADM or OPTIONAL a client
 * that sends no password still asserts any id.
 */
export function adoptsAuthenticatedUser(access: ChannelAccess, path: AccessPath): boolean {
  return path.password === 'all' && access.connauth.adoptctx?.value.trim().toUpperCase() === 'YES';
}

export function confidentAdminWithoutSecret(access: ChannelAccess): boolean {
  return access.adminWithoutSecret && access.assumed.length === 0;
}

/** Some peer gets past CHLAUTH on some path (no BLOCKADDR of every address, some path not refused). */
export function admitsSomeone(access: ChannelAccess): boolean {
  return !access.blockAll && access.paths.some((p) => p.identity.kind !== 'blocked');
}

/**
 * CHLAUTH refuses every peer, from what the tree states and the queue manager's defaults: enabled, no security exit
 * and no templated record that could decide otherwise, and no path that admits anyone (AMQ9777 for all).
 */
export function refusedToEveryone(access: ChannelAccess): boolean {
  return access.chlauth.value === 'ENABLED' && !access.exit && !access.templatedRecord && !admitsSomeone(access);
}

/** The channels a queue-manager-wide setting opens: admitted (or admitting administrators) now, but not with the default. */
export function openedBy(
  deployment: DerivedDeployment,
  doc: ParsedDocument<MqscData>,
  overrides: AccessOverrides,
): { input: ChannelInput; access: ChannelAccess }[] {
  const out: { input: ChannelInput; access: ChannelAccess }[] = [];
  for (const input of documentChannels(doc)) {
    const now = accessOf(deployment, doc, input);
    const before = accessOf(deployment, doc, input, overrides);
    if (!now || !before || now.exit) continue;
    const adminNow = now.paths.some((p) => p.admin);
    const adminBefore = before.paths.some((p) => p.admin);
    const openNow = admitsSomeone(now);
    const openBefore = admitsSomeone(before);
    if (
      (adminNow && !adminBefore) ||
      (openNow && !openBefore) ||
      (now.adminWithoutSecret && !before.adminWithoutSecret)
    )
      out.push({ input, access: now });
  }
  return out;
}

export function channelList(items: { input: ChannelInput; access: ChannelAccess }[], max = 4): string {
  const shown = items
    .slice(0, max)
    .map(
      ({ input, access }) =>
        `${input.name} (${input.chltype}${input.attributes ? '' : ', as shipped'}: ${resultText(access)})`,
    );
  return shown.join('; ') + (items.length > max ? `; … (+${items.length - max} more)` : '');
}
