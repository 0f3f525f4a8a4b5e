"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelAccess = channelAccess;
exports.uncertainPlaces = uncertainPlaces;
const types_1 = require("../core/types");
const knowledge_1 = require("../knowledge");
const mq_access_1 = require("./mq-access");
const mq_access_words_1 = require("./mq-access-words");
const mq_chlauth_1 = require("./mq-chlauth");
/**
 * The queue manager's access decision for one inbound channel, where a template value may decide which channel
 * authentication records match it. MQ applies the records whose profile matches the channel name, the most specific
 * first (IBM MQ SET CHLAUTH, "generic profiles": https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-set-chlauth).
 * A profile or name holding a placeholder (`set chlauth($CHANNEL) TYPE(BLOCKUSER)`, `DEFINE CHANNEL($CHANNEL)`) may
 * match or not: the decision is made with the records that surely match, and again with each that may, taken as the
 * most specific. A record whose taking changes the decision is `uncertain`: its templated profile becomes a deciding
 * place (a finding resting on the decision depends on that template value). `nameDecides` says whether another value
 * of the name (another name, for a literal one) could change the decision: where it cannot (CHLAUTH(DISABLED), or no
 * record a name can match changes anything) the name is context only.
 */
function channelAccess(doc, input, overrides = {}) {
    const file = doc.file.path;
    const enabled = overrides.chlauthDefault
        ? ((0, knowledge_1.mqQmgrDefault)('CHLAUTH')?.value ?? 'ENABLED') === 'ENABLED'
        : (0, mq_chlauth_1.chlauthState)(doc.data.objects, file).value === 'ENABLED';
    const records = enabled ? (0, mq_chlauth_1.effectiveChlauthRecords)(doc.data.objects, doc.data.commands, file) : [];
    const state = new Map(records.map((r) => [r, (0, mq_chlauth_1.profileMatch)(r.profile, input.name)]));
    const decide = (matches) => (0, mq_access_1.decideChannelAccess)(doc, input, overrides, { records, matches });
    const base = decide((r) => state.get(r) === 'yes');
    if (!base)
        return undefined;
    const verdict = signature(base);
    // BLOCKADDR is the listener's, whatever the channel: only these types are matched by name.
    const byName = records.filter((r) => r.type === 'BLOCKUSER' || mq_chlauth_1.MAPPING_TYPES.includes(r.type));
    const changes = (matches) => signature(decide(matches)) !== verdict;
    const uncertain = byName.filter((u) => state.get(u) === 'maybe' && changes((r) => state.get(r) === 'yes' || r === u));
    const anyName = (r) => r.profile.trim() === '*';
    const nameDecides = (0, mq_chlauth_1.hasPlaceholder)(input.name)
        ? uncertain.length > 0
        : byName.length > 0 &&
            (changes(anyName) || byName.some((u) => !anyName(u) && changes((r) => anyName(r) || r === u)));
    // The channel's own name (first deciding place) is context where no other value of it changes the decision.
    const named = (l) => input.location !== undefined && (0, types_1.sameStart)(l, input.location);
    const own = nameDecides
        ? base.deciding
        : base.deciding.map((l) => (named(l) ? { ...l, role: 'context' } : l));
    if (uncertain.length === 0)
        return { ...base, nameDecides, deciding: own };
    const access = { ...base, nameDecides, uncertain, deciding: own };
    access.deciding = [...own, ...uncertainPlaces(access)];
    return { ...access, results: access.exit ? access.results : (0, mq_access_words_1.describePaths)(access) };
}
/**
 * Where the templated profiles of the channel's uncertain records (those `which` keeps) are written: a finding resting
 * on what those records would change depends on their template values.
 */
function uncertainPlaces(access, which = () => true) {
    return access.uncertain.flatMap((r) => which(r) && r.templated.includes('PROFILE') && r.locations.PROFILE
        ? [{ ...r.locations.PROFILE, message: `SET CHLAUTH('${r.profile}') TYPE(${r.type}) may match ${access.channel}` }]
        : []);
}
/** What a decision says, to compare two: the ways in as words, and whether administrators get in without a secret. */
function signature(access) {
    return access ? JSON.stringify([access.results, access.adminWithoutSecret, Boolean(access.blockAll)]) : '';
}
