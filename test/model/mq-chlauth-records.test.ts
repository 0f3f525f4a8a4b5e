import { parseMqsc } from '../../src/parse/mqsc';
import { listItemFrom, listValues } from '../../src/model/mq-chlauth';
import { effectiveChlauthRecords, refusedChlauthAdds } from '../../src/model/mq-chlauth-records';

const commands = (text: string) => parseMqsc({ path: '/t/QM1.mqsc', text, hadBom: false }).data.commands;
const list = (text: string, profile: string, type = 'BLOCKUSER') => {
  const record = effectiveChlauthRecords(commands(text), '/t/QM1.mqsc').find(
    (r) => r.profile === profile && r.type === type,
  );
  return record && listValues(record.attributes.USERLIST ?? record.attributes.ADDRLIST);
};

// IBM MQ SET CHLAUTH, ACTION (https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q086630_.html): for BLOCKUSER and
// BLOCKADDR, ADD (the default) adds to the list, REPLACE replaces the list, REMOVE removes the items named (the last one
// the record), REMOVEALL removes the record. A new queue manager holds SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN').
describe('SET CHLAUTH on list records, as MQ applies each ACTION', () => {
  it.each([
    ['a new queue manager', '', '*', ['*MQADMIN']],
    [
      "the default list + the script's ADD of 'nobody' (no ACTION): administrators stay blocked",
      "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') DESCR('Allow privileged users on all channels')\n",
      '*',
      ['*MQADMIN', 'nobody'],
    ],
    [
      "the default list + ACTION(REPLACE) of 'nobody': administrators are no longer blocked",
      "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\n",
      '*',
      ['nobody'],
    ],
    [
      'ADD of *MQADMIN twice: one list, nothing refused',
      "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(ADD)\n",
      'APP',
      ['*MQADMIN'],
    ],
    [
      'ADD twice on a channel profile: both lists',
      "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN','guest')\n",
      'APP',
      ['nobody', '*MQADMIN', 'guest'],
    ],
    [
      'REMOVE of one user: the others stay',
      "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN','guest')\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('guest') ACTION(REMOVE)\n",
      'APP',
      ['*MQADMIN'],
    ],
    [
      'REMOVE of the last user removes the record (the default one too)',
      "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\n",
      '*',
      undefined,
    ],
    [
      'REMOVEALL removes the record',
      "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('*') TYPE(BLOCKUSER) ACTION(REMOVEALL)\n",
      '*',
      undefined,
    ],
    [
      'REPLACE with an empty list acts like REMOVEALL',
      "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('') ACTION(REPLACE)\n",
      '*',
      undefined,
    ],
    [
      'a REMOVE of another profile leaves the list',
      "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REMOVE)\n",
      '*',
      ['*MQADMIN'],
    ],
  ])('%s', (_name, text, profile, expected) => {
    expect(list(text, profile)).toEqual(expected);
    expect(refusedChlauthAdds(commands(text), '/t/QM1.mqsc')).toEqual([]);
  });

  it('BLOCKADDR: ADD adds addresses to the list', () => {
    const text =
      "SET CHLAUTH('*') TYPE(BLOCKADDR) ADDRLIST('10.0.0.1')\nSET CHLAUTH('*') TYPE(BLOCKADDR) ADDRLIST('10.0.0.2')\n";
    expect(list(text, '*', 'BLOCKADDR')).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it("an item keeps where it was put in the list: *MQADMIN from the default, 'nobody' from the script", () => {
    const text = "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody')\n";
    const record = effectiveChlauthRecords(commands(text), '/t/QM1.mqsc').find((r) => r.type === 'BLOCKUSER')!;
    expect(listItemFrom(record, (items) => items.includes('*MQADMIN')).kind).toBe('default');
    const nobody = listItemFrom(record, (items) => items.includes('nobody'));
    expect(nobody.kind === 'file' && nobody.location.range?.start.line).toBe(0);
  });
});

describe('SET CHLAUTH on mapping records', () => {
  it.each([
    [
      'ADD of a record the script set: refused (3337), the first stays',
      "SET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\nSET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      ['CHANNEL'],
      [[1, 0]],
    ],
    [
      'ADD of a record of every new queue manager: refused, the default stays',
      "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      ['CHANNEL'],
      [[0, 'default']],
    ],
    [
      'REPLACE replaces',
      "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\n",
      ['NOACCESS'],
      [],
    ],
    [
      'REMOVE then ADD: added',
      "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\nSET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      ['NOACCESS'],
      [],
    ],
    [
      'REMOVE of another address leaves the record',
      "SET CHLAUTH('SYSTEM.ADMIN.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.*') ACTION(REMOVE)\n",
      ['CHANNEL'],
      [],
    ],
  ])('%s', (_name, text, usersrc, refused) => {
    const all = commands(text);
    const profile = text.startsWith("SET CHLAUTH('A')") ? 'A' : 'SYSTEM.ADMIN.SVRCONN';
    expect(
      effectiveChlauthRecords(all, '/t/QM1.mqsc')
        .filter((r) => r.profile === profile && r.type === 'ADDRESSMAP')
        .map((r) => r.attributes.USERSRC),
    ).toEqual(usersrc);
    expect(
      refusedChlauthAdds(all, '/t/QM1.mqsc').map(({ record, kept }) => [
        record.command.range.start.line,
        typeof kept === 'string' ? 'default' : kept.range.start.line,
      ]),
    ).toEqual(refused);
  });
});
