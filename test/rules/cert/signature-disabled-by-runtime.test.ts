import rule from '../../../src/rules/cert/signature-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { liberty, svrconn } from '../mq/trees';
import { certFile, CLIENT_YML, nginxServer, tomcatServer } from './cert-files';

const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const OPENJDK8_60 = 'JAVA_VERSION="1.8.0_60"\nIMPLEMENTOR="Oracle Corporation"\n';
const API = 'https://api.example.internal:8443/orders';
const STRICT_SECURITY = 'jdk.certpath.disabledAlgorithms=MD2, MD5, SHA1, \\\n    RSA keySize < 2048\n';

const tree = (release: string, pem: string, extra: Record<string, string> = {}) => ({
  'client/jdk/release': release,
  'client/application.yml': CLIENT_YML(API),
  'api/nginx.conf': nginxServer('api.example.internal'),
  'api/ssl/api.crt': pem,
  ...extra,
});

// Liberty JMS client on Temurin 17 → SVRCONN of a queue manager whose certificate is in the tree.
const mqTree = (pem: string) => ({
  'app/jdk/release': TEMURIN17,
  'app/server.xml': liberty(
    'channel="APP.SVRCONN" queueManager="QM1" hostName="mq.example.com" port="1414" sslCipherSuite="TLS_RSA_WITH_AES_256_CBC_SHA256"',
  ),
  'qm/QM1.mqsc': `ALTER QMGR CERTLABL('qm')\n${svrconn('APP.SVRCONN', 'SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256)')}`,
  'qm/ssl/qm.crt': pem,
});

ruleTester(rule, {
  valid: [
    { name: 'SHA256withRSA, RSA 2048 on JDK 17', files: tree(TEMURIN17, certFile('api-san.crt')) },
    {
      name: "SHA1 from a private CA: 'SHA1 jdkCA & usage TLSServer' only bites on cacerts anchors",
      files: tree(TEMURIN17, certFile('sha1-signed.crt')),
    },
    { name: 'MD5withRSA before 8u71 (MD5 not yet disabled)', files: tree(OPENJDK8_60, certFile('md5-signed.crt')) },
    {
      name: 'no JDK known for the client',
      files: {
        'client/application.yml': CLIENT_YML(API),
        'api/nginx.conf': nginxServer('api.example.internal'),
        'api/ssl/api.crt': certFile('md5-signed.crt'),
      },
    },
    {
      name: 'self-signed CA certificate: its own signature is not checked',
      files: tree(TEMURIN17, certFile('ca.crt')),
    },
    { name: 'SHA256 queue manager certificate for a JMS client', files: mqTree(certFile('api-san.crt')) },
  ],
  invalid: [
    {
      name: 'MD5withRSA server certificate, JDK 17 default',
      files: tree(TEMURIN17, certFile('md5-signed.crt')),
      errors: [
        {
          messageId: 'signature',
          file: 'api/ssl/api.crt',
          line: 1,
          messageIncludes: [
            "entry 'MD5'",
            'Temurin 17.0.15',
            'Algorithm constraints check failed on signature algorithm: MD5withRSA',
            'Certificates do not conform to algorithm constraints',
          ],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'client/application.yml', line: 1 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'SHA1withRSA when the tree disables SHA1 outright (java.security)',
      files: tree(TEMURIN17, certFile('sha1-signed.crt'), {
        'client/jdk/conf/security/java.security': STRICT_SECURITY,
      }),
      errors: [
        {
          messageId: 'signature',
          file: 'api/ssl/api.crt',
          line: 1,
          messageIncludes: ["entry 'SHA1'", 'signature algorithm: SHA1withRSA', 'java.security'],
        },
      ],
    },
    {
      name: 'SHA1withRSA with -Djava.security.properties in jvm.options',
      files: tree(TEMURIN17, certFile('sha1-signed.crt'), {
        'client/jvm.options': '-Djava.security.properties=/opt/app/strict.security\n',
        'client/strict.security': STRICT_SECURITY,
      }),
      errors: [{ messageId: 'signature', file: 'api/ssl/api.crt', line: 1, messageIncludes: ['SHA1withRSA'] }],
    },
    {
      name: 'RSA 768 key: RSA keySize < 1024',
      files: tree(TEMURIN17, certFile('rsa768.crt')),
      errors: [
        {
          messageId: 'key',
          file: 'api/ssl/api.crt',
          line: 1,
          messageIncludes: ['768-bit RSA', "entry 'RSA keySize < 1024'", 'keysize limits: RSA 768 bit key'],
        },
      ],
    },
    {
      name: 'Tomcat certificateFile with an MD5 signature',
      files: {
        'client/jdk/release': TEMURIN17,
        'client/application.yml': CLIENT_YML(API),
        'api/conf/server.xml': tomcatServer('certificateFile="conf/api.crt"'),
        'api/conf/api.crt': certFile('md5-signed.crt'),
      },
      errors: [
        {
          messageId: 'signature',
          file: 'api/conf/api.crt',
          line: 1,
          related: [
            { file: 'api/conf/server.xml', line: 6 },
            { file: 'client/application.yml', line: 1 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'MD5 queue manager certificate validated by a Liberty JMS client',
      files: mqTree(certFile('md5-signed.crt')),
      errors: [{ messageId: 'signature', file: 'qm/ssl/qm.crt', line: 1, messageIncludes: ['MD5withRSA'] }],
    },
  ],
});
