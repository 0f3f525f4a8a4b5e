import rule from '../../../src/rules/tls/server-allows-legacy-protocols';
import { ruleTester } from '../../helpers/rule-tester';
import { NGINX_TLS10_12, NGINX_TLS12, TOMCAT_TLS12 } from '../java/fixtures';
import { tomcatNative } from './trees';

/** A Spring Boot app serving HTTPS with default protocols; its `prod` profile enables legacy ones. */
const SPRING_APP = {
  'app/src/main/resources/application.yml': 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
};
const PROD_TLS10 = {
  'app/src/main/resources/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1,TLSv1.2\n',
};
const PROD_LEGACY_ONLY = {
  'app/src/main/resources/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1,TLSv1.1\n',
};

const tomcat = (attrs: string) =>
  `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true" ${attrs}/>\n</Service></Server>\n`;
const hostConfig = (attrs: string, connectorAttrs = '') =>
  `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true" ${connectorAttrs}>\n<SSLHostConfig ${attrs}><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig>\n</Connector>\n</Service></Server>\n`;

/**
 * Shaped like GoogleCloudPlatform/nginx-ssl-proxy @2037048: a Dockerfile at the root names the image, the server block
 * (copied into conf.d at start) lists TLSv1 and TLSv1.1 beside TLSv1.2.
 */
const proxySsl = (
  ciphers = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA:AES128-GCM-SHA256:HIGH:!RC4:!MD5:!aNULL',
) =>
  `server {\n  server_name _;\n  listen 443 ssl;\n  ssl_certificate /etc/secrets/proxycert;\n  ssl_certificate_key /etc/secrets/proxykey;\n  ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n  ssl_ciphers ${ciphers};\n}\n`;
const nginxProxy = (from: string, ciphers?: string) => ({
  Dockerfile: `${from}\nADD nginx/proxy_ssl.conf /usr/src/\n`,
  'nginx/proxy_ssl.conf': proxySsl(ciphers),
});

ruleTester(rule, {
  valid: [
    {
      // Every Temurin 17 update lists TLSv1 and TLSv1.1 in jdk.tls.disabledAlgorithms: the JDK drops them, which
      // java/protocol-disabled-by-runtime reports ("the JDK silently drops it"); the server does not enable them.
      name: 'Spring Boot on eclipse-temurin:17: the JDK drops the TLSv1 the setting lists (java/protocol-disabled-by-runtime)',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-Dserver.ssl.enabled-protocols=TLSv1,TLSv1.2", "-jar", "/app.jar"]\n',
      },
    },
    {
      name: 'Tomcat on a JDK 17.0.15 release file: TLSv1 and TLSv1.1 dropped by the JDK',
      files: {
        'tc/jdk/release': 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n',
        'tc/conf/server.xml': hostConfig('protocols="TLSv1,TLSv1.1,TLSv1.2"'),
      },
    },
    { name: 'nginx TLSv1.2', files: { 'gw/nginx.conf': NGINX_TLS12 } },
    { name: 'Tomcat TLSv1.2', files: { 'tc/conf/server.xml': TOMCAT_TLS12 } },
    { name: 'Tomcat default protocols are not reported', files: { 'tc/conf/server.xml': tomcat('') } },
    {
      // Tomcat 10.1.60 (Debian's jars): "failed to set property [sslEnabled]"; the connector is plain HTTP.
      name: 'Tomcat sslEnabled="true" (lower-case s) sets nothing: no TLS connector',
      files: {
        'tc/conf/server.xml':
          '<Server port="8005"><Service name="C">\n<Connector port="8443" sslEnabled="true" sslEnabledProtocols="TLSv1,TLSv1.2" keystoreFile="conf/ks.p12"/>\n</Service></Server>\n',
      },
    },
    {
      // Tomcat 9.0.70 and 10.1.60 (Debian's jars, the Catalina digester): "failed to set property [SSLEnabledProtocols]";
      // SSLHostConfig has setProtocols only, and IntrospectionUtils.setProperty frees the first letter's case alone.
      name: 'Tomcat <SSLHostConfig SSLEnabledProtocols> (a Connector name) reaches no setter: default protocols',
      files: { 'tc/conf/server.xml': hostConfig('SSLEnabledProtocols="TLSv1,TLSv1.2"') },
    },
    {
      name: 'Tomcat <SSLHostConfig PROTOCOLS> (all upper-case) reaches no setter: default protocols',
      files: { 'tc/conf/server.xml': hostConfig('PROTOCOLS="TLSv1,TLSv1.2"') },
    },
    {
      // Tomcat 9.0.70: AbstractHttp11Protocol has setSslEnabledProtocols and setSSLProtocol, no setProtocols.
      name: 'Tomcat 9 <Connector protocols> reaches no setter: default protocols',
      files: {
        'tc/Dockerfile': 'FROM tomcat:9.0.70-jdk17\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
        'tc/server.xml': tomcat('protocols="TLSv1,TLSv1.2" keystoreFile="conf/ks.p12"'),
      },
    },
    {
      // Measured with Tomcat 9.0.70: the Connector attribute makes its own _default_ SSLHostConfig, the <SSLHostConfig>
      // a second one: "Multiple SSLHostConfig elements were provided for the host name [_default_]", no server starts.
      name: 'Tomcat 9 <Connector sslEnabledProtocols> beside an <SSLHostConfig> is never merged into it',
      files: {
        'tc/Dockerfile': 'FROM tomcat:9.0.70-jdk17\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
        'tc/server.xml': hostConfig('', 'sslEnabledProtocols="TLSv1,TLSv1.2"'),
      },
    },
    {
      name: 'Tomcat ${placeholder} is unknown, not wrong',
      files: { 'tc/conf/server.xml': tomcat('sslEnabledProtocols="${tls.protocols}"') },
    },
    {
      name: 'Tomcat all minus the legacy ones',
      files: { 'tc/conf/server.xml': hostConfig('protocols="all,-SSLv2Hello,-TLSv1,-TLSv1.1"') },
    },
    {
      name: 'Spring Boot with server.ssl.bundle: server.ssl.enabled-protocols is not read (WebServerSslBundle takes the bundle whole)',
      files: {
        'app/application.properties':
          'server.port=8443\nserver.ssl.bundle=web\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\nspring.ssl.bundle.jks.web.keystore.location=classpath:ks.p12\n',
      },
    },
    {
      // SnakeYAML (YAML 1.1, Spring Boot's reader) makes a plain `off` the boolean false: HTTPS is off.
      name: 'Spring Boot YAML server.ssl.enabled: off beside a key store: no HTTPS server',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    enabled: off\n    key-store: classpath:ks.p12\n    enabled-protocols: TLSv1,TLSv1.2\n',
      },
    },
    {
      // The same read by the yaml library (a flow mapping): still YAML 1.1's false.
      name: 'Spring Boot YAML ssl: {enabled: No, …}: no HTTPS server',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl: {enabled: No, key-store: classpath:ks.p12, enabled-protocols: TLSv1}\n',
      },
    },
    {
      // Spring's StringToBooleanConverter binds `off`, `no` and `0` as false.
      name: 'Spring Boot properties server.ssl.enabled=off beside a key store: no HTTPS server',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.enabled=off\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
      },
    },
    {
      name: 'Spring Boot: a -Dserver.ssl.enabled-protocols system property overrides the file (Spring reads system properties first)',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-Dserver.ssl.enabled-protocols=TLSv1.2,TLSv1.3", "-jar", "/app.jar"]\n',
      },
    },
    {
      // Spring Boot binds SERVER_SSL_ENABLED_PROTOCOLS (and the legacy SERVER_SSL_ENABLEDPROTOCOLS) over the files.
      name: 'Spring Boot: SERVER_SSL_ENABLED_PROTOCOLS in the Dockerfile ENV overrides the file',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nENV SERVER_SSL_ENABLEDPROTOCOLS=TLSv1.2,TLSv1.3\n',
      },
    },
    {
      // Compose sets the variable from the shell (blank when unset, with a warning): the file's list does not run.
      name: 'Spring Boot: a Compose SERVER_SSL_ENABLED_PROTOCOLS the shell supplies overrides the file: unknown, not its TLSv1',
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml':
          'services:\n  app:\n    build: ./app\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: ${TLS_PROTOCOLS}\n',
      },
    },
    {
      name: "Spring Boot: a Dockerfile ENTRYPOINT's -D the shell fills in overrides the file",
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT java -Dserver.ssl.enabled-protocols=$PROTOCOLS -jar /app.jar\n',
      },
    },
    {
      name: 'Spring Boot: a -D system property wins over the environment variable',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENV SERVER_SSL_ENABLED_PROTOCOLS=TLSv1,TLSv1.2\nENTRYPOINT ["java", "-Dserver.ssl.enabled-protocols=TLSv1.3", "-jar", "/app.jar"]\n',
      },
    },
    {
      name: 'Spring Boot: a start script -D wins over its exported environment variable',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/bin/start.sh':
          '#!/bin/sh\nexport SERVER_SSL_ENABLED_PROTOCOLS=TLSv1,TLSv1.2\nexec java -Dserver.ssl.enabled-protocols=TLSv1.3 -jar app.jar\n',
      },
    },
    {
      name: 'Spring Boot: a commented-out export is not read',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/bin/start.sh':
          'export JAVA_OPTS="-Xmx512m"\n# export SERVER_SSL_ENABLED_PROTOCOLS=TLSv1,TLSv1.2\nexport SERVER_SSL_KEY_STORE_TYPE=PKCS12\n',
      },
    },
    {
      // The profile's protocols would apply only if the commented line ran.
      name: 'Spring Boot: a commented-out SPRING_PROFILES_ACTIVE does not activate the profile',
      files: {
        ...SPRING_APP,
        ...PROD_LEGACY_ONLY,
        'app/start.sh': '#!/bin/sh\n# export SPRING_PROFILES_ACTIVE=prod\nexec java $JAVA_OPTS -jar app.jar\n',
      },
    },
    {
      // The variable overrides the file's spring.profiles.active; what it holds is known only at run time.
      name: 'Spring Boot: SPRING_PROFILES_ACTIVE set from the shell at run time leaves the profile unknown, not the file’s',
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  profiles:\n    active: prod\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
        ...PROD_LEGACY_ONLY,
        'app/start.sh': '#!/bin/sh\nexport SPRING_PROFILES_ACTIVE="$DEPLOY_PROFILE"\nexec java -jar app.jar\n',
      },
    },
    {
      name: 'Spring Boot: -Dspring.profiles.active=$SPRING_PROFILES_ACTIVE overrides the file’s profile with a run-time value',
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  profiles:\n    active: prod\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
        ...PROD_LEGACY_ONLY,
        'app/start.sh':
          '#!/bin/sh\nexec java $JAVA_OPTS -Dspring.profiles.active=$SPRING_PROFILES_ACTIVE -jar app.jar\n',
      },
    },
    {
      // A start script that picks the profile by its environment (ENV_NAME test/preview/prod): which branch runs is
      // not in the tree.
      name: 'Spring Boot: a script that sets --spring.profiles.active in branches leaves the profile unknown',
      files: {
        ...SPRING_APP,
        ...PROD_LEGACY_ONLY,
        'app/bin/start.sh':
          '#!/bin/bash\nif [ "$ENV_NAME" == "test" ]; then\n  SPRING_OPTS="--spring.profiles.active=test"\nelif [ "$ENV_NAME" == "prod" ]; then\n  SPRING_OPTS="--spring.profiles.active=prod"\nfi\nexec java $JAVA_OPTS -jar app.jar $SPRING_OPTS\n',
      },
    },
    {
      name: 'Spring Boot: a usage line that echoes --spring.profiles.active runs nothing',
      files: {
        ...SPRING_APP,
        ...PROD_LEGACY_ONLY,
        'app/build.sh':
          '#!/bin/sh\nmvn -q package\necho "run with: java -jar target/app.jar --spring.profiles.active=prod"\n',
      },
    },
    {
      // spring.config.location replaces Spring Boot's default locations: the packaged application.yml is not read.
      name: 'Spring Boot: --spring.config.location=file:… means the packaged files are not what the app reads',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    enabled-protocols: TLSv1,TLSv1.2\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-jar", "/app.jar", "--spring.config.location=file:/config/"]\n',
      },
    },
    {
      name: 'Spring Boot: SPRING_CONFIG_LOCATION from the shell leaves the configuration the app reads unknown',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    enabled-protocols: TLSv1,TLSv1.2\n',
        'app/bin/start.sh': '#!/bin/sh\nexport SPRING_CONFIG_LOCATION="$CONFIG_DIR"\nexec java -jar app.jar\n',
      },
    },
    {
      // SpringApplication adds the command-line arguments as the first property source, above -D.
      name: 'Spring Boot: a --server.ssl.enabled-protocols argument wins over the -D system property',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-Dserver.ssl.enabled-protocols=TLSv1,TLSv1.2", "-jar", "/app.jar", "--server.ssl.enabled-protocols=TLSv1.2"]\n',
      },
    },
    {
      // Kibana reads SERVER_SSL_ENABLED / SERVER_SSL_CERTIFICATE too: without Spring files the names are not Spring's.
      name: 'a Dockerfile ENV SERVER_SSL_* without any Spring file is not a Spring Boot server',
      files: {
        'kibana/Dockerfile':
          'FROM docker.elastic.co/kibana/kibana:8.15.0\nENV SERVER_SSL_ENABLED=true SERVER_SSL_ENABLED_PROTOCOLS=TLSv1\nCMD ["java", "-Xmx1g", "-jar", "x.jar"]\n',
      },
    },
    {
      // Compose reads a .env beside it for ${VAR} substitution in the compose file, not as any container's environment.
      name: 'an env file no service names sets nothing',
      files: {
        ...SPRING_APP,
        ...PROD_TLS10,
        '.env': 'SPRING_PROFILES_ACTIVE=prod\n',
        'compose.yaml': 'services:\n  app:\n    build: ./app\n',
      },
    },
    {
      // Which app an image-only service runs is not known: its environment is not bound to any.
      name: 'Docker Compose: a service that only names an image binds nothing',
      files: {
        'orders/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'compose.yaml':
          'services:\n  orders:\n    image: example/orders:1.0\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: TLSv1\n',
      },
    },
    {
      name: 'nginx server without TLS',
      files: { 'gw/nginx.conf': 'http {\n  ssl_protocols TLSv1 TLSv1.2;\n  server { listen 80; }\n}\n' },
    },
  ],
  invalid: [
    {
      // JUNSEONGKIM99/infra_setup (sweep54): one ssl_protocols line in a snippet 21 server blocks include gave 21
      // findings at the same line; one finding names the servers that read it.
      name: 'one ssl_protocols line in a snippet four server blocks include: one finding naming them',
      files: {
        'nginx/conf.d/tls.conf': 'ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;\n',
        'nginx/nginx.conf': `events {}\nhttp {\n${['a', 'b', 'c', 'd']
          .map((n) => `  server { listen 443 ssl; server_name ${n}.example; include conf.d/tls.conf; }\n`)
          .join('')}}\n`,
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'nginx/conf.d/tls.conf',
          line: 1,
          messageIncludes: [
            'Each of 4 servers that read this line (',
            'a.example',
            'c.example',
            'and 1 more) enables TLSv1.1',
          ],
          messageExcludes: ['d.example'],
        },
      ],
    },
    {
      // Compose puts the .env value in: the finding is on the reference, naming the .env line it comes from.
      name: "Spring Boot's enabled protocols from a Compose variable the .env beside it sets",
      files: {
        'app/src/main/resources/application.properties':
          'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/Dockerfile': 'FROM openjdk:8-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: ${PROTOCOLS}\n',
        '.env': '# TLS\nPROTOCOLS=TLSv1\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'docker-compose.yml',
          line: 5,
          column: 37,
          messageIncludes: ['enables TLSv1', '(with PROTOCOLS from .env)'],
          related: [
            { file: 'app/src/main/resources/application.properties', line: 3 },
            { file: '.env', line: 2 },
          ],
        },
      ],
    },
    {
      // garganttua/garganttua-fullstack-java-react-next-mongo-kafka@bd547cb envs/prod/${projectName}-nginx.conf: SSL 3.0 is
      // prohibited by RFC 7568, not by RFC 8996 (TLS 1.0 and 1.1), which the message said of it.
      name: 'nginx enabling SSLv3 and TLSv1: each with the RFC that retires it',
      files: {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols SSLv3 TLSv1 TLSv1.2;\n  }\n  server {\n    listen 8443 ssl;\n    ssl_protocols SSLv3 TLSv1.2 TLSv1.3;\n  }\n}\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['enables SSLv3, TLSv1 (SSLv3 prohibited by RFC 7568; TLSv1 deprecated by RFC 8996;'],
        },
        {
          messageId: 'legacy',
          file: 'gw/nginx.conf',
          line: 8,
          messageIncludes: ['enables SSLv3 (prohibited by RFC 7568;'],
        },
      ],
    },
    {
      // el1638en/apache_tomcat_load_balancer@aa1097b roles/apache2/templates/vhost_mod_jk.conf.j2 and
      // garganttua/garganttua-fullstack-java-react-next-mongo-kafka@bd547cb envs/prod/${projectName}-nginx.conf: a
      // name or port the template or a script fills is named as written (was `_:?` and `${domainname}`).
      name: 'servers named by template values: named as written',
      files: {
        'roles/apache2/templates/vhost.conf.j2':
          '<VirtualHost *:{{ apache2_https_default_port }}>\n  ServerName {{ apache2_vhost_serverName }}\n  SSLEngine on\n  SSLCertificateFile "/etc/ssl/site.pem"\n  SSLCertificateKeyFile "/etc/ssl/site.key"\n  SSLProtocol all\n</VirtualHost>\n',
        'envs/prod/site-nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    server_name ${domainName};\n    ssl_protocols TLSv1 TLSv1.2;\n  }\n}\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'envs/prod/site-nginx.conf',
          line: 5,
          messageIncludes: ['nginx server ${domainName}:443 (envs/prod/site-nginx.conf)'],
        },
        {
          messageId: 'legacy',
          file: 'roles/apache2/templates/vhost.conf.j2',
          line: 6,
          messageIncludes: [
            'httpd virtual host {{ apache2_vhost_serverName }}:{{ apache2_https_default_port }} (roles/apache2/templates/vhost.conf.j2)',
          ],
        },
      ],
    },
    {
      // ngx_conf_set_bitmask_slot adds every ssl_protocols of a block up (measured: Debian's nginx 1.22.1 with
      // `ssl_protocols TLSv1.1; ssl_protocols TLSv1.2;` accepts an s_client -tls1_1 handshake).
      name: "nginx with two ssl_protocols in one server block: the first one's TLSv1 is enabled too",
      files: {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1;\n    ssl_protocols TLSv1.2 TLSv1.3;\n  }\n}\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['enables TLSv1 (deprecated by RFC 8996;'],
        },
      ],
    },
    {
      // Measured: Debian 12's nginx 1.22.1 on OpenSSL 3.0.19 with this list: s_client -tls1 / -tls1_1 get alert 80
      // (the error log, at info level: 'no suitable signature algorithm'), -tls1_2 negotiates.
      name: 'nginx:1.25 (Debian bookworm, OpenSSL 3.0 at level 2) refuses the TLSv1, TLSv1.1 it lists: info, not a warning',
      files: nginxProxy('FROM nginx:1.25'),
      errors: [
        {
          messageId: 'refusedByRuntime',
          severity: 'info',
          file: 'nginx/proxy_ssl.conf',
          line: 6,
          messageIncludes: [
            'lists TLSv1, TLSv1.1, but its OpenSSL 3.0 (nginx:1.25 → debian:bookworm) refuses them',
            'below TLSv1.2',
          ],
          related: [{ file: 'Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'nginx:1.27-alpine (OpenSSL 3 at the upstream level 1) refuses them too',
      files: nginxProxy('FROM nginx:1.27-alpine'),
      errors: [{ messageId: 'refusedByRuntime', severity: 'info', file: 'nginx/proxy_ssl.conf', line: 6 }],
    },
    {
      name: 'nginx:1.25 with an explicit @SECLEVEL=1 in ssl_ciphers: refused, both places named',
      files: nginxProxy('FROM nginx:1.25', 'HIGH:!aNULL:@SECLEVEL=1'),
      errors: [
        {
          messageId: 'refusedByRuntime',
          severity: 'info',
          file: 'nginx/proxy_ssl.conf',
          line: 6,
          messageIncludes: ['the @SECLEVEL its cipher string sets'],
          related: [
            { file: 'nginx/proxy_ssl.conf', line: 7 },
            { file: 'Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // OpenSSL 1.1.1 at level 1 still signs TLS 1.0 handshakes: which release runs decides, and the tree does not say.
      name: 'an explicit @SECLEVEL=1 without a named image: the series is assumed, the warning stays',
      files: { 'nginx/proxy_ssl.conf': proxySsl('HIGH:!aNULL:@SECLEVEL=1') },
      errors: [{ messageId: 'legacy', file: 'nginx/proxy_ssl.conf', line: 6 }],
    },
    {
      // Measured: the same server with ssl_ciphers HIGH:!aNULL:@SECLEVEL=0 negotiates TLSv1 (ECDHE-RSA-AES256-SHA).
      name: 'nginx:1.25 with @SECLEVEL=0 in ssl_ciphers serves TLSv1: still a warning',
      files: nginxProxy('FROM nginx:1.25', 'HIGH:!aNULL:@SECLEVEL=0'),
      errors: [
        { messageId: 'legacy', file: 'nginx/proxy_ssl.conf', line: 6, messageIncludes: ['enables TLSv1, TLSv1.1'] },
      ],
    },
    {
      // The commonest Compose layout: the official image, the server block bind-mounted into conf.d.
      name: 'Compose image: nginx:1.25 of the service that bind-mounts the configuration refuses them too',
      files: {
        'compose.yaml':
          'services:\n  proxy:\n    image: nginx:1.25\n    volumes:\n      - ./nginx/proxy_ssl.conf:/etc/nginx/conf.d/default.conf:ro\n',
        'nginx/proxy_ssl.conf': proxySsl(),
      },
      errors: [
        {
          messageId: 'refusedByRuntime',
          severity: 'info',
          file: 'nginx/proxy_ssl.conf',
          line: 6,
          messageIncludes: ['OpenSSL 3.0 (nginx:1.25 → debian:bookworm)'],
          related: [{ file: 'compose.yaml', line: 3 }],
        },
      ],
    },
    {
      name: 'a Compose service that builds its image names the built image, not its base: the warning stays',
      files: {
        'compose.yaml':
          'services:\n  proxy:\n    build: ./proxy\n    image: nginx:1.25\n    volumes:\n      - ./nginx/proxy_ssl.conf:/etc/nginx/conf.d/default.conf:ro\n',
        'nginx/proxy_ssl.conf': proxySsl(),
      },
      errors: [{ messageId: 'legacy', file: 'nginx/proxy_ssl.conf', line: 6 }],
    },
    {
      // `nginx` (latest) has named 1.25.1 or later since 2023-06-13, every floating tag 1.26.0 or later since 2024-04-23:
      // all on Debian bookworm (OpenSSL 3.0, level 2), as nginx/ssl-directive-removed judges the same FROM line. Older
      // builds of the tag ran jessie's 1.0.1t and stretch's 1.1.0: said, not judged.
      name: 'untagged FROM nginx, built or pulled now: OpenSSL 3 refuses the TLSv1, TLSv1.1 it lists (info)',
      files: nginxProxy('FROM nginx'),
      errors: [
        {
          messageId: 'refusedByFloatingImage',
          severity: 'info',
          file: 'nginx/proxy_ssl.conf',
          line: 6,
          messageIncludes: [
            'lists TLSv1, TLSv1.1, but the image nginx names no release: built or pulled now it runs nginx 1.26.0 or later (true of every such tag since 2024-04-23), on OpenSSL 3',
            'nothing below TLSv1.2 is served',
            'an image of the tag built or pulled earlier may still run an OpenSSL 1.x',
          ],
          related: [{ file: 'Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // nginx resets the minimum version to 0 (ngx_ssl_create), so Debian's MinProtocol = TLSv1.2 does not apply,
      // and OpenSSL 1.1.1 at level 2 still signs TLS 1.0 handshakes.
      name: 'nginx:1.24 (Debian bullseye, OpenSSL 1.1.1) serves TLSv1: still a warning',
      files: nginxProxy('FROM nginx:1.24'),
      errors: [{ messageId: 'legacy', file: 'nginx/proxy_ssl.conf', line: 6 }],
    },
    {
      // Tomcat Native on the image's OpenSSL 3.0 (Ubuntu jammy): the same signature floor as nginx's.
      name: 'Tomcat Native on tomcat:9.0.85-jdk17-temurin-jammy (OpenSSL 3.0) refuses the TLSv1, TLSv1.1 it lists',
      files: tomcatNative('protocols="TLSv1,TLSv1.1,TLSv1.2"'),
      errors: [
        {
          messageId: 'refusedByRuntime',
          severity: 'info',
          file: 'api/conf/server.xml',
          line: 3,
          messageIncludes: ['lists TLSv1, TLSv1.1, but its OpenSSL'],
        },
      ],
    },
    {
      name: 'nginx TLSv1 TLSv1.2',
      files: { 'gw/nginx.conf': NGINX_TLS10_12 },
      errors: [{ messageId: 'legacy', file: 'gw/nginx.conf', line: 5, column: 19, messageIncludes: ['enables TLSv1'] }],
    },
    {
      name: 'nginx protocols inherited from http via an include',
      files: {
        'gw/nginx.conf': 'http {\n  include conf.d/*.conf;\n}\n',
        'gw/conf.d/ssl.conf':
          'ssl_protocols TLSv1.1 TLSv1.2;\nserver {\n  listen 443 ssl;\n  server_name www.example.org;\n}\n',
      },
      errors: [{ messageId: 'legacy', file: 'gw/conf.d/ssl.conf', line: 1, messageIncludes: ['TLSv1.1'] }],
    },
    {
      name: 'Tomcat sslEnabledProtocols with TLSv1 and TLSv1.1',
      files: { 'tc/conf/server.xml': tomcat('sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2"') },
      errors: [{ messageId: 'legacy', file: 'tc/conf/server.xml', line: 2, messageIncludes: ['TLSv1, TLSv1.1'] }],
    },
    {
      // On the <SSLHostConfig>: no Tomcat release has a Connector setProtocols (8.5.100, 9.0.121 sources; 9.0.70 logs
      // "failed to set property [protocols]"), so `protocols` on the Connector leaves the defaults.
      name: 'Tomcat protocols all',
      files: { 'tc/conf/server.xml': hostConfig('protocols="all"') },
      errors: [{ messageId: 'legacy', file: 'tc/conf/server.xml', line: 3 }],
    },
    {
      name: 'Spring Boot server.ssl.enabled-protocols',
      files: {
        'app/application.properties':
          'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\nserver.ssl.key-store-password=secret\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/application.properties', line: 4 }],
    },
    {
      name: 'Spring Boot relaxed binding: server.ssl.enabledProtocols (camelCase) is server.ssl.enabled-protocols',
      files: {
        'app/application.properties':
          'server.port=8443\nserver.ssl.keyStore=classpath:ks.p12\nserver.ssl.keyStorePassword=secret\nserver.ssl.enabledProtocols=TLSv1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/application.properties', line: 4 }],
    },
    {
      name: 'Spring Boot SSL bundle options.enabled-protocols are the server’s protocols',
      files: {
        'app/application.yml':
          'server:\n  port: 8443\n  ssl:\n    bundle: web\nspring:\n  ssl:\n    bundle:\n      jks:\n        web:\n          keystore:\n            location: classpath:ks.p12\n          options:\n            enabled-protocols: TLSv1.1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/application.yml', line: 13, messageIncludes: ['TLSv1.1'] }],
    },
    {
      name: 'Spring Boot: -Dserver.ssl.enabled-protocols in the Dockerfile ENTRYPOINT is the server’s setting',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    enabled-protocols: [TLSv1.2]\n',
        'app/Dockerfile':
          'FROM openjdk:8-jre\nENTRYPOINT ["java", "-Dserver.ssl.enabled-protocols=TLSv1,TLSv1.2", "-jar", "/app.jar"]\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/Dockerfile', line: 2, messageIncludes: ['enables TLSv1'] }],
    },
    {
      name: 'Spring Boot: SERVER_SSL_ENABLED_PROTOCOLS exported by a start script (the legacy form of the name)',
      files: {
        ...SPRING_APP,
        'app/bin/start.sh':
          'export JAVA_OPTS="-Xmx512m"\nexport SERVER_SSL_KEY_STORE_PASSWORD=${KS_PASSWORD}\nexport SERVER_SSL_ENABLED_PROTOCOLS="TLSv1.1,TLSv1.2"\nexec java $JAVA_OPTS -jar app.jar\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/bin/start.sh', line: 3, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      // The commonest layout: the repository is the Maven project, its Dockerfile at the root beside src/.
      name: 'Spring Boot project at the root of the tree: the root Dockerfile is the app’s',
      files: {
        'pom.xml': '<project/>\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        Dockerfile: 'FROM openjdk:8-jre\nENV SERVER_SSL_ENABLED_PROTOCOLS=TLSv1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'Dockerfile', line: 2, messageIncludes: ['enables TLSv1'] }],
    },
    {
      name: 'Docker Compose: the environment of the service built from the app’s directory (map form)',
      files: {
        'orders/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'orders/Dockerfile': 'FROM openjdk:8-jre\nENV SERVER_SSL_ENABLED_PROTOCOLS=TLSv1.2\n',
        'docker-compose.yml':
          'services:\n  orders:\n    build:\n      context: ./orders\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: "TLSv1,TLSv1.2"\n',
      },
      errors: [
        { messageId: 'legacy', file: 'docker-compose.yml', line: 6, column: 38, messageIncludes: ['enables TLSv1'] },
      ],
    },
    {
      name: 'Docker Compose: list form, dotted names, the root project built with build: .',
      files: {
        'src/main/resources/application.yml': 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
        'compose.yaml':
          'services:\n  app:\n    build: .\n    environment:\n      - server.ssl.enabled-protocols=TLSv1.1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'compose.yaml', line: 5, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'Docker Compose: SPRING_PROFILES_ACTIVE picks the profile whose protocols apply',
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  profiles:\n    active: dev\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
        ...PROD_TLS10,
        'app/Dockerfile': 'FROM openjdk:8-jre\nENV SPRING_PROFILES_ACTIVE=dev\n',
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    environment:\n      - SPRING_PROFILES_ACTIVE=prod\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/src/main/resources/application-prod.yml',
          line: 3,
          related: [
            { file: 'app/src/main/resources/application.yml', line: 7 },
            { file: 'compose.yaml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'Spring Boot: SERVER_SSL_ENABLEDPROTOCOLS in a systemd unit’s Environment=',
      files: {
        'app/application.properties': 'server.port=8443\nserver.ssl.key-store=/etc/app/ks.p12\n',
        'app/app.service':
          '[Service]\nEnvironment="SERVER_SSL_ENABLEDPROTOCOLS=TLSv1,TLSv1.2"\nExecStart=/usr/bin/java -jar /opt/app.jar\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/app.service', line: 2, messageIncludes: ['enables TLSv1'] }],
    },
    {
      name: 'a -Dserver.ssl.enabled-protocols while a profile is active: the value is the system property’s, not the profile’s',
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  profiles:\n    active: prod\nserver:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n',
        'app/src/main/resources/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.2\n',
        'app/jvm.options': '-Dserver.ssl.enabled-protocols=TLSv1.1,TLSv1.2\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/jvm.options',
          line: 1,
          messageIncludes: ['enables TLSv1.1'],
          related: [{ file: 'app/src/main/resources/application.yml', line: 7 }],
        },
      ],
    },
    {
      name: 'Spring Boot: --spring.profiles.active in the Dockerfile ENTRYPOINT picks the profile whose protocols apply',
      files: {
        ...SPRING_APP,
        ...PROD_TLS10,
        'app/Dockerfile':
          'FROM openjdk:8-jre\nENTRYPOINT ["java", "-jar", "/app.jar", "--spring.profiles.active=prod"]\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/src/main/resources/application-prod.yml',
          line: 3,
          related: [
            { file: 'app/src/main/resources/application.yml', line: 4 },
            { file: 'app/Dockerfile', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'Docker Compose: --spring.profiles.active in the command: of the service built from the app',
      files: {
        ...SPRING_APP,
        ...PROD_TLS10,
        'app/Dockerfile': 'FROM openjdk:8-jre\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    command: ["--spring.profiles.active=prod"]\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/src/main/resources/application-prod.yml',
          line: 3,
          related: [
            { file: 'app/src/main/resources/application.yml', line: 4 },
            { file: 'compose.yaml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'Docker Compose: an env_file: of the service sets SPRING_PROFILES_ACTIVE, over the image’s ENV',
      files: {
        ...SPRING_APP,
        ...PROD_TLS10,
        'app/Dockerfile': 'FROM openjdk:8-jre\nENV SPRING_PROFILES_ACTIVE=dev\n',
        'deploy/prod.env': '# production\nSPRING_PROFILES_ACTIVE=prod\n',
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    env_file:\n      - path: ./deploy/prod.env\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/src/main/resources/application-prod.yml',
          line: 3,
          related: [
            { file: 'app/src/main/resources/application.yml', line: 4 },
            { file: 'deploy/prod.env', line: 2 },
            { file: 'compose.yaml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'Docker Compose: SERVER_SSL_ENABLED_PROTOCOLS in an env_file: names the file and the env_file line',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/tls.env': 'SERVER_SSL_ENABLED_PROTOCOLS=TLSv1,TLSv1.2\n',
        'docker-compose.yml': 'services:\n  app:\n    build: app\n    env_file: [app/tls.env]\n',
      },
      errors: [
        {
          messageId: 'legacy',
          file: 'app/tls.env',
          line: 1,
          related: [
            { file: 'app/src/main/resources/application.properties', line: 2 },
            { file: 'docker-compose.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'Docker Compose: the service’s environment: wins over its env_file:',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app.env': 'SERVER_SSL_ENABLED_PROTOCOLS=TLSv1.2\n',
        'compose.yaml':
          'services:\n  app:\n    build: ./app\n    env_file: app.env\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'compose.yaml', line: 6, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'Spring Boot: a start script that only passes --server.ssl.enabled-protocols is read',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/bin/run.sh': '#!/bin/sh\nexec java -jar app.jar --server.ssl.enabled-protocols=TLSv1.1,TLSv1.2\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/bin/run.sh', line: 2, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'Spring Boot: a start script that only passes -Dserver.ssl.enabled-protocols is read',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/bin/run.sh': '#!/bin/sh\nexec java -Dserver.ssl.enabled-protocols=TLSv1.1,TLSv1.2 -jar app.jar\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/bin/run.sh', line: 2, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'Spring Boot: a start script that only exports SERVER_SSL_ENABLED_PROTOCOLS is read',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/bin/run.sh': '#!/bin/sh\nexport SERVER_SSL_ENABLED_PROTOCOLS=TLSv1.1,TLSv1.2\nexec java -jar app.jar\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/bin/run.sh', line: 2, messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'Spring Boot: set SPRING_PROFILES_ACTIVE in a Windows start script',
      files: {
        ...SPRING_APP,
        ...PROD_TLS10,
        'app/start.bat': '@echo off\r\nset SPRING_PROFILES_ACTIVE=prod\r\njava -jar app.jar\r\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/src/main/resources/application-prod.yml', line: 3 }],
    },
    {
      name: 'Spring Boot: a spring.config.location that names the classpath still reads the packaged files',
      files: {
        'app/src/main/resources/application.yml':
          'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    enabled-protocols: TLSv1,TLSv1.2\n',
        'app/app.service':
          '[Service]\nExecStart=/usr/bin/java -jar /opt/app.jar --spring.config.location=optional:classpath:/,file:/etc/app/\n',
      },
      errors: [{ messageId: 'legacy', file: 'app/src/main/resources/application.yml', line: 5 }],
    },
    {
      name: 'an nginx policy snippet included by nothing',
      files: { 'policy.conf': 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n' },
      errors: [{ messageId: 'legacy', file: 'policy.conf', line: 1 }],
    },
  ],
});
