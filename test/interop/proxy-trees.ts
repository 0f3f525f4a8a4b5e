/**
 * Tree-level differential cases for nginx as a TLS client: a gateway whose `proxy_pass https://…` reaches a
 * Tomcat connector (JSSE on the lab's JDK), written as a deployment tree the whole pipeline reads, and run as
 * the real handshake of an OpenSSL client offering what the proxy_ssl_* directives say (`openssl s_client`,
 * the OpenSSL nginx links against) against the lab's JSSE server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JvmProfile, Lab, LabSide, RealOutcome } from './stacks';
import { javaHome, treeVerdict } from './trees';

export interface ProxyCase {
  name: string;
  /** proxy_ssl_protocols and proxy_ssl_ciphers (IANA names; written in OpenSSL names into the tree). */
  proxyProtocols: string[];
  proxyCiphers: string[];
  /** The Tomcat connector's protocols and ciphers (IANA names). */
  serverProtocols: string[];
  serverCiphers: string[];
  /**
   * TLS 1.0/1.1 cases: the Tomcat runs on the lab's legacy JVM (TLS 1.0/1.1 re-enabled), the gateway's Dockerfile names
   * an OpenSSL 3 image (nginx:1.25, Debian bookworm), and the real client runs at its build's security level, as nginx does.
   */
  legacy?: true;
}

const ECDHE_RSA_128 = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const ECDHE_RSA_256 = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
const ECDHE_ECDSA_128 = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256';
const ECDHE_RSA_CBC = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA';
const RSA_CBC = 'TLS_RSA_WITH_AES_128_CBC_SHA';
const TLS13 = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
/** OpenSSL's default TLS 1.3 ciphersuites: nginx's proxy_ssl_ciphers does not touch them. */
const OPENSSL_TLS13_DEFAULT = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];

export function proxyCases(): ProxyCase[] {
  return [
    {
      name: 'proxy TLSv1.3 only → Tomcat TLSv1.2 only (a JDK without TLS 1.3)',
      proxyProtocols: ['TLSv1.3'],
      proxyCiphers: [ECDHE_RSA_128],
      serverProtocols: ['TLSv1.2'],
      serverCiphers: [ECDHE_RSA_128, ECDHE_RSA_256],
    },
    {
      name: 'proxy TLSv1.2 only → Tomcat TLSv1.3 only (jdk.tls.server.protocols=TLSv1.3 alike)',
      proxyProtocols: ['TLSv1.2'],
      proxyCiphers: [ECDHE_RSA_128],
      serverProtocols: ['TLSv1.3'],
      serverCiphers: TLS13,
    },
    {
      name: 'proxy TLSv1.2 with one suite the connector does not enable',
      proxyProtocols: ['TLSv1.2'],
      proxyCiphers: [ECDHE_RSA_128],
      serverProtocols: ['TLSv1.2'],
      serverCiphers: [ECDHE_RSA_256],
    },
    {
      name: 'proxy TLSv1.2 with an ECDSA suite only, the connector holds an RSA key',
      proxyProtocols: ['TLSv1.2'],
      proxyCiphers: [ECDHE_ECDSA_128],
      serverProtocols: ['TLSv1.2'],
      serverCiphers: [ECDHE_ECDSA_128, ECDHE_RSA_128],
    },
    {
      name: 'proxy TLSv1.2 TLSv1.3 → Tomcat TLSv1.2: negotiates TLS 1.2 in the server order',
      proxyProtocols: ['TLSv1.2', 'TLSv1.3'],
      proxyCiphers: [ECDHE_RSA_128, ECDHE_RSA_256],
      serverProtocols: ['TLSv1.2'],
      serverCiphers: [ECDHE_RSA_256, ECDHE_RSA_128],
    },
    {
      name: 'proxy TLSv1.2 TLSv1.3 → Tomcat TLSv1.2 TLSv1.3: negotiates TLS 1.3',
      proxyProtocols: ['TLSv1.2', 'TLSv1.3'],
      proxyCiphers: [ECDHE_RSA_128],
      serverProtocols: ['TLSv1.2', 'TLSv1.3'],
      serverCiphers: [...TLS13, ECDHE_RSA_128],
    },
    // OpenSSL 3 as a client above security level 0 refuses a signed TLS 1.0/1.1 key exchange; static RSA signs nothing.
    {
      name: 'proxy TLSv1 ECDHE on OpenSSL 3 → Tomcat TLSv1: the proxy refuses the SHA1-signed key exchange',
      proxyProtocols: ['TLSv1'],
      proxyCiphers: [ECDHE_RSA_CBC],
      serverProtocols: ['TLSv1'],
      serverCiphers: [ECDHE_RSA_CBC, RSA_CBC],
      legacy: true,
    },
    {
      name: 'proxy TLSv1.1 ECDHE on OpenSSL 3 → Tomcat TLSv1.1: refused alike',
      proxyProtocols: ['TLSv1.1'],
      proxyCiphers: [ECDHE_RSA_CBC],
      serverProtocols: ['TLSv1.1'],
      serverCiphers: [ECDHE_RSA_CBC],
      legacy: true,
    },
    {
      name: 'proxy TLSv1 static RSA on OpenSSL 3 → Tomcat TLSv1: nothing is signed, it negotiates',
      proxyProtocols: ['TLSv1'],
      proxyCiphers: [RSA_CBC],
      serverProtocols: ['TLSv1'],
      serverCiphers: [ECDHE_RSA_CBC, RSA_CBC],
      legacy: true,
    },
  ];
}

/** Writes the case's tree (gateway + Tomcat on the lab's JDK, its RSA certificate) under `dir`. */
export function writeProxyTree(lab: Lab, c: ProxyCase, dir: string): void {
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const release = fs.readFileSync(path.join(javaHome(), 'release'), 'utf8');
  write('api/jdk/release', release);
  write('api/jdk/conf/security/java.security', `jdk.tls.disabledAlgorithms=${lab.jvmDisabled[jvmOf(c)]}\n`);
  write('api/ssl/rsa.crt', fs.readFileSync(path.join(lab.dir, 'rsa.crt'), 'utf8'));
  write(
    'api/conf/server.xml',
    `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig hostName="_default_" protocols="${c.serverProtocols.join(',')}" ciphers="${c.serverCiphers.join(',')}" honorCipherOrder="true"><Certificate certificateFile="/opt/tomcat/ssl/rsa.crt" certificateKeyFile="/opt/tomcat/ssl/rsa.key"/></SSLHostConfig></Connector>\n<Engine name="E" defaultHost="api.example.internal"><Host name="api.example.internal"/></Engine>\n</Service></Server>\n`,
  );
  if (c.legacy) write('gw/Dockerfile', 'FROM nginx:1.25\n');
  const ciphers = c.proxyCiphers.map((s) => lab.ianaToOpenssl.get(s) ?? s).join(':');
  write(
    'gw/nginx.conf',
    `http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_protocols ${c.proxyProtocols.join(' ')};\n      proxy_ssl_ciphers ${ciphers};\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n`,
  );
}

const jvmOf = (c: ProxyCase): JvmProfile => (c.legacy ? 'legacy' : 'default');

/** The same case as lab sides: an OpenSSL client (with OpenSSL's TLS 1.3 defaults) and a JSSE server. */
export function proxyLabSides(c: ProxyCase): { client: LabSide; server: LabSide } {
  return {
    client: {
      impl: 'openssl',
      protocols: c.proxyProtocols,
      suites: [...OPENSSL_TLS13_DEFAULT, ...c.proxyCiphers],
      ...(c.legacy ? { securityLevel: 'build' as const } : {}),
    },
    server: {
      impl: 'jsse',
      jvm: jvmOf(c),
      protocols: c.serverProtocols,
      suites: c.serverCiphers,
      serverPref: true,
      cert: 'rsa',
      clientAuth: 'none',
    },
  };
}

export async function runProxyCase(
  lab: Lab,
  c: ProxyCase,
  dir: string,
): Promise<{ verdict: ReturnType<typeof treeVerdict>; real: RealOutcome }> {
  writeProxyTree(lab, c, dir);
  const verdict = treeVerdict(dir);
  const { client, server } = proxyLabSides(c);
  return { verdict, real: await lab.run(client, server) };
}
