import rule from '../../../src/rules/mq/oam-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const configMap = (mqsc: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm1-mqsc\ndata:\n  qm1.mqsc: |\n${mqsc
    .split('\n')
    .filter(Boolean)
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
const queueManager = (env: string, container = 'qmgr') =>
  `apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: qm1\nspec:\n  queueManager:\n    name: QM1\n    mqsc:\n      - configMap:\n          name: qm1-mqsc\n          items:\n            - qm1.mqsc\n  template:\n    pod:\n      containers:\n        - env:\n${env}          name: ${container}\n`;
const snoaut = (value: string) => `            - name: MQSNOAUT\n              value: ${value}\n`;
const appChannel = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app')\n";

// ibm-cloudintegration/mqoncp4i-2025@f45ab428425a MQonCP4I/multiinstance/deploy/mqmultiinstance.yaml_template: the
// channel's name is a variable the deploy script fills in, MQSNOAUT a literal of the QueueManager.
const templatedTree = (mqsc: string) =>
  [
    'kind: ConfigMap',
    'metadata:',
    '  name: $QMpre-mqsc',
    'data:',
    '  app.mqsc: |-',
    ...mqsc
      .split('\n')
      .filter(Boolean)
      .map((l) => `    ${l}`),
    '---',
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    '  name: $QMpre-mq',
    'spec:',
    '  queueManager:',
    '    name: $QMname',
    '    mqsc:',
    '      - configMap:',
    '          name: $QMpre-mqsc',
    '          items:',
    '            - app.mqsc',
    '  template:',
    '    pod:',
    '      containers:',
    '        - env:',
    '            - name: MQSNOAUT',
    "              value: 'yes'",
    '          name: qmgr',
    '',
  ].join('\n');
const templatedChannel =
  "DEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')\n";

/** MQSNOAUT of qm1 (docker-compose.yml:8) reported for config/app.mqsc, which the script line `line` runs in its container. */
const appChannelFedBy = (line: number) => [
  {
    messageId: 'disabled',
    file: 'docker-compose.yml',
    line: 8,
    messageIncludes: ['APP.SVRCONN'],
    related: [
      { file: 'config/app.mqsc', line: 1 },
      { file: 'build_mq.sh', line },
    ],
  },
];

ruleTester(rule, {
  valid: [
    {
      name: 'no MQSNOAUT in the qmgr container',
      files: {
        'mq/qm.yaml': queueManager('            - name: MQ_ENABLE_METRICS\n              value: "true"\n'),
        'mq/cm.yaml': configMap(appChannel),
      },
    },
    {
      name: "a Compose service that builds the image sets MQSNOAUT empty: the container's value decides",
      files: {
        Dockerfile: 'FROM icr.io/ibm-messaging/mq:9.4.0.0-r1\nENV MQSNOAUT=true\nCOPY 20-config.mqsc /etc/mqm/\n',
        '20-config.mqsc': appChannel,
        'compose.yaml': 'services:\n  qm:\n    build: .\n    environment:\n      MQSNOAUT: ""\n',
      },
    },
    {
      name: 'the MQSC is copied into another container than the one started with MQSNOAUT',
      files: {
        'app.mqsc': appChannel,
        'run.sh':
          '#!/bin/bash\ndocker run -d --name qm1 -e MQSNOAUT=yes icr.io/ibm-messaging/mq:9.4.0.0-r1\ndocker cp app.mqsc qm2:/tmp/\ndocker exec qm1 bash -c "runmqsc QM1 < /tmp/app.mqsc"\ndocker exec qm2 bash -c "runmqsc QM2 < /tmp/app.mqsc"\n',
      },
    },
    {
      name: 'MQSNOAUT=no is not read as set',
      files: { 'mq/qm.yaml': queueManager(snoaut("'no'")), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'a templated value is unknown, not set',
      files: { 'mq/qm.yaml': queueManager(snoaut("'{{ .Values.noauth }}'")), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'in another container than qmgr',
      files: { 'mq/qm.yaml': queueManager(snoaut("'yes'"), 'sidecar'), 'mq/cm.yaml': configMap(appChannel) },
    },
    {
      name: 'a QueueManager that applies another ConfigMap',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")).replace('name: qm1-mqsc', 'name: other-mqsc'),
        'mq/cm.yaml': configMap(appChannel),
      },
    },
  ],
  invalid: [
    {
      name: 'QueueManager CR beside the ConfigMap (jackyng88/external-mq-ocp-connection shape): MCAUSER app, CONNAUTH as shipped',
      files: { 'mq/qm.yaml': queueManager(snoaut("'yes'")), 'mq/cm.yaml': configMap(appChannel) },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          messageIncludes: ['MQSNOAUT=yes', 'APP.SVRCONN'],
          related: [{ file: 'mq/cm.yaml', line: 7 }],
        },
      ],
    },
    {
      name: 'with CONNAUTH off and CHLAUTH off anyone administers the queue manager: error',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")),
        'mq/cm.yaml': configMap(`ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\n${appChannel}`),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          severity: 'error',
          messageIncludes: ['without a certificate or a password'],
          related: [{ file: 'mq/cm.yaml', line: 8 }],
        },
      ],
    },
    {
      // ibm-messaging/mq-container-mft@3d7fa11 (no licence file) external-how-to-docs/sample-deployments qm.yaml + qmconfig.yaml shape: CONNAUTH as
      // shipped checks administrators' passwords, but the OAM is what checks them, and MQSNOAUT leaves it out.
      name: 'CONNAUTH as shipped and CHLAUTH off: without the OAM no password is checked, anyone administers: error',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")),
        'mq/cm.yaml': configMap('ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)\n'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          severity: 'error',
          messageIncludes: [
            'without a certificate or a password',
            'APP.SVRCONN (SVRCONN: client-asserted user, administrator (mqm) possible, password not checked)',
          ],
        },
      ],
    },
    {
      // MCAUSER('no!body') keeps a channel shut only because the OAM finds no such user to authorise: MQSNOAUT leaves the
      // OAM out (IBM MQ: with the authorization service removed "no authorization checks are made"), so it runs open.
      name: "MCAUSER('no!body') does not shut a channel without the OAM: anyone administers: error",
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")),
        'mq/cm.yaml': configMap(
          "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('no!body')\n",
        ),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          severity: 'error',
          messageIncludes: ['without a certificate or a password', 'APP.SVRCONN'],
        },
      ],
    },
    {
      // MQ_DEV=false: without it the image's own 10-dev.mqsc applies, whose back-stop CHLAUTH('*') NOACCESS blocks APP.SVRCONN.
      name: 'Compose service that mounts the MQSC into /etc/mqm',
      files: {
        'compose.yaml':
          'services:\n  qm:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    environment:\n      LICENSE: accept\n      MQ_QMGR_NAME: QM1\n      MQSNOAUT: "yes"\n      MQ_DEV: "false"\n    volumes:\n      - ./mq/20-config.mqsc:/etc/mqm/20-config.mqsc\n',
        'mq/20-config.mqsc': appChannel,
      },
      errors: [
        { messageId: 'disabled', file: 'compose.yaml', line: 7, related: [{ file: 'mq/20-config.mqsc', line: 1 }] },
      ],
    },
    {
      // The same service with its variables in an env file: Compose gives them to the container as `environment:` does.
      name: 'Compose service that mounts the MQSC into /etc/mqm, MQSNOAUT in its env file',
      files: {
        'compose.yaml':
          'services:\n  qm:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    env_file: ./qm.env\n    volumes:\n      - ./mq/20-config.mqsc:/etc/mqm/20-config.mqsc\n',
        'qm.env': 'LICENSE=accept\nMQ_QMGR_NAME=QM1\nMQSNOAUT=yes\nMQ_DEV=false\n',
        'mq/20-config.mqsc': appChannel,
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'qm.env',
          line: 3,
          related: [
            { file: 'mq/20-config.mqsc', line: 1 },
            { file: 'compose.yaml', line: 4 },
          ],
        },
      ],
    },
    {
      // fvelasar/rtvs-openshif's shape (sweep54): the image's own ENV, its Dockerfile copying the MQSC into /etc/mqm.
      name: 'a Dockerfile FROM the MQ image with ENV MQSNOAUT that copies the MQSC into /etc/mqm',
      files: {
        Dockerfile:
          'FROM icr.io/ibm-messaging/mq:9.4.0.0-r1\nENV LICENSE=accept MQ_QMGR_NAME=QM1 MQ_DEV=false\nENV MQSNOAUT=true\nCOPY 20-config.mqsc /etc/mqm/\n',
        '20-config.mqsc': appChannel,
      },
      errors: [{ messageId: 'disabled', file: 'Dockerfile', line: 3, related: [{ file: '20-config.mqsc', line: 1 }] }],
    },
    {
      name: 'a Compose service that builds the MQ image holding the MQSC sets MQSNOAUT itself (the image sets none)',
      files: {
        'mq/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.0-r1\nENV MQ_DEV=false\nCOPY 20-config.mqsc /etc/mqm/\n',
        'mq/20-config.mqsc': appChannel,
        'compose.yaml':
          'services:\n  qm:\n    build: ./mq\n    environment:\n      LICENSE: accept\n      MQSNOAUT: "yes"\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'compose.yaml',
          line: 6,
          messageIncludes: ['APP.SVRCONN'],
          related: [
            { file: 'mq/20-config.mqsc', line: 1 },
            { file: 'mq/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: "a Compose service that builds the image sets MQSNOAUT over the image's ENV MQSNOAUT=no",
      files: {
        Dockerfile: 'FROM ibmcom/mq:9.2.0.0-r1\nENV MQ_DEV=false MQSNOAUT=no\nCOPY 20-config.mqsc /etc/mqm/\n',
        '20-config.mqsc': appChannel,
        'compose.yaml': 'services:\n  qm:\n    build: .\n    env_file: qm.env\n',
        'qm.env': 'LICENSE=accept\nMQSNOAUT=true\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'qm.env',
          line: 2,
          related: [
            { file: '20-config.mqsc', line: 1 },
            { file: 'Dockerfile', line: 1 },
            { file: 'compose.yaml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'a docker run of the MQ image a script builds sets -e MQSNOAUT=yes',
      files: {
        Dockerfile: 'FROM icr.io/ibm-messaging/mq:9.4.0.0-r1\nENV MQ_DEV=false\nCOPY 20-config.mqsc /etc/mqm/\n',
        '20-config.mqsc': appChannel,
        'run.sh':
          '#!/bin/sh\ndocker build -t my-qm .\ndocker run -d -e LICENSE=accept -e MQSNOAUT=yes -p 1414:1414 my-qm\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'run.sh',
          line: 3,
          related: [
            { file: '20-config.mqsc', line: 1 },
            { file: 'Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // aztekmq/ibmMQArchitectureLab@8a4b3d6's shape: services named by container_name, MQSC run by a script's docker exec.
      name: 'Compose service whose container a script runs the MQSC in (docker exec <container_name> runmqsc)',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    container_name: qm1\n    environment:\n      - LICENSE=accept\n      - MQ_QMGR_NAME=QM1\n      - MQSNOAUT=yes\n',
        'build_mq.sh': `#!/bin/bash\ndocker compose up -d\ndocker exec -i qm1 runmqsc QM1 <<'EOF'\n${appChannel}EOF\n`,
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'docker-compose.yml',
          line: 8,
          messageIncludes: ['APP.SVRCONN'],
          related: [{ file: 'build_mq.sh', line: 4 }],
        },
      ],
    },
    {
      name: "Compose service that mounts the MQSC's directory, read in its container by that path (podman exec … sh -c 'runmqsc QM1 < /opt/mqsc/app.mqsc')",
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    container_name: qm1\n    environment:\n      - LICENSE=accept\n      - MQ_QMGR_NAME=QM1\n      - MQSNOAUT=yes\n    volumes:\n      - ./config:/opt/mqsc\n',
        'config/app.mqsc': appChannel,
        'build_mq.sh': "#!/bin/bash\npodman exec qm1 sh -c 'runmqsc QM1 < /opt/mqsc/app.mqsc'\n",
      },
      errors: appChannelFedBy(2),
    },
    {
      name: 'Compose service whose container a script feeds the MQSC file to (docker exec -i <container_name> runmqsc < file)',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    container_name: qm1\n    environment:\n      - LICENSE=accept\n      - MQ_QMGR_NAME=QM1\n      - MQSNOAUT=yes\n',
        'config/app.mqsc': appChannel,
        'build_mq.sh':
          '#!/bin/bash\ndocker compose up -d\ndocker exec -i qm1 runmqsc QM1 < "$(dirname "$0")/config/app.mqsc"\n',
      },
      errors: appChannelFedBy(3),
    },
    {
      // ibm-messaging/mq-container-mft's run-with-podman/run-test.sh shape: the MQSC copied into the named container,
      // then run there by the container's path.
      name: 'a docker run --name container the script copies the MQSC into (docker cp) and runs it in (bash -c "runmqsc < /tmp/…")',
      files: {
        'config/app.mqsc': appChannel,
        'run.sh':
          '#!/bin/bash\ndocker run -d --name qm1 -e LICENSE=accept -e MQSNOAUT=yes icr.io/ibm-messaging/mq:9.4.0.0-r1\ndocker cp ./config/app.mqsc qm1:/run\ndocker cp ./setauth.sh qm1:/run\ndocker exec -it qm1 /bin/bash -c "runmqsc QM1 < /run/app.mqsc"\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'run.sh',
          line: 2,
          messageIncludes: ['APP.SVRCONN'],
          related: [
            { file: 'config/app.mqsc', line: 1 },
            { file: 'run.sh', line: 5 },
          ],
        },
      ],
    },
    {
      // IBM's back-stop pattern (SET CHLAUTH('*') … USERSRC(NOACCESS), then a rule per channel that lets its clients
      // in): the channel's name is what its rule matches, so the name decides who gets in.
      name: 'CONNAUTH off and a CHLAUTH rule that maps everyone on the channel to a user: anyone gets in by that name, error',
      files: {
        'mq/qm.yaml': queueManager(snoaut("'yes'")),
        'mq/cm.yaml': configMap(
          [
            "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')",
            "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)",
            "SET CHLAUTH('APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(MAP) MCAUSER('app')",
            'DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP)',
          ].join('\n'),
        ),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'mq/qm.yaml',
          line: 18,
          severity: 'error',
          messageIncludes: ['without a certificate or a password'],
          related: [{ file: 'mq/cm.yaml', line: 10 }],
        },
      ],
    },
    {
      name: 'a literal MQSNOAUT with a templated channel name: the channel is an example, the warning stands',
      files: { 'deploy/mq.yaml_template': templatedTree(templatedChannel) },
      errors: [
        {
          messageId: 'disabled',
          file: 'deploy/mq.yaml_template',
          line: 25,
          severity: 'warning',
          messageIncludes: ['MQSNOAUT=yes', '$CHANNEL'],
          messageExcludes: ['depends on template value'],
          related: [{ file: 'deploy/mq.yaml_template', line: 6 }],
        },
      ],
    },
    {
      // mqoncp4i-2025@f45ab428425a MQonCP4I/unicluster/deploy/unicluster.yaml_template: CHLAUTH(DISABLED), so no record
      // matches any channel by name, and whatever TO_$UNICLUS becomes, anyone gets in.
      name: 'CHLAUTH(DISABLED): a templated channel that lets anyone in is an example, the error stands',
      files: {
        'deploy/mq.yaml_template': templatedTree(`ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\n${templatedChannel}`),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'deploy/mq.yaml_template',
          line: 26,
          severity: 'error',
          messageIncludes: ['without a certificate or a password', '$CHANNEL'],
          messageExcludes: ['depends on template value'],
        },
      ],
    },
    {
      // With CHLAUTH(ENABLED) the default SET CHLAUTH('SYSTEM.*') … USERSRC(NOACCESS) refuses a channel named SYSTEM.…:
      // the name the template gives decides whether anyone gets in.
      // Whether anyone gets in depends on the template value (SYSTEM.* would be refused): not the error; MQSNOAUT, which
      // the tree states, still makes the warning rather than an info unknown until rendered.
      name: 'CHLAUTH(ENABLED): a templated channel that may let anyone in does not decide; MQSNOAUT alone is the warning',
      files: {
        'deploy/mq.yaml_template': templatedTree(
          `ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\n${templatedChannel.replace('TRPTYPE(TCP)', "TRPTYPE(TCP) MCAUSER('app')")}`,
        ),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'deploy/mq.yaml_template',
          line: 26,
          severity: 'warning',
          messageIncludes: ["unless SET CHLAUTH('SYSTEM.*') ADDRESSMAP matches $CHANNEL"],
          messageExcludes: ['without a certificate or a password', 'depends on template value'],
        },
      ],
    },
  ],
});
