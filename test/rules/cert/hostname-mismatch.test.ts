import rule, { checkHost, dnsNameMatches } from '../../../src/rules/cert/hostname-mismatch';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';
import { certFile, CLIENT_YML, nginxServer, tomcatServer } from './cert-files';

const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const API = 'https://api.example.internal:8443/orders';

/** A Spring client calling `url`, an nginx server named `serverName` whose ssl_certificate is `pem`. */
const nginxTree = (url: string, serverName: string, pem: string) => ({
  'client/jdk/release': TEMURIN17,
  'client/application.yml': CLIENT_YML(url),
  'api/nginx.conf': nginxServer(serverName),
  'api/ssl/api.crt': pem,
});

ruleTester(rule, {
  valid: [
    { name: 'host in the SAN DNS names', files: nginxTree(API, 'api.example.internal', certFile('api-san.crt')) },
    { name: 'wildcard SAN one label deep', files: nginxTree(API, 'api.example.internal', certFile('wildcard.crt')) },
    { name: 'short name in the SAN', files: nginxTree('https://api:8443/', 'api', certFile('api-san.crt')) },
    { name: 'CN used when there are no SANs', files: nginxTree(API, 'api.example.internal', certFile('api-cn-only.crt')) },
    { name: 'host case and trailing dot ignored', files: nginxTree('https://API.Example.Internal.:8443/', 'api.example.internal', certFile('api-san.crt')) },
    {
      name: 'certificate not in the tree (keystore)',
      files: { 'client/application.yml': CLIENT_YML(API), 'api/conf/server.xml': tomcatServer('certificateKeystoreFile="conf/api.p12"') },
    },
    {
      name: 'plain http is not checked',
      files: { 'client/application.yml': CLIENT_YML('http://api.example.internal:8443/'), 'api/nginx.conf': nginxServer('api.example.internal'), 'api/ssl/api.crt': certFile('www-san.crt') },
    },
    {
      name: 'MQ channels never check host names (CCDT host vs queue manager CN)',
      files: {
        'qm/QMPROD1.mqsc': "ALTER QMGR CERTLABL('qm')\nDEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256) REPLACE\n",
        'qm/ssl/qm.crt': cert('qmprod1.crt'),
        'app/ccdt.json': JSON.stringify({ channel: [{ name: 'APP.SVRCONN', type: 'clientConnection', clientConnection: { connection: [{ host: 'mq.example.com', port: 1414 }], queueManager: 'QMPROD1' }, transmissionSecurity: { cipherSpecification: 'TLS_RSA_WITH_AES_256_CBC_SHA256' } }] }),
      },
    },
  ],
  invalid: [
    {
      name: 'CN matches but SANs exist and do not (Java ignores CN)',
      files: nginxTree(API, 'api.example.internal', certFile('www-san.crt')),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['No subject alternative DNS name matching api.example.internal found.', 'DNS:www.example.internal'],
          related: [
            { file: 'api/ssl/api.crt', line: 1 },
            { file: 'api/nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'wildcard does not cover two labels',
      files: nginxTree('https://eu.api.example.internal:8443/', 'eu.api.example.internal', certFile('wildcard.crt')),
      errors: [{ messageId: 'noSanMatch', file: 'client/application.yml', line: 3, messageIncludes: ['matching eu.api.example.internal found.'] }],
    },
    {
      name: 'CN-only certificate for another host',
      files: nginxTree('https://orders.example.internal:8443/', 'orders.example.internal', certFile('api-cn-only.crt')),
      errors: [{ messageId: 'noCnMatch', file: 'client/application.yml', line: 3, messageIncludes: ['No name matching orders.example.internal found', 'CN=api.example.internal'] }],
    },
    {
      name: 'client connects by IP address, the certificate has DNS names only',
      files: nginxTree('https://10.0.0.5:8443/orders', '10.0.0.5', certFile('api-san.crt')),
      errors: [{ messageId: 'noIpMatch', file: 'client/application.yml', line: 3, messageIncludes: ['No subject alternative names matching IP address 10.0.0.5 found', 'DNS:api.example.internal'] }],
    },
    {
      name: 'client connects by IP address, the certificate has no subjectAltName',
      files: nginxTree('https://10.0.0.5:8443/orders', '10.0.0.5', certFile('api-cn-only.crt')),
      errors: [{ messageId: 'noSans', file: 'client/application.yml', line: 3, messageIncludes: ['No subject alternative names present'] }],
    },
    {
      name: 'Tomcat Certificate certificateFile in the tree',
      files: { 'client/application.yml': CLIENT_YML(API), 'api/conf/server.xml': tomcatServer('certificateFile="conf/api.crt" certificateKeyFile="conf/api.key"'), 'api/conf/api.crt': certFile('www-san.crt') },
      errors: [{ messageId: 'noSanMatch', file: 'client/application.yml', line: 3, related: [{ file: 'api/conf/api.crt', line: 1 }, { file: 'api/conf/server.xml', line: 6 }] }],
    },
  ],
});

describe('RFC 6125 matching', () => {
  it.each([
    ['api.example.internal', 'API.example.internal', true],
    ['*.example.internal', 'api.example.internal', true],
    ['*.example.internal', 'example.internal', false],
    ['*.example.internal', 'a.b.example.internal', false],
    ['*.internal', 'example.internal', false],
    ['api*.example.internal', 'api1.example.internal', true],
    ['api.*.internal', 'api.example.internal', false],
    ['*.example.internal', '10.0.0.1', false],
  ])('%s vs %s → %s', (pattern, host, expected) => expect(dnsNameMatches(pattern, host)).toBe(expected));

  it('IP hosts need an IP SAN', () => {
    const result = checkHost({ subject: [{ type: 'CN', value: '10.0.0.1' }], dnsNames: [], ipAddresses: [] } as never, '10.0.0.1');
    expect(result).toMatchObject({ ok: false, messageId: 'noSans', symptom: 'No subject alternative names present' });
  });
});
