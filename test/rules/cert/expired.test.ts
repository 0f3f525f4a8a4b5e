import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';
import { certFile } from './cert-files';
import { javaClient, tomcatServer } from '../tls/trust-trees';
import { ca, issue, leaf } from '../../helpers/pki';
import { RABBITMQ_ANCHOR_CASES } from './expired-rabbitmq-anchor.trees';

/** An nginx server naming its certificate by placeholders, as madharjan/docker-nginx-ssl's default-ssl.conf does. */
const certbotNginx = [
  'server {',
  '  listen 443 ssl;',
  '  ssl_certificate /etc/certbot/live/${SSL_PREFIX}.${SSL_DOMAIN}/fullchain.pem;',
  '  ssl_certificate_key /etc/certbot/live/${SSL_PREFIX}.${SSL_DOMAIN}/privkey.pem;',
  '}',
  '',
].join('\n');

/** A Liberty server with an HTTPS port whose defaultKeyStore is the PEM file resources/security/api.crt. */
function libertyServer(features: string[]): string {
  return [
    '<server>',
    `  <featureManager>${features.map((f) => `<feature>${f}</feature>`).join('')}</featureManager>`,
    '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="9443"/>',
    '  <keyStore id="defaultKeyStore" location="${server.config.dir}/resources/security/api.crt" type="PEM"/>',
    '</server>',
    '',
  ].join('\n');
}

/**
 * msolberg/was-demo's shape: a Liberty server on TLS whose sslDefault's ssl uses defaultKeyStore, `ref` added to that
 * ssl, and a second key store, validationKeystore (resources/security/validation.crt), referred to by nothing else.
 */
function libertyUnreferenced(ref: string): Record<string, string | Buffer> {
  return {
    'app/config/server.xml': [
      '<server>',
      '  <featureManager><feature>appSecurity-2.0</feature><feature>jwtSso-1.0</feature></featureManager>',
      '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="9443"/>',
      '  <keyStore id="defaultKeyStore" password="changeit" type="PKCS12"',
      '            location="${server.config.dir}/resources/security/key.p12"/>',
      '  <keyStore id="validationKeystore" type="PEM"',
      '            location="${server.config.dir}/resources/security/validation.crt"/>',
      '  <sslDefault sslRef="RpSSLConfig"/>',
      `  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"${ref}/>`,
      '</server>',
      '',
    ].join('\n'),
    'app/config/resources/security/validation.crt': cert('qmprod1.crt'),
  };
}

// The fixture certificates are valid from 2026-11 for 20 years: a fixed reference date makes the cases stable.
/**
 * robertolabarca/docker-tomcat-https's shape: a Dockerfile copies server.xml into the image's conf/ and ADDs the
 * expired store to /usr/local/tomcat/ssl/api.p12, the path the copied connector's keystoreFile names.
 */
const copiedTomcatStore = () => ({
  'api/Dockerfile': [
    'FROM tomcat:9.0-jdk17',
    'COPY --chown=tomcat files/server.xml /usr/local/tomcat/conf/',
    'ADD ["cert/server-self-expired.p12", "/usr/local/tomcat/ssl/api.p12"]',
    '',
  ].join('\n'),
  'api/files/server.xml': tomcatServer('server-self-expired.p12')
    ['api/conf/server.xml']!.toString()
    .replace('conf/server-self-expired.p12', 'ssl/api.p12'),
  'api/cert/server-self-expired.p12': tomcatServer('server-self-expired.p12')['api/conf/server-self-expired.p12']!,
});

/** The finding on copiedTomcatStore's expired store: the setting that names its path, the Dockerfile line that copies it. */
const expiredCopied = (named: { file: string; line: number }, copiedAt: number) => [
  {
    messageId: 'expiredSelfSigned' as const,
    file: 'api/cert/server-self-expired.p12',
    line: 1,
    severity: 'warning' as const,
    related: [named, { file: 'api/Dockerfile', line: copiedAt }],
  },
];
const chainFileCa = ca('Chain File CA', ca('Chain File Root'), {
  notBefore: new Date(Date.now() - 800 * 86_400_000),
  notAfter: new Date(Date.now() - 10 * 86_400_000),
});
const chainFileLeaf = leaf('web', chainFileCa, { notAfter: new Date(Date.now() + 300 * 86_400_000) });
const chainFileExpiredRoot = ca('Chain File Expired Root', undefined, {
  notBefore: new Date(Date.now() - 800 * 86_400_000),
  notAfter: new Date(Date.now() - 10 * 86_400_000),
});
const chainFileRootCa = ca('Chain File Intermediate', chainFileExpiredRoot);
const chainFileRootLeaf = leaf('web', chainFileRootCa, { notAfter: new Date(Date.now() + 300 * 86_400_000) });
const files = { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/ssl/qm.crt': cert('qmprod1.crt') };
/** The related places of qm/ssl/chain.crt's expired leaf: the queue manager's label, and the expired root below it. */
const leafThenRoot = [
  { file: 'qm/QM1.mqsc', line: 1 },
  { file: 'qm/ssl/chain.crt', line: 24 },
];
/** A Spring Boot HTTPS server on SSL bundle movieapp, whose store settings are `lines`, and an unnamed keystore.p12 (key.p12). */
/** A self-signed certificate that expired a year ago, with its key. */
const selfSignedExpired = leaf('localhost', undefined, {
  notBefore: new Date(Date.now() - 730 * 86_400_000),
  notAfter: new Date(Date.now() - 365 * 86_400_000),
});
/** A valid self-signed leaf, with its key. */
const presentedLeaf = leaf('web', undefined, { notAfter: new Date(Date.now() + 300 * 86_400_000) });
const placeholderBundle = (lines: string[]) => ({
  'app/src/main/resources/application.properties': [
    ...lines,
    'server.ssl.bundle=movieapp',
    'server.port=8443',
    '',
  ].join('\n'),
  'app/src/main/resources/keystore.p12': fs.readFileSync(
    path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
  ),
});
/** A Spring Boot server whose PEM bundle trusts client/certs/client.crt and requires client certificates, with more bundles. */
const mtlsBundles = (moreBundles: string[]) => ({
  'build.gradle': "plugins { id 'org.springframework.boot' version '3.2.4' }\n",
  'src/main/resources/application.yml': [
    'spring:',
    '  ssl:',
    '    bundle:',
    '      pem:',
    '        server:',
    '          keystore:',
    '            certificate: server/certs/server.crt',
    '            private-key: server/certs/server.key',
    '          truststore:',
    '            certificate: client/certs/client.crt',
    ...moreBundles,
    'server:',
    '  ssl:',
    '    bundle: server',
    '    client-auth: need',
    '  port: 8443',
    '',
  ].join('\n'),
  'client/certs/client.crt': cert('qmprod1.crt'),
});

/**
 * A tree whose nginx reads, from a Compose mount of a host path the tree does not hold, a file of the name of an expired
 * tree file elsewhere, which is then named by nothing: an info for `file`.
 */
const unnamedBesideOutsideMount = (name: string, files: Record<string, string>, file: string) => ({
  name,
  files,
  options: { referenceDate: '2047-01-01' },
  errors: [{ messageId: 'expiredUnnamed', file, line: 1, severity: 'info' as const }],
});

// nginx verifying client certificates against api/ssl/ca.crt (deskoh/docker-nginx-mtls@1b83809's shape).
const NGINX_VERIFYING_CLIENTS =
  'http {\n  server {\n    listen 8443 ssl;\n    ssl_certificate /etc/nginx/ssl/server.crt;\n    ssl_verify_client optional;\n    ssl_client_certificate /etc/nginx/ssl/ca.crt;\n  }\n}\n';

ruleTester(rule, {
  valid: [{ name: 'valid at the reference date', files, options: { referenceDate: '2030-01-01' } }],
  invalid: [
    {
      name: 'expired',
      files,
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expired', file: 'qm/ssl/qm.crt', line: 1, messageIncludes: ['2046-'] }],
    },
    // mailcow/mailcow-dockerized@0642467 (GPL-3.0): nginx reads /etc/ssl/mail/cert.pem, which Compose mounts from
    // ./data/assets/ssl, filled at install time; the tree's data/assets/ssl-example/cert.pem is not that file.
    unnamedBesideOutsideMount(
      'a certificate Compose mounts from a directory the tree lacks: a tree file of its name is not it (an info)',
      {
        'docker-compose.yml':
          'services:\n  php:\n    image: php:8-fpm\n    volumes:\n      - ./conf/nginx:/etc/nginx/conf.d\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./conf/nginx:/etc/nginx/conf.d\n      - ./assets/ssl:/etc/ssl/mail\n',
        'conf/nginx/site.conf':
          'server {\n  listen 443 ssl;\n  server_name mail.example.org;\n  ssl_certificate /etc/ssl/mail/cert.pem;\n  ssl_certificate_key /etc/ssl/mail/key.pem;\n}\n',
        'assets/ssl-example/cert.pem': cert('qmprod1.crt'),
      },
      'assets/ssl-example/cert.pem',
    ),
    // microservices-security-in-action/samples@c3c2dcf (no licence; its layout only): chapter10/sample03's Compose file
    // mounts ./keys/ca/ca_cert.pem, which its gen-key.sh writes, at the path ssl_client_certificate names; another
    // chapter's keys/ca/ca_cert.pem is not that file, so nginx names no tree file (an info, not a CA nginx trusts).
    unnamedBesideOutsideMount(
      'a trust file Compose mounts from a path the tree lacks: a tree file of its name is not it (an info)',
      {
        'chapter10/sample03/docker-compose-secured.yaml':
          'version: "3"\nservices:\n nginx:\n  image: nginx:alpine\n  volumes:\n  - ./nginx-secured.conf:/etc/nginx/nginx.conf\n  - ./keys/nginx/nginx_cert.pem:/etc/nginx/nginx_cert.pem\n  - ./keys/nginx/nginx_key.pem:/etc/nginx/nginx_key.pem\n  - ./keys/ca/ca_cert.pem:/etc/nginx/ca_cert.pem\n  ports:\n  - "8443:8443"\n',
        'chapter10/sample03/nginx-secured.conf':
          'events {}\nhttp {\n  server {\n    listen 8443 ssl;\n    server_name nginx.ecomm.com;\n    ssl_certificate /etc/nginx/nginx_cert.pem;\n    ssl_certificate_key /etc/nginx/nginx_key.pem;\n    ssl_verify_client on;\n    ssl_client_certificate /etc/nginx/ca_cert.pem;\n  }\n}\n',
        'chapter09/keys/ca/ca_cert.pem': cert('ourca.crt'),
      },
      'chapter09/keys/ca/ca_cert.pem',
    ),
    {
      // tobymoreno/mtls-proxy@31edeba6b8ff (no licence file): scripts/truststore.pem and src/main/resources/truststore.pem,
      // DoD CA bundles no setting names, held 49 expired CA certificates each: 98 infos, one per certificate.
      name: 'a bundle no setting names holding several expired certificates: one info for the file, the rest counted',
      files: {
        'certs/bundle.pem': [cert('ourca.crt'), cert('mqw1.crt'), cert('partner-app.crt')].join(''),
        'certs/one.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredUnnamedBundle',
          file: 'certs/bundle.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ['3 certificates of bundle.pem expired', 'CN=Our Company Issuing CA', 'and 1 more'],
        },
        { messageId: 'expiredUnnamed', file: 'certs/one.pem', line: 1, severity: 'info' },
      ],
    },
    {
      // PkayJava/tomcat-docker@8845022: the expired localhost.crt was reported twice, once for the CA's copy.
      name: "expired, with the CA's record copy (openssl ca's newcerts/<serial>.pem): reported once, where it is used",
      files: { ...files, 'ca/newcerts/0A.pem': cert('qmprod1.crt') },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expired', file: 'qm/ssl/qm.crt', line: 1 }],
    },
    {
      // A bundle of CA certificates no link of the tree uses: JSSE would still trust it, OpenSSL and GSKit
      // would not, so the verdict is a warning naming both rather than "peers reject it".
      name: 'an expired CA in a bundle no link uses: a warning, the verifier decides',
      files: { ...files, 'qm/ssl/ca.crt': cert('ourca.crt') },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredUnlinkedCa',
          file: 'qm/ssl/ca.crt',
          line: 1,
          severity: 'warning',
          messageIncludes: ['JSSE', 'GSKit'],
        },
        { messageId: 'expired', file: 'qm/ssl/qm.crt', line: 1, severity: 'error' },
      ],
    },
    {
      // httpd sends SSLCertificateChainFile's certificates after its leaf: an expired intermediate there is refused by
      // every client that trusts the root, as from a full-chain file (apache2 2.4.71 with openssl s_client and a JSSE 17
      // client: test/interop/httpd-chain-expired.test.ts). It was the unlinked-CA warning, judged as a CA bundle.
      name: 'an expired intermediate in an httpd SSLCertificateChainFile: an error, as in a full-chain file',
      files: {
        'web/conf/httpd.conf':
          'ServerRoot "/etc/httpd"\nListen 443 https\n<VirtualHost *:443>\n  ServerName web\n  SSLEngine on\n  SSLCertificateFile /etc/httpd/certs/web.pem\n  SSLCertificateChainFile /etc/httpd/certs/int.pem\n</VirtualHost>\n',
        'web/certs/web.pem': chainFileLeaf.pem,
        'web/certs/int.pem': chainFileCa.pem,
      },
      errors: [{ messageId: 'expired', file: 'web/certs/int.pem', line: 1, severity: 'error' }],
    },
    {
      // An expired root sent beside a valid intermediate: JSSE ends the path at its trusted root without a date check,
      // OpenSSL refuses it (measured as above): the client's stack decides, a warning as for a full-chain file.
      name: 'an expired root in an httpd SSLCertificateChainFile, after a valid intermediate: the chain-root warning',
      files: {
        'web/conf/httpd.conf':
          'ServerRoot "/etc/httpd"\nListen 443 https\n<VirtualHost *:443>\n  ServerName web\n  SSLEngine on\n  SSLCertificateFile /etc/httpd/certs/web.pem\n  SSLCertificateChainFile /etc/httpd/certs/chain.pem\n</VirtualHost>\n',
        'web/certs/web.pem': chainFileRootLeaf.pem,
        'web/certs/chain.pem': chainFileRootCa.pem + chainFileExpiredRoot.pem,
      },
      errors: [
        {
          messageId: 'expiredChainRoot',
          file: 'web/certs/chain.pem',
          line: 12,
          severity: 'warning',
          messageIncludes: ['the chain web.pem with chain.pem presents'],
        },
      ],
    },
    {
      // The same CA next to a leaf in one file (a full chain) is presented with it: every verifier checks it.
      // pwalser75/spring-boot-mutual-tls@98da8e6: the leaf and its self-signed root expired on one day were two errors
      // for one failure. The chain fails for the leaf whoever verifies it; the root is named at the leaf's finding.
      name: 'an expired root in a file whose leaf expired too: one error, at the leaf, naming the root',
      files: {
        'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n',
        'qm/ssl/chain.crt': cert('qmprod1.crt') + cert('ourca.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expired', file: 'qm/ssl/chain.crt', line: 1, severity: 'error', related: leafThenRoot }],
    },
    {
      name: 'not yet valid',
      files,
      options: { referenceDate: '2020-01-01' },
      errors: [{ messageId: 'notYetValid', file: 'qm/ssl/qm.crt', line: 1 }],
    },
    {
      // xipki/xipki@10c3450 (Apache-2.0) security/src/test/resources/ctlog-certs: copies of public sites' certificates,
      // test data of its CT log code that no component presents. An error there was noise.
      name: 'an expired certificate no component names (test data): an info',
      files: { 'security/src/test/resources/ctlog-certs/githubcom.pem': cert('qmprod1.crt') },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredUnnamed',
          file: 'security/src/test/resources/ctlog-certs/githubcom.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ['names githubcom.pem'],
        },
      ],
    },
    {
      name: 'not yet valid and named by no component: an info',
      files: { 'test/data/site.pem': cert('qmprod1.crt') },
      options: { referenceDate: '2020-01-01' },
      errors: [{ messageId: 'notYetValidUnnamed', file: 'test/data/site.pem', line: 1, severity: 'info' }],
    },
    {
      // Engineering-Research-and-Development/true-connector@776404e (AGPL-3.0): the Spring servers name
      // /cert/${KEYSTORE_NAME} (its .env says ssl-server.jks), which the tree does not resolve.
      name: 'named by nothing, but a server names its store by a placeholder: a warning naming the placeholder',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=/cert/${KEYSTORE_NAME}\nserver.ssl.key-store-password=${KEYSTORE_PASSWORD}\n',
        'ecc_cert/server.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamed',
          file: 'ecc_cert/server.crt',
          line: 1,
          severity: 'warning',
          messageIncludes: ['/cert/${KEYSTORE_NAME}'],
          related: [{ file: 'app/src/main/resources/application.properties', line: 2 }],
        },
      ],
    },
    {
      // iAMSagar44/spring-ssl-bundle@6681689 (no licence file): keystore.p12's key entry serveralias is self-signed
      // (keytool: Owner = Issuer = CN=localhost, chain length 1). The warning said 'peers reject it', which a JSSE peer
      // that trusts it directly does not (expiredSelfSigned says so when a setting names the file).
      name: 'a self-signed certificate with its key, named by nothing but perhaps by a placeholder: the self-signed wording',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=/cert/${KEYSTORE_NAME}\nserver.ssl.key-store-password=${KEYSTORE_PASSWORD}\n',
        'ecc_cert/server.crt': selfSignedExpired.pem,
        'ecc_cert/server.key': selfSignedExpired.keyPem,
      },
      errors: [
        {
          messageId: 'expiredPerhapsNamedSelfSigned',
          file: 'ecc_cert/server.crt',
          line: 1,
          severity: 'warning',
          messageIncludes: ['/cert/${KEYSTORE_NAME}', 'JSSE does not check the dates'],
          messageExcludes: ['peers reject it'],
        },
      ],
    },
    {
      // madharjan/docker-nginx-ssl@b1ea5a8 (MIT): nginx names its certificate by placeholders and the tests' directory
      // holds an expired certbot layout that only the Makefile's test containers mount (their bats tests call `curl -k`).
      name: 'an expired certificate of the tests directory a placeholder may name: an info that it is a test fixture',
      files: {
        'config/nginx-ssl/default-ssl.conf': certbotNginx,
        'test/certbot/live/mail.mycompany.com/fullchain.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamedTestFixture',
          file: 'test/certbot/live/mail.mycompany.com/fullchain.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ["tests' directory test", '${SSL_PREFIX}'],
        },
      ],
    },
    {
      name: 'the same certificate outside a tests directory: the warning that a placeholder may name it',
      files: {
        'config/nginx-ssl/default-ssl.conf': certbotNginx,
        'certbot/live/mail.mycompany.com/fullchain.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamed',
          file: 'certbot/live/mail.mycompany.com/fullchain.pem',
          line: 1,
          severity: 'warning',
        },
      ],
    },
    {
      // iAMSagar44/spring-ssl-bundle@6681689 (no licence file): the bundles' stores are ${SERVER_KEYSTORE} and
      // ${SERVER_TRUSTSTORE}, typed PKCS12; the PEM exports clientapp.crt and movieapp.crt beside them were warnings
      // that the placeholders may name them. A PKCS12 (or JKS) store setting never reads a PEM file.
      name: 'named by nothing, the only placeholders naming stores typed PKCS12: a PEM file is not one of them (an info)',
      files: {
        'app/src/main/resources/application.properties': [
          'spring.ssl.bundle.jks.movieapp.keystore.location=${SERVER_KEYSTORE}',
          'spring.ssl.bundle.jks.movieapp.keystore.type=PKCS12',
          'spring.ssl.bundle.jks.movieapp.truststore.location=${SERVER_TRUSTSTORE}',
          'spring.ssl.bundle.jks.movieapp.truststore.type=PKCS12',
          'server.ssl.bundle=movieapp',
          'server.port=8443',
          '',
        ].join('\n'),
        'app/src/main/resources/certs/movieapp.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredUnnamed', file: 'app/src/main/resources/certs/movieapp.crt', line: 1, severity: 'info' },
      ],
    },
    {
      // iAMSagar44/spring-ssl-bundle@6681689 (no licence file): keystore.p12 (its key entry serveralias expired) is named
      // by no setting; the bundle's key store is ${SERVER_KEYSTORE} and its trust store ${SERVER_TRUSTSTORE}. The warning
      // listed both as the file it may be, but from a trust store its certificate is an anchor, whose dates JSSE does
      // not check: only the key-store placeholder makes 'peers reject it' possible (sweep2's debatable item).
      name: "a key entry named by no setting, placeholders for a key and a trust store: only the key store's is a candidate",
      files: placeholderBundle([
        'spring.ssl.bundle.jks.movieapp.keystore.location=${SERVER_KEYSTORE}',
        'spring.ssl.bundle.jks.movieapp.keystore.password=Pk12-planted-Zq9',
        'spring.ssl.bundle.jks.movieapp.truststore.location=${SERVER_TRUSTSTORE}',
      ]),
      options: { referenceDate: '2050-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamed',
          file: 'app/src/main/resources/keystore.p12',
          line: 1,
          severity: 'warning',
          messageIncludes: ['${SERVER_KEYSTORE}'],
          messageExcludes: ['${SERVER_TRUSTSTORE}'],
        },
        {
          messageId: 'expiredPerhapsNamed',
          file: 'app/src/main/resources/keystore.p12',
          line: 1,
          severity: 'warning',
          messageExcludes: ['${SERVER_TRUSTSTORE}'],
        },
      ],
    },
    {
      name: 'the same key entry, only a trust store named by a placeholder: not a candidate (an info)',
      files: placeholderBundle([
        'spring.ssl.bundle.jks.movieapp.truststore.location=${SERVER_TRUSTSTORE}',
        'spring.ssl.bundle.jks.movieapp.truststore.password=Pk12-planted-Zq9',
      ]),
      options: { referenceDate: '2050-01-01' },
      errors: [
        { messageId: 'expiredUnnamedBundle', file: 'app/src/main/resources/keystore.p12', line: 1, severity: 'info' },
      ],
    },
    {
      // pco-afelio/camel-two-way-ssl@dba74cb (no licence file): camel-server's keystore.p12 is Apache Camel's client key
      // store (camel.ssl.config.key-managers.key-store.resource, a setting no modelled component reads); the info said
      // 'no setting names keystore.p12' and pointed at the target servers' own keystore.p12 as 'the one read instead'.
      // The target server's keystore.p12 holds the same two certificates: one finding per certificate, at the copy a
      // modelled server presents; Camel's copy and the settings naming it are its related places (context).
      name: 'a store named beside its password by a setting no modelled component reads, its certificates also in a served store: one finding each, at the served copy',
      files: {
        'camel/src/main/resources/application.properties': [
          'camel.ssl.config.key-managers.key-store.resource=classpath:/keystore.p12',
          'camel.ssl.config.key-managers.key-store.password=Pk12-planted-Zq9',
          '',
        ].join('\n'),
        'camel/src/main/resources/keystore.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
        ),
        'target/src/main/resources/application.properties': [
          'server.port=8443',
          'server.ssl.key-store=classpath:keystore.p12',
          'server.ssl.key-store-password=Pk12-planted-Zq9',
          '',
        ].join('\n'),
        'target/src/main/resources/keystore.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/plain.p12'),
        ),
      },
      options: { referenceDate: '2050-01-01' },
      errors: [0].map(() => ({
        messageId: 'expired',
        file: 'target/src/main/resources/keystore.p12',
        line: 1,
        severity: 'error' as const,
        messageIncludes: [', and 1 more copy in camel/src/main/resources/keystore.p12,'],
        related: [
          'target/src/main/resources/application.properties:2',
          // The root above the leaf, expired too, said with it.
          'target/src/main/resources/keystore.p12:1',
          'camel/src/main/resources/keystore.p12:1',
          'camel/src/main/resources/application.properties:1',
          'camel/src/main/resources/application.properties:2',
        ].map((at) => ({ file: at.split(':')[0]!, line: Number(at.split(':')[1]) })),
      })),
    },
    {
      // MickJM/mq-docker-metrics@8b39ded (no licence file): the app's own ibm.mq.security.keystore names qmap01jks.jks,
      // a JKS (no password needed to read its certificates), and was 'no server, client or store setting names it'.
      name: "a JKS named by an app's own setting no modelled component reads: named, its reader unknown (an info)",
      files: {
        'application-dev.yml': 'ibm:\n  mq:\n    security:\n      keystore: /config/q.jks\n',
        'q.jks': fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks')),
      },
      options: { referenceDate: '2050-01-01' },
      errors: [0, 1].map(() => ({
        messageId: 'expiredNamedUnread',
        file: 'q.jks',
        line: 1,
        severity: 'info' as const,
        messageIncludes: ['The setting ibm.mq.security.keystore names q.jks'],
      })),
    },
    {
      // spring-cloud/spring-cloud-gateway@5227205 (Apache-2.0): spring-cloud-gateway-server-webflux/src/test/resources/
      // application-client-auth-ssl-bundle.yml names its store by server.ssl.key-store, which was said to be named by
      // no setting: Spring Boot's keys are modelled for the deployed app's files only, not the tests'.
      name: "a store only a test source set's Spring file names (server.ssl.key-store): named by the tests (an info)",
      files: {
        'gw/src/test/resources/application-client-auth-ssl-bundle.yml':
          'server:\n  ssl:\n    enabled: true\n    key-alias: scg\n    key-store-password: changeit\n    key-store: classpath:scg-keystore.jks\n    key-store-type: JKS\n    client-auth: Need\n',
        'gw/src/test/resources/scg-keystore.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'),
        ),
      },
      options: { referenceDate: '2050-01-01' },
      errors: [0, 1].map(() => ({
        messageId: 'expiredNamedByTests',
        file: 'gw/src/test/resources/scg-keystore.jks',
        line: 1,
        severity: 'info' as const,
        messageIncludes: [
          "Only the tests' configuration names scg-keystore.jks: server.ssl.key-store in application-client-auth-ssl-bundle.yml",
          '(gw/src/test/resources)',
        ],
      })),
    },
    {
      // amusarra/quarkus-mtls-auth@9bb5866 (MIT; test/fixtures/quarkus): the Quarkus HTTPS server's TLS registry key
      // store presents CN=rd.quarkus.dontesta.it, expired on 2026-09-07; it was an info ("no server or client takes it").
      name: 'the key store of a Quarkus HTTPS server (quarkus.tls.<name>.key-store.p12.path): an error',
      files: {
        'src/main/resources/application.properties':
          'quarkus.tls.https.key-store.p12.path=certs/server_cert.p12\nquarkus.tls.https.key-store.p12.password=4BmfsXiPkmNYMwh3\nquarkus.http.tls-configuration-name=https\n',
        'src/main/resources/certs/server_cert.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/quarkus/server_cert.p12'),
        ),
      },
      options: { referenceDate: '2026-10-01' },
      errors: [{ messageId: 'expired', file: 'src/main/resources/certs/server_cert.p12', line: 1 }],
    },
    {
      // The same store named only for Quarkus's dev profile: the packaged app serves no HTTPS with it.
      name: 'a key store only a %dev. Quarkus setting names: named, its reader unknown (an info)',
      files: {
        'src/main/resources/application.properties':
          '%dev.quarkus.tls.key-store.p12.path=certs/server_cert.p12\n%dev.quarkus.tls.key-store.p12.password=4BmfsXiPkmNYMwh3\n',
        'src/main/resources/certs/server_cert.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/quarkus/server_cert.p12'),
        ),
      },
      options: { referenceDate: '2026-10-01' },
      errors: [
        {
          messageId: 'expiredNamedUnread',
          file: 'src/main/resources/certs/server_cert.p12',
          line: 1,
          severity: 'info',
          messageIncludes: ['The setting %dev.quarkus.tls.key-store.p12.path names server_cert.p12'],
        },
      ],
    },
    {
      // gmjdev/microservices-demo@4bf5aca (Apache-2.0): server.ssl.key-store: ${KEYSTORE_PATH:classpath:cert/keystore.p12}.
      name: "named by a placeholder's default (the file used while the variable is unset): an error",
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=${KEYSTORE_PATH:classpath:cert/server.crt}\n',
        'app/src/main/resources/cert/server.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'app/src/main/resources/cert/server.crt',
          line: 1,
          severity: 'error',
          related: [{ file: 'app/src/main/resources/application.properties', line: 2 }],
        },
      ],
    },
    {
      // shibadog/sample-mtls-spring-boot@4bf3484 (no licence file): server.ssl.key-store: classpath:${KEYSTORE:keystore.jks},
      // and a byte-identical keystore.jks in certs/ (where it was made). The server reads its classpath copy while KEYSTORE
      // is unset, never certs/'s: one error, where it is read; the other copy is used by nothing (it was an error too).
      name: "a placeholder inside the path (classpath:${KEYSTORE:key.jks}): its default's file only, not every file of its name",
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:${KEYSTORE:key.jks}\nserver.ssl.key-store-password=${PASS:changeit}\n',
        'app/src/main/resources/key.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'),
        ),
        'certs/key.jks': fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks')),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        ...[0].map(() => ({
          messageId: 'expired',
          file: 'app/src/main/resources/key.jks',
          line: 1,
          severity: 'error' as const,
          related: [
            { file: 'app/src/main/resources/application.properties', line: 2 },
            { file: 'app/src/main/resources/key.jks', line: 1 },
          ],
        })),
        { messageId: 'expiredUnnamedBundle', file: 'certs/key.jks', line: 1, severity: 'info' },
      ],
    },
    {
      // generated/key.jks (test/fixtures/keystores): alias 'server', valid until 2046-11-25.
      name: 'a key entry every naming setting passes over (server.ssl.key-alias names another): an info',
      files: {
        'app/key.jks': fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks')),
        'app/application.properties': 'server.port=8443\nserver.ssl.key-store=key.jks\nserver.ssl.key-alias=other\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredOtherAlias', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredOtherAlias',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: ["('other')"],
        },
      ],
    },
    {
      // atwroro/javaspringappssl@da5ae80a (no licence file): classpath:keystore.jks with a key-alias the store lacks, and an
      // older keystore.jks in resources/backup. The setting names the first store (presenting none of it), never the
      // backup copy: that one was said to be "named" by the setting, passed over for another alias.
      name: 'a store presenting no key entry (the alias names none) names its own file, not every file of its name',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:key.jks\nserver.ssl.key-alias=other\n',
        'app/src/main/resources/key.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'),
        ),
        'app/src/main/resources/backup/key.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'),
        ),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredUnnamedBundle', file: 'app/src/main/resources/backup/key.jks', line: 1, severity: 'info' },
        ...[0, 1].map(() => ({
          messageId: 'expiredOtherAlias',
          file: 'app/src/main/resources/key.jks',
          line: 1,
          severity: 'info' as const,
        })),
      ],
    },
    {
      // bpaskin/CloudPak4Integration@7e92c65 (no licence file) MQ/MQonOCPFeatures/setupAndInstall.yaml: the queue manager's
      // tls.crt is CN=localhost (whose key is there), its CA, then an expired *.ibm.com with no key: that one is no
      // server's certificate. Here as an nginx ssl_certificate file holding a second, expired leaf after the keyed one.
      name: 'an expired certificate after the keyed leaf of a presented PEM file, off its chain: an info, not sent',
      files: {
        'nginx/nginx.conf':
          'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/ssl/site.crt;\n    ssl_certificate_key /etc/nginx/ssl/site.key;\n  }\n}\n',
        'nginx/ssl/site.crt': presentedLeaf.pem + selfSignedExpired.pem,
        'nginx/ssl/site.key': presentedLeaf.keyPem,
      },
      errors: [
        {
          messageId: 'expiredNotSent',
          file: 'nginx/ssl/site.crt',
          line: 12,
          severity: 'info',
          messageIncludes: ['presents CN=web'],
        },
      ],
    },
    {
      // nginx names the path inside its container; the tree holds the file under another directory.
      name: 'presented by an nginx server that names it by its deployed path: an error naming the directive',
      files: {
        'nginx/nginx.conf':
          'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/ssl/site.crt;\n    ssl_certificate_key /etc/nginx/ssl/site.key;\n  }\n}\n',
        'nginx/ssl/site.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'nginx/ssl/site.crt',
          line: 1,
          severity: 'error',
          related: [{ file: 'nginx/nginx.conf', line: 5 }],
        },
      ],
    },
    {
      // haproxy/haproxy@50872daa6 (GPL-2.0) examples/keylog-test.cfg: `crt "common.pem"` is read from HAProxy's working directory,
      // which the tree does not show; the only common.pem lies under reg-tests/. It may be that file, or not.
      name: 'a relative bare name found beside no configuration, a file of its name elsewhere: a warning, not an error',
      files: {
        'examples/keylog-test.cfg': 'frontend https-in\n    bind :443 ssl crt "common.pem"\n    default_backend be1\n',
        'reg-tests/startup/common.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamed',
          file: 'reg-tests/startup/common.pem',
          line: 1,
          severity: 'warning',
          messageIncludes: ['a path the tree does not place', 'common.pem'],
          related: [{ file: 'examples/keylog-test.cfg', line: 2 }],
        },
      ],
    },
    {
      // The same name given as the container's absolute path, which no COPY or Compose mount of the tree fills: a tree
      // file of that name may be the one deployed, or another (juouyang/jetty-https-lab@7e88c56: Jetty's
      // /etc/ssl/keystore.jks and the expired sample ssl/expired/keystore.jks, said before to be the served store).
      name: 'an absolute container path no COPY or mount fills, a file of that name elsewhere: perhaps it (a warning)',
      files: {
        'haproxy/haproxy.cfg': 'frontend https-in\n    bind :443 ssl crt /usr/local/etc/haproxy/common.pem\n',
        'certs/common.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredPerhapsNamed',
          file: 'certs/common.pem',
          line: 1,
          severity: 'warning',
          messageIncludes: ['/usr/local/etc/haproxy/common.pem'],
          related: [{ file: 'haproxy/haproxy.cfg', line: 2 }],
        },
      ],
    },
    {
      // A Compose bind mount that puts the tree's file at that path settles it: the error, naming the mount.
      name: 'an absolute container path a Compose mount fills with the tree file: an error naming the mount',
      files: {
        'haproxy/haproxy.cfg': 'frontend https-in\n    bind :443 ssl crt /usr/local/etc/haproxy/certs/common.pem\n',
        'docker-compose.yml':
          'services:\n  lb:\n    image: haproxy:2.8\n    volumes:\n      - ./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg\n      - ./tls:/usr/local/etc/haproxy/certs\n',
        'tls/common.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'tls/common.pem',
          line: 1,
          severity: 'error',
        },
      ],
    },
    {
      // The image holds the certificate under another name than the tree (`COPY certs/certificate.crt
      // /etc/ssl/certs/server.crt`, as nginx Dockerfiles often do): that COPY decides which tree file nginx serves.
      name: 'presented by an nginx server whose Dockerfile copies it to the path under another name: the COPY named',
      files: {
        'web/Dockerfile':
          'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\nCOPY certs/certificate.crt /etc/ssl/certs/server.crt\n',
        'web/nginx.conf':
          'server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/certs/server.crt;\n  ssl_certificate_key /etc/ssl/private/server.key;\n}\n',
        'web/certs/certificate.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'web/certs/certificate.crt',
          line: 1,
          severity: 'error',
          related: [
            { file: 'web/nginx.conf', line: 3 },
            { file: 'web/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      // dotCMS/core@04d1dfd (BSL 1.1, nothing copied) dotCMS/src/main/resources/container/tomcat9/conf/server.xml: an NIO2 connector
      // whose certificate is the APR-style SSLCertificateFile="conf/local.dotcms.site.pem" (expired 2025-01-26). Tomcat
      // 8.5 and 9 map it to the default SSLHostConfig; 10.0.0-M1 removed it (apache/tomcat 973b0a3): which Tomcat
      // runs it the tree does not say, so whether the connector serves the file is unknown (an info, never an error).
      name: "named by a Connector's SSLCertificateFile, which only Tomcat 8.5 and 9 read: an info saying so",
      files: {
        'tomcat/conf/server.xml':
          '<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    <Connector port="8443" protocol="org.apache.coyote.http11.Http11Nio2Protocol"\n               SSLEnabled="true" SSLCertificateFile="conf/local.pem"/>\n  </Service>\n</Server>\n',
        'tomcat/conf/local.pem': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredNotServed',
          file: 'tomcat/conf/local.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ['(SSLCertificateFile)', 'Tomcat 8.5 and 9 read', 'the tree names no Tomcat version'],
          related: [{ file: 'tomcat/conf/server.xml', line: 4 }],
        },
      ],
    },
    {
      // andre-doherty/sample-jaxws@a09d7aa (no licence file): features localConnector-1.0, xmlWS-4.0, cdi-4.0, pages-3.1
      // with httpsPort and a defaultKeyStore holding an expired key.p12: none includes ssl-1.0, so Liberty opens no
      // HTTPS listener and the store is presented to no one. It was an error.
      name: 'in the key store of a Liberty server whose features enable no SSL: an info naming the server',
      files: {
        'app/config/server.xml': libertyServer(['xmlWS-4.0', 'cdi-4.0', 'pages-3.1']),
        'app/config/resources/security/api.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredNotServed',
          file: 'app/config/resources/security/api.crt',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'Liberty server app/config/server.xml names api.crt (<keyStore id="defaultKeyStore">), but serves no TLS',
          ],
          related: [
            { file: 'app/config/server.xml', line: 4 },
            { file: 'app/config/server.xml', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'beside a Liberty server that enables no SSL, named by none of its key stores: an info naming the server',
      files: {
        'app/config/server.xml': libertyServer(['servlet-6.0']).replace('api.crt', 'other.p12'),
        'app/config/resources/security/api.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredNotServed',
          file: 'app/config/resources/security/api.crt',
          line: 1,
          severity: 'info',
          messageIncludes: ['it lies beside Liberty server app/config/server.xml, which serves no TLS'],
          related: [{ file: 'app/config/server.xml', line: 2 }],
        },
      ],
    },
    {
      name: 'not yet valid, in the key store of a Liberty server that enables no SSL: an info',
      files: {
        'app/config/server.xml': libertyServer(['servlet-6.0']),
        'app/config/resources/security/api.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2020-01-01' },
      errors: [
        {
          messageId: 'notYetValidNotServed',
          file: 'app/config/resources/security/api.crt',
          line: 1,
          severity: 'info',
          messageIncludes: ['names api.crt (<keyStore id="defaultKeyStore">), but serves no TLS'],
        },
      ],
    },
    ...[['transportSecurity-1.0'], ['jpa-2.2', 'mpJwt-1.2'], ['servlet-6.0', 'usr:custom-1.0']].map((features) => ({
      // mpJwt-1.2 includes ssl-1.0 (JCass149/openliberty-microprofile-realworld-example-app@dec268f: a true error);
      // a feature the knowledge does not list leaves the feature list unsettled: today's verdict stays.
      name: `in the key store of a Liberty server with ${features.join(', ')}: an error`,
      files: {
        'app/config/server.xml': libertyServer(features),
        'app/config/resources/security/api.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expired', file: 'app/config/resources/security/api.crt', line: 1, severity: 'error' as const },
      ],
    })),
    {
      // msolberg/was-demo@bba6513 (GPL-3.0) liberty/config/server.xml: besides defaultKeyStore (the sslDefault's ssl)
      // it defines keyStore validationKeystore, which no <ssl> or other element refers to. Liberty uses a key store only
      // through a reference to its id (openliberty.io/docs/latest/reference/config/keyStore.html, ssl.html), so its
      // expired certificate is sent to no one. It was a warning naming the server "picks certificates by label".
      name: 'in a Liberty key store nothing refers to, on a server serving TLS: an info naming the key store',
      files: libertyUnreferenced(''),
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredNotServed',
          file: 'app/config/resources/security/validation.crt',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'names validation.crt (<keyStore id="validationKeystore">), but nothing in its configuration refers to that key store',
          ],
          related: [
            { file: 'app/config/server.xml', line: 7 },
            { file: 'app/config/server.xml', line: 6 },
          ],
        },
      ],
    },
    {
      // msolberg/was-demo's basicRegistry passwords are `other` and `only`: masked as whole words, they turned the
      // rule's own reason into "nor any *** setting" and "and *** defaultKeyStore" (our words, Phrases).
      name: 'the same, with short passwords that are ordinary words: the reason keeps its words, the passwords stay masked',
      files: {
        ...libertyUnreferenced(''),
        'app/config/server.xml': libertyUnreferenced('')
          ['app/config/server.xml']!.toString()
          .replace(
            '</server>',
            '  <basicRegistry id="basic"><user name="alice" password="other"/><user name="bob" password="only"/></basicRegistry>\n</server>',
          ),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredNotServed',
          file: 'app/config/resources/security/validation.crt',
          line: 1,
          severity: 'info',
          messageIncludes: ['nor any other setting, names validationKeystore', 'and only defaultKeyStore is used'],
          messageExcludes: ['***'],
        },
      ],
    },
    ...[
      ['a certificate file', 'old.crt', cert('qmprod1.crt')],
      ['a key store', 'old.p12', tomcatServer('server-self-expired.p12')['api/conf/server-self-expired.p12']!],
    ].map(([what, name, content]) => ({
      // msolberg/was-demo's shape with its defaultKeyStore outside the tree (location="/opt/certs/key.p12") and an old
      // store left in resources/security: Liberty opens only the location a <keyStore> names. The endpoint was taken
      // to present the only key entry of its directory, and the directory to pick certificates "by label".
      name: `${what} no <keyStore> names, in the directory of a Liberty server whose key store is outside the tree: an info`,
      files: {
        'app/config/server.xml': libertyServer(['transportSecurity-1.0']).replace(
          '${server.config.dir}/resources/security/api.crt" type="PEM"',
          '/opt/certs/key.p12" password="changeit"',
        ),
        [`app/config/resources/security/${name as string}`]: content!,
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredUnnamed',
          file: `app/config/resources/security/${name as string}`,
          line: 1,
          severity: 'info' as const,
        },
      ],
    })),
    {
      // The same store as the ssl's trust store: it verifies peers (test/model/liberty-unreferenced.test.ts: the other
      // references, and the configurations that leave the question open).
      name: 'in a Liberty key store an <ssl> trustStoreRef names: the trust store verdict',
      files: libertyUnreferenced(' trustStoreRef="validationKeystore"'),
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredTrustedOnly',
          file: 'app/config/resources/security/validation.crt',
          line: 1,
          severity: 'info',
        },
      ],
    },
    {
      // JSSE accepts a leaf that is itself in the trust store without checking its dates (checked against JDK 17).
      name: 'an expired self-signed server certificate the only client trusts directly: info, not an error',
      files: { ...javaClient({ trustStore: 'trust-self-expired.jks' }), ...tomcatServer('server-self-expired.p12') },
      errors: [{ messageId: 'expiredAnchor', file: 'api/conf/server-self-expired.p12', line: 1, severity: 'info' }],
    },
    {
      // apache/activemq@c3580e7 (Apache-2.0): activemq-revoke.xml names activemq-revoke.jks, whose key entry expired in
      // 2025, only as the broker's trust store. JSSE trusts a key entry's certificate as it trusts a trusted entry
      // (TrustStoreUtil.getTrustedCerts; JDK 17: TrustManagerFactory over a JKS of one key entry accepts its
      // certificate as an issuer) and skips its dates: the error said 'peers reject it'.
      name: "an expired key entry of a store named only as a JSSE trust store: info, JSSE skips a trusted certificate's dates",
      files: javaClient({ trustStore: 'server-self-expired.p12' }),
      errors: [
        {
          messageId: 'expiredTrustedOnly',
          file: 'client/security/server-self-expired.p12',
          line: 1,
          severity: 'info',
        },
      ],
    },
    {
      // OpenLiberty/guide-microprofile-jwt@26e111f (EPL-2.0): the guide's key.p12 (CN=localhost, self-signed, expired
      // 2021-08-25) serves an HTTPS endpoint no client of the tree reaches. Its only peers trust it directly: JDK 17
      // completes the handshake with it (JSSE skips an anchor's dates), openssl s_client -CAfile answers "certificate has
      // expired". It was an error saying Java peers fail with PKIX "certificate expired".
      name: 'an expired self-signed server certificate no link presents: a warning, the verifier decides',
      files: tomcatServer('server-self-expired.p12'),
      errors: [
        {
          messageId: 'expiredSelfSigned',
          file: 'api/conf/server-self-expired.p12',
          line: 1,
          severity: 'warning',
          related: [{ file: 'api/conf/server.xml', line: 4 }],
        },
      ],
    },
    {
      // A jboss-cli script of a WildFly image adds the key store the listener's server-ssl-context presents, at the
      // path the Dockerfile ADDs the expired store to (src/model/jboss-cli-configuration.ts): judged as in standalone.xml.
      name: 'an expired store a jboss-cli script gives the HTTPS listener: checked, the script line named',
      files: {
        'api/Dockerfile': [
          'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17',
          'ADD ["cert/server-self-expired.p12", "/opt/certs/api.p12"]',
          'COPY configure.cli /tmp/',
          'RUN /opt/jboss/wildfly/bin/jboss-cli.sh --file=/tmp/configure.cli',
          '',
        ].join('\n'),
        'api/configure.cli': [
          'embed-server',
          '/subsystem=elytron/key-store=apiKS:add(path=/opt/certs/api.p12, type=PKCS12, credential-reference={clear-text=${env.KEY_PASSWORD}})',
          '/subsystem=elytron/key-manager=apiKM:add(key-store=apiKS, credential-reference={clear-text=${env.KEY_PASSWORD}})',
          '/subsystem=elytron/server-ssl-context=apiSSC:add(key-manager=apiKM, protocols=["TLSv1.2"])',
          '/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=apiSSC)',
          '',
        ].join('\n'),
        'api/cert/server-self-expired.p12': copiedTomcatStore()['api/cert/server-self-expired.p12'],
      },
      errors: expiredCopied({ file: 'api/configure.cli', line: 2 }, 2),
    },
    {
      // robertolabarca/docker-tomcat-https@8699f6f (no licence file): the dockerfile ADDs files/server.xml to
      // /usr/local/tomcat/conf/server.xml and cert/tomcat.keystore to /usr/local/tomcat/ssl/, where the connector's
      // keystoreFile="ssl/tomcat.keystore" (relative to CATALINA_BASE) names it: the store is the tree's, not unknown.
      name: 'an expired store a Dockerfile copies to the path the copied server.xml names: checked, the COPY named',
      files: copiedTomcatStore(),
      errors: expiredCopied({ file: 'api/files/server.xml', line: 4 }, 3),
    },
    {
      // Docker leaves out of the build context what .dockerignore names (moby/patternmatcher: a pattern matching a
      // parent directory too; docs.docker.com/build/concepts/context/#dockerignore-files): the ADD takes nothing (the
      // build fails), so the image holds no store at ssl/api.p12 and the tree's expired one is not the connector's.
      name: 'the same ADD of a store the .dockerignore leaves out of the build context: not the copied file',
      files: { ...copiedTomcatStore(), 'api/.dockerignore': '# keys stay out of images\n/cert/\n' },
      errors: [
        {
          messageId: 'expiredUnnamed',
          file: 'api/cert/server-self-expired.p12',
          line: 1,
          severity: 'info',
          related: [{ file: 'api/.dockerignore', line: 2 }],
        },
      ],
    },
    {
      // credemol/websocket-https-nginx-springboot@d901498: nginx serves ssl/certs/nginx-selfsigned.crt (self-signed,
      // expired 2019) with its key in ssl/private, the Debian /etc/ssl layout; only browsers connect. The certificate an
      // nginx server names as its own is its identity wherever its key lies: a warning as for a key store's own entry.
      name: 'an expired self-signed certificate nginx serves, its key in another directory: a warning',
      files: {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/nginx-selfsigned.crt;\n    ssl_certificate_key /etc/nginx/private/nginx-selfsigned.key;\n  }\n}\n',
        'ssl/certs/nginx-selfsigned.crt': cert('weak-rsa1024.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredSelfSigned', file: 'ssl/certs/nginx-selfsigned.crt', line: 1, severity: 'warning' },
      ],
    },
    {
      // nlinhvu/spring-boot-ssl-demo-2024@04a9d63 (no licence file): the server's PEM SSL bundle trusts client.crt
      // (self-signed, expired 2025-04-10, its key not in the tree) and requires a client certificate. JSSE takes a
      // certificate that is itself in its trust store without checking its dates: JDK 17.0.15, trusting only that
      // expired certificate, completed the handshake both as server (client auth need, openssl s_client presenting it)
      // and as client; openssl s_client -CAfile with it answers "certificate has expired". It was an error.
      name: 'an expired certificate only a Spring (JSSE) trust store names: info, its handshakes succeed',
      files: mtlsBundles([]),
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredTrustedOnly',
          file: 'client/certs/client.crt',
          line: 1,
          severity: 'info',
          related: [{ file: 'src/main/resources/application.yml', line: 10 }],
        },
      ],
    },
    {
      // sandipchitale/mtls-with-sslbundles@9a2b4f5 (no licence file): a second bundle, handed over by no setting (the app's
      // code may take it), holds the same certificate as its key store. Whether it presents it is unknown; the only
      // verifier the tree shows trusts it directly (JSSE, dates unchecked): still an info, not a self-signed warning.
      name: 'the same, also the key store of a bundle of unknown use: still info',
      files: mtlsBundles([
        '        client:',
        '          keystore:',
        '            certificate: client/certs/client.crt',
        '            private-key: client/certs/client.key',
      ]),
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredTrustedOnly',
          file: 'client/certs/client.crt',
          line: 1,
          severity: 'info',
          related: [
            { file: 'src/main/resources/application.yml', line: 10 },
            { file: 'src/main/resources/application.yml', line: 13 },
          ],
        },
      ],
    },
    {
      // OpenSSL checks the dates of the certificates it trusts (verify error 10, "certificate has expired").
      name: 'the same expired certificate named by nginx ssl_client_certificate: OpenSSL checks its dates, an error',
      files: {
        'api/nginx.conf':
          'http {\n  server {\n    listen 8443 ssl;\n    ssl_certificate /etc/nginx/ssl/server.crt;\n    ssl_verify_client on;\n    ssl_client_certificate /etc/nginx/ssl/client.crt;\n  }\n}\n',
        'api/ssl/client.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredOnlyAnchors', file: 'api/ssl/client.crt', line: 1, severity: 'error' }],
    },
    {
      // vincetuwei/HAProxy-Mutual-TLS-Authentication's ca.pem: two CAs, both expired, one file nginx verifies against.
      // One file, one fix (replace the bundle): one finding at its first certificate, the other (and its copy) related.
      name: 'every certificate of the CA file nginx verifies against expired: one error for the file, the others related',
      files: {
        'api/nginx.conf': NGINX_VERIFYING_CLIENTS,
        'api/ssl/ca.crt': cert('ourca.crt') + cert('qmprod1.crt'),
        'api/ssl/prod.crt': cert('qmprod1.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredOnlyAnchors',
          file: 'api/ssl/ca.crt',
          line: 1,
          severity: 'error',
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'api/ssl/ca.crt', line: 22 },
            { file: 'api/ssl/prod.crt', line: 1 },
          ],
        },
      ],
    },
    {
      // deskoh/docker-nginx-mtls@1b83809 (no licence file): clientCA.crt expired, nginx verifies clients against it
      // alone. OpenSSL checks the anchor's dates (error 10 at the CA): every client certificate gets 400
      // (test/interop/expired-anchor.test.ts runs the real nginx).
      name: 'an expired CA that is all of the file nginx verifies client certificates against: an error',
      files: {
        'api/nginx.conf': NGINX_VERIFYING_CLIENTS,
        'api/ssl/ca.crt': cert('ourca.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredOnlyAnchors',
          file: 'api/ssl/ca.crt',
          line: 1,
          severity: 'error',
          messageIncludes: ['the CA file nginx server', 'verifies peer certificates against', '400'],
          related: [
            { file: 'api/nginx.conf', line: 6 },
            { file: 'api/nginx.conf', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'the same CA file with ssl_verify_client off: nothing verifies against it (a warning, as any unlinked CA)',
      files: {
        'api/nginx.conf':
          'http {\n  server {\n    listen 8443 ssl;\n    ssl_certificate /etc/nginx/ssl/server.crt;\n    ssl_verify_client off;\n    ssl_client_certificate /etc/nginx/ssl/ca.crt;\n  }\n}\n',
        'api/ssl/ca.crt': cert('ourca.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnlinkedCa', file: 'api/ssl/ca.crt', line: 1, severity: 'warning' }],
    },
    {
      // CrowdSalat/boilerplate@fad7d32 (MIT): server.crt has its CA's DN (every `openssl req` prompt left at its
      // default) and was judged self-signed, a warning saying JSSE peers trusting it directly still connect. Its CA
      // signed it (openssl verify -CAfile ca.pem: "certificate has expired" at depth 0): peers trusting the CA reject it.
      name: 'an expired leaf nginx serves, with the DN of the CA that signed it: not self-signed, an error',
      files: {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/server.crt;\n    ssl_certificate_key /etc/nginx/private/server.key;\n  }\n}\n',
        'ssl/certs/server.crt': certFile('samedn-leaf.crt'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expired', file: 'ssl/certs/server.crt', line: 1, severity: 'error' }],
    },
    {
      name: 'the same expired certificate, the client trusting another CA: the handshake checks its dates',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-self-expired.p12') },
      errors: [{ messageId: 'expired', file: 'api/conf/server-self-expired.p12', line: 1, severity: 'error' }],
    },
  ],
});

// Kafka ends (Deployment.unlinkedEnds): the stores a Spring Boot Kafka client's or a Confluent broker's settings name are
// in use though no link is made for them. vx5va/spring-boot-kafka-ssl@23f92f5d6232 (no licence file) named its expired
// app.keystore.jks (spring.kafka.producer.ssl.key-store-location) and kafka.server.keystore.jks (cp-kafka
// KAFKA_SSL_KEYSTORE_FILENAME under /etc/kafka/secrets), yet both were told "no setting names it".
// generated/key.jks (test/fixtures/keystores): alias 'server', a leaf valid until 2046-11-25 and its CA (2036).
const kafkaKey = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const springKafka = (settings: string) => ({
  'app/src/main/resources/application.properties': `spring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
  'app/src/main/resources/kafka/key.jks': kafkaKey,
});
const confluentBroker = (listeners: string) => ({
  'docker-compose.yml': [
    'services:',
    '  broker:',
    '    image: confluentinc/cp-kafka:7.3.0',
    '    environment:',
    `      KAFKA_ADVERTISED_LISTENERS: ${listeners}`,
    '      KAFKA_SSL_KEYSTORE_FILENAME: kafka.keystore.jks',
    '      KAFKA_SSL_KEYSTORE_CREDENTIALS: credentials.txt',
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '',
  ].join('\n'),
  'secrets/kafka.keystore.jks': kafkaKey,
});
/** A broker service of `image` with these environment lines (map or list form) and ./secrets on /etc/kafka/secrets. */
const brokerWithSecrets = (image: string, environment: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  broker:',
    `    image: ${image}`,
    '    environment:',
    ...environment.map((line) => `      ${line}`),
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '',
  ].join('\n'),
  'secrets/kafka.keystore.jks': kafkaKey,
});
/** The two expired certificates of the broker's key store, named by the Compose line that names the store. */
const inBrokerKey = (line: number) =>
  [0].map(() => ({
    messageId: 'expired',
    file: 'secrets/kafka.keystore.jks',
    line: 1,
    severity: 'error' as const,
    related: [
      { file: 'docker-compose.yml', line },
      { file: 'secrets/kafka.keystore.jks', line: 1 },
    ],
  }));
/** key.jks's leaf, naming the root above it, expired too; a root above a leaf not yet valid is judged on its own. */
const inKafkaKey = (
  messageId: string,
  severity: 'error' | 'warning' | 'info',
  related?: { file: string; line: number }[],
) => {
  const file = 'app/src/main/resources/kafka/key.jks';
  if (messageId.startsWith('notYetValid'))
    return [0, 1].map(() => ({ messageId, file, line: 1, severity, ...(related ? { related } : {}) }));
  return [{ messageId, file, line: 1, severity, ...(related ? { related: [...related, { file, line: 1 }] } : {}) }];
};
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a Spring Boot Kafka client key store (spring.kafka.ssl.*, security.protocol SSL): named, a warning (no broker in the tree shows whether it asks for client certificates)',
      files: springKafka(
        'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.key-store-location=classpath:kafka/key.jks\nspring.kafka.ssl.key-store-password=Pk12-planted-Zq9\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredClientKeyStoreUnasked', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 3 },
      ]),
    },
    {
      name: "a consumer's own pass-through properties (spring.kafka.consumer.properties.ssl.keystore.location): its key store (a warning)",
      files: springKafka(
        'spring.kafka.security.protocol=PLAINTEXT\nspring.kafka.consumer.properties.security.protocol=SASL_SSL\nspring.kafka.consumer.properties.ssl.keystore.location=classpath:kafka/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredClientKeyStoreUnasked', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
      ]),
    },
    {
      // Spring Boot 3.2+: spring.kafka.ssl.bundle makes the clients' SSLEngine from the bundle (SslBundleSslEngineFactory).
      name: "a Kafka client's SSL bundle (spring.kafka.ssl.bundle): the bundle's key store is the client's (a warning)",
      files: springKafka(
        'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.bundle=kafka\nspring.ssl.bundle.jks.kafka.keystore.location=classpath:kafka/key.jks\nspring.ssl.bundle.jks.kafka.keystore.password=Pk12-planted-Zq9\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredClientKeyStoreUnasked', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
      ]),
    },
    {
      name: "a producer's own bundle (spring.kafka.producer.ssl.bundle): its key store is named (a warning)",
      files: springKafka(
        'spring.kafka.security.protocol=SSL\nspring.kafka.producer.ssl.bundle=kafka\nspring.ssl.bundle.jks.kafka.keystore.location=classpath:kafka/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredClientKeyStoreUnasked', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
      ]),
    },
    {
      // Which files a bundle the tree does not define reads is unknown: its client names no store. The bundle the tree
      // does define is handed to nothing the tree shows: the app's code may take it by name (a warning).
      name: 'a Kafka client bundle the tree does not define: the defined one is of unknown use (a warning)',
      files: springKafka(
        'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.bundle=elsewhere\nspring.ssl.bundle.jks.kafka.keystore.location=classpath:kafka/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredUseUnknown', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
      ]),
    },
    {
      // Spring Boot v3.1.0's KafkaProperties.Ssl has no bundle (knowledge spring-boot.json): the setting is ignored and
      // the client reads its store settings.
      name: "Spring Boot 3.1.5 (the project's pom): spring.kafka.ssl.bundle is ignored, the key store setting is read (a warning)",
      files: {
        ...springKafka(
          'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.bundle=kafka\nspring.kafka.ssl.key-store-location=classpath:kafka/key.jks\nspring.ssl.bundle.jks.kafka.keystore.location=classpath:kafka/other.jks\n',
        ),
        'app/pom.xml':
          '<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.1.5</version>\n  </parent>\n</project>\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredClientKeyStoreUnasked', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
        { file: 'app/pom.xml', line: 5 },
      ]),
    },
    {
      // trodix/ssl-bundle-manager@1ec3356 (no licence file): spring.ssl.bundle.jks.mykeystore1.* and no consumer setting.
      name: 'an SSL bundle no setting hands over: its key store is named, its use unknown (a warning, not an error)',
      files: springKafka('spring.ssl.bundle.jks.mine.keystore.location=classpath:kafka/key.jks\n'),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredUseUnknown', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 2 },
      ]),
    },
    {
      // Spring Boot 3.1+: spring.data.redis.ssl.bundle hands the bundle to the Redis client (not modelled): it is used.
      name: 'an SSL bundle a starter the model does not read takes (spring.data.redis.ssl.bundle): in use, an error',
      files: springKafka(
        'spring.data.redis.ssl.bundle=mine\nspring.ssl.bundle.jks.mine.keystore.location=classpath:kafka/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expired', 'error', [{ file: 'app/src/main/resources/application.properties', line: 3 }]),
    },
    {
      name: 'an SSL bundle handed to a starter whose TLS is switched off (spring.data.redis.ssl.enabled=false): use unknown',
      files: springKafka(
        'spring.data.redis.ssl.bundle=mine\nspring.data.redis.ssl.enabled=false\nspring.ssl.bundle.jks.mine.keystore.location=classpath:kafka/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaKey('expiredUseUnknown', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 4 },
      ]),
    },
    {
      name: 'not yet valid, in an SSL bundle no setting hands over: a warning',
      files: springKafka('spring.ssl.bundle.jks.mine.keystore.location=classpath:kafka/key.jks\n'),
      options: { referenceDate: '2001-01-01' },
      errors: inKafkaKey('notYetValidUseUnknown', 'warning', [
        { file: 'app/src/main/resources/application.properties', line: 2 },
      ]),
    },
    {
      // Kafka's security.protocol defaults to PLAINTEXT: its ssl.* settings are not read, the store stays unnamed.
      name: 'a Kafka key store without security.protocol SSL: not read by Kafka, named by nothing (an info)',
      files: springKafka('spring.kafka.ssl.key-store-location=classpath:kafka/key.jks\n'),
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredUnnamedBundle', file: 'app/src/main/resources/kafka/key.jks', line: 1, severity: 'info' },
      ],
    },
    {
      name: 'a Confluent broker key store: /etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_FILENAME, mounted from the tree: an error',
      files: confluentBroker('PLAINTEXT://broker:9092,SSL://broker:9093'),
      options: { referenceDate: '2047-01-01' },
      errors: inBrokerKey(6),
    },
    {
      // Lightstreamer/Lightstreamer-kafka-connector@c6cf311 (Apache-2.0) runs apache/kafka with CLIENT_SSL:SSL listeners.
      name: 'an apache/kafka broker, list-form environment, listener names mapped to SSL: its key store named, an error',
      files: {
        ...brokerWithSecrets('apache/kafka:3.8.0', [
          '- KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CLIENT_SSL:SSL,PLAINTEXT:PLAINTEXT',
          '- KAFKA_ADVERTISED_LISTENERS=CLIENT_SSL://broker:29094,PLAINTEXT://broker:29092',
          '- KAFKA_SSL_KEYSTORE_FILENAME=kafka.keystore.jks',
        ]),
      },
      options: { referenceDate: '2047-01-01' },
      errors: inBrokerKey(7),
    },
    {
      // The image writes KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE_LOCATION as listener.name.internal.ssl.keystore.location,
      // which the INTERNAL listener reads before ssl.keystore.location (ChannelBuilders.channelBuilderConfigs).
      name: "a Confluent broker listener's own key store (KAFKA_LISTENER_NAME_<L>_SSL_KEYSTORE_LOCATION): an error",
      files: {
        ...brokerWithSecrets('confluentinc/cp-server:7.6.0', [
          'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:SSL,CLEAR:PLAINTEXT',
          'KAFKA_ADVERTISED_LISTENERS: INTERNAL://broker:9093,CLEAR://broker:9092',
          'KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/kafka.keystore.jks',
        ]),
      },
      options: { referenceDate: '2047-01-01' },
      errors: inBrokerKey(7),
    },
    {
      // ttt9912/spring-kafka@efde190 (no licence file): KAFKA_SSL_KEYSTORE_FILENAME '/certs/kafka.server.keystore.jks' makes
      // /etc/kafka/secrets//certs/…, the file ./certs mounted on /etc/kafka/secrets/certs puts there.
      name: 'a Confluent broker FILENAME with a leading slash: the same path to the script, its store named (an error)',
      files: {
        ...confluentBroker('SSL://broker:9093'),
        'docker-compose.yml': [
          'services:',
          '  broker:',
          '    image: confluentinc/cp-kafka:latest',
          '    environment:',
          '      KAFKA_ADVERTISED_LISTENERS: SSL://broker:9093',
          "      KAFKA_SSL_KEYSTORE_FILENAME: '/certs/kafka.keystore.jks'",
          '    volumes:',
          '      - ./secrets/:/etc/kafka/secrets/certs',
          '',
        ].join('\n'),
      },
      options: { referenceDate: '2047-01-01' },
      errors: inBrokerKey(6),
    },
    {
      // wendeburg/against-all@37150f861396 (no licence file): cp-kafka reads the store password from
      // /etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_CREDENTIALS (./secrets mounted there); its PKCS#12 store stayed locked.
      name: 'a Confluent broker PKCS#12 store opened with the password of its KAFKA_SSL_KEYSTORE_CREDENTIALS file (errors)',
      files: {
        'docker-compose.yml': [
          'services:',
          '  broker:',
          '    image: confluentinc/cp-kafka:7.6.0',
          '    environment:',
          '      KAFKA_ADVERTISED_LISTENERS: SSL://broker:9093',
          '      KAFKA_SSL_KEYSTORE_FILENAME: kafka.keystore.p12',
          '      KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore_creds',
          '    volumes:',
          '      - ./secrets:/etc/kafka/secrets',
          '',
        ].join('\n'),
        'secrets/kafka.keystore.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
        ),
        // Written on Windows (joelbrinkley/NetStreams@7e618f51c3e7, MIT): Kafka's Properties still reads the first line.
        'secrets/keystore_creds': 'Pk12-planted-Zq9\r\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [0].map(() => ({
        messageId: 'expired',
        file: 'secrets/kafka.keystore.p12',
        line: 1,
        severity: 'error' as const,
        related: [
          { file: 'secrets/keystore_creds', line: 1 },
          { file: 'docker-compose.yml', line: 6 },
          { file: 'secrets/kafka.keystore.p12', line: 1 },
        ],
      })),
    },
    {
      // Compose keeps the last value of a name given twice (compose-go), and Kafka reads the credentials file's line as
      // java.util.Properties does: `Pk12\-planted-Zq9` is Pk12-planted-Zq9. Before, the first value named the file, and
      // the backslash was kept: the store stayed locked.
      name: 'a Confluent broker whose CREDENTIALS variable is given twice (the last wins), its password escaped: opened',
      files: {
        'docker-compose.yml': [
          'services:',
          '  broker:',
          '    image: confluentinc/cp-kafka:7.6.0',
          '    environment:',
          '      - KAFKA_ADVERTISED_LISTENERS=SSL://broker:9093',
          '      - KAFKA_SSL_KEYSTORE_FILENAME=kafka.keystore.p12',
          '      - KAFKA_SSL_KEYSTORE_CREDENTIALS=old_creds',
          '      - KAFKA_SSL_KEYSTORE_CREDENTIALS=keystore_creds',
          '    volumes:',
          '      - ./secrets:/etc/kafka/secrets',
          '',
        ].join('\n'),
        'secrets/kafka.keystore.p12': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
        ),
        'secrets/old_creds': 'not-the-password\n',
        'secrets/keystore_creds': 'Pk12\\-planted-Zq9\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [0].map(() => ({
        messageId: 'expired',
        file: 'secrets/kafka.keystore.p12',
        line: 1,
        severity: 'error' as const,
        related: [
          { file: 'secrets/keystore_creds', line: 1 },
          { file: 'docker-compose.yml', line: 6 },
          { file: 'secrets/kafka.keystore.p12', line: 1 },
        ],
      })),
    },
    {
      // The image's configure script reads the *_FILENAME variables only when KAFKA_ADVERTISED_LISTENERS holds SSL://.
      name: 'a Confluent broker with plaintext listeners only: its keystore variables name nothing (an info)',
      files: confluentBroker('PLAINTEXT://broker:9092'),
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'secrets/kafka.keystore.jks', line: 1, severity: 'info' }],
    },
  ],
});

// Kafka's own properties files (model/kafka-properties.ts): a client's --command-config or a broker's server.properties.
// A relative location is read from the directory Kafka starts in, taken as the file's; an absolute one names a tree file
// only through a Compose mount of the service that mounts the properties file (dilipsundarraj1/kafka-cluster-ssl@9d4be20:
// ./properties and ./secrets both mounted into the broker container).
const kafkaFile = (name: string, text: string) => ({ [name]: text, 'secrets/key.jks': kafkaKey });
/**
 * key.jks's certificates naming the setting at `file`:`line`: its leaf, naming the expired root above it, which is said
 * there; a store that may be named (`expiredPerhapsNamed`) is judged before the chain, each certificate on its own.
 */
const inKafkaStore = (
  file: string,
  line: number,
  messageId: string,
  severity: 'error' | 'warning' | 'info',
  more: { file: string; line: number }[] = [],
) =>
  messageId === 'expiredPerhapsNamed'
    ? [0, 1].map(() => ({ messageId, file: 'secrets/key.jks', line: 1, severity, related: [{ file, line }, ...more] }))
    : [
        {
          messageId,
          file: 'secrets/key.jks',
          line: 1,
          severity,
          related: [{ file, line }, ...more, { file: 'secrets/key.jks', line: 1 }],
        },
      ];
const inKafkaFileKey = (file: string, line: number) => inKafkaStore(file, line, 'expired', 'error');
/** A Compose broker advertised as kafka:9093 that asks its clients for no certificate (KAFKA_SSL_CLIENT_AUTH none, line 6). */
const brokerAsksNone = {
  'docker-compose.yml':
    'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9093\n      KAFKA_SSL_CLIENT_AUTH: none\n',
};
/** key.jks as a Kafka client's key store, no broker of the tree shown to ask for client certificates (a warning). */
const inKafkaClientKey = (file: string, line: number) =>
  inKafkaStore(file, line, 'expiredClientKeyStoreUnasked', 'warning');
/**
 * key.jks named only as a trust store: JSSE trusts its key entry's certificate without checking its dates, and no one
 * sends the rest of the entry's chain (an info each, naming the client that reads the store).
 */
const inKafkaTrustStore = (file: string, line: number) => inKafkaStore(file, line, 'expiredTrustedOnly', 'info');
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // gregclinker/kafka-mtls-example@8464e3e ssl.properties: `--command-config ssl.properties` run beside secrets/.
      name: "a Kafka client's properties file, a location relative to it: the store beside it is the client's (a warning: no broker in the tree)",
      files: kafkaFile(
        'ssl.properties',
        'bootstrap.servers=localhost:29092\nsecurity.protocol=SSL\nssl.keystore.location=secrets/key.jks\nssl.keystore.password=Pk12-planted-Zq9\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaClientKey('ssl.properties', 3),
    },
    {
      // The broker its bootstrap servers name sends no CertificateRequest (KAFKA_SSL_CLIENT_AUTH none): the client's
      // certificate is never sent (expired-client-key-store.test.ts has the other cases).
      name: "a Kafka client's key store, the broker it reaches asks no client certificate (an info)",
      files: {
        ...kafkaFile(
          'ssl.properties',
          'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.keystore.location=secrets/key.jks\n',
        ),
        ...brokerAsksNone,
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaStore('ssl.properties', 3, 'expiredClientKeyStoreNeverSent', 'info', [
        { file: 'docker-compose.yml', line: 6 },
      ]),
    },
    {
      name: "a broker's server.properties with an SSL listener, its store at an absolute path Compose mounts (an error)",
      files: {
        ...kafkaFile(
          'config/server.properties',
          'broker.id=1\nlisteners=PLAINTEXT://:9092,SSL://:9093\nssl.keystore.location=/etc/kafka/secrets/key.jks\n',
        ),
        'docker-compose.yml':
          'services:\n  kafka:\n    image: apache/kafka:3.8.0\n    volumes:\n      - ./config/server.properties:/opt/kafka/config/server.properties\n      - ./secrets:/etc/kafka/secrets\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaStore('config/server.properties', 3, 'expired', 'error', [
        { file: 'docker-compose.yml', line: 6 },
      ]),
    },
    {
      // bjarteb/vagrant-kafka-ssl@afb35ea client-ssl.properties names /var/private/ssl/client.keystore.jks, a path of the
      // machine it runs on. No mount fills it, so it is no tree file; a tree store of its name may be the one deployed
      // there, or not (derive: an unresolved reference matched by file name): a warning, not an error.
      name: 'an absolute location no mount of the tree fills: a tree store of its name may be it (warnings)',
      files: kafkaFile(
        'client-ssl.properties',
        'security.protocol=SSL\nssl.keystore.location=/var/private/ssl/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaStore('client-ssl.properties', 2, 'expiredPerhapsNamed', 'warning'),
    },
    {
      // A listener reads listener.name.<listener>.ssl.* before ssl.* (ChannelBuilders.channelBuilderConfigs, apache/kafka
      // 3.8.0); the form Kafka's docs give for an INTERNAL listener with a keystore of its own.
      name: "a broker listener's own store (listener.name.internal.ssl.keystore.location): the listener's (an error)",
      files: kafkaFile(
        'server.properties',
        'broker.id=1\nlisteners=INTERNAL://:9093,CLIENT://:9092\nlistener.security.protocol.map=INTERNAL:SSL,CLIENT:PLAINTEXT\nlistener.name.internal.ssl.keystore.location=secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaFileKey('server.properties', 4),
    },
    {
      // Kafka lower-cases the listener's name for the prefix (ListenerName.configPrefix): listener.name.INTERNAL.* is not
      // read, nor is a PLAINTEXT listener's; neither names the store.
      name: "a listener prefix in upper case, a plaintext listener's prefix: not read (infos)",
      files: {
        ...kafkaFile(
          'server.properties',
          'broker.id=1\nlisteners=INTERNAL://:9093,CLIENT://:9092\nlistener.security.protocol.map=INTERNAL:SSL,CLIENT:PLAINTEXT\nlistener.name.INTERNAL.ssl.keystore.location=secrets/key.jks\nlistener.name.client.ssl.keystore.location=secrets/key.jks\n',
        ),
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'secrets/key.jks', line: 1, severity: 'info' }],
    },
    {
      // A Connect worker's source tasks' producers read only producer.* (apache/kafka 3.8.0 Worker.baseProducerConfigs).
      name: "a Connect worker's producer store (producer.ssl.keystore.location): the producers' (a warning)",
      files: kafkaFile(
        'connect-distributed.properties',
        'bootstrap.servers=kafka:9093\nconfig.storage.topic=connect-configs\nproducer.security.protocol=SSL\nproducer.ssl.keystore.location=secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaClientKey('connect-distributed.properties', 4),
    },
    {
      // MirrorMaker 2 gives a cluster's clients its <alias>.* settings over the top-level ones (MirrorMakerConfig.clusterProps).
      name: "a MirrorMaker 2 cluster's trust store (primary.ssl.truststore.location): the cluster's clients'",
      files: kafkaFile(
        'connect-mirror-maker.properties',
        'clusters = primary, backup\nprimary.bootstrap.servers = kafka:9093\nprimary.security.protocol = SSL\nprimary.ssl.truststore.location = secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaTrustStore('connect-mirror-maker.properties', 4),
    },
    {
      // A cluster's producers read <alias>.producer.* first (MirrorClientConfig.clientConfig, valuesWithPrefixOverride).
      name: "a MirrorMaker 2 cluster's producers' own store (primary.producer.ssl.keystore.location): a warning",
      files: kafkaFile(
        'connect-mirror-maker.properties',
        'clusters = primary, backup\nprimary.bootstrap.servers = kafka:9093\nprimary.security.protocol = SSL\nprimary.producer.ssl.keystore.location = secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaClientKey('connect-mirror-maker.properties', 4),
    },
    {
      // cp-kafka-connect writes each CONNECT_* variable into the worker's properties (confluentinc/kafka-images@f8e3015
      // kafka-connect-base kafka-connect.properties.template).
      name: "a Compose Connect worker's consumer trust store (CONNECT_CONSUMER_SSL_TRUSTSTORE_LOCATION, mounted): the consumers'",
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          'services:\n  connect:\n    image: confluentinc/cp-kafka-connect:7.6.0\n    volumes:\n      - ./secrets:/etc/kafka/secrets\n    environment:\n      CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL\n      CONNECT_CONSUMER_SSL_TRUSTSTORE_LOCATION: /etc/kafka/secrets/key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaTrustStore('docker-compose.yml', 8),
    },
    {
      // Dabz/kafka-security-playbook@24ee035 (no licence file) kafka-connect-mtls: the worker's REST API listens on
      // https://0.0.0.0:18083 and reads listeners.https.ssl.* (https://kafka.apache.org/documentation/#connect_rest); its
      // expired server.keystore was an info saying no setting names it.
      name: "a Compose Connect worker's REST listener store (CONNECT_LISTENERS_HTTPS_SSL_KEYSTORE_LOCATION): an error",
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          "services:\n  connect:\n    image: confluentinc/cp-kafka-connect:5.3.1\n    volumes:\n      - ./secrets:/etc/kafka-connect/secrets\n    environment:\n      CONNECT_LISTENERS: 'https://0.0.0.0:18083'\n      CONNECT_LISTENERS_HTTPS_SSL_KEYSTORE_LOCATION: /etc/kafka-connect/secrets/key.jks\n      CONNECT_LISTENERS_HTTPS_SSL_CLIENT_AUTH: required\n",
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaFileKey('docker-compose.yml', 8),
    },
    {
      // cp-schema-registry writes each SCHEMA_REGISTRY_* variable into schema-registry.properties
      // (confluentinc/schema-registry-images@f56e9d7); its store's Kafka client reads kafkastore.ssl.* once
      // kafkastore.security.protocol is SSL. jforge/kafka-ssl-compose (sweep53): the expired store was an info.
      name: "a Compose Schema Registry's Kafka store client key store (SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_LOCATION): a warning",
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          'services:\n  schema-registry:\n    image: confluentinc/cp-schema-registry:7.6.1\n    volumes:\n      - ./secrets:/etc/schema-registry/secrets\n    environment:\n      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL: SSL\n      SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_LOCATION: /etc/schema-registry/secrets/key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaClientKey('docker-compose.yml', 8),
    },
    {
      // Its REST API over HTTPS (listeners with https://) reads the unprefixed ssl.keystore.location.
      name: "a Compose Schema Registry's REST listener key store (SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION): an error",
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          "services:\n  schema-registry:\n    image: confluentinc/cp-schema-registry:7.6.1\n    volumes:\n      - ./secrets:/etc/schema-registry/secrets\n    environment:\n      SCHEMA_REGISTRY_LISTENERS: 'https://0.0.0.0:8181'\n      SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION: /etc/schema-registry/secrets/key.jks\n",
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaFileKey('docker-compose.yml', 8),
    },
    {
      // Without kafkastore.security.protocol SSL the store's client reads no kafkastore.ssl.* (a Kafka client's rule).
      name: "a Compose Schema Registry's kafkastore key store with a PLAINTEXT store client: named by nothing (an info)",
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          'services:\n  schema-registry:\n    image: confluentinc/cp-schema-registry:7.6.1\n    volumes:\n      - ./secrets:/etc/schema-registry/secrets\n    environment:\n      SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_LOCATION: /etc/schema-registry/secrets/key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'secrets/key.jks', line: 1, severity: 'info' }],
    },
    {
      // No listeners.https.* setting: the REST server reads the worker's own ssl.* (the Kafka documentation, as above).
      name: "a Connect worker's REST listener on the worker's own ssl.keystore.location: an error",
      files: kafkaFile(
        'connect-distributed.properties',
        'config.storage.topic=connect-configs\nlisteners=http://:8083,https://:8443\nssl.keystore.location=secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaFileKey('connect-distributed.properties', 3),
    },
    {
      // Any listeners.https.* setting: only the prefixed ones are read, so the worker's own store serves no REST listener.
      name: "a Connect worker's own ssl.keystore.location beside listeners.https.* settings: not the REST listener's (an info)",
      files: kafkaFile(
        'connect-distributed.properties',
        'config.storage.topic=connect-configs\nlisteners=https://:8443\nlisteners.https.ssl.client.auth=required\nssl.keystore.location=secrets/key.jks\n',
      ),
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'secrets/key.jks', line: 1, severity: 'info' }],
    },
    {
      // wurstmeister/kafka writes KAFKA_SSL_KEYSTORE_LOCATION into server.properties as ssl.keystore.location
      // (wurstmeister/kafka-docker@4811383 start-kafka.sh), the path as written.
      name: 'a wurstmeister/kafka broker whose KAFKA_SSL_KEYSTORE_LOCATION a mount fills: an error',
      files: {
        'secrets/key.jks': kafkaKey,
        'docker-compose.yml':
          "services:\n  kafka1:\n    image: wurstmeister/kafka\n    volumes:\n      - ./secrets:/certs\n    environment:\n      KAFKA_LISTENERS: 'PLAINTEXT://:9092,SSL://:9093'\n      KAFKA_SSL_KEYSTORE_LOCATION: '/certs/key.jks'\n",
      },
      options: { referenceDate: '2047-01-01' },
      errors: inKafkaFileKey('docker-compose.yml', 8),
    },
    {
      // Kafka's security.protocol defaults to PLAINTEXT, and a broker with plaintext listeners opens no store.
      name: 'a client without security.protocol SSL, a broker with plaintext listeners: their stores are not read (infos)',
      files: {
        ...kafkaFile('client.properties', 'bootstrap.servers=kafka:9092\nssl.keystore.location=secrets/key.jks\n'),
        'server.properties': 'node.id=1\nlisteners=PLAINTEXT://:9092\nssl.keystore.location=secrets/key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'secrets/key.jks', line: 1, severity: 'info' }],
    },
  ],
});

// Bitnami's image (model/kafka-bitnami.ts): its setup names /opt/bitnami/kafka/config/certs/kafka.keystore.jks and
// kafka.truststore.jks when a listener is SSL or SASL_SSL (bitnami/containers@8a4e722 bitnami/kafka/3.7 libkafka.sh
// kafka_configure_ssl), whatever KAFKA_CFG_SSL_KEYSTORE_LOCATION says. segmentio/topicctl@9c1f75c (MIT)
// docker-compose-auth.yml mounts examples/auth/certs over that directory.
const bitnamiBroker = (environment: string[], volumes: string[], more: Record<string, string | Buffer> = {}) => ({
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    '    image: bitnamilegacy/kafka:3.7',
    '    environment:',
    ...environment.map((e) => `      ${e}`),
    '    volumes:',
    ...volumes.map((v) => `      - ${v}`),
    '',
  ].join('\n'),
  'certs/kafka.keystore.jks': kafkaKey,
  ...more,
});
const inBitnamiKey = (line: number, file = 'certs/kafka.keystore.jks') =>
  [0].map(() => ({
    messageId: 'expired',
    file,
    line: 1,
    severity: 'error' as const,
    related: [
      { file: 'docker-compose.yml', line },
      { file: file, line: 1 },
    ],
  }));
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a Bitnami broker with an SSL listener, its certs directory mounted from the tree: the key store is named (errors)',
      files: bitnamiBroker(
        [
          'KAFKA_CFG_LISTENERS: "PLAINTEXT://:9092,SSL://:9093"',
          'KAFKA_CFG_SSL_KEYSTORE_LOCATION: /somewhere/else.jks',
        ],
        ['./certs:/opt/bitnami/kafka/config/certs'],
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inBitnamiKey(8),
    },
    {
      // KAFKA_MOUNTED_CONF_DIR (/bitnami/kafka/config) is copied over KAFKA_CONF_DIR at start (kafka_initialize).
      name: 'a Bitnami broker, listener mapped to SASL_SSL, its store mounted under /bitnami/kafka/config/certs (errors)',
      files: bitnamiBroker(
        [
          'KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP: CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT',
          'KAFKA_CFG_LISTENERS: CLIENT://:9092,CONTROLLER://:9093',
        ],
        ['./certs/kafka.keystore.jks:/bitnami/kafka/config/certs/kafka.keystore.jks:ro'],
      ),
      options: { referenceDate: '2047-01-01' },
      errors: inBitnamiKey(8),
    },
    {
      // kafka_configure_ssl opens both stores with KAFKA_CERTIFICATE_PASSWORD (parse/keystore/bitnami-credentials.ts): a
      // PKCS#12 store (keytool's default since JDK 9, whatever its .jks name) is opened with it. Before, it stayed locked.
      name: 'a Bitnami broker PKCS#12 store opened with KAFKA_CERTIFICATE_PASSWORD (errors)',
      files: bitnamiBroker(
        ['KAFKA_CFG_LISTENERS: SSL://:9093', 'KAFKA_CERTIFICATE_PASSWORD: Pk12-planted-Zq9'],
        ['./certs:/opt/bitnami/kafka/config/certs'],
        {
          'certs/kafka.keystore.jks': fs.readFileSync(
            path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
          ),
        },
      ),
      options: { referenceDate: '2047-01-01' },
      errors: [0].map(() => ({
        messageId: 'expired',
        file: 'certs/kafka.keystore.jks',
        line: 1,
        severity: 'error' as const,
        related: [
          { file: 'docker-compose.yml', line: 6 },
          { file: 'docker-compose.yml', line: 8 },
          { file: 'certs/kafka.keystore.jks', line: 1 },
        ],
      })),
    },
    {
      name: 'a Bitnami broker with plaintext listeners only: its certs are not read (an info)',
      files: bitnamiBroker(['KAFKA_CFG_LISTENERS: PLAINTEXT://:9092'], ['./certs:/opt/bitnami/kafka/config/certs']),
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'certs/kafka.keystore.jks', line: 1, severity: 'info' }],
    },
    {
      // A server.properties in /bitnami/kafka/config replaces the setup: the broker reads the stores that file names
      // (model/kafka-properties.ts, through the service's mounts), not the convention's.
      name: "a Bitnami broker given its own server.properties: the stores it names are the broker's (errors there)",
      files: bitnamiBroker(
        ['KAFKA_CFG_LISTENERS: PLAINTEXT://:9092'],
        [
          './certs:/opt/bitnami/kafka/config/certs',
          './config/server.properties:/bitnami/kafka/config/server.properties',
        ],
        {
          'config/server.properties':
            'broker.id=1\nlisteners=SSL://:9093\nssl.keystore.location=/opt/bitnami/kafka/config/certs/kafka.keystore.jks\n',
        },
      ),
      options: { referenceDate: '2047-01-01' },
      errors: [0].map(() => ({
        messageId: 'expired',
        file: 'certs/kafka.keystore.jks',
        line: 1,
        severity: 'error' as const,
        related: [
          { file: 'config/server.properties', line: 3 },
          { file: 'docker-compose.yml', line: 7 },
          { file: 'certs/kafka.keystore.jks', line: 1 },
        ],
      })),
    },
  ],
});

// A CA above the leaf of a chain no link verifies (chain-member.ts). Measured with OpenJDK 17.0.15, a JSSE server
// presenting leaf + CA: an expired self-signed root the client trusts: the handshake completes (PKIXValidator ends the
// path at a trusted certificate, anchors are not date-checked); an expired intermediate under a trusted valid root:
// CertificateExpiredException; the intermediate trusted itself: completes. `openssl verify` refuses an expired CAfile.
// generated/key.jks at 2040: its leaf is valid (until 2046-11-25), its self-signed root expired on 2036-11-27.
const KAFKA_KEY_STORE =
  'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.key-store-location=classpath:kafka/key.jks\nspring.kafka.ssl.key-store-password=Pk12-planted-Zq9\n';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const goodRoot = ca('Chain Root CA', undefined, { notBefore: day('2020-01-01'), notAfter: day('2060-01-01') });
const oldIssuing = ca('Chain Issuing CA', goodRoot, { notBefore: day('2020-01-01'), notAfter: day('2030-01-01') });
const chainLeaf = leaf('api.example.com', oldIssuing, { notBefore: day('2020-01-01'), notAfter: day('2050-01-01') });
/** A self-signed root without basicConstraints (as an X.509 v1 root has none), expired in 2030, over a valid leaf. */
const bareRoot = issue({ cn: 'Bare Root', notBefore: day('2020-01-01'), notAfter: day('2030-01-01') });
const rootlessLeaf = leaf('api.example.com', bareRoot, { notBefore: day('2020-01-01'), notAfter: day('2050-01-01') });
const nginxChain = (bundle?: string) => ({
  'nginx/nginx.conf':
    'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/chain.pem;\n    ssl_certificate_key /etc/nginx/private/chain.key;\n  }\n}\n',
  'nginx/certs/chain.pem': chainLeaf.pem + oldIssuing.pem,
  ...(bundle ? { 'trust/ca-bundle.pem': bundle } : {}),
});
/** rwlxxvii/containers@81bd1d5 (no licence file) stig-manage: nginx verifies CAC client certificates against a DoD bundle. */
const clientCaBundle = (bundle: string) => ({
  'nginx/nginx.conf':
    'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/cert.pem;\n    ssl_client_certificate /etc/nginx/certs/dod.pem;\n    ssl_verify_client optional;\n  }\n}\n',
  'nginx/certs/dod.pem': bundle,
});
const retiredCa = ca('Retired CA', goodRoot, { notBefore: day('2020-01-01'), notAfter: day('2031-01-01') });
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // Basitkhan23/SF-Kafka-conn-ssl@c74edfe
      name: 'an expired CA beside valid ones in the file nginx verifies client certificates against: chains through it fail',
      files: clientCaBundle(goodRoot.pem + oldIssuing.pem),
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredInVerifyFile',
          file: 'nginx/certs/dod.pem',
          line: 12,
          severity: 'warning',
          messageIncludes: ['Chain Issuing CA', 'the CA file nginx server', 'beside certificates still valid'],
          related: [
            { file: 'nginx/nginx.conf', line: 5 },
            { file: 'nginx/nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      // As rwlxxvii/containers has it: Compose mounts the bundle at the path nginx names; the mount is named too.
      name: 'the same CA file put there by a Compose mount: the mount is named with the verifier',
      files: {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/cert.pem;\n    ssl_client_certificate /etc/nginx/dod-certs.pem;\n    ssl_verify_client optional;\n  }\n}\n',
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./certs/dod.pem:/etc/nginx/dod-certs.pem:ro\n',
        'certs/dod.pem': goodRoot.pem + oldIssuing.pem,
      },
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredInVerifyFile',
          file: 'certs/dod.pem',
          line: 12,
          severity: 'warning',
          related: [
            { file: 'nginx/nginx.conf', line: 5 },
            { file: 'docker-compose.yml', line: 6 },
            { file: 'nginx/nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'several expired CAs beside valid ones in that file: one finding for the file',
      files: clientCaBundle(goodRoot.pem + oldIssuing.pem + retiredCa.pem),
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredInVerifyFileBundle',
          file: 'nginx/certs/dod.pem',
          line: 12,
          severity: 'warning',
          messageIncludes: ['2 CA certificates of dod.pem expired', 'the last on 2031-01-01'],
          related: [
            { file: 'nginx/nginx.conf', line: 5 },
            { file: 'nginx/certs/dod.pem', line: 23 },
            { file: 'nginx/nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      // Basitkhan23/SF-Kafka-conn-ssl@c74edfe (no licence file) scripts/security: stores and the CA file of a broker
      // set no setting names, their CA expired. They were said to be rejected by any peer; JSSE accepts an expired
      // trusted root (measured above), OpenSSL and GSKit refuse it.
      name: 'an expired root named by nothing (a key entry chain top, a CA file): JSSE accepts it, OpenSSL and GSKit refuse',
      files: {
        'scripts/security/kafka1.keystore.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'),
        ),
        'scripts/security/snakeoil-ca-1.crt': ca('Snakeoil CA', undefined, {
          notBefore: day('2020-01-01'),
          notAfter: day('2030-01-01'),
        }).pem,
        'scripts/security/old-leaf.crt': leaf('old.example.com', goodRoot, {
          notBefore: day('2020-01-01'),
          notAfter: day('2030-01-01'),
        }).pem,
      },
      options: { referenceDate: '2040-01-01' },
      errors: ['kafka1.keystore.jks', 'old-leaf.crt', 'snakeoil-ca-1.crt'].map((name) => ({
        messageId: 'expiredUnnamed',
        file: `scripts/security/${name}`,
        line: 1,
        severity: 'info' as const,
        ...(name === 'old-leaf.crt'
          ? { messageIncludes: ['peers reject it'] }
          : {
              messageIncludes: ["does not check a trust anchor's dates", 'OpenSSL and GSKit refuse it'],
              messageExcludes: ['peers reject it'],
            }),
      })),
    },
    {
      name: "a Kafka client key store's expired self-signed root above a valid leaf, no link: a warning, not an error",
      files: springKafka(KAFKA_KEY_STORE),
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredChainRoot',
          file: 'app/src/main/resources/kafka/key.jks',
          line: 1,
          severity: 'warning',
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      name: 'the same, the Kafka trust store of the tree holding that root: named beside the setting (a warning)',
      files: {
        ...springKafka(
          `${KAFKA_KEY_STORE}spring.kafka.ssl.trust-store-location=classpath:kafka/trust.jks\nspring.kafka.ssl.trust-store-password=Pk12-planted-Zq9\n`,
        ),
        'app/src/main/resources/kafka/trust.jks': fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/trust.jks'),
        ),
      },
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredChainRoot',
          file: 'app/src/main/resources/kafka/key.jks',
          line: 1,
          severity: 'warning',
          messageIncludes: ['as trust.jks of this tree does'],
          related: [
            { file: 'app/src/main/resources/kafka/trust.jks', line: 1 },
            { file: 'app/src/main/resources/application.properties', line: 3 },
          ],
        },
      ],
    },
    {
      // fkshom/kafka-train@dede206 secrets/kafka.keystore.jks, shape only: a valid leaf under an X.509 v1 root (no
      // basicConstraints) that expired; a JDK 17 client trusting that root completes the handshake (measured).
      name: 'an expired self-signed root without basicConstraints above a valid leaf nginx presents: a warning, not an error',
      files: {
        ...nginxChain(),
        'nginx/certs/chain.pem': rootlessLeaf.pem + bareRoot.pem,
      },
      options: { referenceDate: '2035-01-01' },
      errors: [{ messageId: 'expiredChainRoot', file: 'nginx/certs/chain.pem', line: 13, severity: 'warning' }],
    },
    {
      name: 'an expired intermediate of the chain nginx presents, nothing of the tree trusting it: peers trusting the root reject it (an error)',
      files: nginxChain(goodRoot.pem),
      options: { referenceDate: '2035-01-01' },
      errors: [{ messageId: 'expired', file: 'nginx/certs/chain.pem', line: 13, severity: 'error' }],
    },
    {
      name: 'the same intermediate, a CA bundle of the tree trusting it directly: JSSE peers with it accept (a warning)',
      files: nginxChain(oldIssuing.pem + goodRoot.pem),
      options: { referenceDate: '2035-01-01' },
      errors: [
        {
          messageId: 'expiredChainTrusted',
          file: 'nginx/certs/chain.pem',
          line: 13,
          severity: 'warning',
          messageIncludes: ['ca-bundle.pem of this tree hold it as a trusted certificate', 'CN=Chain Root CA'],
          // The bundle's own copy (no setting names ca-bundle.pem) is one of its places, not a finding of its own.
          related: [
            { file: 'trust/ca-bundle.pem', line: 1 },
            { file: 'nginx/nginx.conf', line: 4 },
            { file: 'trust/ca-bundle.pem', line: 1 },
          ],
        },
      ],
    },
  ],
});

// todaynowork/websphere_ejb_lookup@cd45b22 (no licence file): a WebSphere thin client's ssl.client.props (as profile
// creation writes it) names key.p12 beside it as com.ibm.ssl.keyStore; its leaf (the node's personal certificate,
// issued by the cell's root) expired in 2017. A JSSE client sends it only in answer to a CertificateRequest, and no
// server of the tree asks for one: an error ('peers reject it') was a guess. A warning says who would refuse it.
const WAS_CLIENT_PROPS = [
  'com.ibm.ssl.defaultAlias=DefaultSSLSettings',
  'com.ibm.ssl.alias=DefaultSSLSettings',
  'com.ibm.ssl.protocol=SSL',
  'com.ibm.ssl.keyStoreName=ClientDefaultKeyStore',
  'com.ibm.ssl.keyStore=${user.root}/etc/key.p12',
  'com.ibm.ssl.keyStorePassword=Pk12-planted-Zq9',
  'com.ibm.ssl.keyStoreType=PKCS12',
  '',
].join('\n');
const generatedStore = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, `../../fixtures/keystores/generated/${name}`));
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "the expired leaf of a WebSphere client's key store (ssl.client.props), no server asking for it: a warning",
      files: { 'client/ssl.client.props': WAS_CLIENT_PROPS, 'client/key.p12': generatedStore('key.p12') },
      options: { referenceDate: '2050-01-01' },
      errors: [
        // Its issuer, the chain's root: sent with the leaf, or not at all.
        {
          messageId: 'expiredClientKeyStore',
          file: 'client/key.p12',
          line: 1,
          severity: 'warning',
          messageIncludes: ['CN=Test Root CA'],
        },
        {
          messageId: 'expiredClientKeyStore',
          file: 'client/key.p12',
          line: 1,
          severity: 'warning',
          messageIncludes: ['CN=app.example.com', 'WebSphere client configuration ssl.client.props'],
          related: [
            { file: 'client/ssl.client.props', line: 6 },
            { file: 'client/ssl.client.props', line: 5 },
          ],
        },
      ],
    },
  ],
});

// A RabbitMQ listener's expired CA file anchor: what Erlang/OTP does with it (./expired-rabbitmq-anchor.trees.ts).
ruleTester(rule, { valid: [], invalid: RABBITMQ_ANCHOR_CASES });
