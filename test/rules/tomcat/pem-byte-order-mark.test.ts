import rule from '../../../src/rules/tomcat/pem-byte-order-mark';
import { leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A server.xml whose NIO connector (line 2) reads `conf/server.pem` and `conf/server.key` (line 4), and
 * `conf/chain.pem` with `chain`. Measured with Debian's Tomcat 10.1.60 on OpenJDK 17.0.15 (Catalina on such a
 * server.xml, then `openssl s_client`): a byte order mark before the certificate's or the key's BEGIN line fails the
 * connector ("Failed to initialize component", NullPointerException in PEMFile) and its port refuses connections.
 */
const serverXml = (connector = '', chain = false) =>
  [
    '<Server port="8005"><Service name="Catalina">',
    `  <Connector port="8443" SSLEnabled="true" ${connector}>`,
    '    <SSLHostConfig>',
    `      <Certificate certificateFile="conf/server.pem" certificateKeyFile="conf/server.key"${chain ? ' certificateChainFile="conf/chain.pem"' : ''}/>`,
    '    </SSLHostConfig>',
    '  </Connector>',
    '</Service></Server>',
    '',
  ].join('\n');
const server = leaf('www.example.com');
const issuer = leaf('Example Issuing CA');
const MARK = '\ufeff';
const tree = (marks: { certificate?: string; key?: string; chain?: string }, connector = '') => ({
  'tc/conf/server.xml': serverXml(connector, marks.chain !== undefined),
  'tc/conf/server.pem': (marks.certificate ?? '') + server.pem,
  'tc/conf/server.key': (marks.key ?? '') + server.keyPem,
  ...(marks.chain !== undefined ? { 'tc/conf/chain.pem': marks.chain + issuer.pem } : {}),
});

ruleTester(rule, {
  valid: [
    { name: 'certificate and key without a mark', files: tree({}) },
    {
      // OpenSSL 3.0 skips the mark (measured: openssl x509, nginx 1.22.1, HAProxy 2.6.12, httpd 2.4.71 serve such files).
      name: 'marked files on a connector Tomcat Native runs on OpenSSL',
      files: tree(
        { certificate: MARK, key: MARK },
        'sslImplementationName="org.apache.tomcat.util.net.openssl.OpenSSLImplementation"',
      ),
    },
    {
      // PEMFile skips lines outside a block: measured, a marked `subject=…` line above the block loads.
      name: 'a mark before a line of text above the block',
      files: tree({ certificate: `${MARK}subject=CN = www.example.com\n` }),
    },
    {
      name: 'a marked PEM file no connector reads',
      files: { ...tree({}), 'tc/conf/old.pem': MARK + server.pem },
    },
  ],
  invalid: [
    {
      name: 'a mark before the certificate file’s BEGIN line (measured with 10.1.60: the connector does not start)',
      files: tree({ certificate: MARK }),
      errors: [
        {
          messageId: 'marked',
          file: 'tc/conf/server.xml',
          line: 4,
          severity: 'error',
          messageIncludes: ['certificate file (certificateFile) tc/conf/server.pem', 'Cannot read field "type"'],
          related: [{ file: 'tc/conf/server.pem', line: 1 }],
        },
      ],
    },
    {
      name: 'a mark before the key file’s BEGIN line (measured with 10.1.60: the connector does not start)',
      files: tree({ key: MARK }),
      errors: [
        {
          messageId: 'marked',
          file: 'tc/conf/server.xml',
          line: 4,
          messageIncludes: ['private key file (certificateKeyFile) tc/conf/server.key'],
          related: [{ file: 'tc/conf/server.key', line: 1 }],
        },
      ],
    },
    {
      name: 'a marked chain file (PEMFile fails on it as on a certificate: measured)',
      files: tree({ chain: MARK }),
      errors: [
        {
          messageId: 'marked',
          file: 'tc/conf/server.xml',
          line: 4,
          messageIncludes: ['chain file (certificateChainFile) tc/conf/chain.pem'],
          related: [{ file: 'tc/conf/chain.pem', line: 1 }],
        },
      ],
    },
  ],
});
