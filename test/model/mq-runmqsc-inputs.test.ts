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
    const qmgr = channel && 'qmgr' in channel.attributes ? channel.attributes.qmgr : undefined;
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
  ])('%s', (_name, files, expected) => {
    expect(namedBy(files)).toEqual(expected);
  });
});
