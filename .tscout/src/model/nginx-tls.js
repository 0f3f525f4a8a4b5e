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
exports.opensslAttribute = opensslAttribute;
exports.serverOpenssl = serverOpenssl;
exports.nginxImagesNamed = nginxImagesNamed;
exports.storeDirectivesOf = storeDirectivesOf;
exports.tlsFrom = tlsFrom;
exports.withoutNginxExtras = withoutNginxExtras;
/**
 * The TLS settings of an nginx end (a `server { }` block or a policy snippet) from the directives it inherits, and the
 * OpenSSL it runs with (the image of the nearest Dockerfile, else the assumed series): ciphers expanded by that
 * OpenSSL, protocols, DH parameters, the signature floor, server order and client authentication.
 */
const path = __importStar(require("node:path"));
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const openssl_cipher_string_1 = require("../knowledge/openssl-cipher-string");
const openssl_1 = require("../knowledge/openssl");
const server_releases_1 = require("../knowledge/server-releases");
const nginx_placed_1 = require("./nginx-placed");
const openssl_floor_1 = require("./openssl-floor");
const openssl_groups_1 = require("./openssl-groups");
const openssl_level_1 = require("./openssl-level");
const nginx_package_release_1 = require("./nginx-package-release");
/** nginx's `ssl_ciphers` default (knowledge: openssl-servers.json `nginx.ciphersDefault`). */
const NGINX_DEFAULT_CIPHERS = openssl_1.NGINX_FACTS.ciphersDefault.value;
const CLIENT_AUTH = {
    on: 'required',
    optional: 'optional',
    optional_no_ca: 'optional',
    off: 'none',
};
/** The OpenSSL facts nginx attributes carry (src/derive/stack.ts labels the stack from them). */
function opensslAttribute(openssl) {
    const { facts, assumed, source, release, via, at } = openssl;
    return { series: facts.series, assumed, source, ...(release && via ? { release, via } : {}), ...(at ? { at } : {}) };
}
/**
 * The OpenSSL an nginx or HAProxy file runs with: the image of the nearest Dockerfile whose directory holds the file
 * (`FROM nginx:1.14` → Debian stretch → OpenSSL 1.1.0), else the `image:` of the Docker Compose services that
 * bind-mount the file (or a directory above it) and build nothing, when they name one image (`image: nginx:1.25` with
 * `./nginx.conf:/etc/nginx/nginx.conf`), else the assumed series, said so.
 */
function serverOpenssl(dockerfiles, compose = { mounts: [], files: [] }, untied = []) {
    const images = dockerfiles.flatMap((d) => {
        const stage = (0, dockerfile_stages_1.runtimeStage)(d.data);
        const found = stage?.image ? (0, openssl_1.opensslFromImage)(stage.image) : undefined;
        const at = stage ? { file: d.file.path, range: stage.range } : undefined;
        // The image's tag, else the release its own RUN pins (nginx.org's package on debian:jessie).
        const tagged = stage?.image ? (0, server_releases_1.nginxReleaseFromImage)(stage.image) : undefined;
        const nginx = tagged && at ? { release: tagged, at } : (0, nginx_package_release_1.nginxReleaseFromPackages)(d);
        return found && at ? [{ dir: path.dirname(d.file.path), found, nginx, at }] : [];
    });
    const assumed = (0, openssl_1.assumedOpensslSeries)();
    return (file) => {
        const holding = images.filter((i) => file.startsWith(i.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0] ??
            mountingImage(file, compose.mounts, compose.files);
        if (!holding)
            return {
                facts: assumed.facts,
                assumed: true,
                source: assumed.source,
                ...(untied.length > 0 ? { untied: [...untied] } : {}),
            };
        const { facts, release, via, source, securityLevel } = holding.found;
        return {
            ...(securityLevel ? { securityLevel } : {}),
            facts,
            assumed: false,
            source: `${via}: OpenSSL ${release} (${source})`,
            release,
            via,
            at: holding.at,
            ...(holding.nginx ? { nginx: holding.nginx } : {}),
        };
    };
}
/**
 * The nginx images the deployment names (the `image:` of a Compose service that builds nothing, a Dockerfile's FROM) whose
 * OpenSSL starts at a level a source gives, or has none (1.0.x: level 0): for a file no image holds, each may be the one
 * that runs it (remiq/nginx-ssl-client@c0ea118 names nginx:1.9, Debian jessie's OpenSSL 1.0.1t, in a Compose file
 * whose named volumes tie none of its files to it).
 */
function nginxImagesNamed(dockerfiles, composeFiles) {
    const named = [
        ...dockerfiles.flatMap((d) => {
            const stage = (0, dockerfile_stages_1.runtimeStage)(d.data);
            return stage?.image ? [{ image: stage.image, at: { file: d.file.path, range: stage.range } }] : [];
        }),
        ...composeFiles.flatMap((doc) => doc.data.services.flatMap(({ image, imageRange, build }) => image && imageRange && build === undefined ? [{ image, at: { file: doc.file.path, range: imageRange } }] : [])),
    ];
    return named.flatMap(({ image, at }) => {
        if ((0, server_releases_1.nginxReleaseFromImage)(image) === undefined)
            return [];
        const found = (0, openssl_1.opensslFromImage)(image);
        const level = found?.securityLevel?.level ?? (found?.facts.defaultSecurityLevel === 0 ? 0 : undefined);
        return found && level !== undefined ? [{ level, via: `${found.via} (OpenSSL ${found.release})`, at }] : [];
    });
}
/** The image of the Compose services that bind-mount `file` and build nothing, with its `image:` entry; one or none. */
function mountingImage(file, mounts, composeFiles) {
    const named = mounts.flatMap((m) => {
        if (!m.image || !m.mount.service || (m.hostPath !== file && !file.startsWith(m.hostPath + path.sep)))
            return [];
        const doc = composeFiles.find((d) => d.file.path === m.file);
        const service = doc?.data.services.find((s) => s.name === m.mount.service);
        // A service that builds its image names the built image, not its base.
        if (!doc || !service || service.build !== undefined)
            return [];
        const range = service.imageRange;
        return [{ image: m.image, at: { file: m.file, ...(range ? { range } : {}) } }];
    });
    const [first] = named;
    if (!first || named.some((n) => n.image !== first.image))
        return undefined;
    const found = (0, openssl_1.opensslFromImage)(first.image);
    const release = (0, server_releases_1.nginxReleaseFromImage)(first.image);
    return found ? { found, nginx: release ? { release, at: first.at } : undefined, at: first.at } : undefined;
}
function storeDirectivesOf(scope) {
    const out = {};
    for (const name of ['ssl_client_certificate', 'ssl_trusted_certificate', 'ssl_verify_depth']) {
        const p = (0, nginx_placed_1.last)(scope, name);
        const value = p?.directive.args[0]?.value;
        if (p && value)
            out[name] = { value, location: { file: p.file, range: (0, nginx_placed_1.argsRange)(p) } };
    }
    return out;
}
/** `levels`: the blocks whose directives the end inherits, outermost first (http, server). */
function tlsFrom(levels, server, memo) {
    const scope = levels.flat();
    const { facts: openssl, assumed } = server;
    const at = nginx_placed_1.tracedAt;
    const ciphers = (0, nginx_placed_1.last)(scope, 'ssl_ciphers');
    const cipherString = ciphers?.directive.args[0]?.value ?? NGINX_DEFAULT_CIPHERS;
    // Every environment of a fleet writes the same few strings: expanded once per (string, OpenSSL series) in a
    // run. The answer is shared: only new arrays are taken from it.
    const expanded = memo.get('nginxCipherString', `${openssl.series}\u0000${cipherString}`, () => (0, openssl_cipher_string_1.expandCipherString)(cipherString, { series: openssl }));
    const tls = {
        implementation: 'openssl',
        unknown: [],
        dheWithoutParameters: [],
        securityLevel: (0, openssl_level_1.opensslSecurityLevel)({
            openssl: server,
            explicit: expanded.securityLevel,
            cipherAt: ciphers ? { file: ciphers.file, range: (0, nginx_placed_1.argsRange)(ciphers) } : undefined,
            directive: 'ssl_ciphers',
            product: 'nginx',
            nginx: server.nginx,
        }),
    };
    const protocols = (0, nginx_placed_1.protocolsOf)((0, nginx_placed_1.innermostDirectives)(levels, 'ssl_protocols'));
    if (protocols)
        tls.protocols = { ...protocols, value: protocols.value.filter((p) => openssl.tls13 || p !== 'TLSv1.3') };
    else if (!openssl.tls13) {
        // An OpenSSL without TLS 1.3 runs an nginx from before TLS 1.3 was on by default.
        const fact = openssl_1.NGINX_FACTS.protocolsDefaultWithoutTls13;
        tls.protocols = {
            value: fact.value,
            from: {
                kind: 'default',
                origin: `nginx default ssl_protocols ${fact.value.join(' ')} with OpenSSL ${openssl.series} (no TLS 1.3; ${fact.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    }
    tls.unknown = [...expanded.unknown];
    tls.ciphersAsWritten = cipherString;
    if (expanded.invalidCommand)
        tls.invalidCipherCommand = expanded.invalidCommand;
    tls.cipherSuites = ciphers
        ? at(ciphers, expanded.ciphers.map((c) => c.iana))
        : {
            value: expanded.ciphers.map((c) => c.iana),
            from: { kind: 'default', origin: `nginx default ssl_ciphers ${NGINX_DEFAULT_CIPHERS}`, confidence: 'verified' },
        };
    if (ciphers && expanded.credentialCiphers.length > 0)
        tls.credentialSuites = at(ciphers, expanded.credentialCiphers.map((c) => c.iana));
    // `ssl_ciphers PROFILE=SYSTEM` (Fedora's and RHEL's nginx.conf): the host's crypto policy decides, not the file.
    if (ciphers && (0, openssl_1.namesCryptoPolicy)(cipherString))
        (0, nginx_placed_1.cryptoPolicyUnknown)(tls, ciphers, 'ssl_ciphers', cipherString);
    // Without ssl_dhparam nginx sets no DH parameters, so OpenSSL never negotiates a DHE suite.
    const dhparam = (0, nginx_placed_1.last)(scope, 'ssl_dhparam');
    const dhFile = dhparam?.directive.args[0]?.value;
    if (dhparam) {
        tls.dheParameters = at(dhparam, true);
        if (dhFile)
            tls.dhParameters = { file: dhFile, location: { file: dhparam.file, range: (0, nginx_placed_1.argsRange)(dhparam) } };
    }
    else if (openssl_1.NGINX_FACTS.dhParametersRequired.value) {
        tls.dheParameters = {
            value: false,
            from: {
                kind: 'default',
                origin: `nginx sets no DH parameters without ssl_dhparam (since ${openssl_1.NGINX_FACTS.dhParametersRequired.since}; ${openssl_1.NGINX_FACTS.dhParametersRequired.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
        tls.dheWithoutParameters = expanded.ciphers.filter((c) => c.kx === 'DH').map((c) => c.iana);
    }
    if (!openssl.tls13)
        tls.legacyVersionNegotiation = {
            value: openssl.versionMismatchAlert ? { versionMismatchAlert: openssl.versionMismatchAlert } : {},
            from: {
                kind: 'default',
                origin: `OpenSSL ${openssl.series} reads no supported_versions (${openssl.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    Object.assign(tls, (0, openssl_floor_1.signatureFloorSettings)({
        openssl,
        assumed,
        level: expanded.securityLevel,
        ciphers,
        directive: 'ssl_ciphers',
        role: 'server',
    }));
    if (openssl.tls13)
        tls.finiteFieldGroups = (0, openssl_groups_1.nginxFiniteFieldGroups)(levels, openssl, assumed);
    const prefer = (0, nginx_placed_1.last)(scope, 'ssl_prefer_server_ciphers');
    tls.serverOrderWins = prefer
        ? at(prefer, prefer.directive.args[0]?.value === 'on')
        : {
            value: false,
            from: { kind: 'default', origin: 'nginx default ssl_prefer_server_ciphers off', confidence: 'verified' },
        };
    const verify = (0, nginx_placed_1.last)(scope, 'ssl_verify_client');
    const mode = verify && CLIENT_AUTH[verify.directive.args[0]?.value ?? ''];
    if (verify && mode)
        tls.clientAuth = at(verify, mode);
    return tls;
}
/** The TLS settings alone (the tls-policy component kept `unknown` and `ciphersAsWritten` in them before). */
function withoutNginxExtras(tls) {
    const { dheWithoutParameters: _dropped, dhParameters: _file, ...rest } = tls;
    return rest;
}
