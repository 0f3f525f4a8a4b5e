"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const mq_chlauth_1 = require("../../model/mq-chlauth");
const types_2 = require("../../model/types");
const access_1 = require("./_lib/access");
const certificate_admission_1 = require("./_lib/certificate-admission");
const shared_1 = require("./_lib/shared");
const sslpeer_1 = require("./_lib/sslpeer");
const phrase_1 = require("../../core/phrase");
const recordText = (r) => {
    const a = r.attributes;
    const parts = [`SET CHLAUTH('${r.profile}') TYPE(${r.type})`];
    if (a.SSLPEER !== undefined)
        parts.push(`SSLPEER('${a.SSLPEER}')`);
    if (a.ADDRESS !== undefined)
        parts.push(`ADDRESS('${a.ADDRESS}')`);
    if (a.USERSRC !== undefined)
        parts.push(`USERSRC(${a.USERSRC})`);
    if (a.MCAUSER !== undefined)
        parts.push(`MCAUSER('${a.MCAUSER}')`);
    return parts.join(' ');
};
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/chlauth-refuses-certificate',
        description: "Decide what a channel's CHLAUTH records do with the certificate its peer presents (a client, the queue manager at the other end of a message channel), when that certificate is in the tree: matched by no SSLPEERMAP record and caught by a USERSRC(NOACCESS) back-stop, matched by a NOACCESS record, or mapped to a user a BLOCKUSER record refuses",
        severity: 'error',
        appliesTo: { components: ['mq.svrconn'] },
        messages: {
            noAccess: "{{peer}} presents {{certFile}} ({{dn}}), and the channel authentication records of {{channel}} refuse it: {{how}}. The queue manager ends the channel with AMQ9777E 'Channel was blocked' (a Channel Blocked event, MQRQ_CHANNEL_BLOCKED_NOACCESS){{peerSees}}{{assumed}}. Fix: {{fix}}",
            blockedUser: "{{peer}} presents {{certFile}} ({{dn}}); on {{channel}} it matches {{record}}, which maps it to user '{{user}}', and {{blocker}} refuses that user: the queue manager ends the channel with AMQ9776E 'Channel was blocked by userid'{{peerSees}}{{assumed}}. Fix: map the certificate to a user that is not blocked (not an administrator when *MQADMIN is listed)",
        },
        defaultOptions: {},
        symptoms: ['AMQ9777', 'AMQ9776', 'Channel was blocked', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
    },
    check(ctx) {
        const judge = (peer, peerName, cert, server, evidence, peerSees) => {
            const attrs = server.attributes;
            const doc = attrs.qmgr?.mqsc;
            const input = (0, access_1.inputOf)(attrs);
            if (!cert || !doc || !input)
                return;
            // A channel SSLPEER the certificate fails ends the channel first (mq/sslpeer-no-match).
            const own = attrs.sslpeer;
            if (own && own.value.trim()) {
                const filter = (0, sslpeer_1.parsePeerFilter)(own.value);
                if (own.templated || filter.errors.length || (0, sslpeer_1.peerMismatch)(filter, cert.cert.subject, cert.cert.serialNumber))
                    return;
            }
            const access = (0, access_1.accessOf)(ctx.deployment, doc, input);
            const admission = access && (0, certificate_admission_1.certificateAdmission)(access, cert);
            if (!access || !admission || admission.path.identity.kind !== 'blocked')
                return;
            const { path, passed } = admission;
            const record = path.record;
            const common = {
                peer: peerName,
                certFile: (0, shared_1.display)(ctx.cwd, cert.doc.file.path),
                dn: cert.cert.subjectText,
                channel: `${attrs.chltype} ${attrs.channelName}`,
                peerSees,
                assumed: (0, access_1.assumption)(access),
            };
            // A verdict that rests on defaults of a new queue manager the tree does not show is a warning.
            const severity = access.assumed.length ? 'warning' : 'error';
            const certRelated = (0, shared_1.related)({ file: cert.doc.file.path, range: cert.cert.range }, `certificate ${peerName} presents: ${cert.cert.subjectText}`);
            const recordRelated = (r, message) => r.from.kind === 'file' ? [(0, shared_1.related)(r.from.location, message)] : [];
            const passedRelated = passed.flatMap((p) => recordRelated(p.record, `not matched: ${p.why}`));
            const location = record?.from.kind === 'file' ? record.from.location : attrs.nameLocation;
            if (path.blockUser && record && path.identity.user) {
                // A USERSRC(MAP) record of the tree refuses every peer it maps, whatever certificate: mq/mapping-to-blocked-user says so once.
                if (record.from.kind === 'file' && (record.attributes.USERSRC ?? 'MAP') === 'MAP')
                    return;
                ctx.report({
                    messageId: 'blockedUser',
                    data: {
                        ...common,
                        record: recordText(record),
                        user: path.identity.user,
                        blocker: (0, phrase_1.said) `SET CHLAUTH('${path.blockUser.profile}') TYPE(BLOCKUSER) USERLIST(${(0, mq_chlauth_1.listValues)(path.blockUser.attributes.USERLIST)
                            .map((u) => `'${u}'`)
                            .join(',')})${path.blockUser.from.kind === 'default' ? (0, phrase_1.ours)(' (a default record of every new queue manager)') : ''}`,
                    },
                    location,
                    severity,
                    related: [
                        certRelated,
                        ...recordRelated(path.blockUser, 'refuses the mapped user'),
                        ...passedRelated,
                        (0, shared_1.related)(peer.location, `${peerName} connects here`),
                        ...evidence,
                    ],
                    fingerprint: [server.id, peer.id, 'blockuser', cert.cert.fingerprintSha256],
                });
                return;
            }
            if (!record || (record.attributes.USERSRC ?? 'MAP') !== 'NOACCESS')
                return;
            const how = record.type === 'SSLPEERMAP'
                ? `it matches ${recordText(record)}`
                : `${passed.length ? `it matches none of the SSLPEERMAP records (${passed.map((p) => `SSLPEER('${p.record.attributes.SSLPEER ?? ''}'): ${p.why}`).join('; ')}), so ` : 'no SSLPEERMAP record admits it, so '}${recordText(record)}${record.from.kind === 'default' ? ' (a default record of every new queue manager)' : ''} decides`;
            const o = cert.cert.subject.find((a) => a.type.toUpperCase() === 'O')?.value;
            const cn = cert.cert.subject.find((a) => a.type.toUpperCase() === 'CN')?.value;
            const filter = [cn ? `CN=${cn}` : '', o ? `O=${o}` : ''].filter(Boolean).join(',') || cert.cert.subjectText;
            ctx.report({
                messageId: 'noAccess',
                data: {
                    ...common,
                    how,
                    fix: record.type === 'SSLPEERMAP'
                        ? (0, phrase_1.said) `narrow or remove that record if ${peerName} is to connect, or give it a certificate the record does not match`
                        : (0, phrase_1.said) `admit the DN with an SSLPEERMAP record (SET CHLAUTH('${attrs.channelName}') TYPE(SSLPEERMAP) SSLPEER('${filter}') USERSRC(MAP) MCAUSER('app')), or give ${peerName} a certificate with a DN a record admits`,
                },
                location,
                severity,
                related: [certRelated, ...passedRelated, (0, shared_1.related)(peer.location, `${peerName} connects here`), ...evidence],
                fingerprint: [server.id, peer.id, 'noaccess', cert.cert.fingerprintSha256],
            });
        };
        for (const { client, server, evidence } of (0, shared_1.mqLinks)(ctx.deployment)) {
            const cert = (0, types_2.isJmsConnectionFactory)(client) || (0, types_2.isMqChannel)(client) ? client.attributes.certificate : undefined;
            judge(client, client.name, cert, server, evidence, ', and the client gets RC=2035 MQRC_NOT_AUTHORIZED');
        }
        for (const { sender, receiver, evidence } of (0, shared_1.messageChannelLinks)(ctx.deployment)) {
            // Two queue managers configured from one directory: whose certificate is there is not known.
            if (sender.attributes.qmgr?.homeDir === receiver.attributes.qmgr?.homeDir)
                continue;
            judge(sender, sender.name, sender.attributes.certificate, receiver, evidence, '; the sending channel retries');
        }
    },
});
