"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAPPING_TYPES = void 0;
exports.chlauthState = chlauthState;
exports.paramLocation = paramLocation;
exports.removesRecord = removesRecord;
exports.effectiveChlauthRecords = effectiveChlauthRecords;
exports.chlauthProfileMatches = chlauthProfileMatches;
exports.hasPlaceholder = hasPlaceholder;
exports.profileMatch = profileMatch;
exports.profileSpecificity = profileSpecificity;
exports.matchesEveryAddress = matchesEveryAddress;
exports.orderedMappingRecords = orderedMappingRecords;
exports.blockUserRecord = blockUserRecord;
exports.listValues = listValues;
exports.isBlockingMcauser = isBlockingMcauser;
const knowledge_1 = require("../knowledge");
exports.MAPPING_TYPES = ['SSLPEERMAP', 'USERMAP', 'QMGRMAP', 'ADDRESSMAP'];
const identityKey = (r) => {
    const a = r.attributes;
    const id = r.type === 'BLOCKUSER' || r.type === 'BLOCKADDR'
        ? ''
        : [a.ADDRESS, a.SSLPEER, a.SSLCERTI, a.CLNTUSER, a.QMNAME].map((v) => (v ?? '').toUpperCase()).join('|');
    return `${r.profile.toUpperCase()}|${r.type}|${id}`;
};
const FOLDED = new Set(['USERSRC', 'WARN', 'CHCKCLNT', 'TYPE', 'ACTION']);
/** CHLAUTH(ENABLED|DISABLED) of the queue manager: the script's ALTER QMGR, else the default of a new queue manager. */
function chlauthState(objects, file) {
    const p = objects.qmgr.get('CHLAUTH');
    if (p?.value !== undefined && !p.templated)
        return { value: p.value.toUpperCase(), from: { kind: 'file', location: paramLocation(file, p) } };
    if (p?.templated)
        return { value: 'UNKNOWN', from: { kind: 'file', location: paramLocation(file, p) } };
    const d = (0, knowledge_1.mqQmgrDefault)('CHLAUTH');
    return {
        value: d?.value ?? 'UNKNOWN',
        from: {
            kind: 'default',
            origin: `a queue manager created at IBM MQ ${d?.since ?? '7.1'} or later has CHLAUTH(${d?.value ?? 'ENABLED'}) (${d?.source ?? ''})`,
        },
    };
}
/** Where a parameter is written: its own file in a script combined from several files, else the script's `file`. */
function paramLocation(file, p) {
    return { file: p.file ?? file, range: p.valueRange ?? p.keywordRange };
}
/**
 * True when `SET CHLAUTH(profile) TYPE(type) ACTION(REMOVE|REMOVEALL)` removes the record: a record is kept under its
 * own profile, so only a command naming that very profile (not one whose pattern matches it) of its type removes it.
 */
function removesRecord(command, record) {
    if (command.noun !== 'CHLAUTH' || command.verb !== 'SET' || command.name?.value === undefined)
        return false;
    const action = command.params.find((p) => p.keyword === 'ACTION')?.value?.toUpperCase();
    if (action !== 'REMOVE' && action !== 'REMOVEALL')
        return false;
    const type = command.params.find((p) => p.keyword === 'TYPE')?.value?.toUpperCase();
    return (record.profile.toUpperCase() === command.name.value.toUpperCase() &&
        (action === 'REMOVEALL' || !type || record.type === type));
}
/** The effective records (defaults + script), in script order; templated values are kept and listed in `templated`. */
function effectiveChlauthRecords(objects, commands, file) {
    const byKey = new Map();
    for (const d of (0, knowledge_1.mqDefaultChlauthRecords)()) {
        const record = {
            profile: d.profile,
            type: d.type,
            attributes: { ...d.attributes },
            from: { kind: 'default', origin: `default channel authentication record of a new queue manager (${d.source})` },
            locations: {},
            templated: [],
        };
        byKey.set(identityKey(record), record);
    }
    // Removals by the script apply to the defaults too (the parser already drops the script's own removed records).
    for (const c of commands) {
        for (const [key, r] of byKey)
            if (r.from.kind === 'default' && removesRecord(c, r))
                byKey.delete(key);
    }
    for (const r of objects.chlauth) {
        if (!r.type)
            continue;
        // A templated profile is kept: whether it matches a channel is unknown (profileMatch says 'maybe').
        const templated = [
            ...(r.profileParam.templated ? ['PROFILE'] : []),
            ...[...r.attributes.entries()].filter(([, p]) => p.templated).map(([k]) => k),
        ];
        const attributes = {};
        const locations = { PROFILE: paramLocation(file, r.profileParam) };
        for (const [k, p] of r.attributes) {
            if (p.value === undefined)
                continue;
            attributes[k] = FOLDED.has(k) ? p.value.toUpperCase() : p.value;
            locations[k] = paramLocation(file, p);
        }
        const record = {
            profile: r.profile,
            type: r.type,
            attributes,
            from: { kind: 'file', location: paramLocation(file, r.profileParam) },
            command: r.command,
            locations,
            templated,
        };
        const key = identityKey(record);
        byKey.delete(key);
        byKey.set(key, record);
    }
    return [...byKey.values()];
}
/** MQ generic match: `*` anywhere in the profile stands for any characters (zero or more). */
function chlauthProfileMatches(profile, channel) {
    if (!profile.includes('*'))
        return profile.toUpperCase() === channel.toUpperCase();
    const pattern = profile
        .toUpperCase()
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${pattern}$`).test(channel.toUpperCase());
}
/**
 * Template placeholders in a channel name or CHLAUTH profile (`$CHANNEL`, `${CHL}`, `{{ .Values.channel }}`, `<%= c %>`,
 * `@chl@`): an MQ object name holds none of `$ { < @`, so each is a value put in at deploy time.
 */
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|<%.*?%>|@[A-Za-z0-9_.-]+@/g;
function hasPlaceholder(name) {
    return name.search(PLACEHOLDER) >= 0;
}
/**
 * Whether a CHLAUTH profile matches a channel name when either holds a template placeholder: 'yes' when every value
 * matches (the same placeholder text on both sides is the same value put in; the profile `*`; a generic profile
 * `TO_*` for `TO_$CLUSTER`), 'no' when the fixed characters before or after the placeholders cannot agree, else
 * 'maybe'. Without placeholders, MQ's match (chlauthProfileMatches).
 */
function profileMatch(profile, channel) {
    const templatedProfile = hasPlaceholder(profile);
    if (!templatedProfile && !hasPlaceholder(channel))
        return chlauthProfileMatches(profile, channel) ? 'yes' : 'no';
    if (profile.toUpperCase() === channel.toUpperCase() || profile.trim() === '*')
        return 'yes';
    const asGeneric = (name) => name.toUpperCase().replace(PLACEHOLDER, '*');
    const p = asGeneric(profile).split('*');
    const c = asGeneric(channel).split('*');
    // A side without `*` is its whole text: its first part is also its last.
    const [pFirst, pLast, cFirst, cLast] = [p[0] ?? '', p.at(-1) ?? '', c[0] ?? '', c.at(-1) ?? ''];
    if (!templatedProfile && p.length === 2 && pLast === '' && cFirst.startsWith(pFirst))
        return 'yes';
    const agreeStart = (a, b) => a.startsWith(b) || b.startsWith(a);
    const agreeEnd = (a, b) => a.endsWith(b) || b.endsWith(a);
    if (!agreeStart(pFirst, cFirst) || !agreeEnd(pLast, cLast))
        return 'no';
    return 'maybe';
}
/** Larger is more specific: an exact name beats any generic profile; generic profiles rank by their fixed characters. */
function profileSpecificity(profile) {
    return profile.includes('*') ? profile.replace(/\*/g, '').length : 1000;
}
/** True for an address filter that every peer matches (`*`, or absent on a record where ADDRESS is optional). */
function matchesEveryAddress(address) {
    return address === undefined || /^\*$/.test(address.trim()) || /^\*(\.\*){3}$/.test(address.trim());
}
/** MQ's order for one channel: most specific profile first; within a profile SSLPEERMAP, then USERMAP/QMGRMAP, then ADDRESSMAP; specific addresses before generic. */
function orderedMappingRecords(records, channel, types, matches = (r) => chlauthProfileMatches(r.profile, channel)) {
    const typeRank = (t) => (t === 'SSLPEERMAP' ? 0 : t === 'USERMAP' || t === 'QMGRMAP' ? 1 : 2);
    return records
        .filter((r) => exports.MAPPING_TYPES.includes(r.type) && types.includes(r.type) && matches(r))
        .sort((a, b) => profileSpecificity(b.profile) - profileSpecificity(a.profile) ||
        typeRank(a.type) - typeRank(b.type) ||
        Number(matchesEveryAddress(a.attributes.ADDRESS)) - Number(matchesEveryAddress(b.attributes.ADDRESS)));
}
/** The BLOCKUSER record of the most specific matching profile (only that one applies: a channel-specific list replaces `*MQADMIN`). */
function blockUserRecord(records, channel, matches = (r) => chlauthProfileMatches(r.profile, channel)) {
    return records
        .filter((r) => r.type === 'BLOCKUSER' && matches(r))
        .sort((a, b) => profileSpecificity(b.profile) - profileSpecificity(a.profile))[0];
}
function listValues(value) {
    return (value ?? '')
        .split(/[\s,]+/)
        .map((v) => v.replace(/^'|'$/g, '').trim())
        .filter(Boolean);
}
/** MCAUSER values that cannot be a real user: `no!body`-style ids, `*NOACCESS`, `nobody`, `noaccess`. */
function isBlockingMcauser(value) {
    if (!value)
        return false;
    return /!/.test(value) || /^\*?no\.?access$|^no\.?body$/i.test(value.trim());
}
