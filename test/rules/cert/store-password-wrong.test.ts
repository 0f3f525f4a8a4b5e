import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/store-password-wrong';
import { ruleTester } from '../../helpers/rule-tester';

// keytool-made stores (test/helpers/keystores.ts buildStores), store password Pk12-planted-Zq9; JDK 17 refuses
// key.p12 with another password ("keystore password was incorrect") and key.jks ("Keystore was tampered with…").
const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const RIGHT = 'Pk12-planted-Zq9';
/** OpenSSL's `pkcs12 -export -nomac`: certificates in plain bags and no MAC (JDK 17 loads it with any password). */
const nomac = (): Buffer => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomac-'));
  const out = path.join(dir, 'nomac.p12');
  execFileSync('openssl', [
    'pkcs12',
    '-in',
    path.join(STORES, 'plain.p12'),
    '-passin',
    `pass:${RIGHT}`,
    '-nodes',
    '-out',
    path.join(dir, 'all.pem'),
  ]);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-nomac',
    '-in',
    path.join(dir, 'all.pem'),
    '-out',
    out,
    '-passout',
    `pass:${RIGHT}`,
  ]);
  return fs.readFileSync(out);
};
const spring = (lines: string[]) => ['server.port=8443', ...lines, ''].join('\n');
/** A Liberty server.xml with an HTTPS port and one keyStore element (its attributes as written). */
const liberty = (keyStore: string) =>
  `<server>\n<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n<keyStore id="defaultKeyStore" ${keyStore}/>\n</server>\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the store password opens the store',
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring([
          'server.ssl.key-store=key.p12',
          `server.ssl.key-store-password=${RIGHT}`,
        ]),
      },
    },
    {
      name: 'a placeholder password: not judged (parse/keystore-locked says the store is not opened)',
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring([
          'server.ssl.key-store=key.p12',
          'server.ssl.key-store-password=${KS_PW}',
        ]),
      },
    },
    {
      name: 'a shell variable, an encrypted value: not judged',
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring([
          'server.ssl.key-store=key.p12',
          'server.ssl.key-store-password=ENC(abc)',
        ]),
        'kafka/key.p12': store('key.p12'),
        'kafka/client.properties': 'ssl.keystore.location=key.p12\nssl.keystore.password=$KS_PW\n',
      },
    },
    {
      name: 'no password setting: parse/keystore-locked (info), not this rule',
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring(['server.ssl.key-store=key.p12']),
      },
    },
    {
      name: "a key's password is not the store's",
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring(['server.ssl.key-store=key.p12', 'server.ssl.key-password=other']),
      },
    },
    {
      name: "another store's password in the same file is not this store's",
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring(['server.ssl.key-store=key.p12', 'server.ssl.trust-store-password=other']),
      },
    },
    {
      name: 'a JKS key store its password opens (the integrity digest checks)',
      files: {
        'app/key.jks': store('key.jks'),
        'app/application.properties': spring([
          'server.ssl.key-store=key.jks',
          `server.ssl.key-store-password=${RIGHT}`,
        ]),
      },
    },
    {
      name: 'a JKS trust store read without a password (JSSE: no integrity check)',
      files: {
        'app/trust.jks': store('trust.jks'),
        'app/application.properties': spring(['server.ssl.trust-store=trust.jks']),
      },
    },
    {
      name: 'a PKCS#12 whose certificates are not encrypted (openssl -certpbe NONE), its password passes the MAC',
      files: {
        'app/plain.p12': store('plain.p12'),
        'app/application.properties': spring([
          'server.ssl.key-store=plain.p12',
          `server.ssl.key-store-password=${RIGHT}`,
        ]),
      },
    },
    {
      name: 'a PKCS#12 with neither encrypted certificates nor a MAC: the JDK checks no password (openssl -nomac)',
      files: {
        'app/nomac.p12': nomac(),
        'app/application.properties': spring(['server.ssl.key-store=nomac.p12', 'server.ssl.key-store-password=any']),
      },
    },
    {
      // eclipse-hono/hono@cda9dd3 (EPL-2.0) tests/src/test/resources/http/application.yml, shape only: Hono's
      // AbstractConfig.getPassword reads the password from the file named after `file:`.
      name: 'a `file:` password names the file that holds it (Eclipse Hono), it is not the password',
      files: {
        'certs/trustStore.jks': store('trust.p12'),
        'adapter/application.yml': [
          'hono:',
          '  messaging:',
          '    trustStorePath: "/opt/hono/config/certs/trustStore.jks"',
          '    trustStorePassword: "file:/opt/hono/config/certs/trust-store-password"',
          '',
        ].join('\n'),
      },
    },
    {
      // MohamedGawad/portfolio@50e92fd (Apache-2.0) src/main/liberty/config, shape only: the keyStore names key.jks,
      // and certs.jks and keys.jks beside it (other passwords) are named by no setting of the tree.
      name: "a Liberty keyStore's password is its location's store's, not that of another store of resources/security",
      files: {
        'config/server.xml': liberty('location="${server.config.dir}/resources/security/key.jks" password="other"'),
        'config/resources/security/certs.jks': store('key.jks'),
        'config/resources/security/keys.p12': store('key.p12'),
      },
    },
    {
      name: "Liberty's defaultKeyStore without a location is key.p12 (key.jks), not another store of resources/security",
      files: {
        'config/server.xml': liberty('password="other"'),
        'config/resources/security/certs.jks': store('key.jks'),
      },
    },
  ],
  invalid: [
    {
      name: "Liberty's defaultKeyStore without a location: its password does not open resources/security/key.p12",
      files: {
        'config/server.xml': liberty('password="other"'),
        'config/resources/security/key.p12': store('key.p12'),
      },
      errors: [{ messageId: 'wrong', file: 'config/server.xml', line: 3, messageIncludes: ['PKCS12 store key.p12'] }],
    },
    {
      name: "Spring Boot's key-store-password does not open the store",
      files: {
        'app/key.p12': store('key.p12'),
        'app/application.properties': spring(['server.ssl.key-store=key.p12', 'server.ssl.key-store-password=wrong']),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'app/application.properties',
          line: 3,
          messageIncludes: [
            'PKCS12 store key.p12',
            'keystore password was incorrect',
            'the component does not start what uses it (its TLS listener or client)',
          ],
        },
      ],
    },
    {
      // kevinaixyz/microservices (no licence file) api-gateway application.yml: ribbon.TrustStore names the server's own
      // key store with the same refused password as each profile's server.ssl.key-store-password. One finding for the
      // store, at the first setting, every other setting a place of it (they had none).
      name: 'several own settings give one store the refused password: one finding, each setting a place',
      files: {
        'api/src/main/resources/key.p12': store('key.p12'),
        'api/src/main/resources/application.yml': [
          'ribbon:',
          '  TrustStore: key.p12',
          '  TrustStorePassword: prototype',
          '---',
          'spring:',
          '  profiles: dev',
          'server:',
          '  port: 9906',
          '  ssl:',
          '    key-store: classpath:key.p12',
          '    key-store-password: prototype',
          '---',
          'spring:',
          '  profiles: sit',
          'server:',
          '  ssl:',
          '    key-store: classpath:key.p12',
          '    key-store-password: prototype',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'api/src/main/resources/application.yml',
          line: 3,
          messageIncludes: ['ribbon.TrustStorePassword gives a password that does not open PKCS12 store key.p12'],
          messageExcludes: ['prototype'],
          related: [
            { file: 'api/src/main/resources/key.p12', line: 1 },
            { file: 'api/src/main/resources/application.yml', line: 11 },
            { file: 'api/src/main/resources/application.yml', line: 18 },
          ],
        },
      ],
    },
    {
      // 0xm8n/test-amq@bf73517 application-local.yml: the app's own `mbix.truststore.*`, read by its code if at all.
      name: "an application's own store settings: what fails is whatever reads them, not a component of the model",
      files: {
        'app/src/main/resources/trust.jks': store('trust.jks'),
        'app/src/main/resources/application.yml':
          'mbix:\n  truststore:\n    trustStoreFile: "/truststore/trust.jks"\n    trustStorePassword: wrongpass\n',
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'app/src/main/resources/application.yml',
          line: 4,
          messageIncludes: [
            'whatever loads it with this setting fails',
            'no component lint-deploy models names the store',
          ],
          messageExcludes: ['the component does not start'],
        },
      ],
    },
    {
      name: "Kafka's ssl.keystore.password, beside the truststore's right one",
      files: {
        'kafka/key.p12': store('key.p12'),
        'kafka/trust.p12': store('trust.p12'),
        'kafka/client.properties': [
          'ssl.truststore.location=trust.p12',
          `ssl.truststore.password=${RIGHT}`,
          'ssl.keystore.location=key.p12',
          'ssl.keystore.password=wrong',
          `ssl.key.password=${RIGHT}`,
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'wrong', file: 'kafka/client.properties', line: 4, messageIncludes: ['ssl.keystore.password'] },
      ],
    },
    {
      name: 'a JKS trust store whose password setting fails its integrity digest',
      files: {
        'app/trust.jks': store('trust.jks'),
        'app/jvm.options': '-Djavax.net.ssl.trustStore=trust.jks\n-Djavax.net.ssl.trustStorePassword=changeit\n',
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'app/jvm.options',
          line: 2,
          messageIncludes: ['JKS store trust.jks', 'Keystore was tampered with, or password was incorrect'],
          messageExcludes: ['not checked'],
        },
      ],
    },
    {
      name: 'a PKCS#12 whose certificates are not encrypted: its MAC still fails (JDK: Integrity check failed)',
      files: {
        'app/plain.p12': store('plain.p12'),
        'app/application.properties': spring(['server.ssl.key-store=plain.p12', 'server.ssl.key-store-password=wrong']),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'app/application.properties',
          line: 3,
          messageIncludes: ['PKCS12 store plain.p12', 'Failed PKCS12 integrity checking'],
          messageExcludes: ['not checked', 'keystore password was incorrect'],
        },
      ],
    },
    {
      name: "an Artemis acceptor's keyStorePassword (germanoaraujo/demo-amq-ssl's case)",
      files: {
        'broker/server.p12': store('key.p12'),
        'broker/broker.xml':
          '<configuration xmlns="urn:activemq"><core xmlns="urn:activemq:core"><acceptors>\n' +
          '<acceptor name="amqps">tcp://0.0.0.0:5671?sslEnabled=true;keyStorePath=server.p12;keyStorePassword=wrong;protocols=AMQP</acceptor>\n' +
          '</acceptors></core></configuration>\n',
      },
      errors: [{ messageId: 'wrong', file: 'broker/broker.xml', line: 2 }],
    },
  ],
});
