/**
 * Tree level of the trust slices: each case written as a deployment tree carrying its stores as Java has
 * them (the keytool-made JKS/PKCS#12 files the real handshake used, PEM files for nginx), a Java client with
 * -Djavax.net.ssl.* options and the lab JDK's release file and cacerts (so "no trust store" is decided from
 * the JDK's real cacerts), and a Tomcat or nginx server. The whole pipeline reads it; its derived trust is
 * the prediction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import type { LinkTrust } from '../../src/derive/trust';
import { lint } from '../../src/engine/lint';
import { javaHome } from './trees';
import type { CaseFiles, TrustCase } from './trust-cases';

let jdk: { release: string; cacerts: Buffer } | undefined;
function labJdk(): { release: string; cacerts: Buffer } {
  if (!jdk) {
    const home = javaHome();
    jdk = {
      release: fs.readFileSync(path.join(home, 'release'), 'utf8'),
      cacerts: fs.readFileSync(path.join(home, 'lib', 'security', 'cacerts')),
    };
  }
  return jdk;
}

const ext = (file: string) => path.extname(file);

/** Writes the tree of a case under `dir`. */
export function writeTrustTree(c: TrustCase, f: CaseFiles, dir: string): void {
  const write = (relative: string, content: string | Buffer) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const { release, cacerts } = labJdk();
  write('client/jdk/release', release);
  write('client/jdk/lib/security/cacerts', cacerts);
  write('client/application.yml', 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n');
  const options = [`-Djdk.tls.client.protocols=${c.protocol}`];
  if (f.clientTrustStore) {
    write(`client/security/trust${ext(f.clientTrustStore)}`, fs.readFileSync(f.clientTrustStore));
    options.push(
      `-Djavax.net.ssl.trustStore=/opt/client/security/trust${ext(f.clientTrustStore)}`,
      '-Djavax.net.ssl.trustStorePassword=${TRUST_PASSWORD}',
    );
  }
  if (f.clientKeyStore) {
    write(`client/security/key${ext(f.clientKeyStore)}`, fs.readFileSync(f.clientKeyStore));
    options.push(
      `-Djavax.net.ssl.keyStore=/opt/client/security/key${ext(f.clientKeyStore)}`,
      '-Djavax.net.ssl.keyStorePassword=${KEY_PASSWORD}',
    );
  }
  write('client/jvm.options', options.join('\n') + '\n');
  if (c.server === 'jsse') {
    write('api/jdk/release', release);
    write(`api/conf/key${ext(f.serverKeyStore)}`, fs.readFileSync(f.serverKeyStore));
    write(`api/conf/trust${ext(f.serverTrustStore)}`, fs.readFileSync(f.serverTrustStore));
    const verify =
      c.clientAuth === 'none'
        ? ''
        : ` certificateVerification="${c.clientAuth}" truststoreFile="conf/trust${ext(f.serverTrustStore)}" truststorePassword="\${TRUST_PASSWORD}"`;
    write(
      'api/conf/server.xml',
      `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true">\n<SSLHostConfig hostName="_default_" protocols="${c.protocol}"${verify}>\n<Certificate certificateKeystoreFile="conf/key${ext(f.serverKeyStore)}" certificateKeystorePassword="\${KEY_PASSWORD}" certificateKeyAlias="server"/>\n</SSLHostConfig>\n</Connector>\n<Engine name="E" defaultHost="api.example.internal"><Host name="api.example.internal"/></Engine>\n</Service></Server>\n`,
    );
  } else {
    write('api/ssl/server.pem', fs.readFileSync(f.serverPemChain));
    write('api/ssl/clients-ca.pem', fs.readFileSync(f.serverTrustPem));
    const auth =
      c.clientAuth === 'none'
        ? ''
        : `    ssl_verify_client ${c.clientAuth === 'required' ? 'on' : 'optional'};\n    ssl_client_certificate /etc/nginx/ssl/clients-ca.pem;\n${c.verifyDepth !== undefined ? `    ssl_verify_depth ${c.verifyDepth};\n` : ''}`;
    write(
      'api/nginx.conf',
      `http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_protocols ${c.protocol};\n    ssl_certificate /etc/nginx/ssl/server.pem;\n    ssl_certificate_key /etc/nginx/ssl/server.key;\n${auth}  }\n}\n`,
    );
  }
}

/** The pipeline's derived trust on the tree's one link. */
export function treeTrust(dir: string): { trust?: LinkTrust; links: number } {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const trust = result.deployments[0]?.derived.trust ?? [];
  return { trust: trust[0], links: trust.length };
}
