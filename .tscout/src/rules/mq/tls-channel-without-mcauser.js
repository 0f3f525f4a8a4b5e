"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const path = __importStar(require("node:path"));
const types_1 = require("../types");
const mq_access_1 = require("../../model/mq-access");
const mq_scripts_1 = require("../../model/mq-scripts");
const mq_chlauth_1 = require("../../model/mq-chlauth");
const mq_channel_access_1 = require("../../model/mq-channel-access");
const access_1 = require("./_lib/access");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/tls-channel-without-mcauser',
        description: "Warn when a TLS inbound channel (SVRCONN, AMQP, RCVR, RQSTR, CLUSRCVR) runs as the client-asserted user or the queue manager's own user: no MCAUSER and no CHLAUTH mapping",
        severity: 'warning',
        appliesTo: { components: ['mq.svrconn'] },
        messages: {
            noMcauser: "Channel {{channel}} {{tls}} but sets no MCAUSER and {{mapping}}: the channel runs with the user id the client asserts, {{asserted}}{{unless}}. Set MCAUSER to a low-privilege user, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('appuser')",
            mcaUser: "{{chltype}} channel {{channel}} authenticates partners with TLS (SSLCIPH({{ciph}})) but sets no MCAUSER and no CHLAUTH rule maps them to a user: its MCA runs as the queue manager's own user (mqm), so any partner with a trusted certificate can put to every queue. Result: {{result}}{{assumed}}. Set MCAUSER to a user with only the put authority needed, or add SET CHLAUTH('{{channel}}') TYPE(SSLPEERMAP) SSLPEER('CN=…') USERSRC(MAP) MCAUSER('mqput')",
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        // MQSCs that make every client authenticate as the user it then runs as: another file of the tree may configure
        // the queue manager that runs a channel's file (mq-container runs every /etc/mqm/*.mqsc on one queue manager).
        const adopting = (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment).flatMap((doc) => {
            const at = (0, mq_access_1.adoptingConnauth)(doc);
            return at ? [{ doc, at }] : [];
        });
        for (const { channel: a, access, doc } of (0, access_1.inboundAccess)(ctx.deployment)) {
            if (!(0, access_1.tlsRuleOwns)(access) || !a.sslciph)
                continue;
            // Only when this file leaves CONNAUTH as shipped and the tree does not tie it to a named queue manager (or the
            // other file sits beside it): then which configuration applies is unknown, not the asserted id.
            const elsewhere = access.connauth.authinfo.from.kind === 'file'
                ? undefined
                : adopting.find((o) => o.doc !== doc &&
                    (!a.qmgr?.namedBy.length || path.dirname(o.doc.file.path) === path.dirname(doc.file.path)));
            const mca = access.paths.some((p) => p.identity.kind === 'mca');
            // A mapping whose user a BLOCKUSER record refuses maps no peer in (mq/mapping-to-blocked-user reports it). A
            // USERSRC(CHANNEL) record maps no user: its path runs as the asserted id, which BLOCKUSER may refuse for admins.
            const refused = access.paths.flatMap((p) => p.record && mq_chlauth_1.MAPPING_TYPES.includes(p.record.type) && p.identity.kind === 'blocked' && p.blockUser
                ? [`SET CHLAUTH('${p.record.profile}') TYPE(${p.record.type}) maps to ${p.identity.user ?? 'a user'}`]
                : []);
            ctx.report({
                messageId: mca ? 'mcaUser' : 'noMcauser',
                data: {
                    channel: a.channelName,
                    chltype: a.chltype,
                    ciph: a.sslciph.value,
                    // SSLCAUTH(OPTIONAL) asks for no client certificate: the channel encrypts, it authenticates no one.
                    tls: a.sslcauth?.value.toUpperCase() === 'OPTIONAL'
                        ? (0, phrase_1.said) `uses TLS (SSLCIPH(${a.sslciph.value})) with client certificates optional (SSLCAUTH(OPTIONAL))`
                        : (0, phrase_1.said) `authenticates clients with TLS (SSLCIPH(${a.sslciph.value}))`,
                    mapping: refused.length === 0
                        ? (0, phrase_1.ours)('no CHLAUTH rule maps the certificate to a user')
                        : refused.length === 1
                            ? (0, phrase_1.said) `its CHLAUTH mapping (${refused.join('')}) names a user that BLOCKUSER refuses`
                            : (0, phrase_1.said) `its CHLAUTH mappings (${refused.join('; ')}) name users that BLOCKUSER refuses`,
                    // The default BLOCKUSER('*MQADMIN') record refuses an asserted administrator: any other id still gets in.
                    asserted: access.paths.some((p) => p.identity.kind === 'client' && p.admin)
                        ? (0, phrase_1.ours)('which can be an administrator (mqm)')
                        : (0, phrase_1.ours)('which can be any user but an administrator (BLOCKUSER refuses those)'),
                    result: (0, access_1.resultText)(access),
                    assumed: (0, access_1.assumption)(access),
                    unless: elsewhere
                        ? (0, phrase_1.said) `, unless the queue manager that runs it also runs ${path.basename(elsewhere.doc.file.path)}, whose CONNAUTH has CHCKCLNT(REQUIRED) ADOPTCTX(YES): every client then authenticates and the channel runs as the authenticated user. The tree does not say which queue manager runs each file`
                        : '',
                },
                ...(elsewhere ? { severity: 'info' } : {}),
                location: a.nameLocation,
                ...(0, access_1.nameRole)(access),
                related: [
                    { ...a.sslciph.location, message: (0, phrase_1.ours)('TLS enabled here') },
                    ...(access.chlauth.from.kind === 'file'
                        ? [{ ...access.chlauth.from.location, message: (0, phrase_1.said) `CHLAUTH(${access.chlauth.value})` }]
                        : []),
                    ...(0, access_1.storyRole)(access, (0, shared_1.channelStory)(a, a.nameLocation)),
                    // A templated SSLPEERMAP/USERMAP… that may match the channel may map its peers to a user after all.
                    ...(0, mq_channel_access_1.uncertainPlaces)(access, (r) => mq_chlauth_1.MAPPING_TYPES.includes(r.type)),
                    ...(elsewhere
                        ? [{ ...elsewhere.at, message: (0, phrase_1.ours)('CONNAUTH with CHCKCLNT(REQUIRED) ADOPTCTX(YES) in another file') }]
                        : []),
                ],
                fingerprint: [a.channelName, a.chltype, 'no-mcauser'],
            });
        }
    },
});
