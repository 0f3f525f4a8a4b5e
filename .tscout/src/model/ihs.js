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
exports.ihsServerComponent = ihsServerComponent;
/**
 * IBM HTTP Server's own TLS module, mod_ibm_ssl (GSKit), as a TLS server: one `ihs.server` per virtual host (or main
 * server) where `SSLEnable` is in effect. mod_ssl's model (./httpd.ts) does not see these: `SSLEnable` is not
 * `SSLEngine on`, and none of mod_ssl's defaults apply to GSKit.
 *
 * What a virtual host inherits from the main server is IBM's list (data/ihs.json `inherited`): `SSLEnable`/`SSLDisable`,
 * `KeyFile` and `SSLServerCert` are; `SSLCipherSpec`, `SSLProtocolDisable` and the rest are not. The protocols and
 * suites GSKit offers depend on the IHS release and are not modelled here: the end's implementation is unknown.
 */
const path = __importStar(require("node:path"));
const nginx_placed_1 = require("./nginx-placed");
const httpd_tls_1 = require("./httpd-tls");
const ihs_1 = require("../knowledge/ihs");
/** The directive in effect: from the main server too when IHS copies it into virtual hosts, else the own level's. */
function ihsInEffect(levels, key) {
    return (0, httpd_tls_1.inEffect)(ihs_1.IHS_INHERITED.has(key) ? levels : levels.slice(-1), key);
}
/** `SSLEnable` or `SSLDisable` (both inherited): the innermost level that writes either wins. */
function enabledAt(levels) {
    for (let i = levels.length - 1; i >= 0; i--) {
        const found = (levels[i] ?? [])
            .filter((p) => !p.block && (p.directive.key === 'sslenable' || p.directive.key === 'ssldisable'))
            .at(-1);
        if (found)
            return found.directive.key === 'sslenable' ? found : undefined;
    }
    return undefined;
}
const at = (p) => ({ file: p.file, range: (0, nginx_placed_1.argsRange)(p) });
/** `KeyFile [/prompt] path` or `KeyFile /saf ring` (z/OS): the path, or why it is no file. */
function keyFileOf(line) {
    if (!line)
        return {};
    const words = line.directive.args.map((a) => a.value);
    if (words[0]?.toLowerCase() === '/saf')
        return { keyFileUnknown: `KeyFile /saf ${words[1] ?? ''} names a z/OS SAF key ring, not a file of the tree` };
    const value = words[0]?.toLowerCase() === '/prompt' ? words[1] : words[0];
    return value ? { keyFile: { value, location: at(line) } } : {};
}
/** The `ihs.server` of a virtual host (or the main server) when SSLEnable is in effect there; else undefined. */
function ihsServerComponent(levels, vhost, listenPorts, context) {
    const enable = enabledAt(levels);
    if (!enable)
        return undefined;
    // A level that also turns mod_ssl on is mod_ssl's to model (./httpd.ts); IHS does not load mod_ssl.
    if ((0, httpd_tls_1.inEffect)(levels, 'sslengine')?.directive.args[0]?.value.toLowerCase() === 'on')
        return undefined;
    const addresses = (vhost?.directive.args ?? []).map((a) => a.value);
    const ports = [...new Set(addresses.length > 0 ? addresses.flatMap(httpd_tls_1.portOf) : listenPorts)];
    const names = (0, httpd_tls_1.serverNamesOf)(levels.at(-1) ?? []);
    const certLine = ihsInEffect(levels, 'sslservercert');
    const location = vhost
        ? { file: vhost.file, range: vhost.directive.nameRange }
        : { file: enable.file, range: enable.directive.nameRange };
    const relative = path.relative(context.root, location.file).split(path.sep).join('/') || path.basename(location.file);
    const written = addresses.find((a) => !/[$[{<%]/.test(a))?.replace(/:\d+$/, '');
    const label = `${names[0] ?? (written || '_')}:${ports[0] ?? '?'}`;
    const enabledLocation = { file: enable.file, range: enable.directive.nameRange };
    // What the main server writes that IHS does not copy into a virtual host (data/ihs.json `notInherited`).
    const notApplied = vhost && context.mainHeld
        ? (levels[0] ?? [])
            .filter((p) => !p.block && ihs_1.IHS_NOT_INHERITED.has(p.directive.key))
            .map((p) => ({
            directive: p.directive.name,
            location: { file: p.file, range: p.directive.range },
            ...((0, httpd_tls_1.inEffect)(levels.slice(-1), p.directive.key) ? { ownToo: true } : {}),
        }))
        : [];
    return {
        id: `ihs.server:${relative}:${label}:${location.range?.start.line ?? 0}`,
        type: 'ihs.server',
        // Outside any <VirtualHost> of a file no main configuration of the tree includes: whatever includes it owns them.
        name: vhost
            ? `IBM HTTP Server virtual host ${label} (${relative})`
            : context.mainHeld
                ? `IBM HTTP Server main server${ports.length > 0 ? ` :${ports.join(', :')}` : ''} (${relative})`
                : `IBM HTTP Server TLS settings (${relative})`,
        role: 'server',
        location,
        host: context.host,
        // GSKit's protocols and suites for the IHS release are not modelled: unknown, never mod_ssl's or OpenSSL's.
        tls: { implementation: 'unknown', enabled: { value: true, from: { kind: 'file', location: enabledLocation } } },
        documents: [context.doc],
        attributes: {
            tlsPorts: ports,
            hostnames: names,
            addresses,
            enabledAt: enabledLocation,
            ...keyFileOf(ihsInEffect(levels, 'keyfile')),
            ...(certLine
                ? { serverCert: { labels: certLine.directive.args.map((a) => a.value), location: at(certLine) } }
                : {}),
            ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
            ...((vhost ?? enable).via ? { includedBy: (vhost ?? enable).via } : {}),
            ...(notApplied.length > 0 ? { globalNotApplied: notApplied } : {}),
        },
    };
}
