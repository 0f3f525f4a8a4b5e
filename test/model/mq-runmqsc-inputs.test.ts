import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

const CHANNEL = "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(ANY_TLS12_OR_HIGHER)\n";

/** The queue manager names the tree gives the MQSC of mqsc/dev.mqsc, each with the file and line (one-based) naming it. */
function namedBy(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const channel = result.deployments[0]!.components.find((c) => c.type === 'mq.svrconn');
    // A tree whose channel is not read names nothing either: say so, so that no case passes for that reason.
    if (!channel) return ['(no channel)'];
    const qmgr = 'qmgr' in channel.attributes ? channel.attributes.qmgr : undefined;
    return (qmgr?.namedBy ?? []).map(
      (n) => `${n.name} ${path.relative(root, n.location.file)}:${(n.location.range?.start.line ?? -1) + 1}`,
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('queue manager names from the scripts that feed an MQSC file to runmqsc', () => {
  it.each<[string, Tree, string[]]>([
    [
      "a file a Compose service's bind mount puts in its container, which runmqsc there reads by the container's path",
      {
        'mqsc/dev.mqsc': CHANNEL,
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    container_name: qm1\n    volumes:\n      - ./mqsc:/opt/mqsc\n',
        'setup.sh': '#!/bin/sh\ndocker compose up -d\ndocker exec qm1 sh -c "runmqsc QM1 < /opt/mqsc/dev.mqsc"\n',
      },
      ['QM1 setup.sh:3'],
    ],
    [
      'the same path in a container that mounts nothing there: a host path outside the tree, nothing tied',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    container_name: qm1\n    volumes:\n      - ./other:/opt/mqsc\n',
        'setup.sh': '#!/bin/sh\ndocker exec qm1 sh -c "runmqsc QM1 < /opt/mqsc/dev.mqsc"\n',
      },
      [],
    ],
    [
      'runmqsc QM7 < the file, from a script in another directory',
      { 'mqsc/dev.mqsc': CHANNEL, 'scripts/setup.sh': '#!/bin/sh\nrunmqsc QM7 < ../mqsc/dev.mqsc\n' },
      ['QM7 scripts/setup.sh:2'],
    ],
    [
      'a name the script assigns once, through docker exec, from the deployment root',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'bin/up.sh': '#!/bin/bash\nQMGR=qm7\ndocker exec -i mq runmqsc "$QMGR" < mqsc/dev.mqsc\n',
      },
      ['QM7 bin/up.sh:3'],
    ],
    [
      'another file fed to runmqsc names nothing for this one',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'mqsc/other.mqsc': 'DISPLAY QMGR\n',
        'scripts/setup.sh': '#!/bin/sh\nrunmqsc QM7 < ../mqsc/other.mqsc\n',
      },
      [],
    ],
    [
      'a name given at run time names nothing',
      { 'mqsc/dev.mqsc': CHANNEL, 'scripts/setup.sh': '#!/bin/sh\nrunmqsc "$1" < ../mqsc/dev.mqsc\n' },
      [],
    ],
    [
      'runmqsc "$1" in a shell function: the queue manager of each call that writes it',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'scripts/setup.sh': '#!/bin/bash\nrun() {\n  runmqsc "$1" < ../mqsc/dev.mqsc\n}\nrun QM1\nrun qm2\nrun "$QM"\n',
      },
      ['QM1 scripts/setup.sh:5', 'QM2 scripts/setup.sh:6'],
    ],
    [
      'a local the function gives $2, on one line with braces: run() { local qm=$2; runmqsc ${qm} < …; }',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'scripts/setup.sh':
          '#!/bin/bash\nfunction run {\n  local ctr="$1" qm="$2"\n  docker exec -i "$ctr" runmqsc ${qm} < ../mqsc/dev.mqsc\n}\nrun mq1 QMA\n',
      },
      ['QMA scripts/setup.sh:6'],
    ],
    [
      'a function called from nowhere names nothing',
      {
        'mqsc/dev.mqsc': CHANNEL,
        'scripts/setup.sh': '#!/bin/bash\nrun() {\n  runmqsc "$1" < ../mqsc/dev.mqsc\n}\n',
      },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(namedBy(files)).toEqual(expected);
  });
});

/** The queue manager names the tree gives the MQSC a script writes in a heredoc (or echoes) to runmqsc. */
describe('queue manager names of a runmqsc heredoc given through a variable or a function argument', () => {
  const heredoc = (command: string) => `  ${command} <<EOF\n${CHANNEL}EOF\n`;
  it.each<[string, Tree, string[]]>([
    [
      'runmqsc ${QMGR} <<EOF after QMGR=QM1: that name, at the command',
      { 'mq/setup.sh': `#!/bin/bash\nQMGR=QM1\n${heredoc('runmqsc ${QMGR}')}` },
      ['QM1 mq/setup.sh:3'],
    ],
    [
      'QMGR assigned twice: unknown',
      { 'mq/setup.sh': `#!/bin/bash\nQMGR=QM1\n[ -n "$X" ] && QMGR=QM2\n${heredoc('runmqsc $QMGR')}` },
      [],
    ],
    [
      "the script's default (${QMGR:-QM1}) of a variable it never assigns: the name it runs with unless its environment sets one",
      { 'mq/setup.sh': `#!/bin/bash\n${heredoc('runmqsc ${QMGR:-QM1}')}` },
      ['QM1 mq/setup.sh:2'],
    ],
    [
      'a loop variable: unknown',
      { 'mq/setup.sh': `#!/bin/bash\nfor qm in QM1 QM2; do\n${heredoc('runmqsc $qm')}done\n` },
      [],
    ],
    [
      'runmqsc "$1" <<EOF in a function called for QM1 and QM2: both, each at its call',
      { 'mq/setup.sh': `#!/bin/bash\nconfigure() {\n${heredoc('runmqsc "$1"')}}\nconfigure QM1\nconfigure QM2\n` },
      ['QM1 mq/setup.sh:7', 'QM2 mq/setup.sh:8'],
    ],
    [
      'echo "…" | runmqsc $1 in a function: the call',
      {
        'mq/setup.sh':
          '#!/bin/bash\ndefine() {\n  echo "DEFINE CHANNEL(\'APP.SVRCONN\') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)" | runmqsc $1\n}\ndefine QMX\n',
      },
      ['QMX mq/setup.sh:5'],
    ],
    [
      "a single-quoted -c string: the inner shell expands $1 (its own, empty), not the function's",
      {
        'mq/setup.sh': `#!/bin/bash\nconfigure() {\n  su mqm -c 'runmqsc $1' <<EOF\n${CHANNEL}EOF\n}\nconfigure QM1\n`,
      },
      [],
    ],
    [
      'docker exec "$cname" bash -lc "cat <<\'MQSC\' | runmqsc ${qmgr}" with local qmgr="$2" (aztekmq/ibmMQArchitectureLab\'s define_dev_objects shape)',
      {
        'mq/build.sh': [
          '#!/bin/bash',
          'define_dev_objects() {',
          '  local cname="$1" qmgr="$2"',
          `  docker exec "$cname" bash -lc "cat <<'MQSC' | runmqsc \${qmgr}`,
          CHANNEL.trimEnd(),
          'MQSC"',
          '}',
          'define_dev_objects qmcoord QMCOORD',
          'define_dev_objects qmcmd QMCMD',
          '',
        ].join('\n'),
      },
      ['QMCOORD mq/build.sh:8', 'QMCMD mq/build.sh:9'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(namedBy(files)).toEqual(expected);
  });
});
