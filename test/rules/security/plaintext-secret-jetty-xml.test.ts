import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Jetty XML that configures an SslContextFactory with the password written as the `<Set>`'s own text (src/parse/jetty.ts
 * setterEntries). The first invalid tree is shaped like RumeTiller/geoserver_ssl_config@a463003 (no licence file)
 * jetty-ssl-context.xml: `<Configure id="sslContextFactory" class="…SslContextFactory$Server">` setting KeyStorePath,
 * KeyStorePassword, KeyManagerPassword, and TrustStorePath naming the same .pfx with its TrustStorePassword.
 */
const factory = (sets: string[]) =>
  [
    '<?xml version="1.0"?>',
    '<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_3.dtd">',
    '<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">',
    ...sets.map((s) => `  ${s}`),
    '</Configure>',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      // The password from a start property without a default, and settings that hold no secret.
      name: 'a <Property> inside the <Set>, a store type and path',
      files: {
        'etc/jetty-ssl-context.xml': factory([
          '<Set name="KeyStorePath">etc/keystore.p12</Set>',
          '<Set name="KeyStoreType">PKCS12</Set>',
          '<Set name="KeyStorePassword"><Property name="jetty.sslContext.keyStorePassword"/></Set>',
        ]),
      },
    },
    {
      // apache/solr@9f5b2c7 (Apache-2.0) solr/server/etc/jetty-ssl.xml, as arunvel1988/solr_ssl@0312630 (no licence file)
      // copies it: the passwords come from SOLR_SSL_*_PASSWORD through Solr's factory; `id` only names the object that a
      // later <Ref refid> reads.
      name: "Solr's stock factory: a <Get> whose id is the password's name",
      files: {
        'jetty-ssl.xml': [
          '<?xml version="1.0"?>',
          '<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_0.dtd">',
          '<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">',
          '  <Call class="org.apache.solr.util.configuration.SSLConfigurationsFactory" name="current">',
          '    <Get name="keyStorePassword" id="keyStorePassword"/>',
          '    <Get name="trustStorePassword" id="trustStorePassword"/>',
          '  </Call>',
          '  <Set name="KeyStorePath"><Property name="solr.jetty.keystore" default="./etc/solr-ssl.keystore.jks"/></Set>',
          '  <Set name="KeyStorePassword"><Ref refid="keyStorePassword"/></Set>',
          '  <Set name="TrustStorePassword"><Ref refid="trustStorePassword"/></Set>',
          '</Configure>',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: "literal store passwords; the trust store is the key store's file",
      files: {
        'jetty-ssl-context.xml': factory([
          '<Set name="KeyStorePath">etc/site.pfx</Set>',
          '<Set name="KeyStoreType">PKCS12</Set>',
          '<Set name="KeyStorePassword">Jetty-Plain_@1</Set>',
          '<Set name="KeyManagerPassword">Jetty-Plain_@1</Set>',
          '<Set name="TrustStorePath">etc/site.pfx</Set>',
          '<Set name="TrustStorePassword">Jetty-Plain_@1</Set>',
        ]),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'jetty-ssl-context.xml',
          line: 6,
          column: 32,
          messageIncludes: ['KeyStorePassword in jetty-ssl-context.xml'],
          messageExcludes: ['Jetty-Plain_@1'],
        },
        { messageId: 'plaintext', file: 'jetty-ssl-context.xml', line: 7, messageIncludes: ['KeyManagerPassword'] },
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'jetty-ssl-context.xml',
          line: 9,
          messageIncludes: ['KeyStorePath names the same file'],
          messageExcludes: ['Jetty-Plain_@1'],
        },
      ],
    },
    {
      // dskyberg-Ping/pingone-app@3ad0d8d (Apache-2.0) etc/jetty-ssl.xml: Jetty's obfuscated demo passwords as text.
      name: 'an OBF: password as the text is only obfuscation (info); a trust store of its own (info)',
      files: {
        'etc/jetty-ssl.xml': factory([
          '<Set name="KeyStorePath">etc/keystore</Set>',
          '<Set name="KeyStorePassword"> OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4 </Set>',
          '<Set name="TrustStorePath">etc/truststore</Set>',
          '<Set name="TrustStorePassword">Trust-Plain-2</Set>',
        ]),
      },
      errors: [
        { messageId: 'jettyObfuscated', file: 'etc/jetty-ssl.xml', line: 5, column: 33, severity: 'info' },
        { messageId: 'trustStore', file: 'etc/jetty-ssl.xml', line: 7, severity: 'info' },
      ],
    },
    {
      // lachlan-roberts/jetty-maven-plugin-https-example@54e3d06 (no licence file) etc/jetty-ssl-context.xml: both paths
      // are `<Property name="jetty.base" default="."/>/etc/store.jks`, which Jetty joins into one path.
      name: 'the trust store is the key store: the same path of jetty.base and text',
      files: {
        'etc/jetty-ssl-context.xml': factory([
          '<Set name="KeyStorePath"><Property name="jetty.base" default="." />/etc/store.jks</Set>',
          '<Set name="KeyStorePassword">Jetty-Plain_@1</Set>',
          '<Set name="TrustStorePath"><Property name="jetty.base" default="." />/etc/store.jks</Set>',
          '<Set name="TrustStorePassword">Jetty-Plain_@1</Set>',
        ]),
      },
      errors: [
        { messageId: 'plaintext', file: 'etc/jetty-ssl-context.xml', line: 5 },
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'etc/jetty-ssl-context.xml',
          line: 7,
          messageIncludes: ['KeyStorePath names the same file'],
          messageExcludes: ['Jetty-Plain_@1'],
        },
      ],
    },
    {
      // ideasiii/fintechBankingAPI@4e678e7 (no licence file) jetty/etc/jetty-ssl-context.xml, Jetty 9.4's stock shape:
      // `deprecated` names the older start property the value may come from; only the default is a password.
      name: "a <Property>'s deprecated attribute names an older property, its default is the password",
      files: {
        'etc/jetty-ssl-context.xml': factory([
          '<Set name="KeyStorePassword"><Property name="jetty.sslContext.keyStorePassword" deprecated="jetty.keystore.password" default="Jetty-Plain_@1"/></Set>',
        ]),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'etc/jetty-ssl-context.xml',
          line: 4,
          messageIncludes: ['Property@default (jetty.sslContext.keyStorePassword)'],
        },
      ],
    },
    {
      // Another file below the base; a start property with a default, which start files may set apart: not the same.
      name: 'a trust store of its own below the base; a path from a start property with a default',
      files: {
        'etc/jetty-ssl-context.xml': factory([
          '<Set name="KeyStorePath"><Property name="jetty.base"/>/<Property name="ks" default="etc/store.jks"/></Set>',
          '<Set name="KeyStorePassword">Jetty-Plain_@1</Set>',
          '<Set name="TrustStorePath"><Property name="jetty.base"/>/<Property name="ts" default="etc/store.jks"/></Set>',
          '<Set name="TrustStorePassword">Trust-Plain-2</Set>',
          '<New class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">',
          '  <Set name="KeyStorePath"><Property name="jetty.base"/>/etc/a.p12</Set>',
          '  <Set name="KeyStorePassword">Jetty-Plain_@3</Set>',
          '  <Set name="TrustStorePath"><Property name="jetty.base"/>/etc/b.p12</Set>',
          '  <Set name="TrustStorePassword">Trust-Plain-4</Set>',
          '</New>',
        ]),
      },
      errors: [
        { messageId: 'plaintext', file: 'etc/jetty-ssl-context.xml', line: 5 },
        { messageId: 'trustStore', file: 'etc/jetty-ssl-context.xml', line: 7, severity: 'info' },
        { messageId: 'plaintext', file: 'etc/jetty-ssl-context.xml', line: 10 },
        { messageId: 'trustStore', file: 'etc/jetty-ssl-context.xml', line: 12, severity: 'info' },
      ],
    },
  ],
});
