import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

// keytool-made stores (test/helpers/keystores.ts buildStores, password Pk12-planted-Zq9): key.jks holds the key entry
// `server`, trust.p12 only the trusted certificate `rootca` (a PKCS#12 trust store with a key: plaintext-secret.test.ts).
const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
/** A Spring server that asks for client certificates, its key store's password a placeholder, its trust store `file`. */
const mutualTls = (file: string) =>
  [
    'server.port=8443',
    'server.ssl.key-store=classpath:server.p12',
    'server.ssl.key-store-password=${KS_PASS}',
    'server.ssl.client-auth=need',
    `server.ssl.trust-store=classpath:${file}`,
    'server.ssl.trust-store-password=Pk12-planted-Zq9',
    '',
  ].join('\n');
const RESOURCES = 'app/src/main/resources';

/**
 * A trust store's password guards the store's integrity only (public CA certificates); it is a secret when it is also
 * a key store's: the same file, or the same password as a key store setting of the deployment. A Liberty `<keyStore>`
 * that only `trustStoreRef`s name is a trust store (COG-GTM/ibm-portfolio@aebe9e4, Apache-2.0,
 * src/main/liberty/config/server.xml: defaultTrustStore shares defaultKeyStore's password, and a jwtBuilder signs with
 * a key of it).
 */
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a Liberty keyStore only an ssl trustStoreRef names, with a password of its own: the trust store message',
      files: {
        'server.xml':
          '<server>\n  <keyStore id="defaultKeyStore" location="key.p12" password="Ks-Plain-1"/>\n  <keyStore id="appTrust" location="trust.p12" password="Ts-Plain-1"/>\n  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="appTrust"/>\n</server>\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'server.xml', line: 2 },
        {
          messageId: 'trustStore',
          severity: 'info',
          file: 'server.xml',
          line: 3,
          messageIncludes: ['keyStore@password (appTrust) in server.xml'],
        },
      ],
    },
    {
      name: "a Liberty trust store with the key store's password: a warning naming the key store's setting",
      files: {
        'server.xml':
          '<server>\n  <keyStore id="defaultKeyStore" location="key.p12" password="Same-Plain-2"/>\n  <keyStore id="defaultTrustStore" location="trust.p12" password="Same-Plain-2"/>\n  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="defaultTrustStore"/>\n</server>\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'server.xml', line: 2 },
        {
          messageId: 'trustStoreSharesKeyStorePassword',
          file: 'server.xml',
          line: 3,
          messageIncludes: [
            'keyStore@password (defaultTrustStore) in server.xml',
            'keyStore@password (defaultKeyStore) (server.xml) gives a key store the same password',
          ],
          messageExcludes: ['Same-Plain-2'],
          related: [{ file: 'server.xml', line: 2 }],
        },
      ],
    },
    {
      // A jwtBuilder signs with a key of the store its keyStoreRef names; a reference through a variable is undecided.
      name: 'a Liberty keyStore a keyStoreRef names too, or named through a variable: a key store',
      files: {
        'server.xml':
          '<server>\n  <keyStore id="signing" location="trust.p12" password="Jwt-Plain-3"/>\n  <ssl id="s" keyStoreRef="defaultKeyStore" trustStoreRef="signing"/>\n  <jwtBuilder id="defaultJWT" keyStoreRef="signing" keyAlias="jwtSigner"/>\n</server>\n',
        'other/server.xml':
          '<server>\n  <keyStore id="t" location="t.p12" password="Var-Plain-4"/>\n  <ssl id="s2" keyStoreRef="k" trustStoreRef="${trust.id}"/>\n</server>\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'other/server.xml', line: 2 },
        { messageId: 'plaintext', file: 'server.xml', line: 2 },
      ],
    },
    {
      name: "JSSE options: a trust store password that is the key store's password is a warning, another one an info",
      files: {
        'bin/setenv.sh':
          'JAVA_OPTS="-Djavax.net.ssl.keyStore=/etc/k.p12 -Djavax.net.ssl.keyStorePassword=Same-Plain-5 -Djavax.net.ssl.trustStore=/etc/t.p12 -Djavax.net.ssl.trustStorePassword=Same-Plain-5"\n',
        'client/setenv.sh':
          'JAVA_OPTS="-Djavax.net.ssl.trustStore=/etc/t.p12 -Djavax.net.ssl.trustStorePassword=Other-Plain-6"\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'bin/setenv.sh', line: 1 },
        {
          messageId: 'trustStoreSharesKeyStorePassword',
          file: 'bin/setenv.sh',
          line: 1,
          messageIncludes: ['javax.net.ssl.keyStorePassword'],
          related: [{ file: 'bin/setenv.sh', line: 1 }],
        },
        { messageId: 'trustStore', severity: 'info', file: 'client/setenv.sh', line: 1 },
      ],
    },
    {
      // Alfresco/alfresco-docker-installer@f5dc7b7 (LGPL-3.0) generators/app/templates/7.3/docker-compose.yml: Alfresco's
      // -Dssl-truststore.<alias>.password lines were warned as secrets, 62 of them over the templates.
      name: "Alfresco's per-entry passwords: a trust store entry's is the trust store info, a key store entry's a secret",
      files: {
        'docker-compose.yml': [
          'services:',
          '  solr6:',
          '    image: alfresco/alfresco-search-services:2.0.3',
          '    environment:',
          '      JAVA_TOOL_OPTIONS: "',
          '          -Dssl-keystore.ssl-repo.password=Ks-Entry-7',
          '          -Dssl-truststore.alfresco-ca.password=Ts-Entry-8',
          '          "',
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'plaintext', file: 'docker-compose.yml', line: 6 },
        { messageId: 'trustStore', severity: 'info', file: 'docker-compose.yml', line: 7 },
      ],
    },
    {
      // A JKS key entry has a password of its own (keytool -keypass), so the store password need not open it.
      name: 'a trust store of CA certificates only, or a JKS one with a key entry: the trust store info',
      files: {
        [`${RESOURCES}/trust.p12`]: store('trust.p12'),
        [`${RESOURCES}/application.properties`]: mutualTls('trust.p12'),
        [`jks/${RESOURCES}/key.jks`]: store('key.jks'),
        [`jks/${RESOURCES}/application.properties`]: mutualTls('key.jks'),
      },
      errors: [
        { messageId: 'trustStore', severity: 'info', file: `${RESOURCES}/application.properties`, line: 6 },
        { messageId: 'trustStore', severity: 'info', file: `jks/${RESOURCES}/application.properties`, line: 6 },
      ],
    },
  ],
});
