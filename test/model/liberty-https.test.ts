import { libertyProtocols } from '../../src/model/liberty-https';
import hostnameMismatch from '../../src/rules/cert/hostname-mismatch';
import { modelOf, ruleTester } from '../helpers/rule-tester';
import { certFile, CLIENT_YML } from '../rules/cert/cert-files';

const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';

export function libertyHttps(endpointAttrs: string, sslAttrs = 'sslProtocol="TLSv1.2,TLSv1.3"', extra = ''): string {
  return [
    '<server description="orders API">',
    '  <featureManager><feature>restfulWS-3.1</feature><feature>transportSecurity-1.0</feature></featureManager>',
    '  <variable name="https.port" defaultValue="9443"/>',
    `  <httpEndpoint id="defaultHttpEndpoint" ${endpointAttrs}/>`,
    '  <keyStore id="defaultKeyStore" location="${server.config.dir}/resources/security/api.crt" type="PEM" password="{xor}Lz4sLCgwLTs="/>',
    `  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" ${sslAttrs}/>`,
    extra,
    '</server>',
    '',
  ].join('\n');
}

describe('Liberty HTTPS endpoints', () => {
  it('becomes a server component with tls, tlsPorts and hostnames, linked from a Java client', () => {
    const d = modelOf({
      'client/jdk/release': TEMURIN17,
      'client/application.yml': CLIENT_YML('https://api.example.internal:9443/orders'),
      'api/jdk/release': TEMURIN17,
      'api/server.xml': libertyHttps(
        'host="api.example.internal" httpPort="9080" httpsPort="${https.port}"',
        'sslProtocol="TLSv1.2" enabledCiphers="TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" clientAuthenticationSupported="true" enforceCipherOrder="true"',
      ),
    });
    const server = d.components.find((c) => c.type === 'liberty.https-endpoint');
    expect(server).toBeDefined();
    expect(server!.attributes).toMatchObject({
      tlsPorts: [9443],
      hostnames: ['api.example.internal'],
      sslConfigId: 'defaultSSLConfig',
      sslConfigInTree: true,
    });
    expect(server!.tls?.protocols?.value).toEqual(['TLSv1.2']);
    expect(server!.tls?.cipherSuites?.value).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
    expect(server!.tls?.cipherSuites?.from.kind).toBe('file');
    expect(server!.tls?.clientAuth?.value).toBe('optional');
    expect(server!.tls?.serverOrderWins?.value).toBe(true);
    expect(server!.runtime?.vendor.value).toBe('temurin');
    const client = d.components.find((c) => c.type === 'java.app');
    expect(d.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ client: client!.id, server: server!.id })]),
    );
  });

  it('without enabledCiphers expands securityLevel (HIGH by default) to the runtime defaults, marked inferred', () => {
    const d = modelOf({ 'api/jdk/release': TEMURIN17, 'api/server.xml': libertyHttps('host="*" httpsPort="9443"') });
    const server = d.components.find((c) => c.type === 'liberty.https-endpoint')!;
    expect(server.attributes).toMatchObject({ hostnames: [], listenHost: '*' });
    expect(server.tls?.cipherSuites?.value).toContain('TLS_AES_128_GCM_SHA256');
    expect(server.tls?.cipherSuites?.from).toMatchObject({ kind: 'default', confidence: 'inferred' });
    expect(server.tls?.protocols?.value).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('follows sslOptions → sslRef and skips endpoints without httpsPort or with -1', () => {
    const extra =
      '  <httpEndpoint id="admin" httpsPort="9444" sslOptionsRef="adminOptions"/>\n  <sslOptions id="adminOptions" sslRef="adminSSL"/>\n  <ssl id="adminSSL" keyStoreRef="defaultKeyStore" sslProtocol="TLSv1.3"/>\n  <httpEndpoint id="plain" httpPort="9081" httpsPort="-1"/>';
    const d = modelOf({ 'api/server.xml': libertyHttps('httpPort="9080"', undefined, extra) });
    const endpoints = d.components.filter((c) => c.type === 'liberty.https-endpoint');
    expect(endpoints.map((c) => (c.attributes as { endpointId: string }).endpointId)).toEqual(['admin']);
    expect(endpoints[0].attributes).toMatchObject({ sslConfigId: 'adminSSL', listenHost: 'localhost' });
    expect(endpoints[0].tls?.protocols?.value).toEqual(['TLSv1.3']);
  });

  it('keeps an endpoint whose httpsPort is a variable nothing sets, on no port a client could be linked by', () => {
    const d = modelOf({
      'client/jdk/release': TEMURIN17,
      'client/application.yml': CLIENT_YML('https://api.example.internal:9443/orders'),
      'api/jdk/release': TEMURIN17,
      'api/server.xml': libertyHttps('host="api.example.internal" httpsPort="${httpsPort}"'),
    });
    const server = d.components.find((c) => c.type === 'liberty.https-endpoint');
    expect(server?.name).toBe(
      'Liberty HTTPS endpoint defaultHttpEndpoint, port ${httpsPort} unresolved (api/server.xml)',
    );
    expect(server?.attributes).toMatchObject({ tlsPorts: [], hostnames: ['api.example.internal'] });
    expect(server?.attributes).not.toHaveProperty('tlsOnlyPorts');
    expect(server?.tls?.certificate?.file).toMatch(/api\.crt$/);
    expect(d.links.filter((l) => l.server === server?.id)).toEqual([]);
  });

  it.each([
    ['${env.HTTPS_PORT}', 'server.env', 'HTTPS_PORT=9445\n'],
    ['${https.port.x}', 'server.env', 'HTTPS_PORT_X=9445\n'],
    ['${https.port.x}', 'bootstrap.properties', 'https.port.x=9445\n'],
  ])('resolves httpsPort="%s" from %s as Liberty does', (written, file, text) => {
    const d = modelOf({ 'api/server.xml': libertyHttps(`httpsPort="${written}"`), [`api/${file}`]: text });
    const server = d.components.find((c) => c.type === 'liberty.https-endpoint');
    expect(server?.attributes.tlsPorts).toEqual([9445]);
    expect(server?.name).toContain(':9445');
  });

  it.each([
    ['TLSv1.2,TLSv1.3', ['TLSv1.2', 'TLSv1.3']],
    ['SSL_TLSv2', undefined],
    ['TLS', undefined],
  ])('sslProtocol %s → %j', (value, expected) => expect(libertyProtocols(value)).toEqual(expected));
});

// The Liberty endpoint as a link target for the certificate rules: its keystore is a PEM file in the tree.
ruleTester(hostnameMismatch, {
  valid: [
    {
      name: 'Liberty endpoint certificate names the host',
      files: {
        'client/application.yml': CLIENT_YML('https://api.example.internal:9443/'),
        'api/server.xml': libertyHttps('host="api.example.internal" httpsPort="9443"'),
        'api/resources/security/api.crt': certFile('api-san.crt'),
      },
    },
  ],
  invalid: [
    {
      name: 'Liberty endpoint whose PEM keystore certificate lacks the host',
      files: {
        'client/application.yml': CLIENT_YML('https://api.example.internal:9443/'),
        'api/server.xml': libertyHttps('host="api.example.internal" httpsPort="9443"'),
        'api/resources/security/api.crt': certFile('www-san.crt'),
      },
      errors: [
        {
          messageId: 'noSanMatch',
          file: 'client/application.yml',
          line: 3,
          related: [
            { file: 'api/resources/security/api.crt', line: 1 },
            { file: 'api/server.xml', line: 5 },
          ],
        },
      ],
    },
  ],
});
