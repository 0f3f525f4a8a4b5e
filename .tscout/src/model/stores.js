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
exports.storesContributor = void 0;
exports.libertySslTrust = libertySslTrust;
/**
 * Key and trust stores of every TLS end (issue 16): which store holds the key and chain an endpoint
 * presents, which alias it uses, whose anchors it trusts, and the JDK's cacerts when a Java end names
 * no trust store. Fills `component.tls.trust` after the area contributors built the components; the
 * derive stage turns it into presented chains and trust anchors. Passwords are never read here: only
 * where they are set (`passwordAt`).
 */
const path = __importStar(require("node:path"));
const xml_1 = require("../parse/xml");
const tomcat_properties_1 = require("./tomcat-properties");
const liberty_config_1 = require("./liberty-config");
const java_shared_1 = require("./java-shared");
const image_cacerts_1 = require("./image-cacerts");
const image_security_copy_1 = require("./image-security-copy");
const image_files_1 = require("../parse/image-files");
const tomcat_1 = require("../knowledge/tomcat");
const liberty_stores_1 = require("./liberty-stores");
const tomcat_legacy_1 = require("./tomcat-legacy");
const nginx_stores_1 = require("./nginx-stores");
const compose_mounts_1 = require("./compose-mounts");
const httpd_stores_1 = require("./httpd-stores");
const was_plugin_stores_1 = require("./was-plugin-stores");
const ihs_stores_1 = require("./ihs-stores");
const haproxy_stores_1 = require("./haproxy-stores");
const mq_stores_1 = require("./mq-stores");
const store_files_1 = require("./store-files");
const types_1 = require("./types");
function componentDir(component) {
    return path.dirname(component.location.file);
}
function javaAppTrust(component, stores, treeFiles, image) {
    const system = (0, store_files_1.javaSystemStores)(component.runtime, stores, [componentDir(component)]);
    const trust = (0, store_files_1.withJavaTrustDefault)(system.keyStore ? { keyStore: system.keyStore } : {}, system);
    if (trust.defaultTrust !== 'jdk-cacerts')
        return trust;
    // What the app's image does to its JDK's cacerts: replaces them, imports into them.
    const dockerfiles = component.documents.filter((d) => d.kind === 'dockerfile');
    return { ...trust, ...(0, image_cacerts_1.imagesCacerts)(dockerfiles, treeFiles, image) };
}
/** Tomcat: the `<Certificate>` (or legacy Connector) key store and alias, the SSLHostConfig's trust store. */
function tomcatTrust(ctx, component, stores) {
    const doc = component.documents[0];
    const range = component.location.range;
    if (!doc || !range)
        return undefined;
    const element = doc.data.elements.find((e) => e.range.start.line === range.start.line && e.range.start.character === range.start.character);
    if (!element)
        return undefined;
    const connector = element.localName === 'Connector' ? element : element.parent;
    const hostConfig = element.localName === 'SSLHostConfig' ? element : undefined;
    const certificate = hostConfig?.children.find((c) => c.localName === 'Certificate');
    const file = doc.file.path;
    // Relative paths are relative to $CATALINA_BASE: the directory above conf/.
    const base = path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);
    const facts = component.type === 'tomcat.connector' ? component.attributes.tomcat : undefined;
    // The Connector's own TLS attributes: ignored by Tomcat 10.0 and later (./tomcat-legacy.ts); in 8.5 and 9 they make a
    // default SSLHostConfig of their own, never merged into a written <SSLHostConfig> (./tomcat.ts).
    const own = facts?.readsConnectorTls === false || hostConfig ? undefined : connector;
    // A certificate's attributes on the SSLHostConfig itself: read by 8.5 and 9, removed in 10.0.
    const hostCertificate = facts?.readsConnectorTls === false ? undefined : hostConfig;
    const scope = {
        ...(0, tomcat_properties_1.tomcatPropertyScope)(ctx, file, component.runtime, facts ?? { release: '', assumed: true }),
        keep: tomcat_properties_1.TOMCAT_DIRECTORY_PROPERTIES,
    };
    // `${…}` as Tomcat fills them in; an attribute whose placeholder the tree does not settle keeps its raw text
    // (`unsettled` below then leaves the path or alias unknown).
    // By Tomcat's setter rule (./tomcat-legacy.ts sameSetter): only the first letter's case is free.
    const pick = (elements, names) => {
        for (const el of elements)
            for (const name of names) {
                const found = (0, tomcat_legacy_1.setterAttribute)(el, name);
                if (found)
                    return (0, tomcat_properties_1.readWritten)(found, file, scope) ?? found;
            }
        return undefined;
    };
    // Where a password is set: its text is never read here (a default would be the secret).
    const passwordAt = (elements, names) => {
        for (const el of elements)
            for (const name of names)
                if ((0, tomcat_legacy_1.setterAttribute)(el, name))
                    return where((0, tomcat_legacy_1.setterAttribute)(el, name));
        return undefined;
    };
    // A placeholder other than a run-time directory (`${catalina.base}/conf/…` matches a tree file by its tail).
    const unsettled = (value) => [...value.matchAll(/\$\{([^}]*)\}/g)].some((m) => !tomcat_properties_1.TOMCAT_DIRECTORY_PROPERTIES.includes(m[1]));
    const at = (a) => a.via?.length
        ? { value: a.value, from: { kind: 'file', location: { file, range: a.valueRange }, via: a.via } }
        : (0, java_shared_1.traced)(a.value, file, a.valueRange);
    const where = (a) => (a ? { file, range: a.valueRange } : undefined);
    const trust = {};
    // Relative to CATALINA_BASE in the image too, when a Dockerfile copies the server.xml into one.
    const store = (file, type, password) => (0, store_files_1.storeRef)(at(file), [base], stores, type, password, undefined, image_files_1.catalinaBase);
    const pem = (file) => store(file, { value: 'PEM', from: at(file).from });
    const keyFile = pick([certificate], ['certificateKeystoreFile']) ??
        pick([hostCertificate], ['certificateKeystoreFile']) ??
        pick([own], ['keystoreFile']);
    const pemFile = pick([certificate], ['certificateFile']) ?? pick([hostCertificate], ['certificateFile']);
    // A Connector's APR-style SSLCertificateFile (and SSLCACertificateFile), without an SSLHostConfig: read by 8.5 and 9 only.
    const readsConnector = facts?.readsConnectorTls === true;
    const legacyAttribute = !keyFile && !pemFile && !hostConfig ? (0, tomcat_legacy_1.setterAttribute)(connector, 'SSLCertificateFile') : undefined;
    const legacyPem = legacyAttribute ? ((0, tomcat_properties_1.readWritten)(legacyAttribute, file, scope) ?? legacyAttribute) : undefined;
    if (keyFile && !unsettled(keyFile.value)) {
        const type = pick([certificate], ['certificateKeystoreType']) ?? pick([own], ['keystoreType']);
        trust.keyStore = store(keyFile, type ? at(type) : undefined, passwordAt([certificate], ['certificateKeystorePassword']) ?? passwordAt([own], ['keystorePass']));
    }
    else if (pemFile && !unsettled(pemFile.value)) {
        trust.keyStore = pem(pemFile);
        // certificateChainFile: the certificates Tomcat sends after certificateFile's.
        const chainFile = pick([certificate], ['certificateChainFile']) ?? pick([hostCertificate], ['certificateChainFile']);
        if (chainFile && !unsettled(chainFile.value))
            trust.chainStores = [pem(chainFile)];
    }
    else if (legacyPem && readsConnector) {
        // Tomcat 8.5 and 9 map a Connector's APR-style SSLCertificateFile to its default SSLHostConfig's certificateFile
        // (AbstractHttp11Protocol.setSSLCertificateFile), and the tree names such a release (./tomcat-release.ts).
        if (!unsettled(legacyPem.value))
            trust.keyStore = pem(legacyPem);
        const legacyChain = pick([connector], ['SSLCertificateChainFile']);
        if (trust.keyStore && legacyChain && !unsettled(legacyChain.value))
            trust.chainStores = [pem(legacyChain)];
    }
    else if (legacyPem && legacyAttribute) {
        // 10.0.0-M1 removed those setters (apache/tomcat 973b0a3), and 10+ does not start such a connector (no SSLHostConfig;
        // the model leaves it out when the tree names such a release). The release is unknown: which file it serves is too.
        const legacy = tomcat_1.TOMCAT_LEGACY_CONNECTOR_CERTIFICATE.attributes.flatMap((name) => {
            const read = pick([connector], [name]);
            return read && !unsettled(read.value) ? [{ ...pem(read), setting: name }] : [];
        });
        const written = legacyAttribute;
        (ctx.deployment.unservedTls ??= []).push({
            server: component.name,
            why: {
                kind: 'tomcat-version',
                written: `${written.name}="${written.value}"`,
                at: { file, range: written.valueRange },
            },
            stores: legacy,
        });
    }
    else if (!keyFile && !pemFile) {
        // Tomcat's documented default: .keystore in the home directory of the user running it (outside the tree).
        trust.keyStore = {
            path: {
                value: '${user.home}/.keystore',
                from: {
                    kind: 'default',
                    origin: "Tomcat's default certificateKeystoreFile (no keystore or certificate file configured)",
                    confidence: 'verified',
                },
            },
        };
    }
    const alias = pick([certificate], ['certificateKeyAlias']) ?? pick([own], ['keyAlias']);
    if (alias && !unsettled(alias.value))
        trust.keyAlias = at(alias);
    const trustFile = pick([hostConfig, own], ['truststoreFile']);
    const legacyCa = readsConnector && !hostConfig ? (0, tomcat_legacy_1.setterAttribute)(connector, 'SSLCACertificateFile') : undefined;
    const caFile = pick([hostConfig], ['caCertificateFile']) ??
        (legacyCa ? ((0, tomcat_properties_1.readWritten)(legacyCa, file, scope) ?? legacyCa) : undefined);
    if (trustFile && !unsettled(trustFile.value)) {
        const type = pick([hostConfig, own], ['truststoreType']);
        trust.trustStore = store(trustFile, type ? at(type) : undefined, passwordAt([hostConfig], ['truststorePassword']) ?? passwordAt([own], ['truststorePass']));
    }
    else if (caFile && !unsettled(caFile.value)) {
        trust.trustStore = pem(caFile);
    }
    return (0, store_files_1.withJavaTrustDefault)(trust, (0, store_files_1.javaSystemStores)(component.runtime, stores, [base]));
}
/** Liberty: the `<ssl>` element's keyStoreRef/trustStoreRef (a missing trustStoreRef means the key store), serverKeyAlias, trustDefaultCerts. */
function libertyTrust(component, stores, configs, sslId, aliasAttribute) {
    const config = configs.find((c) => component.documents[0] === c.root) ?? configs.find((c) => component.documents.includes(c.root));
    return config ? libertySslTrust(config, stores, sslId, aliasAttribute) : undefined;
}
/** The stores of a Liberty server's `<ssl id>`: its key store, its trust store (the key store without trustStoreRef). */
function libertySslTrust(config, stores, sslId, aliasAttribute) {
    const data = config.data;
    const ssl = [...data.ssl].reverse().find((s) => s.attrs.id?.value === sslId);
    const storeOf = (id) => (0, liberty_stores_1.libertyStoreOf)(config, id, stores);
    const sslFile = ssl ? config.fileOf(ssl.element) : config.root.file.path;
    const keyStoreId = ssl?.attrs.keyStoreRef?.value ?? 'defaultKeyStore';
    const trust = {};
    const keyStore = storeOf(keyStoreId);
    if (keyStore)
        trust.keyStore = keyStore;
    const alias = ssl?.attrs[aliasAttribute];
    if (alias)
        trust.keyAlias = (0, java_shared_1.traced)(alias.value, sslFile, alias.range);
    // Without trustStoreRef Liberty trusts the key store's certificates.
    const trustStore = ssl?.attrs.trustStoreRef ? storeOf(ssl.attrs.trustStoreRef.value) : keyStore;
    if (trustStore)
        trust.trustStore = trustStore;
    const trustDefault = ssl ? (0, xml_1.attr)(ssl.element, 'trustDefaultCerts') : undefined;
    trust.defaultTrust = trustDefault?.value.trim().toLowerCase() === 'true' ? 'jdk-cacerts' : 'none';
    return trust;
}
/**
 * A JMS connection factory to MQ: Liberty's outbound `<ssl>` (clientKeyAlias), or WebSphere's SSL
 * configuration (security.xml `<repertoire alias>`: its `<setting keyStore trustStore clientKeyAlias>`
 * refer to `<keyStores xmi:id location password type>`, `${CONFIG_ROOT}` being the profile's config directory).
 */
function jmsTrust(component, stores, liberty, securityDocs) {
    const attrs = component.attributes;
    const alias = attrs.sslConfig?.alias;
    // A Spring factory's stores are set where it is built, from the settings it was built from (model/java.ts).
    if (attrs.product === 'spring')
        return undefined;
    if (attrs.product === 'liberty')
        return libertyTrust(component, stores, liberty(), alias?.value ?? 'defaultSSLConfig', 'clientKeyAlias');
    if (!alias)
        return undefined;
    const doc = securityDocs.find((d) => d.file.path === alias.location.file);
    const repertoire = doc?.data.repertoires.find((r) => r.alias.value === alias.value);
    const setting = repertoire?.element?.children.find((c) => c.localName === 'setting');
    if (!doc || !setting)
        return undefined;
    const file = doc.file.path;
    const dirs = path.dirname(file).split(path.sep);
    const configAt = dirs.lastIndexOf('config');
    const configRoot = configAt > 0 ? dirs.slice(0, configAt + 1).join(path.sep) : path.dirname(file);
    const keyStores = doc.data.xml.elements.filter((e) => e.localName === 'keyStores');
    const storeOf = (reference) => {
        const id = reference?.value.replace(/^#/, '');
        const element = id ? keyStores.find((k) => (0, xml_1.attr)(k, 'xmi:id')?.value === id) : undefined;
        const location = element && (0, xml_1.attr)(element, 'location');
        if (!element || !location)
            return undefined;
        const password = (0, xml_1.attr)(element, 'password');
        const type = (0, xml_1.attr)(element, 'type');
        const written = location.value.replace(/\$\{CONFIG_ROOT\}/g, configRoot);
        return (0, store_files_1.storeRef)((0, java_shared_1.traced)(location.value, file, location.valueRange), [configRoot], stores, type ? (0, java_shared_1.traced)(type.value, file, type.valueRange) : undefined, password ? { file, range: password.valueRange } : undefined, written);
    };
    const trust = {};
    const keyStore = storeOf((0, xml_1.attr)(setting, 'keyStore'));
    if (keyStore)
        trust.keyStore = keyStore;
    const keyAlias = (0, xml_1.attr)(setting, 'clientKeyAlias');
    if (keyAlias)
        trust.keyAlias = (0, java_shared_1.traced)(keyAlias.value, file, keyAlias.valueRange);
    const trustStore = storeOf((0, xml_1.attr)(setting, 'trustStore'));
    if (trustStore)
        trust.trustStore = trustStore;
    return trust.keyStore || trust.trustStore ? trust : undefined;
}
exports.storesContributor = {
    id: 'stores',
    contribute(ctx) {
        const stores = (0, store_files_1.treeStoresOf)(ctx);
        const clientInis = ctx.documentsOf('mq.client-ini');
        const clientEnvs = ctx.documentsOf('mq.client-env');
        const treeFiles = (0, image_security_copy_1.imageTreeFilesOf)(ctx).paths;
        const imageInputs = ctx.once('imageTrustInputs', () => (0, image_cacerts_1.imageTrustInputs)(ctx.deployment.documents, (0, store_files_1.treeStoresOf)(ctx).images));
        for (const component of ctx.deployment.components) {
            if (!component.tls || component.tls.trust)
                continue;
            let trust;
            if (component.type === 'java.app')
                trust = javaAppTrust(component, stores, treeFiles, imageInputs);
            else if (component.type === 'tomcat.connector')
                trust = tomcatTrust(ctx, component, stores);
            else if (component.type === 'liberty.https-endpoint')
                trust = libertyTrust(component, stores, (0, liberty_config_1.libertyServersOf)(ctx), component.attributes.sslConfigId, 'serverKeyAlias');
            else if (component.type === 'jms.connection-factory')
                trust = jmsTrust(component, stores, () => (0, liberty_config_1.libertyServersOf)(ctx), ctx.documentsOf('was.security-xml'));
            else if ((0, types_1.isMqChannel)(component))
                trust = (0, mq_stores_1.mqTrust)(component, stores, clientInis, clientEnvs);
            else if (component.type === 'nginx.server')
                trust = (0, nginx_stores_1.nginxTrust)(component, stores, (0, compose_mounts_1.deploymentMounts)(ctx));
            else if (component.type === 'nginx.proxy')
                trust = (0, nginx_stores_1.nginxProxyTrust)(component, stores, (0, compose_mounts_1.deploymentMounts)(ctx));
            else if (component.type === 'haproxy.bind')
                trust = (0, haproxy_stores_1.haproxyBindTrust)(component, stores);
            else if (component.type === 'haproxy.server')
                trust = (0, haproxy_stores_1.haproxyServerTrust)(component, stores);
            else if (component.type === 'httpd.server')
                trust = (0, httpd_stores_1.httpdServerTrust)(component, stores, (0, compose_mounts_1.deploymentMounts)(ctx));
            else if (component.type === 'httpd.proxy')
                trust = (0, httpd_stores_1.httpdProxyTrust)(component, stores, (0, compose_mounts_1.deploymentMounts)(ctx));
            else if (component.type === 'was.plugin')
                trust = (0, was_plugin_stores_1.wasPluginTrust)(component, stores);
            else if (component.type === 'ihs.server')
                trust = (0, ihs_stores_1.ihsServerTrust)(component, stores, (0, compose_mounts_1.deploymentMounts)(ctx));
            (0, store_files_1.withTrust)(component, trust);
        }
    },
};
