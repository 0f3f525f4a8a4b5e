/**
 * cert/store-password-wrong on stores the model pairs with their own password setting where no setting name says so:
 * a Jetty SslContextFactory's KeyStorePath and KeyStorePassword (XML or start properties, OBF: decoded as Jetty does),
 * a WildFly Elytron key-store's credential-reference and a legacy security realm's keystore-password.
 * Stores: test/fixtures/keystores/generated (keytool-made, store password Pk12-planted-Zq9).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/store-password-wrong';
import { ruleTester } from '../../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const RIGHT = 'Pk12-planted-Zq9';
// What Jetty 9.4.57's `java -cp jetty-util.jar org.eclipse.jetty.util.security.Password <password>` prints.
const RIGHT_OBF = 'OBF:1g9i1wmx1gly17yc1hs81v9m1xfb1u2a1u301xfr1v901hva17y21go81wn91g88';
const WRONG_OBF = 'OBF:1x1r1xfn1x1b1xff1x0v'; // "wrong"

/** A Jetty base's own jetty-ssl-context.xml (9.x shape, lachlan-roberts/jetty-maven-plugin-https-example). */
const jettyContext = (password: string, storeName = 'key.jks') =>
  '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_3.dtd">\n' +
  '<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory">\n' +
  `  <Set name="KeyStorePath"><Property name="jetty.base" default="." />/etc/${storeName}</Set>\n` +
  `  <Set name="KeyStorePassword">${password}</Set>\n` +
  '</Configure>\n';

/** A start file of the stock ssl module (Jetty 12's jetty-ssl-context.xml reads these properties). */
const sslIni = (password: string) =>
  `--module=ssl\njetty.sslContext.keyStorePath=etc/key.p12\njetty.sslContext.keyStorePassword=${password}\n`;

/** A WildFly configuration: its `<profile>` opens with `head`, and Undertow's https listener takes `listener` attributes. */
const standalone = (namespace: string, before: string, head: string, listener: string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<server xmlns="urn:jboss:domain:${namespace}">`,
    before,
    '<profile>',
    head,
    '<subsystem xmlns="urn:jboss:domain:undertow:13.0"><server name="default-server">',
    `<https-listener name="https" socket-binding="https" ${listener}/>`,
    '</server></subsystem></profile>',
    '<socket-binding-group name="standard-sockets" default-interface="public"><socket-binding name="https" port="8443"/></socket-binding-group>',
    '</server>',
    '',
  ].join('\n');

/** WildFly 26's shape: one Elytron key store (its credential reference on line 8) served by the https listener. */
const elytron = (credential: string) =>
  standalone(
    '19.0',
    '',
    [
      '<subsystem xmlns="urn:wildfly:elytron:15.0"><tls>',
      '<key-stores>',
      '<key-store name="httpsKS">',
      credential,
      '<implementation type="JKS"/><file path="key.jks" relative-to="jboss.server.config.dir"/>',
      '</key-store></key-stores>',
      `<key-managers><key-manager name="httpsKM" key-store="httpsKS"><credential-reference clear-text="${RIGHT}"/></key-manager></key-managers>`,
      '<server-ssl-contexts><server-ssl-context name="httpsSSC" key-manager="httpsKM"/></server-ssl-contexts>',
      '</tls></subsystem>',
    ].join('\n'),
    'ssl-context="httpsSSC"',
  );

/** A legacy security realm's keystore, on line 7 (girirajsharma/wildfly-ssl-examples@63422638c5aa's shape). */
const realm = (password: string, storeName = 'key.jks') =>
  standalone(
    '4.0',
    [
      '<management><security-realms>',
      '<security-realm name="SslRealm">',
      '<server-identities>',
      '<ssl>',
      `<keystore path="${storeName}" relative-to="jboss.server.config.dir" keystore-password="${password}" alias="server" key-password="${RIGHT}"/>`,
      '</ssl></server-identities></security-realm></security-realms></management>',
    ].join('\n'),
    '',
    'security-realm="SslRealm"',
  );

const CONFIG = 'standalone/configuration';

ruleTester(rule, {
  valid: [
    {
      name: "Jetty: the base's XML gives the store's password",
      files: { 'etc/jetty-ssl-context.xml': jettyContext(RIGHT), 'etc/key.jks': store('key.jks') },
    },
    {
      name: 'Jetty: an OBF: password that decodes to the store password',
      files: {
        Dockerfile: 'FROM jetty:12-jdk21\n',
        'start.d/ssl.ini': sslIni(RIGHT_OBF),
        'etc/key.p12': store('key.p12'),
      },
    },
    {
      name: 'Jetty: MD5: and CRYPT: are one-way (not a store password Jetty decodes): not judged',
      files: {
        Dockerfile: 'FROM jetty:12-jdk21\n',
        'start.d/ssl.ini': sslIni('MD5:164c88b302622e17050af52c89945d44'),
        'etc/key.p12': store('key.p12'),
      },
    },
    {
      name: 'Jetty: a password property the start files do not set: not judged',
      files: {
        'etc/jetty-ssl-context.xml': jettyContext('<Property name="jetty.sslContext.keyStorePassword"/>'),
        'etc/key.jks': store('key.jks'),
      },
    },
    {
      name: "WildFly Elytron: the key-store's clear-text credential opens it",
      files: {
        [`${CONFIG}/standalone.xml`]: elytron(`<credential-reference clear-text="${RIGHT}"/>`),
        [`${CONFIG}/key.jks`]: store('key.jks'),
      },
    },
    {
      name: 'WildFly Elytron: an expression, a masked password, a credential store alias: not judged',
      files: {
        'a/configuration/standalone.xml': elytron('<credential-reference clear-text="${env.KS_PW:wrong}"/>'),
        'a/configuration/key.jks': store('key.jks'),
        'b/configuration/standalone.xml': elytron(
          '<credential-reference clear-text="MASK-2hKo56F1a3jYGnJwhPmiF5;12345678;321"/>',
        ),
        'b/configuration/key.jks': store('key.jks'),
        'c/configuration/standalone.xml': elytron('<credential-reference store="cs" alias="ks"/>'),
        'c/configuration/key.jks': store('key.jks'),
      },
    },
    {
      name: 'WildFly legacy realm: keystore-password opens the store',
      files: { [`${CONFIG}/standalone.xml`]: realm(RIGHT), [`${CONFIG}/key.jks`]: store('key.jks') },
    },
  ],
  invalid: [
    {
      name: "Jetty: the base's XML KeyStorePassword does not open the JKS store",
      files: { 'etc/jetty-ssl-context.xml': jettyContext('changeit'), 'etc/key.jks': store('key.jks') },
      errors: [
        {
          messageId: 'wrong',
          file: 'etc/jetty-ssl-context.xml',
          line: 5,
          messageIncludes: ['KeyStorePassword gives', 'JKS store key.jks', 'Keystore was tampered with'],
          messageExcludes: ['changeit'],
        },
      ],
    },
    {
      name: 'Jetty: an OBF: start property that decodes to another password (PKCS#12)',
      files: {
        Dockerfile: 'FROM jetty:12-jdk21\n',
        'start.d/ssl.ini': sslIni(WRONG_OBF),
        'etc/key.p12': store('key.p12'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'start.d/ssl.ini',
          line: 3,
          messageIncludes: [
            'jetty.sslContext.keyStorePassword gives',
            'PKCS12 store key.p12',
            'keystore password was incorrect',
          ],
          messageExcludes: ['OBF', 'wrong'],
        },
      ],
    },
    {
      name: "WildFly Elytron: the key-store's clear-text credential fails the store's digest",
      files: {
        [`${CONFIG}/standalone.xml`]: elytron('<credential-reference clear-text="changeit"/>'),
        [`${CONFIG}/key.jks`]: store('key.jks'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: `${CONFIG}/standalone.xml`,
          line: 8,
          messageIncludes: ['credential-reference clear-text of key-store httpsKS', 'JKS store key.jks'],
        },
      ],
    },
    {
      name: 'WildFly legacy realm: keystore-password fails the store (PKCS#12 with unencrypted certificates: its MAC)',
      files: {
        [`${CONFIG}/standalone.xml`]: realm('changeit', 'plain.p12'),
        [`${CONFIG}/plain.p12`]: store('plain.p12'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: `${CONFIG}/standalone.xml`,
          line: 7,
          messageIncludes: ['keystore keystore-password', 'PKCS12 store plain.p12', 'Failed PKCS12 integrity checking'],
        },
      ],
    },
  ],
});
