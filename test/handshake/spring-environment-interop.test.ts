/**
 * A Spring Boot service of Docker Compose configured only by its environment (src/model/spring-image-services.ts),
 * against the real stacks: embedded Tomcat hands `server.ssl.enabled-protocols` to SSLHostConfig's protocols
 * (Spring Boot's SslConnectorCustomizer), so a JSSE server set up as Tomcat sets it (test/interop/TomcatLab.java, the
 * installed Tomcat's own classes, this machine's JDK) with that list is the service's server; nginx's side is
 * `openssl s_client` offering TLSv1.2 only (proxy_ssl_protocols TLSv1.2). What the real handshake does is compared
 * with lint-deploy's verdict for the Compose tree (eclipse-temurin:17-jre; the lab's JDK must be a 17 too).
 * Skipped (with a note) without Tomcat's jars, a JDK 17 or openssl.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { installed, spawnLabJvm } from '../interop/stacks';
import { rsaKeystore, tomcatJars } from '../interop/tomcat';
import { composedSpring, ORDERS_API } from '../rules/tls/trees';
import { writeTree } from '../helpers/rule-tester';

const jars = tomcatJars();
const java17 = /version "17\./.test(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '');
const ready = jars !== undefined && java17 && installed('javac', ['-version']) && installed('openssl', ['version']);
if (!ready)
  console.warn(
    'Spring environment interop test skipped: Tomcat jars (libtomcat10-java), a JDK 17 (java, javac, keytool) and openssl are needed',
  );
const run = ready ? it : it.skip;

/** Whether `openssl s_client -tls1_2` completes a handshake with the server on the loopback port. */
function tls12Handshake(port: number): boolean {
  const out = spawnSync('openssl', ['s_client', '-brief', '-connect', `127.0.0.1:${port}`, '-tls1_2'], {
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return /Protocol version: TLSv1\.2$/m.test(out.stderr);
}

/** lint-deploy's verdict for nginx (proxy_ssl_protocols TLSv1.2) calling the service with this protocol list. */
function predicted(protocols: string): 'fails' | 'negotiates' {
  const root = writeTree(
    composedSpring('eclipse-temurin:17-jre', [...ORDERS_API, `SERVER_SSL_ENABLED_PROTOCOLS: ${protocols}`], 'TLSv1.2'),
  );
  const { findings } = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  return findings.some((f) => f.ruleId === 'tls/no-common-protocol') ? 'fails' : 'negotiates';
}

describe("a Compose service's SERVER_SSL_ENABLED_PROTOCOLS on embedded Tomcat and a JDK 17, called with TLSv1.2 only", () => {
  run(
    'lint-deploy agrees with the real handshake',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-spring-env-'));
      const keystore = rsaKeystore(path.join(dir, 'server.p12'), 'api');
      const source = path.join(__dirname, '../interop/TomcatLab.java');
      execFileSync('javac', ['-cp', jars!.classpath, '-d', dir, source], { timeout: 60_000 });
      const ports = new Map<string, (fields: string[]) => void>();
      const lab = await spawnLabJvm('TomcatLab', [dir, jars!.classpath].join(path.delimiter), [], (fields) =>
        ports.get(fields[0]!)?.(fields.slice(1)),
      );
      try {
        const rows: string[] = [];
        for (const [i, protocols] of ['TLSv1.3', 'TLSv1.2,TLSv1.3', 'TLSv1.2'].entries()) {
          const xml = path.join(dir, `server-${i}.xml`);
          fs.writeFileSync(
            xml,
            `<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig protocols="${protocols}"><Certificate certificateKeystoreFile="${keystore}" certificateKeystorePassword="changeit"/></SSLHostConfig></Connector></Service></Server>\n`,
          );
          const port = await new Promise<number>((resolve, reject) => {
            ports.set(String(i), (answer) => {
              if (answer[0] === 'listening') resolve(Number(answer[1]));
              else if (answer[0] === 'error') reject(new Error(answer.slice(1).join(' ')));
            });
            lab.child.stdin!.write(`${i}\tserve\t${xml}\t1\n`);
          });
          const real = tls12Handshake(port) ? 'negotiates' : 'fails';
          rows.push(`${protocols}: real ${real}, predicted ${predicted(protocols)}`);
        }
        expect(rows).toEqual([
          'TLSv1.3: real fails, predicted fails',
          'TLSv1.2,TLSv1.3: real negotiates, predicted negotiates',
          'TLSv1.2: real negotiates, predicted negotiates',
        ]);
      } finally {
        if (lab.child.exitCode === null && lab.child.pid) process.kill(lab.child.pid, 'SIGKILL');
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
