"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const cipherspec_pair_1 = require("./_lib/cipherspec-pair");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/cipherspec-mismatch',
        description: "Require a CLNTCONN/CCDT channel's CipherSpec to be compatible with the SVRCONN's SSLCIPH",
        severity: 'error',
        appliesTo: { components: ['mq.svrconn'] },
        messages: {
            differ: '{{client}} uses CipherSpec {{clientSpec}} but channel {{channel}} on the queue manager requires SSLCIPH({{serverSpec}}) ({{serverFile}}): both ends must name the same CipherSpec; the channel fails with AMQ9631 (CSQX631E on z/OS) and the client gets RC=2393 MQRC_SSL_INITIALIZATION_ERROR or RC=2397. Fix: set the client to {{serverSpec}} or use an ANY_* alias on the SVRCONN',
            aliasLikelyToFail: "{{client}} uses the alias {{clientSpec}} but channel {{channel}} pins SSLCIPH({{serverSpec}}): IBM calls this combination 'likely to fail' — it works only when {{serverSpec}} is the strongest CipherSpec both ends support (AMQ9631 otherwise). Fix: name {{serverSpec}} on the client or an ANY_* alias on the channel",
            aliasFails: '{{client}} uses the alias {{clientSpec}} ({{clientProtocols}}) but channel {{channel}} pins the {{serverProtocol}} CipherSpec {{serverSpec}}: this combination always fails (AMQ9631 / CSQX631E, client RC=2393). Fix: use a {{serverProtocol}}-capable CipherSpec on both ends',
            serverAliasClientTls13Only: '{{client}} uses {{clientSpec}} but channel {{channel}} allows only {{serverSpec}}: no common protocol, the handshake fails (AMQ9631 / RC=2393)',
            noTls: '{{client}} uses CipherSpec {{clientSpec}} but channel {{channel}} has no SSLCIPH ({{serverFile}}): the queue manager refuses a TLS client on a plain channel (AMQ9639 / RC=2393). Fix: set SSLCIPH on the SVRCONN',
            clientNoTls: "{{client}} has no CipherSpec but channel {{channel}} requires SSLCIPH({{serverSpec}}) ({{serverFile}}): the queue manager rejects the plaintext client (AMQ9639 'Remote channel did not specify a CipherSpec', client RC=2393 / 2059). Fix: set the client's CipherSpec to {{serverSpec}}",
        },
        defaultOptions: {},
        symptoms: ['AMQ9631', 'CSQX631E', 'AMQ9639', 'MQRC_SSL_INITIALIZATION_ERROR', 'RC=2393'],
    },
    check(ctx) {
        for (const { client, server, serverAttrs, evidence } of (0, shared_1.mqLinks)(ctx.deployment)) {
            if (client.type !== 'mq.clntconn' && client.type !== 'mq.ccdt-channel')
                continue;
            const c = client.attributes;
            const s = serverAttrs.sslciph;
            if (c.sslciph?.templated || s?.templated)
                continue;
            const clientSpec = c.sslciph?.value.trim() ?? '';
            const serverSpec = s?.value.trim() ?? '';
            const data = {
                client: client.name,
                channel: serverAttrs.channelName,
                clientSpec,
                serverSpec,
                serverFile: (0, shared_1.display)(ctx.cwd, server.location.file),
            };
            const where = c.sslciph?.location ?? client.location;
            const rel = [
                (0, shared_1.related)(s?.location ?? server.location, s ? `SVRCONN SSLCIPH(${serverSpec})` : `SVRCONN ${serverAttrs.channelName} defined without SSLCIPH`),
                ...evidence,
            ];
            const fp = [client.id, server.id, clientSpec, serverSpec];
            const verdict = (0, cipherspec_pair_1.compareCipherSpecs)(clientSpec, serverSpec);
            if (!verdict)
                continue;
            const base = { location: where, related: rel, fingerprint: fp };
            switch (verdict.kind) {
                case 'respondingNoTls':
                    ctx.report({ messageId: 'noTls', data, ...base });
                    break;
                case 'initiatingNoTls':
                    ctx.report({ messageId: 'clientNoTls', data, ...base });
                    break;
                case 'differ':
                case 'aliasLikelyToFail':
                    ctx.report({ messageId: verdict.kind, data, ...base });
                    break;
                case 'aliasFails':
                    ctx.report({
                        messageId: 'aliasFails',
                        data: { ...data, clientProtocols: verdict.initiatingProtocols, serverProtocol: verdict.respondingProtocol },
                        ...base,
                    });
                    break;
                case 'noCommonProtocol':
                    ctx.report({ messageId: 'serverAliasClientTls13Only', data, ...base });
                    break;
            }
        }
    },
});
