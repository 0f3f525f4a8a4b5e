import rule from '../../../src/rules/tomcat/ssl-not-enabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A server.xml whose Connector (line 3) carries `connector` and, unless `hostConfig` is null, an SSLHostConfig
 * (line 4); the Engine's Host answers to inventory.example.internal. Measured with Debian's Tomcat 9.0.70 and 10.1.60
 * (Catalina on such a server.xml, then `openssl s_client` and a JSSE client to the port): a Connector whose SSLEnabled
 * does not set true starts as http-nio-<port>.
 */
const serverXml = (connector: string, hostConfig: string | null = '') =>
  [
    '<Server port="8005">',
    '  <Service name="Catalina">',
    `    <Connector port="8443" protocol="HTTP/1.1" ${connector}>`,
    ...(hostConfig === null
      ? []
      : [
          `      <SSLHostConfig ${hostConfig}><Certificate certificateKeystoreFile="conf/ks.p12" type="RSA"/></SSLHostConfig>`,
        ]),
    '    </Connector>',
    '    <Engine name="Catalina" defaultHost="inventory.example.internal"><Host name="inventory.example.internal"/></Engine>',
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');

const calling = (url: string) => `spring:\n  application:\n    name: orders\ninventory:\n  url: ${url}\n`;

ruleTester(rule, {
  valid: [
    { name: 'SSLEnabled="true": TLS', files: { 'inventory/conf/server.xml': serverXml('SSLEnabled="true"') } },
    {
      name: 'only the first letter is case-free: sSLEnabled sets SSLEnabled',
      files: { 'inventory/conf/server.xml': serverXml('sSLEnabled="TRUE"') },
    },
    {
      // Behind a proxy that ends TLS: nothing written for TLS on the connector.
      name: 'a plain connector with scheme="https" secure="true" and no TLS settings',
      files: { 'inventory/conf/server.xml': serverXml('scheme="https" secure="true" proxyPort="443"', null) },
    },
    {
      name: 'SSLEnabled="false" beside an SSLHostConfig: plain HTTP on purpose, nobody calls https',
      files: { 'inventory/conf/server.xml': serverXml('SSLEnabled="false"') },
    },
    {
      // The tree does not settle the property: whether the port speaks TLS is unknown, never guessed plain.
      name: 'SSLEnabled from a property the tree does not set',
      files: { 'inventory/conf/server.xml': serverXml('SSLEnabled="${ssl.enabled}"') },
    },
    {
      name: 'a client calling the HTTP port of a plain connector',
      files: {
        'orders/src/main/resources/application.yml': calling('http://inventory.example.internal:8443/api'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="false"'),
      },
    },
  ],
  invalid: [
    {
      name: 'sslEnabled="true" (a case no setter has) beside an SSLHostConfig: plain HTTP',
      files: { 'inventory/conf/server.xml': serverXml('sslEnabled="true"') },
      errors: [{ messageId: 'plain', file: 'inventory/conf/server.xml', line: 3 }],
    },
    {
      name: 'sslEnabled="true" with no SSLHostConfig (Tomcat 9 Connector attributes): plain HTTP',
      files: { 'inventory/conf/server.xml': serverXml('sslEnabled="true" keystoreFile="conf/ks.p12"', null) },
      errors: [{ messageId: 'plain', file: 'inventory/conf/server.xml', line: 3 }],
    },
    {
      name: 'an SSLHostConfig and no SSLEnabled at all: plain HTTP',
      files: { 'inventory/conf/server.xml': serverXml('') },
      errors: [
        {
          messageId: 'plain',
          file: 'inventory/conf/server.xml',
          line: 3,
          related: [{ file: 'inventory/conf/server.xml', line: 4 }],
        },
      ],
    },
    {
      name: 'SSLEnabled="yes" (Boolean.valueOf reads false): plain HTTP',
      files: { 'inventory/conf/server.xml': serverXml('SSLEnabled="yes"') },
      errors: [{ messageId: 'plain', file: 'inventory/conf/server.xml', line: 3 }],
    },
    {
      name: 'a client calls https:// on the host name of the plain connector: the handshake fails',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory.example.internal:8443/api'),
        'inventory/conf/server.xml': serverXml('sslEnabled="true"'),
      },
      errors: [
        { messageId: 'plain', file: 'inventory/conf/server.xml', line: 3 },
        {
          messageId: 'called',
          file: 'orders/src/main/resources/application.yml',
          line: 5,
          severity: 'error',
          related: [
            { file: 'inventory/conf/server.xml', line: 3 },
            { file: 'inventory/conf/server.xml', line: 3 },
            { file: 'inventory/conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'a client calls https:// on a deliberately plain connector: only the call',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory.example.internal:8443/api'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="false"'),
      },
      errors: [{ messageId: 'called', file: 'orders/src/main/resources/application.yml', line: 5, severity: 'error' }],
    },
    {
      name: 'the URL host is only the directory of the plain connector: an info',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory:8443/api'),
        'inventory/conf/server.xml': serverXml('sslEnabled="true"'),
      },
      errors: [
        { messageId: 'plain', file: 'inventory/conf/server.xml', line: 3 },
        {
          messageId: 'calledIfThatServer',
          file: 'orders/src/main/resources/application.yml',
          line: 5,
          severity: 'info',
        },
      ],
    },
  ],
});
