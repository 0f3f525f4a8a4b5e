import rule from '../../../src/rules/tls/client-certificate-required';
import { ruleTester } from '../../helpers/rule-tester';
import { nginxGateway } from './trees';
import { javaClient, nginxServer, store, tomcatServer } from './trust-trees';

const trusting = { trustStore: 'trust-root.jks' };

/**
 * A Spring client of an mTLS Tomcat whose only key material is its own HTTPS server's key store
 * (`server.ssl.key-store`); `enabled`: a `server.ssl.enabled` line, or none.
 */
const serverSslClient = (enabled = ''): Record<string, string | Buffer> => ({
  ...javaClient(trusting),
  'client/application.yml': `orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\nserver:\n  ssl:\n${enabled}    key-store: classpath:ssl/client.jks\n    key-store-type: JKS\n`,
  ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
});

/**
 * An ActiveMQ Classic broker that requires client certificates (transport.needClientAuth) and the Java client
 * (spring.activemq.broker-url) that sends client-chain.p12; `sslContext`: the trust attributes of its <sslContext>.
 */
const classicBroker = (sslContext: string): Record<string, string | Buffer> => ({
  ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
  'client/application.properties': 'spring.activemq.broker-url=ssl://broker:61617\n',
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'broker/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jdk\n',
  'broker/conf/server-chain.p12': store('server-chain.p12'),
  'broker/conf/trust-root.jks': store('trust-root.jks'),
  'broker/conf/activemq.xml': `<beans xmlns="http://www.springframework.org/schema/beans">\n  <broker xmlns="http://activemq.apache.org/schema/core">\n    <sslContext><sslContext keyStore="server-chain.p12" keyStorePassword="\${KEY_PASSWORD}" keyStoreType="pkcs12"${sslContext}/></sslContext>\n    <transportConnectors>\n      <transportConnector name="ssl" uri="ssl://0.0.0.0:61617?transport.needClientAuth=true"/>\n    </transportConnectors>\n  </broker>\n</beans>\n`,
});

/**
 * A Dropwizard HTTPS connector requiring client certificates, trusting trust-root.jks (the client's CA's root), with
 * `extra` connector settings (line 11 on); the Java client sends client-chain.p12 (a leaf below that root).
 */
const dropwizard = (extra: string, clientKey = 'client-chain.p12'): Record<string, string | Buffer> => ({
  ...javaClient({ ...trusting, keyStore: clientKey }),
  'api/server-chain.p12': store('server-chain.p12'),
  'api/trust-root.jks': store('trust-root.jks'),
  'api/config.yml': `server:\n  applicationConnectors:\n    - type: https\n      port: 8443\n      keyStorePath: server-chain.p12\n      keyStorePassword: \${KEY_PASSWORD}\n      keyStoreType: PKCS12\n      certAlias: api\n      trustStorePath: trust-root.jks\n      needClientAuth: true\n${extra}`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'Dropwizard without validatePeers (default false from 1.1.0, the pom names 2.1.12): no revocation check',
      files: {
        ...dropwizard(''),
        'api/pom.xml':
          '<project><dependencies><dependency><groupId>io.dropwizard</groupId><artifactId>dropwizard-core</artifactId><version>2.1.12</version></dependency></dependencies></project>\n',
      },
    },
    {
      name: 'Dropwizard validatePeers with a crlPath: the CRL answers (its content is not judged)',
      files: dropwizard('      validatePeers: true\n      crlPath: /etc/api/ca.crl\n'),
    },
    {
      name: 'Dropwizard validatePeers, release unknown, validatePeers unwritten: unknown (true before 1.1.0), no error',
      files: dropwizard('      wantClientAuth: true\n'),
    },
    {
      name: 'an ActiveMQ Classic <sslContext> whose trustStore holds the client CA',
      files: classicBroker(' trustStore="trust-root.jks" trustStorePassword="${TRUST_PASSWORD}"'),
    },
    {
      name: 'Tomcat requires, the client sends a certificate from a CA it trusts',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
    {
      name: 'nginx requires, ssl_client_certificate holds the Clients CA and its root',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 2 }),
      },
    },
    {
      name: 'optional, and the client has no certificate',
      files: {
        ...javaClient(trusting),
        ...tomcatServer('server-chain.p12', { mode: 'optional', trustStore: 'trust-root.jks' }),
      },
    },
    { name: 'no client authentication', files: { ...javaClient(trusting), ...tomcatServer('server-chain.p12') } },
    {
      // maxlambrecht/spiffe-nginx-tomcat@73c50e5 front-end/nginx/nginx-frontend.conf: SPIFFE's nginx fork presents
      // the SVID the Workload API gives it (spiffe/spiffe-nginx@560633d ngx_http_proxy_set_ssl).
      name: 'an nginx proxy with proxy_ssl_spiffe on: its client certificate comes at run time, unknown',
      files: {
        ...nginxGateway(['ssl_spiffe_sock /tmp/agent.sock;', 'proxy_ssl_verify on;', 'proxy_ssl_spiffe on;']),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 2 }),
      },
    },
    {
      // scottfrederick/spring-boot-ssl-demo@bef7fcd: the client's SSL bundle 'web' holds its certificate, and its code
      // gives that bundle to its RestClient (app.ssl.bundle: web, a setting of its own).
      name: 'a Spring client whose SSL bundle holds a key store: which key it presents is unknown, not none',
      files: {
        ...javaClient(trusting),
        'client/application.yml':
          'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\nspring:\n  ssl:\n    bundle:\n      pem:\n        web:\n          keystore:\n            certificate: classpath:tls.crt\n            private-key: classpath:tls.key\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
    {
      // Spring binds every relaxed spelling of the bundle's keys: `key-store` is `keystore`.
      name: 'a Spring client whose SSL bundle key store is written in a relaxed spelling',
      files: {
        ...javaClient(trusting),
        'client/application.properties':
          'orders.api.base-url=https://api.example.internal:8443/orders\nspring.ssl.bundle.jks.orders-client.key-store.location=classpath:client.p12\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
    {
      // Jportela4c/dynamic-portfolio-api@b173abd src/main/resources/application.yml: `ofb.provider.keystore.path`, a
      // setting of the app's own, names client.p12, which its code loads as its RestTemplate's key material.
      name: 'a Spring client whose own setting names a key store (placeholder default): its key is unknown, not none',
      files: {
        ...javaClient(trusting),
        'client/application.yml':
          'ofb:\n  provider:\n    base-url: https://api.example.internal:8443/orders\n    keystore:\n      path: ${OFB_KEYSTORE_PATH:classpath:certs/client.p12}\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
    {
      // timsazon/two-way-ssl@ad3c272 client/src/main/resources/application.yaml: server.ssl.enabled false turns the
      // client's own HTTPS off, and its code loads the server.ssl key store into its WebClient.
      name: 'a Spring client whose server.ssl key store its own HTTPS server does not use: its key is unknown, not none',
      files: serverSslClient('    enabled: false\n'),
    },
    {
      // ninjacoderz/two-way-ssl-spring-boot@1b756b3 nt-gateway: its HTTPS server on (enabled unset), its code loads
      // the same key store into its RestTemplate.
      name: 'a Spring client whose server.ssl key store serves its own HTTPS server: its key is unknown, not none',
      files: serverSslClient(),
    },
    {
      // scottfrederick/spring-boot-ssl-demo@bef7fcd deploy/kubernetes/ssl/books-client.yaml: a ConfigMap's
      // application.yml mounted over the books-client image, whose own application.yml names the bundle.
      name: 'a Spring client known only by a Kubernetes ConfigMap over its image: its key is unknown, not none',
      files: {
        'deploy/books-client.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: books-client-config\ndata:\n  application.yml: |\n    orders:\n      api:\n        base-url: https://api.example.internal:8443/orders\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
  ],
  invalid: [
    {
      name: 'Dropwizard validatePeers: true without crlPath, OCSP or CRLDP: a CA-issued client certificate fails revocation',
      files: dropwizard('      validatePeers: true\n'),
      errors: [
        {
          messageId: 'revocation',
          file: 'api/config.yml',
          line: 10,
          messageIncludes: ['Could not determine revocation status', 'certificate_unknown'],
        },
      ],
    },
    {
      // apache/activemq@c3580e7: without a trustStore SpringSslContext gives SSLContext.init an empty trust manager
      // array, and JSSE's DummyX509TrustManager accepts no certificate (the java helper measured it with OpenJDK 17).
      name: "an ActiveMQ Classic <sslContext> without trustStore trusts no client certificate, not the JDK's cacerts",
      files: classicBroker(''),
      errors: [
        {
          messageId: 'untrusted',
          file: 'broker/conf/activemq.xml',
          line: 5,
          messageIncludes: [
            'trusts no certificate at all (<sslContext> names no trustStore, so ActiveMQ gives JSSE an empty list',
            'No X509TrustManager implementation available',
          ],
        },
      ],
    },
    {
      name: 'Tomcat requires a certificate, the client has no key store',
      files: {
        ...javaClient(trusting),
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [
        {
          messageId: 'none',
          file: 'api/conf/server.xml',
          line: 3,
          messageIncludes: ['Empty client certificate chain', 'bad_certificate'],
        },
      ],
    },
    {
      // The same app's own trust store setting (`ofb.provider.truststore.path`) gives its client no key.
      name: 'a Spring client whose own settings name only a trust store: it has no key, as before',
      files: {
        ...javaClient(trusting),
        'client/application.yml':
          'ofb:\n  provider:\n    base-url: https://api.example.internal:8443/orders\n    truststore:\n      path: classpath:certs/ca.p12\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [{ messageId: 'none', file: 'api/conf/server.xml', line: 3 }],
    },
    {
      name: 'nginx requires one, the client has none: 400 No required SSL certificate was sent',
      files: {
        ...javaClient(trusting),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem' }),
      },
      errors: [
        {
          messageId: 'none',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['No required SSL certificate was sent', 'client sent no required SSL certificate'],
        },
      ],
    },
    {
      name: 'the client holds a partner CA certificate nginx does not list: JSSE sends none',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-partner.jks' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 2 }),
      },
      errors: [
        {
          messageId: 'noMatch',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['Fixture Partner CA', 'Fixture Clients CA', 'sends no certificate'],
        },
      ],
    },
    {
      name: 'nginx verify depth 0: the client chain has an intermediate',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 0 }),
      },
      errors: [
        {
          messageId: 'untrusted',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['verify depth', '22:certificate chain too long', 'The SSL certificate error'],
        },
      ],
    },
  ],
});
