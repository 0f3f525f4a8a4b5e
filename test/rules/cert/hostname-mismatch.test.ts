import * as fs from 'node:fs';
import * as path from 'node:path';
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

/**
 * nginx in a container: Compose mounts its configuration and `ssl/<file>` at the path the configuration names
 * (nginx-proxy/nginx-proxy@584073d test/test_virtual-proto: `nginx-proxy.tld.crt:/etc/nginx/certs/server.crt`).
 */
const mountedTree = (file: string, pem: string, more: Record<string, string> = {}) => ({
  'client/jdk/release': TEMURIN17,
  'client/application.yml': CLIENT_YML(API),
  'api/nginx.conf': nginxServer('api.example.internal', '/etc/nginx/certs/server.crt'),
  'api/compose.yaml': [
    'services:',
    '  api:',
    '    image: nginx:1.27',
    '    volumes:',
    '      - ./nginx.conf:/etc/nginx/nginx.conf:ro',
    `      - \${PYTEST_MODULE_PATH}/ssl/${file}:/etc/nginx/certs/server.crt:ro`,
    '',
  ].join('\n'),
  [`api/ssl/${file}`]: pem,
  ...more,
});

/**
 * An nginx server holding an RSA and an ECDSA certificate (two ssl_certificate lines), called by a Java client
 * whose JVM options pin what it offers (none: the JDK's defaults, TLS 1.3 first).
 */
/** nginx in an image: its Dockerfile copies the configuration and `certs/<file>` to the path the configuration names. */
const copiedTree = (file: string, pem: string, more: Record<string, string> = {}) => ({
  'client/jdk/release': TEMURIN17,
  'client/application.yml': CLIENT_YML(API),
  'api/nginx.conf': nginxServer('api.example.internal', '/etc/ssl/certs/server.crt'),
  'api/Dockerfile': `FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY certs/${file} /etc/ssl/certs/server.crt\n`,
  [`api/certs/${file}`]: pem,
  ...more,
});

/**
 * A Spring Boot service of Docker Compose configured by its environment (src/model/spring-image-services.ts), its key
 * store (test/fixtures/keystores/generated/key.p12: SAN app.example.com) mounted from ./tls, called at https://api:8443.
 */
const composedTree = () => ({
  'client/jdk/release': TEMURIN17,
  'client/application.yml': CLIENT_YML('https://api:8443/orders'),
  'docker-compose.yml': [
    'services:',
    '  api:',
    '    image: registry.example.com/orders-api:1.4',
    '    environment:',
    '      SERVER_PORT: "8443"',
    '      SERVER_SSL_KEY_STORE: /certs/server.p12',
    '      SERVER_SSL_KEY_STORE_PASSWORD: Pk12-planted-Zq9',
    '    volumes:',
    '      - ./tls:/certs:ro',
    '',
  ].join('\n'),
  'tls/server.p12': fs.readFileSync(path.join(__dirname, '../../fixtures/keystores/generated/key.p12')),
});

const dualTree = (rsa: string, ecdsa: string, jvmOptions: string[]) => ({
  'client/jdk/release': TEMURIN17,
  ...(jvmOptions.length ? { 'client/jvm.options': jvmOptions.map((o) => `${o}\n`).join('') } : {}),
  'client/application.yml': CLIENT_YML(API),
  'api/nginx.conf': nginxServer('api.example.internal').replace(
    '    ssl_certificate_key /etc/nginx/ssl/api.key;\n',
    '    ssl_certificate_key /etc/nginx/ssl/api.key;\n    ssl_certificate /etc/nginx/ssl/api-ec.crt;\n    ssl_certificate_key /etc/nginx/ssl/api-ec.key;\n',
  ),
  'api/ssl/api.crt': certFile(rsa),
  'api/ssl/api-ec.crt': certFile(ecdsa),
});
const TLS12 = '-Djdk.tls.client.protocols=TLSv1.2';

ruleTester(rule, {
  valid: [
    {
      name: 'RSA + ECDSA certificates; the client offers only ECDHE-RSA (TLS 1.2): the RSA one is presented, and it matches',
      files: dualTree('api-san.crt', 'www-ec256.crt', [
        TLS12,
        '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      ]),
    },
    { name: 'host in the SAN DNS names', files: nginxTree(API, 'api.example.internal', certFile('api-san.crt')) },
    {
      // The container reads api-live.crt at /etc/nginx/certs/server.crt, not the tree's other server.crt.
      name: 'the certificate a Compose mount puts at the path nginx names, not another file of that name',
      files: mountedTree('api-live.crt', certFile('api-san.crt'), { 'api/old/server.crt': certFile('www-san.crt') }),
    },
    {
      // The image holds certificate.crt at /etc/ssl/certs/server.crt, not the tree's other server.crt.
      name: 'the certificate a Dockerfile COPY puts at the path nginx names, not another file of that name',
      files: copiedTree('certificate.crt', certFile('api-san.crt'), { 'api/old/server.crt': certFile('www-san.crt') }),
    },
    { name: 'wildcard SAN one label deep', files: nginxTree(API, 'api.example.internal', certFile('wildcard.crt')) },
    { name: 'short name in the SAN', files: nginxTree('https://api:8443/', 'api', certFile('api-san.crt')) },
    {
      name: 'CN used when there are no SANs',
      files: nginxTree(API, 'api.example.internal', certFile('api-cn-only.crt')),
    },
    {
      name: 'host case and trailing dot ignored',
      files: nginxTree('https://API.Example.Internal.:8443/', 'api.example.internal', certFile('api-san.crt')),
    },
    {
      name: 'certificate not in the tree (keystore)',
      files: {
        'client/application.yml': CLIENT_YML(API),
        'api/conf/server.xml': tomcatServer('certificateKeystoreFile="conf/api.p12"'),
      },
    },
    {
      name: 'plain http is not checked',
      files: {
        'client/application.yml': CLIENT_YML('http://api.example.internal:8443/'),
        'api/nginx.conf': nginxServer('api.example.internal'),
        'api/ssl/api.crt': certFile('www-san.crt'),
      },
    },
    {
      name: 'MQ channels never check host names (CCDT host vs queue manager CN)',
      files: {
        'qm/QMPROD1.mqsc':
          "ALTER QMGR CERTLABL('qm')\nDEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256) REPLACE\n",
        'qm/ssl/qm.crt': cert('qmprod1.crt'),
        'app/ccdt.json': JSON.stringify({
          channel: [
            {
              name: 'APP.SVRCONN',
              type: 'clientConnection',
              clientConnection: { connection: [{ host: 'mq.example.com', port: 1414 }], queueManager: 'QMPROD1' },
              transmissionSecurity: { cipherSpecification: 'TLS_RSA_WITH_AES_256_CBC_SHA256' },
            },
          ],
        }),
      },
    },
  ],
  invalid: [
    {
      name: "a Compose service's key store, mounted at SERVER_SSL_KEY_STORE, names another host than the client calls",
      files: composedTree(),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          related: [
            { file: 'tls/server.p12', line: 1 },
            { file: 'docker-compose.yml', line: 6 },
            { file: 'docker-compose.yml', line: 9 },
          ],
          messageIncludes: ['Compose service api', 'app.example.com'],
        },
      ],
    },
    {
      name: 'RSA + ECDSA certificates; the client offers only ECDHE-ECDSA (TLS 1.2): the ECDSA one is presented and names another host',
      files: dualTree('api-san.crt', 'www-ec256.crt', [
        TLS12,
        '-Djdk.tls.client.cipherSuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      ]),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          severity: 'error',
          related: [
            { file: 'api/ssl/api-ec.crt', line: 1 },
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'client/jvm.options', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'RSA + ECDSA certificates, the client on its defaults (TLS 1.3): which one is presented is not known, one of them names another host',
      files: dualTree('api-san.crt', 'www-ec256.crt', []),
      errors: [
        {
          messageId: 'oneOfSeveral',
          file: 'client/application.yml',
          line: 3,
          severity: 'warning',
          messageIncludes: ['holds 2 certificates', 'CN=www.example.internal', 'EC key'],
          related: [
            { file: 'api/ssl/api.crt', line: 1 },
            { file: 'api/ssl/api-ec.crt', line: 1 },
            { file: 'api/nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'RSA + ECDSA certificates, neither names the host: an error whichever is presented',
      files: dualTree('www-san.crt', 'www-ec256.crt', []),
      errors: [{ messageId: 'noSanMatch', file: 'client/application.yml', line: 3, severity: 'error' }],
    },
    {
      name: 'the certificate a Compose mount renames to the path nginx names',
      files: mountedTree('nginx-proxy.tld.crt', certFile('www-san.crt')),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          related: [
            { file: 'api/ssl/nginx-proxy.tld.crt', line: 1 },
            { file: 'api/nginx.conf', line: 6 },
            { file: 'api/compose.yaml', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'the certificate a Dockerfile COPY renames to the path nginx names',
      files: copiedTree('certificate.crt', certFile('www-san.crt')),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          related: [
            { file: 'api/certs/certificate.crt', line: 1 },
            { file: 'api/nginx.conf', line: 6 },
            { file: 'api/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'CN matches but SANs exist and do not (Java ignores CN)',
      files: nginxTree(API, 'api.example.internal', certFile('www-san.crt')),
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: [
            'No subject alternative DNS name matching api.example.internal found.',
            'DNS:www.example.internal',
          ],
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
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['matching eu.api.example.internal found.'],
        },
      ],
    },
    {
      name: 'CN-only certificate for another host',
      files: nginxTree('https://orders.example.internal:8443/', 'orders.example.internal', certFile('api-cn-only.crt')),
      errors: [
        {
          messageId: 'noCnMatch',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['No name matching orders.example.internal found', 'CN=api.example.internal'],
        },
      ],
    },
    {
      name: 'client connects by IP address, the certificate has DNS names only',
      files: nginxTree('https://10.0.0.5:8443/orders', '10.0.0.5', certFile('api-san.crt')),
      errors: [
        {
          messageId: 'noIpMatch',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: [
            'No subject alternative names matching IP address 10.0.0.5 found',
            'DNS:api.example.internal',
          ],
        },
      ],
    },
    {
      name: 'client connects by IP address, the certificate has no subjectAltName',
      files: nginxTree('https://10.0.0.5:8443/orders', '10.0.0.5', certFile('api-cn-only.crt')),
      errors: [
        {
          messageId: 'noSans',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['No subject alternative names present'],
        },
      ],
    },
    {
      name: 'Tomcat Certificate certificateFile in the tree',
      files: {
        'client/application.yml': CLIENT_YML(API),
        'api/conf/server.xml': tomcatServer('certificateFile="conf/api.crt" certificateKeyFile="conf/api.key"'),
        'api/conf/api.crt': certFile('www-san.crt'),
      },
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          related: [
            { file: 'api/conf/api.crt', line: 1 },
            { file: 'api/conf/server.xml', line: 6 },
          ],
        },
      ],
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
    const result = checkHost(
      { subject: [{ type: 'CN', value: '10.0.0.1' }], dnsNames: [], ipAddresses: [] } as never,
      '10.0.0.1',
    );
    expect(result).toMatchObject({ ok: false, messageId: 'noSans', symptom: 'No subject alternative names present' });
  });
});
