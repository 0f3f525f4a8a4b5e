import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDocuments } from '../../src/engine/run/read';
import { isKeystoreDocument, keystoreFormat, parseKeystore, type KeystoreData } from '../../src/parse/keystore/format';
import { rc2DecryptBlock } from '../../src/parse/keystore/rc2';
import { friendlyNameText } from '../../src/parse/keystore/pkcs12';
import { decodedPassword } from '../../src/parse/keystore/password-values';
import { rehash } from '../../src/parse/keystore/iterated-hash';
import { createHash } from 'node:crypto';
import { problemMessage, type ParsedDocument } from '../../src/parse/types';
import { buildStores, type BuiltStores } from '../helpers/keystores';
import { writeTree } from '../helpers/rule-tester';

let stores: BuiltStores;
beforeAll(() => {
  stores = buildStores();
});
afterAll(() => fs.rmSync(stores.dir, { recursive: true, force: true }));

/** The store's entries as [alias, kind, subjects of the chain]. */
function summary(doc: ParsedDocument<KeystoreData>): [string, string, string[]][] {
  return doc.data.entries.map((e) => [e.alias, e.entry, e.chain.map((c) => c.subjectText)]);
}

function parse(name: string, kind?: string): ParsedDocument<KeystoreData> {
  const bytes = stores.bytes(name);
  const file = { path: `/x/${name}`, text: '', hadBom: false, bytes };
  return parseKeystore(file, kind ?? keystoreFormat.classifyBytes?.(file.path, bytes) ?? 'none');
}

const CHAIN: [string, string, string[]] = [
  'server',
  'private-key',
  ['CN=app.example.com,O=Stores', 'CN=Test Root CA,O=Stores'],
];
const TRUSTED: [string, string, string[]] = ['rootca', 'trusted-cert', ['CN=Test Root CA,O=Stores']];

describe('key store readers (stores made by keytool and OpenSSL)', () => {
  it.each([
    ['key.jks', 'keystore.jks', [CHAIN]],
    ['key.jceks', 'keystore.jceks', [CHAIN]],
    ['trust.jks', 'keystore.jks', [TRUSTED]],
    // OpenSSL without -certpbe encryption: read with no password at all.
    ['plain.p12', 'keystore.pkcs12', [CHAIN]],
  ])('%s is read without its password', (name, kind, expected) => {
    const doc = parse(name);
    expect(doc.kind).toBe(kind);
    expect(doc.problems).toEqual([]);
    expect(doc.data.readable).toBe(true);
    expect(summary(doc)).toEqual(expected);
  });

  it('reads the key entry of a JKS store without decrypting it: its certificate chain only, SAN and key size kept', () => {
    const [entry] = parse('key.jks').data.entries;
    expect(entry.chain[0]).toMatchObject({
      dnsNames: ['app.example.com'],
      keyType: 'RSA',
      keyBits: 2048,
      isCa: false,
      range: { start: { line: 0, character: 0 } },
    });
    expect(entry.chain[1]).toMatchObject({ isCa: true, selfSigned: true });
    expect(JSON.stringify(parse('key.jks').data)).not.toMatch(/PRIVATE|BEGIN/);
  });

  it.each(['chain.p12', 'key.p12', 'trust.p12', 'legacy.p12'])(
    '%s (encrypted certificates) waits for a password: not readable at parse time, no key derived yet',
    (name) => {
      const doc = parse(name);
      expect(doc.data).toMatchObject({ readable: false, needsPassword: true, entries: [] });
      expect(doc.problems).toEqual([]);
    },
  );

  it.each([
    ['not a store at all', Buffer.from('hello, this is text'), 'keystore.jks', 'keystore-invalid'],
    ['truncated JKS', () => stores.bytes('key.jks').subarray(0, 300), 'keystore.jks', 'keystore-invalid'],
    ['random bytes named .p12', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x03]), 'keystore.pkcs12', 'keystore-invalid'],
    ['a CMS key database', Buffer.from([1, 2, 3, 0, 0]), 'keystore.cms', 'keystore-not-read'],
  ])('%s gives a parse problem, never a throw', (_name, content, kind, code) => {
    const bytes = typeof content === 'function' ? content() : content;
    const doc = parseKeystore({ path: '/x/store', text: '', hadBom: false, bytes }, kind);
    expect(doc.problems.map((p) => p.code)).toEqual([code]);
    expect(doc.data.readable).toBe(
      code === 'keystore-invalid' && kind === 'keystore.jks' && bytes.length > 8 && bytes[0] === 0xfe,
    );
  });

  it.each([
    ['keystore.pkcs12', 'PKCS12'],
    ['keystore.jks', 'JKS'],
  ])('an empty file (%s) says it is empty: a stand-in or a store no runtime loads', (kind, type) => {
    // yurpetr/nps@a7ee3c1 src/main/resources/keystore/nps.p12 (0 bytes). JDK 17 here: KeyStore.load of an empty file
    // throws (PKCS12: IOException 'Tag number over 30 is not supported'; JKS: EOFException).
    const doc = parseKeystore({ path: '/x/store', text: '', hadBom: false, bytes: Buffer.alloc(0) }, kind);
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-invalid', severity: 'warning' })]);
    expect(doc.problems[0]!.message).toContain(`Empty file named like a ${type} key store`);
    expect(doc.data.readable).toBe(false);
  });

  it.each([
    ['key.p12', 'keystore.pkcs12', 'PKCS12'],
    ['key.jks', 'keystore.jks', 'JKS'],
  ])('a store (%s) saved as text says so: its bytes above 0x7F became EF BF BD', (fixture, kind, type) => {
    // apache/tomee@9b8607a examples/webservice-attachments/test.jks: a PKCS #12 file decoded as UTF-8 and written back.
    const mangled = Buffer.from(stores.bytes(fixture).toString('utf8'), 'utf8');
    const doc = parseKeystore({ path: '/x/store', text: '', hadBom: false, bytes: mangled }, kind);
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-invalid', severity: 'warning' })]);
    expect(doc.problems[0]!.message).toContain(`Named like a ${type} key store but its bytes were rewritten as text`);
    expect(doc.data.readable).toBe(false);
    // The store as committed reads as before.
    expect(
      parseKeystore({ path: '/x/store', text: '', hadBom: false, bytes: stores.bytes(fixture) }, kind).problems,
    ).toEqual([]);
  });

  it('classifies stores by their first bytes whatever their name, and by name otherwise', () => {
    expect(keystoreFormat.classifyBytes?.('/x/cacerts', stores.bytes('trust.jks'))).toBe('keystore.jks');
    expect(keystoreFormat.classifyBytes?.('/x/store.bin', stores.bytes('key.p12'))).toBe('keystore.pkcs12');
    expect(keystoreFormat.classifyBytes?.('/x/key.kdb', Buffer.from([0, 1]))).toBe('keystore.cms');
    expect(
      keystoreFormat.classifyBytes?.('/x/server.der', fs.readFileSync(path.join(stores.dir, 'ca.crt'))),
    ).toBeUndefined();
    expect(keystoreFormat.classifyBytes?.('/x/key.sth', Buffer.from([0, 1]))).toBeUndefined();
  });
});

/** Jetty's Password.obfuscate for ASCII passwords (two bytes per base-36 group of four; 'a' is OBF:1ri7, as Jetty prints it). */
const jettyObf = (p: string) =>
  'OBF:' +
  [...Buffer.from(p)]
    .map((b1, i, all) =>
      ((127 + b1 + all[all.length - 1 - i]!) * 256 + 127 + b1 - all[all.length - 1 - i]!).toString(36).padStart(4, '0'),
    )
    .join('');

describe('opening PKCS#12 stores with the password the configuration gives', () => {
  const read = (files: Record<string, string | Buffer>) => {
    const root = writeTree(files);
    try {
      return readDocuments(Object.keys(files).map((f) => path.join(root, f))).documents.filter(isKeystoreDocument);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };

  it.each([
    [
      'Liberty keyStore location + password',
      'wlp/server.xml',
      (p: string) => `<server>\n<keyStore id="ks" location="key.p12" password="${p}"/>\n</server>\n`,
      'wlp/key.p12',
    ],
    [
      'Liberty {xor} password of the default key store',
      'wlp/server.xml',
      (p: string) =>
        `<server>\n<keyStore id="defaultKeyStore" password="{xor}${Buffer.from([...Buffer.from(p)].map((b) => b ^ 0x5f)).toString('base64')}"/>\n</server>\n`,
      'wlp/resources/security/key.p12',
    ],
    [
      'Liberty generated keystore_password in server.env',
      'wlp/server.env',
      (p: string) => `keystore_password=${p}\nWLP_SKIP_MAXPERMSIZE=true\n`,
      'wlp/resources/security/key.p12',
    ],
    [
      '-Djavax.net.ssl.keyStore in jvm.options',
      'app/jvm.options',
      (p: string) => `-Djavax.net.ssl.keyStore=/opt/app/key.p12\n-Djavax.net.ssl.keyStorePassword=${p}\n`,
      'app/key.p12',
    ],
    [
      'Spring server.ssl.key-store',
      'spring/application.properties',
      (p: string) => `server.ssl.key-store=classpath:key.p12\nserver.ssl.key-store-password=${p}\n`,
      'spring/key.p12',
    ],
    [
      // gmjdev/microservices-demo@4bf5aca (Apache-2.0) configuration-svc/src/main/resources/application.yml: the
      // placeholder's default is the password whenever KEYSTORE_PHRASE is not set.
      'Spring placeholder with a default (${KEYSTORE_PHRASE:…})',
      'svc/src/main/resources/application.yml',
      (p: string) =>
        `server:\n  port: 7575\n  ssl:\n    enabled: true\n    key-store: classpath:cert/key.p12\n    key-store-password: \${KEYSTORE_PHRASE:${p}}\n`,
      'svc/src/main/resources/cert/key.p12',
    ],
    [
      'shell default (${KS_PW:-…}) of -Djavax.net.ssl.keyStorePassword in a start script',
      'app/bin/setenv.sh',
      (p: string) =>
        `CATALINA_OPTS="-Djavax.net.ssl.keyStore=/opt/app/key.p12 -Djavax.net.ssl.keyStorePassword=\${KS_PW:-${p}}"\n`,
      'app/key.p12',
    ],
    [
      // spring-projects/spring-boot#43274: a plain or file: location is read from the working directory, where
      // `gradle bootRun` starts (ibm-messaging/mq-jms-spring samples/s2.tls keeps key.jks beside build.gradle).
      'Spring SSL bundle (Boot 3.1+) with a file: location in the project directory',
      'svc/src/main/resources/application.yml',
      (p: string) =>
        `spring:\n  ssl:\n    bundle:\n      jks:\n        ibmmq:\n          truststore:\n            location: "file:key.p12"\n            password: "${p}"\n`,
      'svc/key.p12',
    ],
    [
      // apache/activemq-artemis-examples@c05f8e2 (Apache-2.0) amqp-federation-over-ssl server0/broker.xml: the store and
      // its password are parameters of one acceptor URI (was parse/keystore-locked: "no password tried opens it").
      'Artemis acceptor URI (keyStorePath=…;keyStorePassword=…)',
      'broker/etc/broker.xml',
      (p: string) =>
        `<configuration xmlns="urn:activemq">\n<core xmlns="urn:activemq:core">\n<acceptors>\n<acceptor name="artemis">tcp://0.0.0.0:5660?sslEnabled=true;keyStoreType=PKCS12;keyStorePath=key.p12;keyStorePassword=${p}</acceptor>\n</acceptors>\n</core>\n</configuration>\n`,
      'broker/etc/key.p12',
    ],
    [
      // the same examples' jndi.properties: a client connection factory's trust store and its password
      'JNDI connection factory URI (trustStorePath=…&trustStorePassword=…)',
      'client/src/main/resources/jndi.properties',
      (p: string) =>
        `java.naming.factory.initial=org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory\nconnectionFactory.ConnectionFactory=tcp://localhost:5500?sslEnabled=true&trustStorePath=activemq/server0/key.p12&trustStorePassword=${p}\n`,
      'client/src/main/resources/activemq/server0/key.p12',
    ],
    [
      // javiRPE/JettyStandalone@e52eafb start.d/ssl.ini: Jetty decodes OBF: before it loads the store (was locked)
      'Jetty start property, OBF: (jetty.sslContext.keyStorePassword)',
      'base/start.d/ssl.ini',
      (p: string) =>
        `--module=ssl\njetty.sslContext.keyStorePath=etc/key.p12\njetty.sslContext.keyStorePassword=${jettyObf(p)}\n`,
      'base/etc/key.p12',
    ],
    [
      'Tomcat certificateKeystoreFile',
      'tomcat/conf/server.xml',
      (p: string) =>
        `<Server><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/key.p12" certificateKeystorePassword="${p}" type="RSA"/></SSLHostConfig></Connector></Service></Server>\n`,
      'tomcat/conf/key.p12',
    ],
  ])('%s', (_name, configFile, config, storeFile) => {
    const [doc] = read({ [configFile]: config(stores.password), [storeFile]: stores.bytes('key.p12') });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
    expect(summary(doc)).toEqual([CHAIN]);
    expect(JSON.stringify(doc)).not.toContain(stores.password);
  });

  // Liberty resolves `${name}` in server.xml from server.env, bootstrap.properties and <variable> elements
  // (src/parse/liberty-variable-values.ts): a password written as a variable was "locked" though the server directory
  // gives it.
  const libertyKeyStore = (password: string, variables = '') =>
    `<server>\n${variables}<keyStore id="ks" location="key.p12" password="${password}"/>\n</server>\n`;
  it.each([
    ['server.env (${env.KS_PW})', { 'wlp/server.xml': libertyKeyStore('${env.KS_PW}') }, 'wlp/server.env', 'KS_PW='],
    [
      'bootstrap.properties over a <variable defaultValue>',
      {
        'wlp/server.xml': libertyKeyStore('${ks.pw}', '<variable name="ks.pw" defaultValue="not-the-password"/>\n'),
      },
      'wlp/bootstrap.properties',
      'ks.pw=',
    ],
    ['a <variable value> of server.xml', {}, 'wlp/server.xml', ''],
    [
      // Was locked: only the file's own <variable>s and the server directory's files were read.
      'a <variable value> of a file server.xml includes',
      { 'wlp/server.xml': libertyKeyStore('${ks.pw}', '<include location="variables.xml"/>\n') },
      'wlp/variables.xml',
      'INCLUDED',
    ],
  ])('Liberty: a key store password written as a variable opens the store: %s', (_name, files, file, prefix) => {
    const given =
      prefix === ''
        ? libertyKeyStore('${ks.pw}', `<variable name="ks.pw" value="${stores.password}"/>\n`)
        : prefix === 'INCLUDED'
          ? `<server>\n<variable name="ks.pw" value="${stores.password}"/>\n</server>\n`
          : `${prefix}${stores.password}\n`;
    const [doc] = read({ ...files, [file]: given, 'wlp/key.p12': stores.bytes('key.p12') });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
    expect(doc.data.wrongPassword).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain(stores.password);
  });

  it.each([
    ['a variable nothing in the server directory sets', libertyKeyStore('${ks.pw}')],
    [
      'a <variable defaultValue> that is not the password',
      libertyKeyStore('${ks.pw}', '<variable name="ks.pw" defaultValue="not-the-password"/>\n'),
    ],
  ])('Liberty: %s: locked (info), never a wrong password of its own', (_name, serverXml) => {
    const [doc] = read({ 'wlp/server.xml': serverXml, 'wlp/key.p12': stores.bytes('key.p12') });
    expect(doc.problems.map((p) => p.code)).toEqual(['keystore-locked']);
    expect(doc.data.wrongPassword).toBeUndefined();
  });

  // A password written as a variable the deployment sets elsewhere (a Compose service's environment, a .env line).
  const springStore = {
    'app/src/main/resources/application.properties':
      'server.ssl.key-store=classpath:key.p12\nserver.ssl.key-store-password=${KS_PW}\n',
  };
  it.each([
    [
      'a Compose service sets it',
      'docker-compose.yml',
      (p: string) => `services:\n  app:\n    environment:\n      KS_PW: "${p}"\n`,
    ],
    ['a .env line a Compose service passes on sets it', '.env', (p: string) => `KS_PW=${p}\n`],
  ])('a store password written as ${KS_PW} opens the store when %s', (_name, file, given) => {
    const [doc] = read({
      ...springStore,
      'docker-compose.yml': 'services:\n  app:\n    environment:\n      KS_PW: ${KS_PW}\n',
      [file]: given(stores.password),
      'app/src/main/resources/key.p12': stores.bytes('key.p12'),
    });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
    expect(JSON.stringify(doc)).not.toContain(stores.password);
  });
  it("Tomcat: a password written as a property (${tls.secret}) opens the store with catalina.properties' value", () => {
    const [doc] = read({
      'tomcat/conf/server.xml':
        '<Server><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/key.p12" certificateKeystorePassword="${tls.secret}" type="RSA"/></SSLHostConfig></Connector></Service></Server>\n',
      'tomcat/conf/catalina.properties': `tls.secret=${stores.password}\n`,
      'tomcat/conf/key.p12': stores.bytes('key.p12'),
    });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
  });
  it('a store password written as ${KS_PW} that the deployment sets to another value: locked, never its own wrong one', () => {
    const [doc] = read({
      ...springStore,
      'docker-compose.yml': 'services:\n  app:\n    environment:\n      KS_PW: not-the-password\n',
      'app/src/main/resources/key.p12': stores.bytes('key.p12'),
    });
    expect(doc.problems.map((p) => p.code)).toEqual(['keystore-locked']);
    expect(doc.data.wrongPassword).toBeUndefined();
  });

  it('opens an RC2-40 PKCS#12 (OpenSSL -legacy, keytool before 8u301) with the JDK default password when the configuration gives none', () => {
    const [doc] = read({ 'app/legacy.p12': stores.bytes('legacy.p12') });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'default' });
    expect(summary(doc)).toEqual([CHAIN]);
  });

  it('reads keytool trusted-certificate entries of a PKCS#12 trust store', () => {
    const [doc] = read({
      'app/jvm.options': `-Djavax.net.ssl.trustStore=trust.p12\n-Djavax.net.ssl.trustStorePassword=${stores.password}\n`,
      'app/trust.p12': stores.bytes('trust.p12'),
    });
    expect(summary(doc)).toEqual([TRUSTED]);
  });

  // spring-projects/spring-security-samples@472a9b7 (Apache-2.0): reactive/webflux/.../x509's application.yml names
  // `classpath:./certs/server.p12`, its own src/main/resources/certs/server.p12; the servlet x509 sample's store of that
  // name was said to be opened by it (and so linted with it), not by the servlet sample's tomcat.xml.
  it.each([
    ["the second project's store is opened by its own application.yml", 'b/src/main/resources/application.yml'],
    ["the first project's store is opened by its own application.yml", 'a/src/main/resources/application.yml'],
  ])('two sample projects, each with certs/server.p12: %s', (_name, opener) => {
    const yml = `server:\n  ssl:\n    key-store: 'classpath:./certs/server.p12'\n    key-store-password: '${stores.password}'\n`;
    const docs = read({
      'a/src/main/resources/application.yml': yml,
      'a/src/main/resources/certs/server.p12': stores.bytes('key.p12'),
      'b/src/main/resources/application.yml': yml,
      'b/src/main/resources/certs/server.p12': stores.bytes('key.p12'),
    });
    const store = opener.startsWith('b/') ? docs[1] : docs[0];
    expect(store?.data.openedBy?.file.endsWith(opener)).toBe(true);
  });

  // Dabz/kafka-security-playbook@24ee035 kafka-connect-mtls/docker-compose.yml: the trust store's password line comes
  // first and holds the same value as the key store's; the key store is opened by its own password setting.
  it.each([
    [
      'Compose Connect REST listener (trust store password first)',
      'connect/docker-compose.yml',
      (p: string) =>
        `services:\n  connect:\n    image: confluentinc/cp-kafka-connect:7.0.0\n    environment:\n      CONNECT_LISTENERS: 'https://0.0.0.0:18083'\n      CONNECT_LISTENERS_HTTPS_SSL_TRUSTSTORE_LOCATION: /etc/kafka-connect/secrets/server.truststore\n      CONNECT_LISTENERS_HTTPS_SSL_TRUSTSTORE_PASSWORD: ${p}\n      CONNECT_LISTENERS_HTTPS_SSL_KEYSTORE_LOCATION: /etc/kafka-connect/secrets/server.keystore\n      CONNECT_LISTENERS_HTTPS_SSL_KEYSTORE_PASSWORD: ${p}\n`,
      'connect/secrets/server.keystore',
      8,
    ],
    [
      'Kafka client properties (key password and trust store password nearer)',
      'client/client.properties',
      (p: string) =>
        `security.protocol=SSL\nssl.truststore.location=/etc/secrets/client.truststore.p12\nssl.keystore.password=${p}\nssl.truststore.password=${p}\nssl.keystore.location=/etc/secrets/client.keystore.p12\nssl.key.password=${p}\n`,
      'client/client.keystore.p12',
      2,
    ],
    [
      'Spring Boot server.ssl (trust store password above the key store)',
      'app/src/main/resources/application.yml',
      (p: string) =>
        `server:\n  port: 8443\n  ssl:\n    key-store-password: ${p}\n    trust-store-password: ${p}\n    key-store: classpath:server.p12\n    trust-store: classpath:trust.p12\n`,
      'app/src/main/resources/server.p12',
      3,
    ],
  ])('%s: the key store is opened by its own password setting', (_name, configFile, config, storeFile, line) => {
    const [doc] = read({ [configFile]: config(stores.password), [storeFile]: stores.bytes('key.p12') });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
    expect(doc.data.openedByOtherStoreSetting).toBeUndefined();
    expect(doc.data.openedBy?.range?.start.line).toBe(line);
  });

  // deepaksorthiya/spring-boot-ssl-client-server@670c0cf: springbootssl.p12 is named only by commented-out lines of
  // application.properties and opens (keytool -list -storepass) with the password of its jks bundle settings.
  it("a store no setting names opens with another store's password of the deployment (marked as such)", () => {
    const [doc] = read({
      'svc/src/main/resources/application.properties': `spring.ssl.bundle.jks.server.keystore.location=classpath:other.jks\nspring.ssl.bundle.jks.server.keystore.password=${stores.password}\n#spring.ssl.bundle.jks.server.keystore.location=classpath:key.p12\n`,
      'svc/src/main/resources/key.p12': stores.bytes('key.p12'),
    });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration', openedByOtherStoreSetting: true });
    expect(doc.data.openedBy?.range?.start.line).toBe(1);
    expect(JSON.stringify(doc)).not.toContain(stores.password);
  });

  it('a password that is not a store password (a data source) is not tried on a store no setting names', () => {
    const [doc] = read({
      'svc/src/main/resources/application.properties': `spring.datasource.password=${stores.password}\n`,
      'svc/src/main/resources/key.p12': stores.bytes('key.p12'),
    });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-locked', severity: 'info' })]);
  });

  it.each([
    // A PKCS#12 store whose certificates are encrypted stays unread: its locked info is kept, and the engine drops it
    // beside cert/store-password-wrong (test/engine/locked-stores.test.ts); a start may give the right password.
    ['key.p12', ['keystore-locked']],
    // JKS and JCEKS certificates are read without a password: nothing is locked.
    ['key.jks', []],
    ['key.jceks', []],
  ])(
    "%s: its own setting's wrong password is kept (where, never the value) for cert/store-password-wrong",
    (store, codes) => {
      const [doc] = read({
        'app/jvm.options': `-Djavax.net.ssl.keyStore=${store}\n-Djavax.net.ssl.keyStorePassword=not-the-password\n`,
        [`app/${store}`]: stores.bytes(store),
      });
      expect(doc.problems.map((p) => p.code)).toEqual(codes);
      expect(doc.data.wrongPassword).toMatchObject({ file: expect.stringMatching(/jvm\.options$/) });
      expect(JSON.stringify(doc.data)).not.toContain('not-the-password');
    },
  );

  it.each(['key.jks', 'key.jceks'])('%s opened by its own setting: nothing kept', (store) => {
    const [doc] = read({
      'app/jvm.options': `-Djavax.net.ssl.keyStore=${store}\n-Djavax.net.ssl.keyStorePassword=${stores.password}\n`,
      [`app/${store}`]: stores.bytes(store),
    });
    expect(doc.data.wrongPassword).toBeUndefined();
    expect(doc.data.readable).toBe(true);
  });

  it.each([
    ['no configuration names it', { 'app/key.p12': 'key.p12' }],
    [
      'an {aes} password',
      {
        'app/server.xml':
          '<server><keyStore id="k" location="key.p12" password="{aes}AEmVKa+jOeA6cKRtDRoRgUQ="/></server>',
        'app/key.p12': 'key.p12',
      },
    ],
  ])('%s: an info finding names the store, its certificates are unknown', (_name, files) => {
    const tree = Object.fromEntries(
      Object.entries(files).map(([f, c]) => [f, f.endsWith('.p12') ? stores.bytes(c) : c]),
    );
    const [doc] = read(tree);
    expect(doc.data).toMatchObject({ readable: false, entries: [] });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-locked', severity: 'info' })]);
    expect(problemMessage(doc.problems[0])).toContain('key.p12');
  });

  // ibm-messaging/mq-dev-patterns@bfff441 (Apache-2.0) serverless/codeengine/clientapp/keys/clientkey.kdb is PKCS#12
  // (openssl pkcs12 -info reads its MAC) with clientkey.sth beside it: IBM MQ takes the password from the stash.
  it('a locked .kdb in PKCS#12 form: the info says its password is in the stash file, not in configuration', () => {
    const [doc] = read({ 'keys/clientkey.kdb': stores.bytes('key.p12') });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-locked', severity: 'info' })]);
    const message = problemMessage(doc.problems[0]);
    expect(message).toContain('stash file (clientkey.sth)');
    expect(message).not.toContain("component's configuration");
  });

  // xipki/xipki@10c3450 (Apache-2.0) qa/p12/RSA2048/tls1.p12, written by BouncyCastle: BER with indefinite lengths,
  // which OpenJDK 17's keytool lists with the store password CHANGEIT.
  const berStore = fs.readFileSync(path.join(__dirname, '../fixtures/keystores/xipki/tls1.p12'));

  it('opens a BER PKCS#12 (indefinite lengths, as BouncyCastle writes it) with the password Tomcat gives', () => {
    const [doc] = read({
      'tomcat/conf/server.xml':
        '<Server><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/tls1.p12" certificateKeystorePassword="CHANGEIT" certificateKeystoreType="PKCS12"/></SSLHostConfig></Connector></Service></Server>\n',
      'tomcat/conf/tls1.p12': berStore,
    });
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, openedWith: 'configuration' });
    expect(summary(doc)).toEqual([['main', 'private-key', ['CN=DUMMY']]]);
  });

  it('a BER PKCS#12 no configuration opens is locked (info), not malformed', () => {
    const [doc] = read({ 'app/tls1.p12': berStore });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-locked', severity: 'info' })]);
  });

  it.each([
    ['indefinite lengths nested past any PKCS#12', Buffer.concat([Buffer.alloc(2000, '3080', 'hex')])],
    ['an indefinite length without its end-of-contents', Buffer.from('3080020103', 'hex')],
    ['an indefinite length on a primitive element', Buffer.from('30800480000000', 'hex')],
  ])('%s: a malformed-store warning, never a crash', (_name, bytes) => {
    const [doc] = read({ 'app/bad.p12': bytes });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-invalid', severity: 'warning' })]);
  });

  it('decodes {xor} passwords and leaves unreadable encodings alone', () => {
    expect(decodedPassword('{xor}CDo9Hgw=')).toBe('WebAS');
    expect(decodedPassword('${env.KS_PASSWORD}')).toBeUndefined();
    expect(decodedPassword('{aes}AEmVKa')).toBeUndefined();
    expect(decodedPassword('{cipher}d59274473b196ceb')).toBeUndefined();
    expect(decodedPassword(' changeit ')).toBe('changeit');
  });
});

describe('RC2 (RFC 2268)', () => {
  it.each([
    // RFC 2268 section 5 test vectors: key, effective bits, plaintext, ciphertext.
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ])('key %s (%d bits) decrypts %s', (key, bits, plain, cipher) => {
    expect(rc2DecryptBlock(Buffer.from(key, 'hex'), bits, Buffer.from(cipher, 'hex')).toString('hex')).toBe(plain);
  });
});

describe('iterated SHA-1 / SHA-256 of the PKCS#12 key derivation', () => {
  it.each([
    ['sha1', 1],
    ['sha1', 2],
    ['sha1', 1000],
    ['sha256', 1],
    ['sha256', 3],
    ['sha256', 1000],
    ['sha384', 5],
  ])('%s rehashed %d times equals node:crypto', (hash, times) => {
    const start = createHash(hash).update('lint-deploy').digest();
    let expected = start;
    for (let i = 0; i < times; i++) expected = createHash(hash).update(expected).digest();
    expect(rehash(hash, start, times).toString('hex')).toBe(expected.toString('hex'));
  });
});

// todaynowork/websphere_ejb_lookup@cd45b22's key.p12 (WebSphere's own): its friendlyName is 'default' and a NUL, which
// `openssl pkcs12 -legacy -info` prints as 'default'; a message said alias 'default\u0000'.
test.each([
  ['default', 'default'],
  ['default\0', 'default'],
  ['CN=Test Root CA,O=Stores', 'CN=Test Root CA,O=Stores'],
  ['\0', ''],
])('a friendlyName BMPString %j reads as alias %j', (written, alias) => {
  expect(friendlyNameText(Buffer.from(written, 'utf16le').swap16())).toBe(alias);
});
