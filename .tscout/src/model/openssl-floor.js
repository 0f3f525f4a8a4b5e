"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.signatureFloorSettings = signatureFloorSettings;
/**
 * The signature floor of an OpenSSL end (nginx server or proxy): OpenSSL 3 above security level 0 signs no TLS 1.0/1.1
 * handshake as a server and accepts no signed TLS 1.0/1.1 key exchange as a client; OpenSSL 1.1.1 and older do both.
 * The series comes from the tree's image; when the tree names none (3.x assumed), the other series' floor is the
 * alternative the outcome checks, so a link only that decides is unknown, never a guessed failure or pass.
 */
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
function signatureFloorSettings(input) {
    const { openssl, assumed, level, ciphers, directive, role, product = 'nginx', writtenAt } = input;
    const out = {};
    const floor = (0, openssl_1.signatureFloor)(openssl, level ?? openssl.defaultSecurityLevel);
    const what = role === 'server' ? 'signs no TLS 1.0/1.1 handshake' : 'accepts no signed TLS 1.0/1.1 key exchange (ECDHE, DHE)';
    const explicit = (value) => level === undefined ? undefined : ciphers ? (0, nginx_placed_1.tracedAt)(ciphers, value) : writtenAt?.(value);
    if (floor)
        out.signatureFloor = explicit(floor) ?? {
            value: floor,
            from: {
                kind: 'default',
                origin: `OpenSSL ${openssl.series} at security level ${openssl.defaultSecurityLevel} or above ${what} (${openssl.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    const elsewhere = assumed ? (0, openssl_1.signatureFloorElsewhere)(openssl, level) : undefined;
    if (elsewhere)
        out.signatureFloorAlternative = {
            what: `the OpenSSL release ${product} runs (OpenSSL ${openssl.series} assumed, which at security level 1 and above ${what}; OpenSSL ${elsewhere.series.join(', ')} ${elsewhere.series.length > 1 ? 'do' : 'does'}${floor ? '' : ' not'}): name ${product}'s image in a Dockerfile FROM beside the configuration, or set ${directive} with @SECLEVEL=0 if TLS 1.0/1.1 must work`,
            ...(elsewhere.floor ? { value: elsewhere.floor } : {}),
        };
    return out;
}
