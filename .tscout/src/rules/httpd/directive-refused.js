"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
/**
 * mod_ssl lines httpd refuses when it reads its configuration (src/model/httpd-refused.ts): an illegal SSLProtocol
 * word, `SSLv2`, a flag that is not On or Off, an SSLProxyVerify / SSLVerifyClient value it does not know, an
 * SSLCipherSuite protocol other than `SSL` or `TLSv1.3`. `apachectl configtest` fails and httpd does not start, so every
 * site of the configuration is down. Messages measured with httpd 2.4.71.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/directive-refused',
        description: 'Report mod_ssl lines httpd refuses when it reads the configuration (an illegal protocol, a flag that is not On or Off, an unknown verify mode): httpd does not start',
        severity: 'error',
        appliesTo: { documents: ['httpd.conf'] },
        messages: {
            refused: 'httpd refuses this {{directive}} line when it reads the configuration ("AH00526: Syntax error on line … : {{message}}"): apachectl configtest fails (exit 1) and httpd does not start, so none of the sites of this configuration runs. Write it with the words mod_ssl takes',
        },
        options: {},
        symptoms: [
            'Illegal protocol',
            'must be On or Off',
            'Invalid argument',
            'SSLv2 is no longer supported',
            'not supported',
        ],
    },
    check(ctx) {
        for (const refused of ctx.deployment.httpdRefusedDirectives ?? [])
            ctx.report({
                messageId: 'refused',
                data: { directive: refused.directive, message: refused.message },
                location: refused.at,
                fingerprint: [refused.directive, refused.message],
            });
    },
});
