"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decideChannelAccess = decideChannelAccess;
exports.adoptingConnauth = adoptingConnauth;
const phrase_1 = require("../core/phrase");
const mq_access_words_1 = require("./mq-access-words");
const knowledge_1 = require("../knowledge");
const mq_chlauth_1 = require("./mq-chlauth");
const rank = { NONE: 0, OPTIONAL: 1, REQDADM: 2, REQUIRED: 3 };
/** The access decision for one inbound channel with the given records matching it; undefined for other channel types. */
function decideChannelAccess(doc, input, overrides, world) {
    const type = (0, knowledge_1.mqInboundChannelType)(input.chltype);
    if (!type)
        return undefined;
    const file = doc.file.path;
    const objects = doc.data.objects;
    // Each default the verdict rests on, in words, once: ours, with the tree's object names as its values.
    const assumed = new Map();
    const assume = (phrase) => assumed.set((0, phrase_1.renderPhrase)(phrase, (text) => text), phrase);
    const deciding = [];
    const at = (location, message) => deciding.push({ ...location, message });
    const use = (t, what) => {
        if (t.from.kind === 'file')
            at(t.from.location, `CHLAUTH(${String(t.value)})`);
        else
            assume((0, phrase_1.ours)(what));
        return t;
    };
    const attr = (keyword) => {
        const p = input.attributes?.get(keyword);
        if (p)
            return { value: p.value, templated: p.templated, from: { kind: 'file', location: (0, mq_chlauth_1.paramLocation)(file, p) } };
        // Unset: the SYSTEM.DEF.* object supplies it (blank MCAUSER/SSLCIPH/SCYEXIT, SSLCAUTH(REQUIRED)); an ALTER-only channel's DEFINE is elsewhere.
        if (!input.defined && input.attributes)
            return {
                value: undefined,
                templated: true,
                from: {
                    kind: 'default',
                    origin: `${keyword} of ${input.name} is set where the channel is defined, outside the tree`,
                },
            };
        return {
            value: keyword === 'SSLCAUTH' ? 'REQUIRED' : '',
            templated: false,
            from: { kind: 'default', origin: `${keyword} of ${type.defaultObject} as shipped (${type.source})` },
        };
    };
    const chlauth = overrides.chlauthDefault
        ? {
            value: (0, knowledge_1.mqQmgrDefault)('CHLAUTH')?.value ?? 'ENABLED',
            from: { kind: 'default', origin: 'default' },
        }
        : use((0, mq_chlauth_1.chlauthState)(objects, file), 'CHLAUTH(ENABLED) and the default channel authentication records');
    const records = chlauth.value === 'ENABLED' ? world.records : [];
    const connauth = connauthOf(objects, file, overrides.connauthDefault === true);
    const ciph = attr('SSLCIPH');
    const cauth = attr('SSLCAUTH');
    const tlsUnknown = ciph.templated || cauth.templated;
    const tlsEnabled = Boolean(ciph.value?.trim());
    const certificateRequired = tlsEnabled && (cauth.value ?? 'REQUIRED').toUpperCase() !== 'OPTIONAL';
    if (ciph.from.kind === 'file' && tlsEnabled)
        at(ciph.from.location, `SSLCIPH(${ciph.value})`);
    if (cauth.from.kind === 'file' && tlsEnabled)
        at(cauth.from.location, `SSLCAUTH(${cauth.value})`);
    const exitAttr = attr('SCYEXIT');
    const exit = exitAttr.value?.trim() ? { value: exitAttr.value.trim(), from: exitAttr.from } : undefined;
    const mcauser = attr('MCAUSER');
    const paths = [];
    const blockAll = chlauth.value === 'ENABLED' && type.chlauthTypes.includes('BLOCKADDR')
        ? records.find((r) => r.type === 'BLOCKADDR' &&
            r.attributes.WARN !== 'YES' &&
            (0, mq_chlauth_1.listValues)(r.attributes.ADDRLIST).some((a) => (0, mq_chlauth_1.matchesEveryAddress)(a)))
        : undefined;
    let templatedRecord;
    if (!blockAll && chlauth.value !== 'UNKNOWN') {
        let catchAll = false;
        for (const r of (0, mq_chlauth_1.orderedMappingRecords)(records, input.name, type.chlauthTypes, world.matches)) {
            const a = r.attributes;
            // A templated profile is decided by matches (this decision takes the record as matching the channel or not).
            if (r.templated.some((k) => k !== 'CHCKCLNT' && k !== 'DESCR' && k !== 'CUSTOM' && k !== 'PROFILE')) {
                templatedRecord = r; // the placeholder decides who matches: the rest of the decision is unknown
                break;
            }
            const needs = [];
            let needsCertificate = false;
            if (r.type === 'SSLPEERMAP') {
                if (!tlsEnabled)
                    continue; // no certificate on a plaintext channel: the record never matches
                needs.push(`a certificate matching SSLPEER('${a.SSLPEER ?? ''}')`);
                needsCertificate = true;
            }
            else if (r.type === 'USERMAP')
                needs.push(`asserting the client user id '${a.CLNTUSER ?? ''}'`);
            else if (r.type === 'QMGRMAP' && !(0, mq_chlauth_1.matchesEveryAddress)(a.QMNAME))
                needs.push(`naming itself queue manager '${a.QMNAME ?? ''}'`);
            if (!(0, mq_chlauth_1.matchesEveryAddress)(a.ADDRESS))
                needs.push(`connecting from ${a.ADDRESS}`);
            paths.push(pathFor(r, needs, needsCertificate));
            if (needs.length === 0) {
                catchAll = true;
                break;
            }
        }
        if (!catchAll && !templatedRecord)
            paths.push(pathFor(undefined, [], false));
    }
    function pathFor(record, needs, needsCertificate) {
        const path = {
            record,
            needs,
            needsCertificate: needsCertificate || certificateRequired,
            identity: { kind: 'unknown' },
            admin: false,
            password: 'unknown',
        };
        const src = record ? (record.attributes.USERSRC ?? 'MAP') : 'CHANNEL';
        if (src === 'NOACCESS' && record?.attributes.WARN !== 'YES')
            path.identity = { kind: 'blocked', from: record?.from };
        else if (src === 'MAP' && record) {
            const user = record.attributes.MCAUSER ?? '';
            path.identity = user ? { kind: 'fixed', user, from: record.from } : { kind: 'unknown' };
        }
        else {
            if (src === 'NOACCESS')
                path.warnOnly = record;
            if (mcauser.templated)
                path.identity = { kind: 'unknown', from: mcauser.from };
            else if (mcauser.value?.trim())
                path.identity = { kind: 'fixed', user: mcauser.value.trim(), from: mcauser.from };
            else if (record?.type === 'USERMAP' && record.attributes.CLNTUSER)
                path.identity = { kind: 'fixed', user: record.attributes.CLNTUSER, from: record.from };
            else
                path.identity = { kind: type.blankMcauser === 'unknown' ? 'unknown' : type.blankMcauser, from: mcauser.from };
        }
        const id = path.identity;
        const blocker = type.chlauthTypes.includes('BLOCKUSER')
            ? (0, mq_chlauth_1.blockUserRecord)(records, input.name, world.matches)
            : undefined;
        const blockList = blocker && blocker.attributes.WARN !== 'YES'
            ? (0, mq_chlauth_1.listValues)(blocker.attributes.USERLIST).map((u) => u.toLowerCase())
            : [];
        const blocksAdmins = blockList.includes('*mqadmin');
        if (id.kind === 'fixed' &&
            id.user &&
            (blockList.includes(id.user.toLowerCase()) || (blocksAdmins && (0, knowledge_1.isMqAdminUser)(id.user)))) {
            path.identity = { kind: 'blocked', user: id.user, from: blocker.from };
            path.blockUser = blocker;
        }
        else if (id.kind === 'client' && (blocksAdmins || blockList.includes('mqm')))
            path.blockUser = blocker;
        if (path.identity.kind === 'fixed' && (0, mq_chlauth_1.isBlockingMcauser)(path.identity.user))
            path.identity = { kind: 'blocked', user: path.identity.user, from: path.identity.from };
        const final = path.identity;
        path.admin =
            final.kind === 'mca' ||
                (final.kind === 'client' && !path.blockUser) ||
                (final.kind === 'fixed' && (0, knowledge_1.isMqAdminUser)(final.user ?? ''));
        path.password = passwordFor(path, record);
        return path;
    }
    function passwordFor(path, record) {
        if (type.blankMcauser === 'mca')
            return 'none'; // queue manager to queue manager channels carry no password
        if (path.identity.kind === 'blocked')
            return 'none';
        const base = connauth.chckclnt?.value;
        if (record?.templated.includes('CHCKCLNT'))
            return 'unknown';
        const fromRecord = record?.attributes.CHCKCLNT;
        if (fromRecord === 'REQUIRED' || fromRecord === 'REQDADM') {
            if (!connauth.authinfo.value.trim())
                return 'unknown';
            path.passwordFrom = record.from;
            const stricter = base !== undefined && (rank[base] ?? -1) > (rank[fromRecord] ?? -1) ? base : fromRecord;
            return stricter === 'REQUIRED' ? 'all' : 'admin';
        }
        if (!connauth.authinfo.value.trim())
            return 'none';
        if (base === undefined)
            return 'unknown';
        // REQDADM asks the asserted user for a password when it is privileged: a USERMAP path asserts CLNTUSER, whose group membership the tree does not show.
        if (base === 'REQDADM' && record?.type === 'USERMAP' && !(0, knowledge_1.isMqAdminUser)(record.attributes.CLNTUSER ?? ''))
            return path.identity.kind === 'fixed' && (0, knowledge_1.isMqAdminUser)(path.identity.user ?? '') ? 'unknown' : 'admin';
        return base === 'REQUIRED'
            ? 'all'
            : base === 'REQDADM'
                ? 'admin'
                : base === 'NONE' || base === 'OPTIONAL'
                    ? 'none'
                    : 'unknown';
    }
    const clientChannel = type.blankMcauser === 'client';
    const open = paths.filter((p) => p.identity.kind !== 'blocked');
    for (const p of open) {
        if (p.record) {
            if (p.record.from.kind === 'file')
                at(p.record.from.location, `SET CHLAUTH('${p.record.profile}') TYPE(${p.record.type})`);
            else
                assume((0, phrase_1.ours)('the default channel authentication records'));
        }
        if (p.identity.from?.kind === 'file' && !p.record)
            at(p.identity.from.location, `MCAUSER(${p.identity.user ?? ''})`);
        if (p.blockUser?.from.kind === 'file')
            at(p.blockUser.from.location, `SET CHLAUTH('${p.blockUser.profile}') TYPE(BLOCKUSER)`);
        if (p.admin && clientChannel) {
            if (connauth.authinfo.from.kind === 'file')
                at(connauth.authinfo.from.location, `CONNAUTH(${connauth.authinfo.value || "' '"})`);
            if (connauth.chckclnt?.from.kind === 'file')
                at(connauth.chckclnt.from.location, `CHCKCLNT(${connauth.chckclnt.value})`);
            else if (connauth.authinfo.value.trim())
                assume((0, phrase_1.said) `CHCKCLNT of ${connauth.authinfo.value} as shipped`);
        }
    }
    if (!input.defined && input.attributes === undefined)
        assume((0, phrase_1.said) `${input.name} as shipped`);
    if (input.location)
        deciding.unshift({ ...input.location, message: `${input.chltype} channel ${input.name}` });
    const adminWithoutSecret = !exit &&
        !tlsUnknown &&
        !templatedRecord &&
        open.some((p) => p.admin &&
            !p.needsCertificate &&
            (p.password === 'none' || (p.password === 'admin' && p.identity.kind === 'fixed')));
    const access = {
        nameDecides: true,
        uncertain: [],
        channel: input.name,
        chltype: input.chltype,
        chlauth,
        connauth,
        tls: { enabled: tlsEnabled, certificateRequired, unknown: tlsUnknown },
        exit,
        blockAll,
        templatedRecord,
        paths,
        adminWithoutSecret,
        assumed: [...assumed.values()],
        deciding: dedupe(deciding),
        results: [],
    };
    access.results = describe(access);
    return access;
}
/**
 * Where an MQSC makes every client authenticate and adopts the authenticated user (its CONNAUTH AUTHINFO written with
 * CHCKCLNT(REQUIRED) and ADOPTCTX(YES)): the CONNAUTH's place, else undefined.
 */
function adoptingConnauth(doc) {
    const connauth = connauthOf(doc.data.objects, doc.file.path, false);
    const written = (t, value) => t?.from.kind === 'file' && t.value === value;
    if (!written(connauth.chckclnt, 'REQUIRED') || !written(connauth.adoptctx, 'YES'))
        return undefined;
    return connauth.authinfo.from.kind === 'file' ? connauth.authinfo.from.location : undefined;
}
function connauthOf(objects, file, useDefault) {
    const p = useDefault ? undefined : objects.qmgr.get('CONNAUTH');
    const name = p && p.value !== undefined && !p.templated
        ? { value: p.value.trim().toUpperCase(), from: { kind: 'file', location: (0, mq_chlauth_1.paramLocation)(file, p) } }
        : {
            value: (0, knowledge_1.mqQmgrDefault)('CONNAUTH')?.value ?? 'SYSTEM.DEFAULT.AUTHINFO.IDPWOS',
            from: {
                kind: 'default',
                origin: `CONNAUTH of a new queue manager (${(0, knowledge_1.mqQmgrDefault)('CONNAUTH')?.source ?? ''})`,
            },
        };
    if (p?.templated)
        return { authinfo: { value: '?', from: { kind: 'file', location: (0, mq_chlauth_1.paramLocation)(file, p) } } };
    if (!name.value)
        return { authinfo: name };
    const object = useDefault ? undefined : objects.authinfo.get(name.value);
    const field = (keyword) => {
        const q = object?.attributes.get(keyword);
        if (q?.value !== undefined && !q.templated)
            return { value: q.value.toUpperCase(), from: { kind: 'file', location: (0, mq_chlauth_1.paramLocation)(file, q) } };
        if (q?.templated)
            return undefined;
        const d = (0, knowledge_1.mqAuthinfoDefault)(name.value, keyword);
        // An AUTHINFO the script DEFINEs takes the DEFINE defaults, which this model does not hold: unknown.
        return d && !object?.attributes.has('AUTHTYPE')
            ? { value: d.value, from: { kind: 'default', origin: `${keyword} of ${name.value} as shipped (${d.source})` } }
            : undefined;
    };
    return { authinfo: name, chckclnt: field('CHCKCLNT'), adoptctx: field('ADOPTCTX') };
}
function describe(a) {
    return a.exit ? [`unknown (exit ${a.exit.value})`] : (0, mq_access_words_1.describePaths)(a);
}
function dedupe(locations) {
    const seen = new Set();
    return locations.filter((l) => {
        const key = `${l.file}:${l.range?.start.line}:${l.range?.start.character}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
