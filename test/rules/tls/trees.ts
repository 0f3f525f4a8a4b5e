/** Small trees for the tls/* rule tests: a Java client calling an nginx/Tomcat/Spring/Liberty server, MQ channels. */
import { TEMURIN17 as TEMURIN17_RELEASE } from '../java/fixtures';
export { OPENJDK8_191, TEMURIN17, IBM8_SR5 } from '../java/fixtures';
export { ccdt, svrconn } from '../mq/trees';

/** A Java client (application.yml) calling https://api.example.internal:8443; its JVM options go in client/jvm.options. */
export const CLIENT_YML = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';

/** An nginx server for api.example.internal:8443 with these extra directives (from line 5 on). */
export function nginx(...directives: string[]): string {
  return [
    'http {',
    '  server {',
    '    listen 8443 ssl;',
    '    server_name api.example.internal;',
    ...directives.map((d) => `    ${d}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Tomcat server.xml: one TLS connector on 8443 (line 2), with these SSLHostConfig attributes. */
export function tomcat(attrs: string): string {
  return `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig ${attrs}><Certificate certificateKeystoreFile="conf/api.p12" type="RSA"/></SSLHostConfig></Connector>\n</Service></Server>\n`;
}

/**
 * Tomcat in the official image (api/Dockerfile:1 FROM `image`) with the stock AprLifecycleListener (server.xml line 2):
 * Tomcat Native runs the connector (line 3, these SSLHostConfig attributes) on OpenSSL.
 */
export function tomcatNative(attrs: string, image = 'tomcat:9.0.85-jdk17-temurin-jammy'): Record<string, string> {
  return {
    'api/Dockerfile': `FROM ${image}\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n`,
    'api/conf/server.xml': `<Server port="8005">\n<Listener className="org.apache.catalina.core.AprLifecycleListener" SSLEngine="on" />\n<Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig ${attrs}><Certificate certificateKeystoreFile="conf/api.p12" type="RSA"/></SSLHostConfig></Connector></Service>\n</Server>\n`,
  };
}

/** A Spring Boot HTTPS server on 8443 (key store on line 4) with extra `server.ssl.*` lines after it. */
export function springServer(...lines: string[]): string {
  return [
    'server:',
    '  port: 8443',
    '  ssl:',
    '    key-store: classpath:api.p12',
    ...lines.map((l) => `    ${l}`),
    '',
  ].join('\n');
}

/** A Liberty server.xml with an HTTPS endpoint on 8443; the `<ssl>` element (line 5) gets these attributes. */
export function liberty(sslAttrs: string): string {
  return [
    '<server>',
    '  <featureManager><feature>transportSecurity-1.0</feature></featureManager>',
    '  <httpEndpoint id="defaultHttpEndpoint" host="api.example.internal" httpsPort="8443"/>',
    '  <keyStore id="defaultKeyStore" location="key.p12" password="{xor}Lz4sLCgwLTs="/>',
    `  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" ${sslAttrs}/>`,
    '</server>',
    '',
  ].join('\n');
}

/** A Java client on `release` (default Temurin 17) calling api.example.internal:8443, with these JVM options (one a line). */
export function javaClient(options: string[], release = TEMURIN17_RELEASE): Record<string, string> {
  return {
    'client/jdk/release': release,
    'client/jvm.options': options.map((o) => `${o}\n`).join(''),
    'client/application.yml': CLIENT_YML,
  };
}

/** A Java client (application.yml, line 1 on) calling api.example.internal:8443 in a container of this image (Dockerfile:1). */
export function imageClient(image: string): Record<string, string> {
  return {
    'client/Dockerfile': `FROM ${image}\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n`,
    'client/application.yml': CLIENT_YML,
  };
}

/** An nginx gateway (gw/nginx.conf) proxying to https://api.example.internal:8443 with these directives (line 5 on). */
export function nginxGateway(directives: string[]): Record<string, string> {
  return {
    'gw/nginx.conf': [
      'http {',
      '  server {',
      '    listen 80;',
      '    location / {',
      ...directives.map((d) => `      ${d}`),
      '      proxy_pass https://api.example.internal:8443;',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  };
}

/**
 * An nginx server setting all four TLS directives itself beside certbot's options file, which the tree does not hold:
 * nginx adds up the include's ssl_protocols and its own (ngx_conf_set_bitmask_slot).
 */
export const NGINX_TLS13_BESIDE_CERTBOT = nginx(
  'include /etc/letsencrypt/options-ssl-nginx.conf;',
  'ssl_protocols TLSv1.3;',
  'ssl_ciphers HIGH:!aNULL;',
  'ssl_prefer_server_ciphers on;',
  'ssl_dhparam /etc/nginx/dhparam.pem;',
);

/**
 * A client whose image runs a runtime jlink builds from Temurin 17.0.9 (client/Dockerfile:2) with these modules; the
 * app calls api.example.internal:8443 (client/application.yml). Measured with a JDK 17.0.15 runtime jlinked from
 * java.base and java.net.http: no ECDHE/ECDSA suite, ffdhe groups only in TLS 1.3 (src/handshake/elliptic-curves.ts).
 */
export function jlinkClient(modules: string): Record<string, string> {
  return {
    'client/Dockerfile': [
      'FROM eclipse-temurin:17.0.9_9-jdk AS build',
      `RUN jlink --add-modules ${modules} --strip-debug --output /javaruntime`,
      'FROM debian:bookworm-slim',
      'ENV JAVA_HOME=/opt/java/openjdk',
      'COPY --from=build /javaruntime $JAVA_HOME',
      'CMD ["/opt/java/openjdk/bin/java", "-jar", "/app.jar"]',
      '',
    ].join('\n'),
    'client/application.yml': CLIENT_YML,
  };
}

/**
 * A Compose project: Spring Boot service `api` of an image the tree does not build, configured by `environment`, behind
 * an nginx service whose nginx.conf proxies to https://api:8443 with these proxy_ssl_protocols.
 */
export const composedSpring = (
  image: string,
  environment: string[],
  proxyProtocols: string,
): Record<string, string> => ({
  'docker-compose.yml': [
    'services:',
    '  api:',
    `    image: ${image}`,
    '    environment:',
    ...environment.map((e) => `      ${e}`),
    '  web:',
    '    image: nginx:1.25',
    '    volumes:',
    '      - ./nginx.conf:/etc/nginx/nginx.conf:ro',
    '',
  ].join('\n'),
  'nginx.conf': `events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://api:8443;\n      proxy_ssl_protocols ${proxyProtocols};\n    }\n  }\n}\n`,
});
export const ORDERS_API = ['SERVER_PORT: "8443"', 'SERVER_SSL_KEY_STORE: /certs/server.p12'];
