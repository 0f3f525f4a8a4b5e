import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { execFileSync } from 'node:child_process';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { ACCESS_WORDS } from '../../src/model/mq-access-words';
import { secretMasker } from '../../src/engine/run/redact';
import { writeTree } from '../helpers/rule-tester';
import { problemFinding, type ParsedDocument } from '../../src/parse/types';
import { parseProperties } from '../../src/parse/properties';
import { parseXml } from '../../src/parse/xml';
import { kubernetesFormat } from '../../src/parse/kubernetes';
import { daysFromNow, issue, leaf } from '../helpers/pki';
import { lintTree } from './lint-helper';
import { fromSecret, ordersContainerDeployment, secretManifest } from '../helpers/kubernetes-manifests';

const doc = (text: string) =>
  ({
    ...parseProperties(text),
    file: { path: '/x', text, hadBom: false },
    kind: 'x',
    data: undefined,
  }) as ParsedDocument;

describe('secretMasker', () => {
  it('ends on an empty published text, name or phrase (an empty certificate subject: the heap ran out)', () => {
    const mask = secretMasker([doc('api.secret=Very$Long.Secret(1)\n')], [''], [''], () => ['']);
    expect(mask('value Very$Long.Secret(1) here')).toBe('value *** here');
  });

  const mask = secretMasker([
    doc('keyStorePassword=admin\ntrustStorePassword=only\napi.secret=Very$Long.Secret(1)\nplain=admin\nenabled=true\n'),
  ]);

  it('masks short secrets as whole tokens, keeping ordinary words', () => {
    expect(mask('an administrator may allow only TLSv1.2')).toBe('an administrator may allow *** TLSv1.2');
    expect(mask("password 'admin' is weak")).toBe("password '***' is weak");
  });

  it('masks long secrets anywhere, regex characters included', () => {
    expect(mask('url=https://u:Very$Long.Secret(1)@host')).toBe('url=https://u:***@host');
  });

  it('leaves harmless values alone', () => {
    expect(mask('enabled is true')).toBe('enabled is true');
  });
});

describe("secretMasker: a Kubernetes Secret's password keys", () => {
  it.each<[string, string]>([
    ['base64 data, decoded (the password a key store in the Secret is opened with)', 'data'],
    ['stringData, as written', 'stringData'],
  ])('%s', (_name, section) => {
    const value = section === 'data' ? Buffer.from('Ks-Pa55-k8s').toString('base64') : 'Ks-Pa55-k8s';
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\n${section}:\n  keystore-password: ${value}\n  alias: orders\n`;
    const manifest = kubernetesFormat.parse({ path: '/k8s/secret.yaml', text, hadBom: false }, 'kubernetes');
    const mask = secretMasker([manifest]);
    expect(mask('opened with Ks-Pa55-k8s, alias orders')).toBe('opened with ***, alias orders');
  });

  it("a key a container's secretKeyRef names, whatever its name (`pw`): the store password it sets", () => {
    const text = [
      secretManifest('orders-pw', { pw: Buffer.from('Ks-Pa55-k8s').toString('base64'), alias: 'orders' }) + '---',
      ordersContainerDeployment('orders:1.0', fromSecret('SERVER_SSL_KEY_STORE_PASSWORD', 'orders-pw', 'pw')),
    ].join('\n');
    const manifest = kubernetesFormat.parse({ path: '/k8s/orders.yaml', text, hadBom: false }, 'kubernetes');
    const mask = secretMasker([manifest]);
    expect(mask('opened with Ks-Pa55-k8s, alias orders')).toBe('opened with ***, alias orders');
  });

  it("a ConfigMap key a container's configMapKeyRef takes into a variable named like a secret (DB_PASSWORD)", () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-db\ndata:\n  db: Db-Pa55-cm\n  host: orders-db\n---',
      ordersContainerDeployment('orders:1.0', [
        'env:',
        '- name: DB_PASSWORD',
        '  valueFrom:',
        '    configMapKeyRef: { name: orders-db, key: db }',
        '- name: DB_HOST',
        '  valueFrom:',
        '    configMapKeyRef: { name: orders-db, key: host }',
      ]),
    ].join('\n');
    const manifest = kubernetesFormat.parse({ path: '/k8s/orders.yaml', text, hadBom: false }, 'kubernetes');
    const mask = secretMasker([manifest]);
    expect(mask('logs in with Db-Pa55-cm to orders-db')).toBe('logs in with *** to orders-db');
  });
});

describe('secretMasker: HTTP Basic credentials', () => {
  it('masks the base64 token of `Basic user:password` whatever the key', () => {
    const mask = secretMasker([doc('header.Authorization=Basic dXNlcjpzM2NyZXQtOQ==\n')]);
    expect(mask('sends Basic dXNlcjpzM2NyZXQtOQ== upstream')).toBe('sends Basic *** upstream');
  });
});

describe('secretMasker: passwords inside a connection string', () => {
  it("masks a JDBC URL's password=, an Artemis keyStorePassword= and a URL's user:password@ whatever the key", () => {
    const mask = secretMasker([
      doc(
        'spring.datasource.url=jdbc:postgresql://db/app?user=app&password=Db-Pa55-7\n' +
          'broker=tcp://mq:61617?sslEnabled=true;keyStorePassword=Ks-Pa55-7\n' +
          'spring.rabbitmq.addresses=amqps://app:Mq-Pa55-7@rabbit:5671\n',
      ),
    ]);
    expect(mask('jdbc:postgresql://db/app?user=app&password=Db-Pa55-7')).toBe(
      'jdbc:postgresql://db/app?user=app&password=***',
    );
    expect(mask('keyStorePassword=Ks-Pa55-7;')).toBe('keyStorePassword=***;');
    expect(mask('amqps://app:Mq-Pa55-7@rabbit:5671')).toBe('amqps://app:***@rabbit:5671');
  });
});

describe('secretMasker: values only, never key names', () => {
  const mask = secretMasker([
    doc('server.ssl.key-store-password=password\nserver.ssl.key-password=store\nother.secret=Zq-long-secret-1\n'),
  ]);

  it('a secret that is also a word of a key name is masked only where it stands alone', () => {
    expect(mask('server.ssl.key-store-password is set')).toBe('server.ssl.key-store-password is set');
    expect(mask("server.ssl.key-store-password is 'password'")).toBe("server.ssl.key-store-password is '***'");
    expect(mask('password')).toBe('***');
  });

  it('a whole key name given as a value is a name, even when a secret is a word of it', () => {
    const named = secretMasker([doc('user@password=password\n')]);
    expect(named('user@password')).toBe('user@password');
    expect(named('user@password is password')).toBe('user@*** is ***');
    expect(named('password')).toBe('***');
  });

  it("an XML element's name that makes its value secret is a key name too (kidaak/jboss7: ejbremoteuserpassword)", () => {
    const text = '<server>\n  <property name="ejbremoteuserpassword" value="password"/>\n</server>\n';
    const xml = { ...parseXml(text), file: { path: '/host.xml', text, hadBom: false }, kind: 'x' } as ParsedDocument;
    const named = secretMasker([xml]);
    expect(named('property@value (ejbremoteuserpassword) in host.xml')).toBe(
      'property@value (ejbremoteuserpassword) in host.xml',
    );
    expect(named("property@value is 'password'")).toBe("property@value is '***'");
  });

  it('a whole component name given as a value is a name (WASdev/ci.docker: the password Liberty)', () => {
    const named = secretMasker([doc('keystore.password=Liberty\n')], ['Liberty HTTPS endpoint app :9443']);
    expect(named('Liberty HTTPS endpoint app :9443')).toBe('Liberty HTTPS endpoint app :9443');
    expect(named('Liberty')).toBe('***');
    expect(named('Liberty HTTPS endpoint app :9443, Liberty HTTPS endpoint app :9443')).not.toContain('***');
    // The name keeps its word; the bare value beside it is masked.
    expect(named('Liberty HTTPS endpoint app :9443, Liberty')).toBe('Liberty HTTPS endpoint app :9443, ***');
    // A long secret is masked inside a component name too (test/report/html.test.ts: a name after a secret).
    const long = secretMasker([doc('keystore.password=Sup3r-S3cret!\n')], ['named after Sup3r-S3cret!']);
    expect(long('named after Sup3r-S3cret!')).toBe('named after ***');
    expect(named('the password is Liberty')).toBe('the password is ***');
  });

  it('a short secret inside a component name within a longer text is a word of the name (DGogadze/two-way-ssl-authorization: the password server)', () => {
    const name = 'Spring Boot HTTPS server (server/src/main/resources, port 443)';
    const named = secretMasker([doc('server.ssl.key-store-password=server\n')], [name]);
    expect(named(`${name} names it here`)).toBe(`${name} names it here`);
    expect(named(`the server at ${name} names it here`)).toBe(`the *** at ${name} names it here`);
    expect(named(`alias 'server' in ${name}`)).toBe(`alias '***' in ${name}`);
    // A long secret is masked inside a name, and a name that is itself a secret shields nothing.
    const long = secretMasker([doc('k.password=serverpassword\n')], ['app serverpassword (a)']);
    expect(long('app serverpassword (a) names it here')).toBe('app *** (a) names it here');
    const secretName = secretMasker([doc('k.password=gateway\n')], ['gateway']);
    expect(secretName('gateway names it here')).toBe('*** names it here');
  });

  it("the model's own phrases keep their words (ibm-messaging/cp4i-mq-samples: the sample password 'password')", () => {
    const own = secretMasker([doc('mq.password=password\n')], [], Object.values(ACCESS_WORDS));
    expect(own('(SVRCONN: client-asserted user, password checked for administrators)')).toBe(
      '(SVRCONN: client-asserted user, password checked for administrators)',
    );
    expect(own('the key store password is password')).toBe('the key store *** is ***');
    // A secret that is a whole phrase is still the tree's value.
    const whole = secretMasker([doc('mq.password=password checked\n')], [], Object.values(ACCESS_WORDS));
    expect(whole('runs as app, password checked')).toBe('runs as app, ***');
  });

  it('other secrets are masked inside longer text as before', () => {
    expect(mask('jdbc:x://u:Zq-long-secret-1@h')).toBe('jdbc:x://u:***@h');
  });

  it('linear in the text and the number of secrets: 40,000 secrets, 2,000 messages', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `k${i}.password=Zq-s3cr3t-${i}-x`).join('\n');
    const many = secretMasker([doc(lines)]);
    const messages = Array.from(
      { length: 2_000 },
      (_, i) => `value 'Zq-s3cr3t-${i * 7}-x' of k${i}.password and Zq-s3cr3t-${i}-xy`,
    );
    const masked = messages.map(many);
    expect(masked[3]).toBe("value '***' of k3.password and ***y");
    expect(masked.join('\n')).not.toMatch(/Zq-s3cr3t-\d+-x/);
  });
});

describe('secretMasker: file paths are names, never masked', () => {
  const withPath = (path: string, text: string) =>
    ({ ...doc(text), file: { path, text, hadBom: false } }) as ParsedDocument;
  const mask = secretMasker([withPath('test-stock-trader/config/server.xml', 'user.password=trader\n')]);

  it('a secret inside a path of the tree is not masked there', () => {
    expect(mask('keyStore@password in test-stock-trader/config/server.xml')).toBe(
      'keyStore@password in test-stock-trader/config/server.xml',
    );
  });

  it('the same secret standing alone is still masked', () => {
    expect(mask("password 'trader' is weak")).toBe("password '***' is weak");
  });
});

describe('a tree whose password is an ordinary word', () => {
  // A store password written as 'password' that opens no store, and a store no setting names (a setting naming it would
  // make its wrong password cert/store-password-wrong's): the info about the locked store keeps its own words, while
  // the tree's text that quotes the secret is still masked.
  const keyP12 = fs.readFileSync(path.resolve(__dirname, '../fixtures/keystores/generated/key.p12'));
  const root = writeTree({
    'wlp/server.xml': '<server>\n  <keyStore id="defaultKeyStore" type="PKCS12" password="password"/>\n</server>\n',
    'wlp/key.p12': keyP12,
    'wlp/bad.p12': Buffer.from('not a store, password'),
    'wlp/bad.crt': '-----BEGIN CERTIFICATE-----\nMIIBpassword\n-----END CERTIFICATE-----\n',
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
  const messages = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

  it("a parse problem's own words are not masked", () => {
    expect(messages('parse/keystore-locked')).toEqual([
      expect.stringContaining('no password tried opens it (no password, an empty one, the default changeit'),
    ]);
  });

  it('the text of the tree it quotes is, in the message and the fingerprint', () => {
    const mask = (text: string) => text.replaceAll('password', '***');
    const quoting = {
      code: 'keystore-invalid-certificate',
      severity: 'warning' as const,
      range: findings[0]!.location.range!,
    };
    const withData = problemFinding(
      '/t/key.p12',
      { ...quoting, message: 'Entry {{alias}}: no password', data: { alias: 'password' } },
      mask,
    );
    expect([withData.message, withData.fingerprint]).toEqual([
      'Entry ***: no password',
      'parse/keystore-invalid-certificate|key.p12|Entry ***: no password',
    ]);
    // Without `data` the whole message may quote the tree: all of it is masked.
    const whole = problemFinding('/t/key.p12', { ...quoting, message: 'Entry password: no password' }, mask);
    expect(whole.message).toBe('Entry ***: no ***');
  });
});

describe("a rule's own phrase in a related message (iAMSagar44/spring-ssl-bundle@6681689: the password 'password')", () => {
  // A PKCS#12 store no setting names opens with the password of another store's setting; the related message says
  // so in the rule's words (a Phrase, src/core/phrase.ts), which masking must leave readable.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-phrase-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=demo');
  openssl('pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-passout', 'pass:password', '-out', 'key.p12');
  const root = writeTree({
    'svc/src/main/resources/application.properties':
      'spring.ssl.bundle.jks.server.keystore.location=classpath:other.jks\nspring.ssl.bundle.jks.server.keystore.password=password\n#spring.ssl.bundle.jks.server.keystore.location=classpath:key.p12\n',
    'svc/src/main/resources/key.p12': fs.readFileSync(path.join(dir, 'key.p12')),
  });
  afterAll(() => [dir, root].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('keeps the phrase and still masks the value where the tree quotes it', () => {
    const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
    const weak = findings.find((f) => f.ruleId === 'cert/weak-key');
    expect(weak?.related?.map((r) => r.message)).toContain(
      "no setting names key.p12; it opens with the password of this other store's setting",
    );
    const quoted = findings.find((f) => f.ruleId === 'security/plaintext-secret');
    expect(quoted?.message).not.toMatch(/'password'|= ?password\b/);
  });
});

describe("security/plaintext-secret's fix in a product's words (a Phrase)", () => {
  // The fix is message data, masked like any value; a password `vault` must not turn "… a vault" into "… a ***".
  const root = writeTree({
    'app/pom.xml': '<project><modelVersion>4.0.0</modelVersion><artifactId>app</artifactId></project>\n',
    'app/src/main/resources/application.properties': 'spring.datasource.password=vault\n',
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the advice readable and never quotes the value', () => {
    const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
    const plaintext = findings.find((f) => f.ruleId === 'security/plaintext-secret');
    expect(plaintext?.message).toContain('filled from the environment, a vault)');
    expect(plaintext?.message).not.toMatch(/=\s*vault|'vault'/);
  });
});

describe("mq/channel-runs-as-admin's own words (sujatha-sureshkmr/CP4I-Messaging@dca9ed4: a JMS key store password 'password')", () => {
  // The rule builds " without a certificate or password" as message data, which is masked like any value: a tree
  // password that is the word itself turned it into "without a certificate or ***" (a Phrase keeps it).
  const root = writeTree({
    'qm/QM1.mqsc':
      "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')\n",
    'jms/run.sh': 'java -Djavax.net.ssl.keyStorePassword=password -cp . App\n',
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the phrase readable', () => {
    const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
    const admin = findings.find((f) => f.ruleId === 'mq/channel-runs-as-admin');
    expect(admin?.message).toContain('without a certificate or password');
  });
});

describe("names the model gives things are names (marcelmaatkamp/kafka-sasl@faf1327: the JAAS password 'kafka')", () => {
  // A Compose service, a key-store alias and a certificate subject that equal a short password are the tree's
  // identifiers: messages quoting the Kafka broker's end or the certificate keep them, and the value stays masked
  // where the tree quotes it as a value.
  const expired = issue({ cn: 'kafka', notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-names-'));
  const stored = issue({ cn: 'kafka', notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01'), serial: 2 });
  fs.writeFileSync(path.join(dir, 'c.pem'), stored.pem);
  fs.writeFileSync(path.join(dir, 'k.pem'), stored.keyPem);
  // Its entry's alias is the password too (the store opens with an empty password): the store's own label stays masked.
  execFileSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-in',
      'c.pem',
      '-inkey',
      'k.pem',
      '-name',
      'kafka',
      '-passout',
      'pass:',
      '-out',
      'broker.p12',
    ],
    { cwd: dir, stdio: 'pipe' },
  );
  const root = writeTree({
    'docker-compose.yml': [
      'services:',
      '  kafka:',
      '    image: confluentinc/cp-server:7.5.0',
      '    environment:',
      '      KAFKA_OPTS: -Djava.security.auth.login.config=/etc/kafka/jaas.conf',
      '      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9092',
      '      KAFKA_SECURITY_INTER_BROKER_PROTOCOL: SSL',
      '      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ""',
      '    volumes:',
      '      - ./jaas.conf:/etc/kafka/jaas.conf',
      '',
    ].join('\n'),
    'jaas.conf':
      'Client {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n  username="kafka"\n  password="kafka";\n};\n',
    'certs/old.pem': expired.pem,
    'certs/broker.p12': fs.readFileSync(path.join(dir, 'broker.p12')),
  });
  afterAll(() => [dir, root].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;

  it("keeps a Kafka broker end's service name", () => {
    const off = findings.find((f) => f.ruleId === 'kafka/hostname-verification-disabled');
    expect(off?.message).toContain('(docker-compose.yml service kafka)');
  });

  it("keeps a certificate's subject, not a key-store alias", () => {
    const expiredMessages = findings.filter((f) => f.ruleId === 'cert/expired').map((f) => f.message);
    expect(expiredMessages).toContainEqual(expect.stringContaining('Certificate CN=kafka expired'));
    expect(expiredMessages).toContainEqual(
      expect.stringContaining("Certificate CN=kafka (alias '***' in PKCS12 store broker.p12)"),
    );
  });

  it('keeps a password of any length inside a certificate subject (jthoms/spring-boot-embedded-tomcat-ssl: store password localhost)', () => {
    const subject = 'CN=localhost,OU=Unknown,O=Unknown';
    const mask = secretMasker([doc('server.ssl.key-store-password=localhost\n')], [], [], () => [subject]);
    expect(mask(`Certificate ${subject} (alias 'tomcat') expired`)).toBe(
      `Certificate ${subject} (alias 'tomcat') expired`,
    );
    expect(mask("the password 'localhost' opens it")).toBe("the password '***' opens it");
    // A subject that is the secret itself shields nothing.
    expect(secretMasker([doc('k.password=CN=localhost\n')], [], [], () => ['CN=localhost'])('CN=localhost')).toBe(
      '***',
    );
  });

  it('still masks the value standing alone', () => {
    expect(
      secretMasker([doc('Client.password=kafka\n')], () => ['Kafka broker (docker-compose.yml service kafka)'])(
        "password 'kafka' of Kafka broker (docker-compose.yml service kafka)",
      ),
    ).toBe("password '***' of Kafka broker (docker-compose.yml service kafka)");
  });
});

describe('a secret that is a word of our own text (ESGF/esgf-installer@ced93ca9 server.xml in shared/corpus)', () => {
  // Tomcat's AJP connector without a secret and no release named: the message says where openSUSE's packages start it,
  // "the loopback address only", in the rule's words (a Phrase). A password `only` of the same deployment
  // turned it into "the loopback address ***"; the password itself is still masked where the tree quotes it.
  const root = writeTree({
    'tomcat/conf/server.xml':
      '<Server port="8005"><Service name="Catalina"><Connector port="8009" protocol="AJP/1.3" redirectPort="8443"/><Engine name="Catalina" defaultHost="localhost"><Host name="localhost" appBase="webapps"/></Engine></Service></Server>\n',
    'tomcat/conf/catalina.properties': 'jdbc.password=only\n',
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the rule text and masks only the tree value', () => {
    const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;
    const ajp = findings.find((f) => f.ruleId === 'tomcat/ajp-without-secret');
    expect(ajp?.message).toContain('on the loopback address only;');
    const secret = findings.find((f) => f.ruleId === 'security/plaintext-secret');
    expect(secret).toBeDefined();
    expect(JSON.stringify(findings)).not.toMatch(/password=only|'only'/);
  });
});

describe('a server\'s name when a password is the product\'s name (WASdev/ci.docker: password="Liberty")', () => {
  // One Liberty server whose password is `Liberty`, another that defines a key store nothing refers to, holding an
  // expired certificate: the info quoted `*** server stock/server.xml names …`, which masked our word and told the
  // password to anyone who reads the message.
  const expired = leaf('test client', undefined, { notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) });
  const root = writeTree({
    'beta/server.xml': '<server>\n  <keyStore id="defaultKeyStore" password="Liberty"/>\n</server>\n',
    'stock/server.xml': [
      '<server>',
      '  <featureManager><feature>appSecurity-2.0</feature></featureManager>',
      '  <keyStore id="defaultKeyStore" password="changeit"/>',
      '  <keyStore id="validationKeystore" type="PEM" location="${server.config.dir}/validation.crt"/>',
      '  <ssl id="appSSL" keyStoreRef="defaultKeyStore"/>',
      '</server>',
      '',
    ].join('\n'),
    'stock/validation.crt': expired.pem,
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const findings = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).findings;

  it('keeps the server name, masks nothing of it', () => {
    const info = findings.find((f) => f.ruleId === 'cert/expired');
    expect(info?.message).toContain('Liberty server stock/server.xml names validation.crt');
    expect(info?.related?.map((r) => r.message)).toContain('Liberty server stock/server.xml names validation.crt here');
    expect(JSON.stringify(findings)).not.toContain('***');
  });
});

describe('secretMasker: rule ids are our words', () => {
  // sweep58: juanpapiro/example-ibm-mq's MQ_ADMIN_PASSWORD=admin turned a folded note's rule ids into
  // `mq/channel-runs-as-***`; the password itself stays masked wherever the tree's value is quoted.
  it("keeps the rule ids a folded note names when a password is one of their words ('admin')", () => {
    const { findings } = lintTree(
      {
        'compose.yaml': [
          'services:',
          '  ibm_mq:',
          "    image: 'ibmcom/mq:latest'",
          '    environment:',
          '      - LICENSE=accept',
          '      - MQ_QMGR_NAME=QM1',
          '      - MQ_ADMIN_PASSWORD=admin',
          '    volumes:',
          '      - ./20-config.mqsc:/etc/mqm/20-config.mqsc',
          '',
        ].join('\n'),
        '20-config.mqsc': 'DEFINE QLOCAL(queue.order) REPLACE\n',
      },
      {
        builtIn: [
          'mq/developer-image-channels',
          'mq/channel-runs-as-admin',
          'mq/blockuser-override-removes-admin-block',
        ],
      },
    );
    const texts = findings.flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message ?? '')]);
    expect(texts.join('\n')).toContain('mq/channel-runs-as-admin (warning), folded into this note');
    expect(texts.join('\n')).toContain("asserting the client user id '***'");
    expect(texts.some((t) => /mq\/[a-z-]*\*\*\*/.test(t))).toBe(false);
  });
});

describe("an image's name when a password is the same word (jlquiroscass/tomcat-ssl: password `tomcat`, FROM tomcat)", () => {
  // The AJP warning quoted the Dockerfile's `FROM tomcat` as `FROM ***`: a word of the message, not the secret's place.
  const tree = {
    Dockerfile:
      'FROM tomcat\nCOPY server.xml $CATALINA_HOME/conf/server.xml\nCOPY tomcat-users.xml $CATALINA_HOME/conf/\n',
    'server.xml':
      '<Server port="8005"><Service name="Catalina"><Connector port="8009" protocol="AJP/1.3" redirectPort="8443"/><Engine name="Catalina" defaultHost="localhost"><Host name="localhost" appBase="webapps"/></Engine></Service></Server>\n',
    'tomcat-users.xml':
      '<tomcat-users>\n  <role rolename="manager-gui"/>\n  <user username="both" password="tomcat" roles="manager-gui"/>\n</tomcat-users>\n',
  };

  it('keeps the FROM line of the message and still reports the password without its value', () => {
    const { findings } = lintTree(tree, { builtIn: ['tomcat/ajp-without-secret', 'security/plaintext-secret'] });
    const ajp = findings.find((f) => f.ruleId === 'tomcat/ajp-without-secret');
    expect(ajp?.message).toContain('Dockerfile:1 FROM tomcat names no Tomcat release');
    expect(findings.filter((f) => f.ruleId === 'security/plaintext-secret')).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toMatch(/"tomcat"|'tomcat'|=tomcat/);
  });

  it('masks the same word standing alone, or as a whole quoted image', () => {
    const mask = secretMasker([doc('db.password=tomcat\n')], [], [], () => ['FROM tomcat']);
    expect(mask('Dockerfile:1 FROM tomcat names none')).toBe('Dockerfile:1 FROM tomcat names none');
    expect(mask("the password 'tomcat' is weak")).toBe("the password '***' is weak");
    expect(mask('tomcat')).toBe('***');
  });
});
