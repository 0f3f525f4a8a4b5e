import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

const MQSC = "* developer channel\nDEFINE CHANNEL('DEV.ADMIN.SVRCONN') CHLTYPE(SVRCONN) REPLACE\n";
const COPY = 'FROM ubuntu:22.04\nCOPY mq-dev-config /etc/mqm/mq-dev-config\nCOPY *.sh /usr/local/bin/\n';

/** The SVRCONN channels the tree reads, each with its file and the queue managers the tree names for it. */
function channelsRead(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments
      .flatMap((d) => d.components)
      .filter((c) => c.type === 'mq.svrconn')
      .map((c) => {
        const qmgr = 'qmgr' in c.attributes ? c.attributes.qmgr : undefined;
        const names = (qmgr?.namedBy ?? [])
          .map((n) => ` ${n.name} ${path.relative(root, n.location.file)}:${(n.location.range?.start.line ?? -1) + 1}`)
          .join('');
        return `${c.name.replace(/^SVRCONN channel /, '')} ${path.relative(root, c.location.file)}${names}`;
      })
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('files a script feeds runmqsc are read as MQSC whatever their name', () => {
  it.each<[string, Tree, string[]]>([
    [
      "mq-docker's shape: COPY mq-dev-config /etc/mqm/, runmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config",
      {
        Dockerfile: COPY,
        'mq-dev-config': MQSC,
        'mq-dev-config.sh': '#!/bin/bash\nrunmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config\n',
      },
      ['DEV.ADMIN.SVRCONN mq-dev-config'],
    ],
    [
      'the same through a COPY of its directory, the queue manager written',
      {
        Dockerfile: 'FROM ubuntu:22.04\nCOPY config/ /etc/mqm/\nCOPY setup.sh /usr/local/bin/setup.sh\n',
        'config/commands': MQSC,
        'setup.sh': '#!/bin/bash\nrunmqsc QM1 < /etc/mqm/commands\n',
      },
      ['DEV.ADMIN.SVRCONN config/commands QM1 setup.sh:2'],
    ],
    [
      "in /etc/mqm of IBM MQ's developer image but not *.mqsc: crtmqm -ic does not apply it, so the image's own scripts do not join it",
      {
        Dockerfile: COPY.replace('ubuntu:22.04', 'ibmcom/mq:9.3.0.0'),
        'mq-dev-config': MQSC,
        'mq-dev-config.sh': '#!/bin/bash\nrunmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config\n',
      },
      ['DEV.ADMIN.SVRCONN mq-dev-config'],
    ],
    [
      "the same named *.mqsc: applied at start with the image's own scripts (DEV.APP.SVRCONN is theirs)",
      {
        Dockerfile: COPY.replace('ubuntu:22.04', 'ibmcom/mq:9.3.0.0').replaceAll('mq-dev-config', 'dev.mqsc'),
        'dev.mqsc': MQSC,
        'mq-dev-config.sh': '#!/bin/bash\nrunmqsc ${MQ_QMGR_NAME} < /etc/mqm/dev.mqsc\n',
      },
      ['DEV.ADMIN.SVRCONN dev.mqsc', 'DEV.APP.SVRCONN Dockerfile'],
    ],
    [
      'a relative path from the script, with the queue manager it names',
      { 'mq/qm1.cfg': MQSC, 'bin/setup.sh': '#!/bin/sh\nrunmqsc QM1 < ../mq/qm1.cfg\n' },
      ['DEV.ADMIN.SVRCONN mq/qm1.cfg QM1 bin/setup.sh:2'],
    ],
    [
      'cat file | runmqsc, a .txt',
      { 'mq/commands.txt': MQSC, 'bin/setup.sh': '#!/bin/sh\ncat mq/commands.txt | runmqsc QM2\n' },
      ['DEV.ADMIN.SVRCONN mq/commands.txt QM2 bin/setup.sh:2'],
    ],
    [
      'an absolute path no COPY puts a tree file at: unread',
      { 'mq-dev-config': MQSC, 'setup.sh': '#!/bin/bash\nrunmqsc QM1 < /etc/mqm/mq-dev-config\n' },
      [],
    ],
    [
      "kimptoc's shape: the feeding script gives the file's channel an SSLCIPH of its own later (in a function it calls once): read, joined to that MQSC",
      {
        Dockerfile: COPY,
        'mq-dev-config': MQSC,
        'mq-dev-config.sh': [
          '#!/bin/bash',
          'configure_tls() {',
          '  su -l mqm -c "echo \\"ALTER CHANNEL(\'DEV.ADMIN.SVRCONN\') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)\\" | runmqsc $1"',
          '}',
          'runmqsc $1 < /etc/mqm/mq-dev-config',
          'configure_tls $1',
          '',
        ].join('\n'),
      },
      ['DEV.ADMIN.SVRCONN mq-dev-config'],
    ],
    [
      'a script that changes other channels: the file is read, joined to its MQSC',
      {
        Dockerfile: COPY,
        'mq-dev-config': MQSC,
        'mq-dev-config.sh':
          "#!/bin/bash\nrunmqsc QM1 < /etc/mqm/mq-dev-config\necho \"ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app')\" | runmqsc QM1\n",
      },
      // (a script beside the file names its queue manager twice: once as its feeder, once as a script beside it)
      [
        'DEV.ADMIN.SVRCONN mq-dev-config QM1 mq-dev-config.sh:2 QM1 mq-dev-config.sh:2',
        'DEV.APP.SVRCONN mq-dev-config.sh QM1 mq-dev-config.sh:2 QM1 mq-dev-config.sh:2',
      ],
    ],
    [
      "the script changes the file's channel in the other branch of an if: that MQSC joins no stream with the file, which stays unread",
      {
        Dockerfile: COPY,
        'mq-dev-config': MQSC,
        'mq-dev-config.sh': [
          '#!/bin/bash',
          'if [ -z "$TLS" ]; then',
          '  runmqsc QM1 < /etc/mqm/mq-dev-config',
          'else',
          '  echo "ALTER CHANNEL(\'DEV.ADMIN.SVRCONN\') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)" | runmqsc QM1',
          'fi',
          '',
        ].join('\n'),
      },
      ['DEV.ADMIN.SVRCONN mq-dev-config.sh QM1 mq-dev-config.sh:3'],
    ],
    [
      'a file named like source or data is never read as MQSC',
      { 'mq.json': MQSC, 'setup.sh': '#!/bin/sh\nrunmqsc QM1 < mq.json\n' },
      [],
    ],
    [
      'a file whose content is no MQSC stays unread',
      { 'mq-config': 'CHANNEL=DEV.ADMIN.SVRCONN\n', 'setup.sh': '#!/bin/sh\nrunmqsc QM1 < mq-config\n' },
      [],
    ],
    ['a file no runmqsc reads stays unread', { 'mq-config': MQSC, 'setup.sh': '#!/bin/sh\nrunmqsc QM1 < other\n' }, []],
  ])('%s', (_name, files, expected) => {
    expect(channelsRead(files)).toEqual(expected);
  });
});
