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
exports.SERVER_DEFAULTED = void 0;
exports.isUnresolvedInclude = isUnresolvedInclude;
exports.hasUnresolvedInclude = hasUnresolvedInclude;
exports.withUnheldSettings = withUnheldSettings;
/**
 * TLS settings an nginx server or proxy may take from an `include` the tree does not hold (certbot's
 * `/etc/letsencrypt/options-ssl-nginx.conf`, an image's `/config/nginx/ssl.conf`). nginx refuses to start when
 * an include without glob characters names no file, so that file exists where nginx runs: a setting the server
 * leaves to nginx's default may be in it, and the default is then a guess, never a verdict.
 */
const path = __importStar(require("node:path"));
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
/** The server settings the model otherwise takes from nginx's defaults and that decide a handshake. */
exports.SERVER_DEFAULTED = ['ssl_protocols', 'ssl_ciphers', 'ssl_prefer_server_ciphers', 'ssl_dhparam'];
/** Files nginx installs that hold no TLS setting (`include mime.types;` in every nginx.conf). */
const WITHOUT_TLS = new Set(openssl_1.NGINX_FACTS.includesWithoutTls.value);
/** An include the contributor kept because it resolved to no file of the tree (one that may hold TLS settings). */
function isUnresolvedInclude(p) {
    const target = p.directive.args[0]?.value;
    return !p.block && p.directive.name === 'include' && !!target && !WITHOUT_TLS.has(path.posix.basename(target));
}
/** Includes of the list that the contributor kept because they resolved to no file of the tree. */
function unresolved(list) {
    return list.filter(isUnresolvedInclude);
}
/** Whether any level holds an include the tree does not hold (it may set anything of its level). */
function hasUnresolvedInclude(levels) {
    return levels.some((level) => unresolved(level).length > 0);
}
const setsAt = (level, name) => level.some((p) => !p.block && p.directive.name === name);
/**
 * What unresolved includes leave open of `names`, over the block levels an end inherits (`levels` outermost first:
 * http, server, location…). A setting of a level is known against an include of the same level for the directives
 * nginx refuses twice in a block ("is duplicate": ssl_ciphers, ssl_prefer_server_ciphers, ssl_dhparam and their
 * proxy_ssl_ counterparts); a bitmask one (ssl_protocols: ngx_conf_set_bitmask_slot) adds up, so such an include may
 * widen it. An include of an inner level may set any of them; one set nowhere is unknown when any level has one.
 */
function settingsOfMissingIncludes(levels, names, who) {
    const includesOf = levels.map(unresolved);
    const written = (list) => list.map((p) => p.directive.args[0]?.value ?? '');
    const notHeld = (list) => `${written(list).join(', ')}: the tree does not hold ${list.length === 1 ? 'that file' : 'those files'} (add ${list.length === 1 ? 'it' : 'them'} to the tree)`;
    const unknownNames = [];
    const involved = new Set();
    const out = {};
    for (const name of names) {
        let setAt = -1;
        levels.forEach((level, i) => {
            if (setsAt(level, name))
                setAt = i;
        });
        const widening = setAt >= 0 && (0, nginx_placed_1.isBitmaskSetting)(name) ? (includesOf[setAt] ?? []) : [];
        if (widening.length > 0)
            out.widened = {
                name,
                what: `what include ${written(widening).join(', ')} may add to ${name} (nginx adds up every ${name} of a block; the tree does not hold ${widening.length === 1 ? 'that file' : 'those files'}: add ${widening.length === 1 ? 'it' : 'them'} to the tree)`,
            };
        const inner = includesOf.slice(setAt + 1).flat();
        if (inner.length === 0)
            continue;
        unknownNames.push(name);
        for (const include of inner)
            involved.add(include);
    }
    if (involved.size === 0)
        return out;
    // Outermost first, as the levels are.
    const includes = includesOf.flat().filter((p) => involved.has(p));
    out.unknown = {
        unknownValues: [`${unknownNames.join(', ')}, which ${who} leaves to include ${notHeld(includes)}`],
        unknownAt: includes.map((p) => ({
            file: p.file,
            range: (0, nginx_placed_1.argsRange)(p),
            message: `include ${p.directive.args[0]?.value ?? ''}: not in the tree, it may set ${unknownNames.join(', ')}`,
        })),
    };
    return out;
}
/**
 * The protocols an include could add to a bitmask setting: every name ssl_protocols takes that the OpenSSL has
 * (ngx_http_ssl_protocols; SSLv2/SSLv3 are built into no OpenSSL 1.1+ by default), kept in order with those set.
 */
function widenedProtocols(set, tls13) {
    const all = ['TLSv1', 'TLSv1.1', 'TLSv1.2', ...(tls13 ? ['TLSv1.3'] : [])];
    return [...set, ...all.filter((p) => !set.includes(p))];
}
/**
 * What the tree does not hold, for an nginx end (server or proxy), put into its settings: OpenSSL configuration
 * commands (`ssl_conf_command`: not applied, so its lists are unknown), the `names` unresolved includes may set
 * (unknown values), and a protocols directive they may widen (the widest list as the alternative the outcome checks).
 */
function withUnheldSettings(tls, levels, end) {
    const missing = settingsOfMissingIncludes(levels, end.names, end.who);
    (0, nginx_placed_1.withUnknown)(tls, missing.unknown);
    (0, nginx_placed_1.withUnknown)(tls, (0, nginx_placed_1.confCommandsUnknown)(levels, end.confCommand));
    if (missing.widened && tls.protocols)
        tls.protocolsAlternative = { what: missing.widened.what, value: widenedProtocols(tls.protocols.value, end.tls13) };
}
