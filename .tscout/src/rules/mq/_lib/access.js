"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.documentChannels = void 0;
exports.accessOf = accessOf;
exports.inputOf = inputOf;
exports.inboundAccess = inboundAccess;
exports.relatedFor = relatedFor;
exports.channelRelated = channelRelated;
exports.nameDecidesAccess = nameDecidesAccess;
exports.nameRole = nameRole;
exports.storyRole = storyRole;
exports.assumption = assumption;
exports.resultText = resultText;
exports.tlsRuleOwns = tlsRuleOwns;
exports.adoptsAuthenticatedUser = adoptsAuthenticatedUser;
exports.confidentAdminWithoutSecret = confidentAdminWithoutSecret;
exports.admitsSomeone = admitsSomeone;
exports.refusedToEveryone = refusedToEveryone;
exports.openedBy = openedBy;
exports.channelList = channelList;
const mq_channel_access_1 = require("../../../model/mq-channel-access");
const mq_channel_inputs_1 = require("../../../model/mq-channel-inputs");
Object.defineProperty(exports, "documentChannels", { enumerable: true, get: function () { return mq_channel_inputs_1.documentChannels; } });
const shared_1 = require("./shared");
const phrase_1 = require("../../../core/phrase");
/**
 * The access decision for a channel of an MQSC document: as the derive stage decided it (once per deployment), or,
 * for a what-if with queue-manager settings at their defaults (`overrides`), decided here for the asking rule.
 */
function accessOf(deployment, doc, input, overrides) {
    if (overrides)
        return (0, mq_channel_access_1.channelAccess)(doc, input, overrides);
    return deployment.derived.channelAccess.get((0, mq_channel_inputs_1.channelAccessKey)(doc, input)) ?? (0, mq_channel_access_1.channelAccess)(doc, input);
}
function inputOf(channel) {
    if (!channel.mqscChannel)
        return undefined;
    return {
        name: channel.channelName,
        chltype: channel.chltype,
        attributes: channel.mqscChannel.attributes,
        defined: (0, mq_channel_inputs_1.definedInScript)(channel.mqscChannel),
        location: channel.nameLocation,
    };
}
/** Inbound channels of the tree, each with its access decision. */
function* inboundAccess(deployment) {
    for (const { channel } of (0, shared_1.serverChannels)(deployment)) {
        const input = inputOf(channel);
        const doc = channel.qmgr?.mqsc;
        if (!input || !doc)
            continue;
        const access = accessOf(deployment, doc, input);
        if (access)
            yield { channel, doc, access, input };
    }
}
/** The locations that decide a channel's access, minus the finding's own location; `message` replaces the first one's label. */
function relatedFor(access, primary, message) {
    const same = (l) => l.file === primary.file &&
        l.range?.start.line === primary.range?.start.line &&
        l.range?.start.character === primary.range?.start.character;
    return access.deciding.filter((l) => !same(l)).map((l, i) => (i === 0 && message ? { ...l, message } : l));
}
/**
 * One related location per channel: where a channel of the tree is defined (its name), with its result. A channel for
 * which `decides` says no is named as context (`role: 'context'`): a template value in its name defers nothing.
 */
function channelRelated(items, decides = () => true) {
    return items.flatMap((item) => item.input.location
        ? [
            {
                ...item.input.location,
                message: (0, phrase_1.said) `${item.access.channel}: ${item.access.results.join('; ')}`,
                ...(decides(item) ? {} : { role: 'context' }),
            },
        ]
        : []);
}
/**
 * Whether a channel's name decides its access. It does only through the channel authentication records that match it
 * by name: with CHLAUTH(DISABLED) written in the tree no record applies (IBM MQ ALTER QMGR CHLAUTH: "Channel
 * authentication records are not checked"), and where no record another name could match changes the decision (a
 * `TO_$CLUSTER` no `SYSTEM.*` profile can match), any other name — the value a deploy script fills in — gets the same
 * access (channelAccess decides it).
 */
function nameDecidesAccess(access) {
    return access.nameDecides;
}
/** For a finding reported at the channel's name: the name is context where it cannot change the access decision. */
function nameRole(access) {
    return !access || access.nameDecides ? {} : { locationRole: 'context' };
}
/**
 * Where the channel is defined and altered (channelStory), as context where its name cannot change the access
 * decision: the settings that decide are named at their own places.
 */
function storyRole(access, story) {
    return !access || access.nameDecides ? story : story.map((l) => ({ ...l, role: 'context' }));
}
/** " (assuming …)" for messages, when the verdict rests on defaults of a new queue manager. */
function assumption(access) {
    if (access.assumed.length === 0)
        return '';
    const listed = new phrase_1.Phrase(['', ...access.assumed.slice(1).map(() => ', '), ''], access.assumed);
    return (0, phrase_1.said) ` (assuming ${listed}, which the tree does not show)`;
}
function resultText(access) {
    return access.results.join('; ');
}
/**
 * One finding per channel identity problem: a TLS channel whose peers run as the asserted or MCA user belongs to
 * mq/tls-channel-without-mcauser unless an administrator gets in without certificate and password from what the
 * tree states, which mq/channel-runs-as-admin reports as an error.
 */
function tlsRuleOwns(access) {
    const open = access.paths.filter((p) => (p.identity.kind === 'client' && !adoptsAuthenticatedUser(access, p)) || p.identity.kind === 'mca');
    // A record that maps certificates (or users) to a user shows the identity is managed by CHLAUTH; the rest falls to mq/channel-runs-as-admin.
    const mapped = access.paths.some((p) => p.record && p.identity.kind === 'fixed');
    return (access.tls.enabled &&
        !access.exit &&
        !access.tls.unknown &&
        open.length > 0 &&
        !mapped &&
        !confidentAdminWithoutSecret(access));
}
/**
 * A client path where every peer must authenticate (CHCKCLNT(REQUIRED)) and the queue manager adopts the authenticated
 * user (ADOPTCTX(YES) on the CONNAUTH AUTHINFO, written in the tree): the channel runs as that user, not as the id the
 * client asserts (IBM MQ "Determining which user is used for authorization": ADOPTCTX(YES) uses the authenticated user
 * for authorization, https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=objects-determining-which-user-is-used-authorization).
 * ADOPTCTX(NO) authenticates the password's user but authorizes the asserted one; under REQDADM or OPTIONAL a client
 * that sends no password still asserts any id.
 */
function adoptsAuthenticatedUser(access, path) {
    return path.password === 'all' && access.connauth.adoptctx?.value.trim().toUpperCase() === 'YES';
}
function confidentAdminWithoutSecret(access) {
    return access.adminWithoutSecret && access.assumed.length === 0;
}
/** Some peer gets past CHLAUTH on some path (no BLOCKADDR of every address, some path not refused). */
function admitsSomeone(access) {
    return !access.blockAll && access.paths.some((p) => p.identity.kind !== 'blocked');
}
/**
 * CHLAUTH refuses every peer, from what the tree states and the queue manager's defaults: enabled, no security exit
 * and no templated record that could decide otherwise, and no path that admits anyone (AMQ9777 for all).
 */
function refusedToEveryone(access) {
    return access.chlauth.value === 'ENABLED' && !access.exit && !access.templatedRecord && !admitsSomeone(access);
}
/** The channels a queue-manager-wide setting opens: admitted (or admitting administrators) now, but not with the default. */
function openedBy(deployment, doc, overrides) {
    const out = [];
    for (const input of (0, mq_channel_inputs_1.documentChannels)(doc)) {
        const now = accessOf(deployment, doc, input);
        const before = accessOf(deployment, doc, input, overrides);
        if (!now || !before || now.exit)
            continue;
        const adminNow = now.paths.some((p) => p.admin);
        const adminBefore = before.paths.some((p) => p.admin);
        const openNow = admitsSomeone(now);
        const openBefore = admitsSomeone(before);
        if ((adminNow && !adminBefore) ||
            (openNow && !openBefore) ||
            (now.adminWithoutSecret && !before.adminWithoutSecret))
            out.push({ input, access: now });
    }
    return out;
}
function channelList(items, max = 4) {
    const shown = items
        .slice(0, max)
        .map(({ input, access }) => `${input.name} (${input.chltype}${input.attributes ? '' : ', as shipped'}: ${resultText(access)})`);
    return shown.join('; ') + (items.length > max ? `; … (+${items.length - max} more)` : '');
}
