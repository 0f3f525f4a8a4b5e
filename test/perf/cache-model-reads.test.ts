import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { LintCache } from '../../src/engine/performance/cache';
import { lint } from '../../src/engine/lint';
import { leaf } from '../helpers/pki';

/**
 * --cache and the files the model reads beside the documents (src/model/listed-files.ts): each site reads only the
 * files the deployment lists, which the cache hashes. An edit to a listed one changes the cached report; an ignored one
 * decides nothing, so the report is the tree's without it, and editing it leaves the cached report right (before, the
 * model read it from disk all the same, unhashed: the cached report kept what the file said before the edit).
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-cache-reads-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Site {
  name: string;
  ruleId: string;
  /** The tree; `said` picks what `file` says, or whether it is there (the other files stay): the report differs. */
  tree: (said: 'first' | 'second') => Record<string, string>;
  file: string;
}

const site = leaf('www.example.com');
const ccdt = (qmgr: string) =>
  JSON.stringify(
    {
      channel: [
        {
          name: 'APP.SVRCONN',
          clientConnection: { connection: [{ host: 'mq', port: 1414 }], queueManager: qmgr },
          type: 'clientConnection',
        },
      ],
    },
    null,
    2,
  ) + '\n';
const kafkaUiConfig = (algorithm: string) =>
  `kafka:\n  clusters:\n    - name: local\n      bootstrap-servers: kafka:9093\n      properties:\n        security.protocol: SSL\n        ssl.truststore.location: /certs/kafka.truststore.jks\n        ssl.endpoint.identification.algorithm: ${algorithm}\n`;

const SITES: Site[] = [
  {
    // ./mq-qmgr-names.ts queueManagerNamesBeside: the Helm release of a deploy script beside the MQSC names its queue manager.
    name: 'a deploy script beside an MQSC',
    ruleId: 'mq/cipherspec-mismatch',
    file: 'deploy/install.sh',
    tree: (said) => ({
      'deploy/install.sh': `helm install ${said === 'first' ? 'app-qm' : 'other-qm'} ../charts/ibm-mq -f values.yaml\n`,
      'deploy/qm.mqsc': "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(ANY_TLS12) REPLACE\n",
      'test/ccdt.json': ccdt('APPQM'),
    }),
  },
  {
    // ./postgres-calls.ts: the init scripts of a mounted directory, any of which may turn SSL on.
    name: "a mounted directory of PostgreSQL's init scripts",
    ruleId: 'tls/postgres-server-without-tls',
    file: 'initdb/10-ssl.sh',
    tree: (said) => ({
      'compose.yaml':
        'services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: jdbc:postgresql://db:5432/shop?sslmode=require\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - ./initdb:/docker-entrypoint-initdb.d\n',
      'app/Dockerfile':
        'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
      'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
      'initdb/00-schema.sql': 'CREATE TABLE orders (id int);\n',
      'initdb/10-ssl.sh': said === 'first' ? 'echo "ssl = on" >> "$PGDATA/postgresql.conf"\n' : 'echo ready\n',
    }),
  },
  {
    // ./spring-bundle-code.ts: the app's Java sources, where an SslBundleRegistrar registers the bundle it names.
    name: "a Spring app's Java sources",
    ruleId: 'java/spring-ssl-bundle-undefined',
    file: 'app/src/main/java/com/example/TlsConfig.java',
    tree: (said) => ({
      'app/src/main/resources/application.properties': 'spring.application.name=orders\nserver.ssl.bundle=web\n',
      'app/src/main/java/com/example/TlsConfig.java': `package com.example;\n\n@Configuration\nclass TlsConfig {\n  @Bean\n  SslBundleRegistrar registrar() {\n    return (registry) -> registry.registerBundle("${said === 'first' ? 'web' : 'api'}", bundle());\n  }\n}\n`,
    }),
  },
  {
    // ./haproxy-crt-directory.ts: every file of a `crt <dir>` HAProxy loads.
    name: "a HAProxy crt directory's files",
    ruleId: 'haproxy/crt-directory-stray-file',
    file: 'certs/extra.pem',
    tree: (said) => ({
      'compose.yaml':
        'services:\n  lb:\n    image: haproxy:2.8\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n      - ./certs:/usr/local/etc/haproxy/certs:ro\n',
      'haproxy.cfg':
        'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\nfrontend web\n  bind :443 ssl crt /usr/local/etc/haproxy/certs/\n  default_backend app\nbackend app\n  server app1 app:8080\n',
      'certs/site.pem': site.pem + site.keyPem,
      'certs/extra.pem': said === 'first' ? 'not a certificate\n' : site.pem + site.keyPem,
    }),
  },
  {
    // ./kafka-ui-dynamic-config.ts: the dynamic configuration file a bind mount puts where kafka-ui reads it.
    name: "kafka-ui's mounted dynamic configuration",
    ruleId: 'kafka/hostname-verification-disabled',
    file: 'kui/config.yml',
    tree: (said) => ({
      'kui/config.yml': kafkaUiConfig(said === 'first' ? "''" : 'https'),
      'docker-compose.yml':
        "services:\n  kafka-ui:\n    image: provectuslabs/kafka-ui:v0.7.2\n    volumes:\n      - ./kui/config.yml:/etc/kafkaui/dynamic_config.yaml\n    environment:\n      DYNAMIC_CONFIG_ENABLED: 'true'\n",
    }),
  },
  {
    // ../../src/rules/security/_lib/activemq-defaults.ts: bin/activemq marks a distribution's home, whose shipped
    // credentials are infos; without it they are the tree's own plaintext secrets.
    name: "the file that marks ActiveMQ's distribution home",
    ruleId: 'security/plaintext-secret',
    file: 'apache-activemq-5.18.3/bin/activemq',
    tree: (said) => ({
      ...(said === 'first' && { 'apache-activemq-5.18.3/bin/activemq': '#!/bin/sh\n' }),
      'apache-activemq-5.18.3/conf/activemq.xml':
        '<beans><broker xmlns="http://activemq.apache.org/schema/core" brokerName="b1"/></beans>\n',
      'apache-activemq-5.18.3/conf/users.properties': 'admin=admin\n',
    }),
  },
];

let n = 0;
function write(files: Record<string, string>): string {
  const dir = path.join(tmp, `tree-${n++}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Writes what `file` says in the second tree, or removes it when that tree has none. */
function edit(dir: string, file: string, text: string | undefined): void {
  if (text === undefined) fs.rmSync(path.join(dir, file));
  else fs.writeFileSync(path.join(dir, file), text);
}

/** The rule's findings, by file (relative), line, severity and message. */
function run(dir: string, ruleId: string, cache?: LintCache): string[] {
  const config = { ...defaultConfig(dir), rules: { [ruleId]: 'warning' as const } };
  const findings = lint({ paths: [dir], cwd: dir, config, cache, keepModel: false }).findings;
  cache?.save();
  return findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => `${path.relative(dir, f.location.file)}:${f.location.range?.start.line}: ${f.severity} ${f.message}`);
}
const cached = (dir: string, ruleId: string) =>
  run(dir, ruleId, new LintCache(path.join(dir, '.lint-deploy-cache'), 'k1', 'content'));

describe.each(SITES)('--cache and $name', ({ ruleId, tree, file }) => {
  it(`an edit to a listed ${file} changes the cached report`, () => {
    const dir = write(tree('first'));
    const before = cached(dir, ruleId);
    edit(dir, file, tree('second')[file]);
    const after = cached(dir, ruleId);
    expect(after).toEqual(run(dir, ruleId));
    expect(after).not.toEqual(before);
  });

  it(`an ignored ${file} decides nothing, before and after an edit`, () => {
    const without = Object.fromEntries(Object.entries(tree('first')).filter(([name]) => name !== file));
    const expected = run(write(without), ruleId);
    const dir = write({ ...tree('first'), '.lint-deployignore': `${file}\n` });
    expect(cached(dir, ruleId)).toEqual(expected);
    edit(dir, file, tree('second')[file]);
    expect(cached(dir, ruleId)).toEqual(expected);
  });
});

// ../../src/model/compose-mounts.ts throughLinks: a mount through a symbolic link resolves from the links the walk
// recorded (Deployment.treeLinks, which the cache hashes with their targets), not from the disk at model time.
describe('--cache and a Compose mount through a symbolic link', () => {
  const ruleId = 'haproxy/crt-directory-stray-file';
  it('a link pointed at another directory changes the cached report', () => {
    const dir = write({
      'compose.yaml':
        'services:\n  lb:\n    image: haproxy:2.8\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n      - ./certs:/usr/local/etc/haproxy/certs:ro\n',
      'haproxy.cfg': SITES.find((s) => s.ruleId === ruleId)!.tree('first')['haproxy.cfg']!,
      'certs-a/site.pem': site.pem + site.keyPem,
      'certs-a/extra.pem': 'not a certificate\n',
      'certs-b/site.pem': site.pem + site.keyPem,
    });
    fs.symlinkSync('certs-a', path.join(dir, 'certs'));
    const before = cached(dir, ruleId);
    expect(before).toEqual([expect.stringMatching(/^certs-a\/extra\.pem:/)]);
    fs.rmSync(path.join(dir, 'certs'));
    fs.symlinkSync('certs-b', path.join(dir, 'certs'));
    const after = cached(dir, ruleId);
    expect(after).toEqual(run(dir, ruleId));
    expect(after).not.toEqual(before);
  });
});
