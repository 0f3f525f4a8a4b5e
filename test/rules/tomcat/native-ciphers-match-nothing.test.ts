import rule from '../../../src/rules/tomcat/native-ciphers-match-nothing';
import { ruleTester, type Tree } from '../../helpers/rule-tester';

/**
 * A Tomcat connector on OpenSSL through Tomcat Native with `ciphers` (line 4 of the server.xml). Measured with Debian's
 * Tomcat 9.0.70, libtcnative-1 1.2.35 and OpenSSL 3.0.19 on OpenJDK 17 (Catalina on such a server.xml, then
 * `openssl s_client -tls1_2`/`-tls1_3` and a JDK 17 client): "DEFAULT", "DEFAULT:@SECLEVEL=0", "!RC4:DEFAULT",
 * "TLS_AES_128_GCM_SHA256" and JSSE names in a colon list log 'Unable to configure permitted SSL ciphers (… no cipher
 * match)', the port opens and every handshake ends with the server closing it; "!aNULL:!MD5" and "FOO-BAR": 'None of
 * the [ciphers] specified are supported by the SSL engine', the port is not opened; 'HIGH:!aNULL:!MD5', 'HIGH:DEFAULT',
 * OpenSSL names, JSSE names in a comma list and mixtures negotiate TLSv1.2 and TLSv1.3.
 */
const LISTENER = '<Listener className="org.apache.catalina.core.AprLifecycleListener" SSLEngine="on" />';
const serverXml = (sslHostConfig: string, listener = LISTENER, connector = '') =>
  `<Server port="8005">\n  ${listener}\n  <Service name="C">\n<Connector port="8443" SSLEnabled="true"${connector}><SSLHostConfig ${sslHostConfig}><Certificate certificateKeystoreFile="conf/api.p12" type="RSA"/></SSLHostConfig></Connector>\n  </Service>\n</Server>\n`;
const image = (from: string, xml: string): Tree => ({
  'api/Dockerfile': `FROM ${from}\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n`,
  'api/conf/server.xml': xml,
});
const fromImage = [
  { file: 'api/conf/server.xml', line: 2 },
  { file: 'api/Dockerfile', line: 1 },
];

ruleTester(rule, {
  valid: [
    {
      name: 'HIGH:!aNULL:!MD5 (measured: TLSv1.2 and TLSv1.3)',
      files: image('tomcat:9.0.70', serverXml('ciphers="HIGH:!aNULL:!MD5"')),
    },
    {
      name: 'DEFAULT after a name OpenSSL knows (measured)',
      files: image('tomcat:9.0.70', serverXml('ciphers="HIGH:DEFAULT"')),
    },
    {
      name: 'OpenSSL names (measured)',
      files: image('tomcat:10.1.59', serverXml('ciphers="ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"')),
    },
    {
      name: 'JSSE names in a comma list: Tomcat converts them (measured)',
      files: image(
        'tomcat:9.0.70',
        serverXml('ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"'),
      ),
    },
    {
      name: 'a JSSE name beside an OpenSSL name in a colon list (measured: the OpenSSL one is served)',
      files: image(
        'tomcat:9.0.70',
        serverXml('ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:ECDHE-RSA-AES256-GCM-SHA384"'),
      ),
    },
    {
      name: 'DEFAULT on a JSSE connector (no listener; measured: Tomcat reads DEFAULT itself)',
      files: image('tomcat:9.0.70', serverXml('ciphers="DEFAULT"', '')),
    },
    {
      name: 'DEFAULT in a bare server.xml (JSSE: no Tomcat Native)',
      files: { 'conf/server.xml': serverXml('ciphers="DEFAULT"') },
    },
    {
      name: 'the FFM OpenSSL implementation puts no prefix before the string',
      files: image(
        'tomcat:11.0.25',
        serverXml(
          'ciphers="DEFAULT"',
          '',
          ' sslImplementationName="org.apache.tomcat.util.net.openssl.panama.OpenSSLImplementation"',
        ),
      ),
    },
    {
      name: 'ciphers from a property the tree does not set: unknown, not a failure',
      files: image('tomcat:9.0.70', serverXml('ciphers="${tls.ciphers}"')),
    },
  ],
  invalid: [
    {
      name: 'DEFAULT on Tomcat 9.0.70 (measured: the port opens, every handshake is closed)',
      files: image('tomcat:9.0.70', serverXml('ciphers="DEFAULT"')),
      errors: [{ messageId: 'opensslRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: 'DEFAULT:@SECLEVEL=0 on Tomcat 10.1.59 (KeyManagementException since 10.1.32: the port is not opened)',
      files: image('tomcat:10.1.59-jdk17', serverXml('ciphers="DEFAULT:@SECLEVEL=0"')),
      errors: [{ messageId: 'opensslRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: 'DEFAULT, the image naming no release: both symptoms said',
      files: image('tomcat:jdk17', serverXml('ciphers="DEFAULT"')),
      errors: [{ messageId: 'opensslRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: 'JSSE names in a colon list (measured)',
      files: image(
        'tomcat:9.0.70',
        serverXml('ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"'),
      ),
      errors: [{ messageId: 'opensslRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: 'TLS 1.3 names only (measured with protocols="TLSv1.3")',
      files: image('tomcat:9.0.70', serverXml('ciphers="TLS_AES_128_GCM_SHA256" protocols="TLSv1.3"')),
      errors: [{ messageId: 'opensslRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: "exclusions only: Tomcat's own parser finds nothing either (measured: the port is not opened)",
      files: image('tomcat:9.0.70', serverXml('ciphers="!aNULL:!MD5"')),
      errors: [{ messageId: 'tomcatRefuses', file: 'api/conf/server.xml', line: 4, related: fromImage }],
    },
    {
      name: "Tomcat 9's APR connector in a bare server.xml runs Tomcat Native too",
      files: {
        'conf/server.xml': serverXml('ciphers="DEFAULT"', '', ' protocol="org.apache.coyote.http11.Http11AprProtocol"'),
      },
      errors: [{ messageId: 'opensslRefuses', file: 'conf/server.xml', line: 4 }],
    },
  ],
});
