/**
 * TLS attributes written in a server.xml that reach no setter of their element, which Tomcat ignores (its digester
 * logs "failed to set property [name]"): IntrospectionUtils.setProperty upper-cases the first letter and looks for
 * set<Name>, so `PROTOCOLS`, `trustStoreFile` or an SSLHostConfig's `sslEnabledProtocols` (a Connector name) set nothing.
 */
import type { XmlElement } from '../parse/xml';
import type { IgnoredTomcatAttribute, TomcatTlsElement } from './attributes';
import { sameSetter } from './tomcat-legacy';

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

const SETTERS: Record<'9' | '10', Record<TomcatTlsElement, string[]>> = {
  '9': { SSLHostConfig: SSL_HOST_CONFIG_9, Certificate: CERTIFICATE, Connector: CONNECTOR_9 },
  '10': { SSLHostConfig: SSL_HOST_CONFIG_10, Certificate: CERTIFICATE, Connector: CONNECTOR_10 },
};
const ELEMENTS: TomcatTlsElement[] = ['SSLHostConfig', 'Certificate', 'Connector'];

/**
 * The attributes of `element` that look like a TLS attribute (of any of the three elements, any case) but reach no
 * setter of it in the release (`reads`: true for 8.5 and 9, false for 10.0+, undefined: either, so only what neither
 * sets). A Connector's 8.5/9 names in 10.0+ are left to tomcat/legacy-connector-attributes.
 */
export function ignoredTomcatAttributes(
  element: XmlElement,
  kind: TomcatTlsElement,
  reads: boolean | undefined,
  file: string,
): IgnoredTomcatAttribute[] {
  const lines = reads === true ? ['9' as const] : reads === false ? ['10' as const] : ['9' as const, '10' as const];
  const sets = (name: string, on: TomcatTlsElement) =>
    lines.some((l) => SETTERS[l][on].some((s) => sameSetter(name, s)));
  const setsAnywhere = (name: string, on: TomcatTlsElement) =>
    (['9', '10'] as const).some((l) => SETTERS[l][on].some((s) => sameSetter(name, s)));
  return element.attributes.flatMap((a): IgnoredTomcatAttribute[] => {
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
    if (sets(a.name, kind)) return [];
    if (kind === 'Connector' && reads === false && setsAnywhere(a.name, kind)) return [];
    const lower = a.name.toLowerCase();
    // The element whose setters have the name in another case (its own first); `sslProtocol or SSLProtocol` when two.
    const like = [kind, ...ELEMENTS.filter((e) => e !== kind)]
      .map((on) => ({
        element: on,
        names: [...new Set([...SETTERS['9'][on], ...SETTERS['10'][on]])].filter(
          (s) => s.toLowerCase() === lower && (on !== kind || !sameSetter(a.name, s)),
        ),
      }))
      .filter((l) => l.names.length > 0)
      .map((l) => ({ element: l.element, spelled: l.names.join(' or ') }))[0];
    return like ? [{ name: a.name, element: kind, at: { file, range: a.valueRange }, like }] : [];
  });
}
