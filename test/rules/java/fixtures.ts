/** Small trees for the java/* and tls/* rule tests. */
export const IBM8_SR5 = 'JAVA_VERSION="1.8.0_191"\nIMPLEMENTOR="IBM Corporation"\n';
export const IBM8_SR6FP25 = 'JAVA_VERSION="8.0.6.25"\nIMPLEMENTOR="IBM Corporation"\n';
export const OPENJDK8_191 = 'JAVA_VERSION="1.8.0_191"\nIMPLEMENTOR="Oracle Corporation"\n';
export const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
export const TEMURIN11_14 = 'JAVA_VERSION="11.0.14"\nIMPLEMENTOR="Eclipse Adoptium"\n';

export const CLIENT_YML = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';

export const NGINX_TLS12 = [
  'http {',
  '  server {',
  '    listen 8443 ssl;',
  '    server_name api.example.internal;',
  '    ssl_protocols TLSv1.2;',
  '  }',
  '}',
  '',
].join('\n');

export const NGINX_TLS10_12 = NGINX_TLS12.replace('ssl_protocols TLSv1.2;', 'ssl_protocols TLSv1 TLSv1.2;');

export const TOMCAT_TLS12 = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<Server port="8005" shutdown="SHUTDOWN">',
  '  <Service name="Catalina">',
  '    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">',
  '      <SSLHostConfig protocols="TLSv1.2">',
  '        <Certificate certificateKeystoreFile="conf/api.p12" certificateKeystorePassword="changeit" type="RSA"/>',
  '      </SSLHostConfig>',
  '    </Connector>',
  '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost" appBase="webapps"/></Engine>',
  '  </Service>',
  '</Server>',
  '',
].join('\n');

/** A Compose broker of `image` with one SSL listener and one `KAFKA_*` setting on line 6 (`variable: value`). */
export const kafkaBroker = (image: string, variable: string, value: string) => ({
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    `    image: ${image}`,
    '    environment:',
    '      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9093',
    `      ${variable}: ${value}`,
    '',
  ].join('\n'),
});
