import { renderPhrase } from '../../src/core/phrase';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';

/** An Artemis broker.xml with these acceptors. */
const artemis = (...acceptors: string[]) => `<?xml version="1.0"?>
<configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <core xmlns="urn:activemq:core">
    <acceptors>
${acceptors.map((a, i) => `      <acceptor name="a${i}">${a}</acceptor>`).join('\n')}
    </acceptors>
  </core>
</configuration>
`;

/** An ActiveMQ Classic activemq.xml with these transport connectors and `<sslContext>` attributes. */
const classic = (
  sslContext: string | undefined,
  ...uris: string[]
) => `<beans xmlns="http://www.springframework.org/schema/beans">
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="localhost">
${sslContext !== undefined ? `    <sslContext>\n      <sslContext ${sslContext}/>\n    </sslContext>\n` : ''}    <transportConnectors>
${uris.map((u, i) => `      <transportConnector name="c${i}" uri="${u}"/>`).join('\n')}
    </transportConnectors>
  </broker>
</beans>
`;

/** A Compose file running the official Classic image over ./conf, with these `environment:` lines and more volumes. */
const classicService = (environment: string, volumes = '') =>
  `services:\n  broker:\n    image: apache/activemq-classic:6.1.6\n    environment:\n${environment}    volumes:\n      - ./conf:/opt/apache-activemq/conf\n${volumes}`;

/** What a test compares of a broker listener. */
function listeners(files: Tree) {
  const line = (from: { kind: string; location?: { range?: { start: { line: number } } } } | undefined) =>
    from?.kind === 'file' ? (from.location?.range?.start.line ?? -2) + 1 : from?.kind;
  return modelOf(files)
    .components.filter((c): c is Extract<Component, { type: 'activemq.listener' }> => c.type === 'activemq.listener')
    .map((c) => ({
      name: c.name,
      ports: c.attributes.tlsPorts,
      tlsOnly: c.attributes.tlsOnlyPorts?.map((p) => p.setting),
      hostnames: c.attributes.hostnames,
      protocols: c.tls?.protocols?.value.join(' '),
      protocolsLine: line(c.tls?.protocols?.from),
      suites: c.tls?.cipherSuites?.value.join(' '),
      auth: c.tls?.clientAuth?.value,
      keyStore: c.tls?.trust?.keyStore?.file && path.basename(c.tls.trust.keyStore.file),
      keyStoreWritten: c.tls?.trust?.keyStore?.path.value,
      trustStore: c.tls?.trust?.trustStore?.file && path.basename(c.tls.trust.trustStore.file),
      trustUnknown: c.tls?.trust?.unknown && renderPhrase(c.tls.trust.unknown.why, (t) => t),
      unknown: c.tls?.unknownValues,
      jdk: c.runtime?.version.value,
      feature: c.runtime?.attachment?.feature,
    }));
}

const KS = Buffer.from('feedfeed00000002', 'hex'); // a JKS magic: classified as a key store

describe('ActiveMQ broker TLS listeners', () => {
  it.each<[string, Tree, Partial<ReturnType<typeof listeners>[number]>[]]>([
    [
      'Artemis: sslEnabled=true with its lists, client auth and a key store beside broker.xml',
      {
        'broker/etc/broker.xml': artemis(
          'tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=broker.ks;keyStorePassword=x;enabledProtocols=TLSv1.2, SSLv3;enabledCipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;needClientAuth=true;trustStorePath=client.ts',
          'tcp://0.0.0.0:61616?protocols=CORE',
        ),
        'broker/etc/broker.ks': KS,
        'broker/etc/client.ts': KS,
      },
      [
        {
          ports: [61617],
          tlsOnly: ['acceptor a0 sslEnabled=true'],
          protocols: 'TLSv1.2', // SSLv3 dropped by NettyAcceptor
          protocolsLine: 5,
          suites: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          auth: 'required',
          keyStore: 'broker.ks',
          trustStore: 'client.ts',
          unknown: undefined,
        },
      ],
    ],
    [
      'Artemis: `&amp;` separates too, wantClientAuth is optional, a placeholder list is unknown, TRUE is true',
      {
        'etc/broker.xml': artemis(
          'tcp://broker.example.internal:61617?sslEnabled=TRUE&amp;wantClientAuth=true&amp;enabledProtocols=${TLS_PROTOCOLS:TLSv1.3}',
        ),
      },
      [
        {
          ports: [61617],
          hostnames: ['broker.example.internal'],
          protocols: undefined,
          auth: 'optional',
          keyStore: undefined,
          trustUnknown: 'the key store of a0 (no keyStorePath)',
          unknown: ['enabledProtocols=${TLS_PROTOCOLS:TLSv1.3}'],
        },
      ],
    ],
    [
      'Artemis: sslProvider=OPENSSL is not modelled',
      { 'etc/broker.xml': artemis('tcp://0.0.0.0:61617?sslEnabled=true;sslProvider=OPENSSL') },
      [{ unknown: ["sslProvider=OPENSSL (netty-tcnative's OpenSSL, not modelled)"] }],
    ],
    ['Artemis: no sslEnabled, no TLS listener', { 'etc/broker.xml': artemis('tcp://0.0.0.0:61616') }, []],
    [
      'Classic: ssl, nio+ssl and stomp+ssl speak TLS; tcp and https are not modelled; stores from <sslContext>',
      {
        'conf/activemq.xml': classic(
          'keyStore="file:${activemq.conf}/broker.ks" keyStorePassword="x" trustStore="broker.ts"',
          'ssl://0.0.0.0:61617?transport.enabledProtocols=TLSv1.2&amp;transport.enabledCipherSuites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256&amp;needClientAuth=true',
          'nio+ssl://0.0.0.0:61618?transport.needClientAuth=true',
          'stomp+ssl://0.0.0.0:61614',
          'tcp://0.0.0.0:61616',
          'https://0.0.0.0:8443',
        ),
        'conf/broker.ks': KS,
        'conf/broker.ts': KS,
      },
      [
        {
          ports: [61617],
          tlsOnly: ['ssl://'],
          protocols: 'TLSv1.2',
          suites: 'TLS_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          auth: 'required',
          keyStore: 'broker.ks',
          trustStore: 'broker.ts',
        },
        { ports: [61618], protocols: undefined, auth: 'required', keyStore: 'broker.ks' },
        { ports: [61614], auth: undefined, keyStore: 'broker.ks' },
      ],
    ],
    [
      'Classic: a bare enabledProtocols is no transport option (it names no setter of the server)',
      { 'conf/activemq.xml': classic('keyStore="broker.ks"', 'ssl://0.0.0.0:61617?enabledProtocols=TLSv1.2') },
      [{ protocols: undefined }],
    ],
    [
      'Classic: without <sslContext> the key store is the JVM default: unknown',
      { 'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617') },
      [
        {
          keyStore: undefined,
          trustUnknown:
            "the broker's key store: activemq.xml has no <sslContext>, so its TLS connectors use the JVM's default SSLContext (-Djavax.net.ssl.keyStore, e.g. in ACTIVEMQ_SSL_OPTS)",
        },
      ],
    ],
    // apache/activemq@activemq-6.1.6 bin/activemq joins ACTIVEMQ_OPTS then ACTIVEMQ_SSL_OPTS into the java command;
    // bin/setenv keeps a value the environment gives.
    [
      'Classic without <sslContext>: ACTIVEMQ_SSL_OPTS of the Compose service that mounts conf/ names the key store',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService(
          '      ACTIVEMQ_SSL_OPTS: >-\n        -Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/broker.ks\n        -Djavax.net.ssl.keyStorePassword=password\n',
        ),
      },
      [{ keyStore: 'broker.ks', keyStoreWritten: '/opt/apache-activemq/conf/broker.ks', trustUnknown: undefined }],
    ],
    // The service's variables as Compose reads them (src/parse/compose-service-variables.ts). Was: its env files
    // unread, the JVM's stores taken as unset (the first) or unknown for want of a setting (the second).
    [
      'Classic without <sslContext>: ACTIVEMQ_SSL_OPTS of an env_file of the service names the key store',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService('      TZ: UTC\n') + '    env_file: broker.env\n',
        'broker.env': 'ACTIVEMQ_SSL_OPTS="-Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/broker.ks"\n',
      },
      [{ keyStore: 'broker.ks', keyStoreWritten: '/opt/apache-activemq/conf/broker.ks', trustUnknown: undefined }],
    ],
    [
      'Classic without <sslContext>: an env_file the tree does not hold may set the option variables: unknown',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService('      TZ: UTC\n') + '    env_file: secrets.env\n',
      },
      [
        {
          keyStore: undefined,
          trustUnknown:
            "the broker's key store: activemq.xml has no <sslContext>, so its TLS connectors use the JVM's default SSLContext, whose stores are unknown: ACTIVEMQ_OPTS may be set by secrets.env, an env_file lint-deploy does not read (Compose service broker)",
        },
      ],
    ],
    [
      'Classic without <sslContext>: a later -D of ACTIVEMQ_SSL_OPTS wins over ACTIVEMQ_OPTS; trust store mounted apart',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'certs/broker.ts': KS,
        'compose.yaml': classicService(
          '      ACTIVEMQ_OPTS: -Xmx1G -Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/old.ks\n      ACTIVEMQ_SSL_OPTS: -Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/broker.ks -Djavax.net.ssl.trustStore=/certs/broker.ts\n',
          '      - ./certs:/certs\n',
        ),
      },
      [{ keyStore: 'broker.ks', keyStoreWritten: '/opt/apache-activemq/conf/broker.ks', trustStore: 'broker.ts' }],
    ],
    [
      'Classic without <sslContext>: a store path no mount or copy puts in the tree is named, its file unknown',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService('      ACTIVEMQ_SSL_OPTS: -Djavax.net.ssl.keyStore=/secrets/broker.ks\n'),
      },
      [{ keyStore: undefined, keyStoreWritten: '/secrets/broker.ks', trustUnknown: undefined }],
    ],
    [
      'Classic without <sslContext>: a relative path is read from the unknown working directory',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService('      ACTIVEMQ_SSL_OPTS: -Djavax.net.ssl.keyStore=conf/broker.ks\n'),
      },
      [{ keyStore: undefined, keyStoreWritten: 'conf/broker.ks' }],
    ],
    [
      'Classic without <sslContext>: a placeholder in the path names no file',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService(
          '      ACTIVEMQ_SSL_OPTS: -Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/$$KS_NAME\n',
        ),
      },
      [{ keyStore: undefined, keyStoreWritten: '/opt/apache-activemq/conf/$$KS_NAME', trustUnknown: undefined }],
    ],
    [
      'Classic without <sslContext>: a Dockerfile ENV path through another variable names no file',
      {
        'broker/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'broker/broker.ks': KS,
        'broker/Dockerfile':
          'FROM rmohr/activemq:5.15.9\nENV ACTIVEMQ_SSL_OPTS="-Djavax.net.ssl.keyStore=$ACTIVEMQ_HOME/broker.ks"\nCOPY activemq.xml /opt/activemq/conf/\nCOPY broker.ks /opt/activemq/broker.ks\n',
      },
      [{ keyStore: undefined, keyStoreWritten: '$ACTIVEMQ_HOME/broker.ks', trustUnknown: undefined }],
    ],
    [
      'Classic without <sslContext>: the variable given by Compose substitution is unknown',
      {
        'conf/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'compose.yaml': classicService('      ACTIVEMQ_SSL_OPTS: ${SSL_OPTS}\n'),
      },
      [
        {
          keyStore: undefined,
          trustUnknown:
            "the broker's key store: activemq.xml has no <sslContext>, so its TLS connectors use the JVM's default SSLContext, whose stores are unknown: ACTIVEMQ_SSL_OPTS is given when Compose runs (Compose service broker)",
        },
      ],
    ],
    [
      'Classic without <sslContext>: no Compose service, the Dockerfile that copies activemq.xml sets ACTIVEMQ_SSL_OPTS',
      {
        'broker/activemq.xml': classic(undefined, 'ssl://0.0.0.0:61617'),
        'broker/broker.ks': KS,
        'broker/Dockerfile':
          'FROM rmohr/activemq:5.15.9\nENV ACTIVEMQ_SSL_OPTS "-Djavax.net.ssl.keyStore=/opt/activemq/broker.ks -Djavax.net.ssl.keyStorePassword=password"\nCOPY activemq.xml /opt/activemq/conf/\nCOPY broker.ks /opt/activemq/broker.ks\n',
      },
      [{ keyStore: 'broker.ks', keyStoreWritten: '/opt/activemq/broker.ks' }],
    ],
    [
      'Classic with <sslContext>: the JVM options are not its stores',
      {
        'conf/activemq.xml': classic('keyStore="broker.ks"', 'ssl://0.0.0.0:61617'),
        'conf/broker.ks': KS,
        'conf/other.ks': KS,
        'compose.yaml': classicService(
          '      ACTIVEMQ_SSL_OPTS: -Djavax.net.ssl.keyStore=/opt/apache-activemq/conf/other.ks\n',
        ),
      },
      [{ keyStore: 'broker.ks', keyStoreWritten: 'broker.ks' }],
    ],
    [
      "Compose: the service running broker.xml; an absolute store path is the mounted file; the release's image runs JDK 21",
      {
        'compose.yaml':
          'services:\n  artemis:\n    image: apache/activemq-artemis:2.44.0\n    volumes:\n      - ./artemis/etc-override:/var/lib/artemis-instance/etc-override\n      - ./certs:/certs\n',
        'artemis/etc-override/broker.xml': artemis(
          'tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=/certs/server.p12',
        ),
        'certs/server.p12': KS,
      },
      [
        {
          name: 'ActiveMQ Artemis acceptor a0 (artemis/etc-override/broker.xml, Compose service artemis)',
          hostnames: [],
          keyStore: 'server.p12',
          feature: '21', // update unknown: the version stays '' where the TLS defaults differ by update
        },
      ],
    ],
    [
      'Compose: an image tag the knowledge base does not map (latest) leaves the JDK unknown, never another JDK of the tree',
      {
        'compose.yaml':
          'services:\n  artemis:\n    image: apache/activemq-artemis:latest\n    volumes:\n      - ./etc:/var/lib/artemis-instance/etc-override\n',
        'etc/broker.xml': artemis('tcp://0.0.0.0:61617?sslEnabled=true'),
        'app/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
      },
      [{ jdk: '' }],
    ],
    [
      'a placeholder in a store path other than ${activemq.conf} leaves the file unknown',
      {
        'etc/broker.xml': artemis('tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=${data.dir}/../etc/broker.ks'),
        'etc/broker.ks': KS,
      },
      [{ keyStore: undefined, keyStoreWritten: '${data.dir}/../etc/broker.ks' }],
    ],
  ])('%s', (_name, files, expected) => {
    const found = listeners(files);
    expect(found).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(found[i]).toMatchObject(want));
  });

  it('reads neither an XML <configuration> of another product nor a Spring <beans> file without a broker', () => {
    expect(
      listeners({
        'conf/app.xml': '<configuration><acceptor>tcp://0.0.0.0:61617?sslEnabled=true</acceptor></configuration>\n',
        'conf/beans.xml':
          '<beans xmlns="http://www.springframework.org/schema/beans"><transportConnector uri="ssl://0.0.0.0:61617"/></beans>\n',
      }),
    ).toEqual([]);
  });
});

describe('ActiveMQ broker URLs of a Spring application', () => {
  /** The broker URLs the application's model reads from `application.properties`. */
  const urls = (properties: string) =>
    modelOf({ 'app/src/main/resources/application.properties': properties })
      .components.flatMap((c) => (c.type === 'java.app' ? c.attributes.urls : []))
      .filter((u) => u.broker)
      .map((u) => ({
        url: u.url,
        tls: u.broker?.tls,
        protocols: u.broker?.protocols?.value.join(' '),
        unknown: u.broker?.unknownValues,
        trustStore: u.trust?.trustStore?.path.value,
        trustUnknown: u.trust?.unknown !== undefined,
      }));

  it.each<[string, string, Partial<ReturnType<typeof urls>[number]>[]]>([
    [
      'Artemis: a list whose query applies to every member',
      'spring.artemis.broker-url=(tcp://a:61617,tcp://b:61617)?ha=true;sslEnabled=true&enabledProtocols=TLSv1.3\n',
      [
        { url: 'tcp://a:61617', tls: true, protocols: 'TLSv1.3' },
        { url: 'tcp://b:61617', tls: true, protocols: 'TLSv1.3' },
      ],
    ],
    [
      'Artemis: no sslEnabled is plain; relaxed binding brokerUrl',
      'spring.artemis.brokerUrl=tcp://a:61616\n',
      [{ url: 'tcp://a:61616', tls: false }],
    ],
    [
      // Spring Boot v3.4.0 ConfigurationPropertyName: a file's key is split at dots only, and `_` is dropped from an
      // element's uniform form (DefaultPropertyMapper, Form.UNIFORM), so `broker_url` is `broker-url`.
      'Artemis: the underscore spelling broker_url binds as broker-url',
      'spring.artemis.broker_url=tcp://a:61617?sslEnabled=true\n',
      [{ url: 'tcp://a:61617', tls: true }],
    ],
    [
      'a file key with `_` for the dots is one element: not the setting',
      'spring_artemis_broker_url=tcp://a:61616\n',
      [],
    ],
    [
      'Artemis: both stores named; one store only leaves the other (the JVM’s) unknown',
      'spring.artemis.broker-url=tcp://a:61617?sslEnabled=true;trustStorePath=client.ts;keyStorePath=client.ks\nx.y=1\n',
      [{ trustStore: 'client.ts', trustUnknown: false }],
    ],
    [
      'Artemis: a trust store alone',
      'spring.artemis.broker-url=tcp://a:61617?sslEnabled=true;trustStorePath=client.ts\n',
      [{ trustStore: 'client.ts', trustUnknown: true }],
    ],
    [
      'Artemis: sslProvider=OPENSSL and a placeholder list are unknown',
      'spring.artemis.broker-url=tcp://a:61617?sslEnabled=true;sslProvider=OPENSSL;enabledCipherSuites=${SUITES}\n',
      [{ unknown: ['enabledCipherSuites=${SUITES}', 'sslProvider=OPENSSL'] }],
    ],
    [
      'Classic: failover members with their own queries; socket.enabled* options are not modelled',
      'spring.activemq.broker-url=failover:(ssl://a:61617?socket.enabledProtocols=TLSv1.2,tcp://b:61616)?randomize=false\n',
      [
        { url: 'ssl://a:61617', tls: true, unknown: ['socket.enabledProtocols (not modelled)'] },
        { url: 'tcp://b:61616', tls: false },
      ],
    ],
  ])('%s', (_name, properties, expected) => {
    const found = urls(properties);
    expect(found).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(found[i]).toMatchObject(want));
  });
});

describe("ActiveMQ broker URLs of a JMS client's jndi.properties", () => {
  /** The broker URLs (and the keys naming them) the application's model reads from `jndi.properties` at `file`. */
  const urls = (text: string, file = 'app/src/main/resources/jndi.properties') =>
    modelOf({ [file]: text, 'app/Dockerfile': 'FROM eclipse-temurin:21-jre\nCMD ["java", "-jar", "/app.jar"]\n' })
      .components.flatMap((c) => (c.type === 'java.app' ? c.attributes.urls : []))
      .filter((u) => u.broker)
      .map((u) => `${u.key}=${u.url} ${u.broker?.product} ${u.broker?.tls ? 'tls' : 'plain'}`);
  const ARTEMIS = 'java.naming.factory.initial=org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory\n';
  const CLASSIC = 'java.naming.factory.initial = org.apache.activemq.jndi.ActiveMQInitialContextFactory\n';

  it.each<[string, string, string[], string]>([
    [
      // apache/activemq-artemis@2.44.0 ActiveMQInitialContextFactory: the provider URL and each connectionFactory.<name>.
      'Artemis: java.naming.provider.url and connectionFactory.<name>',
      `${ARTEMIS}java.naming.provider.url=tcp://a:61616\nconnectionFactory.Secure=tcp://b:61617?sslEnabled=true\nqueue.queue/q=q\n`,
      ['java.naming.provider.url=tcp://a:61616 artemis plain', 'connectionFactory.Secure=tcp://b:61617 artemis tls'],
      '',
    ],
    [
      // apache/activemq@activemq-6.1.6: connection.<name>.java.naming.provider.url replaces the provider URL for one.
      'Classic: the provider URL, and one connection factory’s own provider URL',
      `${CLASSIC}java.naming.provider.url=failover:(ssl://a:61617)\nconnectionFactoryNames=cf, other\nconnection.other.java.naming.provider.url=tcp://b:61616\nconnection.cf.brokerURL=tcp://c:61616\n`,
      [
        'java.naming.provider.url=ssl://a:61617 classic tls',
        'connection.other.java.naming.provider.url=tcp://b:61616 classic plain',
      ],
      '',
    ],
    [
      // ActiveMQConnectionFactory.buildFromProperties: brokerURL only without a provider URL.
      'Classic: a connection factory’s brokerURL when no provider URL is set',
      `${CLASSIC}connectionFactoryNames=cf\nconnection.cf.brokerURL=nio+ssl://c:61618\n`,
      ['connection.cf.brokerURL=nio+ssl://c:61618 classic tls'],
      '',
    ],
    [
      // java.util.Properties.load puts each line in turn: the last value of a key is the one InitialContext gets.
      'a key written twice: the last value only',
      `${ARTEMIS}java.naming.provider.url=tcp://a:61616\njava.naming.provider.url=tcp://b:61617?sslEnabled=true\n`,
      ['java.naming.provider.url=tcp://b:61617 artemis tls'],
      '',
    ],
    [
      // ActiveMQConnectionFactory.buildFromProperties: an empty provider URL falls back to brokerURL.
      'Classic: a provider URL emptied by a later line leaves the brokerURL',
      `${CLASSIC}java.naming.provider.url=ssl://a:61617\njava.naming.provider.url=\nconnectionFactoryNames=cf\nconnection.cf.brokerURL=tcp://c:61616\n`,
      ['connection.cf.brokerURL=tcp://c:61616 classic plain'],
      '',
    ],
    [
      'another initial context factory: not an ActiveMQ client',
      'java.naming.factory.initial=com.sun.jndi.ldap.LdapCtxFactory\njava.naming.provider.url=ldap://a:389\n',
      [],
      '',
    ],
    [
      'a test resource configures tests only',
      `${ARTEMIS}java.naming.provider.url=tcp://a:61616\n`,
      [],
      'app/src/test/resources/jndi.properties',
    ],
  ])('%s', (_name, text, expected, file) => {
    expect(urls(text, file || undefined)).toEqual(expected);
  });
});
