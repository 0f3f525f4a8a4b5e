"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jettyPassword = jettyPassword;
/**
 * Jetty's `OBF:` obfuscation of passwords (org.eclipse.jetty.util.security.Password): reversible by design. Jetty's
 * SslContextFactory decodes a store password written so before it loads the store (`new Password(value)`), so the
 * decoded password is what the JDK checks. Only held in local variables; never shown.
 */
const OBF = /^OBF:([0-9a-z]+)$/;
/**
 * The password a value stands for as Jetty's Password reads it: an `OBF:` value decoded as Password.deobfuscate does
 * (groups of four base-36 digits; again while the result starts with `OBF:`), any other value itself. Undefined when
 * the encoding is damaged, or has `U` groups (bytes above 127): those stay unread.
 */
function jettyPassword(value) {
    let current = value;
    for (let round = 0; current.startsWith('OBF:'); round++) {
        const m = OBF.exec(current);
        if (!m || round > 3)
            return undefined;
        current = deobfuscated(m[1]);
    }
    return current;
}
function deobfuscated(digits) {
    const bytes = [];
    for (let i = 0; i + 4 <= digits.length; i += 4) {
        const n = parseInt(digits.slice(i, i + 4), 36);
        bytes.push(Math.trunc((Math.trunc(n / 256) + (n % 256) - 254) / 2) & 0xff);
    }
    return Buffer.from(bytes).toString('utf8');
}
