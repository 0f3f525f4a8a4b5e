"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isJsseFamily = void 0;
exports.prepare = prepare;
exports.hasSuiteFor = hasSuiteFor;
exports.capability = capability;
/**
 * What each side of a handshake can do before it meets the other: its enabled versions and suites as facts, and the
 * versions it will negotiate (JSSE: enabled protocols that have an enabled suite; OpenSSL: the lowest contiguous run,
 * whose top version must have a cipher). Step 1 of the predictor (predict.ts).
 */
const messages_1 = require("./messages");
const suites_1 = require("./suites");
const knowledge_1 = require("../knowledge");
function prepare(side, role) {
    const enabled = new Set();
    for (const p of side.protocols) {
        const n = (0, knowledge_1.parseProtocol)(p);
        if (n)
            enabled.add(n);
    }
    const seen = new Set();
    const suites = [];
    for (const raw of side.cipherSuites) {
        const f = (0, suites_1.suiteFacts)(raw);
        if (f && !seen.has(f.name)) {
            seen.add(f.name);
            suites.push(f);
        }
    }
    const credentialSuites = role === 'server' ? (side.credentialSuites ?? []).flatMap((raw) => (0, suites_1.suiteFacts)(raw) ?? []) : [];
    return { side, name: side.label ?? role, enabled, suites, credentialSuites, role };
}
const isJsseFamily = (s) => s.side.implementation === 'jsse' || s.side.implementation === 'ibmjsse2';
exports.isJsseFamily = isJsseFamily;
function hasSuiteFor(s, p) {
    return s.suites.some((f) => (0, suites_1.suiteSupportsProtocol)(f, p));
}
/** OpenSSL's ssl_get_min_max_version: scanning down from TLS 1.3, a disabled version after an enabled one resets the range. */
function lowestContiguousRun(enabled) {
    let run = [];
    let hole = true;
    for (const p of [...suites_1.PROTOCOLS_ASCENDING].reverse()) {
        if (!enabled.has(p)) {
            hole = true;
            continue;
        }
        run = hole ? [p] : [...run, p];
        hole = false;
    }
    return run; // descending
}
function capability(s) {
    const desc = [...suites_1.PROTOCOLS_ASCENDING].reverse();
    if ((0, exports.isJsseFamily)(s)) {
        const versions = desc.filter((p) => s.enabled.has(p) && hasSuiteFor(s, p));
        const [highest, ...lower] = versions;
        if (highest)
            return { versions: [highest, ...lower] };
        const noneEnabled = s.enabled.size === 0;
        return {
            versions,
            localFailure: {
                reason: noneEnabled ? 'no-protocol-enabled' : 'no-cipher-for-protocol',
                message: (0, messages_1.noProtocolMessage)(s.side.implementation),
                explanation: noneEnabled
                    ? `${s.name} has no protocol left after the runtime's disabled algorithms`
                    : `none of ${s.name}'s enabled suites can be used with its enabled protocols (${[...s.enabled].join(', ')})`,
            },
        };
    }
    const versions = lowestContiguousRun(s.enabled);
    const [highest, ...lower] = versions;
    if (!highest) {
        return {
            versions,
            localFailure: {
                reason: 'no-protocol-enabled',
                message: (0, messages_1.noProtocolMessage)(s.side.implementation),
                explanation: `${s.name} has no protocol enabled`,
            },
        };
    }
    // A server's PSK/SRP suites count here (OpenSSL's check looks at versions only), though they are never negotiated.
    if (!hasSuiteFor(s, highest) && !s.credentialSuites.some((f) => (0, suites_1.suiteSupportsProtocol)(f, highest))) {
        return {
            versions,
            localFailure: {
                reason: 'no-cipher-for-protocol',
                message: (0, messages_1.noCipherForProtocolMessage)(s.side.implementation),
                explanation: `${s.name}'s highest enabled protocol is ${highest} but none of its suites can be used with it (OpenSSL requires one)`,
            },
        };
    }
    // The run is what a client offers and what a server's start-up check reads; an OpenSSL server then accepts each
    // version the client proposes on its own (ssl_choose_server_version → ssl_version_supported), so a hole hides no
    // version above it. Measured with OpenSSL 3.0: s_server -no_tls1_1 completes -tls1, -tls1_2 and -tls1_3 handshakes.
    if (s.role === 'server' && s.side.implementation === 'openssl') {
        const all = desc.filter((p) => s.enabled.has(p));
        return { versions: all };
    }
    return { versions: [highest, ...lower] };
}
