"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.protocolsOfLine = protocolsOfLine;
exports.withoutHoles = withoutHoles;
/** The words SSLProtocol knows (compared without case: strcEQ is strcasecmp); `all` is every protocol the build has. */
const PROTOCOL_WORDS = {
    sslv3: ['SSLv3'],
    tlsv1: ['TLSv1'],
    'tlsv1.1': ['TLSv1.1'],
    'tlsv1.2': ['TLSv1.2'],
    'tlsv1.3': ['TLSv1.3'],
    // The OpenSSL 1.1+ builds of current distributions have no SSLv3 (HTTPD_FACTS.protocolsDefault).
    all: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
};
/**
 * The protocols an `SSLProtocol` / `SSLProxyProtocol` line enables, read as ssl_cmd_protocol_parse does (words without
 * case): `+x` adds,
 * `-x` removes, a word without sign replaces what came before (httpd warns, AH02532), `-SSLv2` is ignored; any other
 * word stops httpd at start (`invalid`, httpd's own words).
 */
function protocolsOfLine(line) {
    let enabled = [];
    let overriding;
    for (const arg of line.args) {
        const sign = arg.value.startsWith('+') || arg.value.startsWith('-') ? arg.value.charAt(0) : '';
        const word = arg.value.slice(sign.length);
        const lower = word.toLowerCase();
        if (lower === 'sslv2') {
            if (sign === '-')
                continue;
            // httpd's own words, the same for SSLProxyProtocol.
            return { protocols: [], invalid: 'SSLProtocol: SSLv2 is no longer supported' };
        }
        const these = Object.hasOwn(PROTOCOL_WORDS, lower) ? PROTOCOL_WORDS[lower] : undefined;
        if (!these)
            return { protocols: [], invalid: `${line.name}: Illegal protocol '${word}'` };
        if (sign === '-')
            enabled = enabled.filter((x) => !these.includes(x));
        else if (sign === '+')
            enabled = [...new Set([...enabled, ...these])];
        else {
            // ssl_cmd_protocol_parse warns (AH02532) when a word without sign comes while some protocol is set: it replaces
            // them (after `-all` nothing is set, and `-all TLSv1.2` is what it says).
            if (enabled.length > 0)
                overriding ??= arg.value;
            enabled = [...these];
        }
    }
    return { protocols: enabled, ...(overriding ? { overriding } : {}) };
}
const ORDER = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/**
 * The protocols OpenSSL is given: mod_ssl sets the highest enabled as the maximum and, going down, the last one before
 * a protocol that is not enabled as the minimum — "we do not allow holes between max and min" (ssl_engine_init.c,
 * ssl_init_ctx_protocol), so `SSLProtocol TLSv1 +TLSv1.2` serves TLSv1.2 alone (measured on httpd 2.4.71).
 */
function withoutHoles(enabled) {
    const top = Math.max(...enabled.map((p) => ORDER.indexOf(p)));
    if (top < 0)
        return [...enabled];
    let bottom = top;
    while (bottom > 0 && enabled.includes(ORDER[bottom - 1]))
        bottom--;
    return ORDER.slice(bottom, top + 1);
}
