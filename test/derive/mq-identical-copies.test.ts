import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

// sujatha-sureshkmr/CP4I-Messaging shape: the same dmpmqcfg dump in several lab directories, each beside a script
// that feeds it to runmqsc.
const DUMP = "ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(DEV.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')\n";
const FEED = (qm: string) => `#!/bin/sh\nrunmqsc ${qm} < lab.mqsc\n`;

/** Each MQ finding as `rule file:line`, with the files of its related places that are MQSC files. */
function mqFindings(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.findings
      .filter((f) => f.ruleId.startsWith('mq/'))
      .map((f) => {
        const file = (p: string) => p.slice(root.length + 1);
        const copies = (f.related ?? [])
          .filter((r) => r.message.includes('byte-identical copy'))
          .map((r) => file(r.file));
        return `${f.ruleId} ${file(f.location.file)}:${f.location.range?.start.line}${copies.length ? ` + ${copies.join(', ')}` : ''}`;
      })
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Each file's own findings: nothing folded. */
const BOTH = [
  'mq/channel-runs-as-admin a/lab.mqsc:1',
  'mq/channel-runs-as-admin b/lab.mqsc:1',
  'mq/channel-without-tls a/lab.mqsc:1',
  'mq/channel-without-tls b/lab.mqsc:1',
  'mq/chlauth-disabled a/lab.mqsc:0',
  'mq/chlauth-disabled b/lab.mqsc:0',
];

describe('byte-identical MQSC copies of one queue manager', () => {
  it.each<[string, Tree, string[]]>([
    [
      'one queue manager named by each copy: the first file reports, the copies are related places',
      { 'a/lab.mqsc': DUMP, 'a/load.sh': FEED('QM1'), 'b/lab.mqsc': DUMP, 'b/load.sh': FEED('QM1') },
      [
        'mq/channel-runs-as-admin a/lab.mqsc:1 + b/lab.mqsc',
        'mq/channel-without-tls a/lab.mqsc:1 + b/lab.mqsc',
        'mq/chlauth-disabled a/lab.mqsc:0 + b/lab.mqsc',
      ],
    ],
    [
      'two queue managers fed the same text: both are real',
      { 'a/lab.mqsc': DUMP, 'a/load.sh': FEED('QM1'), 'b/lab.mqsc': DUMP, 'b/load.sh': FEED('QM2') },
      BOTH,
    ],
    ['copies nothing names: may be two queue managers, both report', { 'a/lab.mqsc': DUMP, 'b/lab.mqsc': DUMP }, BOTH],
    [
      'files that differ by a byte: each its own',
      { 'a/lab.mqsc': DUMP, 'a/load.sh': FEED('QM1'), 'b/lab.mqsc': `${DUMP}\n`, 'b/load.sh': FEED('QM1') },
      BOTH,
    ],
  ])('%s', (_name, files, expected) => {
    expect(mqFindings(files)).toEqual(expected);
  });
});
