/**
 * Each MQSC script's effective channel authentication records are derived once per deployment (derive.ts
 * mqChannelAccess): the access decisions and the mq/* rules that list records read the same answer, which is
 * effectiveChlauthRecords' (a script with CHLAUTH(DISABLED) too: the rules read its records whatever the state).
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { effectiveChlauthRecords } from '../../src/model/mq-chlauth-records';
import type { MqscData } from '../../src/parse/mqsc';
import type { ParsedDocument } from '../../src/parse/types';
import { writeTree, type Tree } from '../helpers/rule-tester';

const CHANNEL =
  "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(ANY_TLS12_OR_HIGHER) MCAUSER('app')\n";
const BACKSTOP = "SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\n";
const REMOVED = "SET CHLAUTH('SYSTEM.*') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n";

/** The derived records of each script (by file name) and whether each equals effectiveChlauthRecords' answer. */
function derivedRecords(files: Tree): Record<string, { profiles: string[]; same: boolean }> {
  const dir = writeTree(files);
  try {
    const [deployment] = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) }).deployments;
    const out: Record<string, { profiles: string[]; same: boolean }> = {};
    for (const [doc, records] of deployment!.derived.chlauthRecords) {
      const script = doc as ParsedDocument<MqscData>;
      const expected = effectiveChlauthRecords(script.data.commands, script.file.path);
      out[script.file.path.slice(dir.length + 1)] = {
        profiles: records.map((r) => `${r.type} ${r.profile}`),
        same: JSON.stringify(records) === JSON.stringify(expected),
      };
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the effective CHLAUTH records of each MQSC script, derived once per deployment', () => {
  it.each<[string, Tree, Record<string, { profiles: string[]; same: boolean }>]>([
    [
      "a script's own record beside the defaults of a new queue manager",
      { 'qm/QM1.mqsc': CHANNEL + BACKSTOP },
      {
        'qm/QM1.mqsc': {
          profiles: ['BLOCKUSER *', 'ADDRESSMAP SYSTEM.*', 'ADDRESSMAP SYSTEM.ADMIN.SVRCONN', 'ADDRESSMAP *'],
          same: true,
        },
      },
    ],
    [
      'a default removed by the script, and a second script with CHLAUTH disabled',
      {
        'qm/QM1.mqsc': CHANNEL + REMOVED,
        'qm2/QM2.mqsc': `ALTER QMGR CHLAUTH(DISABLED)\n${CHANNEL}`,
      },
      {
        'qm/QM1.mqsc': { profiles: ['BLOCKUSER *', 'ADDRESSMAP SYSTEM.ADMIN.SVRCONN'], same: true },
        'qm2/QM2.mqsc': {
          profiles: ['BLOCKUSER *', 'ADDRESSMAP SYSTEM.*', 'ADDRESSMAP SYSTEM.ADMIN.SVRCONN'],
          same: true,
        },
      },
    ],
  ])('%s', (_name, files, expected) => {
    expect(derivedRecords(files)).toEqual(expected);
  });
});
