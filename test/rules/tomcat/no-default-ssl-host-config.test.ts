import rule from '../../../src/rules/tomcat/no-default-ssl-host-config';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A server.xml whose SSL-enabled Connector (line 2) carries `connector` and holds one SSLHostConfig per entry of
 * `hostConfigs` (lines 3, 4, …). Measured with Debian's Tomcat 9.0.70 and 10.1.60 (Catalina on such a server.xml, then
 * `openssl s_client`): with no SSLHostConfig for the default name the connector fails to initialise ("No SSLHostConfig
 * element was found with the hostName [_default_] …") and its port refuses connections.
 */
const serverXml = (connector: string, ...hostConfigs: string[]) =>
  [
    '<Server port="8005"><Service name="Catalina">',
    `  <Connector port="8443" SSLEnabled="true" ${connector}>`,
    ...hostConfigs.map(
      (h) => `    <SSLHostConfig ${h}><Certificate certificateKeystoreFile="conf/ks.p12" type="RSA"/></SSLHostConfig>`,
    ),
    '  </Connector>',
    '</Service></Server>',
    '',
  ].join('\n');
const dockerfile = (tag: string) => `FROM tomcat:${tag}\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n`;

ruleTester(rule, {
  valid: [
    { name: 'an SSLHostConfig without hostName is _default_', files: { 'tc/conf/server.xml': serverXml('', '') } },
    {
      name: 'hostName="_default_" beside named ones',
      files: { 'tc/conf/server.xml': serverXml('', 'hostName="www.example.com"', 'hostName="_default_"') },
    },
    {
      // Tomcat lower-cases both names (AbstractEndpoint.setDefaultSSLHostConfigName, SSLHostConfig.setHostName).
      name: 'defaultSSLHostConfigName names one of them, in another case (measured with 10.1.60: it starts)',
      files: {
        'tc/conf/server.xml': serverXml('defaultSSLHostConfigName="WWW.example.com"', 'hostName="www.example.com"'),
      },
    },
    {
      name: 'a hostName the tree does not settle (a ${…}): unknown, not a failure',
      files: { 'tc/conf/server.xml': serverXml('', 'hostName="${tls.host}"') },
    },
    {
      // Tomcat's digester fills `${…}` from system properties, conf/catalina.properties among them (tomcat-properties.ts).
      name: 'defaultSSLHostConfigName="${tls.default}" that conf/catalina.properties sets to the SSLHostConfig\'s name',
      files: {
        'tc/conf/server.xml': serverXml('defaultSSLHostConfigName="${tls.default}"', 'hostName="${tls.host}"'),
        'tc/conf/catalina.properties': 'tls.default=www.example.com\ntls.host=WWW.example.com\n',
      },
    },
    {
      name: 'a ${…} default name catalina.properties leaves unset: unknown (a -D option may set it)',
      files: {
        'tc/conf/server.xml': serverXml('defaultSSLHostConfigName="${tls.default}"', 'hostName="www.example.com"'),
        'tc/conf/catalina.properties': 'tls.host=www.example.com\n',
      },
    },
    {
      // 9.0.70: a Connector TLS attribute makes the connector's own SSLHostConfig for _default_ (both are kept).
      name: 'Tomcat 9: keystoreFile on the Connector makes its own _default_ beside a named SSLHostConfig',
      files: {
        'tc/Dockerfile': dockerfile('9.0.70'),
        'tc/conf/server.xml': serverXml('keystoreFile="conf/ks.p12"', 'hostName="www.example.com"'),
      },
    },
    {
      name: 'release unknown: keystoreFile on the Connector may make the _default_ (8.5 and 9)',
      files: { 'tc/conf/server.xml': serverXml('keystoreFile="conf/ks.p12"', 'hostName="www.example.com"') },
    },
  ],
  invalid: [
    {
      name: 'the ${…} names as conf/catalina.properties fills them: none for the default name',
      files: {
        'tc/conf/server.xml': serverXml('defaultSSLHostConfigName="${tls.default}"', 'hostName="${tls.host}"'),
        'tc/conf/catalina.properties': 'tls.default=api.example.com\ntls.host=www.example.com\n',
      },
      errors: [
        {
          messageId: 'missing',
          file: 'tc/conf/server.xml',
          line: 2,
          messageIncludes: ['for www.example.com, none for api.example.com'],
          related: [
            { file: 'tc/conf/server.xml', line: 3 },
            { file: 'tc/conf/catalina.properties', line: 1 },
            { file: 'tc/conf/catalina.properties', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'one SSLHostConfig for www.example.com and no defaultSSLHostConfigName (measured with 10.1.60)',
      files: { 'tc/conf/server.xml': serverXml('', 'hostName="www.example.com"') },
      errors: [
        {
          messageId: 'missing',
          file: 'tc/conf/server.xml',
          line: 2,
          severity: 'error',
          related: [{ file: 'tc/conf/server.xml', line: 3 }],
        },
      ],
    },
    {
      name: 'two named SSLHostConfigs, none _default_ (measured with 9.0.70)',
      files: {
        'tc/Dockerfile': dockerfile('9.0.70'),
        'tc/conf/server.xml': serverXml('', 'hostName="a.example.com"', 'hostName="b.example.com"'),
      },
      errors: [
        {
          messageId: 'missing',
          file: 'tc/conf/server.xml',
          line: 2,
          related: [
            { file: 'tc/conf/server.xml', line: 3 },
            { file: 'tc/conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'defaultSSLHostConfigName names a host no SSLHostConfig is for',
      files: {
        'tc/conf/server.xml': serverXml('defaultSSLHostConfigName="c.example.com"', '', 'hostName="a.example.com"'),
      },
      errors: [
        { messageId: 'missing', file: 'tc/conf/server.xml', line: 2, messageIncludes: ['_default_, a.example.com'] },
      ],
    },
    {
      name: 'Tomcat 10.1 ignores keystoreFile on the Connector: no _default_',
      files: {
        'tc/Dockerfile': dockerfile('10.1.60'),
        'tc/conf/server.xml': serverXml('keystoreFile="conf/ks.p12"', 'hostName="www.example.com"'),
      },
      errors: [
        {
          messageId: 'missing',
          file: 'tc/conf/server.xml',
          line: 2,
          related: [
            { file: 'tc/conf/server.xml', line: 3 },
            { file: 'tc/Dockerfile', line: 1 },
          ],
        },
      ],
    },
  ],
});
