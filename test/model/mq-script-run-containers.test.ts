import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import type { Location } from '../../src/core/types';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/**
 * A script's, Makefile's or CI step's `docker run` (or `podman run`) that runs the tree's MQSC is read as the Compose
 * service it stands for (src/model/mq-script-image-runs.ts runAsService): the queue manager's name (MQ_QMGR_NAME), its
 * object authority manager (MQSNOAUT), the re-enabling switches (AMQ_*) and the release of the image are read from its
 * `-e`/`--env` options and `--env-file` files as from a service's `environment:` and `env_file:`. Shapes of IBM MQ's
 * container docs (ibm-messaging/mq-container@def9638 docs/usage.md: `docker run --env LICENSE=accept --env
 * MQ_QMGR_NAME=QM1 … icr.io/ibm-messaging/mq`) and of test workflows that start it in a step. A run is named where
 * its command names the image (as the image's own scripts name it: ./mq-script-image-runs.ts).
 */
const CHANNEL = "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA)\n";
const IMAGE = 'icr.io/ibm-messaging/mq:9.3.0.0-r1';
const MOUNT = '-v $(pwd)/mq/20-app.mqsc:/etc/mqm/20-app.mqsc';

/** What the tree says about the queue manager of mq/20-app.mqsc, one line a fact, each with its file and line. */
function facts(files: Tree): string[] {
  const root = writeTree({ 'mq/20-app.mqsc': CHANNEL, ...files });
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const channel = result.deployments[0]!.components.find((c) => c.type === 'mq.svrconn');
    if (!channel) return ['(no channel)'];
    const qm = 'qmgr' in channel.attributes ? channel.attributes.qmgr : undefined;
    if (!qm) return ['(no queue manager)'];
    const at = (l: Location) =>
      `${path.relative(root, l.file).split(path.sep).join('/')}:${(l.range?.start.line ?? -1) + 1}`;
    return [
      ...qm.namedBy.map((n) => `name ${n.name} ${at(n.location)}`),
      ...(qm.oamSwitchedOff ? [`MQSNOAUT ${at(qm.oamSwitchedOff.location)}`] : []),
      ...(qm.release ? [`release ${qm.release.value} ${at(qm.release.location)} (${qm.release.via})`] : []),
      ...(qm.releasesByRun ?? []).map((r) => `release by run ${r.value} ${at(r.location)}`),
      ...(qm.environment ?? []).map((e) => `${e.name}=${e.value.value} ${at(e.value.location)}`),
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe("a docker run that runs the MQSC: its container's variables and image, as a Compose service's", () => {
  it.each<[string, Tree, string[]]>([
    [
      // Was: only the image's 10-dev.mqsc read the run (session 64); the name, OAM and release were not.
      'a script elsewhere: name, MQSNOAUT, release and AMQ_* from its options',
      {
        'bin/start.sh': `#!/bin/sh\ndocker run -d -e LICENSE=accept -e MQ_QMGR_NAME=qm2 -e MQSNOAUT=yes \\\n  -e AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_AES_128_CBC_SHA \\\n  -v $(pwd)/../mq/20-app.mqsc:/etc/mqm/20-app.mqsc ${IMAGE}\n`,
      },
      [
        'name QM2 bin/start.sh:2',
        'MQSNOAUT bin/start.sh:2',
        `release 9.3.0.0 bin/start.sh:4 (the docker run at bin/start.sh:4 image ${IMAGE})`,
        'AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_AES_128_CBC_SHA bin/start.sh:3',
      ],
    ],
    [
      '-e NAME without a value takes the caller’s: unknown; a value the shell fills in: unknown',
      {
        'bin/start.sh': `#!/bin/sh\ndocker run -e MQ_QMGR_NAME -e MQSNOAUT=$NOAUT -v $(pwd)/../mq:/etc/mqm ${IMAGE}\n`,
      },
      ['release 9.3.0.0 bin/start.sh:2 (the docker run at bin/start.sh:2 image icr.io/ibm-messaging/mq:9.3.0.0-r1)'],
    ],
    [
      'podman: an --env-file of the tree, -e winning over it',
      {
        'bin/start.sh': `#!/bin/sh\npodman run --env-file ../qm.env -e MQSNOAUT=false -v $(pwd)/../mq:/etc/mqm ${IMAGE}\n`,
        'qm.env': 'MQ_QMGR_NAME=QM3\nMQSNOAUT=yes\n',
      },
      [
        'name QM3 qm.env:1',
        // The tree starts it with podman: messages say so.
        'release 9.3.0.0 bin/start.sh:2 (the podman run at bin/start.sh:2 image icr.io/ibm-messaging/mq:9.3.0.0-r1)',
      ],
    ],
    [
      'a GitHub Actions run: step, from the repository top; ${{ }} is the runner’s',
      {
        '.github/workflows/ci.yml': [
          'jobs:',
          '  it:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: queue manager',
          '        run: |',
          '          docker run -d -e MQ_QMGR_NAME=QM4 -e MQSNOAUT=yes \\',
          `            -e MQ_APP_PASSWORD=\${{ secrets.PW }} ${MOUNT} ${IMAGE}`,
          '',
        ].join('\n'),
      },
      [
        'name QM4 .github/workflows/ci.yml:8',
        'MQSNOAUT .github/workflows/ci.yml:8',
        `release 9.3.0.0 .github/workflows/ci.yml:9 (the docker run at .github/workflows/ci.yml:9 image ${IMAGE})`,
      ],
    ],
    [
      'a GitLab CI script: item over two lines (a plain scalar, joined)',
      {
        '.gitlab-ci.yml': `it:\n  script:\n    - docker run -d -e MQ_QMGR_NAME=QM5\n      ${MOUNT} ${IMAGE}\n`,
      },
      [
        'name QM5 .gitlab-ci.yml:3',
        `release 9.3.0.0 .gitlab-ci.yml:4 (the docker run at .gitlab-ci.yml:4 image ${IMAGE})`,
      ],
    ],
    [
      'a step’s working-directory: where $(pwd) is is not known, so nothing joins',
      {
        '.github/workflows/ci.yml': `jobs:\n  it:\n    steps:\n      - working-directory: tests\n        run: docker run -e MQ_QMGR_NAME=QM6 ${MOUNT} ${IMAGE}\n`,
      },
      [],
    ],
    [
      'two runs naming different releases: each judged by its own',
      {
        'run.sh': `#!/bin/sh\ndocker run ${MOUNT} ${IMAGE}\ndocker run ${MOUNT} icr.io/ibm-messaging/mq:9.4.0.0-r1\n`,
      },
      ['release by run 9.3.0.0 run.sh:2', 'release by run 9.4.0.0 run.sh:3'],
    ],
    [
      'a run of the image a script builds from the Dockerfile that copies the MQSC',
      {
        'mq/Dockerfile': `FROM ${IMAGE}\nCOPY 20-app.mqsc /etc/mqm/\n`,
        'build.sh': '#!/bin/sh\ndocker build -t my-qm mq\ndocker run -d -e MQ_QMGR_NAME=QM7 my-qm\n',
      },
      ['name QM7 build.sh:3', `release 9.3.0.0 mq/Dockerfile:1 (FROM ${IMAGE})`],
    ],
  ])('%s', (_name, files, expected) => {
    expect(facts(files)).toEqual(expected);
  });
});

/**
 * `docker run --name qm1 …` then `docker exec [-i] qm1 runmqsc QM1 < file` (or a heredoc, or `bash -c "echo … |
 * runmqsc"`) in the same script runs the MQSC on the queue manager of that run's container, as an exec into a Compose
 * service's container_name does (src/model/mq-exec.ts): the shape of IBM MQ developer scripts that start the image,
 * then configure it. Of several runs with the name (`docker rm -f qm1`, run again), the latest before the exec.
 */
describe('docker exec into the container a docker run --name of the script starts', () => {
  const RUN = `docker run -d --name qm1 -e LICENSE=accept -e MQSNOAUT=yes ${IMAGE}`;
  const RELEASE = (line: number) => `release 9.3.0.0 run.sh:${line} (the docker run at run.sh:${line} image ${IMAGE})`;
  it.each<[string, Tree, string[]]>([
    [
      'runmqsc reading a tree file: the run’s MQSNOAUT and image',
      { 'run.sh': `#!/bin/sh\n${RUN}\ndocker exec -i qm1 runmqsc QM1 < mq/20-app.mqsc\n` },
      ['name QM1 run.sh:3', 'MQSNOAUT run.sh:2', RELEASE(2)],
    ],
    [
      'a heredoc, the container’s name in a variable',
      {
        'mq/20-app.mqsc': '* none\n',
        'run.sh': `#!/bin/sh\nC=qm1\ndocker run -d --name "$C" -e MQSNOAUT=yes ${IMAGE}\ndocker exec -i $C runmqsc QM1 <<EOF\n${CHANNEL}EOF\n`,
      },
      ['name QM1 run.sh:4', 'MQSNOAUT run.sh:3', RELEASE(3)],
    ],
    [
      'echo piped to runmqsc by bash -c in the container',
      {
        'mq/20-app.mqsc': '* none\n',
        'run.sh': `#!/bin/sh\n${RUN}\ndocker exec qm1 bash -c "echo \\"${CHANNEL.trim()}\\" | runmqsc QM1"\n`,
      },
      ['MQSNOAUT run.sh:2', RELEASE(2)],
    ],
    [
      'docker rm -f, then run again: the latest run before the exec',
      {
        'run.sh': `#!/bin/sh\n${RUN}\ndocker rm -f qm1\ndocker run -d --name=qm1 -e MQSNOAUT=no ${IMAGE}\ndocker exec -i qm1 runmqsc QM1 < mq/20-app.mqsc\n`,
      },
      ['name QM1 run.sh:5', RELEASE(4)],
    ],
    [
      'an exec before the run, or into another name: only the queue manager name the exec writes',
      {
        'run.sh': `#!/bin/sh\ndocker exec -i qm1 runmqsc QM1 < mq/20-app.mqsc\n${RUN}\ndocker exec -i qm2 runmqsc QM1 < mq/20-app.mqsc\n`,
      },
      ['name QM1 run.sh:2'],
    ],
    [
      'a Compose service with the same container_name: which container is not known',
      {
        'docker-compose.yml': `services:\n  mq:\n    image: ${IMAGE}\n    container_name: qm1\n`,
        'run.sh': `#!/bin/sh\n${RUN}\ndocker exec -i qm1 runmqsc QM1 < mq/20-app.mqsc\n`,
      },
      ['name QM1 run.sh:3'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(facts(files)).toEqual(expected);
  });
});
