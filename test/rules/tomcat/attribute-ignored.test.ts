import rule from '../../../src/rules/tomcat/attribute-ignored';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A server.xml with one TLS Connector: Connector attributes on line 2, SSLHostConfig on line 3, Certificate on line 4.
 * What Tomcat sets and ignores was measured with Debian's Tomcat 9.0.70 and 10.1.60 jars (Catalina's start digester:
 * "failed to set property [name]" for each ignored one).
 */
const serverXml = (
  connector: string,
  hostConfig: string | undefined,
  certificate = 'certificateKeystoreFile="conf/ks.p12"',
) =>
  [
    '<Server port="8005"><Service name="Catalina">',
    `  <Connector port="8443" SSLEnabled="true" ${connector}>`,
    ...(hostConfig === undefined
      ? []
      : [`    <SSLHostConfig ${hostConfig}>`, `      <Certificate ${certificate}/>`, '    </SSLHostConfig>']),
    '  </Connector>',
    '</Service></Server>',
    '',
  ].join('\n');
const dockerfile = (tag: string) => `FROM tomcat:${tag}\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the documented names',
      files: { 'tc/conf/server.xml': serverXml('', 'protocols="TLSv1.2" ciphers="HIGH"') },
    },
    {
      name: 'the first letter is case-free: Ciphers, Protocols, CertificateKeystoreFile are set',
      files: {
        'tc/conf/server.xml': serverXml(
          '',
          'Protocols="TLSv1.2" Ciphers="HIGH"',
          'CertificateKeystoreFile="conf/ks.p12"',
        ),
      },
    },
    {
      name: 'Tomcat 9 reads a certificate attribute on the SSLHostConfig itself',
      files: {
        'tc/Dockerfile': dockerfile('9.0.70'),
        'tc/server.xml': serverXml('', 'certificateKeystoreFile="conf/ks.p12"', 'type="RSA"'),
      },
    },
    {
      name: 'release unknown: the Connector sslEnabledProtocols 8.5 and 9 read is not said to be ignored here',
      files: { 'tc/conf/server.xml': serverXml('sslEnabledProtocols="TLSv1.2" keystoreFile="conf/ks.p12"', undefined) },
    },
  ],
  invalid: [
    {
      name: 'SSLEnabledProtocols on the SSLHostConfig: a Connector name, in a case no setter has',
      files: { 'tc/conf/server.xml': serverXml('', 'SSLEnabledProtocols="TLSv1.2"') },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 3,
          severity: 'info',
          messageIncludes: [
            'SSLEnabledProtocols on the <SSLHostConfig> of Tomcat connector 8443 (tc/conf/server.xml) reaches no setter of <SSLHostConfig>',
            "Tomcat logs 'failed to set property [SSLEnabledProtocols]'",
            'sslEnabledProtocols is a <Connector> attribute (read by Tomcat 8.5 and 9 only); on <SSLHostConfig> it is protocols',
          ],
        },
      ],
    },
    {
      name: 'PROTOCOLS, clientAuth and trustStoreFile on the SSLHostConfig',
      files: {
        'tc/conf/server.xml': serverXml('', 'PROTOCOLS="TLSv1.2" clientAuth="true" trustStoreFile="conf/trust.jks"'),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 3,
          messageIncludes: ["Only the first letter's case is free: write protocols"],
        },
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 3,
          messageIncludes: [
            'clientAuth is a <Connector> attribute',
            'on <SSLHostConfig> it is certificateVerification',
          ],
        },
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 3,
          messageIncludes: ["Only the first letter's case is free: write truststoreFile"],
        },
      ],
    },
    {
      name: 'certificateKeyStoreFile and Type on the Certificate',
      files: {
        'tc/conf/server.xml': serverXml('', 'protocols="TLSv1.2"', 'certificateKeyStoreFile="conf/ks.p12" Type="EC"'),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 4,
          messageIncludes: ['write certificateKeystoreFile'],
        },
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 4,
          messageIncludes: ['Tomcat reads the key type by the exact name `type`'],
        },
      ],
    },
    {
      // subinamathew/tomcat-ssl@6d06e5f settings/server_https.xml: ssLProtocol="TLS" meant sslProtocol (the SSLContext
      // protocol); SSLProtocol (the enabled protocols) differs from it only in case: both are named.
      name: 'ssLProtocol on the Connector: sslProtocol and SSLProtocol are both offered',
      files: { 'tc/conf/server.xml': serverXml('ssLProtocol="TLS" keystoreFile="conf/ks.p12"', undefined) },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/conf/server.xml',
          line: 2,
          messageIncludes: ["Only the first letter's case is free: write SSLProtocol or sslProtocol"],
        },
      ],
    },
    {
      // 10.0 removed SSLHostConfig.setCertificateKeystoreFile (10.1.60: "failed to set property").
      name: 'Tomcat 10.1: certificateKeystoreFile on the SSLHostConfig itself',
      files: {
        'tc/Dockerfile': dockerfile('10.1.60'),
        'tc/server.xml': serverXml('', 'certificateKeystoreFile="conf/ks.p12"', 'type="RSA"'),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/server.xml',
          line: 3,
          messageIncludes: [
            'reaches no setter of <SSLHostConfig> in Tomcat 10.1.60 (tc/Dockerfile:1 FROM tomcat:10.1.60)',
            'certificateKeystoreFile is an attribute of <Certificate>: write it there',
          ],
          related: [{ file: 'tc/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // 9.0.70: AbstractHttp11Protocol has no setProtocols ("failed to set property [protocols]").
      name: 'Tomcat 9: protocols on the Connector',
      files: {
        'tc/Dockerfile': dockerfile('9.0.70'),
        'tc/server.xml': serverXml('protocols="TLSv1.2" keystoreFile="conf/ks.p12"', undefined),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'tc/server.xml',
          line: 2,
          messageIncludes: ['protocols is an attribute of <SSLHostConfig>: write it there'],
          related: [{ file: 'tc/Dockerfile', line: 1 }],
        },
      ],
    },
  ],
});
