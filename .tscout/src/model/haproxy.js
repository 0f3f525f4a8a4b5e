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
exports.haproxyContributor = void 0;
/**
 * HAProxy as a TLS server and client: one `haproxy.bind` component per `bind … ssl` line of a `frontend` or `listen`
 * section, one `haproxy.server` per `server … ssl` line of a `backend` or `listen` section (after the `default-server`
 * lines of its `defaults` and its own section). Global `ssl-default-bind-*` / `ssl-default-server-*` apply to both, as
 * HAProxy merges them (src/cfgparse-ssl.c: the line's min/max win, the flags add up).
 */
const path = __importStar(require("node:path"));
const haproxy_1 = require("../parse/haproxy");
const haproxy_crt_list_1 = require("../parse/haproxy-crt-list");
const openssl_1 = require("../knowledge/openssl");
const server_releases_1 = require("../knowledge/server-releases");
const paths_1 = require("./paths");
const nginx_tls_1 = require("./nginx-tls");
const haproxy_release_1 = require("./haproxy-release");
const haproxy_certificates_1 = require("./haproxy-certificates");
const haproxy_crt_lists_1 = require("./haproxy-crt-lists");
const haproxy_crt_directory_1 = require("./haproxy-crt-directory");
const haproxy_groups_1 = require("./haproxy-groups");
const haproxy_addresses_1 = require("./haproxy-addresses");
const compose_mounts_1 = require("./compose-mounts");
const store_files_1 = require("./store-files");
const haproxy_tls_1 = require("./haproxy-tls");
const haproxy_globals_1 = require("./haproxy-globals");
function bindComponent(ctx, section, line) {
    const file = ctx.doc.file.path;
    const [addressWord, ...rest] = line.args;
    const own = (0, haproxy_tls_1.optionsOf)(rest, file);
    if (!own.some((o) => o.keyword.value === 'ssl'))
        return undefined;
    const { globals, openssl } = ctx;
    const floor = (0, server_releases_1.haproxyBindFloorApplies)(ctx.release?.value);
    const versions = (0, haproxy_tls_1.haproxyVersions)({
        own,
        global: globals.bindOptions,
        role: 'bind',
        tls13: openssl.facts.tls13,
        floor,
        ...(ctx.release ? { release: ctx.release.value } : {}),
    });
    const ciphers = (0, haproxy_tls_1.withTls13Suites)((0, haproxy_tls_1.haproxyCiphers)((0, haproxy_tls_1.lastOption)(own, 'ciphers') ?? globals.bindCiphers, openssl, ctx.memo, 'server'), (0, haproxy_tls_1.lastOption)(own, 'ciphersuites') ?? globals.bindCiphersuites, openssl.facts.tls13);
    const sources = (0, haproxy_certificates_1.bindCertificateSources)(section, line, own, file);
    const crt = sources.crt.flatMap((o) => (0, haproxy_globals_1.pathOf)(o, globals.crtBase) ?? []);
    // A crt-list's own path is opened as written (src/cfgparse-ssl.c bind_parse_crt_list), not below crt-base.
    const crtList = sources.crtList.flatMap((o) => (0, haproxy_globals_1.pathOf)(o, undefined) ?? []);
    const certificates = (0, haproxy_crt_lists_1.bindCertificates)(own, globals.crtBase, ctx.crtLists, file, ctx.stores);
    const strays = (0, haproxy_crt_directory_1.crtDirectoryStrays)(own, globals.crtBase, file, ctx.stores, ctx.mounts, ctx.release);
    // ca-verify-file: CA certificates to verify with that HAProxy does not name in its CertificateRequest.
    const caFile = (0, haproxy_globals_1.pathOf)((0, haproxy_tls_1.lastOption)(own, 'ca-file') ?? (0, haproxy_tls_1.lastOption)(own, 'ca-verify-file'), globals.caBase);
    const extra = {};
    const preferClient = (0, haproxy_tls_1.lastOption)([...globals.bindOptions, ...own], 'prefer-client-ciphers');
    extra.serverOrderWins = preferClient
        ? { value: false, from: { kind: 'file', location: (0, haproxy_tls_1.optionLocation)(preferClient) } }
        : {
            value: openssl_1.HAPROXY_FACTS.serverCipherOrderDefault.value,
            from: {
                kind: 'default',
                origin: `HAProxy enforces the server's cipher order unless prefer-client-ciphers (${openssl_1.HAPROXY_FACTS.serverCipherOrderDefault.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
    const verify = (0, haproxy_tls_1.lastOption)(own, 'verify');
    const mode = verify?.value?.value;
    if (verify && (mode === 'none' || mode === 'optional' || mode === 'required'))
        extra.clientAuth = { value: mode, from: { kind: 'file', location: (0, haproxy_tls_1.optionLocation)(verify) } };
    // A crt that is a file: written with a certificate's extension, or a PEM file of the tree (those of a directory).
    const [first, ...more] = certificates.files.filter((c) => /\.(pem|crt|cer)$/i.test(c.value) || ctx.stores.typeOf(c.value) === 'PEM');
    if (first)
        extra.certificate = { file: first.value, reference: first.location, storeType: 'PEM' };
    if (first && more.length > 0)
        extra.moreCertificates = more.map((c) => ({ file: c.value, reference: c.location, storeType: 'PEM' }));
    const groups = openssl.facts.tls13 ? (0, haproxy_groups_1.haproxyFiniteFieldGroups)(own, globals.bindCurves, openssl) : undefined;
    if (groups)
        extra.finiteFieldGroups = groups;
    const tls = (0, haproxy_tls_1.haproxyTls)({ versions, ciphers, extra });
    if (certificates.perCertificateTls.length > 0) {
        tls.unknownValues = [...(tls.unknownValues ?? []), 'the protocols and ciphers its crt-list sets per certificate'];
        tls.unknownAt = [
            ...(tls.unknownAt ?? []),
            ...certificates.perCertificateTls.map((at) => ({ ...at, message: 'set for the certificates of this line only' })),
        ];
    }
    const address = addressWord?.value ?? '';
    const relative = (0, paths_1.relativePosix)(ctx.root, file) || path.basename(file);
    const proxy = `${section.kind} ${section.name?.value ?? ''}`.trim();
    return {
        id: `haproxy.bind:${relative}:${proxy}:${address}:${line.range.start.line + 1}`,
        type: 'haproxy.bind',
        name: `HAProxy bind ${address} (${proxy}, ${relative})`,
        role: 'server',
        location: { file, range: line.range },
        host: ctx.host,
        tls,
        documents: [ctx.doc, ...certificates.lists],
        attributes: {
            proxy,
            address,
            tlsPorts: (0, haproxy_tls_1.isPlaceholder)(address) ? [] : (0, haproxy_addresses_1.bindPorts)(address),
            hostnames: (0, haproxy_tls_1.isPlaceholder)(address) ? [] : (0, haproxy_addresses_1.bindHostnames)(address),
            ...(0, haproxy_addresses_1.tlsOnlyOf)(ctx.tlsOnly, ctx.doc.file.path, line, address),
            ...(ciphers.ciphersAsWritten !== undefined ? { ciphersAsWritten: ciphers.ciphersAsWritten } : {}),
            unknownCipherElements: ciphers.unknownCipherElements,
            openssl: (0, nginx_tls_1.opensslAttribute)(openssl),
            crt,
            crtList,
            strictSni: sources.strictSni,
            ...(section.head.conditional || line.conditional ? { conditional: true } : {}),
            ...(sources.unknown ? { certificatesUnknown: sources.unknown } : {}),
            keyFile: (0, haproxy_release_1.keyFileLookupOf)(globals.keyFile, ctx.release, globals.keyFileSettings),
            ...(strays.length > 0 ? { crtDirectoryStrays: strays } : {}),
            ...(certificates.verifyWithoutCaFile.length > 0
                ? { crtListVerifyWithoutCaFile: certificates.verifyWithoutCaFile }
                : {}),
            ...(caFile ? { caFile } : {}),
            ...(ctx.release ? { release: ctx.release } : {}),
        },
    };
}
function serverComponent(ctx, section, line, defaults) {
    const file = ctx.doc.file.path;
    const [nameWord, addressWord, ...rest] = line.args;
    const own = [...defaults, ...(0, haproxy_tls_1.optionsOf)(rest, file)];
    // `ssl` turns TLS on, `no-ssl` (a server line undoing its default-server) off: the last one wins.
    const sslSwitch = (0, haproxy_tls_1.lastOf)(own, (o) => o.keyword.value === 'ssl' || o.keyword.value === 'no-ssl');
    if (sslSwitch?.keyword.value !== 'ssl')
        return undefined;
    const { globals, openssl } = ctx;
    const versions = (0, haproxy_tls_1.haproxyVersions)({
        own,
        global: globals.serverOptions,
        role: 'server',
        tls13: openssl.facts.tls13,
        floor: undefined,
    });
    const ciphers = (0, haproxy_tls_1.withTls13Suites)((0, haproxy_tls_1.haproxyCiphers)((0, haproxy_tls_1.lastOption)(own, 'ciphers') ?? globals.serverCiphers, openssl, ctx.memo, 'client'), (0, haproxy_tls_1.lastOption)(own, 'ciphersuites') ?? globals.serverCiphersuites, openssl.facts.tls13);
    const verifyOption = (0, haproxy_tls_1.lastOption)(own, 'verify');
    const verifyWritten = verifyOption?.value?.value;
    const globalVerify = ctx.globals.serverVerify;
    const verify = verifyOption && (verifyWritten === 'none' || verifyWritten === 'required')
        ? { value: verifyWritten, from: { kind: 'file', location: (0, haproxy_tls_1.optionLocation)(verifyOption) } }
        : globalVerify?.value?.value === 'none'
            ? { value: 'none', from: { kind: 'file', location: (0, haproxy_tls_1.optionLocation)(globalVerify) } }
            : {
                value: openssl_1.HAPROXY_FACTS.serverVerifyDefault.value === 'none' ? 'none' : 'required',
                from: {
                    kind: 'default',
                    origin: `HAProxy's default verify ${openssl_1.HAPROXY_FACTS.serverVerifyDefault.value} on servers (${openssl_1.HAPROXY_FACTS.serverVerifyDefault.source.split(' ')[0]})`,
                    confidence: 'verified',
                },
            };
    const caFile = (0, haproxy_globals_1.pathOf)((0, haproxy_tls_1.lastOption)(own, 'ca-file'), globals.caBase);
    const crt = (0, haproxy_globals_1.pathOf)((0, haproxy_tls_1.lastOption)(own, 'crt'), globals.crtBase);
    // `verify required … check-ssl verify none`: the later none wins for traffic and checks alike.
    const overridden = verify.value === 'none' && verifyOption
        ? own.find((o) => o.keyword.value === 'verify' && o.value?.value === 'required' && o !== verifyOption)
        : undefined;
    const sni = (0, haproxy_globals_1.pathOf)((0, haproxy_tls_1.lastOption)(own, 'sni'), undefined);
    const verifyhost = (0, haproxy_globals_1.pathOf)((0, haproxy_tls_1.lastOption)(own, 'verifyhost'), undefined);
    const extra = {};
    if (crt && !(0, haproxy_tls_1.isPlaceholder)(crt.value))
        extra.certificate = { file: crt.value, reference: crt.location, storeType: 'PEM' };
    const tls = (0, haproxy_tls_1.haproxyTls)({ versions, ciphers, extra });
    const address = addressWord?.value ?? '';
    const relative = (0, paths_1.relativePosix)(ctx.root, file) || path.basename(file);
    const proxy = `${section.kind} ${section.name?.value ?? ''}`.trim();
    const serverName = nameWord?.value ?? '';
    const urls = [];
    const target = /^(?:[a-z0-9]+@)?(\[[^\]]+\]|[^:]+):(\d+)$/i.exec(address);
    if (addressWord && target && !(0, haproxy_tls_1.isPlaceholder)(address))
        urls.push({
            url: `https://${target[1]}:${target[2]}`,
            scheme: 'https',
            host: target[1].replace(/^\[|\]$/g, '').toLowerCase(), // group 1 is not optional
            port: Number(target[2]),
            location: { file, range: addressWord.range },
            key: `server ${serverName}`,
        });
    return {
        id: `haproxy.server:${relative}:${proxy}:${serverName}`,
        type: 'haproxy.server',
        name: `HAProxy server ${serverName} ${address} (${proxy}, ${relative})`,
        role: 'client',
        location: { file, range: line.range },
        host: ctx.host,
        tls,
        documents: [ctx.doc],
        attributes: {
            proxy,
            serverName,
            address,
            urls,
            verify,
            ...(section.head.conditional || line.conditional ? { conditional: true } : {}),
            ...(overridden ? { verifyOverrides: (0, haproxy_tls_1.optionLocation)(overridden) } : {}),
            ...(caFile ? { caFile } : {}),
            ...(crt ? { crt } : {}),
            ...(sni ? { sni } : {}),
            ...(verifyhost ? { verifyhost } : {}),
            ...(ciphers.ciphersAsWritten !== undefined ? { ciphersAsWritten: ciphers.ciphersAsWritten } : {}),
            unknownCipherElements: ciphers.unknownCipherElements,
            openssl: (0, nginx_tls_1.opensslAttribute)(openssl),
        },
    };
}
exports.haproxyContributor = {
    id: 'haproxy',
    reads: ['haproxy.'],
    contribute(ctx) {
        const docs = ctx.documentsOf(haproxy_1.HAPROXY_KIND);
        const crtLists = ctx.documentsOf(haproxy_crt_list_1.CRT_LIST_KIND);
        if (docs.length === 0)
            return;
        const mounts = (0, compose_mounts_1.deploymentMounts)(ctx);
        // The OpenSSL of the image that runs the configuration: a Dockerfile's FROM, else the Compose image of the service
        // that bind-mounts it (as nginx's).
        const opensslFor = (0, nginx_tls_1.serverOpenssl)(ctx.documentsOf('dockerfile'), {
            mounts,
            files: ctx.documentsOf('compose'),
        });
        const releaseFor = (0, haproxy_release_1.haproxyReleaseOf)(ctx);
        for (const doc of docs) {
            const release = releaseFor(doc.file.path);
            (0, haproxy_release_1.removedKeywords)(ctx, doc, release);
            const context = {
                doc,
                globals: (0, haproxy_globals_1.globalsOf)(doc),
                openssl: opensslFor(doc.file.path),
                ...(release ? { release } : {}),
                memo: ctx.memo,
                root: ctx.deployment.root,
                host: ctx.hostOf(doc.file.path),
                crtLists,
                stores: (0, store_files_1.treeStoresOf)(ctx),
                mounts,
                tlsOnly: (0, haproxy_addresses_1.tlsOnlyBindPorts)(doc.data, doc.template !== undefined),
            };
            // `default-server` of the last `defaults` section before a proxy, then the proxy's own (HAProxy applies the
            // defaults section above each proxy; a later default-server line of the proxy adds to them).
            let defaults = [];
            for (const section of doc.data.sections) {
                const defaultServer = (s) => s.lines.filter((l) => l.keyword.value === 'default-server').flatMap((l) => (0, haproxy_tls_1.optionsOf)(l.args, doc.file.path));
                if (section.kind === 'defaults') {
                    defaults = defaultServer(section);
                    continue;
                }
                if (section.kind === 'frontend' || section.kind === 'listen')
                    for (const line of section.lines.filter((l) => l.keyword.value === 'bind')) {
                        const component = bindComponent(context, section, line);
                        if (component)
                            ctx.addComponent(component);
                    }
                if (section.kind === 'backend' || section.kind === 'listen') {
                    const inherited = [...defaults];
                    for (const line of section.lines) {
                        if (line.keyword.value === 'default-server')
                            inherited.push(...(0, haproxy_tls_1.optionsOf)(line.args, doc.file.path));
                        if (line.keyword.value !== 'server')
                            continue;
                        const component = serverComponent(context, section, line, inherited);
                        if (component)
                            ctx.addComponent(component);
                    }
                }
            }
        }
    },
};
