/**
 * `tls.trust` of every kind of TLS end (src/model/stores.ts): the key store and alias it presents from,
 * the trust store it verifies peers with (or the JDK's cacerts), resolved to the tree's store files.
 * Stores: test/fixtures/keystores/generated (MANIFEST.tsv).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { StoreRef, Traced } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { ccdt } from '../rules/mq/trees';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));
const PASSWORD = 'Pk12-planted-Zq9';

/** Each TLS component's trust as one line: `type key=<file|path>[type] alias=… trust=… default=… depth=…`. */
function trustLines(files: Tree, only?: string): string[] {
  const root = writeTree(files);
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const where = (t: Traced<unknown>) =>
    t.from.kind === 'file'
      ? `@${rel(t.from.location.file)}:${(t.from.location.range?.start.line ?? 0) + 1}`
      : `(${t.from.kind})`;
  const ref = (s: StoreRef | undefined) =>
    s
      ? `${s.file ? rel(s.file) : `?${s.path.value}`}[${s.type?.value ?? '?'}]${s.passwordAt ? `+pw@${rel(s.passwordAt.file)}:${(s.passwordAt.range?.start.line ?? 0) + 1}` : ''}`
      : '-';
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments
      .flatMap((d) => d.components)
      .filter((c) => c.tls && (!only || c.type === only))
      .map((c) => {
        const t = c.tls?.trust;
        if (!t) return `${c.type} (none)`;
        const parts = [`${c.type} key=${ref(t.keyStore)}`];
        if (t.keyAlias) parts.push(`alias=${t.keyAlias.value}${where(t.keyAlias)}`);
        parts.push(`trust=${ref(t.trustStore)}`);
        if (t.defaultTrust) parts.push(`default=${t.defaultTrust}`);
        if (t.verifyDepth) parts.push(`depth=${t.verifyDepth.value}${where(t.verifyDepth)}`);
        return parts.join(' ');
      })
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('key and trust stores of each TLS end (tls.trust)', () => {
  it.each<[string, Tree, string[], string?]>([
    [
      'Java app: -Djavax.net.ssl.keyStore/trustStore in jvm.options, resolved to the copies in the tree by their last two segments',
      {
        'app/jvm.options': `-Djavax.net.ssl.keyStore=/opt/app/ssl/key.p12\n-Djavax.net.ssl.keyStorePassword=${PASSWORD}\n-Djavax.net.ssl.trustStore=/opt/app/ssl/trust.jks\n-Djavax.net.ssl.trustStoreType=JKS\n`,
        'app/ssl/key.p12': store('key.p12'),
        'app/ssl/trust.jks': store('trust.jks'),
      },
      ['java.app key=app/ssl/key.p12[PKCS12]+pw@app/jvm.options:2 trust=app/ssl/trust.jks[JKS]'],
    ],
    [
      'Java app naming no trust store: the JDK cacerts',
      { 'app/jvm.options': '-Dhttps.protocols=TLSv1.2\n' },
      ['java.app key=- trust=- default=jdk-cacerts'],
    ],
    [
      'a store outside the tree: path kept, file absent (unknown)',
      { 'app/jvm.options': '-Djavax.net.ssl.trustStore=/etc/pki/java/cacerts\n' },
      ['java.app key=- trust=?/etc/pki/java/cacerts[?]'],
    ],
    [
      'a bare file name in another component’s directory is not this store',
      { 'app/jvm.options': '-Djavax.net.ssl.trustStore=trust.jks\n', 'other/trust.jks': store('trust.jks') },
      ['java.app key=- trust=?trust.jks[?]'],
    ],
    [
      'Spring Boot server.ssl.* (classpath: is the properties file’s directory), no trust store: system property, else cacerts',
      {
        'svc/src/main/resources/application.properties': `server.ssl.key-store=classpath:key.p12\nserver.ssl.key-store-password=${PASSWORD}\nserver.ssl.key-alias=server\nserver.port=8443\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
      },
      [
        'spring.server key=svc/src/main/resources/key.p12[PKCS12]+pw@svc/src/main/resources/application.properties:2 alias=server@svc/src/main/resources/application.properties:3 trust=- default=jdk-cacerts',
      ],
      'spring.server',
    ],
    [
      'Spring Boot 3.1+ server.ssl.bundle: the JKS bundle’s key store, alias and trust store (classpath: and file: locations)',
      {
        'svc/src/main/resources/application.properties': `server.ssl.bundle=web\nserver.port=8443\nspring.ssl.bundle.jks.web.key.alias=server\nspring.ssl.bundle.jks.web.keystore.location=classpath:key.p12\nspring.ssl.bundle.jks.web.keystore.password=${PASSWORD}\nspring.ssl.bundle.jks.web.keystore.type=PKCS12\nspring.ssl.bundle.jks.web.truststore.location=file:trust.jks\nspring.ssl.bundle.jks.web.truststore.password=${PASSWORD}\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
        'svc/trust.jks': store('trust.jks'),
      },
      [
        'spring.server key=svc/src/main/resources/key.p12[PKCS12]+pw@svc/src/main/resources/application.properties:5 alias=server@svc/src/main/resources/application.properties:3 trust=svc/trust.jks[JKS]+pw@svc/src/main/resources/application.properties:8',
      ],
      'spring.server',
    ],
    [
      "IBM MQ's Spring Boot starter: ibm.mq.sslBundle names the JMS factory's bundle (mq-jms-spring samples/s2.tls)",
      {
        'app/src/main/resources/application.yml': `ibm:\n  mq:\n    queueManager: QM1\n    channel: APP.SVRCONN\n    connName: mq(1414)\n    sslCipherSpec: ANY_TLS12_OR_HIGHER\n    sslBundle: ibmmq\nspring:\n  ssl:\n    bundle:\n      jks:\n        ibmmq:\n          truststore:\n            location: file:trust.jks\n            password: ${PASSWORD}\n            type: JKS\n`,
        'app/trust.jks': store('trust.jks'),
      },
      ['jms.connection-factory key=- trust=app/trust.jks[JKS]+pw@app/src/main/resources/application.yml:15'],
      'jms.connection-factory',
    ],
    [
      'Spring relaxed binding: server.ssl.keyStore / keyStorePassword / keyStoreType / keyAlias (Apereo CAS style) are server.ssl.key-store…',
      {
        'svc/src/main/resources/application.properties': `server.ssl.keyStore=classpath:key.p12\nserver.ssl.keyStorePassword=${PASSWORD}\nserver.ssl.keyStoreType=PKCS12\nserver.ssl.keyAlias=server\nserver.port=8443\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
      },
      [
        'spring.server key=svc/src/main/resources/key.p12[PKCS12]+pw@svc/src/main/resources/application.properties:2 alias=server@svc/src/main/resources/application.properties:4 trust=- default=jdk-cacerts',
      ],
      'spring.server',
    ],
    [
      "IBM MQ's Spring Boot starter: a kebab-case ibm.mq.ssl-bundle names the bundle as ibm.mq.sslBundle does",
      {
        'app/src/main/resources/application.yml': `ibm:\n  mq:\n    queue-manager: QM1\n    channel: APP.SVRCONN\n    conn-name: mq(1414)\n    ssl-cipher-spec: ANY_TLS12_OR_HIGHER\n    ssl-bundle: ibmmq\nspring:\n  ssl:\n    bundle:\n      jks:\n        ibmmq:\n          truststore:\n            location: file:trust.jks\n            password: ${PASSWORD}\n            type: JKS\n`,
        'app/trust.jks': store('trust.jks'),
      },
      ['jms.connection-factory key=- trust=app/trust.jks[JKS]+pw@app/src/main/resources/application.yml:15'],
      'jms.connection-factory',
    ],
    [
      'Spring stores named in the active profile’s file (spring.profiles.active=prod → application-prod.properties)',
      {
        'svc/src/main/resources/application.properties': `spring.profiles.active=prod\nserver.port=8443\nserver.ssl.enabled=true\n`,
        'svc/src/main/resources/application-prod.properties': `server.ssl.key-store=classpath:key.p12\nserver.ssl.key-store-password=${PASSWORD}\nserver.ssl.trust-store=classpath:trust.jks\nserver.ssl.trust-store-password=${PASSWORD}\n`,
        'svc/src/main/resources/application-dev.properties': `server.ssl.key-store=classpath:dev.p12\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
        'svc/src/main/resources/trust.jks': store('trust.jks'),
      },
      [
        'spring.server key=svc/src/main/resources/key.p12[PKCS12]+pw@svc/src/main/resources/application-prod.properties:2 trust=svc/src/main/resources/trust.jks[JKS]+pw@svc/src/main/resources/application-prod.properties:4',
      ],
      'spring.server',
    ],
    [
      // Spring binds the Compose service's environment over the packaged files: the server and its stores alike.
      'Spring stores set by the Docker Compose service environment (SERVER_SSL_KEY_STORE over the packaged file)',
      {
        'svc/src/main/resources/application.properties': `server.port=8443\nserver.ssl.key-store=classpath:dev.p12\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
        'compose.yaml': `services:\n  svc:\n    build: ./svc\n    environment:\n      SERVER_SSL_KEY_STORE: classpath:key.p12\n      SERVER_SSL_KEY_STORE_PASSWORD: ${PASSWORD}\n`,
      },
      ['spring.server key=svc/src/main/resources/key.p12[PKCS12]+pw@compose.yaml:6 trust=- default=jdk-cacerts'],
      'spring.server',
    ],
    [
      // --spring.config.location=file:/config/ replaces the default locations: the packaged key store is not used.
      'Spring stores when spring.config.location replaces the packaged files: only what the start sets',
      {
        'svc/src/main/resources/application.properties': `server.port=8443\nserver.ssl.key-store=classpath:key.p12\n`,
        'svc/src/main/resources/key.p12': store('key.p12'),
        'svc/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-Dserver.ssl.key-store=/etc/app/tls.p12", "-jar", "/app.jar", "--spring.config.location=file:/config/"]\n',
      },
      ['spring.server key=?/etc/app/tls.p12[?] trust=- default=jdk-cacerts'],
      'spring.server',
    ],
    [
      'Spring Boot PEM bundle: the certificate file, type PEM',
      {
        'svc/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    bundle: web\nspring:\n  ssl:\n    bundle:\n      pem:\n        web:\n          keystore:\n            certificate: classpath:server.crt\n            private-key: classpath:server.key\n',
        'svc/src/main/resources/server.crt': fs.readFileSync(path.join(STORES, '..', '..', 'certs', 'api-san.crt')),
      },
      ['spring.server key=svc/src/main/resources/server.crt[PEM] trust=- default=jdk-cacerts'],
      'spring.server',
    ],
    [
      'Spring Boot server.ssl.bundle naming a bundle the tree does not define: no store (unknown), not a file named after the bundle',
      { 'svc/src/main/resources/application.properties': 'server.ssl.bundle=elsewhere\nserver.port=8443\n' },
      ['spring.server key=- trust=- default=jdk-cacerts'],
      'spring.server',
    ],
    [
      'Tomcat <Certificate certificateKeystoreFile> relative to CATALINA_BASE, truststoreFile on SSLHostConfig',
      {
        'tomcat/conf/server.xml': `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true">\n<SSLHostConfig truststoreFile="conf/trust.jks" truststorePassword="${PASSWORD}">\n<Certificate certificateKeystoreFile="conf/key.jks" certificateKeystorePassword="${PASSWORD}" certificateKeyAlias="server" type="RSA"/>\n</SSLHostConfig>\n</Connector>\n</Service></Server>\n`,
        'tomcat/conf/key.jks': store('key.jks'),
        'tomcat/conf/trust.jks': store('trust.jks'),
      },
      [
        'tomcat.connector key=tomcat/conf/key.jks[JKS]+pw@tomcat/conf/server.xml:4 alias=server@tomcat/conf/server.xml:4 trust=tomcat/conf/trust.jks[JKS]+pw@tomcat/conf/server.xml:3',
      ],
    ],
    [
      'Tomcat legacy Connector keystoreFile/keyAlias, no keystore at all: the default ~/.keystore outside the tree',
      {
        'tomcat/conf/server.xml':
          '<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true" keystoreFile="conf/key.jks" keyAlias="server" keystoreType="JKS"/>\n<Connector port="8444" SSLEnabled="true"/>\n</Service></Server>\n',
        'tomcat/conf/key.jks': store('key.jks'),
      },
      [
        'tomcat.connector key=?${user.home}/.keystore[?] trust=- default=jdk-cacerts',
        'tomcat.connector key=tomcat/conf/key.jks[JKS] alias=server@tomcat/conf/server.xml:2 trust=- default=jdk-cacerts',
      ],
    ],
    [
      'Liberty defaultKeyStore without a location: resources/security/key.p12, also the trust store (no trustStoreRef)',
      {
        'wlp/usr/servers/app/server.xml': `<server>\n<keyStore id="defaultKeyStore" password="${PASSWORD}"/>\n<ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" serverKeyAlias="server"/>\n<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n`,
        'wlp/usr/servers/app/resources/security/key.p12': store('key.p12'),
      },
      [
        'liberty.https-endpoint key=wlp/usr/servers/app/resources/security/key.p12[PKCS12]+pw@wlp/usr/servers/app/server.xml:2 alias=server@wlp/usr/servers/app/server.xml:3 trust=wlp/usr/servers/app/resources/security/key.p12[PKCS12]+pw@wlp/usr/servers/app/server.xml:2 default=none',
      ],
    ],
    [
      'Liberty trustStoreRef with ${server.config.dir} and trustDefaultCerts',
      {
        'wlp/usr/servers/app/server.xml': `<server>\n<keyStore id="defaultKeyStore" password="${PASSWORD}"/>\n<keyStore id="ts" location="\${server.config.dir}/resources/security/trust.p12" type="PKCS12" password="${PASSWORD}"/>\n<ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="ts" trustDefaultCerts="true"/>\n<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n`,
        'wlp/usr/servers/app/resources/security/trust.p12': store('trust.p12'),
      },
      [
        'liberty.https-endpoint key=?${server.output.dir}/resources/security/key.p12[?]+pw@wlp/usr/servers/app/server.xml:2 trust=wlp/usr/servers/app/resources/security/trust.p12[PKCS12]+pw@wlp/usr/servers/app/server.xml:3 default=jdk-cacerts',
      ],
    ],
    [
      // OpenLiberty/liberty-bikes@c0f296a (EPL-1.0) auth-service/src/main/liberty/config/server.xml: Liberty's location
      // symbols end in a slash, so no slash follows ${server.config.dir}; the store was not found.
      'Liberty trustStoreRef with ${server.config.dir}resources/… (no slash after the symbol)',
      {
        'wlp/usr/servers/app/server.xml': `<server>\n<keyStore id="defaultKeyStore" password="${PASSWORD}"/>\n<keyStore id="ts" location="\${server.config.dir}resources/security/trust.p12" type="PKCS12" password="${PASSWORD}"/>\n<ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="ts"/>\n<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n`,
        'wlp/usr/servers/app/resources/security/trust.p12': store('trust.p12'),
        // Another service's store of the same name: matched by its last segments, it was taken for this server's.
        'other-service/resources/security/trust.p12': store('trust.p12'),
      },
      [
        'liberty.https-endpoint key=?${server.output.dir}/resources/security/key.p12[?]+pw@wlp/usr/servers/app/server.xml:2 trust=wlp/usr/servers/app/resources/security/trust.p12[PKCS12]+pw@wlp/usr/servers/app/server.xml:3 default=none',
      ],
    ],
    [
      // A variable naming a location symbol was substituted one level only: `${shared.resource.dir}/security/…` was
      // left to match by its tail, and another service's store of that name was taken.
      'Liberty keyStore location through a variable naming ${shared.resource.dir} (wlp/usr/shared/resources)',
      {
        'wlp/usr/servers/app/server.xml': `<server>\n<variable name="sec.dir" value="\${shared.resource.dir}/security"/>\n<keyStore id="defaultKeyStore" password="${PASSWORD}"/>\n<keyStore id="ts" location="\${sec.dir}/trust.p12" type="PKCS12" password="${PASSWORD}"/>\n<ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="ts"/>\n<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n`,
        'wlp/usr/shared/resources/security/trust.p12': store('trust.p12'),
        'other-service/security/trust.p12': store('trust.p12'),
      },
      [
        'liberty.https-endpoint key=?${server.output.dir}/resources/security/key.p12[?]+pw@wlp/usr/servers/app/server.xml:3 trust=wlp/usr/shared/resources/security/trust.p12[PKCS12]+pw@wlp/usr/servers/app/server.xml:4 default=none',
      ],
    ],
    [
      'nginx: ssl_certificate presents, ssl_client_certificate verifies clients to ssl_verify_depth',
      {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate certs/server.pem;\n    ssl_client_certificate certs/ca.pem;\n    ssl_verify_client on;\n    ssl_verify_depth 2;\n  }\n}\n',
      },
      ['nginx.server key=?certs/server.pem[PEM] trust=?certs/ca.pem[PEM] default=none depth=2@nginx/nginx.conf:7'],
    ],
    [
      "WebSphere JMS connection factory: the SSL configuration's keyStore/trustStore (xmi:id) with ${CONFIG_ROOT}, clientKeyAlias",
      {
        'was/config/cells/c/security.xml': `<?xml version="1.0"?>\n<security:Security xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi" xmlns:xmi="http://www.omg.org/XMI">\n<repertoire xmi:id="SSLConfig_1" alias="MQSSL">\n<setting xmi:id="S_1" sslProtocol="TLSv1.2" keyStore="KeyStore_1" trustStore="KeyStore_2" clientKeyAlias="server"/>\n</repertoire>\n<keyStores xmi:id="KeyStore_1" name="NodeDefaultKeyStore" password="{xor}Lz4sLCgwLTs=" location="\${CONFIG_ROOT}/cells/c/nodes/n/key.p12" type="PKCS12"/>\n<keyStores xmi:id="KeyStore_2" name="NodeDefaultTrustStore" password="{xor}Lz4sLCgwLTs=" location="\${CONFIG_ROOT}/cells/c/nodes/n/trust.p12" type="PKCS12"/>\n</security:Security>\n`,
        'was/config/cells/c/resources.xml':
          '<?xml version="1.0"?>\n<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:resources.jms.mqseries="x">\n<resources.jms.mqseries:MQQueueConnectionFactory name="cf" host="mq" port="1414" channel="APP" sslType="SPECIFIC" sslConfiguration="MQSSL" sslCipherSuite="TLS_RSA_WITH_AES_128_CBC_SHA256"/>\n</xmi:XMI>\n',
        'was/config/cells/c/nodes/n/trust.p12': store('trust.p12'),
      },
      [
        'jms.connection-factory key=?${CONFIG_ROOT}/cells/c/nodes/n/key.p12[PKCS12]+pw@was/config/cells/c/security.xml:6 alias=server@was/config/cells/c/security.xml:4 trust=was/config/cells/c/nodes/n/trust.p12[PKCS12]+pw@was/config/cells/c/security.xml:7',
      ],
      'jms.connection-factory',
    ],
    [
      'MQ queue manager: SSLKEYR (a CMS .kdb) for key and trust, CERTLABL as the alias',
      {
        'qm/QM1.mqsc':
          "ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key') CERTLABL('qm1cert')\nDEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n",
      },
      [
        'mq.svrconn key=?/var/mqm/qmgrs/QM1/ssl/key.kdb[CMS] alias=qm1cert@qm/QM1.mqsc:1 trust=?/var/mqm/qmgrs/QM1/ssl/key.kdb[CMS]',
      ],
    ],
    [
      'MQ queue manager: SSLKEYR and CERTLABL set by a later MQSC file of the queue manager (mq-container 15-tls after 10-dev)',
      {
        'qm/10-dev.mqsc': "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12) REPLACE\n",
        'qm/15-tls.mqsc': "ALTER QMGR SSLKEYR('/run/runmqserver/tls/key') CERTLABL('default')\n",
      },
      [
        'mq.svrconn key=?/run/runmqserver/tls/key.kdb[CMS] alias=default@qm/15-tls.mqsc:1 trust=?/run/runmqserver/tls/key.kdb[CMS]',
      ],
    ],
    [
      'MQ for z/OS queue manager: SSLKEYR names a RACF key ring, not a .kdb file',
      {
        'qm/MQW1.mqsc':
          "ALTER QMGR SSLKEYR('MQW1RING') CERTLABL('mqw1')\nDEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n",
      },
      ['mq.svrconn key=?MQW1RING[KEYRING] alias=mqw1@qm/MQW1.mqsc:1 trust=?MQW1RING[KEYRING]'],
    ],
    [
      'MQ C client: MQSSLKEYR in its start script, ${DIR} from the script-directory idiom, before mqclient.ini',
      {
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12' }),
        'app/mqclient.ini': 'SSL:\n  SSLKeyRepository=/var/mqm/ssl/ini-key\n',
        'app/run.sh': 'DIR="$(cd "$(dirname "$0")" && pwd)"\nexport MQSSLKEYR="${DIR}/keys/client"\n',
        'app/keys/client.kdb': 'cms',
      },
      ['mq.ccdt-channel key=app/keys/client.kdb[CMS] trust=app/keys/client.kdb[CMS]'],
      'mq.ccdt-channel',
    ],
    // `...only`: a fourth parameter would make jest pass its `done` callback to the three-column rows.
  ])('%s', (_name, files, expected, ...only) => {
    expect(trustLines(files, only[0])).toEqual(expected);
  });
});

describe('where a Spring server setting comes from', () => {
  it('a -D system property is its own source, not the active profile’s (no "profile active here" on it)', () => {
    const root = writeTree({
      'api/src/main/resources/application.yml': 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:api.p12\n',
      'api/src/main/resources/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      'api/setenv.sh': 'export SPRING_PROFILES_ACTIVE=prod\n',
      'api/jvm.options': '-Dserver.ssl.enabled-protocols=TLSv1.2\n',
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const server = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'spring.server');
      const from = server?.tls?.protocols?.from;
      expect(server?.tls?.protocols?.value).toEqual(['TLSv1.2']);
      expect(from?.kind === 'file' ? path.relative(root, from.location.file) : from?.kind).toBe(
        path.join('api', 'jvm.options'),
      );
      expect(from?.kind === 'file' ? from.via : 'not a file').toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a Spring server presents the key store its settings resolve to (tls.certificate agrees with tls.trust.keyStore)', () => {
  it('an absolute key-store path a Dockerfile copies a tree file to: that file, for both', () => {
    const root = writeTree({
      'svc/src/main/resources/application.yml': `server:\n  port: 8443\n  ssl:\n    key-store: /app/tls/key.p12\n    key-store-password: ${PASSWORD}\n`,
      'svc/keys/key.p12': store('key.p12'),
      'svc/Dockerfile':
        'FROM eclipse-temurin:17-jre\nCOPY keys/key.p12 /app/tls/key.p12\nCOPY target/app.jar /app.jar\n',
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const server = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'spring.server');
      const rel = (f: string | undefined) => f && path.relative(root, f).split(path.sep).join('/');
      expect([rel(server?.tls?.certificate?.file), rel(server?.tls?.trust?.keyStore?.file)]).toEqual([
        'svc/keys/key.p12',
        'svc/keys/key.p12',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
