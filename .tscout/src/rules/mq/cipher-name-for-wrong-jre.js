"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const mq_cipherspecs_1 = require("../../model/mq-cipherspecs");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/cipher-name-for-wrong-jre',
        description: "Require a JMS SSLCIPHERSUITE in the naming the MQ client expects (IBM 'SSL_' vs Oracle 'TLS_', per com.ibm.mq.cfg.useIBMCipherMappings)",
        severity: 'error',
        appliesTo: { components: ['jms.connection-factory'] },
        messages: {
            wrongNaming: "SSLCIPHERSUITE '{{value}}' of {{factory}} is {{given}} naming, but com.ibm.mq.cfg.useIBMCipherMappings is {{mapping}} ({{mappingSource}}), so the MQ classes for JMS expect {{expected}} naming: the connection fails with JMSCMQ0001 / RC=2400 MQRC_UNSUPPORTED_CIPHER_SUITE. Use '{{suggestion}}'{{alternative}}",
        },
        defaultOptions: {},
        symptoms: ['MQRC_UNSUPPORTED_CIPHER_SUITE', 'RC=2400', '2400'],
    },
    check(ctx) {
        for (const c of ctx.deployment.components) {
            if (c.type !== 'jms.connection-factory')
                continue;
            const a = c.attributes;
            const suite = a.sslCipherSuite;
            if (!suite || !suite.value.trim() || suite.templated || (0, mq_cipherspecs_1.mqCipherSpecAlias)(suite.value))
                continue;
            const spec = (0, mq_cipherspecs_1.cipherSpecForJavaSuite)(suite.value);
            if (!spec || spec.protocol === 'TLSv1.3' || spec.iana === spec.ibmJsse)
                continue;
            const ibm = a.useIBMCipherMappings.value;
            const isIbmName = suite.value.trim().toUpperCase() === spec.ibmJsse;
            if (isIbmName === ibm)
                continue;
            const from = a.useIBMCipherMappings.from;
            ctx.report({
                messageId: 'wrongNaming',
                data: {
                    value: suite.value,
                    factory: a.factoryName,
                    given: isIbmName ? (0, phrase_1.ours)("IBM JRE ('SSL_')") : (0, phrase_1.ours)("Oracle/OpenJDK ('TLS_')"),
                    mapping: String(ibm),
                    mappingSource: from.kind === 'default' ? (0, phrase_1.ours)('the default') : (0, phrase_1.ours)('set in the tree'),
                    expected: ibm ? (0, phrase_1.ours)("IBM ('SSL_')") : (0, phrase_1.ours)("Oracle ('TLS_')"),
                    suggestion: (0, mq_cipherspecs_1.javaSuiteName)(spec, ibm),
                    alternative: ibm ? (0, phrase_1.ours)(', or set -Dcom.ibm.mq.cfg.useIBMCipherMappings=false on a non-IBM JRE') : '',
                },
                location: suite.location,
                related: from.kind === 'file' ? [{ ...from.location, message: (0, phrase_1.ours)('useIBMCipherMappings set here') }] : [],
                fingerprint: [c.id, suite.value, String(ibm)],
            });
        }
    },
});
