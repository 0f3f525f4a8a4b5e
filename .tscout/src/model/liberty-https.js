"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.libertyHttpsContributor = void 0;
exports.httpsPortOf = httpsPortOf;
exports.resolve = resolve;
exports.libertyProtocols = libertyProtocols;
const paths_1 = require("./paths");
const ip_1 = require("../core/ip");
const xml_1 = require("../parse/xml");
const liberty_config_1 = require("./liberty-config");
const liberty_stores_1 = require("./liberty-stores");
const store_files_1 = require("./store-files");
const liberty_tls_1 = require("./liberty-tls");
const java_shared_1 = require("./java-shared");
const jvm_runtime_1 = require("./jvm-runtime");
const mq_certs_1 = require("./mq-certs");
const was_ciphers_1 = require("./was-ciphers");
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const TLS_NAMES = /^(TLSv1(\.[0-3])?|SSLv3)$/;
/**
 * An `<httpEndpoint>`'s HTTPS port (with its attribute), the host it listens on, and the host names it declares (`host="api.example"`; none
 * for `*`, `localhost` or an address), or undefined when it sets no usable `httpsPort`.
 */
function httpsPortOf(endpoint, variables) {
    const written = (0, xml_1.attr)(endpoint, 'httpsPort');
    const port = Number(resolve(written?.value, variables));
    if (!written || !Number.isInteger(port) || port <= 0)
        return undefined;
    const listenHost = resolve((0, xml_1.attr)(endpoint, 'host')?.value, variables) ?? 'localhost';
    const name = listenHost.toLowerCase();
    const hostnames = name && name !== '*' && name !== 'localhost' && !(0, ip_1.isIpAddress)(name) ? [name] : [];
    return { port, written, listenHost, hostnames };
}
/** `${var}` resolved from `<variable>` definitions when possible; undefined when something stays unknown. */
function resolve(value, variables) {
    if (value === undefined)
        return undefined;
    let unknown = false;
    const out = value.replace(PLACEHOLDER, (_, name) => {
        const v = variables[name];
        if (v === undefined)
            unknown = true;
        return v ?? '';
    });
    return unknown ? undefined : out;
}
/** Liberty `sslProtocol`: a comma list of TLSv1…TLSv1.3 is explicit; `SSL_TLSv2`, `TLS`, `SSL` mean the JRE's default set. */
function libertyProtocols(value) {
    const parts = value.split(/[\s,]+/).filter(Boolean);
    return parts.length > 0 && parts.every((p) => TLS_NAMES.test(p)) ? parts : undefined;
}
function sslConfigIdFor(endpoint, data) {
    const inline = endpoint.children.find((c) => c.localName === 'sslOptions');
    const optionsRef = (0, xml_1.attr)(endpoint, 'sslOptionsRef')?.value;
    const options = inline ??
        (optionsRef ? (0, xml_1.elementsNamed)(data.xml, 'sslOptions').find((o) => (0, xml_1.attr)(o, 'id')?.value === optionsRef) : undefined);
    return (options && (0, xml_1.attr)(options, 'sslRef')?.value) || data.sslDefault?.sslRef?.value || 'defaultSSLConfig';
}
/**
 * One `liberty.https-endpoint` server component per Liberty `<httpEndpoint>` with an `httpsPort`
 * (not -1): its `<ssl>` configuration (sslProtocol, enabledCiphers or the securityLevel expansion,
 * clientAuthentication, enforceCipherOrder) as `tls`, and `tlsPorts`/`hostnames` so java-links links
 * Java clients calling `https://host:port` to it. The certificate is the keystore's when it is a PEM
 * file in the tree, else the leaf certificate with its private key beside server.xml. A server none of whose
 * features includes ssl-1.0 (liberty-tls.ts: the feature list settled, none enabling SSL) opens no HTTPS listener:
 * no component; when the list is not settled, the endpoint is kept.
 */
exports.libertyHttpsContributor = {
    id: 'liberty-https',
    reads: ['liberty.server-xml'],
    contribute(ctx) {
        const properties = (0, jvm_runtime_1.startJvmPropertiesByGroup)(ctx);
        const certs = ctx.certificates();
        const stores = (0, store_files_1.treeStoresOf)(ctx);
        const tls = (0, liberty_tls_1.libertyTlsOf)(ctx);
        // One configuration per server: includes and configDropins merged, variables resolved (liberty-config.ts).
        for (const config of (0, liberty_config_1.libertyServersOf)(ctx)) {
            if (tls.get(config.root.file.path)?.state === 'absent')
                continue;
            const doc = config.root;
            const file = doc.file.path;
            const data = config.data;
            const relative = (0, paths_1.relativePosix)(ctx.deployment.root, file);
            const runtime = (0, jvm_runtime_1.runtimeWithProperties)(ctx, ctx.runtimeFor(file), properties.get((0, java_shared_1.appGroupOf)(ctx, file)) ?? [], (0, java_shared_1.appGroupOf)(ctx, file));
            for (const endpoint of (0, xml_1.elementsNamed)(data.xml, 'httpEndpoint')) {
                const https = httpsPortOf(endpoint, data.variables);
                if (!https)
                    continue;
                const { port, listenHost, hostnames } = https;
                const sslFeature = tls.get(file)?.state;
                const endpointId = (0, xml_1.attr)(endpoint, 'id')?.value ?? 'defaultHttpEndpoint';
                const sslConfigId = sslConfigIdFor(endpoint, data);
                // Elements with the same id merge; the later file (an include, an override) wins.
                const ssl = [...data.ssl].reverse().find((s) => s.attrs.id?.value === sslConfigId);
                ctx.addComponent({
                    id: `liberty.https-endpoint:${relative}#${endpointId}`,
                    type: 'liberty.https-endpoint',
                    name: `Liberty HTTPS endpoint ${endpointId} :${port} (${relative})`,
                    role: 'server',
                    location: { file: config.fileOf(endpoint), range: endpoint.range },
                    host: ctx.hostOf(file),
                    runtime,
                    tls: tlsOf(ssl ? config.fileOf(ssl.element) : file, ssl, config, runtime, certs, stores, ctx.memo),
                    documents: config.documents,
                    attributes: {
                        tlsPorts: [port],
                        // A settled SSL feature opens the httpsPort as a TLS listener; an unsettled feature list leaves it open.
                        ...(sslFeature === 'enabled'
                            ? {
                                tlsOnlyPorts: [
                                    {
                                        port,
                                        setting: `httpsPort="${https.written.value}"`,
                                        at: { file: config.fileOf(endpoint), range: https.written.valueRange },
                                    },
                                ],
                            }
                            : {}),
                        hostnames,
                        endpointId,
                        sslConfigId,
                        sslConfigInTree: !!ssl,
                        listenHost,
                    },
                });
            }
        }
    },
};
const CLIENT_AUTH = (ssl) => ssl?.attrs.clientAuthentication?.value === 'true'
    ? 'required'
    : ssl?.attrs.clientAuthenticationSupported?.value === 'true'
        ? 'optional'
        : undefined;
function tlsOf(sslFile, ssl, config, runtime, certs, stores, memo) {
    const tls = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
    const a = ssl?.attrs ?? {};
    // Several files' <ssl id=…> merge: each attribute keeps the file it is written in.
    const fileOfAttr = (l) => (l && config.fileOfAttribute(l)) ?? sslFile;
    const file = sslFile;
    const at = (range) => ({ file, range });
    const protocols = a.sslProtocol && libertyProtocols(a.sslProtocol.value);
    if (a.sslProtocol && protocols)
        tls.protocols = (0, java_shared_1.traced)(protocols, fileOfAttr(a.sslProtocol), a.sslProtocol.range);
    const enabled = a.enabledCiphers?.value.trim();
    if (a.enabledCiphers && enabled && !/\$\{/.test(enabled))
        tls.cipherSuites = (0, java_shared_1.traced)(enabled.split(/[\s,]+/), fileOfAttr(a.enabledCiphers), a.enabledCiphers.range);
    else if (!a.securityLevel || !/\$\{/.test(a.securityLevel.value)) {
        const level = a.securityLevel
            ? { value: a.securityLevel.value, location: { file: fileOfAttr(a.securityLevel), range: a.securityLevel.range } }
            : undefined;
        const expanded = (0, was_ciphers_1.securityLevelCiphers)(level, ssl ? at(ssl.element.range) : { file }, runtime, 'server', memo);
        if (expanded)
            tls.cipherSuites = expanded.suites;
    }
    if (a.enforceCipherOrder)
        tls.serverOrderWins = (0, java_shared_1.traced)(a.enforceCipherOrder.value.toLowerCase() === 'true', fileOfAttr(a.enforceCipherOrder), a.enforceCipherOrder.range);
    const auth = CLIENT_AUTH(ssl);
    const authAttr = a.clientAuthentication?.value === 'true' ? a.clientAuthentication : a.clientAuthenticationSupported;
    if (auth && authAttr)
        tls.clientAuth = (0, java_shared_1.traced)(auth, fileOfAttr(authAttr), authAttr.range);
    tls.certificate = certificateOf(file, ssl, config, certs, stores);
    return tls;
}
/**
 * The keystore's PEM file when it is one (resolved by the cert rules' path-tail match), else the key entry (the
 * serverKeyAlias one, or the only one) of the store its `<keyStore>` names, or of Liberty's default key store, when the
 * tree holds that store. A store outside the tree, or named by a variable nothing sets, presents a certificate the tree
 * does not show: another key store lying in the server's directory is not it (Liberty opens only the location named).
 */
function certificateOf(sslFile, ssl, config, certs, stores) {
    const keyStoreId = ssl?.attrs.keyStoreRef?.value ?? 'defaultKeyStore';
    const keyStore = [...config.data.keyStores].reverse().find((k) => k.attrs.id?.value === keyStoreId);
    const location = keyStore?.attrs.location;
    const file = keyStore ? config.fileOf(keyStore.element) : sslFile;
    if (location && /\.(pem|crt|cer)$/i.test(location.value))
        return { file: location.value, reference: { file, range: location.range } };
    const storeFile = (0, liberty_stores_1.libertyStoreOf)(config, keyStoreId, stores)?.file;
    const inStore = storeFile ? certs.filter((c) => c.doc.file.path === storeFile) : [];
    const own = inStore[0] && (0, mq_certs_1.ownCertificate)(inStore, inStore[0].ownerDir, ssl?.attrs.serverKeyAlias?.value);
    if (!own?.hasPrivateKey)
        return undefined;
    const ref = (0, mq_certs_1.certificateRef)(own);
    return ref && { ...ref, reference: location ? { file, range: location.range } : undefined };
}
