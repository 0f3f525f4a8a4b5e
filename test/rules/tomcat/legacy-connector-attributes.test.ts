import rule from '../../../src/rules/tomcat/legacy-connector-attributes';
import { ruleTester } from '../../helpers/rule-tester';

/** A server.xml with one TLS Connector: its attributes one a line from line 3, then its children. */
const serverXml = (attributes: string[], children = '') =>
  [
    '<Server port="8005"><Service name="Catalina">',
    '  <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true"',
    ...attributes.map((a) => `             ${a}`),
    `  >${children}</Connector>`,
    '</Service></Server>',
    '',
  ].join('\n');

const LEGACY = ['keystoreFile="conf/ks.p12"', 'keystorePass="changeit"', 'sslEnabledProtocols="TLSv1.2"'];
const HOST_CONFIG =
  '<SSLHostConfig protocols="TLSv1.2"><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig>';
const dockerfile = (tag: string) => `FROM tomcat:${tag}\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n`;
/**
 * An image that is no Tomcat, downloading a Tomcat distribution by ENV variables (geeeoff/alpine-linux-openjdk-tomcat-
 * docker-hardened@7f9556703af0 Dockerfile, reduced: its tomcatMajorVersion/…/tomcatDownloadUrl and `ADD server.xml`).
 */
const downloading = (major: string, version: string) =>
  [
    'FROM eclipse-temurin:17-jre',
    'ENV CATALINA_HOME /home/tomcat',
    `ENV tomcatMajorVersion=${major}`,
    `ENV tomcatVersion=${version}`,
    'ENV tomcatFilename=apache-tomcat-${tomcatVersion}.tar.gz',
    'ENV tomcatDownloadUrl=http://archive.apache.org/dist/tomcat/tomcat-${tomcatMajorVersion}/v${tomcatVersion}/bin/${tomcatFilename}',
    'RUN cd $CATALINA_HOME \\',
    '    && wget "${tomcatDownloadUrl}" \\',
    '    && tar -xzf ${tomcatFilename} --strip-components=1',
    'ADD server.xml $CATALINA_HOME/conf',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'Tomcat 9.0 reads the Connector attributes as its default SSLHostConfig',
      files: { 'tc/Dockerfile': dockerfile('9.0.85-jdk17'), 'tc/server.xml': serverXml(LEGACY) },
    },
    {
      name: 'Tomcat 8.5 reads the APR-style ones too (SSLProtocol, SSLCipherSuite, SSLVerifyClient)',
      files: {
        'tc/Dockerfile': dockerfile('8.5.100'),
        'tc/server.xml': serverXml([...LEGACY.slice(0, 2), 'SSLProtocol="TLSv1.2"', 'SSLVerifyClient="require"']),
      },
    },
    {
      // Was: releaseUnknown, an info for each of SSLProtocol and SSLVerifyClient.
      name: 'Tomcat 8.5.20 downloaded by a RUN of an image that is no Tomcat reads the APR-style ones',
      files: {
        'tc/Dockerfile': downloading('8', '8.5.20'),
        'tc/server.xml': serverXml([...LEGACY.slice(0, 2), 'SSLProtocol="TLSv1.2"', 'SSLVerifyClient="require"']),
      },
    },
    {
      name: 'Tomcat 10.1 with an SSLHostConfig and no Connector TLS attribute',
      files: { 'tc/Dockerfile': dockerfile('10.1.20'), 'tc/server.xml': serverXml([], HOST_CONFIG) },
    },
    {
      // sslProtocol is the SSLContext protocol (setSslProtocol), not SSLProtocol: it decides nothing here.
      name: 'release unknown: keystoreFile, sslEnabledProtocols and sslProtocol="TLS" are read as before',
      files: { 'tc/conf/server.xml': serverXml([...LEGACY, 'sslProtocol="TLS"']) },
    },
    {
      // Measured with Tomcat 9.0.70: the Connector's keystoreFile makes the _default_ SSLHostConfig, the written one is
      // for www.example.com: both are kept, the file loads.
      name: 'Tomcat 9: Connector attributes beside an <SSLHostConfig> for another host name: two SSLHostConfigs, it loads',
      files: {
        'tc/Dockerfile': dockerfile('9.0.70'),
        'tc/server.xml': serverXml(
          ['keystoreFile="conf/a.p12"'],
          '<SSLHostConfig hostName="www.example.com"><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig>',
        ),
      },
    },
  ],
  invalid: [
    {
      // Measured with Tomcat 9.0.70 (Catalina's start digester): "Multiple SSLHostConfig elements were provided for the
      // host name [_default_]. Host names must be unique.", then no server.
      name: 'Tomcat 9: Connector attributes beside an <SSLHostConfig> for _default_: server.xml is refused, an error',
      files: { 'tc/Dockerfile': dockerfile('9.0.70'), 'tc/server.xml': serverXml(LEGACY, HOST_CONFIG) },
      errors: [
        {
          messageId: 'refused',
          file: 'tc/server.xml',
          line: 2,
          severity: 'error',
          messageIncludes: [
            'Tomcat connector 8443 (tc/server.xml) does not start: Tomcat 9.0.70 (tc/Dockerfile:1 FROM tomcat:9.0.70) refuses this server.xml',
            'the <Connector> attributes keystoreFile, keystorePass, sslEnabledProtocols make its own SSLHostConfig for _default_',
            "'Multiple SSLHostConfig elements were provided for the host name [_default_]. Host names must be unique.'",
          ],
          related: [
            { file: 'tc/Dockerfile', line: 1 },
            { file: 'tc/server.xml', line: 3 },
            { file: 'tc/server.xml', line: 4 },
            { file: 'tc/server.xml', line: 5 },
            { file: 'tc/server.xml', line: 6 },
          ],
        },
      ],
    },
    {
      // 9.0.70: sslProtocol="TLS" (setSslProtocol, the SSLContext protocol) registers the default SSLHostConfig too.
      name: 'Tomcat 8.5: sslProtocol="TLS" alone beside an <SSLHostConfig>: refused',
      files: { 'tc/Dockerfile': dockerfile('8.5.100'), 'tc/server.xml': serverXml(['sslProtocol="TLS"'], HOST_CONFIG) },
      errors: [
        {
          messageId: 'refused',
          file: 'tc/server.xml',
          line: 2,
          severity: 'error',
          messageIncludes: ['the <Connector> attribute sslProtocol makes its own SSLHostConfig for _default_'],
          related: [
            { file: 'tc/Dockerfile', line: 1 },
            { file: 'tc/server.xml', line: 3 },
            { file: 'tc/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'Tomcat 10.1 ignores them all: no SSLHostConfig, the connector does not start',
      files: { 'tc/Dockerfile': dockerfile('10.1.20-jdk17'), 'tc/server.xml': serverXml(LEGACY) },
      errors: [
        {
          messageId: 'notStarted',
          file: 'tc/server.xml',
          line: 2,
          severity: 'warning',
          messageIncludes: [
            'Tomcat connector 8443 (tc/server.xml) is configured by <Connector> attributes only (keystoreFile, keystorePass, sslEnabledProtocols), which Tomcat 10.1.20 (tc/Dockerfile:1 FROM tomcat:10.1.20-jdk17) ignores',
            "No SSLHostConfig element was found with the hostName [_default_] to match the defaultSSLHostConfigName for the connector [...]') and port 8443 is not opened",
            'sslEnabledProtocols → protocols',
          ],
          related: [
            { file: 'tc/Dockerfile', line: 1 },
            { file: 'tc/server.xml', line: 3 },
            { file: 'tc/server.xml', line: 4 },
            { file: 'tc/server.xml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'Tomcat 10.1.20 downloaded by a RUN: the same, said with the RUN that downloads it',
      files: { 'tc/Dockerfile': downloading('10', '10.1.20'), 'tc/server.xml': serverXml(LEGACY) },
      errors: [
        {
          messageId: 'notStarted',
          file: 'tc/server.xml',
          line: 2,
          messageIncludes: [
            'which Tomcat 10.1.20 (tc/Dockerfile:7 RUN, which downloads apache-tomcat-10.1.20) ignores',
          ],
        },
      ],
    },
    {
      name: 'a Compose service that mounts it runs tomcat:11 (11.0, inferred): the same',
      files: {
        'compose.yaml':
          'services:\n  web:\n    image: tomcat:11-jdk21\n    volumes:\n      - ./conf/server.xml:/usr/local/tomcat/conf/server.xml\n',
        'conf/server.xml': serverXml(['SSLCertificateFile="conf/cert.pem"', 'SSLCertificateKeyFile="conf/key.pem"']),
      },
      errors: [
        {
          messageId: 'notStarted',
          file: 'conf/server.xml',
          line: 2,
          messageIncludes: [
            '(SSLCertificateFile, SSLCertificateKeyFile), which Tomcat 11.0 (compose.yaml:3 image: tomcat:11-jdk21',
          ],
          related: [
            { file: 'compose.yaml', line: 3 },
            { file: 'conf/server.xml', line: 3 },
            { file: 'conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'Tomcat 10.1 with an SSLHostConfig: the Connector ciphers is ignored, an info',
      files: {
        'tc/Dockerfile': dockerfile('10.1.20'),
        'tc/server.xml': serverXml(['ciphers="HIGH:!aNULL"'], HOST_CONFIG),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/server.xml',
          line: 3,
          severity: 'info',
          messageIncludes: [
            'ciphers on the <Connector> of Tomcat connector 8443 (tc/server.xml) is ignored by Tomcat 10.1.20',
          ],
          related: [{ file: 'tc/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'release unknown: SSLProtocol and SSLCipherSuite are read by 8.5 and 9 only: unknown, an info each',
      files: {
        'tc/conf/server.xml': serverXml([
          'keystoreFile="conf/ks.p12"',
          'SSLProtocol="TLSv1.2"',
          'SSLCipherSuite="HIGH"',
        ]),
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          file: 'tc/conf/server.xml',
          line: 4,
          severity: 'info',
          messageIncludes: [
            "SSLProtocol on the <Connector> of Tomcat connector 8443 (tc/conf/server.xml) is read by Tomcat 8.5 and 9 only (as the SSLHostConfig's protocols)",
          ],
        },
        { messageId: 'releaseUnknown', file: 'tc/conf/server.xml', line: 5, severity: 'info' },
      ],
    },
    {
      // leonardoluiz/tomcat-apr-ssl@6c40c5e (no licence file): FROM tomcat:7-jre7 ADDs this server.xml to conf/, its APR
      // connector setting SSLProtocol and SSLVerifyClient. The tree names Tomcat 7.0 (the image ran 7.0.92), which
      // lint-deploy has no facts for: 'the tree names no Tomcat release' was false.
      name: 'a release the tree names but lint-deploy has no facts for (tomcat:7-jre7): said as that release, an info',
      files: {
        'tc/Dockerfile': 'FROM tomcat:7-jre7\nADD server.xml /usr/local/tomcat/conf/\n',
        'tc/server.xml': serverXml(['SSLCertificateFile="conf/server.pem"', 'SSLProtocol="TLSv1+TLSv1.1+TLSv1.2"']),
      },
      errors: [
        {
          messageId: 'releaseUnprofiled',
          file: 'tc/server.xml',
          line: 4,
          severity: 'info',
          messageIncludes: [
            'SSLProtocol on the <Connector> of Tomcat connector 8443 (tc/server.xml): the tree names Tomcat 7.0, a release lint-deploy has no facts for',
          ],
          messageExcludes: ['names no Tomcat release'],
          related: [{ file: 'tc/Dockerfile', line: 1 }],
        },
      ],
    },
  ],
});
