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
exports.CLIENT_AUTH = exports.READ_BY_8_5_AND_9_ONLY = exports.defaultHostConfigAttributes = exports.sameSetter = void 0;
exports.setterAttribute = setterAttribute;
exports.connectorTlsAttributes = connectorTlsAttributes;
exports.defaultHostConfigClash = defaultHostConfigClash;
exports.notStarted = notStarted;
exports.connectorStores = connectorStores;
/**
 * A Connector's TLS attributes in the Tomcat 8.5/9 style (`keystoreFile`, `sslEnabledProtocols`, `SSLProtocol`,
 * `SSLCipherSuite`, `SSLVerifyClient`, `SSLCertificateFile`, …: data/tomcat.json legacyConnectorAttributes): 8.5 and 9
 * read them as the default SSLHostConfig's, 10.0 and later ignore them (docs/rules/tomcat/legacy-connector-attributes.md).
 */
const path = __importStar(require("node:path"));
const tomcat_1 = require("../knowledge/tomcat");
const image_files_1 = require("../parse/image-files");
const java_shared_1 = require("./java-shared");
const paths_1 = require("./paths");
const store_files_1 = require("./store-files");
const NAMES = Object.keys(tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.attributes);
const HOST_CONFIG_ATTRIBUTE = tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.attributes;
/**
 * Whether an attribute as written reaches a setter: Tomcat upper-cases its first letter and looks for `set<Name>`
 * (IntrospectionUtils.setProperty), so only that letter's case is free: `sslProtocol` (the SSLContext protocol) is
 * not `SSLProtocol` (the enabled protocols), and `sslEnabled` is not `SSLEnabled`.
 */
const sameSetter = (written, name) => written.charAt(0).toUpperCase() === name.charAt(0).toUpperCase() && written.slice(1) === name.slice(1);
exports.sameSetter = sameSetter;
/** The attribute of an element that sets `name`, by Tomcat's rule (sameSetter). */
function setterAttribute(element, name) {
    return element?.attributes.find((a) => (0, exports.sameSetter)(a.name, name));
}
/** The TLS attributes written on a Connector, in document order. */
function connectorTlsAttributes(connector, file) {
    return connector.attributes.flatMap((a) => {
        const name = NAMES.find((n) => (0, exports.sameSetter)(a.name, n));
        const hostConfigAttribute = name ? HOST_CONFIG_ATTRIBUTE[name] : undefined;
        return hostConfigAttribute ? [{ name: a.name, hostConfigAttribute, at: { file, range: a.valueRange } }] : [];
    });
}
/** The Connector attributes whose setter makes its own default SSLHostConfig in Tomcat 8.5 and 9. */
const defaultHostConfigAttributes = (connector) => connector.attributes.filter((a) => tomcat_1.TOMCAT_DEFAULT_HOST_CONFIG_CLASH.connectorAttributes.some((n) => (0, exports.sameSetter)(a.name, n)));
exports.defaultHostConfigAttributes = defaultHostConfigAttributes;
/**
 * Tomcat 8.5 and 9: the Connector's TLS attributes make a `_default_` SSLHostConfig of its own when the digester sets
 * them (at the Connector's start tag, AbstractHttp11Protocol.registerDefaultSSLHostConfig); a written `<SSLHostConfig>`
 * for the same host name (the connector's defaultSSLHostConfigName, both lower-cased) is then a second one, which
 * AbstractEndpoint.addSslHostConfig refuses: the whole server.xml fails to load (measured with 9.0.70). Values do
 * not matter, a `${…}` included. The written `<SSLHostConfig>` and the Connector attributes, or undefined.
 */
function defaultHostConfigClash(connector, hostConfigs) {
    const attributes = (0, exports.defaultHostConfigAttributes)(connector);
    if (attributes.length === 0)
        return undefined;
    const hostName = (setterAttribute(connector, 'defaultSSLHostConfigName')?.value ?? '_default_').toLowerCase();
    const hostConfig = hostConfigs.find((h) => (setterAttribute(h, 'hostName')?.value ?? '_default_').toLowerCase() === hostName);
    return hostConfig ? { hostConfig, attributes, hostName } : undefined;
}
/** The APR-style Connector attributes that decide a handshake, which Tomcat 8.5 and 9 read and 10.0+ ignore. */
exports.READ_BY_8_5_AND_9_ONLY = ['SSLProtocol', 'SSLCipherSuite', 'SSLVerifyClient', 'SSLHonorCipherOrder'];
/**
 * A TLS Connector without `<SSLHostConfig>` in a release that ignores its TLS attributes: Tomcat does not start it
 * (AbstractJsseEndpoint.initialiseSsl: no SSLHostConfig for `_default_`), so the key stores it names are not served.
 */
function notStarted(ctx, connector, file, release, written, port, clash) {
    const relative = (0, paths_1.relativePosix)(ctx.deployment.root, file);
    return {
        server: `Tomcat connector ${port ?? '(no port)'} (${relative})`,
        why: {
            kind: 'tomcat-connector-not-started',
            release: release.named,
            releaseAt: release.read?.at ?? { file },
            attributes: written,
            ...(port ? { port } : {}),
            at: { file, range: connector.range },
            ...(clash ? { clash } : {}),
        },
        stores: connectorStores(ctx, connector, file, written),
    };
}
/** The key and trust stores a Connector's own TLS attributes name (`keystoreFile`, `SSLCertificateFile`, …). */
function connectorStores(ctx, connector, file, written) {
    const base = path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);
    return written.flatMap((a) => {
        const value = connector.attributes.find((written) => written.name === a.name)?.value;
        if (!value || !STORE_SETTINGS.includes(a.hostConfigAttribute) || value.includes('${'))
            return [];
        const named = (0, java_shared_1.traced)(value, a.at.file, a.at.range);
        const pem = /^(certificateFile|caCertificateFile)$/.test(a.hostConfigAttribute);
        return [
            {
                ...(0, store_files_1.storeRef)(named, [base], (0, store_files_1.treeStoresOf)(ctx), pem ? { value: 'PEM', from: named.from } : undefined, undefined, undefined, image_files_1.catalinaBase),
                setting: a.name,
            },
        ];
    });
}
/** The SSLHostConfig and Certificate attributes that name a key or trust store. */
const STORE_SETTINGS = ['certificateKeystoreFile', 'certificateFile', 'truststoreFile', 'caCertificateFile'];
/** How Tomcat reads certificateVerification, clientAuth and SSLVerifyClient values. */
exports.CLIENT_AUTH = {
    true: 'required',
    required: 'required',
    want: 'optional',
    optional: 'optional',
    optional_no_ca: 'optional',
    false: 'none',
    none: 'none',
    // SSLHostConfig.CertificateVerification.fromString (apache/tomcat 9.0.121) also reads these, SSLVerifyClient's among them.
    yes: 'required',
    require: 'required',
    optionalnoca: 'optional',
    no: 'none',
};
