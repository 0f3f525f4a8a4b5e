/**
 * Small trees for the certificate-trust rules: a Java client (jvm.options -Djavax.net.ssl.*) calling a
 * Tomcat connector (a PKCS#12/JKS key store) or an nginx server (PEM files), with the fixture stores of
 * test/fixtures/trust (keytool-made, valid for 100 years; generate.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from '../../helpers/rule-tester';
import { nginxGateway } from './trees';

const FIXTURES = path.resolve(__dirname, '../../fixtures/trust');
export const store = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
export const pem = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export interface JavaClient {
  trustStore?: string;
  keyStore?: string;
}

/** The Java client: its trust and key stores as -D options (line 1: trustStore, line 3: keyStore). */
export function javaClient(c: JavaClient): Tree {
  const lines: string[] = [];
  const files: Tree = {
    'client/application.yml': 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n',
  };
  if (c.trustStore) {
    lines.push(
      `-Djavax.net.ssl.trustStore=/opt/client/security/${c.trustStore}`,
      '-Djavax.net.ssl.trustStorePassword=${TRUST_PASSWORD}',
    );
    files[`client/security/${c.trustStore}`] = store(c.trustStore);
  }
  if (c.keyStore) {
    lines.push(
      `-Djavax.net.ssl.keyStore=/opt/client/security/${c.keyStore}`,
      '-Djavax.net.ssl.keyStorePassword=${KEY_PASSWORD}',
    );
    files[`client/security/${c.keyStore}`] = store(c.keyStore);
  }
  files['client/jvm.options'] = lines.join('\n') + '\n';
  return files;
}

/** A Tomcat connector presenting the key entry `api` of `keyStore`; client authentication and its trust store optional (line 4). */
export function tomcatServer(keyStore: string, auth?: { mode: 'required' | 'optional'; trustStore: string }): Tree {
  const files: Tree = { [`api/conf/${keyStore}`]: store(keyStore) };
  const verify = auth
    ? ` certificateVerification="${auth.mode}" truststoreFile="conf/${auth.trustStore}" truststorePassword="\${TRUST_PASSWORD}"`
    : '';
  if (auth) files[`api/conf/${auth.trustStore}`] = store(auth.trustStore);
  files['api/conf/server.xml'] = `<Server port="8005"><Service name="C">
<Connector port="8443" SSLEnabled="true">
  <SSLHostConfig hostName="_default_" protocols="TLSv1.2"${verify}>
    <Certificate certificateKeystoreFile="conf/${keyStore}" certificateKeystorePassword="\${KEY_PASSWORD}" certificateKeyAlias="api"/>
  </SSLHostConfig>
</Connector>
<Engine name="E" defaultHost="api.example.internal"><Host name="api.example.internal"/></Engine>
</Service></Server>
`;
  return files;
}

/** An nginx server presenting `certificate` (PEM, file order); client authentication with ssl_client_certificate optional (lines 6-8). */
export function nginxServer(
  certificate: string,
  auth?: { mode: 'on' | 'optional'; caFile: string; depth?: number },
): Tree {
  const files: Tree = { [`api/ssl/${certificate}`]: pem(certificate) };
  const lines = [
    'http {',
    '  server {',
    '    listen 8443 ssl;',
    '    server_name api.example.internal;',
    `    ssl_certificate /etc/nginx/ssl/${certificate};`,
  ];
  if (auth) {
    files[`api/ssl/${auth.caFile}`] = pem(auth.caFile);
    lines.push(`    ssl_verify_client ${auth.mode};`, `    ssl_client_certificate /etc/nginx/ssl/${auth.caFile};`);
    if (auth.depth !== undefined) lines.push(`    ssl_verify_depth ${auth.depth};`);
  }
  lines.push('  }', '}', '');
  files['api/nginx.conf'] = lines.join('\n');
  return files;
}

/** An nginx gateway (gw/nginx.conf, tls/trees.ts) proxying to api.example.internal:8443, with `caFile` in gw/ssl. */
export function nginxProxy(directives: string[], caFile?: string): Tree {
  return { ...(caFile ? { [`gw/ssl/${caFile}`]: pem(caFile) } : {}), ...nginxGateway(directives) };
}

/**
 * The Java client whose image copies `storeName` (a fixture key store, as client/certs/cacerts) to `destination`, more
 * Dockerfile lines after it. JDK 17.0.15 here: a cacerts holding only the other root, a JSSE client to the fixture
 * server fails with "PKIX path building failed"; holding the fixture root, it connects.
 */
export const replacingCacerts = (from: string, destination: string, storeName: string, ...lines: string[]) => ({
  ...javaClient({}),
  'client/Dockerfile': [
    `FROM ${from}`,
    `COPY certs/cacerts ${destination}`,
    ...lines,
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
  'client/certs/cacerts': store(storeName),
  ...tomcatServer('server-chain.p12'),
});

/**
 * The Java client whose image installs Debian's openjdk-17-jre-headless (`before` the copy, or none) and copies
 * `storeName` (as client/certs/cacerts) onto /etc/ssl/certs/java/cacerts, the file its lib/security/cacerts links to
 * (measured, Debian 12), `after` lines following.
 */
export const replacingDebianStore = (storeName: string, before: string[], ...after: string[]) => ({
  ...replacingCacerts('debian:bookworm-slim', '/etc/ssl/certs/java/cacerts', storeName),
  'client/Dockerfile': [
    'FROM debian:bookworm-slim',
    ...before,
    'COPY certs/cacerts /etc/ssl/certs/java/cacerts',
    ...after,
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
});

/** apt-get installs Debian's OpenJDK 17 runtime (and with it ca-certificates-java). */
export const APT_JDK_17 = 'RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless';
