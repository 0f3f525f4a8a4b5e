/**
 * The Tomcat slice of the interop run: a JSSE server set up as Tomcat sets it (TomcatLab.java with an
 * installed Tomcat's jars) reads a generated tree's server.xml and runs with the tree's java.security and JVM
 * options; the recorded JDK ClientHellos (test/fixtures/testssl) are replayed to it and its answer — ServerHello
 * version and suite, or its alert — is compared with what the pipeline predicts for the same tree (model,
 * Tomcat knowledge, endpoint, predictor). Loopback, port 0; the JVMs are killed by pid.
 */
import { ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { endpointFor } from '../../src/handshake/endpoint';
import { predictHandshake } from '../../src/handshake/predict';
import { answerOf, exchange, recordedClient, sameAnswer, type Recording, type ServerAnswer } from './replay';
import { LEGACY_DISABLED_ALGORITHMS, spawnLabJvm } from './stacks';

/** The JVM a Tomcat runs in: its own java.security, or JVM options that set jdk.tls.server.*. */
export type TomcatJvm = 'default' | 'legacy' | 'server-properties';
const SERVER_PROPERTIES = [
  '-Djdk.tls.server.cipherSuites=TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  '-Djdk.tls.server.protocols=TLSv1.2',
];

export interface TomcatConfig {
  id: string;
  jvm: TomcatJvm;
  /** SSLHostConfig attributes; absent ones take Tomcat's defaults. */
  protocols?: string;
  ciphers?: string;
  honorCipherOrder?: boolean;
}

const JAR_NAMES = ['coyote', 'util', 'juli', 'api'];

/** The jars of an installed Tomcat (Debian's libtomcat10-java/libtomcat9-java), or undefined. */
export function tomcatJars(): { classpath: string; release: string } | undefined {
  const dir = '/usr/share/java';
  for (const major of ['11', '10', '9']) {
    const jars = JAR_NAMES.map((n) => path.join(dir, `tomcat${major}-${n}.jar`));
    if (!jars.every((j) => fs.existsSync(j))) continue;
    const versioned = fs
      .readdirSync(dir)
      .map((f) => new RegExp(`^tomcat${major}-coyote-(\\d+\\.\\d+\\.\\d+)\\.jar$`).exec(f)?.[1])
      .find(Boolean);
    return { classpath: jars.join(path.delimiter), release: versioned ?? `${major}.0` };
  }
  return undefined;
}

const PROTOCOLS = [
  undefined,
  'TLSv1.2',
  'TLSv1.2+TLSv1.3',
  'all',
  'TLSv1+TLSv1.1+TLSv1.2',
  'TLSv1.3',
  '+TLSv1.2 -TLSv1.1',
];
const CIPHERS = [
  undefined,
  'HIGH:!aNULL:!MD5',
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA',
  'AES256-SHA:AES128-SHA',
  'ECDHE-RSA-AES128-SHA:AES128-SHA:DHE-RSA-AES128-SHA',
  'DHE-RSA-AES128-GCM-SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'SSL_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
];

/** Every configuration, in a fixed order (the fast tier takes a prefix of a seeded shuffle). */
export function tomcatConfigs(): TomcatConfig[] {
  const out: TomcatConfig[] = [];
  for (const jvm of ['default', 'legacy', 'server-properties'] as const)
    for (const protocols of PROTOCOLS)
      for (const ciphers of CIPHERS)
        for (const honorCipherOrder of [undefined, true]) {
          out.push({
            id: `tomcat|${jvm}|${protocols ?? '-'}|${ciphers ?? '-'}|${honorCipherOrder ?? '-'}`,
            jvm,
            protocols,
            ciphers,
            honorCipherOrder,
          });
        }
  return out;
}

export function tomcatSliceOf(config: TomcatConfig): string {
  if (config.jvm === 'server-properties')
    return 'Tomcat (JSSE): `jdk.tls.server.cipherSuites`/`protocols` set (no effect on the connector)';
  if (config.jvm === 'legacy') return 'Tomcat (JSSE): TLSv1/1.1 re-enabled in `java.security`';
  return config.ciphers === undefined && config.protocols === undefined
    ? 'Tomcat (JSSE): connector defaults'
    : 'Tomcat (JSSE): configured `protocols`/`ciphers` (OpenSSL syntax, JSSE lists, IBM names)';
}

const attr = (name: string, value: string | boolean | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);

export function serverXml(config: TomcatConfig, keystore: string): string {
  const host = `${attr('protocols', config.protocols)}${attr('ciphers', config.ciphers)}${attr('honorCipherOrder', config.honorCipherOrder)}`;
  return `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig${host}><Certificate certificateKeystoreFile="${keystore}" certificateKeystorePassword="changeit"/></SSLHostConfig></Connector>\n</Service></Server>\n`;
}

class TomcatJvmProcess {
  private next = 0;
  disabledAlgorithms = '';
  private constructor(
    readonly child: ChildProcess,
    private readonly pending: Map<string, (fields: string[]) => void>,
  ) {}

  static async start(classpath: string, jvmArgs: string[]): Promise<TomcatJvmProcess> {
    const pending = new Map<string, (fields: string[]) => void>();
    const started = await spawnLabJvm('TomcatLab', classpath, jvmArgs, (fields) =>
      pending.get(fields[0])?.(fields.slice(1)),
    );
    const jvm = new TomcatJvmProcess(started.child, pending);
    jvm.disabledAlgorithms = started.disabledAlgorithms;
    return jvm;
  }

  /** Sends a command; `onLine` gets every answer line of it until it returns true. */
  command(fields: string[], onLine: (fields: string[]) => boolean): Promise<void> {
    const id = String(++this.next);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Tomcat lab timeout: ${fields.join(' ')}`));
      }, 60_000);
      this.pending.set(id, (answer) => {
        if (answer[0] === 'error') {
          clearTimeout(timer);
          this.pending.delete(id);
          reject(new Error(answer.slice(1).join(' ')));
        } else if (onLine(answer)) {
          clearTimeout(timer);
          this.pending.delete(id);
          resolve();
        }
      });
      this.child.stdin!.write([id, ...fields].join('\t') + '\n');
    });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.pid) process.kill(this.child.pid, 'SIGKILL');
  }
}

export interface TomcatResult {
  recording: string;
  config: TomcatConfig;
  real: ServerAnswer;
  predicted: ServerAnswer;
  agree: boolean;
  slice: string;
}

export interface TomcatLab {
  release: string;
  run(config: TomcatConfig, recs: Recording[]): Promise<TomcatResult[]>;
  close(): void;
}

/** The JDK home the lab's `java` runs from (its `release` file goes into the trees). */
function javaHome(): string {
  const run = spawnSync('java', ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 30_000 });
  return (/java\.home = (.+)/.exec(`${run.stdout}${run.stderr}`)?.[1] ?? '').trim();
}

function findSource(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, 'TomcatLab.java'), path.join(dir, 'test', 'interop', 'TomcatLab.java')])
      if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('TomcatLab.java not found');
  }
}

/** A PKCS#12 key store at `file` (password changeit) with an RSA 2048 key and a self-signed certificate for `name`. */
export function rsaKeystore(file: string, name: string): string {
  execFileSync(
    'keytool',
    [
      ...['-genkeypair', '-keyalg', 'RSA', '-keysize', '2048', '-alias', 'tomcat', '-dname', `CN=${name}`],
      ...[
        '-validity',
        '2',
        '-storetype',
        'PKCS12',
        '-keystore',
        file,
        '-storepass',
        'changeit',
        '-keypass',
        'changeit',
      ],
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  return file;
}

export async function startTomcatLab(): Promise<TomcatLab> {
  const jars = tomcatJars();
  if (!jars) throw new Error('no Tomcat jars installed (Debian: apt-get install libtomcat10-java)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-tomcat-'));
  const keystore = rsaKeystore(path.join(dir, 'rsa.p12'), 'tomcat.test');
  execFileSync('javac', ['-cp', jars.classpath, '-d', dir, findSource()], { timeout: 60_000 });
  fs.writeFileSync(path.join(dir, 'legacy.security'), `jdk.tls.disabledAlgorithms=${LEGACY_DISABLED_ALGORITHMS}\n`);
  const classpath = [dir, jars.classpath].join(path.delimiter);
  const jvmArgs: Record<TomcatJvm, string[]> = {
    default: [],
    legacy: [`-Djava.security.properties=${path.join(dir, 'legacy.security')}`],
    'server-properties': SERVER_PROPERTIES,
  };
  const jvms = new Map<TomcatJvm, TomcatJvmProcess>();
  for (const jvm of Object.keys(jvmArgs) as TomcatJvm[])
    jvms.set(jvm, await TomcatJvmProcess.start(classpath, jvmArgs[jvm]));
  const release = fs.readFileSync(path.join(javaHome(), 'release'), 'utf8');
  let trees = 0;

  /** The tree Tomcat runs from: its server.xml, its JDK and java.security, its setenv.sh. */
  const writeTree = (config: TomcatConfig): string => {
    const root = path.join(dir, `tree-${++trees}`);
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    };
    write('tc/jdk/release', release);
    write(
      'tc/jdk/conf/security/java.security',
      `jdk.tls.disabledAlgorithms=${jvms.get(config.jvm)!.disabledAlgorithms}\n`,
    );
    if (config.jvm === 'server-properties')
      write('tc/bin/setenv.sh', `CATALINA_OPTS="${SERVER_PROPERTIES.join(' ')}"\n`);
    write('tc/conf/server.xml', serverXml(config, keystore));
    return root;
  };

  return {
    release: jars.release,
    async run(config, recs) {
      const root = writeTree(config);
      try {
        const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
        const deployment = result.deployments[0];
        const component = deployment?.components.find((c) => c.type === 'tomcat.connector');
        const server = component && endpointFor(component, 'server', deployment);
        if (!server) throw new Error(`no Tomcat endpoint for ${config.id}`);
        const jvm = jvms.get(config.jvm)!;
        const real: ServerAnswer[] = [];
        let clients: Promise<void> = Promise.resolve();
        await jvm.command(['serve', path.join(root, 'tc', 'conf', 'server.xml'), String(recs.length)], (answer) => {
          if (answer[0] === 'listening') {
            clients = (async () => {
              for (const rec of recs) real.push(await exchange(Number(answer[1]), rec.bytes));
            })();
            return false;
          }
          return answer[0] === 'done';
        });
        await clients;
        return recs.map((rec, i) => {
          const predicted = answerOf(predictHandshake(recordedClient(rec), server.side));
          return {
            recording: rec.name,
            config,
            real: real[i],
            predicted,
            agree: sameAnswer(real[i], predicted),
            slice: tomcatSliceOf(config),
          };
        });
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
    close() {
      for (const jvm of jvms.values()) jvm.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
