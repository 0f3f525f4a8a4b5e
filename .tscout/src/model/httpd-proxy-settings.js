"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.proxySettings = proxySettings;
/**
 * The settings of an httpd proxy connection besides its protocols and suites: SSLProxyEngine, SSLProxyVerify and its
 * anchors, the peer checks mod_ssl makes whatever SSLProxyVerify says, ProxyPreserveHost, the client certificate — each
 * the innermost written over `levels` (main server, virtual host, `<Proxy>` sections), else httpd's default (data), and
 * unknown where a level the tree does not hold may set it.
 */
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
const httpd_tls_1 = require("./httpd-tls");
function traced(levels, key, read, fallback) {
    const line = (0, httpd_tls_1.inEffect)(levels, key);
    const value = line && read(line.directive.args[0]?.value.toLowerCase() ?? '');
    return line && value !== undefined ? (0, nginx_placed_1.tracedAt)(line, value) : fallback;
}
const pathOf = (levels, key) => {
    const line = (0, httpd_tls_1.inEffect)(levels, key);
    const value = line?.directive.args[0]?.value;
    return line && value ? { value, location: { file: line.file, range: (0, nginx_placed_1.argsRange)(line) } } : undefined;
};
/** ssl_cmd_verify_parse's words (without case); `on` and `off` are read as require and none. */
const VERIFY = new Set(['none', 'optional', 'require', 'optional_no_ca']);
/** A flag directive's value (httpd refuses anything but On or Off). */
const onOff = (v) => (v === 'on' ? true : v === 'off' ? false : undefined);
function proxySettings(levels, context) {
    // What levels the tree does not hold may set, asked once for every setting below.
    const unheld = (0, httpd_tls_1.unheldWhy)(levels, context.mainHeld);
    const engine = traced(levels, 'sslproxyengine', onOff, {
        value: openssl_1.HTTPD_FACTS.proxyEngineDefault.value,
        from: {
            kind: 'default',
            origin: `httpd default SSLProxyEngine off (${openssl_1.HTTPD_FACTS.proxyEngineDefault.source.split(' ')[0]})`,
            confidence: 'verified',
        },
    });
    const verify = traced(levels, 'sslproxyverify', (v) => v === 'on'
        ? 'require'
        : v === 'off'
            ? 'none'
            : VERIFY.has(v)
                ? v
                : undefined, {
        value: openssl_1.HTTPD_FACTS.proxyVerifyDefault.value,
        from: {
            kind: 'default',
            origin: `httpd default SSLProxyVerify none (${openssl_1.HTTPD_FACTS.proxyVerifyDefault.source.split(' ')[0]})`,
            confidence: 'verified',
        },
    });
    const checkDefault = (what, directive) => ({
        value: openssl_1.HTTPD_FACTS.proxyPeerChecksDefault.value[what],
        from: {
            kind: 'default',
            origin: `httpd default ${directive} on (${openssl_1.HTTPD_FACTS.proxyPeerChecksDefault.source.split(' ')[0]})`,
            confidence: 'verified',
        },
    });
    const peerChecks = {
        name: traced(levels, 'sslproxycheckpeername', onOff, checkDefault('name', 'SSLProxyCheckPeerName')),
        cn: traced(levels, 'sslproxycheckpeercn', onOff, checkDefault('cn', 'SSLProxyCheckPeerCN')),
        expire: traced(levels, 'sslproxycheckpeerexpire', onOff, checkDefault('expire', 'SSLProxyCheckPeerExpire')),
    };
    const peerChecksUnknown = Object.values(peerChecks).some((c) => c.from.kind !== 'file') ? unheld : undefined;
    const preserve = (0, httpd_tls_1.inEffect)(levels, 'proxypreservehost');
    const preserveHost = preserve?.directive.args[0]?.value.toLowerCase() === 'on'
        ? { file: preserve.file, range: preserve.directive.nameRange }
        : undefined;
    // SSLProxyEngine the held levels do not write may be on in a main configuration the tree does not hold.
    const engineWhy = (0, httpd_tls_1.allOf)(levels, 'sslproxyengine').length === 0 ? unheld : undefined;
    const caFile = pathOf(levels, 'sslproxycacertificatefile');
    // A directory of hashed CA certificates: anchors the tree does not list.
    const caPath = pathOf(levels, 'sslproxycacertificatepath');
    const caUnknown = caFile
        ? undefined
        : caPath
            ? `SSLProxyCACertificatePath ${caPath.value}: a directory of CA certificates by hash`
            : unheld;
    const machineCertificate = pathOf(levels, 'sslproxymachinecertificatefile');
    return {
        engine,
        ...(engineWhy ? { engineUnknown: engineWhy } : {}),
        verify,
        ...(caFile ? { caFile } : {}),
        ...(caPath ? { caPath } : {}),
        ...(caUnknown ? { caUnknown } : {}),
        peerChecks,
        ...(peerChecksUnknown ? { peerChecksUnknown } : {}),
        ...(preserveHost ? { preserveHost } : {}),
        ...(machineCertificate ? { machineCertificate } : {}),
    };
}
