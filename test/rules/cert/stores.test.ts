/**
 * The cert/* rules on certificates inside key stores (JKS, JCEKS, PKCS#12): they report at the store
 * file and name the store and the alias. Stores: test/fixtures/keystores (MANIFEST.tsv: keytool-made
 * ones and Apache Tomcat's test stores).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import expired from '../../../src/rules/cert/expired';
import expiresSoon from '../../../src/rules/cert/expires-soon';
import sharedPrivateKey from '../../../src/rules/cert/shared-private-key';
import weakKey from '../../../src/rules/cert/weak-key';
import { ruleTester } from '../../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../../fixtures/keystores');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const PASSWORD = 'Pk12-planted-Zq9';

// generated/key.jks: alias 'server', leaf CN=app.example.com until 2046-11-25, its CA until 2036-11-27.
ruleTester(expired, {
  valid: [
    {
      name: 'a JKS key entry valid at the reference date',
      files: { 'app/key.jks': store('generated/key.jks') },
      options: { referenceDate: '2030-01-01' },
    },
    // JSSE does not date-check trust anchors: an expired CA in a trust store alone breaks nothing.
    {
      name: 'an expired trusted-cert entry of a trust store',
      files: { 'app/trust.jks': store('generated/trust.jks') },
      options: { referenceDate: '2040-01-01' },
    },
  ],
  invalid: [
    {
      name: 'the leaf and CA of a JKS key entry, named by store and alias',
      files: { 'app/key.jks': store('generated/key.jks'), 'app/jvm.options': '-Djavax.net.ssl.keyStore=key.jks\n' },
      options: { referenceDate: '2047-01-01' },
      // One failure, one finding: the root above the expired leaf, expired too, is named there (its own line 1).
      errors: [
        {
          messageId: 'expiredClientKeyStoreUnasked',
          file: 'app/key.jks',
          line: 1,
          messageIncludes: ["CN=app.example.com,O=Stores (alias 'server' in JKS store key.jks)", '2046-11-25'],
          related: [
            { file: 'app/jvm.options', line: 1 },
            { file: 'app/key.jks', line: 1 },
          ],
        },
      ],
    },
    {
      // Shaped like gmjdev/microservices-demo@4bf5aca (Apache-2.0), whose server.ssl.key-alias selects
      // 'localhost'; the store's 'configserverkey' entry serves Spring Cloud Config encryption, not TLS.
      name: 'a key entry of a store in use that every naming setting passes over (another key alias): an info',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.key-store=key.jks\nserver.ssl.key-alias=localhost\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredOtherAlias', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredOtherAlias',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: ["alias 'server'", "another key entry ('localhost')"],
        },
      ],
    },
    {
      // gmjdev/microservices-demo@4bf5aca writes it `${KEYSTORE_ALIAS:localhost}`: 'localhost' while the variable is unset.
      name: "a key alias given by a placeholder's default selects the default: the other entry is an info",
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.key-store=key.jks\nserver.ssl.key-alias=${KEYSTORE_ALIAS:localhost}\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredOtherAlias', file: 'app/key.jks', line: 1, severity: 'info' },
        { messageId: 'expiredOtherAlias', file: 'app/key.jks', line: 1, severity: 'info' },
      ],
    },
    {
      name: "a placeholder's default that names the entry: it is presented, an error",
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.key-store=key.jks\nserver.ssl.key-alias=${KEYSTORE_ALIAS:server}\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expired', file: 'app/key.jks', line: 1 }],
    },
    {
      name: 'the store of an HTTPS server switched by ${SSL_ENABLED:false}: not presented in the run the tree shows, an info',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.yml':
          'server:\n  port: 8443\n  ssl:\n    enabled: ${SSL_ENABLED:false}\n    key-store: key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredNotServed', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredNotServed',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          // It said "no server, client or store setting names key.jks" although server.ssl.key-store does.
          messageIncludes: [
            'Java application (app) names key.jks (server.ssl.key-store), but serves HTTPS only when ${SSL_ENABLED:false} resolves to true at run time, and while the variable is unset it is false: the run this tree shows serves plain HTTP',
          ],
          related: [
            { file: 'app/application.yml', line: 5 },
            { file: 'app/application.yml', line: 4 },
          ],
        },
      ],
    },
    {
      // tobymoreno/mtls-proxy@31edeba config/application.yml: `ssl: enabled: false` above key-store: keystore-nmro2.p12.
      name: 'the store of a server whose server.ssl.enabled is false: not served, said so (not "no setting names it")',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.yml': 'server:\n  port: 8443\n  ssl:\n    enabled: false\n    key-store: key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredNotServed', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredNotServed',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'Java application (app) names key.jks (server.ssl.key-store), but its server.ssl.enabled is false: Spring Boot configures no TLS on the embedded server',
          ],
          related: [
            { file: 'app/application.yml', line: 5 },
            { file: 'app/application.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'switched by ${SSL_ENABLED} with no default, the store named by a placeholder default: unknown, an info',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.enabled=${SSL_ENABLED}\nserver.ssl.key-store=${KEY_STORE:classpath:key.jks}\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredNotServed', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredNotServed',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'names key.jks (server.ssl.key-store)',
            'the tree gives the variable no value and no default: whether it serves HTTPS is unknown',
          ],
        },
      ],
    },
    {
      // jhipster/jhipster-sample-app's shape: application-tls.yml turns HTTPS on; nothing says the profile is active.
      name: 'named only in a profile the tree does not show active: an info naming the profile',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.yml': 'server:\n  port: 8080\n',
        'app/application-tls.yml': 'server:\n  ssl:\n    key-store: key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredNotServed', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredNotServed',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'Java application (app) names key.jks (server.ssl.key-store) only in profile tls, and the tree does not settle which profiles are active',
          ],
          related: [{ file: 'app/application-tls.yml', line: 3 }],
        },
      ],
    },
    {
      // royclarkson/spring-rest-service-oauth@fc62415 (Apache-2.0): application-https.properties names keystore.jks
      // (expired 2015); application.properties activates dev. It said no setting names the store.
      name: 'named only in a profile the tree leaves inactive: an info naming the profile and the active ones',
      files: {
        'app/key.jks': store('generated/key.jks'),
        'app/application.properties': 'spring.profiles.active=dev\n',
        'app/application-https.properties': 'server.port=8443\nserver.ssl.key-store=classpath:key.jks\n',
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredNotServed', file: 'app/key.jks', line: 1, severity: 'info' },
        {
          messageId: 'expiredNotServed',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'names key.jks (server.ssl.key-store) only in profile https, which is not active (the tree makes dev the active profile)',
          ],
          related: [
            { file: 'app/application-https.properties', line: 2 },
            { file: 'app/application.properties', line: 1 },
          ],
        },
      ],
    },
    {
      // Its two expired certificates (the key entry's leaf and its CA) are said in one info for the file.
      name: 'the same store named by no component: an info, nothing is known to present it',
      files: { 'app/key.jks': store('generated/key.jks') },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expiredUnnamedBundle',
          file: 'app/key.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            '2 certificates of key.jks expired',
            "CN=app.example.com,O=Stores (alias 'server' in JKS store key.jks)",
            'no server, client or store setting lint-deploy models in this deployment names key.jks',
          ],
        },
      ],
    },
    {
      // At 2040 the leaf is valid and its self-signed root expired: a JSSE peer trusting that root still completes the
      // handshake (anchors are not date-checked), an OpenSSL peer refuses it: a warning (rules/cert/_lib/chain-member.ts).
      name: 'the CA in the chain of a JCEKS key entry',
      files: {
        'app/key.jceks': store('generated/key.jceks'),
        'app/jvm.options': '-Djavax.net.ssl.keyStore=key.jceks\n-Djavax.net.ssl.keyStoreType=JCEKS\n',
      },
      options: { referenceDate: '2040-01-01' },
      errors: [
        { messageId: 'expiredChainRoot', file: 'app/key.jceks', line: 1, messageIncludes: ['JCEKS store key.jceks'] },
      ],
    },
    {
      name: 'a PKCS#12 key entry opened with the password in jvm.options',
      files: {
        'app/key.p12': store('generated/key.p12'),
        'app/jvm.options': `-Djavax.net.ssl.keyStore=key.p12\n-Djavax.net.ssl.keyStorePassword=${PASSWORD}\n`,
      },
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredChainRoot',
          file: 'app/key.p12',
          line: 1,
          messageIncludes: ["of alias 'server' in PKCS12 store key.p12"],
          related: [
            { file: 'app/jvm.options', line: 2 },
            { file: 'app/jvm.options', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'a legacy RC2-40 PKCS#12 opened with changeit',
      files: {
        'app/legacy.p12': store('generated/legacy.p12'),
        'app/jvm.options': '-Djavax.net.ssl.keyStore=legacy.p12\n',
      },
      options: { referenceDate: '2040-01-01' },
      errors: [
        {
          messageId: 'expiredChainRoot',
          file: 'app/legacy.p12',
          line: 1,
          messageIncludes: ['PKCS12 store legacy.p12'],
        },
      ],
    },
  ],
});

// tomcat/localhost-rsa.jks (Apache Tomcat's test store): alias 'tomcat', CN=localhost until 2028-08-11.
ruleTester(expiresSoon, {
  valid: [
    {
      name: "Tomcat's test key store a year before expiry",
      files: { 'conf/localhost-rsa.jks': store('tomcat/localhost-rsa.jks') },
      options: { referenceDate: '2027-08-01' },
    },
  ],
  invalid: [
    {
      name: "Tomcat's test key store ten days before expiry",
      files: {
        'conf/localhost-rsa.jks': store('tomcat/localhost-rsa.jks'),
        'conf/server.xml':
          '<Server><Service name="Catalina">\n<Connector port="8443" SSLEnabled="true">\n<SSLHostConfig><Certificate certificateKeystoreFile="conf/localhost-rsa.jks" type="RSA"/></SSLHostConfig>\n</Connector></Service></Server>\n',
      },
      options: { referenceDate: '2028-08-01' },
      errors: [
        {
          messageId: 'soon',
          file: 'conf/localhost-rsa.jks',
          line: 1,
          messageIncludes: ["alias 'tomcat' in JKS store localhost-rsa.jks"],
        },
      ],
    },
  ],
});

ruleTester(weakKey, {
  valid: [
    { name: 'a 2048-bit key entry', files: { 'app/key.jks': store('generated/key.jks') } },
    // weak.jks's certificate imported as a trusted entry of a bundled JDK's cacerts: the vendor's roots, not the deployment's.
    {
      name: "a weak trusted entry of a bundled JDK's lib/security/cacerts",
      files: { 'jre/lib/security/cacerts': store('generated/weak-cacerts.jks') },
    },
  ],
  invalid: [
    {
      name: 'a 1024-bit key entry of the store an HTTPS server names',
      files: {
        'app/weak.jks': store('generated/weak.jks'),
        'app/application.properties': 'server.port=8443\nserver.ssl.key-store=weak.jks\n',
      },
      errors: [
        {
          messageId: 'weak',
          file: 'app/weak.jks',
          line: 1,
          severity: 'warning',
          messageIncludes: ["alias 'weak' in JKS store weak.jks", '1024-bit', "'ee key too small'", 'under 1024 bits'],
        },
      ],
    },
    {
      name: "the same weak certificate trusted by the deployment's own trust store",
      files: {
        'app/trust.jks': store('generated/weak-cacerts.jks'),
        'app/jvm.options': '-Djavax.net.ssl.trustStore=trust.jks\n',
      },
      errors: [
        {
          messageId: 'weak',
          file: 'app/trust.jks',
          line: 1,
          severity: 'warning',
          messageIncludes: ["alias 'weakroot' in JKS store trust.jks"],
        },
      ],
    },
  ],
});

ruleTester(sharedPrivateKey, {
  valid: [
    // A peer's certificate imported into a trust store is a copy of a public key only.
    {
      name: "a key entry and the peer's trust store holding its certificate",
      files: { 'a/key.jks': store('generated/key.jks'), 'b/peer-trust.jks': store('generated/peer-trust.jks') },
    },
  ],
  invalid: [
    {
      // Each copy mounted into its own container: two components present them (a copy nothing presents is one store).
      name: 'the same key entry in two components (JKS and its JCEKS copy)',
      files: {
        'a/key.jks': store('generated/key.jks'),
        'b/key.jceks': store('generated/key.jceks'),
        'compose.yaml':
          'services:\n  a:\n    image: tomcat:10\n    volumes:\n      - ./a:/certs:ro\n  b:\n    image: tomcat:10\n    volumes:\n      - ./b:/certs:ro\n',
      },
      errors: [
        {
          messageId: 'shared',
          file: 'b/key.jceks',
          line: 1,
          related: [
            { file: 'a/key.jks', line: 1 },
            { file: 'compose.yaml', line: 9 },
            { file: 'compose.yaml', line: 5 },
          ],
          messageIncludes: ["alias 'server' in JCEKS store key.jceks"],
        },
      ],
    },
  ],
});
