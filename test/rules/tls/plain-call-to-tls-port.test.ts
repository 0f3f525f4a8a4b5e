import rule from '../../../src/rules/tls/plain-call-to-tls-port';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A server.xml whose Connector (line 3) carries `connector` and an SSLHostConfig (line 4); the Engine's Host answers to
 * `host`. Measured with Debian's Tomcat 10.1.60 on OpenJDK 17 (Catalina on such a server.xml): curl and
 * java.net.http.HttpClient to http://127.0.0.1:18443/ get "HTTP/1.1 400" "This combination of host and port requires
 * TLS.", and an nginx 1.22.1 `proxy_pass http://127.0.0.1:18443/` hands that 400 to its client.
 */
const serverXml = (connector: string, host = 'inventory.example.internal', port = '8443') =>
  [
    '<Server port="8005">',
    '  <Service name="Catalina">',
    `    <Connector port="${port}" protocol="HTTP/1.1" ${connector}>`,
    '      <SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12" type="RSA"/></SSLHostConfig>',
    '    </Connector>',
    `    <Engine name="Catalina" defaultHost="${host}"><Host name="${host}"/></Engine>`,
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');
const tomcat = serverXml('SSLEnabled="true"');

/**
 * A Compose project: a Spring app (built from app/) with these settings, and an Artemis broker (service `broker`)
 * whose broker.xml acceptor (line 4) listens on 61617 with `acceptor`'s parameters, or ActiveMQ Classic's activemq.xml.
 */
const brokerProject = (settings: string, broker: { artemis?: string; classic?: string }) => ({
  'compose.yaml':
    'services:\n  app:\n    build: ./app\n  broker:\n    image: apache/activemq-artemis:2.44.0\n    volumes:\n      - ./broker:/var/lib/artemis-instance/etc-override\n',
  'app/src/main/resources/application.properties': settings,
  ...(broker.artemis !== undefined
    ? {
        'broker/broker.xml': `<configuration xmlns="urn:activemq">\n  <core xmlns="urn:activemq:core">\n    <acceptors>\n      <acceptor name="tls">tcp://0.0.0.0:61617?${broker.artemis}</acceptor>\n    </acceptors>\n  </core>\n</configuration>\n`,
      }
    : {}),
  ...(broker.classic !== undefined
    ? {
        'broker/activemq.xml': `<beans xmlns="http://www.springframework.org/schema/beans">\n  <broker xmlns="http://activemq.apache.org/schema/core">\n    <transportConnectors>\n      <transportConnector name="ssl" uri="${broker.classic}"/>\n    </transportConnectors>\n  </broker>\n</beans>\n`,
      }
    : {}),
});

/** The app's pom.xml naming its Spring Boot release (the Maven parent). */
const bootPom = (version: string) => ({
  'app/pom.xml': `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n</project>\n`,
});

/**
 * Spring Boot's spring.artemis.host and spring.artemis.port to the TLS acceptor on 61617, with the app's Spring Boot
 * release (none: its build file does not say) and more settings.
 */
const hostPort = (boot: string | undefined, more = '') => ({
  ...brokerProject(`spring.artemis.host=broker\nspring.artemis.port=61617\n${more}`, { artemis: 'sslEnabled=true' }),
  ...(boot ? bootPom(boot) : {}),
});

/** An nginx front whose location (line 4) holds `pass`. */
const front = (pass: string, before = '') => `${before}server {\n  listen 80;\n  location / {\n    ${pass};\n  }\n}\n`;

/**
 * HAProxy with a TLS bind on 8443 (line 2, these more words) and `more` binds after it. Measured with Debian 12's
 * HAProxy 2.6.12: curl http:// to a `bind … ssl` port gets 'Empty reply from server'.
 */
const haproxyCfg = (more = '') =>
  `frontend https\n  bind inventory.example.internal:8443 ssl crt /etc/haproxy/site.pem\n  default_backend app\n${more}backend app\n  server a1 10.0.0.5:8080\n`;

const calling = (key: string, url: string) =>
  `spring:\n  application:\n    name: orders\ninventory:\n  ${key}: ${url}\n`;

const springTls = (extra = '') =>
  `server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    key-store-password: changeit\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'Artemis broker URL with sslEnabled=true: TLS, no plain call',
      files: brokerProject('spring.artemis.broker-url=tcp://broker:61617?sslEnabled=true\n', {
        artemis: 'sslEnabled=true',
      }),
    },
    // spring-projects/spring-boot v2.7.0 ArtemisConnectionFactoryFactory: the broker URL or tcp://localhost:61616 only.
    { name: 'spring.artemis.host and port on Spring Boot 2.7.18: not read', files: hostPort('2.7.18') },
    // Which of them the client uses depends on the release (host and port until 2.6, never from 2.7): not guessed.
    { name: 'spring.artemis.host and port, the Spring Boot release unknown: not read', files: hostPort(undefined) },
    // From 2.5.0 a broker URL wins over host and port (newNativeConnectionFactory falls back to them without one).
    {
      name: 'spring.artemis.host and port beside a TLS broker URL on Spring Boot 2.6.15: the URL is used',
      files: hostPort('2.6.15', 'spring.artemis.broker-url=tcp://broker:61617?sslEnabled=true\n'),
    },
    // ArtemisConnectionFactoryFactory (every release): mode embedded connects in the JVM, to no URL.
    {
      name: 'Artemis broker URL without sslEnabled=true, spring.artemis.mode=embedded: no network call',
      files: brokerProject('spring.artemis.mode=embedded\nspring.artemis.broker-url=tcp://broker:61617\n', {
        artemis: 'sslEnabled=true',
      }),
    },
    {
      name: 'spring.artemis.host and port on Spring Boot 2.4.13, spring.artemis.mode a placeholder: not read',
      files: hostPort('2.4.13', 'spring.artemis.mode=${ARTEMIS_MODE}\n'),
    },
    {
      name: 'Artemis broker URL to a plain acceptor',
      files: brokerProject('spring.artemis.broker-url=tcp://broker:61617\n', { artemis: 'protocols=CORE' }),
    },
    {
      name: 'HAProxy port bound plain by another frontend too: not TLS only',
      files: {
        'orders/application.yml': calling('base-url', 'http://inventory.example.internal:8443/api'),
        'inventory/haproxy.cfg': haproxyCfg('frontend plain\n  bind :8443\n'),
      },
    },
    {
      name: 'HAProxy bind ssl inside .if: not proven',
      files: {
        'orders/application.yml': calling('base-url', 'http://inventory.example.internal:8443/api'),
        'inventory/haproxy.cfg':
          'frontend https\n.if defined(TLS)\n  bind inventory.example.internal:8443 ssl crt /etc/haproxy/site.pem\n.endif\n',
      },
    },
    {
      name: 'proxy_pass https:// to the TLS port',
      files: {
        'web/nginx.conf': front('proxy_pass https://inventory.example.internal:8443'),
        'inventory/conf/server.xml': tomcat,
      },
    },
    {
      // TLS passthrough: a stream proxy relays the client's own TLS bytes.
      name: 'a stream proxy_pass without proxy_ssl',
      files: {
        'web/nginx.conf':
          'stream {\n  server {\n    listen 443;\n    proxy_pass inventory.example.internal:8443;\n  }\n}\n',
        'inventory/conf/server.xml': tomcat,
      },
    },
    {
      name: 'SSLEnabled from a property the tree does not set: unknown, never guessed',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory.example.internal:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="${ssl.enabled}"'),
      },
    },
    {
      name: 'the connector port is a property the tree does not set',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory.example.internal:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"', 'inventory.example.internal', '${https.port}'),
      },
    },
    {
      name: 'a target with a variable is resolved per request',
      files: {
        'web/nginx.conf': front('proxy_pass http://$backend:8443'),
        'inventory/conf/server.xml': tomcat,
      },
    },
    {
      name: 'nginx also listens plain on that port (another server): not TLS only',
      files: {
        'web/nginx.conf': front(
          'proxy_pass http://127.0.0.1:8443',
          'server {\n  listen 8443 ssl;\n  ssl_certificate c.pem;\n  ssl_certificate_key k.pem;\n}\nserver {\n  listen 127.0.0.2:8443;\n}\n',
        ),
      },
    },
    {
      // localhost of an nginx in web/ is that container, not the Tomcat of inventory/.
      name: 'a loopback address from another directory',
      files: {
        'web/nginx.conf': front('proxy_pass http://localhost:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"', 'localhost'),
      },
    },
    {
      name: 'an allowed CORS origin is no call',
      files: {
        'orders/src/main/resources/application.yml': calling(
          'allowed-origins',
          'http://inventory.example.internal:8443',
        ),
        'inventory/conf/server.xml': tomcat,
      },
    },
    {
      name: 'Spring server.ssl.enabled switched by a placeholder defaulting to false',
      files: {
        'web/nginx.conf': front('proxy_pass http://orders:8443'),
        'orders/src/main/resources/application.yml': springTls('    enabled: ${SSL_ENABLED:false}\n'),
      },
    },
    {
      name: 'Spring server.port set at run time by the Compose service',
      files: {
        'web/nginx.conf': front('proxy_pass http://orders:8443'),
        'orders/src/main/resources/application.yml': springTls(),
        'docker-compose.yml':
          'services:\n  orders:\n    build: ./orders\n    environment:\n      SERVER_PORT: ${PORT}\n',
      },
    },
    {
      // Spring Boot makes no embedded web server for a WAR the container runs (knowledge tomcat.json springBootWar):
      // Tomcat's stock server.xml serves plain HTTP on 8080, so http://inventory:8080 is answered.
      name: 'server.ssl.* of a Spring Boot WAR that the official tomcat image runs: no TLS-only port',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory:8080'),
        'inventory/src/main/resources/application.yml': springTls().replace('8443', '8080'),
        'inventory/Dockerfile': 'FROM tomcat:9.0-jdk17\nCOPY target/inventory.war /usr/local/tomcat/webapps/ROOT.war\n',
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./web/nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  inventory:\n    build: ./inventory\n',
      },
    },
  ],
  invalid: [
    {
      name: 'Artemis broker URL without sslEnabled=true to an acceptor with sslEnabled=true (the Compose service)',
      files: brokerProject('spring.artemis.broker-url=tcp://broker:61617\n', { artemis: 'sslEnabled=true' }),
      errors: [
        {
          messageId: 'plain',
          file: 'app/src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['Artemis tcp:// (no TLS)', 'Netty SslHandler', 'Add sslEnabled=true'],
          related: [
            { file: 'broker/broker.xml', line: 4 },
            { file: 'compose.yaml', line: 7 },
          ],
        },
      ],
    },
    {
      // Spring Boot (v3.4.0 ConfigurationPropertyName, DefaultPropertyMapper): `_` is dropped from a file key's element,
      // so `broker_url` binds spring.artemis.broker-url as `broker-url` does.
      name: 'the underscore spelling spring.artemis.broker_url is the same setting',
      files: brokerProject('spring.artemis.broker_url=tcp://broker:61617\n', { artemis: 'sslEnabled=true' }),
      errors: [{ messageId: 'plain', file: 'app/src/main/resources/application.properties', line: 1 }],
    },
    // spring-projects/spring-boot v2.4.13 ArtemisConnectionFactoryFactory: a NettyConnectorFactory of host and port only.
    ...[
      ['2.4.13', ''],
      // Before 2.5.0 Spring Boot binds no spring.artemis.broker-url: host and port decide.
      ['2.3.12.RELEASE', 'spring.artemis.broker-url=tcp://broker:61617?sslEnabled=true\n'],
      ['2.6.15', ''],
    ].map(([boot, more]) => ({
      name: `spring.artemis.host and port to an acceptor with sslEnabled=true on Spring Boot ${boot}${more ? ' (its broker URL unbound)' : ''}`,
      files: hostPort(boot, more),
      errors: [
        {
          messageId: 'plain',
          file: 'app/src/main/resources/application.properties',
          line: 1,
          messageIncludes: [
            'Artemis tcp:// (no TLS) to tcp://broker:61617 (spring.artemis.host and spring.artemis.port)',
            'set spring.artemis.broker-url=tcp://broker:61617?sslEnabled=true instead (bound from Spring Boot 2.5.0 on',
          ],
          related: [
            { file: 'broker/broker.xml', line: 4 },
            { file: 'compose.yaml', line: 7 },
            { file: 'app/pom.xml', line: 5 },
          ],
        },
      ],
    })),
    {
      // apache/activemq@activemq-6.1.6 ActiveMQInitialContextFactory: every connection factory calls the provider URL.
      name: "a JMS client's jndi.properties (ActiveMQ Classic) whose provider URL calls an ssl:// connector plain",
      files: {
        ...brokerProject('', { classic: 'ssl://0.0.0.0:61617' }),
        'app/src/main/resources/jndi.properties':
          'java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory\njava.naming.provider.url=failover:(tcp://broker:61617)\n',
      },
      errors: [
        {
          messageId: 'plain',
          file: 'app/src/main/resources/jndi.properties',
          line: 2,
          messageIncludes: [
            'ActiveMQ tcp:// (no TLS) to tcp://broker:61617 (java.naming.provider.url)',
            'Call ssl://broker:61617',
          ],
          related: [
            { file: 'broker/activemq.xml', line: 4 },
            { file: 'compose.yaml', line: 7 },
            { file: 'app/src/main/resources/application.properties', line: 1 },
          ],
        },
      ],
    },
    {
      name: "a Compose service's SPRING_ARTEMIS_BROKER_URL (plain) over the settings file's TLS URL: the environment wins",
      files: {
        ...brokerProject('spring.artemis.broker-url=tcp://broker:61617?sslEnabled=true\n', {
          artemis: 'sslEnabled=true',
        }),
        'compose.yaml':
          'services:\n  app:\n    build: ./app\n    environment:\n      SPRING_ARTEMIS_BROKER_URL: tcp://broker:61617\n  broker:\n    image: apache/activemq-artemis:2.44.0\n    volumes:\n      - ./broker:/var/lib/artemis-instance/etc-override\n',
      },
      errors: [{ messageId: 'plain', file: 'compose.yaml', line: 5, messageIncludes: ['(SPRING_ARTEMIS_BROKER_URL)'] }],
    },
    {
      name: 'ActiveMQ Classic tcp:// member of failover:(…) to an ssl:// transport connector',
      files: brokerProject('spring.activemq.broker-url=failover:(tcp://broker:61617)\n', {
        classic: 'ssl://0.0.0.0:61617',
      }),
      errors: [
        {
          messageId: 'plain',
          file: 'app/src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['Unsupported or unrecognized SSL message', 'Call ssl://broker:61617'],
        },
      ],
    },
    {
      name: 'Java client http:// to an HAProxy bind ssl named by its address',
      files: {
        'orders/application.yml': calling('base-url', 'http://inventory.example.internal:8443/api'),
        'inventory/haproxy.cfg': haproxyCfg(),
      },
      errors: [
        {
          messageId: 'plain',
          file: 'orders/application.yml',
          line: 5,
          severity: 'error',
          messageIncludes: ['bind inventory.example.internal:8443 ssl', 'HAProxy closes the connection'],
          related: [{ file: 'inventory/haproxy.cfg', line: 2 }],
        },
      ],
    },
    {
      name: 'nginx proxy_pass http:// to a Tomcat TLS port named by its Host',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory.example.internal:8443/api/'),
        'inventory/conf/server.xml': tomcat,
      },
      errors: [
        {
          messageId: 'plain',
          file: 'web/nginx.conf',
          line: 4,
          severity: 'error',
          related: [{ file: 'inventory/conf/server.xml', line: 3 }],
        },
      ],
    },
    {
      name: 'through an upstream: the server entry, and the pass as related',
      files: {
        'web/nginx.conf': front(
          'proxy_pass http://inventory',
          'upstream inventory {\n  server inventory.example.internal:8443;\n}\n',
        ),
        'inventory/conf/server.xml': tomcat,
      },
      errors: [
        {
          messageId: 'plain',
          file: 'web/nginx.conf',
          line: 2,
          related: [
            { file: 'web/nginx.conf', line: 7 },
            { file: 'inventory/conf/server.xml', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'grpc_pass grpc:// to the TLS port',
      files: {
        'web/nginx.conf': front('grpc_pass grpc://inventory.example.internal:8443'),
        'inventory/conf/server.xml': tomcat,
      },
      errors: [{ messageId: 'plain', file: 'web/nginx.conf', line: 4, severity: 'error' }],
    },
    {
      name: 'a loopback pass to a TLS-only server of the same nginx file',
      files: {
        'web/nginx.conf': front(
          'proxy_pass http://127.0.0.1:8443',
          'server {\n  listen 8443 ssl;\n  ssl_certificate c.pem;\n  ssl_certificate_key k.pem;\n}\n',
        ),
      },
      errors: [
        {
          messageId: 'plain',
          file: 'web/nginx.conf',
          line: 9,
          severity: 'error',
          related: [{ file: 'web/nginx.conf', line: 2 }],
        },
      ],
    },
    {
      name: 'a Java client URL http:// to the TLS port named by its Host',
      files: {
        'orders/src/main/resources/application.yml': calling('url', 'http://inventory.example.internal:8443/api'),
        'inventory/conf/server.xml': tomcat,
      },
      errors: [
        {
          messageId: 'plain',
          file: 'orders/src/main/resources/application.yml',
          line: 5,
          severity: 'error',
          related: [{ file: 'inventory/conf/server.xml', line: 3 }],
        },
      ],
    },
    {
      name: 'only the directory ties the host to a Spring Boot HTTPS server: an info',
      files: {
        'web/nginx.conf': front('proxy_pass http://orders:8443'),
        'orders/src/main/resources/application.yml': springTls(),
      },
      errors: [
        {
          messageId: 'plainIfThatServer',
          file: 'web/nginx.conf',
          line: 4,
          severity: 'info',
          related: [{ file: 'orders/src/main/resources/application.yml', line: 4 }],
        },
      ],
    },
    {
      name: 'a Compose service that builds from the server directory, called from a service of the same project',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"', 'localhost'),
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./web/nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  inventory:\n    build: ./inventory\n',
      },
      errors: [
        {
          messageId: 'plain',
          file: 'web/nginx.conf',
          line: 4,
          severity: 'error',
          related: [
            { file: 'inventory/conf/server.xml', line: 3 },
            { file: 'docker-compose.yml', line: 1 },
          ],
        },
      ],
    },
    {
      // A build context of `.` holds every service's files: it ties no service to the server.
      name: 'a Compose service built from the project directory: only the directory ties the host',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"', 'localhost'),
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./web/nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  inventory:\n    build: .\n',
      },
      errors: [{ messageId: 'plainIfThatServer', file: 'web/nginx.conf', line: 4, severity: 'info' }],
    },
    {
      // Whether that nginx runs on the Compose network, where the service name resolves, the tree does not say.
      name: 'a Compose service name called from a file no service of the project runs: only the directory',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"', 'localhost'),
        'docker-compose.yml': 'services:\n  inventory:\n    build: ./inventory\n',
      },
      errors: [{ messageId: 'plainIfThatServer', file: 'web/nginx.conf', line: 4, severity: 'info' }],
    },
    {
      name: 'one call to a connector with two SSLHostConfigs is one finding',
      files: {
        'web/nginx.conf': front('proxy_pass http://inventory.example.internal:8443'),
        'inventory/conf/server.xml': serverXml('SSLEnabled="true"').replace(
          '<SSLHostConfig>',
          '<SSLHostConfig hostName="a.example.internal"><Certificate certificateKeystoreFile="conf/a.p12" type="RSA"/></SSLHostConfig><SSLHostConfig>',
        ),
      },
      errors: [{ messageId: 'plain', file: 'web/nginx.conf', line: 4, severity: 'error' }],
    },
    {
      name: 'a Liberty httpsPort named by its endpoint host, with the SSL feature',
      files: {
        'web/nginx.conf': front('proxy_pass http://liberty.example.internal:9443'),
        'liberty/server.xml':
          '<server>\n  <featureManager><feature>transportSecurity-1.0</feature></featureManager>\n  <httpEndpoint id="defaultHttpEndpoint" host="liberty.example.internal" httpPort="9080" httpsPort="9443"/>\n</server>\n',
      },
      errors: [
        {
          messageId: 'plain',
          file: 'web/nginx.conf',
          line: 4,
          severity: 'error',
          related: [{ file: 'liberty/server.xml', line: 3 }],
        },
      ],
    },
  ],
});
