"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.basicCredentialTokens = basicCredentialTokens;
/**
 * HTTP Basic credentials written in a configuration value: `Basic <token>`, the token being base64 of `user:password`
 * (RFC 7617 §2, https://www.rfc-editor.org/rfc/rfc7617#section-2). Base64 is an encoding, not encryption: whoever reads
 * the value has the password (an nginx `proxy_set_header Authorization "Basic …"`, a Spring gateway's
 * `header-injections: - Authorization: Basic …`: tobymoreno/mtls-proxy config/application.yml). A token counts when
 * it decodes, byte for byte, to printable text holding a user, a colon and a non-empty password; placeholders
 * (`Basic ${CREDENTIALS}`) and other schemes never match.
 */
const BASIC = /(?:^|[\s"'=:])Basic\s+([A-Za-z0-9+/]{8,}={0,2})(?=$|[\s"';,])/g;
/** Control characters, and what a byte sequence that is not UTF-8 decodes to. */
const NOT_TEXT = /[\u0000-\u001f\u007f\ufffd]/;
/** The Basic credential tokens a value holds (never their decoded text). */
function basicCredentialTokens(value) {
    // Every value of every file is asked (the rule and the masker): most hold no `Basic` at all.
    if (!value.includes('Basic'))
        return [];
    const tokens = [];
    for (const m of value.matchAll(BASIC)) {
        const token = m[1]; // the regular expression's non-optional group
        const bytes = Buffer.from(token, 'base64');
        // Only a canonical encoding: a word of letters that happens to decode is not a credential.
        if (bytes.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, ''))
            continue;
        const text = bytes.toString('utf8');
        const colon = text.indexOf(':');
        if (colon > 0 && colon < text.length - 1 && !NOT_TEXT.test(text))
            tokens.push(token);
    }
    return tokens;
}
