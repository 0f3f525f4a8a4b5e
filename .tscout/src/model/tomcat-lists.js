"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROTOCOL_NAME = void 0;
exports.tomcatProtocols = tomcatProtocols;
exports.jsseCipherNames = jsseCipherNames;
exports.tomcatCiphers = tomcatCiphers;
/** Tomcat's protocol and cipher list syntax (SSLHostConfig): shared by the Tomcat and Spring Boot server models. */
const openssl_cipher_string_1 = require("../knowledge/openssl-cipher-string");
const tomcat_1 = require("../knowledge/tomcat");
/**
 * Tomcat's `protocols` / `sslEnabledProtocols` text as SSLHostConfig.setProtocols reads it (8.5.0 to 11.0): split
 * before each `+`, `-` and `,` only; each token trimmed; `+name` adds, `-name` removes, `name` or `,name` adds; `all`
 * (any case) is every protocol. A name is kept as written: `TLSv1.2 TLSv1.3` (a space) and `tlsv1.2` are one name
 * each, which no JDK implements (Tomcat 9.0.70 and 10.1.60 on JDK 17: "None of the [protocols] specified are
 * supported by the SSL engine" when nothing else is left).
 */
function tomcatProtocols(value, all = (0, tomcat_1.tomcatTlsFacts)().protocolsAll) {
    const set = [];
    for (const part of value.split(/(?=[-+,])/)) {
        let token = part.trim();
        if (token.length <= 1)
            continue;
        const sign = token.charAt(0);
        if (sign === '+' || sign === '-' || sign === ',')
            token = token.slice(1).trim();
        const names = token.toLowerCase() === 'all' ? all : [token];
        for (const name of names) {
            const at = set.indexOf(name);
            if (sign === '-') {
                if (at !== -1)
                    set.splice(at, 1);
            }
            else if (at === -1)
                set.push(name);
        }
    }
    return set;
}
/** A `ciphers` value that is a comma list of JSSE/IANA names (not an OpenSSL cipher string): the names, else undefined. */
function jsseCipherNames(value) {
    const parts = value.split(/[,\s]+/).filter(Boolean);
    // JSSE names have lower-case parts too (TLS_ECDH_anon_WITH_…, TLS_DH_anon_…).
    return parts.every((p) => /^(TLS|SSL)_[A-Za-z0-9_]+$/.test(p)) ? parts : undefined;
}
/** An APR/OpenSSL connector's `ciphers`: a comma list of JSSE/IANA names, or an OpenSSL cipher string (expanded to IANA names). */
function tomcatCiphers(value) {
    return jsseCipherNames(value) ?? (0, openssl_cipher_string_1.expandCipherString)(value).ciphers.map((c) => c.iana);
}
/** The protocol names a JDK's SSLContext knows (JSSE Standard Algorithm Names), compared case-sensitively as SSLUtilBase does. */
exports.PROTOCOL_NAME = /^(SSLv2Hello|SSLv2|SSLv3|TLSv1|TLSv1\.[123]|DTLSv1\.[02])$/;
