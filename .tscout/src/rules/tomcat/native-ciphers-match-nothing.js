"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tomcat_1 = require("../../knowledge/tomcat");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const JSSE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;
const TLS13_NAME = /^TLS_(AES|CHACHA20|SM4)_/;
/** Why OpenSSL matches nothing and what to write instead, read from the value as written. */
function explain(ciphers) {
    const tokens = ciphers.split(/[:,\s]+/).filter(Boolean);
    if (tokens[0] === 'DEFAULT')
        return {
            why: (0, phrase_1.ours)(': DEFAULT then no longer comes first, and OpenSSL reads DEFAULT only as the first word'),
            fix: "Drop DEFAULT: name the suites ('HIGH:!aNULL:!MD5'), or remove ciphers for Tomcat's default",
        };
    if (tokens.length > 0 && tokens.every((t) => TLS13_NAME.test(t)))
        return {
            why: (0, phrase_1.ours)(': TLS 1.3 suite names are no part of an OpenSSL cipher list'),
            fix: "Name TLS 1.2 suites too ('HIGH:!aNULL:!MD5'), or remove ciphers for Tomcat's default",
        };
    if (ciphers.includes(':') && tokens.some((t) => JSSE_NAME.test(t)))
        return {
            why: (0, phrase_1.ours)(': OpenSSL knows no JSSE names, and Tomcat converts them to OpenSSL names only in a comma-separated list'),
            fix: 'Separate the JSSE names with commas, or write their OpenSSL names',
        };
    return {
        why: '',
        fix: "Name suites OpenSSL implements ('HIGH:!aNULL:!MD5'), or remove ciphers for Tomcat's default",
    };
}
/** What the connector does with ciphers OpenSSL refuses, by the release that runs it. */
function symptom(why, port) {
    const release = why.release ? `Tomcat ${why.release.named.split(' ')[0]}` : 'Tomcat';
    const closed = `fails to initialise the connector, and port ${port} is not opened (the rest of Tomcat starts)`;
    const open = (verb) => `yet ${verb} port ${port} and ${verb === 'open' ? 'close' : 'closes'} every connection in the handshake ('Remote host terminated the handshake' in Java, 'unexpected eof while reading' in OpenSSL)`;
    if (why.closesPort === true)
        return `${release} logs '${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.failure}', ${closed}`;
    if (why.closesPort === false)
        return `${release} logs '${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.olderLog}' ('${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.failure}') ${open('opens')}`;
    return `Tomcat logs '${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.failure}': ${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.connectorFailsFromText} and later then fail to initialise the connector (port ${port} is not opened), earlier releases log '${tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.olderLog}' ${open('open')}`;
}
/** The places that decide it: why OpenSSL, and the release when it decides the symptom; one a line. */
function related(why) {
    const out = [];
    const place = (at) => {
        const line = at.range?.start.line;
        if (!out.some((r) => r.file === at.file && r.range?.start.line === line))
            out.push(at);
    };
    for (const at of why.runsOn.at)
        place({ ...at, message: (0, phrase_1.ours)('Tomcat runs the connector on OpenSSL through Tomcat Native') });
    if (why.release)
        place({ ...why.release.at, message: (0, phrase_1.said) `Tomcat ${why.release.named.split(' ')[0]} runs this server.xml` });
    return out;
}
/**
 * A Tomcat connector on OpenSSL through Tomcat Native (model/tomcat-native.ts) whose `ciphers` give OpenSSL no TLS
 * 1.2-or-lower suite: Tomcat Native puts `!aNULL:!eNULL:!EXP:` before the string (so `DEFAULT…` matches nothing), and
 * OpenSSL knows no JSSE names in a colon list. When Tomcat's own parser finds nothing either, the connector fails to
 * initialise; else OpenSSL refuses the list, and the release decides whether the port opens (measured with Tomcat
 * 9.0.70, libtcnative-1 1.2.35 and OpenSSL 3.0.19; the later releases from their sources). No TLS either way: an error.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tomcat/native-ciphers-match-nothing',
        description: 'Report a Tomcat connector on OpenSSL through Tomcat Native whose ciphers give OpenSSL no cipher suite, so it serves no TLS',
        severity: 'error',
        messages: {
            tomcatRefuses: '{{server}} serves no TLS: it runs on OpenSSL through Tomcat Native ({{because}}), and its ciphers="{{ciphers}}" name no cipher suite OpenSSL implements{{why}}. Tomcat fails to initialise the connector (\'{{failure}} : [[]]\') and port {{port}} is not opened; the rest of Tomcat starts without it. {{fix}}',
            opensslRefuses: '{{server}} serves no TLS: it runs on OpenSSL through Tomcat Native ({{because}}), which puts \'{{prefix}}\' before its ciphers="{{ciphers}}", and OpenSSL then matches no cipher suite{{why}}. {{symptom}}. {{fix}}',
        },
        defaultOptions: {},
        appliesTo: { documents: ['tomcat.server-xml'] },
        symptoms: [tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.failure, tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.tomcatCheck.failure, tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.opensslCheck.olderLog],
    },
    check(ctx) {
        for (const server of ctx.deployment.unservedTls ?? []) {
            const why = server.why;
            if (why.kind !== 'tomcat-native-ciphers-refused')
                continue;
            const { why: because, fix } = explain(why.ciphers);
            const port = why.port ?? '(none)';
            const data = {
                server: server.server,
                because: why.runsOn.because,
                ciphers: why.ciphers,
                why: because,
                port,
                fix,
            };
            ctx.report({
                messageId: why.stage === 'tomcat' ? 'tomcatRefuses' : 'opensslRefuses',
                data: why.stage === 'tomcat'
                    ? { ...data, failure: tomcat_1.TOMCAT_NATIVE_CIPHERS_REFUSED.tomcatCheck.failure }
                    : { ...data, prefix: tomcat_1.TOMCAT_NATIVE.cipherStringPrefix.value, symptom: symptom(why, port) },
                location: why.at,
                related: related(why),
                fingerprint: [server.server, 'native-ciphers'],
            });
        }
    },
});
