"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.markAlternativeConfigurations = markAlternativeConfigurations;
/**
 * Server configuration files side by side (standalone.xml, standalone-ha.xml, standalone-full.xml… in one
 * configuration directory; the profiles of a domain.xml): a server runs one of them — the one its start names
 * (`standalone.sh -c standalone-ha.xml`, `--server-config=`; standalone.xml without; a server group's profile). Where
 * their HTTPS listeners on one port serve different TLS, which one a client meets is unknown: each such listener says
 * so (`tls.unknownValues`), and a link to it has an unknown outcome, never another file's failure. Listeners that serve
 * the same TLS give the same verdict whichever runs.
 */
const path = __importStar(require("node:path"));
const storeKey = (s) => (s ? (s.file ?? `?${s.path.value}`) : undefined);
/** What decides a handshake with the listener, without where it is written. */
function servedTls(c) {
    const tls = c.tls;
    const trust = tls?.trust;
    return JSON.stringify([
        tls?.protocols?.value,
        tls?.cipherSuites?.value,
        tls?.serverOrderWins?.value,
        tls?.clientAuth?.value,
        tls?.unknownValues,
        storeKey(trust?.keyStore),
        trust?.keyAlias?.value,
        storeKey(trust?.trustStore),
        trust?.defaultTrust,
    ]);
}
/** Marks the listeners of one directory and port whose configurations serve different TLS (see the file comment). */
function markAlternativeConfigurations(listeners) {
    const groups = new Map();
    for (const c of listeners) {
        const key = `${path.dirname(c.location.file)}\0${c.attributes.tlsPorts.join(',')}`;
        groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
        const files = new Set(group.map((c) => c.location.file));
        if (group.length < 2 || new Set(group.map(servedTls)).size < 2)
            continue;
        const names = [...files].map((f) => path.basename(f)).join(' or ');
        // Read after "the tree does not say the value of" (tls/link-outcome-unknown).
        const what = files.size > 1
            ? `the configuration file the server starts with (standalone.sh -c / --server-config: ${names})`
            : `the profile of ${names} the server runs (its server group)`;
        for (const c of group) {
            if (!c.tls)
                continue;
            const others = group
                .filter((o) => o !== c)
                .map((o) => ({ ...o.location, message: `${o.name} serves other TLS on the same port` }));
            c.tls.unknownValues = [...(c.tls.unknownValues ?? []), what];
            c.tls.unknownAt = [...(c.tls.unknownAt ?? []), ...others];
        }
    }
}
