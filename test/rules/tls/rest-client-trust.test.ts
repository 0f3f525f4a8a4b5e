/**
 * MicroProfile Rest Client URLs as client links, and the stores each such client uses: its own
 * (`…/mp-rest/trustStore`), or on Liberty with an SSL feature the SSL configuration Liberty gives every REST
 * client (Open Liberty's SslMpClientBuilderListener), else the JVM's. A call to the Tomcat connector of
 * trust-trees.ts (api.example.internal:8443, presenting server-chain.p12 under Trust Root CA).
 */
import untrusted from '../../../src/rules/tls/untrusted-server-certificate';
import trustUnknown from '../../../src/rules/tls/certificate-trust-unknown';
import { ruleTester, type Tree } from '../../helpers/rule-tester';
import { store, tomcatServer } from './trust-trees';

const MP = 'client/src/main/resources/META-INF/microprofile-config.properties';
const RESOURCES = 'client/src/main/resources';
const LIBERTY = 'client/src/main/liberty/config';

/** The client's MP Config: its REST client's URL (line 1) and these settings after it. */
const mpConfig = (url: string, ...more: string[]): Tree => ({
  [MP]: [`org.acme.Api/mp-rest/url=${url}`, ...more, ''].join('\n'),
});
const API = 'https://api.example.internal:8443/orders';

/** A Quarkus-style app: settings of its own (application.properties), so it runs on a plain JVM. */
const plainJvm: Tree = { [`${RESOURCES}/application.properties`]: 'quarkus.http.port=8080\n' };

/** The client runs on Liberty: transportSecurity-1.0 (or not), its default key store (line 3) and `more`. */
const libertyClient = (features: string[], keyStore: string, ...more: string[]): Tree => ({
  [`${LIBERTY}/server.xml`]: [
    '<server>',
    `  <featureManager>${features.map((f) => `<feature>${f}</feature>`).join('')}</featureManager>`,
    `  <keyStore id="defaultKeyStore" location="${keyStore}" password="\${KEY_PASSWORD}"/>`,
    ...more,
    '</server>',
    '',
  ].join('\n'),
  [`${LIBERTY}/${keyStore}`]: store(keyStore),
});

const ownStore = (name: string): Tree => ({ [`${RESOURCES}/${name}`]: store(name) });
const server = tomcatServer('server-chain.p12');
const ownTrust = (name: string) => `org.acme.Api/mp-rest/trustStore=classpath:${name}`;
/** A plain-JVM client calling the server with its own trust store. */
const withOwnTrust = (name: string): Tree => ({
  ...server,
  ...plainJvm,
  ...ownStore(name),
  ...mpConfig(API, ownTrust(name)),
});
/** A Liberty client with transportSecurity, its default key store trust-other.p12 and these server.xml lines. */
const secureLiberty = (...more: string[]): Tree => ({
  ...server,
  ...mpConfig(API),
  ...libertyClient(['mpRestClient-3.0', 'transportSecurity-1.0'], 'trust-other.p12', ...more),
});
/** A Liberty client with transportSecurity and defaultKeyStore trust-other.p12, and its own trust-root.jks. */
const libertyAndOwnTrust: Tree = {
  ...secureLiberty(),
  ...ownStore('trust-root.jks'),
  ...mpConfig(API, ownTrust('trust-root.jks')),
};

ruleTester(untrusted, {
  valid: [
    {
      name: 'its own trust store holds the root (classpath:)',
      files: withOwnTrust('trust-root.jks'),
    },
    {
      name: 'Liberty with transportSecurity: defaultSSLConfig trusts the root through its trustStoreRef',
      files: {
        ...secureLiberty(
          '  <keyStore id="rootTrust" location="trust-root.jks" password="changeit"/>',
          '  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="rootTrust"/>',
        ),
        [`${LIBERTY}/trust-root.jks`]: store('trust-root.jks'),
      },
    },
    {
      // Liberty gives REST clients its SSL context besides their own store: which one decides is unknown, not a failure.
      name: 'Liberty with transportSecurity and a per-client store that is not its default store',
      files: libertyAndOwnTrust,
    },
    {
      name: 'a server.xml <variable> (ordinal 500) points the client elsewhere',
      files: secureLiberty(
        '  <variable name="org.acme.Api/mp-rest/url" value="https://payments.example.internal:8443/"/>',
      ),
    },
    {
      name: 'a URL whose host only the run sets names no server',
      files: { ...server, ...plainJvm, ...ownStore('trust-other.p12'), ...mpConfig('https://${API_HOST}:8443/') },
    },
    {
      name: 'a profile key (%dev.) is not the default profile',
      files: {
        ...server,
        ...plainJvm,
        [MP]: `%dev.org.acme.Api/mp-rest/url=${API}\n%dev.org.acme.Api/mp-rest/trustStore=classpath:trust-other.p12\n`,
        ...ownStore('trust-other.p12'),
      },
    },
  ],
  invalid: [
    {
      name: 'its own trust store (mp-rest/trustStore) does not hold the root',
      files: withOwnTrust('trust-other.p12'),
      errors: [{ messageId: 'untrusted', file: MP, line: 2, messageIncludes: ['trust-other.p12'] }],
    },
    {
      name: 'a URL whose host a property expression of the same file sets (${api.host})',
      files: {
        ...server,
        ...plainJvm,
        ...ownStore('trust-other.p12'),
        ...mpConfig(
          'https://${api.host}:8443/orders',
          'org.acme.Api/mp-rest/trustStore=classpath:trust-other.p12',
          'api.host=api.example.internal',
        ),
      },
      errors: [{ messageId: 'untrusted', file: MP, line: 2 }],
    },
    {
      name: "Quarkus' quarkus.rest-client.<key>.trust-store in application.properties",
      files: {
        ...server,
        ...ownStore('trust-other.p12'),
        [`${RESOURCES}/application.properties`]: [
          `quarkus.rest-client.api.url=${API}`,
          'quarkus.rest-client.api.trust-store=classpath:trust-other.p12',
          '',
        ].join('\n'),
      },
      errors: [{ messageId: 'untrusted', file: `${RESOURCES}/application.properties`, line: 2 }],
    },
    {
      // Without trustStoreRef Liberty trusts its key store: that store's certificates only (trustDefaultCerts off).
      name: "Liberty with transportSecurity: the REST client trusts defaultSSLConfig's store, not the JDK's",
      files: secureLiberty(),
      errors: [{ messageId: 'untrusted', file: `${LIBERTY}/server.xml`, line: 3 }],
    },
    {
      name: 'Liberty without an SSL feature: its own store, as on any JVM',
      files: {
        ...server,
        ...ownStore('trust-other.p12'),
        ...mpConfig(API, 'org.acme.Api/mp-rest/trustStore=classpath:trust-other.p12'),
        ...libertyClient(['mpRestClient-3.0'], 'trust-root.jks'),
      },
      errors: [{ messageId: 'untrusted', file: MP, line: 2 }],
    },
  ],
});

ruleTester(trustUnknown, {
  valid: [
    {
      name: 'its own trust store decides',
      files: withOwnTrust('trust-root.jks'),
    },
  ],
  invalid: [
    {
      name: 'Liberty with transportSecurity and a per-client store: which one applies is unknown',
      files: libertyAndOwnTrust,
      errors: [
        {
          messageId: 'serverUnknown',
          file: MP,
          line: 2,
          severity: 'info',
          messageIncludes: ["uses its own store classpath:trust-root.jks or Liberty's defaultSSLConfig"],
        },
      ],
    },
    {
      // Helidon MP reads its own server's settings from the same file: a plain JVM, whose JDK cacerts the tree lacks.
      name: 'Helidon MP (server.port in MP Config) without a per-client store: the JVM default, not an unknown runtime',
      files: { ...server, ...mpConfig(API, 'server.port=8080') },
      errors: [{ messageId: 'serverUnknown', file: MP, line: 1, messageIncludes: ["JDK's cacerts"] }],
    },
    {
      name: 'MP Config alone: which runtime gives the client its SSL context is unknown',
      files: { ...server, ...mpConfig(API) },
      errors: [{ messageId: 'serverUnknown', file: MP, line: 1, messageIncludes: ['which runtime runs'] }],
    },
  ],
});
