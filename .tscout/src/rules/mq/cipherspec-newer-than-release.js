"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const knowledge_1 = require("../../knowledge");
const types_2 = require("../../model/types");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/**
 * An SSLCIPH the queue manager's release does not know yet: the alias CipherSpecs (ANY_TLS12_OR_HIGHER, ANY_TLS13…)
 * and the TLS 1.3 CipherSpecs came with IBM MQ 9.1.4, so a 9.0 or 9.1.0 queue manager refuses the DEFINE and the
 * channel never exists. Only where the tree names the release (Dockerfile FROM, QueueManager spec.version,
 * components[].mqRelease): every release since 9.2.0 (2020) knows these names, so an unnamed release says nothing. An
 * MQSC that runs on queue managers of different releases (two Compose services with different MQ images) is judged on
 * each: the finding names the service whose release refuses it.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/cipherspec-newer-than-release',
        description: "Report channels whose SSLCIPH names a CipherSpec the queue manager's IBM MQ release does not know yet (an alias such as ANY_TLS12_OR_HIGHER, or a TLS 1.3 CipherSpec, before 9.1.4): the DEFINE fails",
        severity: 'error',
        appliesTo: { components: ['mq.'] },
        messages: {
            unknownToRelease: "Channel {{channel}} sets SSLCIPH({{spec}}), which IBM MQ {{release}} does not know: {{what}} came with IBM MQ {{since}}. DEFINE CHANNEL fails with AMQ8242 'SSLCIPH definition wrong' (MQRCCF_SSL_CIPHER_SPEC_ERROR) and the channel is not created. Name a CipherSpec this release has (a specific TLS 1.2 one such as TLS_RSA_WITH_AES_256_GCM_SHA384), or run IBM MQ {{since}} or later",
            unsettled: "Channel {{channel}} sets SSLCIPH({{spec}}): IBM MQ {{release}} is a release between {{unsettledFrom}} and {{since}}, and IBM's pages do not settle whether it knows {{what}} (they name {{since}} as the release all queue managers must run). If it does not, DEFINE CHANNEL fails with AMQ8242 'SSLCIPH definition wrong'. Check on that release, or run IBM MQ {{since}} or later",
        },
        defaultOptions: {},
        symptoms: ['AMQ8242', 'SSLCIPH definition wrong', 'MQRCCF_SSL_CIPHER_SPEC_ERROR'],
    },
    check(ctx) {
        for (const c of ctx.deployment.components) {
            if (!(0, types_2.isMqChannel)(c))
                continue;
            const a = c.attributes;
            const v = a.sslciph;
            // A CLNTCONN of an MQSC script is defined (and its SSLCIPH checked) by the queue manager that runs the script.
            if (!v || v.templated)
                continue;
            const spec = (0, knowledge_1.findCipherSpec)(v.value.trim());
            // An MQSC run on queue managers of different releases fails on each release that does not know the name.
            for (const { release, byRun } of spec ? (0, shared_1.releasesOf)(a.qmgr ?? a.definedOn) : []) {
                const state = spec ? (0, knowledge_1.mqCipherSpecKnownIn)(spec.name, release.value) : undefined;
                if (!spec || !state || state.known === 'yes')
                    continue;
                const unsettledFrom = spec.introducedIn?.unsettledFrom;
                if (state.known === 'unknown' && !unsettledFrom)
                    continue;
                ctx.report({
                    messageId: state.known === 'no' ? 'unknownToRelease' : 'unsettled',
                    severity: state.known === 'no' ? undefined : 'warning',
                    data: {
                        channel: a.channelName,
                        spec: spec.name,
                        release: (0, phrase_1.said) `${release.value} (${release.via})`,
                        what: spec.alias
                            ? (0, phrase_1.ours)('the alias CipherSpecs (ANY, ANY_TLS12, ANY_TLS12_OR_HIGHER, ANY_TLS13…)')
                            : (0, phrase_1.ours)('TLS 1.3'),
                        since: state.since,
                        unsettledFrom: unsettledFrom ?? '',
                    },
                    location: v.location,
                    related: [...(0, shared_1.releaseRelated)(release), ...(0, shared_1.channelStory)(a, v.location)],
                    fingerprint: byRun ? [c.id, spec.name, release.value] : [c.id, spec.name],
                });
            }
        }
    },
});
