import rule, { categorise } from '../../../src/rules/tls/weak-cipher-enabled';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, liberty, nginx, svrconn } from './trees';

/** 8u161: the last OpenJDK 8 update before 3DES_EDE_CBC joined jdk.tls.disabledAlgorithms (8u171, JDK-8175075). */
const OPENJDK8_161 = 'JAVA_VERSION="1.8.0_161"\nIMPLEMENTOR="Oracle Corporation"\n';

const RC4_AND_ANON = 'SSL_RSA_WITH_RC4_128_SHA,SSL_DH_anon_WITH_3DES_EDE_CBC_SHA';

/** An Artemis broker.xml with one TLS acceptor (line 3) enabling the given suites. */
const artemisAcceptor = (suites: string) =>
  `<configuration xmlns="urn:activemq">\n<core xmlns="urn:activemq:core"><acceptors>\n<acceptor name="amqp">tcp://0.0.0.0:5672?protocols=AMQP;sslEnabled=true;keyStorePath=/etc/amq/broker.ks;keyStorePassword=\${KS_PASSWORD};enabledCipherSuites=${suites};enabledProtocols=TLSv1,TLSv1.1,TLSv1.2</acceptor>\n</acceptors></core></configuration>\n`;

const CBC_SHA1 = [
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
];

ruleTester(rule, {
  valid: [
    {
      name: 'ECDHE with AES-GCM only',
      files: { 'api/nginx.conf': nginx('ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384;') },
    },
    {
      // dhis2/dhis2-server-tools@(see TREES) apache2/static.conf: TLS 1.3 alone, with a TLS 1.2 cipher string beside it.
      name: 'a server that speaks TLS 1.3 only never uses the older suites its cipher string lists',
      files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1.3;', 'ssl_ciphers AES128-SHA:DES-CBC3-SHA:RC4-SHA;') },
    },
    {
      name: 'nginx default cipher list is not configuration',
      files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') },
    },
    {
      // JDK 17 disables 3DES_EDE_CBC, RC4 and anon: the suites are never enabled (tls/cipher-disabled-by-runtime says they are dropped).
      name: '3DES, RC4 and anon on Temurin 17: dropped by the runtime, not enabled',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/server.xml': liberty(
          'enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 SSL_RSA_WITH_3DES_EDE_CBC_SHA SSL_RSA_WITH_RC4_128_SHA TLS_DH_anon_WITH_AES_128_CBC_SHA"',
        ),
      },
    },
    {
      name: 'MQ channel with a GCM CipherSpec',
      files: { 'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)') },
    },
  ],
  invalid: [
    {
      // deskoh/docker-nginx-mtls (sweep53): two server blocks include one ssl_config.inc; its ssl_ciphers line gave
      // 2 servers x 2 categories = 4 infos at the same line. One finding per category names the servers that read it.
      name: 'one ssl_ciphers line in a snippet three server blocks include: one finding per category naming them',
      files: {
        'nginx/conf.d/tls.conf': 'ssl_ciphers AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256;\n',
        'nginx/nginx.conf': `events {}\nhttp {\n${['a', 'b', 'c']
          .map((n) => `  server { listen 443 ssl; server_name ${n}.example; include conf.d/tls.conf; }\n`)
          .join('')}}\n`,
      },
      errors: [
        {
          messageId: 'weak',
          file: 'nginx/conf.d/tls.conf',
          line: 1,
          severity: 'info',
          messageIncludes: ['Each of 3 servers that read this line (', ') enables 1 CBC-with-SHA1 suite'],
        },
        {
          messageId: 'weak',
          file: 'nginx/conf.d/tls.conf',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'Each of 3 servers that read this line (',
            'a.example',
            'b.example',
            'c.example',
            ') enables 1 static-RSA suite: TLS_RSA_WITH_AES_128_CBC_SHA.',
          ],
        },
      ],
    },
    {
      name: '3DES in Liberty on a JDK that still enables it (8u161): a warning',
      files: {
        'api/jdk/release': OPENJDK8_161,
        'api/server.xml': liberty(
          'enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 SSL_RSA_WITH_3DES_EDE_CBC_SHA"',
        ),
      },
      errors: [
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          severity: 'warning',
          messageIncludes: ['enables 1 3DES suite: TLS_RSA_WITH_3DES_EDE_CBC_SHA.', 'Sweet32', 'remove it '],
        },
      ],
    },
    {
      name: 'five CBC-SHA1 suites: one info finding listing three (+2 more)',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty(`enabledCiphers="${CBC_SHA1.join(' ')}"`) },
      errors: [
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          severity: 'info',
          messageIncludes: [
            'enables 5 CBC-with-SHA1 suites: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, … (+2 more)',
            'remove them ',
          ],
        },
      ],
    },
    {
      name: 'one finding per category (RC4, anon, static RSA) when no JDK is known',
      files: {
        'api/server.xml': liberty(
          'enabledCiphers="TLS_RSA_WITH_AES_128_GCM_SHA256 SSL_RSA_WITH_RC4_128_SHA TLS_DH_anon_WITH_AES_128_CBC_SHA TLS_RSA_WITH_AES_256_GCM_SHA384"',
        ),
      },
      errors: [
        { messageId: 'weak', file: 'api/server.xml', line: 5, severity: 'warning', messageIncludes: ['1 RC4 suite'] },
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          severity: 'warning',
          messageIncludes: ['1 anonymous (anon) suite'],
        },
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          severity: 'info',
          messageIncludes: ['2 static-RSA suites: TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384.'],
        },
      ],
    },
    {
      // shendeswapnil6/amq-s2i (no licence file) config/broker.xml: an AMQP acceptor listing only an RC4 and an anon 3DES
      // suite, no JDK named. Every JDK from 8u171 and 11 removes both: no handshake there, weak suites only before.
      name: 'an Artemis acceptor listing only suites every current JDK removes, no JDK known: one finding, both outcomes',
      files: { 'config/broker.xml': artemisAcceptor(RC4_AND_ANON) },
      errors: [
        {
          messageId: 'noSuiteOnCurrentJdks',
          file: 'config/broker.xml',
          line: 3,
          severity: 'warning',
          messageIncludes: [
            'enables only SSL_RSA_WITH_RC4_128_SHA, SSL_DH_anon_WITH_3DES_EDE_CBC_SHA',
            '8u171 and later 8 updates, JDK 11 and every later release removes every one of them (RC4, 3DES_EDE_CBC)',
            'accepts no handshake',
            'only JDK 6, 7, 9 and 10, JDK 8 before 8u171 would negotiate them',
          ],
        },
      ],
    },
    {
      name: 'the same acceptor on a JDK that still enables them (8u161): the weak suites, one finding per category',
      files: { 'jdk/release': OPENJDK8_161, 'config/broker.xml': artemisAcceptor(RC4_AND_ANON) },
      errors: [
        { messageId: 'weak', file: 'config/broker.xml', line: 3, messageIncludes: ['1 anonymous (anon) suite'] },
      ],
    },
  ],
});

describe('categorise', () => {
  it.each([
    ['TLS_RSA_WITH_NULL_SHA256', 'NULL-cipher'],
    ['TLS_DH_anon_WITH_AES_128_CBC_SHA', 'anonymous (anon)'],
    ['TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'export-grade'],
    ['TLS_RSA_WITH_RC4_128_SHA', 'RC4'],
    ['TLS_RSA_WITH_DES_CBC_SHA', 'single-DES'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', '3DES'],
    ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'static-RSA'],
    ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'CBC-with-SHA1'],
  ])('%s is %s', (suite, category) => {
    expect(categorise([suite]).map((g) => g.weakness.category)).toEqual([category]);
  });

  it('ignores strong suites and folds spellings', () => {
    expect(categorise(['TLS_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'])).toEqual([]);
    expect(categorise(['SSL_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'])[0].suites).toEqual([
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    ]);
  });
});
