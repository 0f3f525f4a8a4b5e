"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ignoredTomcatAttributes = ignoredTomcatAttributes;
const tomcat_legacy_1 = require("./tomcat-legacy");
/**
 * The TLS setters of each element, by release line (reflection on Debian's libtomcat9-java 9.0.70 and
 * libtomcat10-java 10.1.60: SSLHostConfig, SSLHostConfigCertificate, and Connector with Http11NioProtocol and
 * NioEndpoint, which Connector.setProperty forwards to; the Connector's also with the ones 9.0.121 and 8.5.100 add).
 * `9` stands for 8.5 and 9, `10` for 10.0 and later.
 */
const SSL_HOST_CONFIG_10 = [
    'enabledCiphers',
    'enabledProtocols',
    'caCertificateFile',
    'caCertificatePath',
    'certificateRevocationListFile',
    'certificateRevocationListPath',
    'certificateVerification',
    'certificateVerificationDepth',
    'cipherSuites',
    'ciphers',
    'disableCompression',
    'disableSessionTickets',
    'groups',
    'honorCipherOrder',
    'hostName',
    'insecureRenegotiation',
    'keyManagerAlgorithm',
    'ocspEnabled',
    'ocspSoftFail',
    'ocspTimeout',
    'ocspVerifyFlags',
    'protocols',
    'revocationEnabled',
    'sessionCacheSize',
    'sessionTimeout',
    'sslProtocol',
    'trustManagerClassName',
    'truststoreAlgorithm',
    'truststoreFile',
    'truststorePassword',
    'truststoreProvider',
    'truststoreType',
];
const CERTIFICATE = [
    'certificateChainFile',
    'certificateFile',
    'certificateKeyAlias',
    'certificateKeyFile',
    'certificateKeyPassword',
    'certificateKeyPasswordFile',
    'certificateKeystoreFile',
    'certificateKeystorePassword',
    'certificateKeystorePasswordFile',
    'certificateKeystoreProvider',
    'certificateKeystoreType',
];
/** 8.5 and 9 also set a certificate's attributes on the SSLHostConfig itself (removed in 10.0). */
const SSL_HOST_CONFIG_9 = [...SSL_HOST_CONFIG_10, ...CERTIFICATE.filter((n) => !/PasswordFile$/.test(n))];
const CONNECTOR_10 = ['SSLEnabled', 'sslImplementationName', 'defaultSSLHostConfigName'];
const CONNECTOR_9 = [
    'ciphers',
    'clientAuth',
    'clientCertProvider',
    'crlFile',
    'defaultSSLHostConfigName',
    'keyAlias',
    'keyPass',
    'keystoreFile',
    'keystorePass',
    'keystoreProvider',
    'keystoreType',
    'SSLCACertificateFile',
    'SSLCACertificatePath',
    'SSLCARevocationFile',
    'SSLCARevocationPath',
    'SSLCertificateChainFile',
    'SSLCertificateFile',
    'SSLCertificateKeyFile',
    'SSLCipherSuite',
    'SSLDisableCompression',
    'SSLDisableSessionTickets',
    'SSLEnabled',
    'SSLHonorCipherOrder',
    'SSLPassword',
    'SSLProtocol',
    'SSLVerifyClient',
    'SSLVerifyDepth',
    'sslEnabledProtocols',
    'sslImplementationName',
    'sslProtocol',
    'trustManagerClassName',
    'trustMaxCertLength',
    'truststoreAlgorithm',
    'truststoreFile',
    'truststorePass',
    'truststoreProvider',
    'truststoreType',
    'useServerCipherSuitesOrder',
    'keyPassFile',
    'keystorePassFile',
    'SSLPasswordFile',
    'algorithm',
    'sessionCacheSize',
    'sessionTimeout',
];
const SETTERS = {
    '9': { SSLHostConfig: SSL_HOST_CONFIG_9, Certificate: CERTIFICATE, Connector: CONNECTOR_9 },
    '10': { SSLHostConfig: SSL_HOST_CONFIG_10, Certificate: CERTIFICATE, Connector: CONNECTOR_10 },
};
const ELEMENTS = ['SSLHostConfig', 'Certificate', 'Connector'];
/**
 * The attributes of `element` that look like a TLS attribute (of any of the three elements, any case) but reach no
 * setter of it in the release (`reads`: true for 8.5 and 9, false for 10.0+, undefined: either, so only what neither
 * sets). A Connector's 8.5/9 names in 10.0+ are left to tomcat/legacy-connector-attributes.
 */
function ignoredTomcatAttributes(element, kind, reads, file) {
    const lines = reads === true ? ['9'] : reads === false ? ['10'] : ['9', '10'];
    const sets = (name, on) => lines.some((l) => SETTERS[l][on].some((s) => (0, tomcat_legacy_1.sameSetter)(name, s)));
    const setsAnywhere = (name, on) => ['9', '10'].some((l) => SETTERS[l][on].some((s) => (0, tomcat_legacy_1.sameSetter)(name, s)));
    return element.attributes.flatMap((a) => {
        // CertificateCreateRule reads `type` by its exact name; SetPropertiesRule skips it.
        if (kind === 'Certificate' && a.name.toLowerCase() === 'type')
            return a.name === 'type'
                ? []
                : [
                    {
                        name: a.name,
                        element: kind,
                        at: { file, range: a.valueRange },
                        like: { element: kind, spelled: 'type' },
                    },
                ];
        if (sets(a.name, kind))
            return [];
        if (kind === 'Connector' && reads === false && setsAnywhere(a.name, kind))
            return [];
        const lower = a.name.toLowerCase();
        // The element whose setters have the name in another case (its own first); `sslProtocol or SSLProtocol` when two.
        const like = [kind, ...ELEMENTS.filter((e) => e !== kind)]
            .map((on) => ({
            element: on,
            names: [...new Set([...SETTERS['9'][on], ...SETTERS['10'][on]])].filter((s) => s.toLowerCase() === lower && (on !== kind || !(0, tomcat_legacy_1.sameSetter)(a.name, s))),
        }))
            .filter((l) => l.names.length > 0)
            .map((l) => ({ element: l.element, spelled: l.names.join(' or ') }))[0];
        return like ? [{ name: a.name, element: kind, at: { file, range: a.valueRange }, like }] : [];
    });
}
