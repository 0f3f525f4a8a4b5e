import { channelAccess } from '../../src/model/mq-access';
import { parseMqsc } from '../../src/parse/mqsc';
import type { MqscData } from '../../src/parse/mqsc';
import type { ParsedDocument } from '../../src/parse/types';

function access(mqsc: string, channel: string) {
  const doc = parseMqsc({ path: '/t/QM1.mqsc', text: mqsc } as never) as ParsedDocument<MqscData>;
  const ch = doc.data.objects.channels.get(channel);
  const input = ch
    ? {
        name: ch.name,
        chltype: ch.chltype!,
        attributes: ch.attributes,
        defined: ch.commands.some((c) => c.verb === 'DEFINE'),
      }
    : { name: channel, chltype: 'SVRCONN', defined: false };
  return channelAccess(doc, input)!;
}

describe('IBM MQ access decision per inbound channel', () => {
  it.each([
    [
      'CHLAUTH and CONNAUTH off, SVRCONN without MCAUSER',
      "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n",
      'APP',
      ['client-asserted user, administrator (mqm) possible, password not checked'],
      true,
    ],
    [
      'defaults: *MQADMIN blocks administrators asserting their id, CONNAUTH checks admins',
      'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n',
      'APP',
      ['client-asserted user, password checked for administrators'],
      false,
    ],
    [
      'RCVR without MCAUSER runs as the queue manager user',
      'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\n',
      'QM2.TO.QM1',
      ['runs as the queue manager user (mqm), administrator (mqm) possible, no password (queue manager channel)'],
      true,
    ],
    ['SYSTEM.DEF.SVRCONN is blocked by the default SYSTEM.* record', '', 'SYSTEM.DEF.SVRCONN', ['blocked'], false],
    [
      'a specific USERMAP beats the generic BLOCKUSER and the channel default',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('ops') USERSRC(MAP) MCAUSER('mqm')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      'APP',
      [
        "runs as mqm, administrator (mqm) possible (asserting the client user id 'ops')",
        'runs as app, password checked for administrators',
      ],
      false,
    ],
    [
      'a specific USERMAP beats a generic BLOCKUSER: BLOCKUSER judges the mapped user, not the asserted one',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN','bob')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('bob') USERSRC(MAP) MCAUSER('app')\n",
      'APP',
      [
        "runs as app, password checked for administrators (asserting the client user id 'bob')",
        'client-asserted user, password checked for administrators',
      ],
      false,
    ],
    [
      'a USERMAP to mqm is still refused by the *MQADMIN BLOCKUSER (AMQ9776)',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('ops') USERSRC(MAP) MCAUSER('mqm')\n",
      'APP',
      ["blocked (asserting the client user id 'ops')", 'client-asserted user, password checked for administrators'],
      false,
    ],
    [
      '*MQADMIN removed by a channel-specific BLOCKUSER',
      "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(ADMIN) CHLTYPE(SVRCONN)\nSET CHLAUTH('ADMIN') TYPE(BLOCKUSER) USERLIST('nobody')\n",
      'ADMIN',
      ['client-asserted user, administrator (mqm) possible, password not checked'],
      true,
    ],
    [
      'USERSRC(NOACCESS) for every address blocks the channel',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      'APP',
      ['blocked'],
      false,
    ],
    [
      'WARN(YES) only logs: the channel stays open',
      "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) WARN(YES)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('*MQADMIN') WARN(YES)\n",
      'APP',
      ['client-asserted user, administrator (mqm) possible, password not checked'],
      true,
    ],
    [
      'security exit: unknown',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SCYEXIT('blockip2(BlockExit)')\n",
      'APP',
      ['unknown (exit blockip2(BlockExit))'],
      false,
    ],
    [
      'MCAUSER(mqm) is refused by the default *MQADMIN rule',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('mqm')\n",
      'APP',
      ['blocked'],
      false,
    ],
    [
      'CHCKCLNT(REQUIRED) on the ADDRESSMAP checks every password',
      "ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nALTER QMGR CHLAUTH(ENABLED)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED)\n",
      'APP',
      ['client-asserted user, administrator (mqm) possible, password checked'],
      false,
    ],
    [
      'SSLPEERMAP needs a certificate, the rest is refused',
      "DEFINE CHANNEL(B2B) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\nSET CHLAUTH('B2B') TYPE(SSLPEERMAP) SSLPEER('CN=partner') USERSRC(MAP) MCAUSER('partner')\nSET CHLAUTH('B2B') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      'B2B',
      [
        "runs as partner, password checked for administrators (a certificate matching SSLPEER('CN=partner'))",
        'blocked',
      ],
      false,
    ],
  ])('%s', (_name, mqsc, channel, results, adminWithoutSecret) => {
    const a = access(mqsc, channel);
    expect(a.results).toEqual(results);
    expect(a.adminWithoutSecret).toBe(adminWithoutSecret);
  });

  it('names what it assumes and every location that decides', () => {
    const a = access('DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\n', 'QM2.TO.QM1');
    expect(a.assumed.join()).toContain('CHLAUTH(ENABLED)');
    const stated = access('ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR)\n', 'QM2.TO.QM1');
    expect(stated.assumed).toEqual([]);
    expect(stated.deciding.map((l) => l.range?.start.line)).toEqual([0]);
  });
});

describe('what the tree cannot tell stays unknown', () => {
  it('REQDADM on a USERMAP path: whether the asserted user is privileged is not in the tree (mq-container DEV.ADMIN.SVRCONN)', () => {
    const a = access(
      "DEFINE AUTHINFO('DEV.AUTHINFO') AUTHTYPE(IDPWOS) CHCKCLNT(REQDADM) CHCKLOCL(OPTIONAL) ADOPTCTX(YES) REPLACE\nALTER QMGR CONNAUTH('DEV.AUTHINFO')\nDEFINE CHANNEL('DEV.ADMIN.SVRCONN') CHLTYPE(SVRCONN) REPLACE\nSET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(REPLACE)\nSET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\nSET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(USERMAP) CLNTUSER('admin') USERSRC(CHANNEL) ACTION(REPLACE)\nSET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(USERMAP) CLNTUSER('admin') USERSRC(MAP) MCAUSER ('mqm') ACTION(REPLACE)\n",
      'DEV.ADMIN.SVRCONN',
    );
    expect(a.results).toEqual([
      "runs as mqm, administrator (mqm) possible (asserting the client user id 'admin')",
      'blocked',
    ]);
    expect(a.adminWithoutSecret).toBe(false);
  });

  it('a template in a matching record makes the rest of the decision unknown', () => {
    const a = access(
      "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody')\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('{{ .Net }}') USERSRC(CHANNEL)\n",
      'APP',
    );
    expect(a.results).toEqual(["unknown (template in SET CHLAUTH('APP') ADDRESSMAP)"]);
    expect(a.adminWithoutSecret).toBe(false);
  });

  it('a templated CHCKCLNT leaves the password check unknown', () => {
    const a = access(
      "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\nSET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT({{ .ChckClnt }})\n",
      'DEV.APP.SVRCONN',
    );
    expect(a.results).toEqual(['runs as app']);
  });
});
