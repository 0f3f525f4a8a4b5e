import rule from '../../../src/rules/mq/cipherspec-mismatch';
import { ruleTester } from '../../helpers/rule-tester';
import { ccdt, svrconn } from './trees';

const QM = (ciph: string) => ({
  'qm/QM1/QM1.mqsc': svrconn('APP.SVRCONN', ciph ? `SSLCIPH(${ciph})` : "DESCR('plain')"),
});
const CL = (spec?: string) => ({
  'client/ccdt.json': ccdt('APP.SVRCONN', 'QM1', spec ? { cipherSpecification: spec } : {}),
});

/**
 * Two Compose services that each build an IBM MQ image copying its MQSC to `target` (QM1's with TLS, QM2's plain), and
 * the client's CCDT for APP.SVRCONN of QM1. WASdev/sample.docker.mq@66c8a2c (Apache-2.0): `COPY config.mqsc /etc/mqm/`.
 */
const builtQueueManagers = (target: string) => ({
  'compose.yaml': [
    'services:',
    '  ibm-mq:',
    '    build: ibm-mq',
    '    environment:',
    '      MQ_QMGR_NAME: QM1',
    '  other-mq:',
    '    build: other',
    '    environment:',
    '      - MQ_QMGR_NAME=QM2',
    '',
  ].join('\n'),
  'ibm-mq/Dockerfile': `FROM icr.io/ibm-messaging/mq:9.4.3.1-r1\nCOPY 30-config.mqsc ${target}\n`,
  'ibm-mq/30-config.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
  'other/Dockerfile': `FROM icr.io/ibm-messaging/mq:9.4.3.1-r1\nCOPY 20-config.mqsc ${target}\n`,
  'other/20-config.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
  ...CL(),
});

/** The CCDT's plain channel judged against QM1's, which the Compose file (line 5) names, and what else ties the name. */
const qm1NamedByCompose = (...via: { file: string; line: number }[]) => [
  {
    messageId: 'clientNoTls',
    file: 'client/ccdt.json',
    line: 4,
    related: [{ file: 'ibm-mq/30-config.mqsc', line: 2 }, { file: 'compose.yaml', line: 5 }, ...via],
  },
];

/**
 * QM1's own MQSC gives DEV.APP.SVRCONN TLS, and the client's CCDT (queue manager QM1) names another CipherSpec; beside
 * them the tree starts IBM MQ's developer image with no MQSC of its own (`rival`), whose 10-dev.mqsc defines
 * DEV.APP.SVRCONN too: which of the two queue managers the client reaches is not known. Shapes:
 * Joshua-Beha/mq-dev-patterns@db4750c container/queuemanager/compose/docker-compose.yaml (a Compose service of
 * icr.io/ibm-messaging/mq:latest, MQ_QMGR_NAME=QM1, no MQSC) and gastaldi/quarkus-ibm-mq@97a3c1f .github/workflows/build.yml
 * (a GitHub Actions job's service container of the image, MQ_QMGR_NAME: QM1), both Apache-2.0.
 */
const devImageRival = (rival: Record<string, string>) => ({
  'qm/QM1/QM1.mqsc': svrconn('DEV.APP.SVRCONN', 'SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256)'),
  'client/ccdt.json': ccdt('DEV.APP.SVRCONN', 'QM1', { cipherSpecification: 'TLS_RSA_WITH_AES_128_CBC_SHA256' }),
  ...rival,
});
const composeDevImage = (environment: string[], volumes: string[] = []) => ({
  'compose/docker-compose.yaml': [
    'services:',
    '  mq:',
    '    image: "icr.io/ibm-messaging/mq:latest"',
    '    environment:',
    ...environment.map((e) => `      - ${e}`),
    ...(volumes.length > 0 ? ['    volumes:', ...volumes.map((v) => `      - ${v}`)] : []),
    '',
  ].join('\n'),
});
const actionsDevImage = (env: string) => ({
  '.github/workflows/build.yml': `jobs:\n  build:\n    services:\n      mq:\n        image: icr.io/ibm-messaging/mq:latest\n        env:\n          LICENSE: accept\n${env}    steps:\n      - run: mvn verify\n`,
});
/** The CCDT's CipherSpec judged against QM1's own DEV.APP.SVRCONN. */
const differsFromQm1 = [
  { messageId: 'differ', file: 'client/ccdt.json', line: 15, related: [{ file: 'qm/QM1/QM1.mqsc', line: 2 }] },
];

ruleTester(rule, {
  valid: [
    {
      name: 'a Compose service building an MQ image that copies the MQSC elsewhere than /etc/mqm does not name its queue manager',
      files: builtQueueManagers('/opt/mqsc/'),
    },
    {
      name: 'the channel gets the CipherSpec of the client from a later MQSC file of the queue manager',
      files: {
        'qm/QM1/10-dev.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
        'qm/QM1/20-tls.mqsc': 'ALTER CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)\n',
        ...CL('TLS_RSA_WITH_AES_128_CBC_SHA256'),
      },
    },
    {
      name: 'same specific CipherSpec',
      files: { ...QM('TLS_RSA_WITH_AES_128_CBC_SHA256'), ...CL('TLS_RSA_WITH_AES_128_CBC_SHA256') },
    },
    { name: 'aliases on both ends', files: { ...QM('ANY_TLS12_OR_HIGHER'), ...CL('ANY_TLS12') } },
    {
      name: 'specific client, alias server',
      files: { ...QM('ANY_TLS12_OR_HIGHER'), ...CL('ECDHE_RSA_AES_256_GCM_SHA384') },
    },
    { name: 'neither end uses TLS', files: { ...QM(''), ...CL() } },
    {
      name: 'a Compose service that mounts the MQSC elsewhere than /etc/mqm names no queue manager of it',
      files: {
        'compose.yaml':
          'services:\n  ibm-mq:\n    image: icr.io/ibm-messaging/mq:9.4\n    environment:\n      MQ_QMGR_NAME: QM1\n    volumes:\n      - ./ibm-mq/30-config.mqsc:/opt/app/30-config.mqsc\n',
        'ibm-mq/30-config.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        ...CL(),
      },
    },
    // Files of other projects in one linted path: the channel name alone pairs them (tls/link-outcome-unknown says so).
    {
      name: 'the client names QM1, the only channel of that name is in a directory not named QM1',
      files: { 'samples/dev/20-dev-tls.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'), ...CL() },
    },
    {
      name: 'two definitions of the channel, neither named after the client queue manager',
      files: {
        'a/dev-tls.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        'b/dev-tls.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS13)'),
        ...CL(),
      },
    },
    {
      name: 'a Compose service of the developer image without MQSC of the tree, of the same queue manager name, defines DEV.APP.SVRCONN too: not judged',
      files: devImageRival(
        composeDevImage(['LICENSE=accept', 'MQ_QMGR_NAME=QM1', 'MQ_APP_PASSWORD=${APP_PASSWORD:?err}']),
      ),
    },
    {
      name: 'the same with a queue manager name only the run knows, and a named volume for its data',
      files: devImageRival(composeDevImage(['LICENSE=accept', 'MQ_QMGR_NAME=${QM}'], ['qm1data:/mnt/mqm'])),
    },
    {
      name: "a GitHub Actions job's service container of the developer image (MQ_QMGR_NAME QM1): not judged",
      files: devImageRival(actionsDevImage('          MQ_QMGR_NAME: QM1\n')),
    },
    {
      name: "a GitLab pipeline's top-level services: item of the developer image: not judged (its MQ_DEV may be set elsewhere)",
      files: devImageRival({
        '.gitlab-ci.yml': `services:\n  - name: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    alias: mq\ntest:\n  script:\n    - mvn verify\n`,
      }),
    },
  ],
  invalid: [
    {
      name: 'a developer image service with MQ_DEV=false defines no DEV.APP.SVRCONN: QM1 is the only queue manager with it',
      files: devImageRival(composeDevImage(['LICENSE=accept', 'MQ_QMGR_NAME=QM1', 'MQ_DEV=false'])),
      errors: differsFromQm1,
    },
    {
      name: "a developer image service named QM2 is another queue manager than the client's QM1",
      files: devImageRival(actionsDevImage('          MQ_QMGR_NAME: QM2\n')),
      errors: differsFromQm1,
    },
    {
      name: "the developer image service that runs QM1's MQSC is QM1 itself, not a rival",
      files: devImageRival(
        composeDevImage(['LICENSE=accept', 'MQ_QMGR_NAME=QM1'], ['../qm/QM1/QM1.mqsc:/etc/mqm/20-config.mqsc']),
      ),
      errors: [
        {
          ...differsFromQm1[0]!,
          related: [...differsFromQm1[0]!.related, { file: 'compose/docker-compose.yaml', line: 6 }],
        },
      ],
    },
    {
      name: "the channel's SSLCIPH set by a later MQSC file of the queue manager (10-dev DEFINE, 20-tls ALTER)",
      files: {
        'qm/QM1/10-dev.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
        'qm/QM1/20-tls.mqsc': 'ALTER CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256)\n',
        ...CL('TLS_RSA_WITH_AES_128_CBC_SHA256'),
      },
      errors: [
        { messageId: 'differ', file: 'client/ccdt.json', line: 15, related: [{ file: 'qm/QM1/20-tls.mqsc', line: 1 }] },
      ],
    },
    {
      name: 'different specific specs',
      files: { ...QM('TLS_RSA_WITH_AES_256_CBC_SHA256'), ...CL('TLS_RSA_WITH_AES_128_CBC_SHA256') },
      errors: [
        { messageId: 'differ', file: 'client/ccdt.json', line: 15, related: [{ file: 'qm/QM1/QM1.mqsc', line: 2 }] },
      ],
    },
    {
      name: 'alias client vs specific server: likely to fail',
      files: { ...QM('TLS_RSA_WITH_AES_256_CBC_SHA256'), ...CL('ANY_TLS12') },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'client/ccdt.json', line: 15 }],
    },
    {
      name: 'TLS 1.3 alias vs TLS 1.2 spec: fails',
      files: { ...QM('TLS_RSA_WITH_AES_256_CBC_SHA256'), ...CL('ANY_TLS13') },
      errors: [{ messageId: 'aliasFails', file: 'client/ccdt.json', line: 15 }],
    },
    {
      name: 'TLS 1.3 client spec vs TLS 1.2-only alias on the channel',
      files: { ...QM('ANY_TLS12'), ...CL('TLS_AES_128_GCM_SHA256') },
      errors: [{ messageId: 'serverAliasClientTls13Only', file: 'client/ccdt.json', line: 15 }],
    },
    {
      name: 'TLS 1.3 alias on the client vs TLS 1.2-only alias on the channel',
      files: { ...QM('ANY_TLS12'), ...CL('ANY_TLS13') },
      errors: [{ messageId: 'serverAliasClientTls13Only', file: 'client/ccdt.json', line: 15 }],
    },
    {
      name: 'TLS client to a plain channel',
      files: { ...QM(''), ...CL('ANY_TLS12') },
      errors: [{ messageId: 'noTls', file: 'client/ccdt.json', line: 15 }],
    },
    {
      name: 'plain client to a TLS channel',
      files: { ...QM('ANY_TLS12'), ...CL() },
      errors: [{ messageId: 'clientNoTls', file: 'client/ccdt.json', line: 4 }],
    },
    {
      // As github.com/ibm-messaging/mq-helm@d218ef6 lays out its samples: deploy/install.sh names the Helm release,
      // which IBM's chart makes the queue manager's name; each sample's CCDT names it.
      name: 'queue manager named by the Helm release in install.sh beside the MQSC, one per sample: the nearest is the one',
      files: {
        'samples/a/deploy/install.sh': 'helm install app-qm ../../../charts/ibm-mq -f values.yaml\n',
        'samples/a/deploy/qm.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        'samples/a/test/ccdt.json': ccdt('APP.SVRCONN', 'appqm', {}),
        'samples/b/deploy/install.sh': '#!/bin/sh\ncrtmqm -q APPQM\nrunmqsc APPQM < qm.mqsc\n',
        'samples/b/deploy/qm.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
        'samples/b/test/ccdt.json': ccdt('APP.SVRCONN', 'APPQM', {}),
      },
      errors: [
        {
          messageId: 'clientNoTls',
          file: 'samples/a/test/ccdt.json',
          line: 4,
          related: [
            { file: 'samples/a/deploy/qm.mqsc', line: 2 },
            { file: 'samples/a/deploy/install.sh', line: 1 },
          ],
        },
      ],
    },
    {
      // jackyng88/external-mq-ocp-connection@1ca7f2e36a9e (no licence file): mq-tls-configmap.yaml holds the MQSC, and
      // mq-queue-manager.yaml beside it is the QueueManager (spec.queueManager.name QUICKSTART) that lists it; the
      // CCDT names QUICKSTART. A QueueManager of another namespace than the ConfigMap's does not apply it.
      name: 'queue manager named by a QueueManager resource in a manifest beside the ConfigMap: judged',
      files: {
        'deploy/mq-configmap.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: appmqsc',
          '  namespace: mq',
          'data:',
          '  app.mqsc: |',
          '    DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)',
          '',
        ].join('\n'),
        'deploy/mq-other.yaml': [
          'apiVersion: mq.ibm.com/v1beta1',
          'kind: QueueManager',
          'metadata:',
          '  name: elsewhere',
          '  namespace: test',
          'spec:',
          '  queueManager:',
          '    name: OTHERQM',
          '    mqsc:',
          '      - configMap:',
          '          name: appmqsc',
          '',
        ].join('\n'),
        'deploy/mq-qmgr.yaml': [
          'apiVersion: mq.ibm.com/v1beta1',
          'kind: QueueManager',
          'metadata:',
          '  name: app-qm',
          'spec:',
          '  queueManager:',
          '    name: APPQM',
          '    mqsc:',
          '      - configMap:',
          '          name: appmqsc',
          '          items:',
          '            - app.mqsc',
          '  version: 9.2.2.0-r1',
          '',
        ].join('\n'),
        'client/ccdt.json': ccdt('APP.SVRCONN', 'APPQM', {}),
        'other/ccdt.json': ccdt('APP.SVRCONN', 'OTHERQM', {}),
      },
      errors: [
        {
          messageId: 'clientNoTls',
          file: 'client/ccdt.json',
          line: 4,
          related: [
            { file: 'deploy/mq-configmap.yaml', line: 8 },
            { file: 'deploy/mq-qmgr.yaml', line: 7 },
          ],
        },
      ],
    },
    {
      // ibm-cloudintegration/mqoncp4i@b5172df gettingstartedqmgr.yaml_template: ConfigMap gettingstartedmqsc and the
      // QueueManager gsmq that lists it under spec.queueManager.mqsc; the test CCDT names queue manager gsmq.
      name: 'queue manager named by the QueueManager resource of the same YAML that applies the ConfigMap: judged',
      files: {
        'deploy/qm.yaml_template': [
          'kind: ConfigMap',
          'metadata:',
          '  name: appmqsc',
          'data:',
          '  app.mqsc: |-',
          '    DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)',
          '---',
          'apiVersion: mq.ibm.com/v1beta1',
          'kind: QueueManager',
          'metadata:',
          '  name: otherqm',
          'spec:',
          '  queueManager:',
          '    mqsc:',
          '      - configMap:',
          '          name: othermqsc',
          '---',
          'apiVersion: mq.ibm.com/v1beta1',
          'kind: QueueManager',
          'metadata:',
          '  name: appqm',
          'spec:',
          '  version: $VERSION',
          '  queueManager:',
          '    mqsc:',
          '      - configMap:',
          '          name: appmqsc',
          '          items:',
          '            - app.mqsc',
          '',
        ].join('\n'),
        'test/ccdt.json': ccdt('APP.SVRCONN', 'appqm', {}),
      },
      errors: [
        {
          messageId: 'clientNoTls',
          file: 'test/ccdt.json',
          line: 4,
          related: [
            { file: 'deploy/qm.yaml_template', line: 6 },
            { file: 'deploy/qm.yaml_template', line: 21 },
          ],
        },
      ],
    },
    {
      // dominikcebula/java-spring-boot-ibm-mq@853d2a6 (MIT) compose.yaml: IBM's MQ image runs the MQSC files of /etc/mqm
      // on the queue manager MQ_QMGR_NAME names (ibm-messaging/mq-container docs/usage.md, README.md).
      name: 'queue manager named by the Compose service that mounts the MQSC into /etc/mqm: judged',
      files: {
        'compose.yaml': [
          'services:',
          '  ibm-mq:',
          '    image: icr.io/ibm-messaging/mq:9.4.3.1-r1',
          '    environment:',
          '      MQ_QMGR_NAME: QM1',
          '    volumes:',
          '      - ./ibm-mq/30-config.mqsc:/etc/mqm/30-config.mqsc:ro',
          '  other-mq:',
          '    image: icr.io/ibm-messaging/mq:9.4.3.1-r1',
          '    environment:',
          '      - MQ_QMGR_NAME=QM2',
          '    volumes:',
          '      - ./other/20-config.mqsc:/etc/mqm/20-config.mqsc',
          '',
        ].join('\n'),
        'ibm-mq/30-config.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        'other/20-config.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
        ...CL(),
      },
      errors: qm1NamedByCompose(),
    },
    {
      // The same service with its name in an env file (Compose reads `env_file:` files as the container's variables,
      // its `environment:` over them): the env file's line names the queue manager.
      name: 'queue manager named by the env file of the Compose service that mounts the MQSC into /etc/mqm: judged',
      files: {
        'compose.yaml': [
          'services:',
          '  ibm-mq:',
          '    image: icr.io/ibm-messaging/mq:9.4.3.1-r1',
          '    env_file: mq.env',
          '    volumes:',
          '      - ./ibm-mq/30-config.mqsc:/etc/mqm/30-config.mqsc:ro',
          '',
        ].join('\n'),
        'mq.env': 'LICENSE=accept\n# the queue manager\nMQ_QMGR_NAME=QM1\n',
        'ibm-mq/30-config.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        ...CL(),
      },
      errors: [
        {
          messageId: 'clientNoTls',
          file: 'client/ccdt.json',
          line: 4,
          related: [
            { file: 'ibm-mq/30-config.mqsc', line: 2 },
            { file: 'mq.env', line: 3 },
            { file: 'compose.yaml', line: 4 },
          ],
        },
      ],
    },
    {
      // WASdev/sample.docker.mq@66c8a2c (Apache-2.0): mq/Dockerfile `COPY config.mqsc /etc/mqm/`, service mqfull
      // `build: mq` with MQ_QMGR_NAME: QM1. The built image holds the MQSC where IBM's image runs it.
      name: 'queue manager named by the Compose service that builds an MQ image holding the MQSC in /etc/mqm: judged',
      files: builtQueueManagers('/etc/mqm/'),
      errors: qm1NamedByCompose({ file: 'ibm-mq/Dockerfile', line: 1 }),
    },
    {
      name: 'a pairing the tree cannot tell, declared in the config links: judged',
      files: { 'samples/dev/20-dev-tls.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'), ...CL() },
      config: {
        links: [
          {
            client: 'mq.ccdt-channel:client/ccdt.json#APP.SVRCONN',
            server: 'mq.svrconn:samples/dev/20-dev-tls.mqsc#APP.SVRCONN',
          },
        ],
      },
      errors: [
        {
          messageId: 'clientNoTls',
          file: 'client/ccdt.json',
          line: 4,
          related: [{ file: 'samples/dev/20-dev-tls.mqsc', line: 2 }],
        },
      ],
    },
  ],
});
