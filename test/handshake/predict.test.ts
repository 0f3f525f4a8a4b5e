import { predictHandshake } from '../../src/handshake/predict';
import type { HandshakeSide } from '../../src/handshake/types';

const side = (o: Partial<HandshakeSide>): HandshakeSide => ({
  implementation: 'jsse',
  protocols: ['TLSv1.3', 'TLSv1.2'],
  cipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  certificate: { keyType: 'RSA' },
  ...o,
});

describe('predictHandshake', () => {
  const cases: [string, Partial<HandshakeSide>, Partial<HandshakeSide>, Record<string, unknown>][] = [
    ['TLS 1.3 by default', {}, {}, { ok: true, protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256' }],
    // Measured by the interop replay (s_server 3.0.19, `-cipher PSK`, TLS 1.2 only): Java 6u45/7u25 get protocol_version.
    [
      'OpenSSL server with only PSK suites: it starts, and answers the version question first',
      { protocols: ['TLSv1'], cipherSuites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] },
      {
        implementation: 'openssl',
        protocols: ['TLSv1.2'],
        cipherSuites: [],
        credentialSuites: ['TLS_PSK_WITH_AES_128_CBC_SHA', 'TLS_PSK_WITH_AES_256_GCM_SHA384'],
      },
      { ok: false, reason: 'no-common-protocol', alert: 'protocol_version' },
    ],
    [
      'OpenSSL server with only PSK suites: a TLS 1.2 client finds no suite it can negotiate',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] },
      {
        implementation: 'openssl',
        protocols: ['TLSv1.2'],
        cipherSuites: [],
        credentialSuites: ['TLS_PSK_WITH_AES_128_CBC_SHA'],
      },
      { ok: false, reason: 'no-common-cipher', alert: 'handshake_failure' },
    ],
    [
      'OpenSSL server with no suite at all for its highest version fails on its own',
      { protocols: ['TLSv1'], cipherSuites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] },
      { implementation: 'openssl', protocols: ['TLSv1.2'], cipherSuites: [] },
      { ok: false, reason: 'no-cipher-for-protocol', alert: 'handshake_failure' },
    ],
    // Measured with OpenSSL 3.0 (s_server -no_tls1_1 completes -tls1, -tls1_2 and -tls1_3 handshakes; Debian's nginx
    // 1.22.1 with ssl_protocols TLSv1 TLSv1.2 alike): a server checks each version the client proposes on its own.
    [
      'OpenSSL server with a hole (TLSv1 and TLSv1.2): a TLS 1.2 client gets TLS 1.2',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      {
        implementation: 'openssl',
        protocols: ['TLSv1', 'TLSv1.2'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
      },
      { ok: true, protocol: 'TLSv1.2' },
    ],
    // s_server -no_tls1_1 -no_tls1_3 -cipher AES128-GCM-SHA256: "No ciphers enabled for max supported SSL/TLS version".
    [
      'OpenSSL server with a hole: its start-up check reads the top of the lowest run (TLSv1), which has no suite',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] },
      { implementation: 'openssl', protocols: ['TLSv1', 'TLSv1.2'], cipherSuites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] },
      { ok: false, reason: 'no-cipher-for-protocol' },
    ],
    [
      'OpenSSL client with a hole (TLSv1 and TLSv1.2) offers only TLSv1: a TLS 1.2 server refuses it',
      {
        implementation: 'openssl',
        protocols: ['TLSv1', 'TLSv1.2'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
      },
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      { ok: false, reason: 'no-common-protocol' },
    ],
    [
      'protocol spellings are normalised',
      { protocols: ['TLSv1.2'] },
      { protocols: ['TLS1.2'] },
      { ok: true, protocol: 'TLSv1.2' },
    ],
    [
      'IBM SSL_ names fold onto IANA',
      { protocols: ['TLSv1.2'], cipherSuites: ['SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] },
      { protocols: ['TLSv1.2'] },
      { ok: true, cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'JSSE: no common version (P4)',
      { protocols: ['TLSv1.2'] },
      { protocols: ['TLSv1.3'] },
      {
        ok: false,
        reason: 'no-common-protocol',
        alert: 'protocol_version',
        messages: {
          client: 'Received fatal alert: protocol_version',
          server: 'The client supported protocol versions [TLSv1.2] are not accepted by server preferences [TLSv1.3]',
        },
      },
    ],
    [
      'OpenSSL: no common version',
      { implementation: 'openssl', protocols: ['TLSv1.2'] },
      { implementation: 'openssl', protocols: ['TLSv1.3'] },
      { ok: false, messages: { client: 'tlsv1 alert protocol version', server: 'unsupported protocol' } },
    ],
    [
      'JSSE: disabled everything locally (P1)',
      { protocols: [] },
      {},
      {
        ok: false,
        reason: 'no-protocol-enabled',
        failingSide: 'client',
        messages: {
          client: 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
          server: 'Remote host terminated the handshake',
        },
      },
    ],
    [
      'no cipher in common (C1)',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] },
      { protocols: ['TLSv1.2'] },
      {
        ok: false,
        reason: 'no-common-cipher',
        messages: { client: 'Received fatal alert: handshake_failure', server: 'no cipher suites in common' },
      },
    ],
    [
      'ECDSA suite, RSA key',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
      { ok: false, reason: 'no-cipher-for-certificate' },
    ],
    [
      'RSA suite, EC key',
      { protocols: ['TLSv1.2'] },
      { protocols: ['TLSv1.2'], certificate: { keyType: 'EC' } },
      { ok: false, reason: 'no-cipher-for-certificate' },
    ],
    [
      'server order wins',
      {
        protocols: ['TLSv1.2'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
      },
      {
        protocols: ['TLSv1.2'],
        serverOrderWins: true,
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
      },
      { ok: true, cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', decidedBy: 'server-order' },
    ],
    [
      'client order wins',
      {
        protocols: ['TLSv1.2'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
      },
      {
        protocols: ['TLSv1.2'],
        serverOrderWins: false,
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
      },
      { ok: true, cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', decidedBy: 'client-order' },
    ],
    [
      'anon needs no certificate',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_DH_anon_WITH_AES_128_CBC_SHA'] },
      { protocols: ['TLSv1.2'], certificate: undefined, cipherSuites: ['TLS_DH_anon_WITH_AES_128_CBC_SHA'] },
      { ok: true, cipherSuite: 'TLS_DH_anon_WITH_AES_128_CBC_SHA' },
    ],
    [
      'client certificate required, none (TLS 1.3, OpenSSL server)',
      { hasClientCertificate: false },
      { implementation: 'openssl', clientAuth: 'required' },
      {
        ok: false,
        reason: 'client-cert-required',
        alert: 'certificate_required',
        messages: { client: 'Received fatal alert: certificate_required', server: 'peer did not return a certificate' },
      },
    ],
    [
      'client certificate required, none (JSSE server)',
      { hasClientCertificate: false },
      { clientAuth: 'required' },
      { ok: false, alert: 'bad_certificate', messages: { server: 'Empty client certificate chain' } },
    ],
    [
      // APAR IT15978: the MQ client logs AMQ9642, the queue manager AMQ9637 (not OpenSSL's reason strings).
      'client certificate required, none, both ends IBM MQ (GSKit): the AMQ messages each end logs',
      { implementation: 'gskit', hasClientCertificate: false },
      { implementation: 'gskit', clientAuth: 'required' },
      {
        ok: false,
        reason: 'client-cert-required',
        messages: {
          client: 'AMQ9642E: No SSL or TLS certificate for channel',
          server: 'AMQ9637E: Channel is lacking a certificate',
        },
      },
    ],
    [
      'no suite in common, a JSSE client and an IBM MQ queue manager: the queue manager logs AMQ9616E',
      { protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
      { implementation: 'gskit', protocols: ['TLSv1.2'], cipherSuites: ['TLS_RSA_WITH_AES_256_GCM_SHA384'] },
      {
        ok: false,
        reason: 'no-common-cipher',
        messages: {
          client: 'Received fatal alert: handshake_failure',
          server: expect.stringMatching(/^AMQ9616E: The CipherSpec/),
        },
      },
    ],
    [
      'no suite in common, both ends IBM MQ: no OpenSSL text on the sending end, whose AMQ message is not modelled',
      { implementation: 'gskit', protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
      { implementation: 'gskit', protocols: ['TLSv1.2'], cipherSuites: ['TLS_RSA_WITH_AES_256_GCM_SHA384'] },
      {
        ok: false,
        messages: {
          client: expect.stringMatching(/AMQERR01\.LOG.*not modelled/),
          server: expect.stringMatching(/^AMQ9616E/),
        },
      },
    ],
    [
      'client certificate required and present',
      { hasClientCertificate: true },
      { clientAuth: 'required' },
      { ok: true },
    ],
    [
      'SSLv3 only on both (JSSE, re-enabled)',
      { protocols: ['SSLv3'], cipherSuites: ['SSL_RSA_WITH_AES_128_CBC_SHA'] },
      { protocols: ['SSLv3'], cipherSuites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] },
      { ok: true, protocol: 'SSLv3' },
    ],
    [
      'OpenSSL legacy hello: server picks a version the client refuses',
      { implementation: 'openssl', protocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      { implementation: 'openssl', protocols: ['TLSv1.1'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      {
        ok: false,
        reason: 'protocol-rejected-by-client',
        failingSide: 'client',
        messages: { client: 'unsupported protocol' },
      },
    ],
    // Measured with openssl 3.0.19 s_client -tls1/-tls1_1 (DEFAULT vs DEFAULT:@SECLEVEL=0) against s_server and JSSE.
    [
      'OpenSSL 3 client at security level 1: a TLS 1.0 ECDHE key exchange is signed with SHA1, it refuses it',
      {
        implementation: 'openssl',
        protocols: ['TLSv1'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
        signatureFloor: 'TLSv1.2',
      },
      { protocols: ['TLSv1'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      {
        ok: false,
        reason: 'no-signature-algorithm',
        failingSide: 'client',
        alert: 'internal_error',
        protocol: 'TLSv1',
        messages: { client: 'legacy sigalg disallowed or unsupported', server: 'Received fatal alert: internal_error' },
      },
    ],
    [
      'OpenSSL 3 client at security level 1: TLS 1.1 DHE and ECDSA suites are signed too',
      {
        implementation: 'openssl',
        protocols: ['TLSv1.1'],
        cipherSuites: ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA'],
        signatureFloor: 'TLSv1.2',
      },
      {
        implementation: 'openssl',
        protocols: ['TLSv1.1'],
        cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA'],
        certificate: { keyType: 'EC' },
      },
      {
        ok: false,
        reason: 'no-signature-algorithm',
        failingSide: 'client',
        messages: { server: 'tlsv1 alert internal error' },
      },
    ],
    [
      'OpenSSL 3 client at security level 1: static RSA key exchange signs nothing, TLS 1.0 works',
      {
        implementation: 'openssl',
        protocols: ['TLSv1'],
        cipherSuites: ['TLS_RSA_WITH_AES_128_CBC_SHA'],
        signatureFloor: 'TLSv1.2',
      },
      { protocols: ['TLSv1'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'] },
      { ok: true, protocol: 'TLSv1', cipherSuite: 'TLS_RSA_WITH_AES_128_CBC_SHA' },
    ],
    [
      'OpenSSL 3 client at security level 1: TLS 1.2 ECDHE is signed with SHA-256 and up, it works',
      {
        implementation: 'openssl',
        protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
        cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
        signatureFloor: 'TLSv1.2',
      },
      { protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      { ok: true, protocol: 'TLSv1.2' },
    ],
    [
      'a JSSE client has no OpenSSL security level: the floor is not its',
      { protocols: ['TLSv1'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], signatureFloor: 'TLSv1.2' },
      { protocols: ['TLSv1'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
      { ok: true, protocol: 'TLSv1' },
    ],
  ];
  it.each(cases)('%s', (_name, client, server, expected) => {
    expect(predictHandshake(side(client), side(server))).toMatchObject(expected);
  });

  it('explains the decision', () => {
    const p = predictHandshake(
      side({ protocols: ['TLSv1.2'] }),
      side({ protocols: ['TLSv1.2'], serverOrderWins: true }),
    );
    expect(p.explanation.join('\n')).toMatch(/server prefers its own order|only suite/);
  });
});
