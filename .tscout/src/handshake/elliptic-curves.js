"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tls13EllipticCurveFailure = tls13EllipticCurveFailure;
/**
 * TLS 1.3 with a Java end whose runtime has no elliptic-curve provider (a jlink runtime without jdk.crypto.ec): it offers
 * finite-field groups only for the key share, and has no ECDSA signature scheme. Measured with a JDK 17.0.15 runtime
 * jlinked from java.base and java.net.http against openssl 3.0 s_server and a JDK 17 server:
 *  - a server that takes no finite-field group (`-groups X25519:P-256`, -Djdk.tls.namedGroups=x25519,secp256r1) fails:
 *    OpenSSL 'final_key_share:no suitable key share' with handshake_failure, JSSE 'No common named group' with
 *    unexpected_message;
 *  - a server whose only certificate has an EC key fails: OpenSSL 'tls_choose_sigalg:no suitable signature algorithm',
 *    JSSE 'No available authentication scheme', both with handshake_failure.
 * (Before TLS 1.3 the suites carry it: the end's lists hold no ECDHE or ECDSA suite, src/handshake/jsse-end.ts.)
 */
const openssl_1 = require("../knowledge/openssl");
const messages_1 = require("./messages");
/**
 * The TLS 1.3 failure an end without elliptic curves meets with this peer, if any (see the module comment). `server`:
 * whether it is a JSSE end and its certificates' key types, as the predictor has them.
 */
function tls13EllipticCurveFailure(client, server, names, serverFacts) {
    const jsseServer = serverFacts.jsse;
    if (client.ellipticCurves === false && server.finiteFieldGroups === false) {
        const alert = jsseServer ? 'unexpected_message' : 'handshake_failure';
        return {
            reason: 'no-common-group',
            failingSide: 'server',
            alert,
            messages: {
                client: (0, messages_1.peerAlertMessage)(client.implementation, alert),
                server: jsseServer ? 'No common named group' : openssl_1.OPENSSL_NO_KEY_SHARE,
            },
            why: `${names.client}'s runtime has no elliptic-curve provider (jlink without jdk.crypto.ec), so its TLS 1.3 key share offers finite-field groups only (ffdhe2048…), and ${names.server} takes none of them`,
        };
    }
    const keys = serverFacts.keyTypes;
    const onlyEc = keys.some((k) => k === 'EC') && keys.every((k) => k === 'EC' || k === undefined);
    const withoutEc = client.ellipticCurves === false ? names.client : server.ellipticCurves === false ? names.server : '';
    if (onlyEc && withoutEc)
        return {
            reason: 'no-cipher-for-certificate',
            failingSide: 'server',
            alert: 'handshake_failure',
            messages: {
                client: (0, messages_1.peerAlertMessage)(client.implementation, 'handshake_failure'),
                // OpenSSL's reason is the one it gives for TLS 1.0/1.1 at its security level (tls_choose_sigalg).
                server: jsseServer ? 'No available authentication scheme' : openssl_1.LEGACY_PROTOCOL_FAILURE.serverMessage,
            },
            why: `${names.server}'s certificate has an EC key, and ${withoutEc}'s runtime has no elliptic-curve provider (jlink without jdk.crypto.ec), so no ECDSA signature can be made or checked in TLS 1.3`,
        };
    return undefined;
}
