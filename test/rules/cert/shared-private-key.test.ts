import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import rule from '../../../src/rules/cert/shared-private-key';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';
import { buildStores } from '../../helpers/keystores';
import { httpsTransport, keyring, pluginCfg, stash } from '../../helpers/plugin-cfg';

// gmjdev/microservices-demo@4bf5aca (Apache-2.0): certs/localhost.cer is the certificate of the key entry every
// service's key store holds. key.jks: keytool's store of leaf.key with leaf.crt (alias server).
const stores = buildStores();
afterAll(() => fs.rmSync(stores.dir, { recursive: true, force: true }));
const keyStore = stores.bytes('key.jks');
const published = stores.bytes('leaf.crt').toString('utf8');
/** A directory where certificates are issued: the CA's certificate and key, and a leaf with its key. */
const issuing = (dir: string) => ({
  [`${dir}/ca_certificate.pem`]: stores.bytes('ca.crt').toString('utf8'),
  [`${dir}/ca_key.pem`]: stores.bytes('ca.key').toString('utf8'),
  [`${dir}/server_certificate.pem`]: published,
  [`${dir}/server_key.pem`]: stores.bytes('leaf.key').toString('utf8'),
});
/**
 * Soundatnj/zuul-proxy-mutual-tls@4ff9890 (no licence; its layout only, made anew here): CAs/client holds the CA's
 * ca.pem and its passphrase-protected ca.key (`Proc-Type: 4,ENCRYPTED`, as `openssl req -x509 -newkey` writes it
 * without `-nodes`) beside the client's certificate and key it issued; keystores/client.jks is the app's store made
 * from them. `keyName` is the CA key's file name.
 */
const lockedIssuing = (dir: string, keyName = 'ca.key') => ({
  [`${dir}/ca.pem`]: stores.bytes('ca.crt').toString('utf8'),
  [`${dir}/${keyName}`]: crypto
    .createPrivateKey(stores.bytes('ca.key'))
    .export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: 'secret' })
    .toString(),
  [`${dir}/client.crt`]: published,
  [`${dir}/client.key`]: stores.bytes('leaf.key').toString('utf8'),
});
/**
 * microservices-security-in-action/samples@c3c2dcf (no licence; its layout only, made anew here): gen-key.sh writes the
 * CA's ca_cert.pem and passphrase-protected ca_key.pem (`openssl genrsa -aes256`) to keys/ca and each service's key
 * store to keys/<service>; the sample keeps its copy. `caDir` is the CA's directory.
 */
const generatedKeys = (caDir: string, serviceDir: string) => ({
  [`${caDir}/ca_cert.pem`]: stores.bytes('ca.crt').toString('utf8'),
  [`${caDir}/ca_key.pem`]: crypto
    .createPrivateKey(stores.bytes('ca.key'))
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
    .toString(),
  [`${serviceDir}/orderprocessing.jks`]: keyStore,
});
/** The issued leaf and its key, copied to a machine's directory. */
const issued = (dir: string) => ({
  [`${dir}/server_certificate.pem`]: published,
  [`${dir}/server_key.pem`]: stores.bytes('leaf.key').toString('utf8'),
});

const qm = (name: string) => `ALTER QMGR CERTLABL('${name.toLowerCase()}')\n`;
/** A Compose file whose service mounts a directory at nginx's certificate directory. */
const mounting = (service: string, source: string) =>
  `services:\n  ${service}:\n    image: nginxproxy/nginx-proxy:test\n    volumes:\n      - /var/run/docker.sock:/tmp/docker.sock:ro\n      - ${source}:/etc/nginx/certs:ro\n`;
/** One Compose file whose two services each mount a directory of the tree. */
const mountingTwo = ([a, sourceA]: [string, string], [b, sourceB]: [string, string]) =>
  `services:\n  ${a}:\n    image: rabbitmq:3-management\n    volumes:\n      - ${sourceA}:/etc/ssl/app:ro\n  ${b}:\n    image: rabbitmq:3-management\n    volumes:\n      - ${sourceB}:/etc/ssl/app:ro\n`;
/** A Spring Boot service in `dir` whose HTTPS server presents its classpath's cert/keystore.jks (`store`). */
const springService = (dir: string, store: Buffer = keyStore) => ({
  [`${dir}/src/main/resources/application.properties`]: `server.port=8443\nserver.ssl.key-store=classpath:cert/keystore.jks\nserver.ssl.key-store-password=${stores.password}\n`,
  [`${dir}/src/main/resources/cert/keystore.jks`]: store,
});
/**
 * felipewind/quarkus-mutual-tls-demo@ca89a36 (no licence file; its layout only, made anew here): the server presents
 * server-keystore.jks, and the client's trust store, client-truststore.jks, holds the server's key entry itself.
 */
const quarkusPair = {
  'server/src/main/resources/application.properties': `quarkus.http.ssl-port=8445\nquarkus.http.ssl.certificate.key-store-file=./server-keystore.jks\nquarkus.http.ssl.certificate.key-store-password=${stores.password}\n`,
  'server/server-keystore.jks': keyStore,
  'client/src/main/resources/application.properties': `quarkus.rest-client.server-api.url=https://localhost:8445\nquarkus.rest-client.server-api.trust-store=./client-truststore.jks\nquarkus.rest-client.server-api.trust-store-password=${stores.password}\n`,
  'client/client-truststore.jks': keyStore,
};
ruleTester(rule, {
  valid: [
    {
      name: 'each queue manager has its own key',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'QMPROD2/QMPROD2.mqsc': qm('QMPROD2'),
        'QMPROD2/ssl/qm.crt': cert('qmprod2-own.crt'),
      },
    },
    {
      name: 'the same certificate twice in one component',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/a.crt': cert('qmprod1.crt'),
        'QMPROD1/b.crt': cert('qmprod1.crt'),
      },
    },
    {
      // PkayJava/tomcat-docker@8845022: apps/openssl/localhost.crt and the CA's apps/openssl/system/newcerts/01.pem.
      name: "the CA's record copy of a certificate it issued (openssl ca's newcerts/<serial>.pem)",
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'ca/newcerts/01.pem': cert('qmprod1.crt'),
      },
    },
    {
      // ttt9912/spring-kafka@efde190 kafka-mtls: the broker mounts its whole certs/ directory and names its own stores;
      // the client key store beside them is the copy the Spring client keeps on its classpath: one identity.
      name: 'a directory mount carries a store the mounting service does not name',
      files: {
        'broker/docker-compose.yml':
          "services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.1\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://localhost:9093\n      KAFKA_SSL_KEYSTORE_FILENAME: 'certs/kafka.server.keystore.jks'\n      KAFKA_SSL_TRUSTSTORE_FILENAME: 'certs/kafka.server.truststore.jks'\n    volumes:\n      - ./certs/:/etc/kafka/secrets/certs\n",
        'broker/certs/kafka.server.keystore.jks': stores.bytes('trust.jks'),
        'broker/certs/kafka.server.truststore.jks': stores.bytes('trust.jks'),
        'broker/certs/kafka.client.keystore.jks': keyStore,
        'app/src/main/resources/application.yml': `spring:\n  kafka:\n    bootstrap-servers: localhost:9093\n    security:\n      protocol: SSL\n    ssl:\n      key-store-location: classpath:/client-certs/kafka.client.keystore.jks\n      key-store-password: ${stores.password}\n`,
        'app/src/main/resources/client-certs/kafka.client.keystore.jks': keyStore,
      },
    },
    {
      name: 'the published copy of a certificate whose key one component holds (no key beside the copy)',
      files: {
        'config-svc/cert/keystore.jks': keyStore,
        'certs/localhost.cer': published,
      },
    },
    {
      // nginx-proxy/nginx-proxy@584073d test/test_fallback: each alternative Compose file mounts its own copy of the
      // fixture certificates at /etc/nginx/certs (through the test module's path, a variable pytest sets).
      name: 'alternative fixture sets, each mounted by its own Compose file',
      files: {
        'test_fallback/test_fallback.py': '',
        'test_fallback/test_fallback.data/nodefault.yml': mounting(
          'nginx-proxy',
          '${PYTEST_MODULE_PATH}/test_fallback.data/nodefault.certs',
        ),
        'test_fallback/test_fallback.data/withdefault.yml': mounting(
          'nginx-proxy',
          '${PYTEST_MODULE_PATH}/test_fallback.data/withdefault.certs',
        ),
        'test_fallback/test_fallback.data/nodefault.certs/web.crt': cert('qmprod1.crt'),
        'test_fallback/test_fallback.data/withdefault.certs/web.crt': cert('qmprod2-shared.crt'),
      },
    },
    {
      // rahulsingh336/spring-boot-ssl-mutual-authentication-master@445b66d: secure-server/security/server-keystore.jks
      // and copies under src/main/resources, none named by a setting the tree shows.
      name: "copies of a key store inside one Maven project's source tree, at most one used",
      files: {
        'secure-server/pom.xml': '<project/>\n',
        'secure-server/security/server-keystore.jks': keyStore,
        'secure-server/src/main/resources/server-keystore.jks': keyStore,
        'secure-server/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:server-keystore.jks\nserver.ssl.key-store-password=changeit\n',
      },
    },
    {
      // lachlan-roberts/jetty-maven-plugin-https-example (sweep54; its layout only): one Maven project whose two runs
      // (`mvn jetty:run` with etc/, `jetty:run-distro` with jetty-base/) each present a copy of the same store.
      name: "copies of one key store that one Maven project's alternative servers each present",
      files: {
        'pom.xml': '<project/>\n',
        'dev/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=file:dev/server.jks\nserver.ssl.key-store-password=changeit\n',
        'dev/server.jks': keyStore,
        'dist/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=file:dist/server.jks\nserver.ssl.key-store-password=changeit\n',
        'dist/server.jks': keyStore,
      },
    },
    {
      // sameer-sarmah/spring-oauth-mtls@e94f720: auth-server-mtls and resource-server-mtls each keep the same
      // mtls_client.cer (the client's certificate, to trust it), which no setting names and no key file accompanies.
      name: 'two copies of one certificate file that nothing names and no key accompanies',
      files: {
        'resource-server/src/main/resources/client.cer': published,
        'auth-server/src/main/resources/client.cer': published,
      },
    },
    {
      // GeorgeLvov/spring-boot-mtls@d625bc5 (no licence file): the client and server modules each keep both key
      // stores in src/test/resources, the client's tests to stand a stub in for the server. Fixtures, on no machine.
      name: "copies in two modules' test resources (fixtures, never packaged)",
      files: {
        'mtls-client/build.gradle': "plugins { id 'java' }\n",
        'mtls-client/src/main/resources/application.properties': 'mtls-server.url=https://localhost:8443/ping\n',
        'mtls-client/src/test/resources/certs/server-keystore.jks': keyStore,
        'mtls-server/src/main/resources/application.properties': 'server.port=8443\n',
        'mtls-server/build.gradle': "plugins { id 'java' }\n",
        'mtls-server/src/test/resources/certs/server-keystore.jks': keyStore,
      },
    },
    {
      name: 'different Compose projects mount the copies, each into its own service',
      files: {
        'a/compose.yaml': mounting('web', './certs'),
        'a/certs/web.crt': cert('qmprod1.crt'),
        'b/docker-compose.yml': mounting('proxy', './certs'),
        'b/certs/web.crt': cert('qmprod2-shared.crt'),
      },
    },
    {
      // robert0714/RabbitMQ-SSL-2025@f5a6393: Certificates/ (ca_certificate.pem, ca_key.pem, each leaf and its key) and
      // the broker's copy in Docker/ssl: the issuer's copy is not a second machine.
      name: "the issuer's copy, beside the CA's key, and the one machine's copy",
      files: { ...issuing('Certificates'), ...issued('Docker/ssl') },
    },
    {
      name: "the issuer's copy, beside the CA's passphrase-protected key of the same name, and the app's key store",
      files: { ...lockedIssuing('CAs/client'), 'keystores/client.jks': keyStore },
    },
    {
      name: "a key store in the issuing script's output tree (keys/orderprocessing beside keys/ca) and the sample's copy",
      files: { ...generatedKeys('keys/ca', 'keys/orderprocessing'), 'sample01/orderprocessing.jks': keyStore },
    },
    {
      // corpus52 repro/shared-key-bak-copy (from juouyang/jetty-https-lab@7e88c56): Jetty names /etc/ssl/keystore.jks,
      // which the tree does not place; other/keystore.jks and conf/keystore.jks.bak are the same bytes.
      name: 'a byte-identical backup of a key store, neither copy known to be presented: one store',
      files: {
        'conf/jetty-https.xml':
          '<Configure id="Server" class="org.eclipse.jetty.server.Server">\n  <New id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">\n    <Set name="KeyStorePath">/etc/ssl/keystore.jks</Set>\n    <Set name="KeyStorePassword">password</Set>\n  </New>\n</Configure>\n',
        'other/keystore.jks': keyStore,
        'conf/keystore.jks.bak': keyStore,
      },
    },
    {
      name: 'the key store one server presents and a backup copy of it that nothing names',
      files: { ...springService('app'), 'backup/keystore.jks.bak': keyStore },
    },
    {
      // girirajsharma/wildfly-ssl-examples@6342263 (GPL-2.0; its layout only): a CA tutorial's working folder keeps the
      // server's key store and, in certificates/, the same certificate and key exported for the next step.
      name: "a tutorial's working folders: one certificate and its key in two formats, neither presented",
      files: {
        'openssl/workplace/server.keystore': keyStore,
        'openssl/workplace/certificates/serverCert.jks': stores.bytes('key.jceks'),
      },
    },
    {
      // confluentinc/confluent-kubernetes-examples@887857b (Apache-2.0): each scenario's certs/ holds the same
      // server.pem and server-key.pem, made into a Kubernetes secret by its README's kubectl command.
      name: 'alternative example scenarios that each keep the same certificate and key, none presented',
      files: { ...issued('basic_tls/certs'), ...issued('mtls/certs'), ...issued('cp790/tls/certs') },
    },
    {
      name: "a client's trust store that holds the server's key entry (no identity of the client)",
      files: quarkusPair,
    },
    {
      name: "a client's trust store that holds the server's key entry, mounted into the client's container",
      files: {
        ...quarkusPair,
        'compose.yaml': mountingTwo(['server', './server'], ['client', './client']),
      },
    },
    {
      // robert0714/vagrant_ihs_liberty_sticky-session@9164e7b (no licence; its layout only, made anew here, a JKS for
      // its PKCS#12 whose password a Liberty keystore.xml gives): docker-compose-ihs/ keeps the Liberty server's key.p12
      // beside the plug-in's plugin-cfg.xml, which opens only the keyring it names; docker-compose-liberty-twins/ mounts
      // its byte-identical copy into its Liberty container.
      name: "a store beside a web server plug-in's configuration, which opens only the keyring it names",
      files: {
        'ihs/plugin-cfg.xml': pluginCfg([httpsTransport(keyring(), stash)]),
        'ihs/key.jks': keyStore,
        'twins/docker-compose.yml':
          'services:\n  liberty1:\n    image: ibmcom/websphere-liberty:20.0.0.6-full-java8-ibmjava-ubi\n    volumes:\n      - ./key.jks:/opt/ibm/wlp/output/defaultServer/resources/security/key.jks\n',
        'twins/key.jks': keyStore,
      },
    },
    {
      name: 'the same copies without a build file, nothing naming either: one store kept twice',
      files: {
        'secure-server/security/server-keystore.jks': keyStore,
        'secure-server/src/main/resources/server-keystore.jks': keyStore,
      },
    },
    {
      // gmjdev/microservices-demo@4bf5aca: configuration-svc names its store; gateway-svc's copy opens with that
      // setting's password, but nothing the tree shows makes gateway-svc present it.
      name: "a service's key store and a copy in another service that nothing names",
      files: {
        'config-svc/src/main/resources/application.yml': `server:\n  port: 7575\n  ssl:\n    key-store: classpath:cert/keystore.p12\n    key-store-password: ${stores.password}\n`,
        'config-svc/src/main/resources/cert/keystore.p12': stores.bytes('key.p12'),
        'gateway-svc/src/main/resources/cert/keystore.p12': stores.bytes('key.p12'),
      },
    },
    {
      // rafaelcn1dev/jboss7.0@5512d30 (LGPL; its layout only, made anew here): standalone/ and standalone2/ each keep
      // the host's key store and present it: one service's identity on each of its numbered instances.
      name: 'numbered instances of one server, each presenting its copy of one certificate',
      files: { ...springService('node1'), ...springService('node2') },
    },
  ],
  invalid: [
    {
      name: 'numbered queue managers presenting one certificate are still reported (SSLPEER cannot tell them apart)',
      files: {
        'mq-config/QM1/QM1.mqsc': qm('QM1'),
        'mq-config/QM1/ssl/qm.crt': cert('qmprod1.crt'),
        'mq-config/QM2/QM2.mqsc': qm('QM2'),
        'mq-config/QM2/ssl/qm.crt': cert('qmprod1.crt'),
      },
      errors: [{ messageId: 'shared', file: 'mq-config/QM2/ssl/qm.crt', line: 1 }],
    },
    {
      name: 'differently named services presenting one certificate are still reported',
      files: { ...springService('orders'), ...springService('billing') },
      errors: [{ messageId: 'shared', file: 'orders/src/main/resources/cert/keystore.jks', line: 1 }],
    },
    {
      name: 'one key pair in two services, and its published copy (reported once, for the second service)',
      files: { ...springService('config-svc'), ...springService('gateway-svc'), 'certs/localhost.cer': published },
      errors: [{ messageId: 'shared', file: 'gateway-svc/src/main/resources/cert/keystore.jks', line: 1 }],
    },
    {
      // gmjdev/microservices-demo@4bf5aca: gateway-svc's keystore.p12 opens with the password that configuration-svc's
      // application.yml:7 gives its own store, which that line opens too: one related location, named once.
      name: 'two PKCS#12 copies opened by the same setting name it once',
      files: {
        'config-svc/src/main/resources/application.yml': `server:\n  port: 7575\n  ssl:\n    key-store: classpath:cert/keystore.p12\n    key-store-password: ${stores.password}\n`,
        'config-svc/src/main/resources/cert/keystore.p12': stores.bytes('key.p12'),
        'gateway-svc/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    key-store: classpath:cert/keystore.p12\n',
        'gateway-svc/src/main/resources/cert/keystore.p12': stores.bytes('key.p12'),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'gateway-svc/src/main/resources/cert/keystore.p12',
          line: 1,
          related: [
            { file: 'config-svc/src/main/resources/cert/keystore.p12', line: 1 },
            { file: 'config-svc/src/main/resources/application.yml', line: 5 },
            // What presents each copy: the key-store setting of each service.
            { file: 'gateway-svc/src/main/resources/application.yml', line: 4 },
            { file: 'config-svc/src/main/resources/application.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'two queue managers kept in one Maven project, each using its copy, are still reported',
      files: {
        'mq-config/pom.xml': '<project/>\n',
        'mq-config/QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'mq-config/QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'mq-config/QMPROD2/QMPROD2.mqsc': qm('QMPROD2'),
        'mq-config/QMPROD2/ssl/qm.crt': cert('qmprod2-shared.crt'),
      },
      errors: [{ messageId: 'shared', file: 'mq-config/QMPROD2/ssl/qm.crt', line: 1 }],
    },
    {
      name: 'one Compose file mounts both copies, into two services',
      files: {
        'compose.yaml': `${mounting('web1', './certs1')}  web2:\n    image: nginx\n    volumes:\n      - type: bind\n        source: ./certs2\n        target: /etc/nginx/certs\n`,
        'certs1/web.crt': cert('qmprod1.crt'),
        'certs2/web.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        { messageId: 'shared', file: 'certs2/web.crt', line: 1, related: [{ file: 'certs1/web.crt', line: 1 }] },
      ],
    },
    {
      name: 'compose.yaml and its override are one project (Compose reads both without being told)',
      files: {
        'compose.yaml': mounting('web1', './certs1'),
        'compose.override.yaml': mounting('web2', './certs2'),
        'certs1/web.crt': cert('qmprod1.crt'),
        'certs2/web.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        { messageId: 'shared', file: 'certs2/web.crt', line: 1, related: [{ file: 'certs1/web.crt', line: 1 }] },
      ],
    },
    {
      name: 'a copy that no Compose file mounts may be used by anything',
      files: {
        'compose.yaml': mounting('web1', './certs1'),
        'certs1/web.crt': cert('qmprod1.crt'),
        'certs2/web.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        { messageId: 'shared', file: 'certs2/web.crt', line: 1, related: [{ file: 'certs1/web.crt', line: 1 }] },
      ],
    },
    {
      name: "a copy in the deployment's own directory is named in words, not '.'",
      files: {
        'compose.yaml': mounting('web1', './certs1'),
        'certs1/web.crt': cert('qmprod1.crt'),
        'web.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'web.crt',
          line: 1,
          messageIncludes: ["the deployment's top directory uses the same key pair as certs1 ("],
          related: [{ file: 'certs1/web.crt', line: 1 }],
        },
      ],
    },
    {
      name: 'a source that is a variable alone is unknown',
      files: {
        'a.yml': mounting('web', '${CERTS_A}'),
        'b.yml': mounting('web', '${CERTS_B}'),
        'certs1/web.crt': cert('qmprod1.crt'),
        'certs2/web.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        { messageId: 'shared', file: 'certs2/web.crt', line: 1, related: [{ file: 'certs1/web.crt', line: 1 }] },
      ],
    },
    {
      name: "the issuer's copy aside, two machines' copies are still two machines",
      files: {
        ...issuing('Certificates'),
        ...issued('audit-broker/ssl'),
        ...issued('orders-broker/ssl'),
        'compose.yaml': mountingTwo(['audit-broker', './audit-broker/ssl'], ['orders-broker', './orders-broker/ssl']),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'orders-broker/ssl/server_certificate.pem',
          line: 1,
          related: [
            { file: 'audit-broker/ssl/server_certificate.pem', line: 1 },
            { file: 'compose.yaml', line: 9 },
            { file: 'compose.yaml', line: 5 },
          ],
        },
      ],
    },
    {
      name: "a locked key of another name beside a CA certificate makes no issuer's directory",
      files: {
        ...lockedIssuing('CAs/client', 'other.key'),
        ...issued('app/ssl'),
        'compose.yaml': mountingTwo(['client', './CAs/client'], ['app', './app/ssl']),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'app/ssl/server_certificate.pem',
          line: 1,
          related: [
            { file: 'CAs/client/client.crt', line: 1 },
            { file: 'compose.yaml', line: 9 },
            { file: 'compose.yaml', line: 5 },
          ],
        },
      ],
    },
    {
      name: "a CA's directory right below the deployment's makes no issuing tree of it: two services' copies",
      files: {
        ...generatedKeys('ca', 'billing'),
        'orders/orderprocessing.jks': keyStore,
        'compose.yaml': mountingTwo(['billing', './billing'], ['orders', './orders']),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'orders/orderprocessing.jks',
          line: 1,
          related: [
            { file: 'billing/orderprocessing.jks', line: 1 },
            { file: 'compose.yaml', line: 9 },
            { file: 'compose.yaml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'seed 002: one key pair on two queue managers',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'QMPROD2/QMPROD2.mqsc': qm('QMPROD2'),
        'QMPROD2/ssl/qm.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'QMPROD2/ssl/qm.crt',
          line: 1,
          related: [{ file: 'QMPROD1/ssl/qm.crt', line: 1 }],
        },
      ],
    },
  ],
});
