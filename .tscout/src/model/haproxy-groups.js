"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.haproxyFiniteFieldGroups = haproxyFiniteFieldGroups;
/** The TLS 1.3 groups of a HAProxy bind, for clients without EC groups (src/model/openssl-groups.ts). */
const haproxy_tls_1 = require("./haproxy-tls");
const openssl_groups_1 = require("./openssl-groups");
/**
 * HAProxy bind: its `curves`, else the global `ssl-default-bind-curves`, else its `ecdhe` (one EC curve, which HAProxy
 * then sets as the only group: measured, src/model/openssl-groups.ts), else OpenSSL's defaults. A placeholder leaves it unknown.
 */
function haproxyFiniteFieldGroups(own, globalCurves, openssl) {
    const option = (0, haproxy_tls_1.lastOption)(own, 'curves') ?? globalCurves ?? (0, haproxy_tls_1.lastOption)(own, 'ecdhe');
    const value = option?.value?.value;
    if (option && (value === undefined || (0, haproxy_tls_1.isPlaceholder)(value)))
        return undefined;
    const written = option && value !== undefined
        ? { value, from: { kind: 'file', location: (0, haproxy_tls_1.optionLocation)(option) } }
        : undefined;
    return (0, openssl_groups_1.opensslFiniteFieldGroups)({
        written,
        openssl: openssl.facts,
        assumed: openssl.assumed,
        product: 'HAProxy',
        directive: 'curves on the bind line',
    });
}
