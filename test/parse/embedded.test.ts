import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocuments } from '../../src/engine/run/read';
import { parseEmbedded } from '../../src/parse/embedded';
import type { MqscData } from '../../src/parse/mqsc';
import type { ParsedDocument } from '../../src/parse/types';
import { SHELL_SCRIPT_KIND } from '../../src/parse/script-file-placements';
import { readOneFile } from '../helpers/read-one-file';

/** The documents of one file, but the record of a script that may place files (src/parse/script-file-placements.ts). */
const read = (name: string, text: string) => readOneFile(name, text).filter((d) => d.kind !== SHELL_SCRIPT_KIND);

/** `kind container line:col key=value` of the first entry whose key matches, one-based. */
function where(docs: ParsedDocument[], key: RegExp): string[] {
  return docs.flatMap((d) => {
    const e = d.entries.find((x) => key.test(x.key));
    return e
      ? [
          `${d.kind} ${d.embedded?.container ?? '-'} ${e.valueRange.start.line + 1}:${e.valueRange.start.character + 1} ${e.value}`,
        ]
      : [];
  });
}

const CONFIGMAP = [
  'apiVersion: v1', // 1
  'kind: ConfigMap',
  'data:',
  '  qm.ini: |', // 4
  '    SSL:',
  '      SSLFipsRequired=No', // 6
  '  mqclient.ini: |-',
  '    SSL:',
  '      SSLCipherSpec=TLS_RSA_WITH_AES_128_CBC_SHA256', // 9
  '  ccdt.json: |',
  '    {"channel": [{"name": "APP.SVRCONN", "type": "clientConnection",',
  '      "transmissionSecurity": {"cipherSpecification": "ANY_TLS12"}}]}', // 12
  '  nginx.conf: |',
  '    server {',
  '      listen 443 ssl;',
  '      ssl_protocols TLSv1.2;', // 16
  '    }',
  '  jvm.options: |',
  '    -Dhttps.protocols=TLSv1.2', // 19
  '  application.properties: |',
  '    server.ssl.enabled-protocols=TLSv1.3', // 21
  '  cm-nativeha-ini : |',
  '    NativeHALocalInstance:',
  '      CipherSpec=ANY_TLS13', // 24
  '  mq.mqsc: |',
  '    DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)', // 26
  '  README: |',
  '    just text',
  '',
].join('\n');

describe('configuration embedded in a Kubernetes ConfigMap', () => {
  const docs = read('k8s/mq-config.yaml', CONFIGMAP);
  it.each([
    [/SSLFipsRequired/, 'mq.qm-ini YAML key qm.ini 6:23 No'],
    [/SSLCipherSpec/, 'mq.client-ini YAML key mqclient.ini 9:21 TLS_RSA_WITH_AES_128_CBC_SHA256'],
    [/cipherSpecification/, 'mq.ccdt YAML key ccdt.json 12:55 ANY_TLS12'],
    [/^ssl_protocols$/, 'nginx.conf YAML key nginx.conf 16:21 TLSv1.2'],
    [/https\.protocols/, 'java.jvm-options YAML key jvm.options 19:23 TLSv1.2'],
    [/enabled-protocols/, 'spring.properties YAML key application.properties 21:34 TLSv1.3'],
    [/CipherSpec$/, 'mq.qm-ini YAML key cm-nativeha-ini 24:18 ANY_TLS13'],
    [/SSLCIPH/, 'mq.mqsc - 26:50 ANY_TLS12_OR_HIGHER'],
  ])('%s', (key, expected) => expect(where(docs, key)).toContain(expected));

  it('reads each key once and leaves plain text alone', () => {
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'java.jvm-options',
      'mq.ccdt',
      'mq.client-ini',
      'mq.mqsc',
      'mq.qm-ini',
      'mq.qm-ini',
      'nginx.conf',
      'spring.properties',
    ]);
    expect(docs.flatMap((d) => d.problems)).toEqual([]);
  });
});

/** `*.mqsc` keys of one YAML file: which channels each MQSC script read from it defines. */
function scripts(text: string): string[] {
  return read('deploy/qm.yaml_template', text)
    .filter((d) => d.kind === 'mq.mqsc')
    .map((d) => [...(d.data as MqscData).objects.channels.keys()].join(' '));
}

// k8ssandra/k8ssandra-operator@9e3d1b5 (Apache-2.0) test/testdata/fixtures/enc/enc-mgmt-k8s.yaml: a Secret's stores.
describe('a Kubernetes Secret’s data in base64', () => {
  const jks = fs.readFileSync(path.join(__dirname, '../fixtures/trust/trust-root.jks')).toString('base64');
  const secret = (value: string[]) =>
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: inode-ks', 'data:', '  truststore.jks: >-', ...value].join(
      '\n',
    );

  // The manifest itself is read as a Kubernetes document (its keys a volume may mount: src/parse/kubernetes-volumes.ts).
  const embedded = (docs: ParsedDocument[]) => docs.filter((d) => d.kind !== 'kubernetes');

  // Since k8s59 the decoded bytes of a JKS or PKCS#12 are read as the key store they are (kubernetes-app-stores.ts).
  it('is the named file’s bytes encoded, not its text: the JKS is read as the key store it is', () => {
    const kinds = (docs: ParsedDocument[]) => embedded(docs).map((d) => d.kind);
    expect(kinds(read('secret.yaml', secret([`    ${jks}`, 'type: Opaque', ''])))).toEqual(['keystore.jks']);
    // Folded over several lines, as kubectl does not but editors may.
    const lines = jks.match(/.{1,76}/g)!.map((l) => `    ${l}`);
    expect(kinds(read('secret.yaml', secret([...lines, ''])))).toEqual(['keystore.jks']);
  });

  it('a store written as text under that name is still read (and is no store)', () => {
    const docs = embedded(read('secret.yaml', secret(['    not a key store but text', ''])));
    expect(docs.map((d) => d.problems.map((p) => p.code))).toEqual([['keystore-invalid']]);
  });
});

describe('MQSC keys of a multi-document YAML file', () => {
  const configMap = (qm: string, key: string, channel: string) => [
    'kind: ConfigMap',
    'metadata:',
    `  name: ${qm}-mqsc`,
    'data:',
    `  ${key}: |-`,
    `    DEFINE CHANNEL(${channel}) CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12_OR_HIGHER')`,
  ];
  it.each([
    // ibm-cloudintegration/mqoncp4i unicluster.yaml_template: a ConfigMap per queue manager, each named by its own QueueManager.
    [
      'a ConfigMap per queue manager: a script each',
      [...configMap('qma', 'a.mqsc', 'A'), '---', ...configMap('qmb', 'b.mqsc', 'B')].join('\n'),
      ['A', 'B'],
    ],
    [
      'two keys of one ConfigMap: one script',
      [...configMap('qma', 'a.mqsc', 'A'), '  b.mqsc: |-', '    DEFINE CHANNEL(B) CHLTYPE(SVRCONN)'].join('\n'),
      ['A B'],
    ],
    ['one ConfigMap after a document marker', ['---', ...configMap('qma', 'a.mqsc', 'A')].join('\n'), ['A']],
  ])('%s', (_name, text, expected) => expect(scripts(text)).toEqual(expected));
});

describe('a heredoc opened inside a quoted command string', () => {
  // aztekmq/ibmMQArchitectureLab@8a4b3d6 (MIT) build_mq_miqm.sh and verify_mq.sh: `docker exec … bash -lc "cat <<'MQSC' |
  // runmqsc …`, closed by `MQSC"`. The heredoc belongs to the shell that runs the string; read to the end of the file,
  // the rest of the script was MQSC and runmqsc's syntax errors (612 of them).
  const script = [
    '#!/usr/bin/env bash', // 1
    'define_dev_objects() {',
    '  docker exec "$cname" bash -lc "cat <<\'MQSC\' | runmqsc ${qmgr}',
    'DEFINE CHANNEL(DEV.APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER) REPLACE', // 4
    'MQSC"',
    '}',
    "exec_mq \"cat <<'MQSC' | runmqsc ${QM_NAME}",
    "ALTER QMGR SSLKEYR('/run/key')", // 8
    'MQSC" >/dev/null 2>&1 || true',
    'echo "done"',
  ].join('\n');
  const docs = read('build_mq.sh', script).filter((d): d is ParsedDocument<MqscData> => d.kind === 'mq.mqsc');

  it('ends at the line that starts with its word and the closing quote', () => {
    expect(docs.map((d) => d.entries.map((e) => `${e.valueRange.start.line + 1} ${e.key}`))).toEqual([
      ['4 CHANNEL(DEV.APP.SVRCONN).CHLTYPE', '4 CHANNEL(DEV.APP.SVRCONN).SSLCIPH'],
      ['8 QMGR.SSLKEYR'],
    ]);
    expect(docs.flatMap((d) => d.problems)).toEqual([]);
  });
});

describe('MQSC and qm.ini in shell scripts', () => {
  it.each([
    [
      'runmqsc heredoc',
      'setup.sh',
      '#!/bin/sh\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\nEOF\n',
      'mq.mqsc heredoc to runmqsc 3:44 ANY_TLS12',
    ],
    [
      '<<- with tabs and a quoted delimiter',
      'setup.sh',
      "#!/bin/bash\n\tsudo -u mqm runmqsc $1 <<-'EOF'\n\t\tdefine channel(a) chltype(svrconn) sslciph(any_tls12)\n\tEOF\n",
      'mq.mqsc heredoc to runmqsc 3:46 ANY_TLS12',
    ],
    [
      'echo piped to runmqsc',
      'amqp.sh',
      'echo "alter CHANNEL(SYSTEM.DEF.AMQP) CHLTYPE(AMQP) SSLCIPH(ANY_TLS12)" | runmqsc $QM_NAME\n',
      'mq.mqsc echo to runmqsc 1:60 ANY_TLS12',
    ],
    [
      // kimptoc/ibmmq-with-ssl-test@95825d8 (no licence file) mq-with-ssl/mq-dev-config.sh: the ALTER it no longer runs
      // is commented out below the one it runs; the comment was read as MQSC, a second SSLCIPH for the same channel.
      'echo piped to runmqsc inside su -c, and the same commented out: only the line that runs',
      'mq-dev-config.sh',
      '#!/bin/bash\n    su -l mqm -c "echo \\"ALTER CHANNEL(\'DEV.APP.SVRCONN\') CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA)\\" | runmqsc $1"\n#    su -l mqm -c "echo \\"ALTER CHANNEL(\'DEV.APP.SVRCONN\') CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_256_GCM_SHA384)\\" | runmqsc $1"\n',
      'mq.mqsc echo to runmqsc 2:84 TLS_RSA_WITH_AES_128_CBC_SHA',
    ],
    [
      'heredoc written to an .mqsc file',
      'Dockerfile',
      "FROM icr.io/ibm-messaging/mq\nRUN cat > /etc/mqm/20-tls.mqsc <<EOF\nALTER QMGR SSLKEYR('/run/key')\nEOF\n",
      'mq.mqsc heredoc to /etc/mqm/20-tls.mqsc 3:20 /run/key',
    ],
    [
      // moatoum/cp4i-deployment-samples@c6e5df05 DrivewayDentDeletion/Operators/Dockerfiles/MQ.Dockerfile: `echo -e`
      // with a `\n\` at each line's end, written to an MQSC file by a Dockerfile named MQ.Dockerfile.
      'echo -e of several lines written to an .mqsc file in a RUN of MQ.Dockerfile',
      'MQ.Dockerfile',
      'FROM icr.io/ibm-messaging/mq\nRUN echo -e "\\\nDEFINE QLOCAL(A) \\n\\\nALTER QMGR SSLKEYR(\'/run/key\') \\n\\\nREFRESH SECURITY" > /etc/mqm/20-tls.mqsc\n',
      'mq.mqsc echo to /etc/mqm/20-tls.mqsc 4:20 /run/key',
    ],
    [
      // Jencheng1/jms-2@3390b46c (no licence file) fix-pcf-permissions-complete.sh: a quote inside single quotes is
      // written '\\''; runmqsc gets one quote. The value's column is then three to the left per such quote before it.
      "echo '…' piped to runmqsc with quotes written '\\''",
      'fix.sh',
      "echo 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) MCAUSER('\\''app'\\'') SSLCIPH(ANY_TLS12)' | runmqsc QM1\n",
      'mq.mqsc echo to runmqsc 1:65 ANY_TLS12',
    ],
    [
      'one command echoed and appended to an .mqsc file',
      'Dockerfile',
      'FROM icr.io/ibm-messaging/mq\nRUN echo "ALTER QMGR SSLKEYR(\'/run/key\')" >> /etc/mqm/20-tls.mqsc\n',
      'mq.mqsc echo to /etc/mqm/20-tls.mqsc 2:30 /run/key',
    ],
    [
      'printf with two commands on one line',
      'setup.sh',
      '#!/bin/sh\nprintf "DEFINE QLOCAL(A)\\nALTER QMGR SSLKEYR(\'/run/key\')\\n" > /etc/mqm/tls.mqsc\n',
      'mq.mqsc printf to /etc/mqm/tls.mqsc 2:46 /run/key',
    ],
    [
      'heredoc in a GitHub Actions run: | block',
      '.github/workflows/mq.yml',
      'jobs:\n  setup:\n    steps:\n      - name: channels\n        run: |\n          docker exec qm runmqsc QM1 <<EOF\n          DEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n          EOF\n',
      'mq.mqsc heredoc to runmqsc in YAML key run 7:54 ANY_TLS12',
    ],
    [
      'heredoc in a Kubernetes container script (args: - |)',
      'k8s/job.yaml',
      'spec:\n  containers:\n    - name: setup\n      command: ["/bin/sh", "-c"]\n      args:\n        - |\n          cat > /etc/mqm/tls.mqsc <<EOF\n          ALTER QMGR SSLKEYR(\'/run/key\')\n          EOF\n',
      'mq.mqsc heredoc to /etc/mqm/tls.mqsc in YAML key list item 8:30 /run/key',
    ],
    [
      // ibm-messaging/cp4i-mq-samples 11-rest-tls/deploy-qm11-qmgr.sh: the script writes a ConfigMap, then applies it.
      'heredoc written to a YAML ConfigMap: its block scalars, not the manifest as one document',
      'deploy.sh',
      "#!/bin/bash\ncat > qm-configmap.yaml << EOF\napiVersion: v1\nkind: ConfigMap\ndata:\n  tls.mqsc: |\n    ALTER QMGR SSLKEYR('/run/key')\n  mqwebuser.xml: |-\n    <server>\n    </server>\nEOF\noc apply -f qm-configmap.yaml\n",
      'mq.mqsc YAML key tls.mqsc in heredoc to qm-configmap.yaml 7:24 /run/key',
    ],
    [
      // moatoum/cp4i-deployment-samples@c6e5df0 products/bash/release-mq.sh: `cat << EOF | oc apply -f -` then `---`.
      'unnamed heredoc of manifests that starts with the document marker: its block scalars, not a qm.ini',
      'release-mq.sh',
      '#!/bin/bash\ncat << EOF | oc apply -f -\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: m\ndata:\n  example.ini: |-\n    SSL:\n      SSLFipsRequired=No\n---\nkind: Secret\napiVersion: v1\nEOF\n',
      'mq.qm-ini YAML key example.ini in heredoc 11:23 No',
    ],
    [
      'unnamed heredoc that is a qm.ini',
      'functions.sh',
      '#!/bin/bash\ncat << EOF > $1\nSSL:\n   SSLFipsRequired=No\nEOF\n',
      'mq.qm-ini heredoc 4:20 No',
    ],
  ])('%s', (_, name, text, expected) => {
    expect(where(read(name, text), /SSLCIPH|SSLKEYR|SSLFipsRequired/)).toEqual([expected]);
  });

  // abhinav3295/nginx-mtls@3fed878 (no licence file) gateway/scripts/nginx.sh: `export NGINX_CONFIG=${OUTPUT_DIR}/ssl-demo.conf`,
  // then `cat >${NGINX_CONFIG} <<EOL` with a server block: read as the file the variable names.
  const nginxServer = 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n}\n';
  it.each([
    [
      'a heredoc written to the file a variable names (its last assignment above)',
      `#!/usr/bin/env bash\nexport NGINX_CONFIG=\${OUTPUT_DIR}/ssl-demo.conf\ncat >\${NGINX_CONFIG} <<EOL\n${nginxServer}EOL\n`,
      ['nginx.conf heredoc to ssl-demo.conf 6:19 TLSv1 TLSv1.2'],
    ],
    [
      'quoted target, plain assignment',
      `#!/bin/sh\nCONF="/etc/nginx/conf.d/site.conf"\ncat > "$CONF" <<'EOF'\n${nginxServer}EOF\n`,
      ['nginx.conf heredoc to site.conf 6:19 TLSv1 TLSv1.2'],
    ],
    [
      'a variable naming no configuration file: an unnamed heredoc, not read as nginx',
      `#!/bin/sh\nOUT=/tmp/out\ncat > $OUT <<EOF\n${nginxServer}EOF\n`,
      [],
    ],
  ])('%s', (_, text, expected) => {
    expect(where(read('nginx.sh', text), /^ssl_protocols$/)).toEqual(expected);
  });

  // ewiger/ibm-mq-mtls@6dee649 create-client-ccdt.sh: SSLCIPH('${SSLCIPH}') in a heredoc to runmqsc.
  it.each([
    [
      'an unquoted heredoc',
      "#!/bin/sh\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL($CH) CHLTYPE(CLNTCONN) SSLCIPH('${SSLCIPH}')\nEOF\n",
      ['3:16 $CH', '3:48 ${SSLCIPH}'],
    ],
    ['a double-quoted echo', 'echo "ALTER QMGR SSLKEYR(\'$(pwd)/key\')" | runmqsc QM1\n', ['1:27 $(pwd)']],
    [
      'a quoted heredoc (the shell leaves it alone)',
      "#!/bin/sh\nrunmqsc QM1 <<'EOF'\nALTER QMGR SSLKEYR('${KEY}')\nEOF\n",
      [],
    ],
    ['a single-quoted echo', "echo 'ALTER QMGR SSLKEYR($KEY)' | runmqsc QM1\n", []],
    [
      // aztekmq/ibmMQArchitectureLab@8a4b3d6 verify_mq.sh: the outer shell expands the string before `bash -lc` runs it.
      'a quoted heredoc inside a double-quoted command string',
      '#!/bin/sh\nexec_mq "cat <<\'MQSC\' | runmqsc ${QM_NAME}\nDEFINE QLOCAL(${TESTQ}) REPLACE\nMQSC"\n',
      ['3:15 ${TESTQ}'],
    ],
    [
      // Only runmqsc's heredocs take a script's default (the MQ model takes it back where the environment sets it).
      'a heredoc written to an nginx configuration, with a default',
      '#!/bin/sh\ncat > /etc/nginx/conf.d/ssl.conf <<EOF\nserver {\n  listen 443 ssl;\n  ssl_protocols ${PROTOCOLS:-TLSv1};\n}\nEOF\n',
      ['5:17 ${PROTOCOLS:-TLSv1}'],
    ],
  ])('shell expansions in %s are template values at their place in the script', (_, text, spans) => {
    const [doc] = read('setup.sh', text);
    const found = (doc?.template?.spans ?? []).map(
      (s) => `${s.range.start.line + 1}:${s.range.start.character + 1} ${s.text}`,
    );
    expect(found).toEqual(spans);
  });

  // ewiger/ibm-mq-mtls@6dee649 create-client-ccdt.sh assigns SSLCIPH="…" once, above its heredoc to runmqsc.
  it.each([
    [
      'assigned once, unindented, before the heredoc: put in, at the place of the expansion',
      '#!/bin/bash\nCIPH="TLS_AES_128_GCM_SHA256"\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL($CH) CHLTYPE(SVRCONN) SSLCIPH(${CIPH}) SSLPEER(CN=x)\nEOF\n',
      'mq.mqsc heredoc to runmqsc 4:46 TLS_AES_128_GCM_SHA256',
      ['4:16 $CH'],
    ],
    [
      'assigned in two branches: left to run time',
      '#!/bin/bash\nCIPH=ANY_TLS12\nif [ "$1" = new ]; then\n  CIPH=ANY_TLS13\nfi\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(${CIPH})\nEOF\n',
      'mq.mqsc heredoc to runmqsc 7:44 ${CIPH}',
      ['7:44 ${CIPH}'],
    ],
    [
      'assigned after the heredoc: left to run time',
      '#!/bin/bash\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH($CIPH)\nEOF\nCIPH=ANY_TLS12\n',
      'mq.mqsc heredoc to runmqsc 3:44 $CIPH',
      ['3:44 $CIPH'],
    ],
    [
      // The value the script runs with unless its environment sets CIPH (the model takes it back where an image's ENV or
      // a Compose service's environment does: src/model/script-defaults.ts).
      "the script's own default (CIPH=${CIPH:-ANY_TLS12}): put in",
      '#!/bin/bash\nCIPH=${CIPH:-ANY_TLS12}\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH($CIPH)\nEOF\nKEY=/x\n',
      'mq.mqsc heredoc to runmqsc 4:44 ANY_TLS12',
      [],
    ],
    [
      'a default written in the heredoc, of a variable the script never assigns: put in, at the expansion',
      '#!/bin/bash\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(${CIPH:-ANY_TLS12}) MCAUSER(${USR:+x})\nEOF\n',
      'mq.mqsc heredoc to runmqsc 3:44 ANY_TLS12',
      ['3:72 ${USR:+x}'],
    ],
  ])("a script's own literal assignment in its heredoc: %s", (_, text, entry, spans) => {
    const docs = read('setup.sh', text);
    expect(where(docs, /SSLCIPH/)).toEqual([entry]);
    const found = (docs[0]?.template?.spans ?? []).map(
      (s) => `${s.range.start.line + 1}:${s.range.start.character + 1} ${s.text}`,
    );
    expect(found).toEqual(spans);
  });

  it('a run: | script with a heredoc is not itself read as MQSC (no parse problem from its shell lines)', () => {
    const docs = read(
      'ci.yml',
      'steps:\n  - run: |\n      echo start\n      runmqsc QM1 <<EOF\n      DEFINE CHANNEL(A) CHLTYPE(SVRCONN)\n      EOF\n      echo done\n',
    );
    expect(docs.map((d) => `${d.kind} ${d.embedded?.container}`)).toEqual([
      'mq.mqsc heredoc to runmqsc in YAML key run',
    ]);
    expect(docs.flatMap((d) => d.problems)).toEqual([]);
  });

  // henninb/nginx-reverse-proxy@2364a0f run.sh: `http {` + `$(cat nginx.conf)` + `}` in a heredoc to nginx-full.conf.
  it.each([
    ['$(cat nginx.conf)', 'cat << EOF > "$HOME/tmp/nginx-full.conf"', []],
    ['  $(< nginx.conf)', 'cat << EOF > /etc/nginx/nginx.conf', []],
    ['`cat nginx.conf`', 'cat << EOF > /etc/nginx/nginx.conf', []],
    // Quoted: the shell leaves the text as written, and nginx reads it as a directive.
    ['$(cat nginx.conf)', "cat << 'EOF' > /etc/nginx/nginx.conf", ['missing-semicolon']],
  ])('a heredoc line %s (%s) is the text of another file: no parse problem', (line, opener, problems) => {
    const docs = read('run.sh', `#!/bin/sh\n${opener}\nevents {}\nhttp {\n${line}\n}\nEOF\n`);
    expect(docs.map((d) => d.kind)).toEqual(['nginx.conf']);
    expect(docs.flatMap((d) => d.problems.map((p) => p.code))).toEqual(problems);
  });

  it.each([
    [
      "a continued line that no \\n ends (the columns would not be the file's)",
      'FROM icr.io/ibm-messaging/mq\nRUN echo -e "DEFINE QLOCAL(A) \\\nDESCR(\'x\')" > /etc/mqm/q.mqsc\n',
    ],
    ['echo without -e: \\n is not a line break', "RUN echo 'DEFINE QLOCAL(A)\\nDEFINE QLOCAL(B)' > /etc/mqm/q.mqsc\n"],
    ['an echo of one qm.ini line: a piece of a file, not a file', 'RUN echo "SSL:" >> /var/mqm/qmgrs/QM1/qm.ini\n'],
    ['a quote that does not close', 'RUN echo "DEFINE QLOCAL(A) > /etc/mqm/q.mqsc\n'],
  ])('does not read an echo to a file: %s', (_, text) => {
    expect(read('Dockerfile', text).filter((d) => d.kind !== 'dockerfile')).toEqual([]);
  });

  it('an end line with blanks around the delimiter ends nothing: the problem it causes says why', () => {
    // uma-ibmmq MQScripts/backupqmgr.sh: `EOF  ` (trailing blanks) after the last runmqsc heredoc; bash reads to the
    // end of the file, and runmqsc gets `EOF` as a command (AMQ8405).
    const text = '#!/bin/ksh\nrunmqsc QM1 <<EOF\ndis ql(testq*)\nEOF  \n\n';
    const { documents } = parseEmbedded({ path: '/t/backupqmgr.sh', text, hadBom: false }, '/t/backupqmgr.sh', text);
    const problems = documents.flatMap((d) => d.problems).map((p) => [p.range.start.line, p.message]);
    expect(problems).toEqual([
      [
        3,
        expect.stringMatching(
          /^This line does not end the here-document: .*exactly 'EOF'.*'EOF' is not an MQSC command verb/,
        ),
      ],
    ]);
    // Ended by an exact line, the same text has no problem.
    const ended = '#!/bin/ksh\nrunmqsc QM1 <<EOF\ndis ql(testq*)\nEOF\n';
    expect(
      parseEmbedded({ path: '/t/b.sh', text: ended, hadBom: false }, '/t/b.sh', ended).documents.flatMap(
        (d) => d.problems,
      ),
    ).toEqual([]);
  });

  it('does not read examples in documentation', () => {
    expect(read('README.md', "```\necho 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN)' | runmqsc QM1\n```\n")).toEqual([]);
  });
});

// https://docs.docker.com/reference/dockerfile/#here-documents: `COPY <<EOF <dest>` creates <dest> in the image.
describe('COPY/ADD here-documents of a Dockerfile are files of the image, read as their destination', () => {
  const kinds = (text: string) =>
    read('Dockerfile', text).flatMap((d) =>
      d.embedded
        ? [`${d.kind} ${d.embedded.container} ${d.embedded.range.start.line + 1}-${d.embedded.range.end.line + 1}`]
        : [],
    );

  it('COPY <<EOF /etc/nginx/conf.d/ssl.conf: an nginx configuration at its lines in the Dockerfile', () => {
    const text =
      'FROM nginx:1.27.0\nCOPY <<EOF /etc/nginx/conf.d/ssl.conf\nserver {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2;\n}\nEOF\nRUN nginx -t\n';
    expect(kinds(text)).toEqual(['nginx.conf COPY here-document to /etc/nginx/conf.d/ssl.conf 3-6']);
    const doc = read('Dockerfile', text).find((d) => d.embedded);
    expect(doc!.entries.find((e) => e.key.endsWith('ssl_protocols'))?.valueRange.start).toEqual({
      line: 4,
      character: 18,
    });
  });

  it('two documents into a directory (COPY <<qm.ini <<client.ini /etc/mqm/): each named by its delimiter', () => {
    const text =
      'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nCOPY --chmod=644 <<qm.ini <<mqclient.ini /etc/mqm/\nSSL:\n  AllowTLSV1=Y\nqm.ini\nSSL:\n  OutboundSNI=HOSTNAME\nmqclient.ini\n';
    expect(kinds(text)).toEqual([
      'mq.qm-ini COPY here-document to /etc/mqm/qm.ini 3-4',
      'mq.client-ini COPY here-document to /etc/mqm/mqclient.ini 6-7',
    ]);
  });

  it("<<-EOF strips the body's leading tabs; a quoted delimiter expands nothing; an unterminated one reads nothing", () => {
    expect(kinds('FROM x\nCOPY <<-EOF /etc/mqm/qm.ini\n\tSSL:\n\t  AllowTLSV1=Y\n\tEOF\n')).toEqual([
      'mq.qm-ini COPY here-document to /etc/mqm/qm.ini 3-4',
    ]);
    expect(kinds("FROM x\nCOPY <<'EOF' /etc/mqm/qm.ini\nSSL:\n  AllowTLSV1=$V\nEOF\n")).toEqual([
      'mq.qm-ini COPY here-document to /etc/mqm/qm.ini 3-4',
    ]);
    expect(kinds('FROM x\nCOPY <<EOF /etc/mqm/qm.ini\nSSL:\n  AllowTLSV1=Y\n')).toEqual([]);
  });
});

// A qm.ini stanza is followed by its `Key=Value` lines; a YAML mapping has `SSL:` lines too. mojaloop/iac-modules@2e5cdb2
// (Apache-2.0) gitops/applications/overlays/rdbms_provider/percona/zitadel-pre/zitadel-config-secrets.yaml: an
// ExternalSecret's template holds ZITADEL's config.yaml, whose `SSL:` / `Mode: require` made it a qm.ini (24 warnings
// "Line is neither a 'Stanza:' header nor a 'Key=Value' attribute").
describe('a block is sniffed as qm.ini only when a stanza holds Key=Value lines', () => {
  const secret = (key: string, body: string[]) =>
    [
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ExternalSecret',
      'spec:',
      '  target:',
      '    template:',
      '      data:',
      `        ${key}: |`,
      ...body.map((l) => `          ${l}`),
      '',
    ].join('\n');
  it.each([
    [
      'ZITADEL config.yaml (YAML: SSL: then Mode: require)',
      secret('config.yaml', [
        'Database:',
        '  Postgres:',
        '    Admin:',
        "      Password: '{{.password}}'",
        '      SSL:',
        '        Mode: require',
        '      Username: ${ARGOCD_ENV_db_username}',
        '    Port: 5432',
      ]),
      [],
    ],
    [
      'a queue manager ini under a key that does not name it, a comment line after the stanza',
      secret('cm-ha', ['NativeHALocalInstance:', '  # the group name', '  CipherSpec=ANY_TLS13']),
      ['mq.qm-ini'],
    ],
    ['an ini stanza with CRLF line ends', secret('cfg', ['SSL:\r', '  SSLFipsRequired=No\r']), ['mq.qm-ini']],
  ])('%s', (_what, text, kinds) => {
    // The ExternalSecret's `template:` key gives an ansible.yaml record (a record for the Ansible questions, no read).
    const docs = read('gitops/zitadel-config-secrets.yaml', text).filter(
      (d) => d.kind !== 'kubernetes.yaml' && d.kind !== 'ansible.yaml',
    );
    expect(docs.map((d) => d.kind)).toEqual(kinds);
    expect(docs.flatMap((d) => d.problems)).toEqual([]);
  });
});

// atlassian/data-center-helm-charts@4e27747 (Apache-2.0) src/main/charts/jira/templates/configmap-server-config.yaml: the
// server.xml of a ConfigMap under `{{- if }}`/`{{- else }}`. Each `{{-` takes its line away, line break before it
// included, so the rendered value starts with `<?xml`; a tag that trims nothing leaves an empty first line.
describe('a ConfigMap’s server.xml under a Helm conditional', () => {
  const chart = (open: string) =>
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ include "jira.fullname" . }}-server-config',
      'data:',
      '  server.xml: |',
      `${open}if .Values.tomcat.customServerXml }}`,
      `${open}.Values.tomcat.customServerXml | nindent 6 }}`,
      `${open}else }}`,
      '    <?xml version="1.0" encoding="utf-8"?>',
      '    <Server port="{{ .Values.tomcat.mgmtPort | default "8005" }}" shutdown="SHUTDOWN">',
      '      <Service name="Catalina">',
      '        <Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true" sslProtocol="TLSv1.2"/>',
      '      </Service>',
      '    </Server>',
      `${open}end }}`,
      '',
    ].join('\n');
  const problemsOf = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-embedded-'));
    try {
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      const docs = readDocuments(Object.keys(files).map((n) => path.join(dir, n))).documents;
      return docs
        .filter((d) => d.embedded)
        .map((d) => `${d.kind} ${d.problems.map((p) => `${p.code}@${p.range.start.line + 1}`).join(' ')}`.trim());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it.each([
    ['`{{-` tags, a template outside a chart', { 'templates/cm.yaml': chart('{{- ') }, ['tomcat.server-xml']],
    [
      '`{{-` tags in a chart (its defaults put in)',
      {
        'chart/Chart.yaml': 'apiVersion: v2\nname: jira\nversion: 1.0.0\n',
        'chart/values.yaml': 'tomcat:\n  mgmtPort: 8005\n  customServerXml:\n',
        'chart/templates/cm.yaml': chart('{{- '),
      },
      ['tomcat.server-xml'],
    ],
    // `{{ if … }}` renders its line's break: the value's first line is empty, and XML allows nothing before `<?xml`.
    ['tags that trim nothing', { 'templates/cm.yaml': chart('{{ ') }, ['tomcat.server-xml invalid-xml@10']],
  ])('%s', (_, files, expected) => expect(problemsOf(files)).toEqual(expected));
});

// jtarte/cp4i_demo@abd4b7f (Apache-2.0) ACE/04-ace-cicd/gitops/mq/mq_config.yaml: `qm1.mqsc: >`. A folded
// value joins its lines with a space (YAML 1.2 §8.1.3); only a blank line (or a more-indented line) keeps a line break.
describe('a folded YAML value (`key: >`) is read as YAML folds it', () => {
  const mqsc = [
    'kind: ConfigMap',
    'apiVersion: v1',
    'data:',
    '  qm1.mqsc: >',
    '    * Application Queue',
    "    DEFINE QLOCAL('APPQ') REPLACE",
    '',
    '    DEFINE CHANNEL(APPCHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL)',
    "    SSLCIPH('ANY_TLS12_OR_HIGHER')  REPLACE",
    '',
    '    ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS)',
    '    CHCKCLNT(NONE) CHCKLOCL(NONE)',
    '',
  ].join('\n');

  it('MQSC: the lines YAML joins are one command; a comment takes the lines joined to it', () => {
    const docs = read('gitops/mq/mq_config.yaml', mqsc).filter((d) => d.kind === 'mq.mqsc');
    expect(docs.flatMap((d) => d.problems.map((p) => p.message))).toEqual([]);
    const data = docs[0]!.data as MqscData;
    // The queue is in the comment line `* Application Queue DEFINE QLOCAL('APPQ') REPLACE`: runmqsc defines none.
    expect(data.commands.map((c) => `${c.verb} ${c.noun ?? ''}`.trim())).toEqual(['DEFINE CHANNEL', 'ALTER AUTHINFO']);
    expect(where(docs, /SSLCIPH$/)).toEqual(['mq.mqsc - 9:13 ANY_TLS12_OR_HIGHER']);
    expect(where(docs, /CHCKCLNT$/)).toEqual(['mq.mqsc - 12:14 NONE']);
  });

  it('another format: the joined line is one line (a properties value goes on past the break)', () => {
    const properties = [
      'kind: ConfigMap',
      'data:',
      '  application.properties: >-',
      '    server.ssl.enabled-protocols=TLSv1.2',
      '    server.ssl.ciphers=TLS_AES_128_GCM_SHA256',
      '',
      '    server.port=8443',
      '',
    ].join('\n');
    const docs = read('k8s/app.yaml', properties);
    expect(where(docs, /enabled-protocols/)).toEqual([
      'spring.properties YAML key application.properties 4:34 TLSv1.2 server.ssl.ciphers=TLS_AES_128_GCM_SHA256',
    ]);
    expect(where(docs, /server\.port/)).toEqual(['spring.properties YAML key application.properties 7:17 8443']);
    expect(where(docs, /ciphers/)).toEqual([]);
  });
});
