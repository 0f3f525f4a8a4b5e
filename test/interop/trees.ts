/**
 * Tree-level differential cases: nginx (OpenSSL) and Tomcat (JSSE) servers holding an RSA, an ECDSA or both
 * certificates, called by a Java client, written as deployment trees that the whole pipeline (model, derive)
 * reads, and run as real handshakes in the lab. The lab's own certificates and JDK release and java.security
 * go into each tree, so the tree says exactly what the real stacks run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { HandshakePrediction, LinkOutcome } from '../../src/handshake/types';
import type { Lab, LabSide, RealOutcome } from './stacks';

export type CertChoice = 'rsa' | 'ec' | 'dual';
export type ServerKind = 'nginx' | 'tomcat';

export interface TreeCase {
  name: string;
  server: ServerKind;
  cert: CertChoice;
  /** What the Java client offers (IANA names), TLS 1.2 only. */
  offer: string[];
}

const SERVER_SUITES = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
];
const OFFERS: Record<string, string[]> = {
  'ECDSA suites': ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
  'RSA suites': ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  'RSA then ECDSA suites': ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
};

/** Every server kind × certificate × client offer. */
export function treeCases(): TreeCase[] {
  const out: TreeCase[] = [];
  for (const server of ['nginx', 'tomcat'] as const) {
    for (const cert of ['rsa', 'ec', 'dual'] as const) {
      for (const [offerName, offer] of Object.entries(OFFERS))
        out.push({ name: `${server} ${cert} certificate, client offers ${offerName}`, server, cert, offer });
    }
  }
  return out;
}

/** The JDK home the lab's `java` runs from (its `release` file goes into the trees). */
export function javaHome(): string {
  // -XshowSettings prints to stderr.
  const run = spawnSync('java', ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 30_000 });
  return (/java\.home = (.+)/.exec(`${run.stdout}${run.stderr}`)?.[1] ?? '').trim();
}

const certFiles = (cert: CertChoice): string[] => (cert === 'dual' ? ['rsa', 'ec'] : [cert]);

/** Writes the tree of a case under `dir`. */
export function writeCaseTree(lab: Lab, c: TreeCase, dir: string): void {
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const release = fs.readFileSync(path.join(javaHome(), 'release'), 'utf8');
  const security = `jdk.tls.disabledAlgorithms=${lab.jvmDisabled.default}\n`;
  write('client/jdk/release', release);
  write('client/jdk/conf/security/java.security', security);
  write(
    'client/jvm.options',
    `-Djdk.tls.client.protocols=TLSv1.2\n-Djdk.tls.client.cipherSuites=${c.offer.join(',')}\n`,
  );
  write('client/application.yml', 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n');
  for (const name of certFiles(c.cert))
    write(`api/ssl/${name}.crt`, fs.readFileSync(path.join(lab.dir, `${name}.crt`), 'utf8'));
  if (c.server === 'nginx') {
    const ciphers = SERVER_SUITES.map((s) => lab.ianaToOpenssl.get(s) ?? s).join(':');
    const certs = certFiles(c.cert)
      .map((n) => `    ssl_certificate /etc/nginx/ssl/${n}.crt;\n    ssl_certificate_key /etc/nginx/ssl/${n}.key;\n`)
      .join('');
    write(
      'api/nginx.conf',
      `http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_protocols TLSv1.2;\n    ssl_ciphers ${ciphers};\n    ssl_prefer_server_ciphers on;\n${certs}  }\n}\n`,
    );
  } else {
    write('api/jdk/release', release);
    write('api/jdk/conf/security/java.security', security);
    const certs = certFiles(c.cert)
      .map(
        (n) =>
          `<Certificate certificateFile="/opt/tomcat/ssl/${n}.crt" certificateKeyFile="/opt/tomcat/ssl/${n}.key"/>`,
      )
      .join('');
    write(
      'api/conf/server.xml',
      `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig hostName="_default_" protocols="TLSv1.2" ciphers="${SERVER_SUITES.join(',')}" honorCipherOrder="true">${certs}</SSLHostConfig></Connector>\n<Engine name="E" defaultHost="api.example.internal"><Host name="api.example.internal"/></Engine>\n</Service></Server>\n`,
    );
  }
}

/** The pipeline's verdict on the tree's one link. */
export function treeVerdict(dir: string): { prediction?: HandshakePrediction; outcome?: LinkOutcome; links: number } {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const predictions = result.deployments[0]?.derived.predictions ?? [];
  return { prediction: predictions[0]?.prediction, outcome: predictions[0]?.outcome, links: predictions.length };
}

/** The same case as lab sides, for the real handshake. */
export function labSides(c: TreeCase): { client: LabSide; server: LabSide } {
  return {
    client: { impl: 'jsse', jvm: 'default', protocols: ['TLSv1.2'], suites: c.offer },
    server: {
      impl: c.server === 'nginx' ? 'openssl' : 'jsse',
      jvm: 'default',
      protocols: ['TLSv1.2'],
      suites: SERVER_SUITES,
      serverPref: true,
      cert: c.cert,
      clientAuth: 'none',
    },
  };
}

export async function runTreeCase(
  lab: Lab,
  c: TreeCase,
  dir: string,
): Promise<{ verdict: ReturnType<typeof treeVerdict>; real: RealOutcome }> {
  writeCaseTree(lab, c, dir);
  const verdict = treeVerdict(dir);
  const { client, server } = labSides(c);
  return { verdict, real: await lab.run(client, server) };
}
