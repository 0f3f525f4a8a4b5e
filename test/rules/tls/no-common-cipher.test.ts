import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/tls/no-common-cipher';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, ccdt, nginx, svrconn, tomcat, javaClient, jlinkClient } from './trees';

const cert = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/certs', name), 'utf8');
const RSA_CERT = cert('api-san.crt');
const EC_CERT = cert('api-ec256.crt');
/** HAProxy in its official image (api/Dockerfile:1) with one TLS 1.3 bind on 8443 (api/haproxy.cfg:4, these options). */
const haproxy = (bindOptions: string) => ({
  'api/Dockerfile': 'FROM haproxy:2.8.5\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\n',
  'api/haproxy.cfg': `global\n  ssl-default-bind-options ssl-min-ver TLSv1.3\nfrontend https\n  bind *:8443 ssl crt /usr/local/etc/haproxy/api.pem ${bindOptions}\n  default_backend app\nbackend app\n  server app1 app:8080\n`,
});
const ECDHE_ONLY = 'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384;';

const TLS12 = '-Djdk.tls.client.protocols=TLSv1.2';

ruleTester(rule, {
  valid: [
    {
      name: 'jlink runtime without jdk.crypto.ec, HAProxy TLS 1.3 bind whose curves name ffdhe2048',
      files: { ...jlinkClient('java.base,java.net.http'), ...haproxy('curves X25519:P-256:ffdhe2048') },
    },
    {
      name: 'jlink runtime with jdk.crypto.ec against ECDHE-only nginx',
      files: {
        ...jlinkClient('java.base,java.net.http,jdk.crypto.ec'),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', ECDHE_ONLY),
      },
    },
    {
      name: 'jlink runtime without jdk.crypto.ec, nginx TLS 1.3 with ffdhe2048 among its groups',
      files: {
        ...jlinkClient('java.base'),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.3;',
          'ssl_ecdh_curve X25519:ffdhe2048;',
          'ssl_certificate api.pem;',
        ),
        'api/api.pem': RSA_CERT,
      },
    },
    {
      name: 'client and nginx share ECDHE-RSA-AES128-GCM',
      files: {
        ...javaClient([TLS12, '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', 'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;'),
      },
    },
    {
      name: 'nginx with only a DHE suite and ssl_dhparam set',
      files: {
        ...javaClient(['-Xmx1g']),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.2;',
          'ssl_ciphers DHE-RSA-AES128-GCM-SHA256;',
          'ssl_dhparam /etc/nginx/dhparam.pem;',
        ),
      },
    },
    {
      name: 'JDK defaults against the nginx defaults',
      files: { ...javaClient(['-Xmx1g']), 'api/nginx.conf': nginx('ssl_protocols TLSv1.2 TLSv1.3;') },
    },
    {
      name: 'TLS 1.3 suites are separate: both speak TLS 1.3',
      files: {
        ...javaClient(['-Djdk.tls.client.cipherSuites=TLS_AES_128_GCM_SHA256']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;', 'ssl_ciphers ECDHE-RSA-AES256-GCM-SHA384;'),
      },
    },
    {
      name: 'MQ CCDT with a specific TLS 1.2 CipherSpec (mq-mutual-tls-fixed)',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ECDHE_RSA_AES_256_GCM_SHA384' }),
      },
    },
    {
      name: 'MQ CCDT with an alias CipherSpec',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12_OR_HIGHER' }),
      },
    },
    {
      // MbqIIB/isgFirstPro@3ccaf3e: SDR and RCVR with SSLCIPH(RC4_MD5_US); MQ refuses the spec at channel start.
      name: 'deprecated CipherSpec on an MQ channel: mq/cipherspec-deprecated owns the link',
      files: {
        'qm1/qm1.mqsc':
          "define channel(QM1_TO_QM2) chltype(sdr) conname('10.10.10.15(1444)') xmitq(APP_Q) trptype(tcp) SSLCIPH(RC4_MD5_US)\n",
        'qm2/qm2.mqsc':
          'define channel(QM1_TO_QM2) chltype(rcvr) trptype(tcp) SSLCIPH(RC4_MD5_US) SSLCAUTH(REQUIRED)\n',
      },
    },
    {
      // ricniew/Simple-MQ-TLS-Setup@2d9beed CreateMQSecEnv.sh: SSLCIPH('${SSLCIPH}'), set from dspmqver when it runs.
      name: 'a CipherSpec the script fills in on both ends of a message channel: the outcome is unknown, not judged',
      files: {
        'setup.sh':
          "#!/bin/bash\nSSLCIPH=`pick`\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL('QM1.TO.QM2') CHLTYPE(SDR) CONNAME('localhost(9006)') SSLCIPH('${SSLCIPH}') XMITQ('QM2')\nEOF\nrunmqsc QM2 <<EOF\nDEFINE LISTENER(L) TRPTYPE(TCP) PORT(9006)\nDEFINE CHANNEL('QM1.TO.QM2') CHLTYPE(RCVR) SSLCIPH('${SSLCIPH}')\nEOF\n",
      },
    },
    {
      name: 'deprecated CipherSpec on a CCDT channel and its SVRCONN: mq/cipherspec-deprecated owns the link',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(RC4_MD5_US)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'RC4_MD5_US' }),
      },
    },
    {
      name: 'ClearTrust anon on 8u202: cleartrust/anon-cipher-disabled owns the link',
      files: {
        'jdk/release': 'JAVA_VERSION="1.8.0_202"\n',
        'authz/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
        'es/eserver.conf': 'cleartrust.net.ssl.use=anon\n',
      },
    },
    {
      name: 'ClearTrust anon against auth: cleartrust/ssl-mode-mismatch owns the link',
      files: {
        'jdk/release': 'JAVA_VERSION="1.8.0_191"\n',
        'authz/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
        'es/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
      },
    },
    {
      name: 'ClearTrust auth with no JDK known: unknown (tls/link-outcome-unknown), never an error',
      files: {
        'authz/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'es/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
        'agent/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=auth\n</Pool>\n',
      },
    },
    {
      name: 'a JDK version without a profile (28): unknown, not a failure',
      files: {
        ...javaClient(
          [TLS12, '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
          'JAVA_VERSION="28.0.1"\n',
        ),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', 'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;'),
      },
    },
  ],
  invalid: [
    {
      // Measured with Debian 12's HAProxy 2.6.12: `curves X25519:P-256` and `ecdhe prime256v1` refuse the runtime.
      name: 'jlink runtime without jdk.crypto.ec, HAProxy TLS 1.3 bind with curves X25519:P-256',
      files: { ...jlinkClient('java.base,java.net.http'), ...haproxy('curves X25519:P-256') },
      errors: [
        {
          messageId: 'noCommonGroup',
          file: 'client/Dockerfile',
          line: 2,
          messageIncludes: ['HAProxy bind *:8443', 'final_key_share:no suitable key share'],
        },
      ],
    },
    {
      name: 'jlink runtime without jdk.crypto.ec, HAProxy TLS 1.3 bind with ecdhe prime256v1 (its only group)',
      files: { ...jlinkClient('java.base,java.net.http'), ...haproxy('ecdhe prime256v1') },
      errors: [{ messageId: 'noCommonGroup', file: 'client/Dockerfile', line: 2 }],
    },
    {
      name: 'jlink runtime without jdk.crypto.ec against ECDHE-only nginx (TLS 1.2): no ECDHE suite on the client',
      files: {
        ...jlinkClient('java.base,java.net.http'),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', ECDHE_ONLY),
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: ['no elliptic-curve provider', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'handshake_failure'],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/Dockerfile', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'jlink runtime without jdk.crypto.ec, nginx TLS 1.3 with EC groups only: no key-share group in common',
      files: {
        ...jlinkClient('java.base,java.net.http'),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.3;',
          'ssl_ecdh_curve X25519:prime256v1;',
          'ssl_certificate api.pem;',
        ),
        'api/api.pem': RSA_CERT,
      },
      errors: [
        {
          messageId: 'noCommonGroup',
          file: 'client/Dockerfile',
          line: 2,
          messageIncludes: ['finite-field groups only', 'final_key_share:no suitable key share', 'handshake_failure'],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/application.yml', line: 1 },
            { file: 'api/api.pem', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'jlink runtime without jdk.crypto.ec, nginx TLS 1.3 with an EC certificate: no ECDSA signature',
      files: {
        ...jlinkClient('java.base,java.net.http'),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;', 'ssl_certificate api.pem;'),
        'api/api.pem': EC_CERT,
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: ['EC key', 'no suitable signature algorithm'],
          related: [
            { file: 'api/nginx.conf', line: 2 },
            { file: 'client/Dockerfile', line: 2 },
            { file: 'api/api.pem', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'nginx whose only suite is DHE and no ssl_dhparam: no DH parameters, handshake_failure',
      files: {
        ...javaClient(['-Xmx1g']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', 'ssl_ciphers DHE-RSA-AES128-GCM-SHA256;'),
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: ['no DH parameters', 'handshake_failure'],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'client AES-256-GCM only, nginx AES-128-GCM only (TLS 1.2)',
      files: {
        ...javaClient([TLS12, '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', 'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;'),
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/jvm.options',
          line: 2,
          messageIncludes: [
            'no TLSv1.2 suite in common',
            'Received fatal alert: handshake_failure',
            'no shared cipher',
          ],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'ECDSA suites against an RSA certificate (Tomcat JSSE)',
      files: {
        ...javaClient([TLS12, '-Djdk.tls.client.cipherSuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256']),
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat(
          'protocols="TLSv1.2" ciphers="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"',
        ),
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/jvm.options',
          line: 2,
          messageIncludes: ['need a EC key', 'no cipher suites in common'],
          related: [
            { file: 'api/conf/server.xml', line: 2 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'client offers only TLS 1.3 suites but only TLS 1.2: it never sends a ClientHello',
      files: {
        ...javaClient([TLS12, '-Djdk.tls.client.cipherSuites=TLS_AES_128_GCM_SHA256']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2 TLSv1.3;'),
      },
      errors: [
        {
          messageId: 'noCommonCipher',
          file: 'client/jvm.options',
          line: 2,
          messageIncludes: ['No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'],
        },
      ],
    },
  ],
});
