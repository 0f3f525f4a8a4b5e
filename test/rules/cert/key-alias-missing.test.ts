import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/key-alias-missing';
import { ruleTester } from '../../helpers/rule-tester';

// keytool-made stores (test/helpers/keystores.ts buildStores): key.jks and key.p12 hold the key entry `server`,
// trust.jks the trusted certificate `rootca`; store password Pk12-planted-Zq9. JDK 17.0.15: KeyStore.isKeyEntry is
// false for an alias a store lacks, true for `SERVER` (aliases compare ignoring case).
const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const PASSWORD = 'Pk12-planted-Zq9';
const spring = (file: string, alias: string) =>
  [
    'server.port=8443',
    `server.ssl.key-store=classpath:${file}`,
    `server.ssl.key-store-password=${PASSWORD}`,
    `server.ssl.key-alias=${alias}`,
    '',
  ].join('\n');
const SPRING = 'app/src/main/resources/application.properties';
/** A Tomcat server.xml whose connector presents `file` under `alias` (certificateKeyAlias). */
const tomcat = (file: string, alias: string) =>
  `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true">\n<SSLHostConfig><Certificate certificateKeystoreFile="conf/${file}" certificateKeystorePassword="${PASSWORD}" certificateKeyAlias="${alias}"/></SSLHostConfig>\n</Connector>\n</Service></Server>\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the alias is the key entry, in another case (JKS and PKCS12 aliases ignore case)',
      files: {
        'app/src/main/resources/key.jks': store('key.jks'),
        [SPRING]: spring('key.jks', 'SERVER'),
        'tomcat/conf/key.p12': store('key.p12'),
        'tomcat/conf/server.xml': tomcat('key.p12', 'server'),
      },
    },
    {
      name: 'a store the tree does not hold, or no alias: not judged',
      files: {
        [SPRING]: spring('elsewhere.jks', 'missing'),
        'tomcat/conf/key.jks': store('key.jks'),
        'tomcat/conf/server.xml': tomcat('key.jks', '').replace(' certificateKeyAlias=""', ''),
      },
    },
    {
      // Spring Boot checks KeyStore.containsAlias only: what a trusted-certificate entry does next is the server's.
      name: 'Spring Boot naming a trusted-certificate entry: left to the embedded server',
      files: {
        'app/src/main/resources/trust.jks': store('trust.jks'),
        [SPRING]: spring('trust.jks', 'rootca'),
      },
    },
  ],
  invalid: [
    {
      // atwroro/javaspringappssl@da5ae80a (no licence): server.ssl.key-alias=server2.aeit.club, keystore.jks holds
      // only server1.aeit.club (keytool -list); Spring Boot 2.2.7 refuses to start the web server.
      name: 'Spring Boot: the key alias is not in the key store',
      files: {
        'app/src/main/resources/key.jks': store('key.jks'),
        [SPRING]: spring('key.jks', 'server2'),
      },
      errors: [
        {
          messageId: 'aliasMissing',
          file: SPRING,
          line: 4,
          messageIncludes: [
            "names the key alias 'server2'",
            "(its key entries: 'server')",
            "'Keystore does not contain alias 'server2'' from 3.1.0",
          ],
        },
      ],
    },
    {
      name: 'Tomcat: certificateKeyAlias names no entry, or a trusted-certificate entry, of a store the tree may not deploy',
      files: {
        'tomcat/conf/key.p12': store('key.p12'),
        'tomcat/conf/server.xml': tomcat('key.p12', 'tomcat'),
        'other/conf/trust.jks': store('trust.jks'),
        'other/conf/server.xml': tomcat('trust.jks', 'rootca'),
      },
      errors: [
        {
          messageId: 'aliasMissingInTree',
          severity: 'warning',
          file: 'other/conf/server.xml',
          line: 3,
          messageIncludes: [
            '(it holds trusted certificates only)',
            "if it is the store deployed, Tomcat does not start the connector ('Alias name [rootca] does not identify a key entry')",
          ],
        },
        {
          messageId: 'aliasMissingInTree',
          severity: 'warning',
          file: 'tomcat/conf/server.xml',
          line: 3,
          messageIncludes: ["(its key entries: 'server')"],
        },
      ],
    },
  ],
});
