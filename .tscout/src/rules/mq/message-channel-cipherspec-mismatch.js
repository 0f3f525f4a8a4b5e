"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const knowledge_1 = require("../../knowledge");
const mq_cipherspecs_1 = require("../../model/mq-cipherspecs");
const mq_ini_1 = require("../../parse/mq-ini");
const cipherspec_pair_1 = require("./_lib/cipherspec-pair");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/**
 * Whether a queue manager is known to speak TLS 1.3: its release (a Dockerfile's MQ image) enables TLS 1.3 by default
 * and its qm.ini does not turn it off (SSL: AllowTLSV13=NO, then `off` says where). Undefined when its release is
 * not known. One answer per release when the end's MQSC runs on queue managers of different releases.
 */
function tls13Of(end) {
    const qmgr = end.attributes.qmgr;
    const runs = (0, shared_1.releasesOf)(qmgr);
    if (!qmgr || runs.length === 0)
        return [undefined];
    return runs.map(({ release, byRun }) => {
        if (!(0, knowledge_1.mqReleaseSpeaksTls13)(release.value))
            return { speaks: false };
        const allow = qmgr.qmIni ? (0, mq_ini_1.iniValue)(qmgr.qmIni.data, 'SSL', 'AllowTLSV13') : undefined;
        if (allow && qmgr.qmIni && /^(no|false)$/i.test(allow.value.trim()))
            return {
                speaks: false,
                off: {
                    file: qmgr.qmIni.file.path,
                    range: allow.valueRange,
                    message: (0, phrase_1.said) `AllowTLSV13=${allow.value.trim()}: no TLS 1.3`,
                },
            };
        const text = `MQ ${release.value}, ${release.via}`;
        return {
            speaks: true,
            release: { ...release.location, message: (0, phrase_1.said) `${end.name}'s queue manager runs ${text}` },
            text,
            value: release.value,
            byRun,
        };
    });
}
const sameLocation = (a, b) => a.file === b.file &&
    a.range?.start.line === b.range?.start.line &&
    a.range?.start.character === b.range?.start.character;
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/message-channel-cipherspec-mismatch',
        description: 'Require both ends of a queue-manager-to-queue-manager channel (SDR/SVR/CLUSSDR and its RCVR/RQSTR/CLUSRCVR) to name compatible CipherSpecs',
        severity: 'error',
        appliesTo: { components: ['mq.sender'] },
        messages: {
            differ: "{{sender}} ({{senderFile}}) uses SSLCIPH({{senderSpec}}) but its partner {{receiver}} ({{receiverFile}}) requires SSLCIPH({{receiverSpec}}): both ends of a channel must name the same CipherSpec, so the channel does not start: AMQ9631 'The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel {{channel}}' in the receiving queue manager's error log (CSQX631E on z/OS). Fix: set the same CipherSpec on both ends, or ANY_TLS12_OR_HIGHER on both",
            aliasNegotiatesTls13: "{{sender}} ({{senderFile}}) uses the alias {{senderSpec}} but its partner {{receiver}} ({{receiverFile}}) pins the TLS 1.2 CipherSpec {{receiverSpec}}, and both queue managers speak TLS 1.3 ({{senderRelease}}; {{receiverRelease}}): the handshake negotiates a TLS 1.3 CipherSpec, which is never {{receiverSpec}}, so the channel does not start: AMQ9631 'The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel {{channel}}' in the receiving queue manager's error log. Fix: name {{receiverSpec}} on the sending end too, or an alias on both ends",
            aliasLikelyToFail: "{{sender}} ({{senderFile}}) uses the alias {{senderSpec}} but its partner {{receiver}} ({{receiverFile}}) pins SSLCIPH({{receiverSpec}}): IBM calls this combination 'likely to fail': the channel starts only while {{receiverSpec}} is the strongest CipherSpec both queue managers support (AMQ9631 otherwise). Fix: name {{receiverSpec}} on the sending end too, or an alias on both ends",
            aliasFails: '{{sender}} ({{senderFile}}) uses the alias {{senderSpec}} ({{senderProtocols}}) but its partner {{receiver}} ({{receiverFile}}) pins the {{receiverProtocol}} CipherSpec {{receiverSpec}}: this combination always fails (AMQ9631 / AMQ9641, CSQX631E on z/OS). Fix: use a {{receiverProtocol}}-capable CipherSpec on both ends',
            noCommonProtocol: '{{sender}} ({{senderFile}}) uses {{senderSpec}} but its partner {{receiver}} ({{receiverFile}}) allows only {{receiverSpec}}: no common protocol, the channel does not start (AMQ9631 / AMQ9641). Fix: use CipherSpecs of one protocol on both ends',
            receiverNoTls: "{{sender}} ({{senderFile}}) uses SSLCIPH({{senderSpec}}) but its partner {{receiver}} ({{receiverFile}}) has no SSLCIPH: channel startup fails when only one end of a channel defines a CipherSpec. Fix: set SSLCIPH({{senderSpec}}) on {{receiver}} too, with a certificate in its queue manager's key repository",
            senderNoTls: "{{sender}} ({{senderFile}}) has no SSLCIPH but its partner {{receiver}} ({{receiverFile}}) requires SSLCIPH({{receiverSpec}}): the receiving queue manager refuses the plaintext sender (AMQ9639 'Remote channel {{channel}} did not specify a CipherSpec'). Fix: set SSLCIPH({{receiverSpec}}) on the sending end",
        },
        defaultOptions: {},
        symptoms: ['AMQ9631', 'CSQX631E', 'AMQ9641', 'AMQ9639'],
    },
    check(ctx) {
        for (const { sender, receiver, evidence } of (0, shared_1.messageChannelLinks)(ctx.deployment)) {
            const s = sender.attributes.sslciph;
            const r = receiver.attributes.sslciph;
            if (s?.templated || r?.templated)
                continue;
            const senderSpec = s?.value.trim() ?? '';
            const receiverSpec = r?.value.trim() ?? '';
            const verdict = (0, cipherspec_pair_1.compareCipherSpecs)(senderSpec, receiverSpec);
            if (!verdict)
                continue;
            // A RQSTR usually starts the connection itself (to a SVR without CONNAME, or asking a SDR to call back): which
            // end initiates is not known, and IBM's "likely to fail" holds only for an alias on the initiating end.
            if (verdict.kind === 'aliasLikelyToFail' && receiver.attributes.chltype === 'RQSTR')
                continue;
            const data = {
                sender: sender.name,
                receiver: receiver.name,
                channel: sender.attributes.channelName,
                senderSpec,
                receiverSpec,
                senderFile: (0, shared_1.display)(ctx.cwd, sender.location.file),
                receiverFile: (0, shared_1.display)(ctx.cwd, receiver.location.file),
            };
            const base = {
                location: s?.location ?? sender.location,
                related: [
                    (0, shared_1.related)(r?.location ?? receiver.location, r ? `${receiver.attributes.chltype} SSLCIPH(${receiverSpec})` : `${receiver.name} defined without SSLCIPH`),
                    ...evidence,
                ],
                fingerprint: [sender.id, receiver.id, senderSpec, receiverSpec],
            };
            switch (verdict.kind) {
                case 'respondingNoTls':
                    ctx.report({ messageId: 'receiverNoTls', data, ...base });
                    break;
                case 'initiatingNoTls':
                    ctx.report({ messageId: 'senderNoTls', data, ...base });
                    break;
                case 'aliasLikelyToFail': {
                    // IBM: likely to fail, not certain: it works while the pinned CipherSpec is the strongest common one. When
                    // both queue managers speak TLS 1.3 and the alias allows it, the strongest common one is a TLS 1.3 CipherSpec.
                    const aliasAllows13 = (0, mq_cipherspecs_1.mqCipherSpecAlias)(senderSpec)?.protocols.includes('TLSv1.3');
                    const pinned12 = (0, mq_cipherspecs_1.mqCipherSpec)(receiverSpec)?.protocol === 'TLSv1.2';
                    const [senderRuns, receiverRuns] = [tls13Of(sender), tls13Of(receiver)];
                    // Each pair of releases the two ends run on (one pair unless an end's MQSC runs on several releases).
                    const pairs = senderRuns.flatMap((s13) => receiverRuns.map((r13) => [s13, r13]));
                    let settled = false;
                    for (const [s13, r13] of pairs) {
                        if (!(s13?.speaks && r13?.speaks && aliasAllows13 && pinned12))
                            continue;
                        settled = true;
                        ctx.report({
                            messageId: 'aliasNegotiatesTls13',
                            data: { ...data, senderRelease: s13.text, receiverRelease: r13.text },
                            ...base,
                            // One Dockerfile that builds both queue managers is one place.
                            related: [
                                ...base.related,
                                ...(sameLocation(s13.release, r13.release)
                                    ? [{ ...s13.release, message: (0, phrase_1.said) `both queue managers run ${s13.text}` }]
                                    : [s13.release, r13.release]),
                            ],
                            // One finding per pair of releases when an end's MQSC runs on queue managers of different releases.
                            fingerprint: s13.byRun || r13.byRun ? [...base.fingerprint, s13.value, r13.value] : base.fingerprint,
                        });
                    }
                    if (settled)
                        break;
                    // A qm.ini that turns TLS 1.3 off is why a known release does not settle it (one qm.ini per end, whatever
                    // the releases its MQSC runs on).
                    const offOf = (runs) => runs.flatMap((t) => (t && !t.speaks && t.off ? [t.off] : [])).slice(0, 1);
                    const off = [...offOf(senderRuns), ...offOf(receiverRuns)];
                    ctx.report({
                        messageId: 'aliasLikelyToFail',
                        data,
                        severity: 'warning',
                        ...base,
                        related: [...base.related, ...off],
                    });
                    break;
                }
                case 'aliasFails':
                    ctx.report({
                        messageId: 'aliasFails',
                        data: {
                            ...data,
                            senderProtocols: verdict.initiatingProtocols,
                            receiverProtocol: verdict.respondingProtocol,
                        },
                        ...base,
                    });
                    break;
                case 'differ':
                case 'noCommonProtocol':
                    ctx.report({ messageId: verdict.kind, data, ...base });
                    break;
            }
        }
    },
});
