import { renderPhrase } from '../../src/core/phrase';
import { channelAccess } from '../../src/model/mq-channel-access';
import { profileMatch } from '../../src/model/mq-chlauth';
import { mqscScripts } from '../../src/model/mq-scripts';
import { parseMqIni } from '../../src/parse/mq-ini';
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
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('ops') USERSRC(MAP) MCAUSER('mqm')\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\n",
      'APP',
      [
        "runs as mqm, administrator (mqm) possible (asserting the client user id 'ops')",
        'runs as app, password checked only when the client asserts an administrator id',
      ],
      false,
    ],
    [
      'a specific USERMAP beats a generic BLOCKUSER: BLOCKUSER judges the mapped user, not the asserted one',
      "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN','bob')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('bob') USERSRC(MAP) MCAUSER('app')\n",
      'APP',
      [
        "runs as app, password checked only when the client asserts an administrator id (asserting the client user id 'bob')",
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
        "runs as partner, password checked only when the client asserts an administrator id (a certificate matching SSLPEER('CN=partner'))",
        'anyone else blocked',
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
    expect(a.assumed.map((p) => renderPhrase(p, (text) => text)).join()).toContain('CHLAUTH(ENABLED)');
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
      'anyone else blocked',
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

  // ibm-cloudintegration/mqoncp4i-2025@f45ab428425a MQonCP4I/multiinstance: set chlauth($CHANNEL) TYPE(BLOCKUSER) USERLIST(NOBODY).
  it('a record with a templated profile that may match the channel: the decision holds unless it does', () => {
    const a = access(
      'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nset chlauth($CHANNEL) TYPE(BLOCKUSER) USERLIST(NOBODY)\n',
      'APP',
    );
    expect(a.results).toEqual([
      'client-asserted user, password checked for administrators',
      "unless SET CHLAUTH('$CHANNEL') BLOCKUSER matches APP",
    ]);
    expect(a.uncertain.map((r) => r.profile)).toEqual(['$CHANNEL']);
    expect(a.deciding.map((l) => l.message)).toContain("SET CHLAUTH('$CHANNEL') TYPE(BLOCKUSER) may match APP");
  });

  it('the same placeholder as profile and channel name is the same value: the record applies', () => {
    const a = access(
      'DEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN)\nset chlauth($CHANNEL) TYPE(BLOCKUSER) USERLIST(NOBODY)\n',
      '$CHANNEL',
    );
    // *MQADMIN is replaced for the channel; only whether the name makes it SYSTEM.* (refused by default) is unknown.
    expect(a.results).toEqual([
      'client-asserted user, administrator (mqm) possible, password checked for administrators',
      "unless SET CHLAUTH('SYSTEM.*') ADDRESSMAP matches $CHANNEL",
    ]);
    expect(a.nameDecides).toBe(true);
  });

  it('a templated name with a fixed part no specific profile can match: the name does not decide', () => {
    const a = access('DEFINE CHANNEL(TO_$CLUSTER) CHLTYPE(SVRCONN)\n', 'TO_$CLUSTER');
    expect(a.results).toEqual(['client-asserted user, password checked for administrators']);
    expect(a.nameDecides).toBe(false);
    expect(access('DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n', 'APP').nameDecides).toBe(true);
  });

  it('a templated CHCKCLNT leaves the password check unknown', () => {
    const a = access(
      "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\nSET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT({{ .ChckClnt }})\n",
      'DEV.APP.SVRCONN',
    );
    expect(a.results).toEqual(['runs as app']);
  });
});

describe('MQSC files of one queue manager are applied as one script, in the order MQ applies them', () => {
  const DEFINE = "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
  const ALTER_TLS = "ALTER CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS12_OR_HIGHER') SSLCAUTH(OPTIONAL)\n";
  function scripts(files: Record<string, string>) {
    const docs = Object.entries(files).map(([path, text]) =>
      path.endsWith('qm.ini')
        ? parseMqIni({ path: `/t/${path}`, text } as never)
        : parseMqsc({ path: `/t/${path}`, text } as never),
    );
    return mqscScripts(docs);
  }
  const where = (p: { file?: string; keywordRange: { start: { line: number } } } | undefined) =>
    p ? `${(p.file ?? '?').replace('/t/', '')}:${p.keywordRange.start.line + 1}` : undefined;

  it.each<[string, Record<string, string>, number, string | undefined, string[]]>([
    [
      'numbered files of one directory: the later ALTER sets TLS on the earlier DEFINE',
      { 'qm1/10-dev.mqsc': DEFINE, 'qm1/20-tls.mqsc': ALTER_TLS },
      1,
      'qm1/20-tls.mqsc:1',
      [],
    ],
    [
      'name order, not listing order: 05-tls runs before 10-dev, so its ALTER fails and the channel has no TLS',
      { 'qm1/10-dev.mqsc': DEFINE, 'qm1/05-tls.mqsc': ALTER_TLS },
      1,
      undefined,
      ['not-found CHANNEL(APP) qm1/05-tls.mqsc:1'],
    ],
    [
      'a later DEFINE REPLACE resets what the earlier file set',
      { 'qm1/10-tls.mqsc': DEFINE.replace(' REPLACE', " SSLCIPH('ANY_TLS13') REPLACE"), 'qm1/20-dev.mqsc': DEFINE },
      1,
      undefined,
      [],
    ],
    [
      'a later DEFINE without REPLACE (or NOREPLACE) fails: the first definition stays',
      {
        'qm1/10-dev.mqsc': DEFINE,
        'qm1/20-tls.mqsc': "DEFINE CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH('ANY_TLS13') NOREPLACE\n",
      },
      1,
      undefined,
      ['exists CHANNEL(APP) qm1/20-tls.mqsc:1'],
    ],
    [
      'the *.mqsc files of the directory qm.ini names in AutoConfig MQSCConfig, alphabetically',
      {
        'qm1/qm.ini': 'AutoConfig:\n   MQSCConfig=/etc/mqm/autocfg/\n',
        'qm1/autocfg/app.mqsc': DEFINE,
        'qm1/autocfg/tls.mqsc': ALTER_TLS,
      },
      1,
      'qm1/autocfg/tls.mqsc:1',
      [],
    ],
    [
      'unnumbered files of a directory without AutoConfig stay separate scripts (nothing says one queue manager applies both)',
      { 'qm1/app.mqsc': DEFINE, 'qm1/tls.mqsc': ALTER_TLS },
      2,
      undefined,
      [],
    ],
    [
      'historic revisions of a file are never combined',
      { 'c/10-dev.mqsc': DEFINE, 'c/10-dev.mqsc@d56fce65': ALTER_TLS },
      2,
      undefined,
      [],
    ],
  ])('%s', (_name, files, count, sslciph, failed) => {
    const all = scripts(files);
    expect(all).toHaveLength(count);
    const script = all.find((s) => s.data.objects.channels.get('APP')?.definedBy) ?? all[0]!;
    const channel = script.data.objects.channels.get('APP')!;
    const p = channel.attributes.get('SSLCIPH');
    expect(p?.value?.trim() ? where(p) : undefined).toBe(sslciph);
    expect(
      script.data.objects.failed.map(
        (f) => `${f.reason} ${f.object} ${f.command.file?.replace('/t/', '')}:${f.command.range.start.line + 1}`,
      ),
    ).toEqual(failed);
  });

  it('queue manager settings and records of later files decide access, each at its own file and line', () => {
    const [script] = scripts({
      'qm1/10-dev.mqsc': DEFINE,
      'qm1/20-sec.mqsc': "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDELETE CHANNEL('OLD')\n",
      'qm1/15-old.mqsc': "DEFINE CHANNEL('OLD') CHLTYPE(SVRCONN)\n",
    });
    const objects = script!.data.objects;
    expect(objects.channels.get('OLD')?.deleted).toBe(true);
    const channel = objects.channels.get('APP')!;
    const decision = channelAccess(script!, {
      name: 'APP',
      chltype: 'SVRCONN',
      attributes: channel.attributes,
      defined: true,
    })!;
    expect(decision.chlauth.value).toBe('DISABLED');
    expect(decision.chlauth.from.kind === 'file' && decision.chlauth.from.location.file).toBe('/t/qm1/20-sec.mqsc');
    expect(decision.connauth.authinfo.from.kind === 'file' && decision.connauth.authinfo.from.location.file).toBe(
      '/t/qm1/20-sec.mqsc',
    );
    expect(decision.deciding.map((l) => `${l.file.replace('/t/', '')}:${(l.range?.start.line ?? 0) + 1}`)).toContain(
      'qm1/20-sec.mqsc:1',
    );
  });
});

describe('CHLAUTH profile matching with template placeholders', () => {
  it.each([
    ['APP.*', 'APP.SVRCONN', 'yes'],
    ['APP.*', 'SYS.SVRCONN', 'no'],
    ['$CHANNEL', '$CHANNEL', 'yes'],
    ['$CHANNEL', 'APP', 'maybe'],
    ['SYSTEM.*', '$CHANNEL', 'maybe'],
    ['SYSTEM.*', 'TO_$CLUSTER', 'no'],
    ['TO_*', 'TO_$CLUSTER', 'yes'],
    ['*', '{{ .Values.channel }}', 'yes'],
    ['SYSTEM.ADMIN.SVRCONN', '${PREFIX}.SVRCONN', 'maybe'],
    ['SYSTEM.ADMIN.SVRCONN', '${PREFIX}.APP', 'no'],
  ])('%s against %s: %s', (profile, channel, expected) => {
    expect(profileMatch(profile, channel)).toBe(expected);
  });
});
